"""The dashboard page on the hand-built township of test_coverage_engine (its numbers are worked out there).

平安镇: 太平村 and 幸福社区, campaign 2026-07-01 .. 2026-12-31. In October 2026 太平村's compliance
index is 9.57 / 11 and 幸福社区's 4 / 9; the page counts to 2026-11-28.
"""

from __future__ import annotations

import datetime as dt
import struct
import threading
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, Qt
from test_coverage_engine import build_town

from outreach_desk.services.coverage import campaigns, periods
from outreach_desk.ui.dashboard import loading as dashboard_loading
from outreach_desk.ui.dashboard import page as dashboard_page
from waits import WAIT_MS

D = dt.date
TODAY = D(2026, 11, 28)
OCTOBER = periods.month(2026, 10)


@pytest.fixture
def context(store, qapp):
    from outreach_desk.ui.shell.context import AppContext

    return AppContext(store.database)


@pytest.fixture
def town(store):
    return build_town()


def make_page(qtbot, context, monkeypatch) -> dashboard_page.DashboardPage:
    monkeypatch.setattr(dashboard_page, "today", lambda: TODAY)
    page = dashboard_page.DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def wait_drawn(qtbot, page, **expected) -> None:
    """Until the page shows data for ``expected`` filter fields, every chart drawn and nothing loading."""

    def settled() -> bool:
        data = page.data
        if data is None or page.is_busy() or not page.all_drawn():
            return False
        return all(getattr(data.filter, name) == value for name, value in expected.items())

    qtbot.waitUntil(settled, timeout=WAIT_MS)


@pytest.fixture
def page(qtbot, context, town, monkeypatch):
    page = make_page(qtbot, context, monkeypatch)
    wait_drawn(qtbot, page)
    return page


def chart_keys() -> list[str]:
    from outreach_desk.services.charts import figures

    return [key for key, _title, _builder in figures.CHARTS]


def village_bars(page) -> dict[int, float]:
    """Village id → bar height of the coverage chart (the bars carry the village id as gid)."""
    from matplotlib.patches import Rectangle

    figure = page.views["coverage"].figure
    bars = figure.findobj(lambda a: isinstance(a, Rectangle) and a.get_gid() is not None)
    return {int(bar.get_gid()): bar.get_height() for bar in bars}


def choose_period(qtbot, page, period) -> None:
    page.picker.set_period(period)
    wait_drawn(qtbot, page, period=period)


# --------------------------------------------------------------------------- loading and drawing
def test_the_page_loads_tiles_and_draws_every_chart(qtbot, page, town):
    assert list(page.views) == chart_keys()
    assert all(view.is_drawn() and view.canvas.isVisible() for view in page.views.values())
    assert page.data.filter.period == periods.to_date(campaigns.current(), TODAY)
    assert page.data.filter.village_id is None
    tiles = page.tiles
    assert tiles.tile("campaignTile").value.text() == f"{TODAY.toordinal() - D(2026, 7, 1).toordinal() + 1} / 184"
    assert tiles.tile("campaignTile").detail.text() == "Phase: 集中攻坚"
    assert tiles.tile("laggingTile").detail.text() == "of 2 villages"
    assert tiles.tile("activitiesTile").value.text() == str(page.data.tiles.month_activities)
    assert page.data.tiles.month_label in tiles.tile("activitiesTile").caption.text()
    assert "updated at" in page.status_label.text()
    assert page.present_button.isEnabled()
    assert not page.showing_empty_state()
    assert not page.font_warning.isVisible()               # this machine has a Chinese font


def test_the_charts_are_drawn_in_display_order_so_the_first_screen_comes_first(qtbot, context, town, monkeypatch):
    order = []
    real = dashboard_page.ChartView.set_figure

    def watched(view, figure, make_export_figure=None):
        real(view, figure, make_export_figure)
        view.drawn.connect(lambda: view.key in order or order.append(view.key))

    monkeypatch.setattr(dashboard_page.ChartView, "set_figure", watched)
    page = make_page(qtbot, context, monkeypatch)
    wait_drawn(qtbot, page)
    assert order == chart_keys()


