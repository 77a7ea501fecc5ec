"""The charts' measured and rasterised lines kept between runs, as matplotlib keeps its font list.

Laying out and rasterising each line of text is most of a chart's first draw, and a dashboard
shows the same village names and figures day after day. ``save`` writes what ``text_stamps``
holds (Agg measures, line pictures, unhinted widths) to one file in the user's data folder;
``load`` reads it back at the next start when it was made with the same matplotlib, font files
and text settings (anything else, or a damaged file, is ignored: the lines are drawn again).
The file holds numbers and JSON only (no pickle) and is replaced whole.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import zipfile
from pathlib import Path

import numpy as np

from outreach_desk.services.charts import text_stamps
from outreach_desk.services.errors import ServiceError

VERSION = 1
FILE_NAME = "chart-text-cache.npz"
MAX_BYTES = 16 * 1024 * 1024   # pictures kept at most (a county's names and figures take well under 1 MB)

log = logging.getLogger(__name__)
_lock = threading.Lock()
_saved: tuple[Path, int] | None = None   # the file last written or read, and the caches' changes then


def default_path() -> Path:
    from outreach_desk.paths import user_data_dir

    return user_data_dir() / FILE_NAME


def identity() -> str:
    """What the cached lines depend on: matplotlib's version, its text settings, the chart fonts' files."""
    import matplotlib
    from matplotlib import rcParams

    from outreach_desk.services.charts import fonts

    files = []
    for family in rcParams["font.sans-serif"]:
        path = fonts.installed(family)
        if path:
            stat = os.stat(path)
            files.append([family, path, stat.st_size, stat.st_mtime_ns])
    settings = [str(rcParams[name]) for name in ("text.hinting", "text.hinting_factor", "text.antialiased",
                                                 "text.kerning_factor", "font.family")]
    return json.dumps([VERSION, matplotlib.__version__, settings, files], ensure_ascii=False)


def _plain(key) -> list:
    return [_plain(part) if isinstance(part, tuple) else part for part in key]


def _key(value) -> tuple:
    return tuple(_key(part) if isinstance(part, list) else part for part in value)


def save(path: Path | None = None) -> bool:
    """Write the lines measured and drawn so far (when there are new ones); True when a file was written.
    A full disk or an unwritable folder only costs the next start its first draw: nothing is raised."""
    global _saved
    from outreach_desk.services import safe_files

    path = path or default_path()
    with _lock:
        if _saved == (path, text_stamps.changes()) and path.is_file():
            return False
        changes = text_stamps.changes()
        metrics = [[_plain(key), list(value)] for key, value in list(text_stamps._metrics.items())
                   if key[0] == "agg"]
        widths = [[_plain(key), value] for key, value in list(text_stamps._em_widths.items())]
        places, pictures, used = [], [], 0
        for key, (mask, right, up) in list(text_stamps._masks.items()):
            if used + mask.size > MAX_BYTES:
                break
            places.append([_plain(key), list(mask.shape), int(right), int(up)])
            pictures.append(mask.reshape(-1))
            used += mask.size
        index = json.dumps({"identity": identity(), "metrics": metrics, "widths": widths, "places": places},
                           ensure_ascii=False).encode("utf-8")
        try:
            safe_files.ensure_folder(path.parent)
            with safe_files.replacing(path) as stream:
                np.savez(stream, index=np.frombuffer(index, dtype=np.uint8),
                         pictures=np.concatenate(pictures) if pictures else np.zeros(0, np.uint8))
        except (OSError, ValueError, ServiceError) as error:
            log.info("The chart text cache was not saved to %s: %s", path, error)
            return False
        _saved = (path, changes)
        return True


def load(path: Path | None = None) -> int:
    """Read the lines a former run saved, when they fit this run's fonts and settings; return how many."""
    global _saved
    from outreach_desk.services import safe_files

    path = path or default_path()
    try:
        with safe_files.open_file(path, "rb") as stream, np.load(stream, allow_pickle=False) as stored:
            index = json.loads(stored["index"].tobytes().decode("utf-8"))
            pictures = stored["pictures"]
    except FileNotFoundError:
        return 0
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, UnicodeDecodeError, ServiceError) as error:
        log.info("The chart text cache %s could not be read (%s); lines are drawn again", path, error)
        return 0
    if not isinstance(index, dict) or index.get("identity") != identity():
        return 0
    try:
        with _lock:
            for key, value in index["metrics"]:
                text_stamps._metrics.setdefault(_key(key), tuple(float(v) for v in value))
            for key, value in index["widths"]:
                text_stamps._em_widths.setdefault(_key(key), float(value))
            at = 0
            for key, (rows, columns), right, up in index["places"]:
                mask = pictures[at:at + rows * columns].reshape(rows, columns)
                at += rows * columns
                text_stamps._masks.setdefault(_key(key), (mask, int(right), int(up)))
            _saved = (path, text_stamps.changes())
    except (TypeError, ValueError, KeyError) as error:
        log.info("The chart text cache %s is not what this program writes (%s)", path, error)
        return 0
    return len(index["places"])
