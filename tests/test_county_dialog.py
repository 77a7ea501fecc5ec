"""The 县级汇总 dialog: packages dropped or chosen are checked and imported off the GUI thread, a refused one is
named, a replacement waits for the clerk's yes, and the 报送情况 table shows who sent the month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from county_samples import light_package, make_township, opened
from outreach_desk.services.county import preview
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.submission.county_dialog import CountyDialog
from test_county_import import _revise
from waits import wait_until


def _packages(tmp_path):
    with opened(tmp_path / "青石镇.db"):
        township = make_township("青石镇", 1)
        first = light_package(tmp_path / "青石镇_1.zip", township)
        _revise()
        revised = light_package(tmp_path / "青石镇_2.zip", township, sequence=2)
    broken = tmp_path / "坏了.zip"
    broken.write_bytes(first.read_bytes()[:200])
    return first, revised, broken


def _dialog(qtbot, tmp_path, database):
    from outreach_desk.store import open_database

    open_database(database)
    context = AppContext(database, "en", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = CountyDialog(context, today=dt.date(2026, 12, 7))
    qtbot.addWidget(dialog)
    dialog.new_townships_asked = []
    dialog.confirm_new_townships = lambda names: dialog.new_townships_asked.append(names) or True
    return dialog


def _drop(dialog, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(dialog.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(dialog.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, drop)


def test_dropped_packages_are_imported_and_a_damaged_one_is_named(qtbot, tmp_path):
    first, _revised, broken = _packages(tmp_path)
    dialog = _dialog(qtbot, tmp_path, tmp_path / "县.db")
    assert dialog.month.currentData() == "2026-11" and dialog.table.rowCount() == 0
    _drop(dialog, [first, broken, first])
    wait_until(qtbot, lambda: dialog.task is None and "imported" in dialog.log.toPlainText(),
               "the packages to be imported")
    log = dialog.log.toPlainText()
    assert "坏了.zip cannot be read" in log and "青石镇_1.zip imported: 青石镇, 2026-11, sending 1" in log
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "青石镇"
    assert dialog.table.item(0, 1).text() == "1" and dialog.table.item(0, 5).text() == "sent"
    assert "1 of 1 townships" in dialog.summary.text() and dialog.new_townships_asked == [["青石镇"]]


def test_a_package_of_a_new_township_waits_for_the_clerks_yes(qtbot, tmp_path):
    first, _revised, _broken = _packages(tmp_path)
    dialog = _dialog(qtbot, tmp_path, tmp_path / "县.db")
    dialog.confirm_new_townships = lambda names: dialog.new_townships_asked.append(names) and False
    dialog.import_files([str(first)])
    wait_until(qtbot, lambda: dialog.task is None and "not a township" in dialog.log.toPlainText(), "the refusal")
    assert dialog.new_townships_asked == [["青石镇"]] and dialog.table.rowCount() == 0
    assert "青石镇_1.zip: not imported, 青石镇 is not a township of this database." in dialog.log.toPlainText()


def test_a_replacement_is_imported_only_after_the_clerk_says_yes(qtbot, tmp_path, monkeypatch):
    first, revised, _broken = _packages(tmp_path)
    dialog = _dialog(qtbot, tmp_path, tmp_path / "县.db")
    dialog.import_files([str(first)])
    wait_until(qtbot, lambda: dialog.task is None and dialog.table.rowCount() == 1, "the first package")
    asked = []
    monkeypatch.setattr(dialog, "confirm_replacement", lambda plan: asked.append(plan) or False)
    dialog.import_files([str(revised)])
    wait_until(qtbot, lambda: dialog.task is None and asked, "the question")
    assert "activity records: 1 added, 1 changed, 1 removed" in preview.lines(asked[0])
    wait_until(qtbot, lambda: "not imported" in dialog.log.toPlainText(), "the refusal to be listed")
    assert dialog.table.item(0, 1).text() == "1"
    monkeypatch.setattr(dialog, "confirm_replacement", lambda plan: True)
    dialog.import_files([str(revised)])
    wait_until(qtbot, lambda: dialog.task is None and dialog.table.item(0, 1).text() == "2", "the replacement")
    assert dialog.table.item(0, 6).text() == "yes" and "青石镇_2.zip imported" in dialog.log.toPlainText()


def test_a_township_imports_a_villages_package_in_the_same_dialog(qtbot, tmp_path):
    import sqlite3

    from outreach_desk.services.submission import package
    from outreach_desk.store.models import Activity, Village

    township_db, village_db = tmp_path / "青石镇.db", tmp_path / "东村.db"
    with opened(township_db):
        make_township("青石镇", 1, records=8)
    with sqlite3.connect(township_db) as source, sqlite3.connect(village_db) as copy:
        source.backup(copy)
    with opened(village_db):
        from outreach_desk.services import ledger

        village = Village.get(Village.name == "青石东村")
        ledger.create(ledger.ActivityInput(dt.date(2026, 11, 9), village.id, 1, quantity=6, notes="村里记的"))
        target = package.build_package(tmp_path / "东村.zip", "2026-11", village_id=village.id, limit_mb=0).path
    dialog = _dialog(qtbot, tmp_path, township_db)
    dialog.import_files([str(target)])
    wait_until(qtbot, lambda: dialog.task is None and "imported" in dialog.log.toPlainText(), "the village package")
    assert "东村.zip imported: 青石东村 of 青石镇, 2026-11, sending 1: 1 added" in dialog.log.toPlainText()
    assert Activity.get(Activity.notes == "村里记的").quantity == 6 and dialog.new_townships_asked == []
    assert [dialog.table.item(0, column).text() for column in (0, 1, 5)] == ["青石东村", "1", "sent"]
    assert dialog.summary.text() == "1 of the 1 villages or communities that send packages sent this month."


def test_packages_dropped_on_the_main_window_open_the_import_or_say_what_a_township_takes(qtbot, tmp_path,
                                                                                         monkeypatch):
    from PySide6.QtWidgets import QMainWindow

    from outreach_desk.store import close_database, open_database
    from outreach_desk.ui.submission.actions import SubmissionActions

    first, _revised, _broken = _packages(tmp_path)
    monkeypatch.setattr(CountyDialog, "confirm_new_townships", lambda self, names: True)

    def window_on(database):
        close_database()
        open_database(database)
        context = AppContext(database, "en", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        window = QMainWindow()
        qtbot.addWidget(window)
        actions = SubmissionActions(context, window)
        actions.told = []
        actions.tell = actions.told.append
        return window, actions

    window, actions = window_on(tmp_path / "县.db")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "照片.jpg"))])
    other = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, other)
    assert not other.isAccepted()  # not a package: left to whatever else takes drops
    _drop(window, [first])
    wait_until(qtbot, lambda: actions.dialog is not None and actions.dialog.task is None
               and "imported" in actions.dialog.log.toPlainText(), "the dropped package to be imported")
    assert actions.dialog.table.rowCount() == 1 and actions.told == []
    actions.dialog.close()
    window, actions = window_on(tmp_path / "青石镇.db")
    _drop(window, [first])
    assert actions.dialog is None and len(actions.told) == 1
    assert actions.told[0].startswith("This is the database of 青石镇: it imports the packages of its own villages")
    assert "青石镇_1.zip is the package of 青石镇" in actions.told[0]


def test_the_import_is_named_by_what_the_database_takes_in(qtbot, qapp, db_path, township, monkeypatch):
    from outreach_desk import i18n
    from outreach_desk.services import organisation
    from outreach_desk.ui.shell import main_window

    monkeypatch.setattr(main_window, "PAGES", [])  # the menus only
    i18n.install(qapp, "zh_CN")
    try:
        main = main_window.MainWindow(db_path, "zh_CN")
        qtbot.addWidget(main)
        actions = main.submission_actions
        main.file_menu.aboutToShow.emit()
        assert actions.county_action.text() == "导入村（社区）上报包(&K)…"  # a township's database: its villages'
        dialog = actions.show_county()
        assert dialog.windowTitle() == "村（社区）上报包" and dialog.hint.text().startswith("把本乡镇")
        assert dialog.table.horizontalHeaderItem(0).text() == "村（社区）" and dialog.table.rowCount() == 0
        assert dialog.summary.text() == "还没有村（社区）向本乡镇报送过上报包。" and dialog.table.isColumnHidden(4)
        dialog.close()
        organisation.add_township("安宁镇")  # two townships: a county's database
        main.file_menu.aboutToShow.emit()
        assert actions.county_action.text() == "导入乡镇上报包(&K)…"
        dialog = actions.show_county()
        assert dialog.windowTitle() == "县级汇总：乡镇上报包" and dialog.hint.text().startswith("把各乡镇")
        assert dialog.table.horizontalHeaderItem(0).text() == "乡镇" and dialog.table.rowCount() == 2
        assert not dialog.table.isColumnHidden(4)
        dialog.close()
    finally:
        i18n.install(qapp, "en")
