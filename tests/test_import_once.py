"""Two clerks importing the same file at the same moment: it is imported once, the second clerk told by whom.

Each clerk is a process of its own with its own connection, both holding a checked plan before either
imports; tests/test_server_import_once.py runs the same on the PostgreSQL fixture. Undoing an import
forgets the file, so it can be imported again.
"""

from __future__ import annotations

import subprocess
import sys

from excel_samples import fill_template, good_activity
from server_fixtures import signed

from outreach_desk.services import clerk
from outreach_desk.services.excel import import_rows, template
from outreach_desk.services.import_undo import undo_import
from outreach_desk.store import DB

CLERK = """
import sys
from PySide6.QtCore import QCoreApplication
from outreach_desk.i18n import install
from outreach_desk.services import clerk
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel import import_rows
from outreach_desk.store import open_database, close_database
target, name, path = sys.argv[1:4]
app = QCoreApplication([])
install(app, "zh_CN")
open_database(target)
clerk.set_name(name)
plan = import_rows.prepare(path)
print("checked", plan.count(import_rows.NEW), flush=True)
sys.stdin.readline()
try:
    print("imported", import_rows.commit(plan).total, flush=True)
except ServiceError as exc:
    print("refused", exc, flush=True)
close_database()
"""


def _workbook(township, tmp_path):
    blank = template.make_template(tmp_path / "录入表.xlsx", township["township"])
    return fill_template(blank, tmp_path / "太平村11月.xlsx", activities=[good_activity(数量=n + 1) for n in range(30)])


def test_two_clerks_importing_one_file_at_once_import_it_once_and_the_second_is_told_by_whom(
        township, tmp_path, db_path):
    filled = _workbook(township, tmp_path)
    clerks = [subprocess.Popen([sys.executable, "-c", CLERK, str(db_path), name, str(filled)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("李四", "张三")]
    try:
        assert [c.stdout.readline().split() for c in clerks] == [["checked", "30"]] * 2
        for c in clerks:  # both import at once
            c.stdin.write("go\n")
            c.stdin.flush()
        answers = dict(zip(("李四", "张三"), (c.stdout.readline().strip() for c in clerks)))
    finally:
        errors = [c.communicate(timeout=120)[1] for c in clerks]
    assert [c.returncode for c in clerks] == [0, 0], errors
    (first, _), (second, refusal) = sorted(answers.items(), key=lambda item: item[1] != "imported 30")
    assert answers[first] == "imported 30", answers
    assert refusal.startswith(f"refused 太平村11月.xlsx 已由{signed(first)}于") and "没有再导入" in refusal, answers
    assert DB.execute_sql("SELECT COUNT(*), SUM(quantity) FROM activity").fetchone() == (30, 30 * 31 // 2)
    assert DB.execute_sql("SELECT COUNT(*) FROM import_file").fetchone()[0] == 1


def test_an_undone_import_can_be_imported_again(township, tmp_path):
    filled = _workbook(township, tmp_path)
    clerk.set_name("李四")
    plan, result = import_rows.run_import(filled)
    undo_import(result, filled.name)
    assert import_rows.prepare(filled).imported_before is None
    assert import_rows.run_import(filled)[1].total == 30
