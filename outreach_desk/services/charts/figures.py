"""The dashboard's charts as pure functions: data in, a plain matplotlib Figure out (no pyplot).

Made for leaders reading at a glance: bars sorted best first, the target drawn and labelled,
villages below it in a warning colour, values written on the bars, percentages on the axes, every
label in Chinese. The page, the presentation mode, the export and the monthly report all call
these builders, so a chart looks the same wherever it appears.
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter
from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services.charts import fonts
from outreach_desk.services.charts.axis_labels import category_labels, value_ticks
from outreach_desk.services.charts.labels import Key, Labels
from outreach_desk.services.charts.margins import PAD, TICK, FixedMargins, Margins, category_depth, height, width
from outreach_desk.services.charts.style import (BAR, GRID, NO_DATA, OTHER, PEOPLE, SERIES, TARGET, WARNING,
                                                 Style, style_of)
from outreach_desk.services.dashboard import AwarenessRow, DashboardData, HeatMap, Mix, MonthlyTrend, VillageScore
from outreach_desk.services.percent import whole_percent
from outreach_desk.services.supervision.board import CaseSeries

CONTEXT = "Charts"
TREND_KINDS = 6          # the largest kinds keep a colour of their own; the rest is "other kinds"
ROTATE_AFTER = 8         # more category labels than this are turned 45 degrees
MIN_VALUE_SIZE = 6.0     # points: values on bars get no smaller than this to fit their bars
MAX_VILLAGES = 25        # a county has hundreds: the charts show the lowest ones (a township has about 25)


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def _figure(style: Style, size: tuple[float, float] | None = None) -> Figure:
    fonts.configure()
    figure = Figure(figsize=size or style.size)
    figure.set_facecolor("white")
    return figure


def _titled(figure: Figure, title: str | None, style: Style) -> float:
    """Put the title a pad below the top edge, whatever the figure's size; return the room it takes."""
    if not title:
        return PAD
    from matplotlib.transforms import ScaledTranslation

    text = figure.suptitle(title, fontsize=style.title, fontweight="bold", y=1.0, va="top")
    text.set_transform(figure.transSubfigure + ScaledTranslation(0, -PAD / 72, figure.dpi_scale_trans))
    return 2 * PAD + height(style.title)


def _fixed(figure: Figure, margins: Margins) -> Figure:
    figure.set_layout_engine(FixedMargins(margins))
    return figure


def _empty_margins(top: float) -> Margins:
    return Margins(PAD, PAD, PAD, top)


def _percent_axis(ax, top: float = 1.0) -> None:
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylim(0, top)


def _bars(ax, values, colours, width: float, *, bottom=None, horizontal: bool = False, gids=None,
          picker: bool = False, shift: float = 0.0) -> list:
    """Bars at 0, 1, 2… (moved by ``shift``: two series side by side) as Rectangles added straight to the axes,
    like ``ax.bar`` (``ax.barh``) draws them: those also widen the data limits bar by bar, a third of building
    a bar chart, and every chart here sets its limits itself."""
    from matplotlib.patches import Rectangle

    rectangles = []
    for position, value in enumerate(values):
        base = bottom[position] if bottom is not None else 0
        centre = position + shift
        colour = colours[position] if isinstance(colours, (list, tuple)) else colours
        if horizontal:
            rectangle = Rectangle((base, centre - width / 2), value, width, facecolor=colour, zorder=2)
        else:
            rectangle = Rectangle((centre - width / 2, base), width, value, facecolor=colour, zorder=2)
        if gids is not None:
            rectangle.set_gid(gids[position])
        rectangle.set_picker(picker or None)
        ax.add_artist(rectangle)
        rectangles.append(rectangle)
    return rectangles


def _category_ticks(ax, names: list[str], style: Style) -> tuple[float, float]:
    """Village or month names under the bars (one ``Labels`` artist: a tick per bar cost a Text each draw)."""
    rotate = len(names) > ROTATE_AFTER
    category_labels(ax, names, "x", size=style.text, rotation=45 if rotate else 0, gid="names")
    ax.set_xlim(-0.6, len(names) - 0.4)
    return category_depth(names, style.text, rotate)


