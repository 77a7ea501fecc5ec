"""Figure builders without a window: bar heights and order, labels, target line, gids, heat map values,
error bars; the export to PNG (>= 200 dpi), SVG and PDF; the font pick."""

from __future__ import annotations

import pytest

from outreach_desk.services.dashboard import AwarenessRow, HeatMap, Mix, MonthlyTrend, VillageScore

SCORES = [VillageScore(1, "太平村", 0.92, False), VillageScore(2, "幸福社区", 0.55, True),
          VillageScore(3, "东风村", None, False), VillageScore(4, "红旗村", 1.0, False)]
TREND = MonthlyTrend(["2026-9", "2026-10", "2026-11"], ["Lecture", "Banner"],
                     {"Lecture": [1, 4, 2], "Banner": [0, 3, 5]}, [100, 420, 260])
HEAT = HeatMap([(1, "太平村"), (2, "幸福社区")], [("column", "宣传专栏"), ("awareness", "知晓率")],
               [[1.0, 0.5], [None, 0.25]])
ROWS = [AwarenessRow(1, "太平村", 0.9, 0.82, 0.95, 100, 90), AwarenessRow(2, "幸福社区", 0.6, 0.46, 0.72, 50, 30),
        AwarenessRow(3, "东风村", None, None, None, 0, 0)]
MIX = Mix([("宣讲会", 7), ("横幅", 3), ("海报", 12)], [("老年人", 9), ("学生", 2)])


def _bars(figure):
    from matplotlib.patches import Rectangle

    return [a for a in figure.axes[0].patches if isinstance(a, Rectangle)]


def _labels(ax, gid):
    """The strings of the ``Labels`` artist ``gid`` of ``ax`` (names under the bars, values, heat-map cells…)."""
    from outreach_desk.services.charts.labels import labels_of

    return [text for labels in labels_of(ax, gid) for text in labels.get_texts()]


def _names(ax):
    return _labels(ax, "names")


def _target_lines(ax):
    return [line for line in ax.get_lines() if line.get_gid() == "target"]


def test_coverage_bars_sorted_best_first_with_ids_and_colours():
    from matplotlib.colors import to_hex

    from outreach_desk.services.charts import figures, style
    from outreach_desk.services.charts.labels import labels_of

    figure = figures.coverage_bar(SCORES, 0.8, title="各村达标指数")
    bars = _bars(figure)
    assert [b.get_gid() for b in bars] == ["4", "1", "2", "3"]
    assert [round(b.get_height(), 3) for b in bars] == [1.0, 0.92, 0.55, 0.0]
    assert all(b.get_picker() for b in bars)
    assert [to_hex(b.get_facecolor()) for b in bars] == [
        style.BAR.lower(), style.BAR.lower(), style.WARNING.lower(), style.NO_DATA.lower()]
    ax = figure.axes[0]
    assert _names(ax) == ["红旗村", "太平村", "幸福社区", "东风村"]
    assert ax.get_xticks().size == 0                     # names and tick marks are drawn by one artist each
    (marks,) = [line for line in ax.get_lines() if line.get_gid() == "names-ticks"]
    assert list(marks.get_xdata()) == [0, 1, 2, 3]
    assert figure._suptitle.get_text() == "各村达标指数"
    assert _labels(ax, "values") == ["100%", "92%", "55%", "no data"]
    (values,) = labels_of(ax, "values")
    assert values.get_positions() == [(0, 1.0), (1, 0.92), (2, 0.55), (3, 0.0)]   # on top of each bar


def test_a_village_just_below_the_line_is_not_labelled_as_on_it():
    from outreach_desk.services.charts import figures

    figure = figures.coverage_bar([VillageScore(1, "太平村", 0.796, True), VillageScore(2, "幸福社区", 0.804, False)],
                                  0.8)
    assert _labels(figure.axes[0], "values") == ["80%", "79%"]