def test_once_drawn_the_charts_text_is_kept_for_the_next_start(qtbot, context, town, monkeypatch):
    from outreach_desk.services.charts import text_cache

    path = text_cache.default_path()
    path.unlink(missing_ok=True)
    page = make_page(qtbot, context, monkeypatch)
    wait_drawn(qtbot, page)
    qtbot.waitUntil(path.is_file, timeout=30000)
    assert path.stat().st_size > 0


def test_coverage_bars_are_the_villages_with_their_ids(qtbot, page, town):
    bars = village_bars(page)
    assert set(bars) == {town["taiping"], town["xingfu"]}
    scores = {score.village_id: score.index for score in page.data.coverage}
    # the bars show the same numbers as the data, whatever the scale (fractions or percent)
    scale = bars[town["taiping"]] / scores[town["taiping"]]
    assert bars[town["xingfu"]] == pytest.approx(scores[town["xingfu"]] * scale)


def test_choosing_october_changes_the_coverage_bars(qtbot, page, town):
    before = village_bars(page)
    choose_period(qtbot, page, OCTOBER)
    after = village_bars(page)
    scores = {score.village_id: score.index for score in page.data.coverage}
    assert scores[town["taiping"]] == pytest.approx(9.57 / 11, abs=0.005)
    assert scores[town["xingfu"]] == pytest.approx(4 / 9, abs=0.005)
    scale = after[town["taiping"]] / scores[town["taiping"]]
    assert after[town["xingfu"]] == pytest.approx(4 / 9 * scale)
    assert after != before


def test_the_village_filter_narrows_the_charts_to_one_village(qtbot, page, town):
    all_people = sum(page.data.trend.people)
    page.set_village(town["xingfu"])
    wait_drawn(qtbot, page, village_id=town["xingfu"])
    assert page.area.currentText() == "幸福社区"
    assert set(village_bars(page)) == {town["xingfu"]}
    assert sum(page.data.trend.people) < all_people       # 太平村's lectures and quiz no longer count
    page.set_village(None)
    wait_drawn(qtbot, page, village_id=None)
    assert set(village_bars(page)) == {town["taiping"], town["xingfu"]}


def test_the_organisation_tree_sets_the_village(qtbot, page, town, context):
    context.scope_selected.emit(None, town["school"])      # a site: its village
    wait_drawn(qtbot, page, village_id=town["taiping"])
    assert page.area.currentText() == "太平村"
    context.scope_selected.emit(None, None)                # the township or nothing: all villages
    wait_drawn(qtbot, page, village_id=None)
    assert page.area.currentIndex() == 0


def test_a_second_township_brings_the_township_choice(qtbot, page, town, context):
    from outreach_desk.services import organisation as org

    assert not page.township_box.isVisible()               # one township: nothing to choose
    other = org.add_township("安宁镇")
    org.add_village(other, "安宁村")
    context.data_changed.emit("organisation")
    assert page.township_box.isVisible()
    assert [page.township_box.itemText(i) for i in range(page.township_box.count())] == [
        "All townships", "平安镇", "安宁镇"]
    page.set_township(other)
    assert [page.area.itemText(i) for i in range(page.area.count())] == ["Whole township", "安宁村"]
    qtbot.waitUntil(page.showing_empty_state, timeout=WAIT_MS)  # 安宁镇 has no campaign of its own yet
    assert page.empty_label.text().startswith("安宁镇 has no campaign of its own yet")
    assert page.copy_offer.isVisible() and page.township_box.isVisible()
    dialog = page.copy_offer.open_dialog()
    assert dialog.source.itemText(0) == "平安镇: " + campaigns.current(town["township"]).name
    dialog.accept()
    assert campaigns.current(other).township_id == other
    wait_drawn(qtbot, page, township_id=other)
    assert not page.showing_empty_state() and not page.copy_offer.isVisible()