def _bar_margins(names: list[str], style: Style, top: float, side_label: str, note: bool) -> Margins:
    """Room for a percent axis with its label on the left, turned village names below and the target's name
    on the right; the first turned name may reach further left than the axis labels."""
    depth, reach = category_depth(names, style.text, len(names) > ROTATE_AFTER)
    left = PAD + height(style.label) + TICK + width("100%", style.text)
    right = PAD + 3.5 + width(side_label, style.text)
    if len(names) <= ROTATE_AFTER:
        right = max(right, PAD + width(names[-1], style.text) / 2)
    top += style.text / 2 + (height(style.text) + 6 if note else 0)
    return Margins(max(left, reach + PAD), right, PAD + TICK + depth, top)


def _plain(ax, style: Style) -> None:
    """No frame on top and right; the value axis's ticks fixed now (``value_ticks``), its grid under the bars."""
    ax.spines[["top", "right"]].set_visible(False)
    value_ticks(ax, "y", size=style.text, grid=GRID, gid="scale")


def _target_line(ax, value: float, label: str, style: Style) -> None:
    """A dashed line at ``value``, named right of the axes (outside the bars, so no label collides)."""
    ax.axhline(value, color=TARGET, linestyle="--", linewidth=1.4, gid="target", zorder=3)
    ax.add_artist(Labels([label], [(1.0, value)], transform=ax.get_yaxis_transform(), size=style.text,
                         colors=TARGET, offset=(3.5, 0.0), ha="left", va="center", gid="target-label"))


def _key(ax, entries: list[tuple[str, str]], style: Style) -> None:
    """The colours' meaning in one row at the top centre of the axes (a legend's "upper center")."""
    ax.add_artist(Key([(name, colour, "patch") for name, colour in entries], anchor=(0.5, 1.0), transform=ax.transAxes,
                      size=style.text, corner="upper center", columns=len(entries), gid="key"))


def _bar_values(ax, texts: list[str], points: list[tuple[float, float]], style: Style, *, room: float | None = None,
                **kwargs) -> Labels:
    """Values written at the bars' ends, in one artist; in a smaller size when the widest would not fit in
    ``room`` points (25 villages on a meeting's screen: 13-point values ran into each other)."""
    size = style.small
    if room is not None and texts:
        widest = max(width(text, size, kwargs.get("weight") == "bold") for text in texts)
        size = max(MIN_VALUE_SIZE, min(size, size * room / widest)) if widest > 0 else size
    labels = Labels(texts, points, transform=ax.transData, size=size, gid="values", **kwargs)
    ax.add_artist(labels)
    return labels


def _bar_room(figure: Figure, margins: Margins, bars: int, share: float) -> float:
    """Points across ``share`` of one bar's slot, with the axes placed by ``margins`` (xlim as _category_ticks)."""
    across = figure.get_figwidth() * 72 - margins.left - margins.right
    return across / (bars + 0.2) * share


def _empty(ax, text: str, style: Style) -> None:
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=style.label, color="#777777")
    ax.set_axis_off()


