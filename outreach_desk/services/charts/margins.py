"""Fixed margins instead of constrained layout: measured once when a figure is built, applied at each draw.

Constrained layout measures every artist twice per draw, a large part of each chart's drawing
time. The builders know what sits around their axes (tick labels, axis labels, a title, a
legend), so they measure those strings once, in points, and this engine only turns points into
fractions of the current figure size: on screen a canvas resizes the figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from matplotlib.layout_engine import LayoutEngine

from outreach_desk.services.charts.text_stamps import em_width


PAD = 4.0          # points between two things, and from the picture's edge
TICK = 3.5 + 3.5   # matplotlib's default tick length plus its pad to the label
LINE = 1.25        # a line of text is this many times its font size high


@lru_cache(maxsize=4096)
def width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` (its widest line) in the chart font at ``size`` points."""
    return max((em_width(line, bold) * size for line in text.split("\n") if line), default=0.0)


def height(size: float, lines: int = 1) -> float:
    return LINE * size * lines


def category_depth(names: list[str], size: float, rotated: bool) -> tuple[float, float]:
    """(Depth below the axes, reach left of the first tick) of category labels, 45-degree turned or flat."""
    if not names:
        return 0.0, 0.0
    if not rotated:
        return height(size), width(names[0], size) / 2
    widest = max(width(name, size) for name in names)
    diagonal = math.sqrt(0.5)
    return (widest + height(size)) * diagonal, (width(names[0], size) + height(size)) * diagonal


@dataclass
class Margins:
    """Room in points around the axes; ``right_share``: a further part of the axes' width on the right
    (the heat map's colour bar, drawn as an inset of its axes)."""
    left: float
    right: float
    bottom: float
    top: float
    wspace: float = 0.0   # points between two axes side by side
    columns: int = 1
    right_share: float = 0.0


class FixedMargins(LayoutEngine):
    """Sets ``subplots_adjust`` from margins in points at each draw: a few divisions, no measuring."""

    _adjust_compatible = True
    _colorbar_gridspec = True

    def __init__(self, margins: Margins, **kwargs):
        super().__init__(**kwargs)
        self.margins = margins

    def execute(self, fig) -> None:
        m = self.margins
        w, h = fig.get_size_inches() * 72
        right = (m.right + m.right_share * (w - m.left)) / (1 + m.right_share)
        left = min(m.left / w, 0.45)
        right = max(1 - right / w, left + 0.1)
        bottom = min(m.bottom / h, 0.6)
        top = max(1 - m.top / h, bottom + 0.1)
        each = ((right - left) * w - m.wspace * (m.columns - 1)) / m.columns
        wspace = m.wspace / each if m.columns > 1 and each > 0 else 0.0
        wanted = {"left": left, "right": right, "bottom": bottom, "top": top, "wspace": wspace}
        current = fig.subplotpars
        if any(abs(getattr(current, key) - value) > 1e-9 for key, value in wanted.items()):
            fig.subplots_adjust(**wanted)