def test_coverage_target_line_sits_at_the_threshold_and_is_labelled():
    from outreach_desk.services.charts import figures
    from outreach_desk.services.charts.labels import labels_of

    figure = figures.coverage_bar(SCORES, 0.8)
    ax = figure.axes[0]
    (line,) = _target_lines(ax)
    assert list(line.get_ydata()) == [0.8, 0.8]
    (name,) = labels_of(ax, "target-label")
    assert name.get_positions() == [(1.0, 0.8)]         # right of the axes, at the line's height
    assert "80%" in name.get_texts()[0]
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] > 1
    assert ax.yaxis.get_major_formatter()(0.5, 0) == "50%"


def test_25_villages_get_turned_labels_that_neither_overlap_nor_leave_the_picture():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from outreach_desk.services.charts import figures
    from outreach_desk.services.charts.labels import labels_of

    scores = [VillageScore(i, f"第{i}村民委员会", i / 30, i / 30 < 0.8) for i in range(1, 26)]
    figure = figures.coverage_bar(scores, 0.8)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = figure.axes[0]
    (names,) = labels_of(ax, "names")
    assert names.get_rotation() == 45
    boxes = names.get_window_extents(renderer)
    page = figure.bbox
    assert len(boxes) == 25 and all(page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1 and box.y0 >= page.y0 - 1
                                    for box in boxes)
    assert all(box.y1 <= ax.bbox.y0 for box in boxes)          # below the axes, clear of the bars
    (values,) = labels_of(ax, "values")
    boxes = values.get_window_extents(renderer)
    assert len(boxes) == 25 and not any(a.overlaps(b) for a, b in zip(boxes, boxes[1:]))
    heights = [bar.get_height() for bar in _bars(figure)]
    assert heights == sorted(heights, reverse=True)


def test_trend_stacks_kinds_and_draws_people():
    from outreach_desk.services.charts import figures
    from outreach_desk.services.charts.labels import Key

    figure = figures.trend_chart(TREND)
    ax, people = figure.axes[0], figure.axes[1]
    assert _names(ax) == TREND.months
    lecture = [p for p in ax.patches if p.get_gid() == "kind:Lecture"]
    banner = [p for p in ax.patches if p.get_gid() == "kind:Banner"]
    assert [p.get_height() for p in banner] == [0, 3, 5]        # the larger kind (8 records) at the bottom
    assert [p.get_y() for p in lecture] == [0, 3, 5] and [p.get_height() for p in lecture] == [1, 4, 2]
    (line,) = [drawn for drawn in people.get_lines() if drawn.get_gid() == "people"]
    assert list(line.get_ydata()) == [100, 420, 260]
    assert _labels(people, "totals") == ["1", "7", "7"]       # drawn above the people line
    (key,) = [a for a in figure.get_children() if isinstance(a, Key)]
    assert key.get_texts() == ["Lecture", "Banner", "People reached"]   # same order as the stack, top first
    assert [kind for _name, _colour, kind in key.get_entries()] == ["patch", "patch", "line"]


def test_trend_sums_small_kinds_into_other():
    from outreach_desk.services.charts import figures

    kinds = [f"kind{i}" for i in range(10)]
    trend = MonthlyTrend(["2026-10"], kinds, {k: [i + 1] for i, k in enumerate(kinds)}, [5])
    figure = figures.trend_chart(trend)
    gids = [p.get_gid() for p in figure.axes[0].patches]
    assert len(gids) == figures.TREND_KINDS + 1 and gids[-1] == "kind:Other kinds"
    other = figure.axes[0].patches[-1]
    assert other.get_height() == sum(range(1, 10 - figures.TREND_KINDS + 1))


def test_heat_map_values_rules_by_villages():
    import numpy as np

    from outreach_desk.services.charts import figures
    from outreach_desk.services.charts.labels import labels_of

    figure = figures.heat_map(HEAT)
    ax = figure.axes[0]
    (image,) = ax.get_images()
    data = image.get_array()
    assert data.shape == (2, 2)                       # rows: rules, columns: villages
    assert data[0, 0] == 1.0 and data[1, 0] == 0.5 and data[1, 1] == 0.25
    assert np.ma.is_masked(data[0, 1])                # not applicable
    assert _names(ax) == ["太平村", "幸福社区"] and _labels(ax, "rules") == ["宣传专栏", "知晓率"]
    (cells,) = labels_of(ax, "cells")
    written = dict(zip(cells.get_positions(), cells.get_texts()))
    assert written == {(0, 1): "50", (1, 0): "—", (1, 1): "25"}   # (village, rule); 100 % cells stay quiet
    (colour_bar,) = ax.child_axes
    assert _labels(colour_bar, "scale") == ["0%", "20%", "40%", "60%", "80%", "100%"]