def test_a_change_to_the_store_reloads_after_a_pause(qtbot, page, town, context):
    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org

    kinds = {kind.code: kind.id for kind in org.list_kinds()}
    before = page.data.tiles.month_activities
    ledger.create(ledger.ActivityInput(D(2026, 11, 27), town["taiping"], kinds["lecture"], people=30))
    old = page.data
    context.data_changed.emit("activity")
    qtbot.waitUntil(lambda: page.data is not old and not page.is_busy() and page.all_drawn(), timeout=WAIT_MS)
    assert page.data.tiles.month_activities == before + 1
    assert page.tiles.tile("activitiesTile").value.text() == str(before + 1)


def test_a_hidden_page_reloads_when_shown(qtbot, page, town, context):
    page.hide()
    page.picker.set_period(OCTOBER)
    assert "Out of date" in page.status_label.text()
    assert page.data.filter.period != OCTOBER
    page.show()
    wait_drawn(qtbot, page, period=OCTOBER)


def test_without_campaign_the_page_says_how_to_create_one(qtbot, store, township, context, monkeypatch):
    page = make_page(qtbot, context, monkeypatch)
    assert page.showing_empty_state()
    assert "Campaign → Campaigns…" in page.empty_label.text()
    assert not page.picker.isVisible() and not page.present_button.isVisible()
    assert page.data is None and not page.is_busy()


def test_a_campaign_created_later_fills_the_page(qtbot, store, township, context, monkeypatch):
    from outreach_desk.services.coverage import campaigns

    page = make_page(qtbot, context, monkeypatch)
    assert page.showing_empty_state()
    campaigns.create(campaigns.CampaignInfo("平安镇专项行动", D(2026, 9, 1), D(2026, 12, 31)))
    context.data_changed.emit("campaign")
    wait_drawn(qtbot, page)
    assert not page.showing_empty_state()
    assert page.campaign_label.text() == "平安镇专项行动"


def test_charts_render_chinese_without_missing_glyphs(qtbot, context, town, monkeypatch):
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = make_page(qtbot, context, monkeypatch)
        wait_drawn(qtbot, page)
    assert not [str(w.message) for w in caught if "missing from" in str(w.message)]


# --------------------------------------------------------------------------- tiles
def sample_tiles(**changes):
    from outreach_desk.services.dashboard import Tiles

    values = dict(campaign_name="平安镇专项行动", campaign_day=151, campaign_days=184, phase_name="集中攻坚",
                  month_label="2026-11", month_activities=1230, month_people=5400, last_month_activities=1000,
                  last_month_people=6000, compliance_index=0.734, awareness_rate=0.765, awareness_low=0.721,
                  awareness_high=0.804, awareness_respondents=1500, awareness_target=0.8, lagging_villages=3,
                  villages=12, next_deadline_title="11月月报", next_deadline_due=D(2026, 11, 30), days_to_deadline=2,
                  last_month_label="2026-10")
    values.update(changes)
    return Tiles(**values)


@pytest.fixture
def tiles(qtbot, qapp):
    from outreach_desk.ui.dashboard.tiles import DashboardTiles

    widget = DashboardTiles()
    qtbot.addWidget(widget)
    return widget


def texts(tiles, name) -> tuple[str, str, str]:
    tile = tiles.tile(name)
    return tile.caption.text(), tile.value.text(), tile.detail.text()


def test_tiles_show_the_numbers_with_change_interval_and_days_left(tiles):
    from outreach_desk.ui.dashboard.tiles import BAD, GOOD

    tiles.set_tiles(sample_tiles())
    assert texts(tiles, "campaignTile") == ("Campaign day", "151 / 184", "Phase: 集中攻坚")
    assert texts(tiles, "activitiesTile") == ("Activities in 2026-11", "1,230", "↑ 23% vs the same days last month")
    assert GOOD in tiles.tile("activitiesTile").detail.styleSheet()
    assert texts(tiles, "peopleTile") == ("People reached in 2026-11", "5,400", "↓ 10% vs the same days last month")
    assert BAD in tiles.tile("peopleTile").detail.styleSheet()
    assert texts(tiles, "complianceTile")[1] == "73%"
    assert texts(tiles, "awarenessTile") == ("Awareness rate", "76.5%", "95% interval 72%–80% · target 80%")
    assert BAD in tiles.tile("awarenessTile").value.styleSheet()          # below the 80 % target
    assert "1,500" in tiles.tile("awarenessTile").toolTip()
    assert tiles.tile("activitiesTile").toolTip() == "2026-10: 1,000"
    assert texts(tiles, "laggingTile") == ("Villages lagging", "3", "of 12 villages")
    assert texts(tiles, "deadlineTile") == ("Next report deadline", "2 days", "11月月报 · 2026-11-30")
    assert BAD in tiles.tile("deadlineTile").value.styleSheet()


