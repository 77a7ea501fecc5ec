"""Many short labels drawn by one artist: village names, values on bars, heat-map cells, the target's name.

A matplotlib ``Text`` costs about a millisecond each time a figure is drawn (its layout is worked out
again, a category tick adds two lines and a second text), and the dashboard draws several hundred:
that was most of its drawing time (issue 5). ``Labels`` holds the strings and their anchor points,
measures each string once per process and size, and hands every line straight to the renderer,
aligned the way a ``Text`` with the same alignment and rotation would be. SVG and PDF get each line
through ``renderer.draw_text``; on the Agg canvas (the screen, PNG) a line is laid out and rasterised
once per process into a small bitmap (as matplotlib up to 3.10 drew all its text; turned lines are
turned as outlines, not as pixels) and stamped where it belongs: each text layout costs about half
a millisecond in matplotlib 3.11, and a village's name comes back in three charts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.colors import to_rgba
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN, TICKLEFT, TICKRIGHT, TICKUP
from matplotlib.transforms import Bbox, IdentityTransform

_metrics: dict[tuple, tuple[float, float, float]] = {}
_line_metrics: dict[tuple, tuple[float, float, float]] = {}
_bitmaps: dict[tuple, tuple[np.ndarray, float, float]] = {}
_MAX_CACHED = 20000


def _text_metrics(renderer, line: str, prop: FontProperties) -> tuple[float, float, float]:
    """(width, height, descent) in pixels, measured once per renderer kind, scale and font."""
    key = (type(renderer), renderer.points_to_pixels(1.0), line, prop)
    found = _metrics.get(key)
    if found is None:
        if len(_metrics) > _MAX_CACHED:
            _metrics.clear()
        if _stamps_bitmaps(renderer):   # what RendererAgg measures, with the font found once per face
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


def _agg_bitmap(renderer, line: str, prop: FontProperties, angle: float) -> tuple[np.ndarray, float, float]:
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


def _stamps_bitmaps(renderer) -> bool:
    from matplotlib.backends.backend_agg import RendererAgg

    return isinstance(renderer, RendererAgg) and hasattr(renderer, "_prepare_font")


def _font_metrics(renderer, prop: FontProperties) -> tuple[float, float, float]:
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


def _rotate(angle: float, x: float, y: float) -> tuple[float, float]:
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return cos * x - sin * y, sin * x + cos * y


class Labels(Artist):
    """Strings at points of ``transform`` (data, axes or blended), moved by ``offset`` points, aligned by ``ha``
    and ``va`` like a ``Text`` (``rotation_mode`` "anchor" turns the text about its aligned anchor; "default"
    aligns the turned text's bounding box). ``colors`` is one colour or one per string. ``box``: a dict with
    ``facecolor``, ``alpha`` and ``pad`` (in font sizes) draws a rounded box behind each string.

    Never part of the layout: the builders keep room for labels with fixed margins.
    """

    zorder = 3

    def __init__(self, texts: Sequence[str], xy: Sequence[tuple[float, float]], *, transform, size: float,
                 colors="#333333", offset: tuple[float, float] = (0.0, 0.0), ha: str = "center", va: str = "center",
                 rotation: float = 0.0, rotation_mode: str = "anchor", weight: str = "normal",
                 box: dict | None = None, gid: str | None = None):
        super().__init__()
        self._texts = [str(text) for text in texts]
        self._xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        if len(self._texts) != len(self._xy):
            raise ValueError("one point per label")
        single = isinstance(colors, str) or (isinstance(colors, tuple) and len(colors) in (3, 4)
                                              and not isinstance(colors[0], (str, tuple)))
        self._colors = [to_rgba(colors)] * len(self._texts) if single else [to_rgba(c) for c in colors]
        self._offset = offset
        self._ha, self._va = ha, va
        self._rotation = float(rotation)
        self._rotation_mode = rotation_mode
        self._prop = FontProperties(size=size, weight=weight)
        self._box = box
        self.set_transform(transform)
        self.set_clip_on(False)
        self.set_in_layout(False)
        if gid is not None:
            self.set_gid(gid)

    # ------------------------------------------------------------------ what tests and callers read
    def get_texts(self) -> list[str]:
        return list(self._texts)

    def get_positions(self) -> list[tuple[float, float]]:
        return [tuple(point) for point in self._xy.tolist()]

    def get_fontsize(self) -> float:
        return self._prop.get_size_in_points()

    def get_rotation(self) -> float:
        return self._rotation

    def get_colors(self) -> list[tuple[float, float, float, float]]:
        return list(self._colors)

    # ------------------------------------------------------------------ layout
    def _layout(self, renderer, text: str):
        """Like ``Text._get_layout`` for one string: the bounding box corners relative to the anchor and each
        line's baseline start, in pixels (y up)."""
        ascent, descent, gap = _font_metrics(renderer, self._prop)
        lines = text.split("\n")
        gap = gap if len(lines) > 1 else 0.0
        placed, widths = [], []
        top = 0.0
        baseline = 0.0
        for line in lines:
            width, height, down = _text_metrics(renderer, line, self._prop) if line else (0.0, 0.0, 0.0)
            up = max(height - down, ascent) + gap / 2
            down = max(down, descent) + gap / 2
            baseline = up - top
            placed.append((line, top - up))
            widths.append(width)
            top -= up + down
        width, bottom = max(widths), top
        ha, va, angle = self._ha, self._va, self._rotation
        shift = {"left": 0.0, "right": 1.0}.get(ha, 0.5)
        lines_at = [(line, (width - w) * shift, y) for (line, y), w in zip(placed, widths)]
        corners = [(0.0, bottom), (0.0, 0.0), (width, 0.0), (width, bottom)]
        if self._rotation_mode == "anchor" or angle == 0:
            ox = width * shift
            oy = {"bottom": bottom, "top": 0.0, "baseline": -baseline}.get(va, bottom / 2)
            ox, oy = _rotate(angle, ox, oy)
        else:
            turned = [_rotate(angle, x, y) for x, y in corners]
            xs, ys = [p[0] for p in turned], [p[1] for p in turned]
            ox = {"left": min(xs), "right": max(xs)}.get(ha, (min(xs) + max(xs)) / 2)
            oy = {"bottom": min(ys), "top": max(ys)}.get(va, (min(ys) + max(ys)) / 2)
        box = [(x - ox, y - oy) for x, y in (_rotate(angle, cx, cy) for cx, cy in corners)]
        starts = []
        for line, x, y in lines_at:
            sx, sy = _rotate(angle, x, y)
            starts.append((line, sx - ox, sy - oy))
        return box, starts

    def _anchors(self, renderer) -> np.ndarray:
        points = self.get_transform().transform(self._xy)
        dx, dy = self._offset
        return points + np.array([renderer.points_to_pixels(dx), renderer.points_to_pixels(dy)])

    def get_window_extents(self, renderer=None) -> list[Bbox]:
        """Each label's bounding box in display pixels (turned labels: the box around the turned text)."""
        renderer = renderer or self.get_figure(root=True)._get_renderer()
        boxes = []
        for text, (x, y) in zip(self._texts, self._anchors(renderer)):
            corners, _starts = self._layout(renderer, text)
            xs, ys = [x + cx for cx, _ in corners], [y + cy for _, cy in corners]
            boxes.append(Bbox.from_extents(min(xs), min(ys), max(xs), max(ys)))
        return boxes

    def get_window_extent(self, renderer=None) -> Bbox:
        boxes = self.get_window_extents(renderer)
        return Bbox.union(boxes) if boxes else Bbox.null()

    # ------------------------------------------------------------------ drawing
    def draw(self, renderer) -> None:
        if not self.get_visible() or not self._texts:
            return
        renderer.open_group("labels", self.get_gid())
        gc = renderer.new_gc()
        self._set_gc_clip(gc)
        gc.set_alpha(self.get_alpha())
        gc.set_antialiased(True)
        flip = renderer.flipy()
        height = renderer.get_canvas_width_height()[1]
        stamp = _stamps_bitmaps(renderer)
        for text, (x, y), colour in zip(self._texts, self._anchors(renderer), self._colors):
            if not (math.isfinite(x) and math.isfinite(y)) or not text:
                continue
            if stamp:   # measure and rasterise in one layout pass (the metrics come with the bitmap)
                for line in text.split("\n"):
                    if line:
                        _agg_bitmap(renderer, line, self._prop, self._rotation)
            corners, starts = self._layout(renderer, text)
            if self._box is not None:
                self._draw_box(renderer, x, y, corners)
            gc.set_foreground(colour, isRGBA=True)
            for line, lx, ly in starts:
                if not line:
                    continue
                down = height - (y + ly) if flip else y + ly
                if stamp:
                    image, right, below = _agg_bitmap(renderer, line, self._prop, self._rotation)
                    if image.size:
                        renderer._renderer.draw_text_image(image, round(x + lx + right), round(down + below), 0, gc)
                else:
                    renderer.draw_text(gc, x + lx, down, line, self._prop, self._rotation)
        gc.restore()
        renderer.close_group("labels")
        self.stale = False

    def _draw_box(self, renderer, x: float, y: float, corners) -> None:
        from matplotlib.patches import BoxStyle

        size = renderer.points_to_pixels(self._prop.get_size_in_points())
        xs, ys = [x + cx for cx, _ in corners], [y + cy for _, cy in corners]
        path = BoxStyle.Round(pad=self._box.get("pad", 0.15))(min(xs), min(ys), max(xs) - min(xs),
                                                               max(ys) - min(ys), size)
        gc = renderer.new_gc()
        gc.set_linewidth(0)
        gc.set_alpha(self._box.get("alpha", 1.0))
        face = to_rgba(self._box.get("facecolor", "white"), self._box.get("alpha", 1.0))
        renderer.draw_path(gc, path, IdentityTransform(), face)
        gc.restore()


class Key(Artist):
    """A legend without matplotlib's Legend machinery (a packer, a box and a Text per entry laid out at each
    draw): coloured squares, or a line with a dot, each followed by its name, in one row or one column, with
    matplotlib's legend spacing (in font sizes). ``corner`` of the key's box ("upper center", "upper right")
    sits at ``anchor`` in ``transform``, half a font size in from it, as a Legend at that ``loc`` would.

    ``entries``: (name, colour, "patch" or "line").
    """

    zorder = 5
    HANDLE, HANDLE_HEIGHT, TEXT_PAD, ROW_GAP, COLUMN_GAP, BORDER, INSET = 2.0, 0.7, 0.8, 0.5, 2.0, 0.4, 0.5

    def __init__(self, entries: Sequence[tuple[str, object, str]], *, anchor: tuple[float, float], transform,
                 size: float, corner: str = "upper center", columns: int = 1, gid: str | None = None):
        super().__init__()
        self._entries = [(str(name), to_rgba(colour), kind) for name, colour, kind in entries]
        self._anchor = anchor
        self._corner = corner
        self._columns = max(1, columns)
        self._labels = Labels([name for name, _c, _k in self._entries], [(0.0, 0.0)] * len(self._entries),
                              transform=IdentityTransform(), size=size, colors="black", ha="left", va="center")
        self.set_transform(transform)
        self.set_in_layout(False)
        if gid is not None:
            self.set_gid(gid)

    def get_texts(self) -> list[str]:
        return [name for name, _colour, _kind in self._entries]

    def get_entries(self) -> list[tuple[str, tuple, str]]:
        return list(self._entries)

    def _place(self, renderer):
        """The key's box and, per entry, its handle's box and its name's anchor, in display pixels."""
        em = renderer.points_to_pixels(self._labels.get_fontsize())
        ascent, descent, _gap = _font_metrics(renderer, self._labels._prop)
        row = max(ascent + descent, self.HANDLE_HEIGHT * em)
        widths = []
        for name, _colour, _kind in self._entries:
            text = _text_metrics(renderer, name, self._labels._prop)[0] if name else 0.0
            widths.append((self.HANDLE + self.TEXT_PAD) * em + text)
        columns = min(self._columns, len(self._entries)) or 1
        rows = -(-len(self._entries) // columns)
        column_widths = [max(widths[c::columns], default=0.0) for c in range(columns)]
        inner_w = sum(column_widths) + self.COLUMN_GAP * em * (columns - 1)
        inner_h = rows * row + self.ROW_GAP * em * (rows - 1)
        box_w, box_h = inner_w + 2 * self.BORDER * em, inner_h + 2 * self.BORDER * em
        x, y = self.get_transform().transform(self._anchor)
        inset = self.INSET * em
        top = y - inset
        left = {"upper right": x - inset - box_w, "upper left": x + inset}.get(self._corner, x - box_w / 2)
        placed = []
        for number in range(len(self._entries)):
            column, line = number % columns, number // columns
            x0 = left + self.BORDER * em + sum(column_widths[:column]) + self.COLUMN_GAP * em * column
            middle = top - self.BORDER * em - line * (row + self.ROW_GAP * em) - row / 2
            handle = Bbox.from_bounds(x0, middle - self.HANDLE_HEIGHT * em / 2, self.HANDLE * em,
                                      self.HANDLE_HEIGHT * em)
            placed.append((handle, (x0 + (self.HANDLE + self.TEXT_PAD) * em, middle)))
        return Bbox.from_bounds(left, top - box_h, box_w, box_h), placed

    def get_window_extent(self, renderer=None) -> Bbox:
        renderer = renderer or self.get_figure(root=True)._get_renderer()
        return self._place(renderer)[0]

    def draw(self, renderer) -> None:
        if not self.get_visible() or not self._entries:
            return
        from matplotlib.path import Path

        _box, placed = self._place(renderer)
        renderer.open_group("key", self.get_gid())
        gc = renderer.new_gc()
        gc.set_antialiased(True)
        for (_name, colour, kind), (handle, _text) in zip(self._entries, placed):
            if kind == "line":
                gc.set_foreground(colour, isRGBA=True)
                gc.set_linewidth(renderer.points_to_pixels(2.0))
                gc.set_capstyle("projecting")
                middle = (handle.y0 + handle.y1) / 2
                renderer.draw_path(gc, Path([(handle.x0, middle), (handle.x1, middle)]), IdentityTransform())
                radius = renderer.points_to_pixels(3.0)
                dot = Path.circle(((handle.x0 + handle.x1) / 2, middle), radius)
                gc.set_linewidth(renderer.points_to_pixels(1.0))
                renderer.draw_path(gc, dot, IdentityTransform(), colour)
            else:   # a square with its outline in the same colour, as a legend's Patch(color=...) draws it
                gc.set_foreground(colour, isRGBA=True)
                gc.set_linewidth(renderer.points_to_pixels(1.0))
                gc.set_joinstyle("miter")
                corners = [(handle.x0, handle.y0), (handle.x1, handle.y0), (handle.x1, handle.y1),
                           (handle.x0, handle.y1), (handle.x0, handle.y0)]
                renderer.draw_path(gc, Path(corners, closed=True), IdentityTransform(), colour)
        gc.restore()
        self._labels._xy = np.array([point for _handle, point in placed], dtype=float).reshape(-1, 2)
        self._labels.set_figure(self.get_figure(root=False))
        self._labels.draw(renderer)
        renderer.close_group("key")
        self.stale = False


def _tick_marks(ax, xy, transform, marker, length: float, color, gid: str | None) -> None:
    """Tick marks as the markers of one line (what a tick draws, without a Tick object each)."""
    if length <= 0 or not xy:
        return
    xs, ys = zip(*xy)
    marks = Line2D(xs, ys, linestyle="none", marker=marker, markersize=length, markeredgewidth=0.8, color=color,
                   transform=transform)
    marks.set_gid(f"{gid}-ticks" if gid else None)
    ax.add_artist(marks)   # not add_line: marks on the edge must not stretch the data limits
    marks.set_clip_on(False)


def _edge(ax, axis: str, side: str):
    """Transform, anchor maker, outward direction and tick marker of the ``side`` edge of ``ax``."""
    if axis == "x":
        at = 1.0 if side == "top" else 0.0
        sign = 1.0 if side == "top" else -1.0
        return ax.get_xaxis_transform(), (lambda v: (v, at)), (0.0, sign), TICKUP if side == "top" else TICKDOWN
    at = 1.0 if side == "right" else 0.0
    sign = 1.0 if side == "right" else -1.0
    return ax.get_yaxis_transform(), (lambda v: (at, v)), (sign, 0.0), TICKRIGHT if side == "right" else TICKLEFT


def category_labels(ax, names: Sequence[str], axis: str, *, size: float, rotation: float = 0.0, pad: float = 3.5,
                    tick: float = 3.5, color="black", gid: str | None = None) -> Labels:
    """Names at positions 0, 1, 2… of the x or y axis, where a category axis puts its tick labels, with the
    tick marks drawn as one line (``tick`` points long; 0: none). The axis itself gets no ticks."""
    (ax.set_xticks if axis == "x" else ax.set_yticks)([])
    transform, anchor, (dx, dy), marker = _edge(ax, axis, "bottom" if axis == "x" else "left")
    xy = [anchor(i) for i in range(len(names))]
    _tick_marks(ax, xy, transform, marker, tick, "black", gid)
    if axis == "x":
        ha, va = ("center" if rotation == 0 else "right"), "top"
    else:
        ha, va = "right", "center"
    labels = Labels(names, xy, transform=transform, size=size, colors=color,
                    offset=(dx * (pad + tick), dy * (pad + tick)), ha=ha, va=va, rotation=rotation, gid=gid)
    ax.add_artist(labels)
    return labels


def value_ticks(ax, axis: str, *, size: float, side: str | None = None, color="black", grid=None,
                tick: float = 3.5, pad: float = 3.5, labelpad: float = 4.0, gid: str | None = None) -> Labels:
    """Freeze a numeric axis: the ticks its locator gives for the current limits, written by its formatter,
    become tick marks on one line, one ``Labels`` and (``grid``: a colour) one collection of grid lines below
    the data; the axis label moves out past the widest number, where matplotlib would put it.

    Each Tick of matplotlib is two lines and two texts laid out at every draw; the dashboard's axes keep
    their limits, so the ticks are worked out once when the figure is built.
    """
    from matplotlib.collections import LineCollection
    from matplotlib.transforms import ScaledTranslation

    from outreach_desk.services.charts.margins import width

    side = side or ("bottom" if axis == "x" else "left")
    which = ax.xaxis if axis == "x" else ax.yaxis
    low, high = sorted(ax.get_xlim() if axis == "x" else ax.get_ylim())
    span = (high - low) * 1e-9
    values = [float(v) for v in which.get_major_locator().tick_values(low, high) if low - span <= v <= high + span]
    texts = list(which.get_major_formatter().format_ticks(values))
    (ax.set_xticks if axis == "x" else ax.set_yticks)([])
    transform, anchor, (dx, dy), marker = _edge(ax, axis, side)
    xy = [anchor(v) for v in values]
    if grid is not None:
        ends = [[(v, 0.0), (v, 1.0)] if axis == "x" else [(0.0, v), (1.0, v)] for v in values]
        ax.add_collection(LineCollection(ends, colors=grid, linewidths=0.8, zorder=0.5, transform=transform,
                                         gid=f"{gid}-grid" if gid else None), autolim=False)
    _tick_marks(ax, xy, transform, marker, tick, "black", gid)
    if axis == "x":
        ha, va = "center", ("bottom" if side == "top" else "top")
        ascent, descent, _gap = font_box(FontProperties(size=size))
        room = ascent + descent
    else:
        ha, va = ("left" if side == "right" else "right"), "center"
        room = max((width(text, size) for text in texts), default=0.0)
    labels = Labels(texts, xy, transform=transform, size=size, colors=color,
                    offset=(dx * (pad + tick), dy * (pad + tick)), ha=ha, va=va, gid=gid)
    ax.add_artist(labels)
    reach = (tick + pad + room + labelpad) / 72
    edge = 1.0 if side in ("top", "right") else 0.0
    along = which.label.get_position()[0 if axis == "x" else 1]   # where the label sits along its axis (loc)
    moved = ax.transAxes + ScaledTranslation(dx * reach, dy * reach, ax.get_figure(root=True).dpi_scale_trans)
    which.set_label_coords(*((along, edge) if axis == "x" else (edge, along)), transform=moved)
    return labels


def labels_of(ax, gid: str | None = None) -> list[Labels]:
    """The ``Labels`` artists of ``ax`` (those with ``gid`` when given), in the order they were added."""
    return [child for child in ax.get_children() if isinstance(child, Labels)
            and (gid is None or child.get_gid() == gid)]
