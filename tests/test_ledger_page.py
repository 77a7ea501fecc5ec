"""The ledger page driven like a clerk would: filters, organisation scope, sorting, status bar, delete/undo."""

from __future__ import annotations

import datetime as dt

import pytest
from ledger_data import make_records
from PySide6.QtCore import QDate, QLocale, QModelIndex, QPoint, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from outreach_desk.services import ledger, organisation as org
from outreach_desk.services.ledger_query import LedgerFilter
from outreach_desk.store.models import ActivityKind
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.ledger.model import column_index
from waits import WAIT_MS, wait_until


@pytest.fixture
def records(township):
    return make_records(township)


@pytest.fixture
def context(db_path, tmp_path):
    return AppContext(db_path, "en", settings=QSettings(str(tmp_path / "page.ini"), QSettings.Format.IniFormat))


def _open_page(qtbot, context):
    from outreach_desk.ui.ledger.page import LedgerPage

    window = QMainWindow()
    page = LedgerPage(context, window)
    window.setCentralWidget(page)
    window.resize(1200, 700)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, page


@pytest.fixture
def page(records, context, qtbot):
    window, ledger_page = _open_page(qtbot, context)
    _settled(qtbot, ledger_page)
    yield ledger_page
    _settled(qtbot, ledger_page)


def _settled(qtbot, page) -> None:
    wait_until(qtbot, lambda: not page.model.counting and page.model.totals is not None, "the totals to be counted")


def _ids(page) -> set[int]:
    model = page.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return {model.activity_id(row) for row in range(model.rowCount())}


def _expected(records, keep) -> set[int]:
    return {a for a, d in records["stored"].items() if keep(d)}


def _choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_page_says_when_its_form_was_first_painted_ready_for_typing(records, context, qtbot):
    """``formPainted`` (what --smoke waits for) comes once the form is built and painted, not before."""
    from outreach_desk.ui.ledger.page import LedgerPage

    window = QMainWindow()
    page = LedgerPage(context, window)
    window.setCentralWidget(page)
    qtbot.addWidget(window)
    painted = []
    page.formPainted.connect(lambda: painted.append(page.findChild(QWidget, "entryForm")))
    with qtbot.waitSignal(page.formPainted, timeout=WAIT_MS):
        window.show()
    assert painted and painted[0] is not None and painted[0].isVisible()
    _settled(qtbot, page)


def test_opens_with_every_record_and_totals_in_the_status_bar(page, records, qtbot):
    assert _ids(page) == set(records["stored"])
    window = page.window()
    assert window.statusBar().isAncestorOf(page.status_label)
    assert page.status_label.isVisible()
    text = page.status_text()
    assert "150" in text
    units = {k.id: k.unit_en or k.unit_zh for k in ActivityKind.select()}
    by_unit: dict[str, int] = {}
    for d in records["stored"].values():
        by_unit[units[d.kind_id]] = by_unit.get(units[d.kind_id], 0) + d.quantity
    assert len(by_unit) > 1
    for unit, quantity in by_unit.items():  # each unit on its own: 户, 场 and 张 do not add up
        assert f"{QLocale().toString(quantity)} {unit}" in page.status_label.toolTip()
    largest = max(by_unit.items(), key=lambda item: item[1])
    assert f"{QLocale().toString(largest[1])} {largest[0]}" in text and "…" in text
    assert QLocale().toString(sum(by_unit.values())) not in text


def test_one_kind_shows_one_quantity_with_its_unit(page, records, qtbot):
    kind = next(iter(records["kinds"].values()))
    chosen = [d for d in records["stored"].values() if d.kind_id == kind]
    page.model.setFilter(LedgerFilter(kind_id=kind))
    qtbot.waitUntil(lambda: page.model.totals is not None and page.model.totals.count == len(chosen), timeout=60_000)
    unit = ActivityKind.get_by_id(kind)
    assert f"quantity {QLocale().toString(sum(d.quantity for d in chosen))} {unit.unit_en or unit.unit_zh}" \
        in page.status_text()


def test_village_then_site_filter_the_rows(page, records, qtbot):
    bar = page.filter_bar
    assert not bar.site.isEnabled()
    _choose(bar.village, records["village1"])
    assert _ids(page) == _expected(records, lambda d: d.village_id == records["village1"])
    sites = {bar.site.itemData(i) for i in range(1, bar.site.count())}
    assert sites == {records["school"], records["factory"]} and bar.site.isEnabled()
    _choose(bar.site, records["school"])
    school = _expected(records, lambda d: d.site_id == records["school"])
    assert _ids(page) == school
    _settled(qtbot, page)
    assert str(len(school)) in page.status_text()


