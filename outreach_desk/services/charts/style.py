"""Sizes and colours shared by the builders: one look on screen, a larger one for meetings."""

from __future__ import annotations

from dataclasses import dataclass

BAR = "#3A78C2"          # a village at or above the line
WARNING = "#D9482B"      # a lagging village, a rate below target
NO_DATA = "#BBBBBB"
TARGET = "#333333"
PEOPLE = "#E08A1E"
OTHER = "#B5B5B5"      # the kinds summed as "other kinds"
GRID = "#DDDDDD"
# Kind colours of the stacked trend (colour-blind friendly, Okabe-Ito).
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")


@dataclass(frozen=True)
class Style:
    name: str
    size: tuple[float, float]
    text: float        # tick labels, legends
    small: float       # value labels on bars
    label: float       # axis labels
    title: float


STYLES = {
    "screen": Style("screen", (9.0, 4.8), 9, 7.5, 10, 13),
    "presentation": Style("presentation", (16.0, 9.0), 16, 13, 17, 24),
}


def style_of(name: str) -> Style:
    try:
        return STYLES[name]
    except KeyError:
        raise ValueError(f"unknown chart style {name!r}; use one of {sorted(STYLES)}") from None
