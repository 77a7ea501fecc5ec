"""The police station's fraud-case workbook: the template, and an import that is all-or-nothing and repeat-safe."""

from __future__ import annotations

import json
from functools import partial

import pytest

from cli_runs import run_cli


@pytest.fixture(autouse=True)
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def town_db(db_path):
    from outreach_desk.services import organisation as org
    from outreach_desk.store import close_database, open_database

    open_database(db_path)
    t = org.add_township("平安镇", "平安镇综治办")
    org.add_village(t, "太平村", "village")
    org.add_village(t, "幸福社区", "community")
    close_database()
    return db_path


_run = partial(run_cli, lang="zh_CN")


def _template(capsys, db_path, folder):
    target = folder / "派出所 报表" / "案件情况.xlsx"
    target.parent.mkdir(exist_ok=True)
    code, out, err = _run(capsys, db_path, "cases", "template", "--month", "2026-11", "-o", str(target))
    assert code == 0, err
    return target


def _fill(path, rows: dict[int, tuple]):
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook["案件情况"]
    for row, values in rows.items():
        for column, value in enumerate(values, 1):
            if value is not None:
                sheet.cell(row, column, value)
    workbook.save(path)


def _stored(capsys, db_path):
    code, out, _ = _run(capsys, db_path, "cases", "show", "--month", "2026-11", "--json")
    assert code == 0
    return {r["name"]: r["now"] for r in json.loads(out)["rows"]}


def test_the_template_lists_every_village_and_the_unplaced_row(capsys, town_db, tmp_path):
    from openpyxl import load_workbook

    sheet = load_workbook(_template(capsys, town_db, tmp_path))["案件情况"]
    assert [c.value for c in sheet[1]] == ["月份", "村/社区", "发案数", "损失金额（元）", "劝阻数（选填）",
                                           "止付数（选填）"]
    assert [(sheet.cell(r, 1).value, sheet.cell(r, 2).value) for r in (2, 3, 4)] == [
        ("2026-11", "太平村"), ("2026-11", "幸福社区"), ("2026-11", "（未落地到村）")]
    assert sheet.cell(2, 3).value is None


def test_import_twice_and_a_correction(capsys, town_db, tmp_path):
    path = _template(capsys, town_db, tmp_path)
    _fill(path, {2: (None, None, 1, 2500, 6, 1), 3: ("2026年11月", None, 3, "1,200.50")})
    code, out, err = _run(capsys, town_db, "cases", "import", str(path))
    assert code == 0, err
    assert "新增 2 条月度数据" in out
    stored = _stored(capsys, town_db)
    assert stored["太平村"] == {"cases": 1, "losses_yuan": "2500", "dissuaded": 6, "frozen": 1}
    assert stored["幸福社区"]["losses_yuan"] == "1200.5"
    assert stored["平安镇"]["cases"] == 4  # the unplaced row was left empty: not reported, not 0
    code, out, _ = _run(capsys, town_db, "cases", "import", str(path))
    assert code == 0 and "新增 0 条月度数据，更正 0 条，2 条无变化" in out
    _fill(path, {2: (None, None, 2)})
    code, out, _ = _run(capsys, town_db, "cases", "import", "--dry-run", str(path))
    assert code == 0 and _stored(capsys, town_db)["太平村"]["cases"] == 1
    code, out, _ = _run(capsys, town_db, "cases", "import", str(path))
    assert code == 0 and "更正 1 条" in out and _stored(capsys, town_db)["太平村"]["cases"] == 2
    from outreach_desk.services import audit
    from outreach_desk.store import close_database, open_database

    open_database(town_db)
    try:
        kinds = [(e.action, e.record_type) for e in audit.entries().rows]
    finally:
        close_database()
    assert kinds.count(("import", "import")) == 3
    assert ("update", "fraud_cases") in kinds and kinds.count(("create", "fraud_cases")) == 2


def test_a_wrong_file_imports_nothing_and_gets_a_marked_copy(capsys, town_db, tmp_path):
    from openpyxl import load_workbook

    path = _template(capsys, town_db, tmp_path)
    _fill(path, {2: (None, None, 1, 100), 3: (None, "太平", 2, "abc"), 4: (None, None, -1, 0),
                 5: ("2026-11", "太平村", 5, 10)})
    code, _out, err = _run(capsys, town_db, "cases", "import", str(path))
    assert code == 2 and "Traceback" not in err
    assert "太平村" in err  # the closest name
    assert "C4" in err or "第 4 行" in err
    assert _stored(capsys, town_db)["太平村"] is None
    marked = path.with_name("案件情况 (marked).xlsx")
    if not marked.exists():
        marked = next(p for p in path.parent.iterdir() if p != path)
    workbook = load_workbook(marked)
    sheet = workbook["案件情况"]
    assert sheet["B3"].comment is not None and sheet["D3"].comment is not None
    assert sheet["C4"].comment is not None and sheet["B5"].comment is not None
    assert sheet["C2"].comment is None


def test_a_file_without_the_columns_is_refused_in_chinese(capsys, town_db, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "随便.xlsx"
    workbook = Workbook()
    workbook.active.append(["日期", "地点"])
    workbook.active.append(["2026-11-01", "太平村"])
    workbook.save(path)
    code, _out, err = _run(capsys, town_db, "cases", "import", str(path))
    assert code == 2 and "月份" in err and "Traceback" not in err
