"""Whole percentages that never show a target as reached when it is not.

Rounding alone makes 99.6 % of a quota read "100%" and a village at 79.6 % read "80%" beside an
80 % line; clerks and leaders take those at their word. Every screen, the CLI and the charts use
this one rule so the same figure reads the same everywhere.
"""

from __future__ import annotations

import math


def whole_percent(value: float | None, target: float | None = 1.0) -> str:
    """``value`` (a fraction) as a whole percent; below ``target`` it stays below the target's figure."""
    if value is None:
        return "—"
    shown = round(value * 100)
    if target is not None and value < target:
        shown = min(shown, math.ceil(round(target * 100, 6)) - 1)
    return f"{shown}%"