def test_heat_map_cell_values_are_white_on_the_dark_ends_of_the_scale_and_dark_in_between():
    """Dark red (far behind) and dark green (nearly done) cells get white figures, pale ones dark figures."""
    from matplotlib.colors import to_hex

    from outreach_desk.services.charts import figures
    from outreach_desk.services.charts.labels import labels_of

    heat = HeatMap([(1, "太平村"), (2, "幸福社区"), (3, "和平村")], [("r", "知晓率")], [[0.05], [0.5], [0.97]])
    (cells,) = labels_of(figures.heat_map(heat).axes[0], "cells")
    inks = {position: to_hex(colour) for position, colour in zip(cells.get_positions(), cells.get_colors())}
    assert inks == {(0, 0): "#ffffff", (1, 0): "#222222", (2, 0): "#ffffff"}


def test_awareness_error_bars_are_the_wilson_interval():
    from outreach_desk.services.charts import figures

    figure = figures.awareness_chart(ROWS, 0.8)
    ax = figure.axes[0]
    bars = _bars(figure)
    assert [b.get_gid() for b in bars] == ["1", "2", "3"]
    assert [b.get_height() for b in bars] == [0.9, 0.6, 0]
    (container,) = ax.containers                       # the error bars (the bars are plain rectangles)
    segments = container.lines[2][0].get_segments()
    assert [tuple(round(y, 3) for y in (seg[0][1], seg[1][1])) for seg in segments] == [(0.82, 0.95), (0.46, 0.72)]
    (line,) = _target_lines(ax)
    assert list(line.get_ydata()) == [0.8, 0.8]
    assert _labels(ax, "values") == ["90%", "60%"] and _labels(ax, "no-data") == ["no data"]


def test_mix_sorted_largest_on_top():
    from outreach_desk.services.charts import figures

    figure = figures.mix_chart(MIX)
    kind_ax, audience_ax = figure.axes
    assert _names(kind_ax) == ["横幅", "宣讲会", "海报"]   # barh draws upwards: largest on top
    assert [p.get_width() for p in kind_ax.patches] == [3, 7, 12]
    assert _labels(kind_ax, "values") == ["3", "7", "12"]
    assert _names(audience_ax) == ["学生", "老年人"]


@pytest.mark.parametrize("builder, argument", [("coverage_bar", []), ("trend_chart", MonthlyTrend([], [], {}, [])),
                                               ("heat_map", HeatMap([], [], [])), ("awareness_chart", []),
                                               ("mix_chart", Mix([], []))])
def test_empty_data_gives_a_message_not_an_error(builder, argument):
    from outreach_desk.services.charts import figures

    args = (argument, 0.8) if builder == "coverage_bar" else (argument,)
    figure = getattr(figures, builder)(*args)
    assert any(t.get_text() for ax in figure.axes for t in ax.texts)


def test_presentation_style_is_larger():
    from outreach_desk.services.charts import figures
    from outreach_desk.services.charts.labels import labels_of

    screen = figures.coverage_bar(SCORES, 0.8)
    big = figures.coverage_bar(SCORES, 0.8, style="presentation")
    assert big.get_size_inches()[0] > screen.get_size_inches()[0]
    (big_names,), (names,) = labels_of(big.axes[0], "names"), labels_of(screen.axes[0], "names")
    assert big_names.get_fontsize() > names.get_fontsize()
    with pytest.raises(ValueError):
        figures.coverage_bar(SCORES, 0.8, style="poster")