def test_kind_and_date_range_filter_the_rows(page, records):
    bar = page.filter_bar
    lecture = records["kinds"]["lecture"]
    _choose(bar.kind, lecture)
    bar.date_from.setDate(QDate(2026, 3, 1))
    bar.date_to.setDate(QDate(2026, 6, 30))
    assert page.model.ledger_filter == LedgerFilter(kind_id=lecture, date_from=dt.date(2026, 3, 1),
                                                    date_to=dt.date(2026, 6, 30))
    assert _ids(page) == _expected(records, lambda d: d.kind_id == lecture
                                   and dt.date(2026, 3, 1) <= d.date <= dt.date(2026, 6, 30))
    bar.clear_button.click()
    assert _ids(page) == set(records["stored"])


def test_typed_search_applies_after_a_short_pause(page, records, qtbot):
    text = page.filter_bar.text
    text.setFocus()
    with qtbot.waitSignal(page.model.modelReset, timeout=WAIT_MS):
        qtbot.keyClicks(text, "a_b")
    assert _ids(page) == _expected(records, lambda d: "a_b" in d.place_note)


def test_chinese_search_from_an_input_method(page, records, qtbot):
    text = page.filter_bar.text
    text.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString("广场")
    QApplication.sendEvent(text, event)
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert text.text() == "广场"
    assert _ids(page) == _expected(records, lambda d: "广场" in d.place_note)


def test_organisation_tree_selection_filters(page, records, context, qtbot):
    """A click on a site in the organisation tree beside the ledger shows that site's records; a click on
    the township shows them all again."""
    from outreach_desk.ui.org.tree import OrgTreePanel
    from outreach_desk.ui.org.tree_model import SITE, TOWNSHIP

    tree = OrgTreePanel(context)
    qtbot.addWidget(tree)
    tree.resize(320, 600)
    tree.show()
    qtbot.waitExposed(tree)

    def click(key) -> None:
        index = tree.proxy.mapFromSource(tree.model.index_of(key))
        if index.parent().isValid():
            tree.view.setExpanded(index.parent(), True)
        tree.view.scrollTo(index)
        qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=tree.view.visualRect(index).center())

    click((SITE, records["block"]))
    assert page.filter_bar.village.currentData() == records["village2"]
    assert page.filter_bar.site.currentData() == records["block"]
    assert _ids(page) == _expected(records, lambda d: d.site_id == records["block"])
    click((TOWNSHIP, records["township"]))
    assert _ids(page) == set(records["stored"])


def test_store_changes_refresh_rows_names_and_choices(page, records, context, qtbot):
    new_id = ledger.create(ledger.ActivityInput(date=dt.date(2026, 11, 27), village_id=records["village3"],
                                                kind_id=records["kinds"]["banner"], quantity=2))
    context.data_changed.emit("activity")
    wait_until(qtbot, lambda: page.model.rowCount() and page.model.activity_id(0) == new_id, "the new record on top")
    org.update_village(records["village3"], name="东山新村")
    context.data_changed.emit("organisation")
    wait_until(qtbot, lambda: page.model.row_data(0).village == "东山新村", "the renamed village in the table")
    combo = page.filter_bar.village
    assert combo.itemText(combo.findData(records["village3"])) == "东山新村"


def test_header_click_sorts_and_unsortable_columns_keep_the_sort(page, records, qtbot):
    header = page.table.horizontalHeader()
    quantity = column_index("quantity")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(quantity) + 5, 5))
    assert page.model.sort_state[0] == "quantity"
    values = [page.model.row_data(r).quantity for r in range(page.model.rowCount())]
    assert values == sorted(values, reverse=page.model.sort_state[1])
    audiences = column_index("audiences")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(audiences) + 5, 5))
    assert page.model.sort_state[0] == "quantity"
    assert header.sortIndicatorSection() == quantity


def test_sort_and_column_widths_are_remembered(page, context, qtbot):
    page.table.sortByColumn(column_index("village"), Qt.SortOrder.AscendingOrder)
    page.table.horizontalHeader().resizeSection(column_index("place_note"), 222)
    _settled(qtbot, page)
    page.save_state()
    window, again = _open_page(qtbot, context)
    _settled(qtbot, again)
    assert again.model.sort_state == ("village", False)
    assert again.table.horizontalHeader().sectionSize(column_index("place_note")) == 222
    assert again.table.horizontalHeader().sortIndicatorSection() == column_index("village")


