"""Axis text without matplotlib's Tick objects: category names and frozen numeric ticks as ``Labels``.

Each Tick is two lines and two texts laid out at every draw; the dashboard's axes keep their
limits, so their ticks are worked out once, when a figure is built, and drawn as one line of
tick marks and one ``Labels``.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN, TICKLEFT, TICKRIGHT, TICKUP

from outreach_desk.services.charts.labels import Labels
from outreach_desk.services.charts.text_stamps import line_box_points

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
        ascent, descent, _gap = line_box_points(FontProperties(size=size))
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