def test_tiles_without_surveys_deadlines_or_last_month(tiles):
    from outreach_desk.ui.dashboard.tiles import GOOD

    tiles.set_tiles(sample_tiles(awareness_rate=None, awareness_low=None, awareness_high=None, awareness_respondents=0,
                                 next_deadline_title=None, next_deadline_due=None, days_to_deadline=None,
                                 last_month_activities=0, month_people=6000, compliance_index=None, lagging_villages=0,
                                 phase_name=None))
    assert texts(tiles, "awarenessTile")[1:] == ("—", "No survey yet · target 80%")
    assert texts(tiles, "deadlineTile")[1:] == ("—", "No deadline ahead")
    assert texts(tiles, "activitiesTile")[2] == "↑ 1,230 vs the same days last month"   # no percentage of nothing
    assert texts(tiles, "peopleTile")[2] == "Same as last month"
    assert texts(tiles, "complianceTile")[1] == "—"
    assert texts(tiles, "campaignTile")[2] == "Between phases"
    assert GOOD in tiles.tile("laggingTile").value.styleSheet()


def test_tiles_wrap_into_balanced_rows_when_narrow(tiles):
    for width, columns in ((1400, 5), (1000, 5), (700, 3), (420, 2), (150, 1)):
        tiles.fit_width(width)
        assert tiles.columns() == columns, width


# --------------------------------------------------------------------------- drill-down
def bar_centre(view, village_id: int) -> QPoint:
    """Where a village's bar is on the canvas, in Qt's logical pixels (matplotlib counts from the bottom)."""
    figure = view.figure
    bar = next(a for a in figure.findobj() if a.get_gid() == str(village_id))
    x0, y0, x1, y1 = bar.get_window_extent().extents
    ratio = view.canvas.device_pixel_ratio
    return QPoint(round((x0 + x1) / 2 / ratio), round(view.canvas.height() - (y0 + y1) / 2 / ratio))


def test_clicking_a_village_bar_opens_its_coverage(qtbot, page, town, context):
    choose_period(qtbot, page, OCTOBER)
    view = page.views["coverage"]                           # first in the scroll area: on screen
    with qtbot.waitSignal(context.show_page, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=bar_centre(view, town["xingfu"]))
    assert shown.args == ["coverage", {"village_id": town["xingfu"], "period": OCTOBER}]


def test_a_pick_on_anything_but_a_village_bar_does_nothing(qtbot, page, context):
    from matplotlib.patches import Rectangle

    emitted = []
    context.show_page.connect(lambda *args: emitted.append(args))
    page.views["coverage"].picked.emit(Rectangle((0, 0), 1, 1))
    assert emitted == []


def test_the_window_opens_the_coverage_page_at_the_clicked_village(qtbot, db_path, town, monkeypatch):
    from PySide6.QtCore import QT_TRANSLATE_NOOP

    from outreach_desk.ui.coverage import page as coverage_page

    from outreach_desk.ui.shell import main_window

    entry = ("dashboard", "outreach_desk.ui.dashboard.page", "DashboardPage",
             QT_TRANSLATE_NOOP("MainWindow", "Dashboard"))
    names = [p[0] for p in main_window.PAGES]
    pages = list(main_window.PAGES) if "dashboard" in names else [*main_window.PAGES, entry]
    monkeypatch.setattr(main_window, "PAGES", pages)
    monkeypatch.setattr(dashboard_page, "today", lambda: TODAY)
    monkeypatch.setattr(coverage_page, "today", lambda: TODAY)
    window = main_window.MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("dashboard")
    page = window.page("dashboard")
    wait_drawn(qtbot, page)
    view = page.views["coverage"]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=bar_centre(view, town["taiping"]))
    coverage = window.page("coverage")
    assert window.tabs.currentWidget() is coverage.parentWidget()
    qtbot.waitUntil(lambda: coverage.selected_area() == ("village", town["taiping"]), timeout=WAIT_MS)