def test_double_click_and_enter_open_the_record_in_the_form(page, qtbot):
    table = page.table
    rect = table.visualRect(page.model.index(2, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.form.editing_id == page.model.activity_id(2)
    table.setFocus()
    table.selectRow(4)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.form.editing_id == page.model.activity_id(4)


def test_a_record_saved_in_the_form_shows_in_the_table_and_stays_selected(page, records, context, qtbot):
    target = page.model.activity_id(3)
    page.open_record(target)
    quantity = page.form.field_widget("quantity")
    quantity.setFocus()
    quantity.selectAll()
    qtbot.keyClicks(quantity, "777")
    qtbot.keyClick(quantity, Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.model.row_of(target) >= 0
               and page.model.row_data(page.model.row_of(target)).quantity == 777, "the saved quantity in the table")
    assert ledger.get(target).quantity == 777
    assert page.table.current_id() == target
    _settled(qtbot, page)
    kind = records["stored"][target].kind_id
    unit = ActivityKind.get_by_id(kind)
    same_unit = {k.id for k in ActivityKind.select() if (k.unit_en, k.unit_zh) == (unit.unit_en, unit.unit_zh)}
    expected = sum(d.quantity for a, d in records["stored"].items() if a != target and d.kind_id in same_unit) + 777
    assert f"{QLocale().toString(expected)} {unit.unit_en or unit.unit_zh}" in page.status_label.toolTip()
    context.undo_stack.undo()
    old = records["stored"][target].quantity
    wait_until(qtbot, lambda: page.model.row_data(page.model.row_of(target)).quantity == old,
               "the old quantity back in the table after undo")


def test_editing_a_record_through_the_form_then_undoing_it(page, records, context, qtbot):
    """Double-click a row, the real entry form shows that record, type a new quantity, Enter saves it
    to the store; Ctrl+Z (the undo stack) puts the old quantity back in the store and the table."""
    row = 6
    target = page.model.activity_id(row)
    before = ledger.get(target)
    new_quantity = before.quantity + 31
    table = page.table
    rect = table.visualRect(page.model.index(row, column_index("quantity")))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = page.form
    assert form.editing_id == target
    quantity = form.field_widget("quantity")
    assert quantity.text() == str(before.quantity)
    assert form.field_widget("place_note").text() == before.place_note
    quantity.setFocus()
    quantity.selectAll()
    qtbot.keyClicks(quantity, str(new_quantity))
    qtbot.keyClick(quantity, Qt.Key.Key_Return)
    wait_until(qtbot, lambda: ledger.get(target).quantity == new_quantity, "the new quantity in the store")
    after = ledger.get(target)
    assert (after.date, after.village_id, after.kind_id, after.people, after.place_note) == \
        (before.date, before.village_id, before.kind_id, before.people, before.place_note)
    assert form.editing_id is None  # Enter saved and started the next record
    wait_until(qtbot, lambda: page.model.row_data(page.model.row_of(target)).quantity == new_quantity,
               "the new quantity in the table")
    assert context.undo_stack.canUndo()
    context.undo_stack.undo()
    wait_until(qtbot, lambda: page.model.row_data(page.model.row_of(target)).quantity == before.quantity,
               "the old quantity back in the table after undo")
    assert ledger.get(target).quantity == before.quantity
    context.undo_stack.redo()
    assert ledger.get(target).quantity == new_quantity
    _settled(qtbot, page)


def test_delete_key_deletes_through_the_undo_stack(page, records, context, qtbot):
    table = page.table
    table.setFocus()
    victims = [page.model.activity_id(0), page.model.activity_id(1)]
    table.selectRow(0)
    table.selectionModel().select(page.model.index(1, 0), table.selectionModel().SelectionFlag.Select
                                  | table.selectionModel().SelectionFlag.Rows)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    wait_until(qtbot, lambda: all(page.model.row_of(v) < 0 for v in victims), "the deleted rows to leave the table")
    assert not _ids(page) & set(victims)
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    wait_until(qtbot, lambda: all(page.model.row_of(v) >= 0 for v in victims), "the deleted rows back after undo")
    assert {ledger.get(v).id for v in victims} == set(victims)
    _settled(qtbot, page)
    assert "150" in page.status_text()


def test_the_status_label_belongs_to_the_ledger_only_while_it_is_shown(page):
    page.hide()
    assert not page.status_label.isVisible()
    page.show()
    assert page.status_label.isVisible()


def test_the_entry_form_and_the_totals_come_right_after_the_first_paint_of_the_records(records, context, qtbot):
    from outreach_desk.ui.entry.form import EntryForm
    from outreach_desk.ui.ledger.page import LedgerPage

    window = QMainWindow()
    page = LedgerPage(context, window)
    window.setCentralWidget(page)
    qtbot.addWidget(window)
    assert page.findChild(QWidget, "entryForm") is None  # not built before anything is painted
    assert page.model.rowCount() > 0
    assert page.model.totals is None and not page.model.counting  # nor counted
    window.show()
    wait_until(qtbot, lambda: page.findChild(QWidget, "entryForm") is not None, "the entry form after the first paint")
    assert isinstance(page.form, EntryForm) and page.form.isVisible()
    _settled(qtbot, page)
    assert page.model.totals.count == len(records["stored"])


def test_asking_for_the_form_before_the_first_paint_builds_it(records, context, qtbot):
    from outreach_desk.ui.ledger.page import LedgerPage

    page = LedgerPage(context)
    qtbot.addWidget(page)
    target = page.model.activity_id(0)
    page.focus_on(target)
    assert page.form.editing_id == target