def coverage_bar(scores: list[VillageScore], threshold: float, *, title: str | None = None,
                 style: str = "screen") -> Figure:
    """Compliance index per village, best first; villages below ``threshold`` in the warning colour.

    Each bar's gid is its village id and it is pickable (a click opens that village's coverage).
    Villages without an assessed target come last, as grey stubs marked "no data".
    """
    look = style_of(style)
    figure = _figure(look)
    top = _titled(figure, title, look)
    ax = figure.add_subplot()
    if not scores:
        _empty(ax, _tr("No villages in this selection."), look)
        return _fixed(figure, _empty_margins(top))
    ordered = sorted(scores, key=lambda s: (s.index is None, -(s.index or 0), s.name))
    if len(ordered) > MAX_VILLAGES:
        ordered = [s for s in ordered if s.index is not None][-MAX_VILLAGES:] or ordered[:MAX_VILLAGES]
        _lowest_note(ax, len(ordered), len(scores), look)
    heights = [s.index or 0.0 for s in ordered]
    colours = [NO_DATA if s.index is None else WARNING if s.lagging else BAR for s in ordered]
    _bars(ax, heights, colours, 0.7, gids=[str(s.village_id) for s in ordered], picker=True)
    names = [s.name for s in ordered]
    target_label = _tr("Target line {value:.0%}").format(value=threshold)
    margins = _bar_margins(names, look, top, target_label, len(scores) > MAX_VILLAGES)
    labels = [_tr("no data") if s.index is None else whole_percent(s.index, threshold) for s in ordered]
    _bar_values(ax, labels, [(x, h) for x, h in enumerate(heights)], look, offset=(0.0, 2.0), va="bottom",
                room=_bar_room(figure, margins, len(ordered), 0.95))
    _category_ticks(ax, names, look)
    _percent_axis(ax, 1.12)
    ax.set_ylabel(_tr("Compliance index"), fontsize=look.label)
    _target_line(ax, threshold, target_label, look)
    _plain(ax, look)
    _key(ax, [(_tr("At or above the line"), BAR), (_tr("Lagging (below the line)"), WARNING)], look)
    return _fixed(figure, margins)


def _grouped_kinds(trend: MonthlyTrend) -> list[tuple[str, list[int], bool]]:
    """The largest kinds by total, and the rest summed as "other kinds" (a legend of 17 says nothing)."""
    totals = sorted(trend.kinds, key=lambda kind: -sum(trend.activities[kind]))
    kept = totals if len(totals) <= TREND_KINDS + 1 else totals[:TREND_KINDS]
    series = [(kind, trend.activities[kind], False) for kind in kept]
    rest = [kind for kind in totals if kind not in kept]
    if rest:
        series.append((_tr("Other kinds"), [sum(trend.activities[k][i] for k in rest)
                                            for i in range(len(trend.months))], True))
    return series


def trend_chart(trend: MonthlyTrend, *, title: str | None = None, style: str = "screen") -> Figure:
    """Activities per month stacked by kind (left axis) and people reached per month (line, right axis)."""
    look = style_of(style)
    figure = _figure(look)
    top = _titled(figure, title, look)
    ax = figure.add_subplot()
    if not trend.months:
        _empty(ax, _tr("No activities in this period."), look)
        return _fixed(figure, _empty_margins(top))
    positions = range(len(trend.months))
    bottom = [0] * len(trend.months)
    entries = []
    for number, (kind, values, other) in enumerate(_grouped_kinds(trend)):
        colour = OTHER if other else SERIES[number % len(SERIES)]
        _bars(ax, values, colour, 0.65, bottom=bottom, gids=[f"kind:{kind}"] * len(values))
        entries.append((kind, colour, "patch"))
        bottom = [b + v for b, v in zip(bottom, values)]
    depth, reach = _category_ticks(ax, trend.months, look)
    ax.set_ylim(0, max(max(bottom), 1) * 1.18)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(_tr("Activities (records)"), fontsize=look.label)
    _plain(ax, look)
    people = ax.twinx()
    people.plot(list(positions), trend.people, color=PEOPLE, marker="o", linewidth=2, label=_tr("People reached"),
                zorder=4, gid="people")
    people.set_ylim(0, max(max(trend.people), 1) * 1.18)
    people.set_ylabel(_tr("People reached"), fontsize=look.label, color=PEOPLE)
    people.yaxis.set_major_formatter(lambda value, _pos: f"{value:,.0f}")
    people.spines[["top"]].set_visible(False)
    value_ticks(people, "y", side="right", size=look.text, color=PEOPLE, gid="people-scale")
    # drawn with the line's axes so the line never hides a total
    totals = Labels([f"{total:,}" for total in bottom], list(zip(positions, bottom)), transform=ax.transData,
                    size=look.small, offset=(0.0, 2.0), va="bottom", gid="totals",
                    box={"facecolor": "white", "alpha": 0.8, "pad": 0.15})
    totals.set_zorder(5)
    people.add_artist(totals)
    entries = entries[::-1] + [(_tr("People reached"), PEOPLE, "line")]   # the stack's order, top first
    figure.add_artist(Key(entries, anchor=(1.0, 1.0), transform=figure.transSubfigure, size=look.text,
                          corner="upper right", gid="key"))
    legend = max(width(name, look.text) for name, _colour, _kind in entries) + 4.0 * look.text
    left = PAD + height(look.label) + TICK + width(f"{max(max(bottom), 1) * 1.18:.0f}", look.text)
    right = (2 * PAD + legend + height(look.label) + TICK
             + width(f"{max(max(trend.people), 1) * 1.18:,.0f}", look.text))
    return _fixed(figure, Margins(max(left, reach + PAD), right, PAD + TICK + depth, top + look.text / 2))


