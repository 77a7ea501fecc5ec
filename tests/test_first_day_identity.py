"""The office's identity belongs to its database: two databases used in turn never sign for each other.

Each database holds its township's office name (单位名称), preparer (填报人) and reviewer (审核人); the
report, from the command line and the window, prints those of the database it is written from, and the
entry form's remembered village, kind and date are kept per database file.
"""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from cli_runs import CLI_NEEDS_QAPP

pytestmark = CLI_NEEDS_QAPP


def _make_database(path, township, office, preparer, reviewer):
    from outreach_desk.services import organisation as org
    from outreach_desk.store import close_database, open_database

    open_database(path)
    try:
        t = org.add_township(township, office, preparer=preparer, reviewer=reviewer)
        org.add_village(t, f"{township}一村")
    finally:
        close_database()


def _cli(capsys, path, *argv):
    from outreach_desk.cli import main

    code = main(["--db", str(path), "--lang", "en", *argv])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def _form_texts(workbook_path) -> list[str]:
    """Every text of the first rows of every sheet (title, 填报单位, …) and of the last rows (the signatures)."""
    workbook = load_workbook(workbook_path, read_only=True)
    texts = []
    for sheet in workbook.worksheets:
        rows = [[c for c in row if isinstance(c, str)] for row in sheet.iter_rows(values_only=True)]
        texts += [text for row in rows[:4] + rows[-3:] for text in row]
    workbook.close()
    return texts


@pytest.fixture
def two_databases(tmp_path):
    qingshi, gucheng = tmp_path / "青石镇.db", tmp_path / "古城乡.db"
    _make_database(qingshi, "青石镇", "青石镇综治办", "王五", "赵六")
    _make_database(gucheng, "古城乡", "古城乡综治办", "钱七", "孙八")
    return qingshi, gucheng


def test_reports_of_two_databases_written_in_turn_are_each_signed_by_their_own_office(capsys, tmp_path,
                                                                                      two_databases):
    from PySide6.QtCore import QSettings

    from outreach_desk.paths import APP_NAME

    left_over = QSettings(APP_NAME, APP_NAME)  # what an older version kept per user, whatever the database
    for key, value in (("report/unit", "古城乡综治办"), ("report/preparer", "钱七"), ("report/reviewer", "孙八")):
        left_over.setValue(key, value)
    left_over.sync()
    qingshi, gucheng = two_databases
    for path in (qingshi, gucheng):
        _cli(capsys, path, "campaign", "add", "冬季行动", "--from", "2026-11-01", "--to", "2027-01-31", "--current")
    for path, office, preparer, reviewer, other in ((gucheng, "古城乡综治办", "钱七", "孙八", "青石镇"),
                                                    (qingshi, "青石镇综治办", "王五", "赵六", "古城乡"),
                                                    (gucheng, "古城乡综治办", "钱七", "孙八", "青石镇")):
        target = tmp_path / f"{path.stem}-{dt.datetime.now():%H%M%S%f}.xlsx"
        _cli(capsys, path, "report", "--month", "2026-11", "-o", str(target))
        texts = _form_texts(target)
        assert any(office in text and "Reporting unit" in text for text in texts)
        assert any(preparer in text and "Prepared by" in text for text in texts)
        assert any(reviewer in text and "Reviewed by" in text for text in texts)
        assert not any(other in text for text in texts), other


def test_the_report_dialog_reads_and_stores_the_names_of_the_open_database(qtbot, two_databases, monkeypatch):
    from outreach_desk.services import organisation as org
    from outreach_desk.store import close_database, open_database
    from outreach_desk.ui.excel.report_dialog import ReportOptionsDialog
    from outreach_desk.ui.shell.context import AppContext

    qingshi, gucheng = two_databases
    open_database(qingshi)
    try:
        dialog = ReportOptionsDialog(AppContext(qingshi))
        qtbot.addWidget(dialog)
        assert (dialog.unit.text(), dialog.preparer.text(), dialog.reviewer.text()) == ("青石镇综治办", "王五", "赵六")
        dialog.reviewer.setText("李四")
        dialog.accept()
        assert dialog.result() == dialog.DialogCode.Accepted
        assert org.office_identity() == org.OfficeIdentity("青石镇综治办", "王五", "李四")
    finally:
        close_database()
    open_database(gucheng)
    try:
        dialog = ReportOptionsDialog(AppContext(gucheng))
        qtbot.addWidget(dialog)
        assert (dialog.unit.text(), dialog.preparer.text(), dialog.reviewer.text()) == ("古城乡综治办", "钱七", "孙八")
    finally:
        close_database()
    import sqlite3

    with sqlite3.connect(qingshi) as con:
        changes = con.execute("SELECT record_type, summary FROM audit_log WHERE action = 'update'").fetchall()
    assert changes and changes[-1][0] == "township"


def test_the_township_dialog_edits_office_preparer_and_reviewer(qtbot, township):
    from outreach_desk.services import organisation as org
    from outreach_desk.ui.org.dialogs import TownshipDialog

    dialog = TownshipDialog(None, org.get_township(township["township"]))
    qtbot.addWidget(dialog)
    assert dialog.office_edit.text() == "平安镇综治办" and dialog.preparer_edit.text() == ""
    dialog.preparer_edit.setText(" 张三 ")
    dialog.reviewer_edit.setText("李四")
    dialog.accept()
    stored = org.get_township(township["township"])
    assert (stored.office_name, stored.preparer, stored.reviewer) == ("平安镇综治办", "张三", "李四")
    too_long = TownshipDialog(None, stored)
    qtbot.addWidget(too_long)
    too_long.office_edit.setMaxLength(500)
    too_long.office_edit.setText("办" * 201)
    too_long.accept()
    assert too_long.errors.message("office_name")
    assert org.get_township(township["township"]).office_name == "平安镇综治办"


def test_the_entry_forms_remembered_choices_are_kept_per_database(tmp_path):
    from PySide6.QtCore import QSettings

    from outreach_desk.services.ledger import ActivityInput
    from outreach_desk.ui.entry.memory import LastChoices

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first, second = LastChoices(settings, tmp_path / "a.db"), LastChoices(settings, tmp_path / "b.db")
    first.remember(ActivityInput(date=dt.date(2026, 11, 5), village_id=7, kind_id=3, quantity=1))
    assert (first.village_id(), first.kind_id(), first.date().toPython()) == (7, 3, dt.date(2026, 11, 5))
    assert (second.village_id(), second.kind_id(), second.date()) == (None, None, None)
    second.remember(ActivityInput(date=dt.date(2026, 10, 1), village_id=2, kind_id=9, quantity=1))
    again = LastChoices(settings, tmp_path / "sub" / ".." / "a.db")
    assert (again.village_id(), again.kind_id()) == (7, 3)