# --------------------------------------------------------------------------- export
def png_size_and_dpi(path) -> tuple[tuple[int, int], float]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    at = data.index(b"pHYs")
    per_metre = struct.unpack(">I", data[at + 4:at + 8])[0]
    return (width, height), per_metre * 0.0254


def export_as(page, monkeypatch, path, chosen_filter: str = ""):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), chosen_filter))
    return page.views["coverage"].export()


def test_export_writes_png_at_200_dpi(qtbot, page, tmp_path, monkeypatch):
    folder = tmp_path / "汇报 材料"
    folder.mkdir()
    path = export_as(page, monkeypatch, folder / "各村覆盖.png")
    assert path == folder / "各村覆盖.png"
    builder = dashboard_loading.chart_builders()["coverage"]
    width, height = builder(page.data).get_size_inches()
    (pixels_w, pixels_h), dpi = png_size_and_dpi(path)
    assert (pixels_w, pixels_h) == (round(width * 200), round(height * 200))
    assert dpi == pytest.approx(200, abs=0.5)
    assert pixels_w >= 1200                                  # sharp enough for a slide
    assert page.context.settings.value(dashboard_page.SETTINGS_EXPORT_FOLDER) == str(folder)


def test_export_svg_and_pdf_by_suffix_or_chosen_filter(qtbot, page, tmp_path, monkeypatch):
    from outreach_desk.ui.widgets.chart_view import EXPORT_FORMATS

    builder = dashboard_loading.chart_builders()["coverage"]
    width, height = builder(page.data).get_size_inches()
    svg = export_as(page, monkeypatch, tmp_path / "覆盖", EXPORT_FORMATS[1][1])   # no suffix: the filter's
    assert svg == tmp_path / "覆盖.svg"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert float(root.get("width").removesuffix("pt")) == pytest.approx(width * 72, abs=0.5)
    assert float(root.get("height").removesuffix("pt")) == pytest.approx(height * 72, abs=0.5)
    pdf = export_as(page, monkeypatch, tmp_path / "覆盖.pdf", EXPORT_FORMATS[0][1])  # the typed suffix wins
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-32:]
    assert f"/MediaBox [ 0 0 {width * 72:g} {height * 72:g} ]".encode() in data


def test_export_failure_is_shown_not_raised(qtbot, page, tmp_path, monkeypatch):
    from outreach_desk.ui.shell import errors

    shown = []
    monkeypatch.setattr(errors, "show_exception", lambda parent, exc, details="": shown.append(exc))
    path = export_as(page, monkeypatch, tmp_path / "不存在的文件夹" / "图.png")
    assert path is None
    assert len(shown) == 1 and isinstance(shown[0], Exception)


def test_export_cancelled_writes_nothing(qtbot, page, tmp_path, monkeypatch):
    before = sorted(tmp_path.rglob("*"))
    assert export_as(page, monkeypatch, "") is None
    assert sorted(tmp_path.rglob("*")) == before


def test_the_export_action_is_in_the_chart_menu(qtbot, page):
    view = page.views["trend"]
    assert view.export_action in view.canvas.actions()
    assert view.canvas.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert view.export_button.defaultAction() is view.export_action


# --------------------------------------------------------------------------- presentation
def test_present_opens_full_screen_and_esc_closes(qtbot, page):
    qtbot.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
    window = page.presentation
    assert window is not None
    qtbot.waitExposed(window)
    assert window.isFullScreen()
    assert window.title_label.text() == page.views[chart_keys()[0]].title()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.presentation is None, timeout=WAIT_MS)


