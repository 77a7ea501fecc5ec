"""The organisation workbook both ways, through the real commands on real files.

``org-template`` writes it filled with the database (blank on an empty one); ``org-import`` checks
every row first and imports all or none, says what it adds and what changes, is repeat-safe,
audited, marks every problem in a copy, and an import can be undone as one step.
"""

from __future__ import annotations

import sqlite3
from functools import partial

import pytest
from openpyxl import load_workbook

from org_samples import fill_org_workbook, township_workbook
from cli_runs import CLI_NEEDS_QAPP, run_cli

pytestmark = CLI_NEEDS_QAPP
_run = partial(run_cli, lang="en")


def _count(db_path, table: str) -> int:
    with sqlite3.connect(db_path) as con:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _snapshot(db_path) -> dict:
    with sqlite3.connect(db_path) as con:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("township", "village", "site", "member_unit", "assigned_target", "assigned_number")}


def test_blank_template_filled_imported_twice_and_exported_again(capsys, db_path, tmp_path):
    blank = tmp_path / "组织架构.xlsx"
    code, out, err = _run(capsys, db_path, "org-template", str(blank))
    assert code == 0, err
    sheets = load_workbook(blank).sheetnames
    assert sheets[:5] == ["填写说明", "乡镇", "村社区", "点位", "成员单位"]
    filled = township_workbook(blank, tmp_path / "青石镇.xlsx", villages=3, sites_per_village=2)

    code, out, err = _run(capsys, db_path, "org-import", str(filled), "--dry-run")
    assert code == 0, err
    assert "3 village(s)" in out and "6 site(s)" in out and _count(db_path, "village") == 0

    code, out, err = _run(capsys, db_path, "org-import", str(filled))
    assert code == 0, err
    assert (_count(db_path, "township"), _count(db_path, "village"), _count(db_path, "site"),
            _count(db_path, "member_unit"), _count(db_path, "assigned_number")) == (1, 3, 6, 2, 3)
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT office_name, preparer, reviewer FROM township").fetchone() == (
            "青石镇综治办", "王五", "赵六")
        assert con.execute("SELECT name, unit FROM assigned_target").fetchall() == [("APP注册", "人")]
        assert con.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'import'").fetchone()[0] == 1
    stored = _snapshot(db_path)

    code, out, err = _run(capsys, db_path, "org-import", str(filled))
    assert code == 0 and "nothing changed" in out and _snapshot(db_path) == stored

    exported = tmp_path / "导出.xlsx"
    assert _run(capsys, db_path, "org-template", str(exported))[0] == 0
    workbook = load_workbook(exported)
    villages = [row for row in workbook["村社区"].iter_rows(min_row=1, values_only=True)]
    assert villages[0][:5] == ("村/社区*", "类型", "户数", "人口", "任务数：APP注册（人）")
    assert villages[1][:5] == ("第1村", "村", 201, 703, 10)
    assert workbook["点位"].max_row == 7 and workbook["乡镇"]["B2"].value == "青石镇综治办"
    workbook["村社区"]["C2"] = 260
    workbook["点位"]["D2"] = 9
    workbook["村社区"]["E3"] = 99
    workbook.save(exported)
    code, out, err = _run(capsys, db_path, "org-import", str(exported), "--dry-run")
    assert code == 0, err
    assert "第1村: Households 201 → 260" in out and "Entrances" in out and "APP注册 20 → 99" in out
    assert _run(capsys, db_path, "org-import", str(exported))[0] == 0
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT households FROM village WHERE name = '第1村'").fetchone() == (260,)


def test_a_workbook_with_problems_imports_nothing_and_marks_each_one_in_chinese(capsys, db_path, tmp_path):
    blank = tmp_path / "组织架构.xlsx"
    _run(capsys, db_path, "org-template", str(blank))
    bad = fill_org_workbook(blank, tmp_path / "错.xlsx", township=["青石镇", "青石镇综治办"], villages=[
        ["东村", "村", 300, 1000], ["西村", "乡", 10, 20], ["东村", "村", 1, 1]], sites=[
        ["东村", "东村小学", "学校", 1, 0, 0, 0, 300, 12], ["北村", "北村小区", "居民小区"],
        ["东村", "东村小区", "小区", -3], ["东村", "东村小学", "学校"]],
        units=[["派出所", "宣讲"], ["司法所", ""], ["派出所", "重复"]])
    try:
        code, out, err = _run(capsys, db_path, "org-import", str(bad), lang="zh_CN")
    finally:
        from PySide6.QtCore import QCoreApplication

        from outreach_desk import i18n

        i18n.install(QCoreApplication.instance(), "en")  # later tests read English messages
    assert code == 2 and _count(db_path, "village") == 0 and _count(db_path, "township") == 0
    lines = err.splitlines()
    assert any(line.startswith("“村社区”第 3 行“类型”列（B3）") and "社区" in line for line in lines)
    assert any(line.startswith("“村社区”第 4 行") and "第 2 行" in line for line in lines)  # the repeated name
    assert any(line.startswith("“点位”第 3 行") and "北村" in line for line in lines)
    assert any(line.startswith("“点位”第 4 行“出入口”列（D4）") for line in lines)
    assert any(line.startswith("“点位”第 5 行") and "东村的东村小学 已在第 2 行" in line for line in lines)
    assert any(line.startswith("“成员单位”第 4 行") and "派出所 已在第 2 行" in line for line in lines)
    marked = tmp_path / "错（已标注）.xlsx"
    assert marked.exists()
    copy = load_workbook(marked)
    assert copy["村社区"]["B3"].comment is not None and copy["点位"]["A3"].comment is not None


def test_an_import_is_undone_as_one_step_and_refused_once_records_use_it(capsys, db_path, tmp_path, store):
    import datetime as dt

    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org
    from outreach_desk.services.errors import InUseError
    from outreach_desk.services.excel import org_import, org_workbook

    township = org.add_township("青石镇", "青石镇综治办")
    org.add_village(township, "第1村", "village", households=5)
    before = _snapshot(db_path)
    blank = org_workbook.make_template(tmp_path / "空.xlsx").path
    filled = township_workbook(blank, tmp_path / "青石镇.xlsx", villages=3, sites_per_village=2)
    prepared = org_import.prepare(filled)
    assert prepared.ok, prepared.issues
    assert prepared.count("add", "village") == 2 and prepared.count("change", "village") == 1
    applied = org_import.commit(prepared)
    assert _snapshot(db_path) != before
    org_import.undo(applied)
    assert _snapshot(db_path) == before
    applied = org_import.commit(org_import.prepare(filled))
    village = org.village_ids_named("第2村")[0]
    ledger.create(ledger.ActivityInput(dt.date(2026, 11, 5), village, org.list_kinds()[0].id))
    with pytest.raises(InUseError):
        org_import.undo(applied)
    assert _count(db_path, "village") == 3