def cases_chart(series: CaseSeries | None, *, title: str | None = None, style: str = "screen") -> Figure:
    """The police station's fraud cases per month of this year (blue) beside the same month last year (grey):
    the 同比 of every month at a glance. A month not reported has no bar; a reported month carries its figure."""
    look = style_of(style)
    figure = _figure(look)
    top = _titled(figure, title, look)
    ax = figure.add_subplot()
    if series is None or not series.reported:
        _empty(ax, _tr("The police station has reported no fraud cases yet."), look)
        return _fixed(figure, _empty_margins(top))
    months = [_tr("M{month}").format(month=month) for month in range(1, 13)]
    last_year, this_year = ([value or 0 for value in values] for values in (series.last_year, series.this_year))
    _bars(ax, last_year, OTHER, 0.38, shift=-0.2, gids=["last-year"] * 12)
    _bars(ax, this_year, SERIES[0], 0.38, shift=0.2, gids=["this-year"] * 12)
    reported = [(month, value) for month, value in enumerate(series.this_year) if value is not None]
    _bar_values(ax, [f"{value:,}" for _month, value in reported], [(month + 0.2, value) for month, value in reported],
                look, offset=(0.0, 2.0), va="bottom", colors="black")
    depth, reach = _category_ticks(ax, months, look)
    highest = max(max(last_year), max(this_year), 1)
    ax.set_ylim(0, highest * 1.3)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(_tr("Fraud cases"), fontsize=look.label)
    _plain(ax, look)
    _key(ax, [(_tr("{year}").format(year=series.year - 1), OTHER), (_tr("{year}").format(year=series.year),
                                                                    SERIES[0])], look)
    left = PAD + height(look.label) + TICK + width(f"{highest * 1.3:.0f}", look.text)
    return _fixed(figure, Margins(max(left, reach + PAD), PAD + width(months[-1], look.text) / 2,
                                  PAD + TICK + depth, top + look.text / 2))


DARK_INK = "#222222"


def _luminance(rgb) -> float:
    """WCAG relative luminance of an sRGB colour with channels 0..1."""
    red, green, blue = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


_DARK_INK_LUMINANCE = _luminance(to_rgb(DARK_INK))


def _ink_on(fill) -> str:
    """White or dark text, whichever has the higher contrast on ``fill``: the red-yellow-green scale is dark
    at both ends (dark red, dark green) and pale in the middle."""
    light = _luminance(fill) + 0.05
    return "white" if 1.05 / light >= light / (_DARK_INK_LUMINANCE + 0.05) else DARK_INK