def test_charts_table_builds_every_chart_from_dashboard_data():
    from outreach_desk.services.charts import figures
    from outreach_desk.services.coverage.periods import month
    from outreach_desk.services.dashboard import DashboardData, DashboardFilter, Tiles

    tiles = Tiles("行动", 1, 10, None, "2026-11", 1, 2, 3, 4, 0.5, 0.7, 0.6, 0.8, 50, 0.8, 1, 2, None, None, None)
    data = DashboardData(DashboardFilter(month(2026, 11)), tiles, SCORES, 0.8, TREND, HEAT, ROWS, MIX)
    assert [key for key, _, _ in figures.CHARTS] == ["coverage", "trend", "cases", "heat", "awareness", "mix"]
    for _key, _title, builder in figures.CHARTS:
        assert builder(data).axes and builder(data, style="presentation").axes


def test_cases_chart_has_this_year_beside_last_year_and_labels_reported_months():
    from matplotlib.patches import Rectangle

    from outreach_desk.services.charts import figures
    from outreach_desk.services.supervision.board import CaseSeries

    series = CaseSeries(2026, [5, 0, None, 7, *([None] * 8)], [4, 2, 3, *([None] * 9)])
    ax = figures.cases_chart(series).axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() in ("this-year", "last-year")]
    this_year = [b for b in bars if b.get_gid() == "this-year"]
    assert [round(b.get_height()) for b in this_year][:4] == [5, 0, 0, 7]
    assert all(b.get_x() > last.get_x() for b, last in zip(this_year, (b for b in bars if b.get_gid() == "last-year")))
    (values,) = [a for a in ax.get_children() if a.get_gid() == "values"]
    assert values.get_texts() == ["5", "0", "7"]
    empty = figures.cases_chart(CaseSeries(2026, [None] * 12, [None] * 12))
    assert "reported no fraud cases" in " ".join(t.get_text() for a in empty.axes for t in a.texts)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export_writes_each_format(tmp_path, suffix):
    from outreach_desk.services.charts import export, figures

    target = tmp_path / "图表" / f"达标{suffix}"
    target.parent.mkdir()
    saved = export.save_figure(figures.coverage_bar(SCORES, 0.8), target)
    assert saved == target and target.stat().st_size > 1000
    head = target.read_bytes()[:5]
    assert head == {".png": b"\x89PNG\r", ".svg": b"<?xml", ".pdf": b"%PDF-"}[suffix]
    assert [p.name for p in target.parent.iterdir()] == [target.name]   # no temporary file left


def test_png_export_has_at_least_200_dpi(tmp_path):
    from PIL import Image

    from outreach_desk.services.charts import export, figures

    figure = figures.coverage_bar(SCORES, 0.8)
    path = export.save_figure(figure, tmp_path / "coverage.png", dpi=100)   # never below 200
    with Image.open(path) as image:
        assert round(image.info["dpi"][0]) >= 200
        width, height = image.size
    inches = figure.get_size_inches()
    assert width == pytest.approx(inches[0] * 200, abs=2) and height == pytest.approx(inches[1] * 200, abs=2)


def test_export_refuses_other_formats_and_missing_folders(tmp_path):
    from outreach_desk.services.charts import export, figures
    from outreach_desk.services.errors import ServiceError

    figure = figures.coverage_bar(SCORES, 0.8)
    with pytest.raises(ServiceError, match="PNG, SVG or PDF"):
        export.save_figure(figure, tmp_path / "chart.jpg")
    with pytest.raises(ServiceError):
        export.save_figure(figure, tmp_path / "missing" / "chart.png")
    assert list(tmp_path.iterdir()) == []


def test_font_is_a_cjk_one_and_idempotent():
    import matplotlib

    from outreach_desk.services.charts import fonts

    chosen = fonts.configure()
    assert chosen in fonts.CANDIDATES
    assert fonts.installed(chosen)
    assert matplotlib.rcParams["font.sans-serif"][0] == chosen
    assert fonts.configure() == chosen