def test_f5_presents_and_reload_follows_in_the_presentation(qtbot, page, town):
    qtbot.keyClick(page, Qt.Key.Key_F5)
    window = page.presentation
    assert window is not None
    qtbot.keyClick(window, Qt.Key.Key_Right)
    first = window.figure()
    choose_period(qtbot, page, OCTOBER)
    assert window.data is page.data and window.index == 1
    assert window.figure() is not first
    window.close()


# --------------------------------------------------------------------------- layout
def test_charts_by_village_take_the_width_and_the_others_pair_up_on_wide_screens():
    keys = ["coverage", "trend", "heat", "awareness", "mix"]
    assert dashboard_page.chart_positions(keys, two_columns=False) == {
        "coverage": (0, 0, 2), "trend": (1, 0, 2), "heat": (2, 0, 2), "awareness": (3, 0, 2), "mix": (4, 0, 2)}
    assert dashboard_page.chart_positions(keys, two_columns=True) == {
        "coverage": (0, 0, 2), "trend": (1, 0, 1), "heat": (2, 0, 2), "awareness": (3, 0, 2), "mix": (1, 1, 1)}


def test_the_page_switches_to_two_columns_when_wide(qtbot, page):
    def spans() -> dict[str, int]:
        return {key: page.grid.getItemPosition(page.grid.indexOf(view))[3] for key, view in page.views.items()}

    assert set(spans().values()) == {2}                     # 1300 pixels: one chart per row
    page.resize(1700, 900)
    qtbot.waitUntil(lambda: spans()["trend"] == 1 and spans()["mix"] == 1, timeout=WAIT_MS)
    assert spans()["coverage"] == spans()["heat"] == 2


def test_the_tiles_show_before_any_chart_and_the_streaks_are_ranked_after_the_charts(qtbot, context, town,
                                                                                     monkeypatch):
    """Numbers first (the tiles, as soon as the data is read), charts after, the streak tile's ranking of the
    last months last: each from a worker, the page never waiting for the slowest."""
    from outreach_desk.services.charts import figures

    release = threading.Event()
    first_key, first_title, first_builder = figures.CHARTS[0]

    def held(data, **kwargs):
        release.wait(WAIT_MS / 1000)
        return first_builder(data, **kwargs)

    monkeypatch.setattr(figures, "CHARTS", [(first_key, first_title, held), *figures.CHARTS[1:]])
    page = make_page(qtbot, context, monkeypatch)
    tiles = page.tiles
    qtbot.waitUntil(lambda: tiles.tile("laggingTile").detail.text() == "of 2 villages", timeout=WAIT_MS)
    assert not page.views and page.data is None            # no chart yet: the first one is still being built
    assert tiles.tile("streakTile").detail.text() == "Ranking the last months…"
    assert tiles.tile("ordersTile").value.text() == "0 / 0"
    with qtbot.waitSignal(page.streaks_ranked, timeout=WAIT_MS):
        release.set()
    assert page.all_drawn()
    assert tiles.tile("streakTile").value.text() == str(len(page.data.supervision.streaks.villages))
    bottom = page.data.supervision.streaks.bottom
    assert tiles.tile("streakTile").caption.text() == f"In the bottom {bottom}, 2 months running"


def test_matplotlib_import_starts_when_the_page_is_made_not_when_it_is_first_shown(qtbot, context, town,
                                                                                     monkeypatch):
    """Issue 5 (speed): the import, most of a first opening, overlaps building the page and reading the data."""
    started = []
    monkeypatch.setattr(dashboard_loading, "prepare_charts", lambda _progress=None: started.append(True))
    page = dashboard_page.DashboardPage(context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: started == [True], timeout=WAIT_MS)
    assert not page.isVisible() and page.data is None


