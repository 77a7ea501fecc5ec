"""Text on the Agg canvas laid out and rasterised once per line, font and size, then stamped.

Each text layout costs about half a millisecond in matplotlib 3.11 (glyphs loaded and shaped
again each time), and a village's name comes back in three charts and at every redraw. These
caches keep, per process, each line's size (``text_metrics``), its bitmap (``line_bitmap``) and
each font's line box (``font_box``); the font file of a face is matched once, not for each size.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.font_manager import FontProperties, findfont, get_font

_metrics: dict[tuple, tuple[float, float, float]] = {}
_line_metrics: dict[tuple, tuple[float, float, float]] = {}
_bitmaps: dict[tuple, tuple[np.ndarray, float, float]] = {}
_MAX_CACHED = 20000


def text_metrics(renderer, line: str, prop: FontProperties) -> tuple[float, float, float]:
    """(width, height, descent) in pixels, measured once per renderer kind, scale and font."""
    key = (type(renderer), renderer.points_to_pixels(1.0), line, prop)
    found = _metrics.get(key)
    if found is None:
        if len(_metrics) > _MAX_CACHED:
            _metrics.clear()
        if stamps_bitmaps(renderer):   # what RendererAgg measures, with the font found once per face
            from matplotlib.backends.backend_agg import get_hinting_flag

            font = _agg_font(renderer, prop)
            font.set_text(line, 0.0, flags=get_hinting_flag())
            width, height = font.get_width_height()
            found = (width / 64, height / 64, font.get_descent() / 64)
        else:
            found = renderer.get_text_width_height_descent(line, prop, ismath=False)
        _metrics[key] = found
    return found


_font_files: dict[tuple, object] = {}


def _face(prop: FontProperties) -> tuple[tuple, FontProperties]:
    """The properties without their size: which font file to use does not depend on it (matplotlib matches
    every installed font again for each new size, ~5 ms each)."""
    key = (tuple(prop.get_family()), prop.get_style(), prop.get_variant(), prop.get_weight(), prop.get_stretch())
    return key, FontProperties(family=list(key[0]), style=key[1], variant=key[2], weight=key[3], stretch=key[4])


def _agg_font(renderer, prop: FontProperties):
    """What ``RendererAgg._prepare_font`` gives (the font with its fallbacks, cleared, at the renderer's size),
    without matching the properties against every installed font again for each string."""
    from matplotlib.font_manager import fontManager

    key, face = _face(prop)
    files = _font_files.get(key)
    if files is None:
        finder = getattr(fontManager, "_find_fonts_by_props", None)
        if finder is None:
            return renderer._prepare_font(prop)
        files = _font_files[key] = finder(face)
    font = get_font(files)   # one per thread: a worker may draw a report's charts meanwhile
    font.clear()
    font.set_size(prop.get_size_in_points(), renderer.dpi)
    return font


def line_bitmap(renderer, line: str, prop: FontProperties, angle: float) -> tuple[np.ndarray, float, float]:
    """The line rasterised (coverage 0-255) and where its bottom-left pixel goes from the baseline's start
    (pixels right, pixels down), made once per line, font, resolution and angle."""
    key = (line, prop, renderer.dpi, angle)
    found = _bitmaps.get(key)
    if found is None:
        from matplotlib.backends.backend_agg import get_hinting_flag

        if len(_bitmaps) > _MAX_CACHED:
            _bitmaps.clear()
        font = _agg_font(renderer, prop)
        font.set_text(line, angle, flags=get_hinting_flag())
        font.draw_glyphs_to_bitmap(antialiased=True)
        descent = font.get_descent() / 64
        if angle == 0:   # the same measure get_text_width_height_descent takes: keep it
            width, height = font.get_width_height()
            _metrics.setdefault((type(renderer), renderer.points_to_pixels(1.0), line, prop),
                                (width / 64, height / 64, descent))
        sin, cos = math.sin(math.radians(angle)), math.cos(math.radians(angle))
        found = _bitmaps[key] = (np.array(font.get_image()), font.get_bitmap_offset()[0] / 64 + descent * sin,
                                 descent * cos + 1)
    return found


def stamps_bitmaps(renderer) -> bool:
    from matplotlib.backends.backend_agg import RendererAgg

    return isinstance(renderer, RendererAgg) and hasattr(renderer, "_prepare_font")


def font_metrics(renderer, prop: FontProperties) -> tuple[float, float, float]:
    """(ascent, descent, line gap) of the font in pixels: what a ``Text`` reserves for any line, so labels of
    one row share a baseline whatever their letters."""
    return font_box(prop, renderer.points_to_pixels(prop.get_size_in_points()))


def font_box(prop: FontProperties, scale: float | None = None) -> tuple[float, float, float]:
    """(ascent, descent, line gap) of the font of ``prop`` at ``scale`` (default: its size, in points)."""
    scale = prop.get_size_in_points() if scale is None else scale
    key = (prop, scale)
    found = _line_metrics.get(key)
    if found is None:
        font = get_font(findfont(_face(prop)[1]))
        found = (0.0, 0.0, 0.0)
        for table_name, gap, ascent, descent in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                                 ("hhea", "lineGap", "ascent", "descent")):
            table = font.get_sfnt_table(table_name)
            if table is not None:
                unit = scale / font.get_sfnt_table("head")["unitsPerEm"]
                found = (table[ascent] * unit, -table[descent] * unit, table[gap] * unit)
                break
        _line_metrics[key] = found
    return found