def test_a_county_shows_only_its_lowest_villages():
    from outreach_desk.services.charts import figures

    scores = [VillageScore(i, f"村{i}", i / 600, True) for i in range(1, 501)]
    figure = figures.coverage_bar(scores, 0.8)
    bars = _bars(figure)
    assert len(bars) == figures.MAX_VILLAGES
    shown = figures.MAX_VILLAGES
    assert [b.get_gid() for b in bars] == [str(i) for i in range(shown, 0, -1)]   # the lowest, best of them first
    note = figure.axes[0].get_title(loc="left")
    assert str(shown) in note and "500" in note
    rows = [AwarenessRow(i, f"村{i}", i / 600, i / 700, i / 500, 50, 0) for i in range(1, 501)]
    assert len(_bars(figures.awareness_chart(rows))) == figures.MAX_VILLAGES
    heat = HeatMap([(i, f"村{i}") for i in range(500)], [("r", "目标")], [[i / 500] for i in range(500)])
    (image,) = figures.heat_map(heat).axes[0].get_images()
    assert image.get_array().shape == (1, shown)
    assert image.get_array()[0, shown - 1] == pytest.approx((shown - 1) / 500)


@pytest.mark.parametrize("size", [None, (6.0, 3.6), (16.0, 9.0)])
def test_fixed_margins_keep_every_label_in_the_picture_at_any_size(size):
    """No constrained layout (it measured every artist again at each draw): margins measured at build time
    still hold every label inside the picture when the canvas resizes the figure, and the trend's legend
    stays clear of its axes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from outreach_desk.services.charts import figures
    from outreach_desk.services.charts.labels import Key, labels_of
    from outreach_desk.services.charts.margins import FixedMargins

    villages = [(i, f"第{i}村民委员会") for i in range(1, 21)]
    heat = HeatMap(villages, [("r1", "每个村（社区）至少建立1个公益宣传专栏"), ("r2", "知晓率")],
                   [[i / 20, None] for i in range(20)])
    built = [figures.coverage_bar(SCORES, 0.8, title="各村达标指数"), figures.trend_chart(TREND, title="趋势"),
             figures.heat_map(heat, title="目标完成情况"), figures.awareness_chart(ROWS), figures.mix_chart(MIX)]
    for figure in built:
        assert isinstance(figure.get_layout_engine(), FixedMargins)
        if size:
            figure.set_size_inches(*size)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        page = figure.bbox
        for ax in figure.axes:
            labels = [t for t in ax.get_xticklabels() + ax.get_yticklabels() + [ax.xaxis.label, ax.yaxis.label]
                      if t.get_visible() and t.get_text()]
            view_x, view_y = sorted(ax.get_xlim()), sorted(ax.get_ylim())
            for label in labels:
                x, y = label.get_position()
                if label in ax.get_xticklabels() and not view_x[0] <= x <= view_x[1]:
                    continue                                   # a tick outside the view is not drawn
                if label in ax.get_yticklabels() and not view_y[0] <= y <= view_y[1]:
                    continue
                box = label.get_window_extent(renderer)
                assert (page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1 and page.y0 - 1 <= box.y0
                        and box.y1 <= page.y1 + 1), (label.get_text(), box, page)
            for labels in labels_of(ax):                       # names, values, the target's name, heat cells
                for text, box in zip(labels.get_texts(), labels.get_window_extents(renderer)):
                    assert (page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1 and page.y0 - 1 <= box.y0
                            and box.y1 <= page.y1 + 1), (text, box, page)
        for legend in [a for a in figure.get_children() if isinstance(a, Key)]:   # the trend's, right of its axes
            box = legend.get_window_extent(renderer)
            assert box.x1 <= page.x1 + 1 and box.y1 <= page.y1 + 1
            assert all(box.x0 >= ax.bbox.x1 for ax in figure.axes)
            names = [t for ax in figure.axes for t in ax.get_yticklabels() + [ax.yaxis.label] if t.get_visible()]
            assert not any(box.overlaps(t.get_window_extent(renderer)) for t in names if t.get_text())
            assert not any(box.overlaps(other) for ax in figure.axes for labels in labels_of(ax)
                           for other in labels.get_window_extents(renderer))


@pytest.mark.parametrize("ha, va, rotation, mode", [("center", "center", 0, "anchor"), ("right", "top", 45, "anchor"),
                                                     ("left", "bottom", 0, "anchor"), ("right", "center", 0, "anchor"),
                                                     ("center", "bottom", 90, "default")])
def test_labels_sit_where_a_text_with_the_same_alignment_sits(ha, va, rotation, mode):
    """One ``Labels`` artist replaces hundreds of Text artists (each laid out again at every draw): same box,
    same place."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from outreach_desk.services.charts import fonts
    from outreach_desk.services.charts.labels import Labels

    fonts.configure()
    figure = Figure(figsize=(6, 4))
    ax = figure.add_subplot()
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 4)
    strings = ["幸福社区", "80%", "每所学校至少召开\n1次主题班会"]
    points = [(1, 1), (2, 2.5), (3, 1.5)]
    texts = [ax.annotate(s, p, xytext=(3, -2), textcoords="offset points", ha=ha, va=va, rotation=rotation,
                         rotation_mode=mode, fontsize=9) for s, p in zip(strings, points)]
    labels = Labels(strings, points, transform=ax.transData, size=9, offset=(3, -2), ha=ha, va=va,
                    rotation=rotation, rotation_mode=mode)
    ax.add_artist(labels)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    for text, box in zip(texts, labels.get_window_extents(renderer)):
        expected = text.get_window_extent(renderer)
        assert box.bounds == pytest.approx(expected.bounds, abs=1.0), text.get_text()