def heat_map(heat: HeatMap, *, title: str | None = None, style: str = "screen") -> Figure:
    """Fulfilment of every target (rows) in every village (columns), red to green; grey: not applicable.

    Only cells short of 100 % carry their value, so the gaps stand out.
    """
    import numpy as np

    look = style_of(style)
    figure = _figure(look, (look.size[0], max(look.size[1], 1.6 + 0.42 * len(heat.rules) * look.text / 9)))
    top = _titled(figure, title, look)
    ax = figure.add_subplot()
    if not heat.villages or not heat.rules:
        _empty(ax, _tr("No targets to show."), look)
        return _fixed(figure, _empty_margins(top))
    note = len(heat.villages) > MAX_VILLAGES
    if note:
        _lowest_note(ax, MAX_VILLAGES, len(heat.villages), look)
        heat = _lowest_rows(heat)
    matrix = np.ma.masked_invalid(np.array([[np.nan if v is None else v for v in row] for row in heat.values],
                                           dtype=float).T)
    from matplotlib import colormaps

    cmap = colormaps["RdYlGn"].with_extremes(bad="#EEEEEE")
    image = ax.imshow(matrix, cmap=cmap, vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    image.set_gid("heat")
    rule_names = [_wrap(name, 18) for _, name in heat.rules]
    category_labels(ax, rule_names, "y", size=look.small, tick=0, gid="rules")
    rotate = len(heat.villages) > ROTATE_AFTER
    village_names = [name for _, name in heat.villages]
    category_labels(ax, village_names, "x", size=look.text, rotation=45 if rotate else 0, tick=0, gid="names")
    # cell borders as two line collections: minor ticks would make a Tick object per border
    ax.vlines([x - 0.5 for x in range(1, len(heat.villages))], -0.5, len(heat.rules) - 0.5, color="white",
              linewidth=1.5)
    ax.hlines([y - 0.5 for y in range(1, len(heat.rules))], -0.5, len(heat.villages) - 0.5, color="white",
              linewidth=1.5)
    ax.spines[:].set_visible(False)
    cells, points, colours = [], [], []
    for (row, column), value in np.ndenumerate(matrix.filled(np.nan)):
        if np.isnan(value) or value < 1:
            cells.append("—" if np.isnan(value) else f"{value * 100:.0f}")
            points.append((column, row))
            colours.append("#999999" if np.isnan(value) else _ink_on(cmap(value)))
    value_size = look.small * (0.85 if len(heat.villages) > 15 else 1)
    ax.add_artist(Labels(cells, points, transform=ax.transData, size=value_size, colors=colours, gid="cells"))
    bar = figure.colorbar(image, cax=ax.inset_axes((1.012, 0.0, 0.018, 1.0)),
                          format=PercentFormatter(1.0, decimals=0))
    bar.set_label(_tr("Fulfilment (cells below 100% show the %)"), fontsize=look.small)
    value_ticks(bar.ax, "y", side="right", size=look.small, gid="scale")
    depth, reach = category_depth(village_names, look.text, rotate)
    left = PAD + 3.5 + max(width(name, look.small) for name in rule_names)
    right = PAD + TICK + width("100%", look.small) + 3 + height(look.small)
    if not rotate:
        right = max(right, PAD + width(village_names[-1], look.text) / 2)
    top += look.small / 2 + (height(look.text) + 6 if note else 0)
    return _fixed(figure, Margins(max(left, reach + PAD), right, PAD + 3.5 + depth, top, right_share=0.03))


def _lowest_rows(heat: HeatMap) -> HeatMap:
    """The MAX_VILLAGES villages with the lowest mean fulfilment, in their original order."""
    def mean(row):
        known = [v for v in row if v is not None]
        return sum(known) / len(known) if known else 2.0

    chosen = sorted(sorted(range(len(heat.villages)), key=lambda i: mean(heat.values[i]))[:MAX_VILLAGES])
    return HeatMap([heat.villages[i] for i in chosen], heat.rules, [heat.values[i] for i in chosen])


def _lowest_note(ax, shown: int, total: int, style: Style) -> None:
    ax.set_title(_tr("The {shown} lowest of {total} villages").format(shown=shown, total=total), loc="left",
                 fontsize=style.text, color="#555555")


_BREAK_AFTER = "，、；：）》」"
_BREAK_BEFORE = "（《「"


def _wrap(text: str, width: int) -> str:
    """Chinese has no spaces to break at: two lines, cut at the punctuation mark or bracket nearest the
    middle that leaves both lines within ``width`` (else in the middle: never a lone character on the
    second line); longer than two lines' worth: cut and marked with …."""
    if len(text) <= width:
        return text
    if len(text) > 2 * width:
        return text[:width] + "\n" + text[width:2 * width - 1] + "…"
    middle = (len(text) + 1) // 2
    cuts = [i + 1 for i, char in enumerate(text) if char in _BREAK_AFTER] + \
           [i for i, char in enumerate(text) if char in _BREAK_BEFORE]
    near = [cut for cut in cuts if 0 < cut < len(text) and cut <= width and len(text) - cut <= width]
    cut = min(near, key=lambda c: abs(c - middle)) if near else middle
    return text[:cut] + "\n" + text[cut:]


def awareness_chart(rows: list[AwarenessRow], target: float = 0.8, *, title: str | None = None,
                    style: str = "screen") -> Figure:
    """Awareness rate per village with its 95 % Wilson interval, best first; below target in warning colour."""
    look = style_of(style)
    figure = _figure(look)
    top = _titled(figure, title, look)
    ax = figure.add_subplot()
    if not rows:
        _empty(ax, _tr("No villages in this selection."), look)
        return _fixed(figure, _empty_margins(top))
    ordered = sorted(rows, key=lambda r: (r.rate is None, -(r.rate or 0), r.name))
    if len(ordered) > MAX_VILLAGES:
        ordered = [r for r in ordered if r.rate is not None][-MAX_VILLAGES:] or ordered[:MAX_VILLAGES]
        _lowest_note(ax, len(ordered), len(rows), look)
    measured = [r for r in ordered if r.rate is not None]
    colours = [NO_DATA if r.rate is None else WARNING if r.rate < target else BAR for r in ordered]
    _bars(ax, [r.rate or 0 for r in ordered], colours, 0.65, gids=[str(r.village_id) for r in ordered], picker=True)
    if measured:
        ax.errorbar(range(len(measured)), [r.rate for r in measured],
                    yerr=[[r.rate - r.low for r in measured], [r.high - r.rate for r in measured]],
                    fmt="none", ecolor="#222222", elinewidth=1.2, capsize=3, zorder=3, gid="interval")
    names = [r.name for r in ordered]
    target_label = _tr("Target {value:.0%}").format(value=target)
    margins = _bar_margins(names, look, top, target_label, len(rows) > MAX_VILLAGES)
    rated = [(x, whole_percent(row.rate, target)) for x, row in enumerate(ordered) if row.rate is not None]
    unrated = [x for x, row in enumerate(ordered) if row.rate is None]
    if rated:   # white on the bar: the values must fit inside it
        values = _bar_values(ax, [text for _, text in rated], [(x, 0) for x, _ in rated], look, colors="white",
                             weight="bold", offset=(0.0, 4.0), va="bottom",
                             room=_bar_room(figure, margins, len(ordered), 0.65 * 0.9))
        values.set_zorder(4)
    if unrated:
        ax.add_artist(Labels([_tr("no data")] * len(unrated), [(x, 0) for x in unrated], transform=ax.transData,
                             size=look.small, colors="#555555", offset=(0.0, 3.0), va="bottom", rotation=90,
                             rotation_mode="default", gid="no-data"))
    _category_ticks(ax, names, look)
    _percent_axis(ax, 1.12)
    ax.set_ylabel(_tr("Awareness rate (95% interval)"), fontsize=look.label)
    _target_line(ax, target, target_label, look)
    _plain(ax, look)
    _key(ax, [(_tr("Target reached"), BAR), (_tr("Below target"), WARNING)], look)
    return _fixed(figure, margins)


def mix_chart(mix: Mix, *, title: str | None = None, style: str = "screen") -> Figure:
    """Records by kind and by audience group, side by side, largest first."""
    look = style_of(style)
    figure = _figure(look)
    top = _titled(figure, title, look)
    by_kind, by_audience = figure.subplots(1, 2, width_ratios=(3, 2))
    for ax, pairs, heading, colour in ((by_kind, mix.by_kind, _tr("By kind"), SERIES[0]),
                                       (by_audience, mix.by_audience, _tr("By audience group"), SERIES[2])):
        ax.set_title(heading, fontsize=look.label, fontweight="bold")
        if not pairs or not any(count for _, count in pairs):
            _empty(ax, _tr("No activities in this period."), look)
            continue
        ordered = sorted(pairs, key=lambda pair: -pair[1])[::-1]
        _bars(ax, [count for _, count in ordered], colour, 0.7, horizontal=True)
        ends = (-0.35, len(ordered) - 0.65)                    # the bars' reach, plus matplotlib's 5 % margins
        ax.set_ylim(ends[0] - 0.05 * (ends[1] - ends[0]), ends[1] + 0.05 * (ends[1] - ends[0]))
        _bar_values(ax, [f"{count:,}" for _, count in ordered], [(count, y) for y, (_, count) in enumerate(ordered)],
                    look, offset=(3.0, 0.0), ha="left", colors="black")
        category_labels(ax, [name for name, _ in ordered], "y",
                        size=look.text if len(ordered) <= 12 else look.small, gid="names")
        ax.set_xlim(0, max(count for _, count in ordered) * 1.2)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        ax.spines[["top", "right"]].set_visible(False)
    by_kind.set_xlabel(_tr("Records"), fontsize=look.small)
    # flush right: the long note then reaches into the gap between the two axes, never past the picture's edge
    by_audience.set_xlabel(_tr("Records (an activity counts for each group it addressed)"), fontsize=look.small,
                           loc="right")
    for ax in (by_kind, by_audience):
        if ax.axison:
            value_ticks(ax, "x", size=look.small, grid=GRID, gid="scale")
    return _fixed(figure, _mix_margins(mix, look, top))


def _mix_margins(mix: Mix, style: Style, top: float) -> Margins:
    """Kind names left of the first axes, audience names between the two, two lines of small text below."""
    def names(pairs) -> float:
        size = style.text if len(pairs) <= 12 else style.small
        return max((width(name, size) for name, _ in pairs), default=0.0)

    widest = max((count for _, count in mix.by_kind + mix.by_audience), default=0)
    right = PAD + width(f"{widest * 1.2:,.0f}", style.small) / 2
    return Margins(PAD + TICK + names(mix.by_kind), right, PAD + TICK + 2 * height(style.small),
                   top + height(style.label) + 6, wspace=2 * PAD + TICK + names(mix.by_audience), columns=2)


def _coverage(data: DashboardData, *, style: str = "screen", title: str | None = None) -> Figure:
    return coverage_bar(data.coverage, data.lag_threshold, style=style, title=title)


def _trend(data: DashboardData, *, style: str = "screen", title: str | None = None) -> Figure:
    return trend_chart(data.trend, style=style, title=title)


def _cases(data: DashboardData, *, style: str = "screen", title: str | None = None) -> Figure:
    return cases_chart(data.supervision.series if data.supervision else None, style=style, title=title)


def _heat(data: DashboardData, *, style: str = "screen", title: str | None = None) -> Figure:
    return heat_map(data.heat, style=style, title=title)


def _awareness(data: DashboardData, *, style: str = "screen", title: str | None = None) -> Figure:
    return awareness_chart(data.awareness, data.tiles.awareness_target, style=style, title=title)


def _mix(data: DashboardData, *, style: str = "screen", title: str | None = None) -> Figure:
    return mix_chart(data.mix, style=style, title=title)


# (key, title to translate in context "Charts", builder) in display order.
CHARTS: list[tuple[str, str, Callable[..., Figure]]] = [
    ("coverage", QT_TRANSLATE_NOOP("Charts", "Compliance index by village"), _coverage),
    ("trend", QT_TRANSLATE_NOOP("Charts", "Activities and people reached by month"), _trend),
    ("cases", QT_TRANSLATE_NOOP("Charts", "Fraud cases by month, this year and last"), _cases),
    ("heat", QT_TRANSLATE_NOOP("Charts", "Targets met by village"), _heat),
    ("awareness", QT_TRANSLATE_NOOP("Charts", "Awareness rate by village"), _awareness),
    ("mix", QT_TRANSLATE_NOOP("Charts", "Activity mix"), _mix),
]
