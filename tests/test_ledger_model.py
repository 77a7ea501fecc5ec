"""The ledger table model against a real store: lazy pages, sorting and filters in SQL, totals."""

from __future__ import annotations

import datetime as dt

import pytest
from ledger_data import make_records
from PySide6.QtCore import QModelIndex, Qt

from outreach_desk.services import ledger, ledger_query
from outreach_desk.services.ledger_query import LedgerFilter
from outreach_desk.ui.ledger.model import COLUMNS, ActivityIdRole, LedgerModel, column_index
from waits import WAIT_MS


@pytest.fixture
def records(township):
    return make_records(township)


@pytest.fixture
def model(records, qtbot):
    ledger_model = LedgerModel(page_size=40)
    yield ledger_model
    qtbot.waitUntil(lambda: not ledger_model.counting, timeout=WAIT_MS)


def _ids(model: LedgerModel) -> list[int]:
    return [model.activity_id(row) for row in range(model.rowCount())]


def _load_all(model: LedgerModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def _totals(qtbot, model: LedgerModel):
    if model.totals is None:
        with qtbot.waitSignal(model.totalsChanged, check_params_cb=lambda totals: totals is not None, timeout=WAIT_MS):
            pass
    return model.totals


def test_rows_arrive_a_page_at_a_time(model):
    assert model.rowCount() == 0
    model.setFilter(LedgerFilter())
    assert model.rowCount() == 40 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 80
    _load_all(model)
    assert model.rowCount() == 150 and not model.canFetchMore(QModelIndex())
    assert len(set(_ids(model))) == 150
    assert not model.canFetchMore(model.index(0, 0))


def test_fetch_more_inserts_rows_with_signals(model, qtbot):
    model.setFilter(LedgerFilter())
    with qtbot.waitSignal(model.rowsInserted, timeout=WAIT_MS) as blocker:
        model.fetchMore(QModelIndex())
    assert blocker.args[1:] == [40, 79]


def test_passes_the_model_tester(model, qtmodeltester):
    model.setFilter(LedgerFilter())
    model.fetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_default_order_is_newest_first(model, records):
    model.setFilter(LedgerFilter())
    _load_all(model)
    dates = [records["stored"][a].date for a in _ids(model)]
    assert dates == sorted(dates, reverse=True)
    assert model.sort_state == ("date", True)


@pytest.mark.parametrize("key", [c.key for c in COLUMNS if c.key in ledger_query.SORT_COLUMNS])
def test_sorting_requeries_in_sql(model, key):
    model.setFilter(LedgerFilter())
    for order, descending in ((Qt.SortOrder.AscendingOrder, False), (Qt.SortOrder.DescendingOrder, True)):
        model.sort(column_index(key), order)
        assert model.rowCount() == 40
        _load_all(model)
        expected = [row.id for row in ledger_query.fetch_all(LedgerFilter(), key, descending)]
        assert _ids(model) == expected
        assert model.sort_section() == (column_index(key), order)


def test_unsortable_columns_leave_the_order_alone(model):
    model.setFilter(LedgerFilter())
    before = _ids(model)
    model.sort(column_index("audiences"), Qt.SortOrder.AscendingOrder)
    assert _ids(model) == before and model.sort_state == ("date", True)
    assert not model.is_sortable(column_index("photos"))


def test_filters_requery(model, records):
    model.setFilter(LedgerFilter(village_id=records["village2"]))
    _load_all(model)
    expected = [a for a, d in records["stored"].items() if d.village_id == records["village2"]]
    assert sorted(_ids(model)) == sorted(expected)
    april = LedgerFilter(date_from=dt.date(2026, 4, 1), date_to=dt.date(2026, 4, 30), kind_id=None)
    model.setFilter(april)
    _load_all(model)
    assert sorted(_ids(model)) == sorted(a for a, d in records["stored"].items()
                                         if dt.date(2026, 4, 1) <= d.date <= dt.date(2026, 4, 30))
    model.setFilter(LedgerFilter(text="不存在的地方"))
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())


def test_totals_follow_the_filter(model, records, qtbot):
    stored = records["stored"].values()
    model.setFilter(LedgerFilter())
    assert _totals(qtbot, model)[:3] == (150, sum(d.quantity for d in stored), sum(d.people for d in stored))
    school = [d for d in stored if d.site_id == records["school"]]
    model.setFilter(LedgerFilter(village_id=records["village1"], site_id=records["school"]))
    assert model.totals is None
    assert _totals(qtbot, model)[:3] == (len(school), sum(d.quantity for d in school), sum(d.people for d in school))


def test_totals_of_a_superseded_filter_are_never_shown(model, records, qtbot):
    announced = []
    model.totalsChanged.connect(announced.append)
    for village in (records["village1"], records["village2"], records["village3"]):
        model.setFilter(LedgerFilter(village_id=village))
    last = ledger_query.totals(LedgerFilter(village_id=records["village3"]))
    assert _totals(qtbot, model) == last
    qtbot.waitUntil(lambda: not model.counting, timeout=WAIT_MS)
    assert [t for t in announced if t is not None] == [last]


def test_refresh_keeps_the_loaded_rows_and_sees_changes(model, records, qtbot):
    model.setFilter(LedgerFilter())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 120
    newest = ledger.create(ledger.ActivityInput(date=dt.date(2026, 11, 27), village_id=records["village1"],
                                                kind_id=records["kinds"]["banner"], quantity=3))
    removed = model.activity_id(5)
    ledger.delete(removed)
    model.refresh()
    assert model.rowCount() == 120
    assert model.activity_id(0) == newest and model.row_of(removed) == -1
    assert _totals(qtbot, model).count == 150


def test_display_values_and_roles(model, records):
    model.setFilter(LedgerFilter())
    _load_all(model)
    with_photos = next(iter(records["photos"]))
    row = model.row_of(with_photos)
    record = model.row_data(row)
    text = {c.key: model.index(row, i).data() for i, c in enumerate(COLUMNS)}
    assert text["date"] == record.date.isoformat()
    assert text["village"] == record.village
    assert text["quantity"].startswith(str(record.quantity))
    assert text["photos"] == str(records["photos"][with_photos])
    assert model.index(row, 0).data(ActivityIdRole) == with_photos
    alignment = model.index(row, column_index("people")).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.index(row, 0).flags() & Qt.ItemFlag.ItemIsSelectable
    assert not model.index(row, 0).flags() & Qt.ItemFlag.ItemIsEditable


def test_stop_counting_leaves_no_count_running_and_reports_no_error(model, qtbot):
    failures = []
    model.totalsFailed.connect(failures.append)
    model.setFilter(LedgerFilter())
    model.setFilter(LedgerFilter(text="广场"))
    model.stop_counting()
    qtbot.waitUntil(lambda: not model.counting, timeout=WAIT_MS)
    assert failures == []


def test_counting_later_holds_the_totals_back_until_asked(records, qtbot):
    """The page counts only after its first paint: rows at once, totals on start_counting()."""
    model = LedgerModel(page_size=40, count_later=True)
    model.setFilter(LedgerFilter(village_id=records["village1"]))
    assert model.rowCount() == 40
    assert model.totals is None and not model.counting
    model.setFilter(LedgerFilter())  # still held
    assert not model.counting
    model.start_counting()
    assert _totals(qtbot, model) == ledger_query.totals(LedgerFilter())
    model.setFilter(LedgerFilter(village_id=records["village1"]))  # from now on every filter counts
    assert _totals(qtbot, model) == ledger_query.totals(LedgerFilter(village_id=records["village1"]))
    qtbot.waitUntil(lambda: not model.counting, timeout=WAIT_MS)