def test_labels_draw_like_texts_in_every_export_format(tmp_path):
    """The labels go through the renderer's own text drawing: pixels in a PNG, glyph outlines in SVG and PDF."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from outreach_desk.services.charts import export, fonts
    from outreach_desk.services.charts.labels import Labels

    fonts.configure()

    def picture(with_labels: bool):
        figure = Figure(figsize=(3, 2))
        ax = figure.add_subplot()
        ax.set_axis_off()
        if with_labels:
            ax.add_artist(Labels(["幸福社区", "92%"], [(0.3, 0.5), (0.7, 0.5)], transform=ax.transAxes, size=12,
                                 colors=["#D9482B", "black"], box={"facecolor": "#EEEEEE", "pad": 0.2}))
        return figure

    canvas = FigureCanvasAgg(picture(True))
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())[..., :3].astype(int)
    red = (abs(pixels - [0xD9, 0x48, 0x2B]).sum(axis=2) < 60).sum()
    assert red > 30                                            # the red name is drawn
    for suffix in (".svg", ".pdf"):
        bare = export.save_figure(picture(False), tmp_path / f"bare{suffix}").stat().st_size
        labelled = export.save_figure(picture(True), tmp_path / f"labelled{suffix}").stat().st_size
        assert labelled > bare + 500, suffix


@pytest.mark.parametrize("rotation", [0, 45])
def test_stamped_labels_put_their_ink_where_matplotlib_draws_the_text(rotation):
    """On the Agg canvas each line is drawn once into a picture and stamped: the ink lands within a pixel of a
    Text's wherever the anchor falls."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from outreach_desk.services.charts import fonts
    from outreach_desk.services.charts.labels import Labels

    fonts.configure()
    strings, points = ["光明街社区", "92%", "每所学校至少\n1块宣传板报"], [(0.2, 0.7), (0.5, 0.3), (0.8, 0.6)]

    def ink(with_labels: bool):
        figure = Figure(figsize=(4, 3))
        ax = figure.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        if with_labels:
            ax.add_artist(Labels(strings, points, transform=ax.transAxes, size=9, ha="right", va="top",
                                 rotation=rotation, colors="black"))
        else:
            for text, point in zip(strings, points):
                ax.text(*point, text, transform=ax.transAxes, fontsize=9, ha="right", va="top", rotation=rotation,
                        rotation_mode="anchor", color="black")
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        return 255 - np.asarray(canvas.buffer_rgba())[..., 0].astype(int)

    stamped, drawn = ink(True), ink(False)
    assert stamped.sum() == pytest.approx(drawn.sum(), rel=0.05)
    for ours, theirs in zip(np.nonzero(stamped > 60), np.nonzero(drawn > 60)):   # rows, then columns of ink
        assert abs(ours.min() - theirs.min()) <= 1 and abs(ours.max() - theirs.max()) <= 1


