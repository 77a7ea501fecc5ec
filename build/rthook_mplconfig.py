"""PyInstaller runtime hook: keep matplotlib's font cache between launches.

PyInstaller's own matplotlib hook points MPLCONFIGDIR at a fresh temporary folder at every start
(pyinstaller issue 3472), so the font cache would be rebuilt each time a chart is first drawn.
This hook runs after it and uses a folder in the per-user data folder instead.
"""

import os

from outreach_desk.paths import user_data_dir

_folder = user_data_dir() / "matplotlib"
try:
    _folder.mkdir(parents=True, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = str(_folder)
except OSError:
    pass  # a read-only profile: matplotlib's temporary folder still works, only slower
