"""The window's first day: the first-run choices, the organisation workbook imported with a preview and
undone as one step, and File › New database / Open database with the recent files remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from org_samples import township_workbook
from waits import WAIT_MS


@pytest.fixture
def main(qtbot, store, db_path, tmp_path, monkeypatch):
    from outreach_desk.ui.shell import main_window
    from outreach_desk.ui.shell.context import AppContext

    monkeypatch.setattr(main_window, "PAGES", [])  # the menus and the tree; pages have tests of their own
    context = AppContext(db_path, "en", settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = main_window.MainWindow(db_path, "en", context=context)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[1:]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:]))
    return shown


def _villages(db_path) -> int:
    import sqlite3

    with sqlite3.connect(db_path) as con:
        return con.execute("SELECT COUNT(*) FROM village").fetchone()[0]


def test_an_empty_database_offers_both_ways_in_and_the_file_menu_has_them(qtbot, main):
    from outreach_desk.ui.shell.first_run import offer_first_run

    names = [a.objectName() for a in main.file_menu.actions()]
    assert {"makeOrgWorkbook", "importOrgWorkbook", "newDatabase", "openDatabase"} <= set(names)
    dialog = offer_first_run(main)
    qtbot.addWidget(dialog)
    assert dialog is not None and dialog.isVisible()
    assert {b.objectName() for b in (dialog.by_hand, dialog.from_workbook, dialog.blank_form)} == {
        "byHand", "fromWorkbook", "blankForm"}


def test_the_workbook_is_previewed_imported_and_undone_as_one_step(qtbot, main, db_path, tmp_path, boxes):
    from outreach_desk.services.excel import org_workbook
    from outreach_desk.ui.shell.first_run import offer_first_run

    blank = org_workbook.make_template(tmp_path / "空.xlsx").path
    filled = township_workbook(blank, tmp_path / "青石镇.xlsx", villages=4, sites_per_village=3)
    dialog = main.excel_actions.org_workbook.open_import(filled)
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=WAIT_MS)
    assert dialog.import_button.isEnabled() and "4 village(s)" in dialog.heading.text()
    lines = [dialog.details.item(i).text() for i in range(dialog.details.count())]
    assert "Add: 第1村" in lines and "Add: 第1村 第1村学校1" not in lines and len(lines) == 1 + 4 + 12 + 2
    dialog.import_button.click()
    assert _villages(db_path) == 4 and "Undo" in boxes[-1][1]
    assert offer_first_run(main) is None  # a township now: no first-run choices
    main.context.undo_stack.undo()
    assert _villages(db_path) == 0
    main.context.undo_stack.redo()
    assert _villages(db_path) == 4


def test_a_workbook_with_problems_is_listed_and_cannot_be_imported(qtbot, main, db_path, tmp_path):
    from org_samples import fill_org_workbook

    from outreach_desk.services.excel import org_workbook

    blank = org_workbook.make_template(tmp_path / "空.xlsx").path
    bad = fill_org_workbook(blank, tmp_path / "错.xlsx", township=["青石镇"], villages=[["东村", "乡"]])
    dialog = main.excel_actions.org_workbook.open_import(bad)
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=WAIT_MS)
    assert not dialog.import_button.isEnabled() and dialog.marked_button.isVisibleTo(dialog)
    assert "村社区, row 2, column 类型 (B2)" in dialog.details.item(0).text()
    assert _villages(db_path) == 0


def test_new_and_open_database_start_the_window_on_the_file_and_remember_it(qtbot, main, db_path, tmp_path,
                                                                           boxes):
    from outreach_desk.ui.shell.recent_files import recent_databases

    started = []
    actions = main.database_actions
    actions._start = lambda program, arguments: started.append((program, arguments)) or True
    assert recent_databases(main.context.settings) == [db_path.resolve()]
    assert not actions.new_database(str(db_path))  # this very file: nothing to do
    other = tmp_path / "古城乡.db"
    other.write_bytes(b"")
    assert not actions.new_database(str(other)) and "exists already" in boxes[-1][1]
    assert actions.open_database(str(other))
    assert started[-1][1][-4:] == ["--db", str(other), "--lang", "en"] and not main.isVisible()
    assert recent_databases(main.context.settings)[0] == other.resolve()
    assert actions.new_database(str(tmp_path / "凤凰镇"))
    assert started[-1][1][-3] == str(tmp_path / "凤凰镇.db")