@pytest.mark.parametrize("rotation", [0, 45, 90])
def test_a_stamped_label_on_a_whole_pixel_is_pixel_for_pixel_a_text(rotation):
    """The picture of a line is what RendererAgg.draw_text draws, placed where a Text with that anchor draws."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from outreach_desk.services.charts import fonts
    from outreach_desk.services.charts.labels import Labels

    fonts.configure()

    def pixels(with_labels: bool):
        figure = Figure(figsize=(3, 1.5), dpi=100)          # the anchor (0.3, 0.4) is pixel (90, 60)
        if with_labels:
            figure.add_artist(Labels(["太平村 92%"], [(0.3, 0.4)], transform=figure.transFigure, size=11, ha="left",
                                     va="baseline", rotation=rotation, colors="#3A78C2"))
        else:
            figure.text(0.3, 0.4, "太平村 92%", fontsize=11, ha="left", va="baseline", rotation=rotation,
                        rotation_mode="anchor", color="#3A78C2")
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        return np.asarray(canvas.buffer_rgba()).copy()

    stamped, drawn = pixels(True), pixels(False)
    assert (drawn != 255).any()
    assert np.array_equal(stamped, drawn)


@pytest.mark.parametrize("text", ["光明街社区", "每所学校至少召开1次反诈主题班会", "100%", "达标线 80%",
                                  "LED屏滚动播放", "Records (an activity counts for each group)"])
def test_margins_measure_text_as_matplotlib_lays_it_out(text):
    """Margins measure each line once, at one size, and scale it: within 1 % of matplotlib's width at 9 points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    from outreach_desk.services.charts import fonts
    from outreach_desk.services.charts.margins import width

    fonts.configure()
    for bold in (False, True):
        prop = FontProperties(size=9, weight="bold" if bold else "normal")
        expected = TextToPath().get_text_width_height_descent(text, prop, ismath=False)[0]
        assert width(text, 9, bold) == pytest.approx(expected, rel=0.01)


def test_value_axes_are_fixed_at_build_time_with_their_grid_and_label_clear_of_the_numbers():
    """The numeric axes keep what matplotlib's locator and formatter gave, drawn without Tick objects."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_hex

    from outreach_desk.services.charts import figures, style
    from outreach_desk.services.charts.labels import labels_of

    coverage = figures.coverage_bar(SCORES, 0.8)
    ax = coverage.axes[0]
    (scale,) = labels_of(ax, "scale")
    assert scale.get_texts() == ["0%", "20%", "40%", "60%", "80%", "100%"]
    assert [y for _x, y in scale.get_positions()] == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    assert ax.get_yticks().size == 0
    (grid,) = [c for c in ax.collections if c.get_gid() == "scale-grid"]
    assert len(grid.get_segments()) == 6 and grid.get_zorder() < min(p.get_zorder() for p in ax.patches)

    trend = figures.trend_chart(TREND)
    people = trend.axes[1]
    (people_scale,) = labels_of(people, "people-scale")
    assert people_scale.get_texts()[-1] == "400" and {to_hex(c) for c in people_scale.get_colors()} == {
        style.PEOPLE.lower()}
    assert all(x == 1.0 for x, _y in people_scale.get_positions())      # on the right-hand edge

    for figure in (coverage, trend, figures.mix_chart(MIX)):
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        for axes in figure.axes:
            for labels in labels_of(axes, "scale") + labels_of(axes, "people-scale"):
                numbers = labels.get_window_extents(renderer)
                for which in (axes.xaxis, axes.yaxis):
                    if which.label.get_text():
                        name = which.label.get_window_extent(renderer)
                        assert not any(name.overlaps(box) for box in numbers), which.label.get_text()


@pytest.mark.parametrize("corner", ["upper center", "upper right"])
def test_a_key_takes_the_place_and_size_of_the_legend_it_replaces(corner):
    """``Key`` draws what a frameless matplotlib legend drew, without a Text and a packer per entry."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from outreach_desk.services.charts import fonts
    from outreach_desk.services.charts.labels import Key

    fonts.configure()
    entries = [("达到达标线", "#3A78C2", "patch"), ("滞后（低于达标线）", "#D9482B", "patch"),
               ("覆盖人次", "#E08A1E", "line")]
    handles = [Line2D([], [], color=c, marker="o", linewidth=2) if kind == "line" else Patch(color=c)
               for _name, c, kind in entries]
    figure = Figure(figsize=(8, 4))
    ax = figure.add_subplot()
    columns = 3 if corner == "upper center" else 1
    if corner == "upper center":
        legend = ax.legend(handles, [n for n, _c, _k in entries], loc=corner, bbox_to_anchor=(0.5, 1.0), ncols=3,
                           frameon=False, fontsize=9)
        key = Key(entries, anchor=(0.5, 1.0), transform=ax.transAxes, size=9, corner=corner, columns=columns)
    else:
        legend = figure.legend(handles, [n for n, _c, _k in entries], loc=corner, frameon=False, fontsize=9)
        key = Key(entries, anchor=(1.0, 1.0), transform=figure.transSubfigure, size=9, corner=corner)
    figure.add_artist(key)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    assert key.get_window_extent(renderer).bounds == pytest.approx(legend.get_window_extent(renderer).bounds, abs=3)


