"""A Chinese-capable font for matplotlib, chosen once per process.

matplotlib's default DejaVu Sans has no CJK glyphs: every Chinese label would be a box. The
first installed candidate wins (Windows: Microsoft YaHei, SimHei; Linux: Noto Sans CJK,
WenQuanYi; a font file shipped in resources/fonts is registered first). A font without the
Unicode minus sign (SimHei) gets ``axes.unicode_minus = False`` so negative ticks still render.
"""

from __future__ import annotations

import logging
import threading

from outreach_desk.paths import resources_dir

CANDIDATES = ("Microsoft YaHei", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
              "WenQuanYi Zen Hei", "PingFang SC", "Heiti SC", "Noto Sans CJK JP")
FALLBACK = "DejaVu Sans"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
MINUS = "\u2212"

_lock = threading.Lock()
_chosen: str | None = None
log = logging.getLogger(__name__)


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


def configure() -> str:
    """Pick the CJK font and set matplotlib's defaults; return the family in use (idempotent, thread-safe)."""
    global _chosen
    with _lock:
        if _chosen is not None:
            return _chosen
        import matplotlib

        from matplotlib import font_manager

        _register_bundled()
        # one look at the installed families first: matching a family that is not there scores every font (~2 ms)
        families = {entry.name.lower() for entry in font_manager.fontManager.ttflist}
        found = [(name, path) for name in CANDIDATES if name.lower() in families and (path := installed(name))]
        if found:
            chosen, path = found[0]
        else:
            chosen, path = FALLBACK, installed(FALLBACK)
            log.warning("No Chinese font found for charts (tried %s); Chinese labels will not render.",
                        ", ".join(CANDIDATES))
        others = [name for name, _ in found[1:]]
        matplotlib.rcParams["font.family"] = "sans-serif"
        matplotlib.rcParams["font.sans-serif"] = [chosen, *others, FALLBACK]
        matplotlib.rcParams["axes.unicode_minus"] = bool(path) and _has_minus(path)
        matplotlib.rcParams["svg.fonttype"] = "path"
        _chosen = chosen
        log.info("Charts use the font %s (%s)", chosen, path)
        return chosen
