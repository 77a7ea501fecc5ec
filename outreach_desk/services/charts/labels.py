"""Many short labels drawn by one artist: village names, values on bars, heat-map cells, the target's name.

A matplotlib ``Text`` is laid out again each time a figure is drawn (a category tick adds two lines
and a second text), and the dashboard draws several hundred: that was most of its drawing time.
``Labels`` holds the strings and their anchor points, measures each string once per process and
size, and hands every line to the renderer, aligned the way a ``Text`` with the same alignment and
rotation would be (``text_stamps``: SVG and PDF get ``renderer.draw_text``, the Agg canvas a picture
of each line made once). ``Key`` is a chart's legend drawn the same way."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.colors import to_rgba
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import Bbox, IdentityTransform

from outreach_desk.services.charts.text_stamps import line_box, measuring_renderer, stamp, text_metrics


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
        ascent, descent, gap = line_box(renderer, self._prop)
        lines = text.split("\n")
        gap = gap if len(lines) > 1 else 0.0
        placed, widths = [], []
        top = 0.0
        baseline = 0.0
        for line in lines:
            width, height, down = text_metrics(renderer, line, self._prop) if line else (0.0, 0.0, 0.0)
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
        renderer = renderer or _renderer_of(self)
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
        for text, (x, y), colour in zip(self._texts, self._anchors(renderer), self._colors):
            if not (math.isfinite(x) and math.isfinite(y)) or not text:
                continue
            corners, starts = self._layout(renderer, text)
            if self._box is not None:
                self._draw_box(renderer, x, y, corners)
            for line, lx, ly in starts:
                if line:
                    stamp(renderer, gc, x + lx, y + ly, line, self._prop, self._rotation, colour)
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
        ascent, descent, _gap = line_box(renderer, self._labels._prop)
        row = max(ascent + descent, self.HANDLE_HEIGHT * em)
        widths = []
        for name, _colour, _kind in self._entries:
            text = text_metrics(renderer, name, self._labels._prop)[0] if name else 0.0
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
        renderer = renderer or _renderer_of(self)
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


def _renderer_of(artist):
    """The renderer of the artist's canvas when it has one (Agg canvases do), else one that measures."""
    canvas = artist.get_figure(root=True).canvas
    get_renderer = getattr(canvas, "get_renderer", None)
    return get_renderer() if get_renderer is not None else measuring_renderer()


def labels_of(ax, gid: str | None = None) -> list[Labels]:
    """The ``Labels`` artists of ``ax`` (those with ``gid`` when given), in the order they were added."""
    return [child for child in ax.get_children() if isinstance(child, Labels)
            and (gid is None or child.get_gid() == gid)]
