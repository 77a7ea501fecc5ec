"""The audit trail page: entries listed and paged, filters, the before/after view, a record's history,
and the preferences dialog whose clerk name signs the next change."""

from __future__ import annotations

import datetime as dt

import pytest
from page_driving import shown
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QDialog

from outreach_desk.services import audit, clerk, ledger
from outreach_desk.services import organisation as org
from outreach_desk.store import DB
from outreach_desk.ui.audit.page import AuditPage
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.audit.history_dialog import RecordHistoryDialog
from outreach_desk.ui.settings.actions import SettingsActions
from outreach_desk.ui.settings.dialog import SettingsDialog
from waits import WAIT_MS


@pytest.fixture(autouse=True)
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def context(db_path, store):
    clerk.set_name("")
    ctx = AppContext(db_path)
    yield ctx
    clerk.set_name("")
    ctx.deleteLater()


@pytest.fixture
def page(qtbot, context, township):
    return shown(qtbot, AuditPage(context), 1000, 700)


def texts(page, column: int) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def select(page, row: int) -> None:
    page.table.selectRow(row)


def new_activity(ids, quantity=2) -> int:
    return ledger.create(ledger.ActivityInput(date=dt.date(2026, 10, 8), village_id=ids["village1"],
                                              kind_id=ids["kinds"]["banner"], quantity=quantity, people=10))


def test_the_page_lists_the_entries_newest_first_with_chinese_words(page, township, context):
    activity = new_activity(township)
    context.data_changed.emit("activity")
    assert page.model.rowCount() == 8  # the fixture's township, 2 villages, 3 sites and unit, then the record
    first = [page.model.index(0, c).data() for c in range(5)]
    assert first[1] == audit.os_user() and first[2] == "新增" and first[3] == "活动记录"
    assert "太平村" in first[4]
    assert page.model.row_data(0).record_id == activity
    assert dt.datetime.strptime(first[0], "%Y-%m-%d %H:%M:%S") - dt.datetime.now() < dt.timedelta(minutes=1)


def test_the_list_is_fetched_a_page_at_a_time(qtbot, context, store):
    with DB.atomic():
        for n in range(450):
            audit.record(audit.UPDATE, "village", n, {"n": n}, {"n": n + 1}, summary=f"第{n}条")
    widget = AuditPage(context)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 200 and widget.model.canFetchMore()
    while widget.model.canFetchMore():
        widget.model.fetchMore()
    assert widget.model.rowCount() == 450 and texts(widget, 4)[-1] == "第0条"


def test_filters_by_who_record_type_text_and_date(page, township, context):
    clerk.set_name("李娟")
    new_activity(township)
    org.update_village(township["village2"], households=901)
    context.data_changed.emit("activity")
    names = [page.who_combo.itemText(i) for i in range(page.who_combo.count())]
    assert names[:2] == ["所有人", "李娟"] and "未设置姓名" in names[2]
    page.who_combo.setCurrentIndex(1)
    assert page.model.rowCount() == 2
    page.type_combo.setCurrentIndex(page.type_combo.findData("village"))
    assert texts(page, 4) == ["修改村（社区）“幸福社区”"]
    page.who_combo.setCurrentIndex(0)
    assert page.model.rowCount() == 3  # the fixture added two villages
    page.text_edit.setText("幸福")
    page.apply_filter()
    assert page.model.rowCount() == 2
    page.text_edit.clear()
    page.type_combo.setCurrentIndex(0)
    yesterday = QDate.currentDate().addDays(-1)
    page.end_edit.setDate(yesterday)
    assert page.model.rowCount() == 0
    page.end_edit.setDate(page.end_edit.minimumDate())
    page.start_edit.setDate(QDate.currentDate().addDays(-1))
    assert page.model.rowCount() == 9


