"""Lines of chart text measured, and for the Agg canvas rasterised, once per process, then stamped.

A matplotlib ``Text`` lays its string out again at every draw, and the dashboard's strings repeat:
a village's name comes back in three charts, heat-map cells carry the same few figures. Each line
is measured once (``text_metrics``); on the Agg canvas (screen, PNG) it is drawn once by
matplotlib's own ``RendererAgg.draw_text`` into a small scratch canvas, kept as a coverage mask,
and placed with ``renderer.draw_image`` in any colour. Other renderers (SVG, PDF) get
``renderer.draw_text``. Only matplotlib's public renderer API is used. ``text_cache`` keeps the
Agg measures and pictures between runs.
"""

from __future__ import annotations

import math
import threading

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties, findfont, get_font

_MAX_CACHED = 20000
_PAD = 2   # pixels of scratch canvas around a line: antialiasing reaches past the measured box
_metrics: dict[tuple, tuple[float, float, float]] = {}    # (kind, pixels per point, line, font) → metrics
_masks: dict[tuple, tuple[np.ndarray, int, int]] = {}     # (line, font, dpi, angle) → picture and place
_em_widths: dict[tuple, float] = {}                        # (line, bold) → width at 1 point, unhinted
_line_boxes: dict[tuple, tuple[float, float, float]] = {}
_local = threading.local()
REFERENCE_SIZE = 10.0


def forget() -> None:
    """Drop every measured and drawn line (the next draw lays them out again)."""
    global _changes
    for cache in (_metrics, _masks, _em_widths, _line_boxes):
        cache.clear()
    _changes += 1


def font_key(prop: FontProperties) -> tuple:
    """What picks and sizes the font of ``prop``, as plain values (a cache key that can be stored)."""
    return (tuple(prop.get_family()), prop.get_style(), prop.get_variant(), str(prop.get_weight()),
            str(prop.get_stretch()), float(prop.get_size_in_points()))


def _kind(renderer) -> str:
    return "agg" if isinstance(renderer, RendererAgg) else type(renderer).__name__


_changes = 0


def _remember(cache: dict, key, value):
    global _changes
    if len(cache) > _MAX_CACHED:
        cache.clear()
    cache[key] = value
    _changes += 1
    return value


def changes() -> int:
    """How many times the caches have changed in this process (``text_cache`` saves only after a change)."""
    return _changes


def measuring_renderer() -> RendererAgg:
    """An Agg renderer at the figures' resolution, one per thread, for measuring without a canvas."""
    from matplotlib import rcParams

    dpi = rcParams["figure.dpi"]
    renderer = getattr(_local, "renderer", None)
    if renderer is None or renderer.dpi != dpi:
        renderer = _local.renderer = RendererAgg(1, 1, dpi)
    return renderer


def text_metrics(renderer, line: str, prop: FontProperties) -> tuple[float, float, float]:
    """(width, height, descent) of ``line`` in the renderer's pixels, measured once per renderer kind and scale."""
    key = (_kind(renderer), float(renderer.points_to_pixels(1.0)), line, font_key(prop))
    found = _metrics.get(key)
    if found is None:
        found = _remember(_metrics, key, tuple(renderer.get_text_width_height_descent(line, prop, ismath=False)))
    return found


def em_width(line: str, bold: bool) -> float:
    """Width of ``line`` at 1 point, laid out unhinted (matplotlib's ``TextToPath``): widths scale with the size."""
    key = (line, bool(bold))
    found = _em_widths.get(key)
    if found is None:
        from matplotlib.textpath import TextToPath

        measure = getattr(_local, "measure", None)
        if measure is None:
            measure = _local.measure = TextToPath()   # one per thread: a report may be drawn beside the dashboard
        prop = FontProperties(size=REFERENCE_SIZE, weight="bold" if bold else "normal")
        found = _remember(_em_widths, key,
                          measure.get_text_width_height_descent(line, prop, ismath=False)[0] / REFERENCE_SIZE)
    return found