def test_the_font_pick_tries_only_installed_families_and_finds_what_a_full_search_finds(monkeypatch):
    import matplotlib
    from matplotlib import font_manager

    from outreach_desk.services.charts import fonts

    expected = [name for name in fonts.CANDIDATES if fonts.installed(name)]
    tried = []
    looked_up = fonts.installed
    monkeypatch.setattr(fonts, "installed", lambda name: tried.append(name) or looked_up(name))
    monkeypatch.setattr(fonts, "_chosen", None)
    families = {entry.name.lower() for entry in font_manager.fontManager.ttflist}
    fonts.configure()
    assert all(name.lower() in families for name in tried if name != fonts.FALLBACK)
    assert matplotlib.rcParams["font.sans-serif"] == [*(expected or [fonts.FALLBACK]), fonts.FALLBACK]


def test_long_rule_names_wrap_into_two_even_lines_at_a_natural_break():
    from outreach_desk.services.charts.figures import _wrap

    assert _wrap("每个出入口、电梯间至少张贴1张海报", 18) == "每个出入口、电梯间至少张贴1张海报"        # fits: one line
    assert _wrap("每个村（社区）至少建立1个公益宣传专栏", 18) == "每个村（社区）\n至少建立1个公益宣传专栏"
    assert _wrap("每个居民小区、工厂至少设置1个宣传橱窗", 18) == "每个居民小区、\n工厂至少设置1个宣传橱窗"
    assert (_wrap("每名学生家长签名确认《致全体学生及家长的一封信》", 18)
            == "每名学生家长签名确认\n《致全体学生及家长的一封信》")
    assert (_wrap("每个村（社区）每月至少组织1次宣讲会或文艺活动", 18)
            == "每个村（社区）\n每月至少组织1次宣讲会或文艺活动")
    assert _wrap("甲" * 20, 18) == "甲" * 10 + "\n" + "甲" * 10                     # no break point: halves
    assert _wrap("乙" * 40, 18) == "乙" * 18 + "\n" + "乙" * 17 + "…"               # too long: cut, marked


@pytest.mark.parametrize("style", ["screen", "presentation"])
def test_values_on_25_bars_fit_their_bars_in_every_style(style):
    """A meeting's 13-point values ran into each other over 25 villages (white ones past the bar's edge)."""
    from outreach_desk.services.charts import figures, margins
    from outreach_desk.services.charts.labels import labels_of

    rows = [AwarenessRow(i, f"第{i}村", 0.5 + i / 100, 0.45 + i / 100, 0.55 + i / 100, 100, 50 + i)
            for i in range(25)]
    scores = [VillageScore(i, f"第{i}村", 0.5 + i / 60, False) for i in range(25)]
    for figure, share in ((figures.awareness_chart(rows, style=style), 0.65),
                          (figures.coverage_bar(scores, 0.8, style=style), 1.0)):
        figure.canvas.draw()
        ax = figure.axes[0]
        values = labels_of(ax, "values")[0]
        bar_points = ax.get_window_extent().width / figure.dpi * 72 / (25 + 0.2) * share
        size = values._prop.get_size_in_points()
        bold = values._prop.get_weight() == "bold"
        assert figures.MIN_VALUE_SIZE <= size <= figures.style_of(style).small
        assert max(margins.width(text, size, bold) for text in values._texts) <= bar_points