def test_the_chart_canvas_is_matplotlibs_qt_canvas_drawn_out_of_view_taking_clicks_and_passing_the_wheel(
        qtbot, qtlog):
    """matplotlib's FigureCanvasQTAgg: a chart scrolled out of view is drawn all the same, the figure takes the
    widget's size, a click on a bar reaches matplotlib as a pick (and Qt hears it accepted), and the mouse wheel
    over a chart is left to the page's scroll area."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

    from outreach_desk.ui.widgets.chart_view import make_canvas

    figures = [Figure(), Figure()]
    bars = [figure.add_subplot().bar([0, 1], [1, 2], picker=True)[1] for figure in figures]
    holder = QWidget()
    column = QVBoxLayout(holder)
    canvases = [make_canvas(figure) for figure in figures]
    assert all(isinstance(canvas, FigureCanvasQTAgg) for canvas in canvases)
    for canvas in canvases:
        canvas.setFixedSize(400, 300)
        column.addWidget(canvas)
    scroll = QScrollArea()
    scroll.setWidget(holder)
    scroll.resize(440, 200)                                  # the second chart is below the fold
    qtbot.addWidget(scroll)
    drawn, picked, scrolled = [], [], []
    for number, canvas in enumerate(canvases):
        canvas.mpl_connect("draw_event", lambda _event, n=number: drawn.append(n))
    canvases[0].mpl_connect("pick_event", lambda event: picked.append(event.artist))
    canvases[0].mpl_connect("scroll_event", lambda event: scrolled.append(event.step))
    scroll.show()
    qtbot.waitUntil(lambda: sorted(set(drawn)) == [0, 1], timeout=WAIT_MS)
    assert canvases[1].visibleRegion().isEmpty()
    ratio = canvases[0].device_pixel_ratio
    assert figures[0].bbox.width == pytest.approx(400 * ratio) and figures[0].bbox.height == pytest.approx(300 * ratio)
    x0, y0, x1, y1 = bars[0].get_window_extent().extents
    qtbot.mouseClick(canvases[0], Qt.MouseButton.LeftButton,
                     pos=QPoint(round((x0 + x1) / 2 / ratio), round(300 - (y0 + y1) / 2 / ratio)))
    assert picked == [bars[0]]
    assert not [record.message for record in qtlog.records if "not accepted" in record.message]
    at = QPointF(200, 100)
    wheel = QWheelEvent(at, canvases[0].mapToGlobal(at), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvases[0], wheel)
    assert scrolled == [-1]                                  # matplotlib heard it
    assert not wheel.isAccepted()                            # and Qt passes it on to the scroll area


def test_each_chart_is_handed_over_as_soon_as_it_is_built(town, qapp):
    """The page draws the first charts while the worker builds the others, so the first screen comes early."""
    from outreach_desk.services.dashboard import DashboardFilter

    handed = []
    loaded = dashboard_loading.load_dashboard(DashboardFilter(OCTOBER), TODAY,
                                           deliver=lambda data, chart: handed.append((data, chart)))
    assert handed[0] == (loaded.data, None)                 # the tiles' numbers before any chart
    assert [chart[0] for _data, chart in handed[1:]] == chart_keys()
    assert all(data is loaded.data for data, _chart in handed)
    assert [chart for _data, chart in handed[1:]] == loaded.charts


def test_charts_of_a_load_overtaken_by_a_new_choice_never_reach_the_screen(qtbot, page, monkeypatch):
    real = dashboard_loading.load_dashboard
    release = threading.Event()

    def slow_october(chosen, day, progress=None, deliver=None):
        if chosen.period == OCTOBER:
            release.wait(60)
        return real(chosen, day, progress, deliver)

    monkeypatch.setattr(dashboard_loading, "load_dashboard", slow_october)
    seen = []
    for view in page.views.values():
        view.drawn.connect(lambda: seen.append(page.data.filter.period))
    final = page.picker.period()
    page.picker.set_period(OCTOBER)
    qtbot.waitUntil(page.is_busy, timeout=WAIT_MS)
    page.picker.set_period(final)
    release.set()
    qtbot.waitUntil(lambda: not page.is_busy() and page.all_drawn() and page.data.filter.period == final,
                    timeout=30000)
    assert OCTOBER not in seen
    assert page.status_label.text().startswith(final.label)


def test_the_page_is_not_ready_while_charts_of_a_new_load_are_still_coming(qtbot, page, monkeypatch):
    """Old charts stay on screen until replaced, but "all drawn" waits for every chart of the new load."""
    from outreach_desk.services.charts import figures

    release = threading.Event()
    key, title, builder = figures.CHARTS[-1]

    def held(data, **kwargs):
        release.wait(60)
        return builder(data, **kwargs)

    monkeypatch.setattr(figures, "CHARTS", [*figures.CHARTS[:-1], (key, title, held)])
    announced = []
    page.ready.connect(lambda: announced.append(True))
    old = page.views[key].figure
    page.picker.set_period(OCTOBER)
    first = [view for name, view in page.views.items() if name != key]
    qtbot.waitUntil(lambda: page.data.filter.period == OCTOBER and all(view.is_drawn() for view in first),
                    timeout=30000)
    assert not page.all_drawn() and not announced
    assert page.views[key].figure is old and page.views[key].is_drawn()    # the old chart stays meanwhile
    release.set()
    qtbot.waitUntil(lambda: announced == [True], timeout=30000)
    assert page.all_drawn() and page.views[key].figure is not old


def test_the_worker_builds_the_next_chart_once_the_page_has_drawn_the_one_before(qtbot, page, monkeypatch):
    """Building beside drawing only slowed both (one Python thread runs at a time): the worker waits."""
    from outreach_desk.services.charts import figures

    monkeypatch.setattr(dashboard_loading, "HANDOVER_WAIT_S", 60.0)   # a busy machine draws slowly
    built, found = [], []
    keys = chart_keys()

    def watched(position, builder):
        def build(data, **kwargs):
            if position:   # the chart before: on screen (its new figure) and drawn?
                view = page.views[keys[position - 1]]
                found.append(view.figure is built[-1] and view.is_drawn())
            built.append(builder(data, **kwargs))
            return built[-1]
        return build

    monkeypatch.setattr(figures, "CHARTS", [(key, title, watched(position, builder))
                                           for position, (key, title, builder) in enumerate(figures.CHARTS)])
    choose_period(qtbot, page, OCTOBER)
    assert found == [True] * (len(keys) - 1)


def _shown_errors(monkeypatch) -> list[str]:
    from outreach_desk.ui.shell import errors

    shown = []
    monkeypatch.setattr(errors, "show_exception", lambda _parent, exc, _details="": shown.append(str(exc)))
    return shown


def test_charts_a_failed_load_did_not_deliver_say_so_instead_of_loading(qtbot, page, monkeypatch):
    shown = _shown_errors(monkeypatch)
    real = dashboard_loading.load_dashboard

    def fails_after_two_charts(chosen, day, progress=None, deliver=None):
        delivered = []

        def two_then_fail(data, chart):
            if chart is None:   # the tiles
                return deliver(data, chart)
            if len(delivered) == 2:
                raise OSError("磁盘读取失败")
            delivered.append(chart[0])
            deliver(data, chart)

        return real(chosen, day, progress, two_then_fail)

    monkeypatch.setattr(dashboard_loading, "load_dashboard", fails_after_two_charts)
    page.picker.set_period(OCTOBER)
    qtbot.waitUntil(lambda: shown == ["磁盘读取失败"], timeout=WAIT_MS)
    keys = chart_keys()
    assert all(page.views[key].is_drawn() for key in keys[:2])
    for key in keys[2:]:
        view = page.views[key]
        assert view.canvas is None and view.message.isVisible() and not view.export_action.isEnabled()
        assert view.message.text() == "Not drawn: the dashboard could not be loaded."
    assert page.status_label.text() == "Could not load the dashboard." and not page.all_drawn()


def test_a_first_load_that_fails_says_so_where_the_charts_would_be(qtbot, context, town, monkeypatch):
    shown = _shown_errors(monkeypatch)

    def fails(*_args, **_kwargs):
        raise OSError("磁盘读取失败")

    monkeypatch.setattr(dashboard_loading, "load_dashboard", fails)
    page = make_page(qtbot, context, monkeypatch)
    qtbot.waitUntil(lambda: shown == ["磁盘读取失败"], timeout=WAIT_MS)
    assert page.loading_label.text() == "Not drawn: the dashboard could not be loaded."
    assert not page.views
