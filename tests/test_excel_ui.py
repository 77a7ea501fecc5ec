"""The Excel actions in the window: make the entry workbook, preview an import, import all rows or none."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from excel_samples import fill_template, good_activity
from outreach_desk.services.excel import import_rows, template
from outreach_desk.store.models import Activity, ImportedRow
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.excel.actions import ExcelActions
from outreach_desk.ui.excel.import_models import IssuesModel, PreviewModel
from waits import WAIT_MS


@pytest.fixture
def context(db_path, tmp_path):
    return AppContext(db_path, "en", settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, context):
    main = QMainWindow()
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def actions(context, window):
    return ExcelActions(context, window)


@pytest.fixture
def blank(township, tmp_path):
    return template.make_template(tmp_path / "录入表.xlsx", township["township"])


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[1:]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:]))
    return shown


def _checked(qtbot, actions, path):
    dialog = actions.open_import(path)
    qtbot.waitUntil(lambda: dialog.plan is not None or dialog.summary.styleSheet() != "", timeout=WAIT_MS)
    return dialog


def test_models_pass_the_model_tester(township, blank, tmp_path, qtmodeltester):
    from outreach_desk.services.coverage import letters

    letters.add(letters.LetterInput(township["school"], dt.date(2026, 11, 7), 45, 45, 40))
    import_rows.run_import(fill_template(blank, tmp_path / "a.xlsx", activities=[good_activity(编号="N1")]))
    plan = import_rows.prepare(fill_template(blank, tmp_path / "b.xlsx", activities=[
        good_activity(编号="N1", 数量=5), good_activity(数量="x"), good_activity()],
        letters=[[None, dt.date(2026, 11, 7), "太平村", "格林小学", None, 45, 45, 40, None]]))
    preview, issues = PreviewModel(), IssuesModel()
    preview.set_plan(plan)
    issues.set_plan(plan)
    qtmodeltester.check(preview)
    qtmodeltester.check(issues)
    assert preview.rowCount() == 4 and issues.rowCount() == 3  # two errors and one note
    assert [preview.index(r, 1).data() for r in range(4)] == [2, 3, 4, 2]
    assert preview.index(1, 7).data() == "quantity x, people 40"


def test_a_good_file_is_previewed_then_imported(qtbot, actions, context, blank, tmp_path, no_modal_boxes):
    filled = fill_template(blank, tmp_path / "好.xlsx", activities=[good_activity(), good_activity(数量=3)])
    dialog = _checked(qtbot, actions, filled)
    assert dialog.preview_model.rowCount() == 2 and dialog.issues_model.rowCount() == 0
    assert dialog.import_button.isEnabled() and not dialog.marked_button.isEnabled()
    assert Activity.select().count() == 0  # the preview writes nothing
    with qtbot.waitSignal(context.data_changed, timeout=WAIT_MS) as changed:
        dialog.import_button.click()
    assert changed.args == ["activity"]
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert Activity.select().count() == 2 and ImportedRow.select().count() == 2
    assert no_modal_boxes and "2" in no_modal_boxes[-1][1]


def test_a_file_with_problems_cannot_be_imported_and_gives_a_marked_copy(qtbot, actions, blank, tmp_path,
                                                                        monkeypatch):
    from openpyxl import load_workbook

    filled = fill_template(blank, tmp_path / "错.xlsx",
                           activities=[good_activity(), good_activity(**{"村/社区": "太平"})])
    dialog = _checked(qtbot, actions, filled)
    assert not dialog.import_button.isEnabled() and dialog.marked_button.isEnabled()
    assert dialog.issues_model.rowCount() == 1
    dialog.issues.clicked.emit(dialog.issues_model.index(0, 5))
    assert [i.row() for i in dialog.preview.selectionModel().selectedRows()] == [1]

    target = tmp_path / "标注.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    dialog.marked_button.click()
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    assert load_workbook(target)["活动"]["C3"].comment is not None
    assert Activity.select().count() == 0


def test_an_unreadable_file_is_explained_in_the_dialog(qtbot, actions, township, tmp_path):
    path = tmp_path / "旧.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    dialog = _checked(qtbot, actions, path)
    assert dialog.plan is None and "旧.xls" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and not dialog.marked_button.isEnabled()


def test_make_entry_workbook_action_writes_the_file(qtbot, actions, township, tmp_path, monkeypatch, no_modal_boxes):
    target = tmp_path / "出" / "录入表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    actions.make_template_action.trigger()
    qtbot.waitUntil(lambda: bool(no_modal_boxes), timeout=WAIT_MS)
    assert target.exists() and str(target) in no_modal_boxes[-1][1]


def test_the_file_menu_offers_both_actions(qtbot, db_path, township, monkeypatch):
    from outreach_desk.ui.shell import main_window

    monkeypatch.setattr(main_window, "PAGES", [])  # the menus only; pages have tests of their own
    main = main_window.MainWindow(db_path, "en")
    qtbot.addWidget(main)
    names = [a.objectName() for a in main.file_menu.actions()]
    assert names[:3] == ["makeEntryWorkbook", "importWorkbook", "monthlyReport"]


def test_monthly_report_options_are_remembered_and_the_report_is_written(qtbot, context, window, db_path, tmp_path,
                                                                          monkeypatch, no_modal_boxes, store):
    from test_coverage_engine import build_town

    from outreach_desk.ui.excel.report_dialog import ReportOptionsDialog

    build_town()
    actions = ExcelActions(context, window)
    dialog = ReportOptionsDialog(context, window)
    qtbot.addWidget(dialog)
    assert dialog.month.count() >= 1 and dialog.unit.text() == "平安镇综治办"
    dialog.month.setCurrentIndex(dialog.month.findData("2026-10"))
    dialog.preparer.setText("张三")
    dialog.reviewer.setText("李四")
    dialog.accept()
    assert context.settings.value("report/preparer") is None  # kept with the township, in the database
    again = ReportOptionsDialog(context, window)
    qtbot.addWidget(again)
    assert (again.unit.text(), again.preparer.text(), again.reviewer.text()) == ("平安镇综治办", "张三", "李四")

    target = tmp_path / "月报.xlsx"
    actions.write_report(dialog.chosen_month(), dialog.signatures(), str(target))
    qtbot.waitUntil(lambda: bool(no_modal_boxes), timeout=30_000)
    assert target.exists() and "2026" in no_modal_boxes[-1][1]


def test_the_report_dialog_of_a_county_database_offers_the_townships(qtbot, context, window, tmp_path,
                                                                     no_modal_boxes, store):
    from county_samples import make_township

    from outreach_desk.services import organisation
    from outreach_desk.ui.excel.report_dialog import ReportOptionsDialog

    qingshi, baisha = make_township("青石镇", 1, records=6), make_township("白沙镇", 2, records=6)
    dialog = ReportOptionsDialog(context, window)
    qtbot.addWidget(dialog)
    combo = dialog.township.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All townships (the county's report)", "青石镇", "白沙镇"]
    assert dialog.township_id() is None and dialog.unit.text() == "All townships"
    combo.setCurrentIndex(2)
    assert dialog.township_id() == baisha and dialog.unit.text() == "白沙镇综治办"
    dialog.month.setCurrentIndex(dialog.month.findData("2026-11"))
    dialog.preparer.setText("王五")
    dialog.accept()
    assert organisation.office_identity(baisha).preparer == "王五"
    assert organisation.office_identity(qingshi).preparer == ""
    target = tmp_path / "白沙镇月报.xlsx"
    ExcelActions(context, window).write_report(dialog.chosen_month(), dialog.signatures(), str(target),
                                               township_id=dialog.township_id())
    qtbot.waitUntil(lambda: bool(no_modal_boxes), timeout=30_000)
    assert target.exists() and "(5 activity records" in no_modal_boxes[-1][1]  # 白沙镇's November only, not 10