def line_box(renderer, prop: FontProperties) -> tuple[float, float, float]:
    """(ascent, descent, gap between lines) in pixels: what a ``Text`` reserves for any line (the font's own
    line metrics), so labels of one row share a baseline whatever their letters."""
    scale = renderer.points_to_pixels(prop.get_size_in_points())
    key = (prop, scale)
    found = _line_boxes.get(key)
    if found is None:
        found = _font_line_box(prop, scale)
        if found is None:   # a font without those tables: what the letters "lp" reach
            _width, height, descent = text_metrics(renderer, "lp", prop)
            found = (height - descent, descent, 0.0)
        _remember(_line_boxes, key, found)
    return found


def _font_line_box(prop: FontProperties, scale: float) -> tuple[float, float, float] | None:
    """Ascent, descent and line gap from the font's OS/2 or hhea table, at ``scale`` pixels per em; None where
    matplotlib does not report those fields (before 3.11, when a Text measured "lp" instead)."""
    font = get_font(findfont(prop))
    head = font.get_sfnt_table("head")
    for table_name, gap, ascent, descent in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                             ("hhea", "lineGap", "ascent", "descent")):
        table = font.get_sfnt_table(table_name)
        if table is not None and head is not None:
            if not all(field in table for field in (gap, ascent, descent)):
                return None
            unit = scale / head["unitsPerEm"]
            return table[ascent] * unit, -table[descent] * unit, table[gap] * unit
    return None


def line_box_points(prop: FontProperties) -> tuple[float, float, float]:
    """``line_box`` in points."""
    renderer = measuring_renderer()
    scale = renderer.points_to_pixels(1.0)
    return tuple(value / scale for value in line_box(renderer, prop))


def stamps_bitmaps(renderer) -> bool:
    """Whether lines are stamped as cached pictures on this renderer (the Agg canvas) rather than drawn as text."""
    return isinstance(renderer, RendererAgg)


def _mask(renderer, line: str, prop: FontProperties, angle: float) -> tuple[np.ndarray, int, int]:
    """The line's coverage (0-255) drawn by Agg, bottom row first, and where its top-left pixel sits from the
    baseline's start (pixels right, pixels up), made once per line, font, resolution and angle."""
    key = (line, font_key(prop), float(renderer.dpi), float(angle))
    found = _masks.get(key)
    if found is None:
        width, height, _descent = text_metrics(renderer, line, prop)
        half = math.ceil(width + height) + _PAD
        scratch = RendererAgg(2 * half, 2 * half, renderer.dpi)
        gc = scratch.new_gc()
        gc.set_foreground((0.0, 0.0, 0.0, 1.0), isRGBA=True)
        gc.set_antialiased(True)
        scratch.draw_text(gc, half, half, line, prop, angle)   # the baseline's start at the centre (y down)
        gc.restore()
        alpha = np.asarray(scratch.buffer_rgba())[:, :, 3]
        rows, columns = np.nonzero(alpha.any(axis=1))[0], np.nonzero(alpha.any(axis=0))[0]
        if not rows.size:
            found = (np.zeros((0, 0), np.uint8), 0, 0)
        else:
            top, left = int(rows[0]), int(columns[0])
            # bottom row first: how draw_image takes a picture
            mask = alpha[int(rows[-1]):top - 1 if top else None:-1, left:int(columns[-1]) + 1].copy()
            found = (mask, left - half, half - top)
        _remember(_masks, key, found)
    return found


def _coloured(mask: np.ndarray, colour) -> np.ndarray:
    image = np.empty(mask.shape + (4,), np.uint8)
    image[:, :, :3] = np.round(np.asarray(colour[:3]) * 255).astype(np.uint8)
    image[:, :, 3] = (mask.astype(np.uint16) * round(colour[3] * 255) // 255).astype(np.uint8)
    return image


def stamp(renderer, gc, x: float, y: float, line: str, prop: FontProperties, angle: float, colour) -> None:
    """Draw ``line`` with its baseline starting at display point (``x``, ``y``) (pixels, y up), in ``colour``
    (RGBA), turned by ``angle`` degrees: a cached picture on Agg, ``draw_text`` elsewhere."""
    if not stamps_bitmaps(renderer):
        gc.set_foreground(colour, isRGBA=True)
        down = renderer.get_canvas_width_height()[1] - y if renderer.flipy() else y
        renderer.draw_text(gc, x, down, line, prop, angle)
        return
    mask, right, up = _mask(renderer, line, prop, angle)
    if mask.size:
        left, top = round(x) + right, round(y) + up
        renderer.draw_image(gc, left, top - mask.shape[0], _coloured(mask, colour))