def test_selecting_an_entry_shows_the_changed_fields_in_chinese(page, township, context):
    org.update_village(township["village2"], name="幸福新社区", households=950)
    context.data_changed.emit("organisation")
    select(page, 0)
    assert page.changes.changed_fields() == ["名称", "户数"]
    rows = {page.changes.item(r, 0).text(): (page.changes.item(r, 1).text(), page.changes.item(r, 2).text())
            for r in range(page.changes.rowCount())}
    assert rows["名称"] == ("幸福社区", "幸福新社区") and rows["户数"] == ("900", "950")
    assert rows["常住人口"] == ("2600", "2600")
    assert "幸福社区" in page.detail_label.text() and page.history_button.isEnabled()


def test_the_history_dialog_shows_one_record_oldest_first(page, township, context, qtbot):
    activity = new_activity(township)
    ledger.update(activity, ledger.ActivityInput(date=dt.date(2026, 10, 8), village_id=township["village1"],
                                                 kind_id=township["kinds"]["banner"], quantity=5, people=10))
    new_activity(township, quantity=9)
    context.data_changed.emit("activity")
    select(page, 1)
    dialog = page.history_dialog()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, RecordHistoryDialog)
    assert [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())] == ["新增", "修改"]
    assert "数量" in dialog.changes.changed_fields()  # the newest change is shown first
    dialog.table.selectRow(0)
    assert "横幅标语" in [dialog.changes.item(r, 2).text() for r in range(dialog.changes.rowCount())]
    shown = []
    monkey_exec = lambda self: shown.append(self.entries) or QDialog.DialogCode.Accepted  # noqa: E731
    RecordHistoryDialog.exec = monkey_exec
    try:
        page.show_history()
    finally:
        del RecordHistoryDialog.exec
    assert len(shown[0]) == 2


def test_the_preferences_store_the_name_and_the_next_change_carries_it(qtbot, context, township, monkeypatch):
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("  王 芳 ")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.accept()
    assert QSettings().value("clerk/name") == "王 芳" and QSettings().value("ui/language") == "en"
    new_activity(township)
    assert audit.entries().rows[0].actor == "王 芳"
    fresh = AppContext(context.database_path)  # the next start reads the name back
    clerk.set_name("")
    fresh.apply_clerk_name()
    assert clerk.name() == "王 芳"
    fresh.deleteLater()

    opened = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self.name_edit.text()) or 0)
    actions = SettingsActions(context, dialog)
    (action,) = actions.actions()
    assert action.text() == "首选项(&P)…"
    action.trigger()
    assert opened == ["王 芳"]


def test_an_empty_list_says_why_it_is_empty(qtbot, context, township):
    from outreach_desk.store import DB

    DB.execute_sql("DELETE FROM audit_log")   # a store where nothing has been changed yet
    empty = AuditPage(context)
    qtbot.addWidget(empty)
    assert empty.model.rowCount() == 0
    assert empty.detail_label.text().startswith("还没有操作记录")
    new_activity(township)
    empty.refresh()
    assert empty.model.rowCount() == 1 and "选中" in empty.detail_label.text()
    empty.text_edit.setText("没有这样的内容")
    empty.apply_filter()
    assert empty.model.rowCount() == 0 and empty.detail_label.text() == "没有符合筛选条件的记录。"


def test_the_model_answers_qt_as_its_tester_expects(page, township, context, qtmodeltester):
    new_activity(township)
    context.data_changed.emit("activity")
    qtmodeltester.check(page.model)


def test_a_read_that_fails_empties_the_list_and_says_why(qtbot, page, township, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from outreach_desk.services.errors import ServiceError

    assert page.model.rowCount() == 7
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_args: said.append(text))

    def broken(*_args, **_kwargs):
        raise ServiceError("数据库无法读取。")

    monkeypatch.setattr(audit, "entries", broken)
    page.text_edit.setText("横幅")
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert said == ["数据库无法读取。"]
    assert page.model.rowCount() == 0 and not page.model.canFetchMore()   # no rows of the previous filter
    assert page.detail_label.text() == "没有符合筛选条件的记录。"
