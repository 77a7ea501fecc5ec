"""``outreach-desk template`` and ``outreach-desk import``: files, exit codes, dry run, annotated copy."""

from __future__ import annotations

from functools import partial

import pytest

from excel_samples import fill_template, good_activity
from cli_runs import CLI_NEEDS_QAPP, run_cli

pytestmark = CLI_NEEDS_QAPP
_run = partial(run_cli, lang="en")


@pytest.fixture
def org_db(township, db_path):
    from outreach_desk.store import close_database

    close_database()
    return db_path


def _activities(db_path) -> int:
    import sqlite3

    with sqlite3.connect(db_path) as con:
        return con.execute("SELECT COUNT(*) FROM activity").fetchone()[0]


def test_template_then_import_then_import_again(capsys, org_db, tmp_path):
    blank = tmp_path / "模板.xlsx"
    code, out, _err = _run(capsys, org_db, "template", str(blank), "--township", "平安镇")
    assert code == 0 and str(blank) in out and blank.exists()
    filled = fill_template(blank, tmp_path / "太平村.xlsx", activities=[good_activity(), good_activity(数量=3)])

    code, out, _err = _run(capsys, org_db, "import", str(filled), "--dry-run")
    assert code == 0 and "2" in out and _activities(org_db) == 0

    code, out, _err = _run(capsys, org_db, "import", str(filled))
    assert code == 0 and _activities(org_db) == 2

    code, out, _err = _run(capsys, org_db, "import", str(filled))
    assert code == 0 and _activities(org_db) == 2 and "2" in out


def test_a_file_with_problems_lists_them_and_writes_the_marked_copy(capsys, org_db, tmp_path):
    from outreach_desk.services.excel import annotate

    _run(capsys, org_db, "template", str(tmp_path / "模板.xlsx"))
    filled = fill_template(tmp_path / "模板.xlsx", tmp_path / "错.xlsx", activities=[
        good_activity(), good_activity(数量="两条")])
    code, _out, err = _run(capsys, org_db, "import", str(filled))
    assert code == 1 and _activities(org_db) == 0
    assert "F3" in err and "两条" in err
    assert annotate.default_path(filled).exists()

    target = tmp_path / "标注" / "copy.xlsx"
    code, _out, err = _run(capsys, org_db, "import", str(filled), "--annotated", str(target))
    assert code == 1 and target.exists()


def test_unreadable_files_and_unknown_townships_exit_with_2(capsys, org_db, tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    code, out, err = _run(capsys, org_db, "import", str(tmp_path / "old.xls"))
    assert code == 2 and out == "" and "old.xls" in err
    code, _out, err = _run(capsys, org_db, "template", str(tmp_path / "t.xlsx"), "--township", "无此镇")
    assert code == 2 and "无此镇" in err and not (tmp_path / "t.xlsx").exists()
