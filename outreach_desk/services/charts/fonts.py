"""A Chinese-capable font for matplotlib, chosen once per process.

matplotlib's default DejaVu Sans has no CJK glyphs: every Chinese label would be a box. The
first installed candidate wins (Windows: Microsoft YaHei, SimHei; Linux: Noto Sans CJK,
WenQuanYi; a font file shipped in resources/fonts is registered first). When matplotlib's font
cache knows none, though the system has one (a cache built before the font was installed), the
system's Chinese font files are added once through ``fontManager.addfont``. With no Chinese font
at all the charts are drawn with DejaVu Sans and ``problem()`` says so in one sentence. A font
without the Unicode minus sign (SimHei) gets ``axes.unicode_minus = False``.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.paths import resources_dir

CANDIDATES = ("Microsoft YaHei", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
              "WenQuanYi Zen Hei", "PingFang SC", "Heiti SC", "DengXian", "Noto Sans CJK JP")
FALLBACK = "DejaVu Sans"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
MINUS = "\u2212"
#: Chinese fonts in the Windows fonts folder (YaHei, SimHei, DengXian, SimSun)
WINDOWS_FILES = ("msyh.ttc", "msyhbd.ttc", "simhei.ttf", "Deng.ttf", "simsun.ttc")
FC_LIST_TIMEOUT_S = 20

_lock = threading.Lock()
_chosen: FontChoice | None = None
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FontChoice:
    family: str
    path: str | None
    chinese: bool        # the family has Chinese glyphs
    mended: bool         # found only after adding the system's Chinese font files


def _register_bundled() -> None:
    from matplotlib import font_manager

    folder = resources_dir() / "fonts"
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in FONT_SUFFIXES:
                font_manager.fontManager.addfont(str(path))


def installed(name: str) -> str | None:
    """The file of font family ``name``, or None when it is not installed (no silent fallback)."""
    from matplotlib import font_manager

    try:
        return font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
    except ValueError:
        return None


def _has_minus(path: str) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        return FT2Font(path).get_char_index(ord(MINUS)) != 0
    except (OSError, RuntimeError):
        return False


def _candidates_known() -> list[tuple[str, str]]:
    """(family, file) of each candidate matplotlib knows, best first."""
    from matplotlib import font_manager

    # one look at the known families first: matching a family that is not there scores every font
    families = {entry.name.lower() for entry in font_manager.fontManager.ttflist}
    return [(name, path) for name in CANDIDATES if name.lower() in families and (path := installed(name))]


def system_chinese_files() -> list[str]:
    """The Chinese font files the system has: what ``fc-list :lang=zh file`` names, or on Windows the
    Chinese fonts of the fonts folders."""
    if sys.platform == "win32":
        folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if os.environ.get("LOCALAPPDATA"):
            folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return [str(folder / name) for folder in folders for name in WINDOWS_FILES if (folder / name).is_file()]
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        listed = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True, errors="replace",
                                timeout=FC_LIST_TIMEOUT_S, check=False).stdout
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("fc-list could not list the Chinese fonts: %s", error)
        return []
    files = {line.strip().rstrip(":").strip() for line in listed.splitlines()}
    return sorted(path for path in files if path.lower().endswith(FONT_SUFFIXES) and os.path.isfile(path))


def _mend_cache() -> bool:
    """Add the system's Chinese font files matplotlib's cache does not list; True when any was added."""
    from matplotlib import font_manager

    known = {os.path.normcase(os.path.abspath(entry.fname)) for entry in font_manager.fontManager.ttflist}
    added = False
    for path in system_chinese_files():
        if os.path.normcase(os.path.abspath(path)) in known:
            continue
        try:
            font_manager.fontManager.addfont(path)
            added = True
        except (OSError, RuntimeError, ValueError) as error:
            log.warning("The font file %s could not be read: %s", path, error)
    return added


def choose() -> FontChoice:
    """Pick the CJK font and set matplotlib's defaults; the choice is made once (thread-safe)."""
    global _chosen
    with _lock:
        if _chosen is not None:
            return _chosen
        import matplotlib

        _register_bundled()
        found = _candidates_known()
        mended = False
        if not found and _mend_cache():
            found = _candidates_known()
            mended = bool(found)
            if mended:
                log.info("matplotlib's font cache listed no Chinese font; added the system's Chinese font files")
        if found:
            family, path = found[0]
        else:
            family, path = FALLBACK, installed(FALLBACK)
            log.warning("No Chinese font found for charts (tried %s); Chinese labels will not render.",
                        ", ".join(CANDIDATES))
        others = [name for name, _ in found[1:]]
        matplotlib.rcParams["font.family"] = "sans-serif"
        matplotlib.rcParams["font.sans-serif"] = [family, *others, FALLBACK]
        matplotlib.rcParams["axes.unicode_minus"] = bool(path) and _has_minus(path)
        matplotlib.rcParams["svg.fonttype"] = "path"
        _chosen = FontChoice(family, path, bool(found), mended)
        log.info("Charts use the font %s (%s)", family, path)
        return _chosen


def configure() -> str:
    """Choose the chart font (once); return the family in use."""
    return choose().family


def has_chinese() -> bool:
    return choose().chinese


def problem() -> str | None:
    """One sentence for the user when the charts cannot write Chinese; None when they can."""
    if has_chinese():
        return None
    return translate("Charts", "This computer has no Chinese font, so the Chinese in the charts shows as boxes; "
                               "install one (Microsoft YaHei or Noto Sans CJK, for example) and open the program "
                               "again.")
