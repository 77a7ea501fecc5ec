"""Import of the entry workbook: round trip, every error class, all or nothing, idempotence, CSV encodings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from excel_samples import ACTIVITY_HEADERS, fill_template, good_activity
from server_fixtures import signed
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel import annotate, import_rows, template
from outreach_desk.services.excel.reader import WorkbookError
from outreach_desk.store.models import Activity, ImportedRow, ParentLetter, Survey

D = dt.date


@pytest.fixture
def blank(township, tmp_path) -> Path:
    return template.make_template(tmp_path / "录入表.xlsx", township["township"])


def counts() -> tuple[int, int, int, int]:
    return (Activity.select().count(), Survey.select().count(), ParentLetter.select().count(),
            ImportedRow.select().count())


def messages(plan) -> list[str]:
    return [str(issue) for issue in plan.issues]


# ---- round trip --------------------------------------------------------------------------------

def test_template_filled_by_script_imports_every_field(township, blank, tmp_path):
    filled = fill_template(blank, tmp_path / "太平村 11月.xlsx", activities=[
        good_activity(),
        good_activity(编号="2026-11-002", 日期="2026年11月5日", 点位=None, 活动类型="宣传海报", 数量="１２",
                      覆盖人数=None, 组织单位=None, 宣传对象=None, 诈骗类型="冒充公检法及政府机关诈骗、冒充亲友诈骗",
                      地点说明=None, 备注="=SUM(A1)"),
    ], surveys=[[None, D(2026, 11, 6), "幸福社区", 50, 41, "电话调查", "入户问卷"]],
        letters=[["L-1", D(2026, 11, 7), "太平村", "格林小学", "三(2)班", 45, 45, 40, None]])
    plan, result = import_rows.run_import(filled)
    assert plan.ok, messages(plan)
    assert result.imported == {"activity": 2, "survey": 1, "parent_letter": 1}
    first, second = Activity.select().order_by(Activity.id)
    kinds = township["kinds"]
    assert (first.date, first.village_id, first.site_id, first.kind_id, first.quantity, first.people,
            first.member_unit_id, first.audiences, first.topics, first.place_note, first.notes) == (
        D(2026, 11, 3), township["village1"], township["school"], kinds["banner"], 2, 40, township["unit"],
        16 | 4, 8, "校门口", "悬挂两条")
    assert (second.date, second.site_id, second.kind_id, second.quantity, second.people, second.member_unit_id,
            second.topics, second.notes) == (D(2026, 11, 5), None, kinds["poster"], 12, 0, None, 2 | 16, "=SUM(A1)")
    survey = Survey.get()
    assert (survey.village_id, survey.respondents, survey.aware, survey.method, survey.notes) == (
        township["village2"], 50, 41, "phone", "入户问卷")
    letter = ParentLetter.get()
    assert (letter.site_id, letter.class_name, letter.students, letter.issued, letter.signed) == (
        township["school"], "三(2)班", 45, 45, 40)
    assert {row.source_name for row in ImportedRow.select()} == {"太平村 11月.xlsx"}
    assert first.uuid in {row.row_key for row in ImportedRow.select()}


def test_headers_found_under_a_title_row_in_any_order_and_on_any_sheet_name(township, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "太平村"
    sheet.append(["太平村防诈宣传活动登记表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["数量 *", "活动类型", "日期", "村（社区）"])
    sheet.append([3, "宣传海报", "2026/11/4", "太平村"])
    workbook.save(tmp_path / "other.xlsx")
    plan, result = import_rows.run_import(tmp_path / "other.xlsx")
    assert plan.ok, messages(plan)
    assert result.total == 1 and Activity.get().quantity == 3


# ---- idempotence and row keys ------------------------------------------------------------------

def test_importing_the_same_file_twice_imports_nothing_the_second_time(township, blank, tmp_path):
    filled = fill_template(blank, tmp_path / "a.xlsx", activities=[good_activity(), good_activity()],
                           surveys=[[None, D(2026, 11, 6), "幸福社区", 50, 41, None, None]])
    _plan, first = import_rows.run_import(filled)
    assert first.imported == {"activity": 2, "survey": 1}  # two identical rows are two activities
    before = counts()
    plan, second = import_rows.run_import(filled)
    assert plan.count(import_rows.IMPORTED) == 3 and second.total == 0 and second.skipped == 3
    assert counts() == before


def test_a_resent_file_with_one_more_row_imports_only_that_row(township, blank, tmp_path):
    import_rows.run_import(fill_template(blank, tmp_path / "a.xlsx",
                                         activities=[good_activity(), good_activity(数量=5)]))
    resent = fill_template(blank, tmp_path / "b.xlsx", activities=[
        good_activity(数量=7), good_activity(数量=5), good_activity()])  # reordered, one new
    _plan, result = import_rows.run_import(resent)
    assert result.total == 1 and Activity.select().where(Activity.quantity == 7).count() == 1


def test_numbered_rows_changed_since_import_are_reported_not_applied(township, blank, tmp_path):
    import_rows.run_import(fill_template(blank, tmp_path / "a.xlsx", activities=[good_activity(编号="N1")]))
    plan, result = import_rows.run_import(fill_template(
        blank, tmp_path / "b.xlsx", activities=[good_activity(编号="N1", 数量=9), good_activity(编号="N2")]))
    assert plan.count(import_rows.CHANGED) == 1 and result.total == 1
    assert [n.row for n in plan.notices] == [2]
    assert Activity.select().where(Activity.quantity == 9).count() == 0


def test_the_same_record_number_twice_in_a_village_is_an_error(township, blank, tmp_path):
    plan = import_rows.prepare(fill_template(blank, tmp_path / "a.xlsx", activities=[
        good_activity(编号="7"), good_activity(编号="7", 数量=3),
        good_activity(编号="7", **{"村/社区": "幸福社区", "点位": None})]))
    assert [(i.row, i.header) for i in plan.issues] == [(3, "编号")]
    assert "7" in plan.issues[0].message and "2" in plan.issues[0].message


def test_a_file_imported_meanwhile_is_not_imported_twice_and_the_clerk_is_told_by_whom(township, blank, tmp_path):
    from outreach_desk.services import clerk

    filled = fill_template(blank, tmp_path / "a.xlsx", activities=[good_activity()])
    plan = import_rows.prepare(filled)
    clerk.set_name("李四")
    import_rows.run_import(filled)
    clerk.set_name("")
    by_whom = signed("李四")
    with pytest.raises(ServiceError, match=by_whom) as refused:
        import_rows.commit(plan)
    assert "a.xlsx" in str(refused.value) and Activity.select().count() == 1
    again = import_rows.prepare(filled)  # checked afresh: every row imported before, and by whom
    assert again.count(import_rows.IMPORTED) == 1 and by_whom in str(again.notices[0])
    assert import_rows.commit(again).total == 0


def test_a_row_imported_meanwhile_from_another_file_is_not_imported_twice(township, blank, tmp_path):
    plan = import_rows.prepare(fill_template(blank, tmp_path / "a.xlsx", activities=[good_activity()]))
    other = fill_template(blank, tmp_path / "b.xlsx", activities=[good_activity(), good_activity(数量=7)])
    import_rows.run_import(other)
    assert import_rows.commit(plan).total == 0 and Activity.select().count() == 2


# ---- every error class, and nothing imported ---------------------------------------------------

ERROR_CASES = [
    ({"日期": None}, "日期", []),
    ({"日期": "5/11/2026"}, "日期", ["5/11/2026"]),
    ({"日期": "2026-02-30"}, "日期", ["2026-02-30"]),
    ({"日期": D(1999, 12, 31)}, "日期", ["1999-12-31"]),
    ({"日期": D(2099, 1, 1)}, "日期", ["2099-01-01"]),
    ({"村/社区": "太平"}, "村/社区", ["太平", "太平村"]),
    ({"村/社区": "火星村"}, "村/社区", ["火星村"]),
    ({"点位": "格林中学"}, "点位", ["格林中学", "格林小学"]),
    ({"点位": "幸福小区"}, "点位", ["幸福小区", "幸福社区"]),
    ({"活动类型": "横幅"}, "活动类型", ["横幅", "横幅标语"]),
    ({"数量": 0}, "数量", []),
    ({"数量": 2.5}, "数量", ["2.5"]),
    ({"数量": "两条"}, "数量", ["两条"]),
    ({"数量": 10 ** 12}, "数量", []),
    ({"数量": True}, "数量", ["True"]),
    ({"覆盖人数": -5}, "覆盖人数", []),
    ({"组织单位": "派出所"}, "组织单位", ["派出所", "平安派出所"]),
    ({"宣传对象": "老人"}, "宣传对象", ["老人", "老年人"]),
    ({"诈骗类型": "杀猪盘"}, "诈骗类型", ["杀猪盘"]),
    ({"地点说明": "门" * 201}, "地点说明", ["200"]),
    ({"备注": "x" * 6000}, "备注", ["6000"]),
    ({"编号": "N" * 51}, "编号", ["50"]),
]


@pytest.mark.parametrize("changes, column, words", ERROR_CASES, ids=[str(c[0])[:30] for c in ERROR_CASES])
def test_every_error_is_listed_with_its_place_and_nothing_is_imported(township, blank, tmp_path, changes, column,
                                                                      words):
    filled = fill_template(blank, tmp_path / "bad.xlsx", activities=[good_activity(), good_activity(**changes)],
                           surveys=[[None, D(2026, 11, 6), "幸福社区", 50, 41, None, None]])
    before = counts()
    plan = import_rows.prepare(filled)
    assert not plan.ok
    assert [(i.sheet, i.row, i.header) for i in plan.issues] == [("活动", 3, column)]
    issue = plan.issues[0]
    assert issue.cell == f"{'ABCDEFGHIJKL'[ACTIVITY_HEADERS.index(column)]}3"
    for word in words:
        assert word in issue.message
    with pytest.raises(ServiceError):
        import_rows.commit(plan)
    assert counts() == before


def test_several_problems_are_all_listed_in_sheet_row_column_order(township, blank, tmp_path):
    filled = fill_template(blank, tmp_path / "bad.xlsx", activities=[
        good_activity(数量="many", **{"村/社区": "太平"}),
        good_activity(), good_activity(日期=None, 活动类型=None)],
        surveys=[[None, D(2026, 11, 6), "幸福社区", 40, 41, "飞鸽传书", None]],
        letters=[[None, D(2026, 11, 7), "太平村", "太平纺织厂", None, 45, 45, 10, None]])
    plan = import_rows.prepare(filled)
    assert [(i.sheet, i.row, i.header) for i in plan.issues] == [
        ("活动", 2, "村/社区"), ("活动", 2, "数量"), ("活动", 4, "日期"), ("活动", 4, "活动类型"),
        ("问卷调查", 2, "知晓人数"), ("问卷调查", 2, "调查方式"), ("家长信", 2, "学校")]
    assert "40" in plan.issues[4].message and "41" in plan.issues[4].message
    assert [r.row for r in plan.rejected_rows if r.sheet == "活动"] == [2, 4]
    assert plan.count(import_rows.NEW) == 1


def test_letters_are_refused_when_the_same_batch_exists_or_repeats(township, blank, tmp_path):
    from outreach_desk.services.coverage import letters

    letters.add(letters.LetterInput(township["school"], D(2026, 11, 7), 45, 45, 40, class_name="三(2)班"))
    row = [None, D(2026, 11, 7), "太平村", "格林小学", "三(2)班", 45, 45, 40, None]
    other = [None, D(2026, 11, 8), "太平村", "格林小学", "一(1)班", 30, 30, 30, None]
    plan = import_rows.prepare(fill_template(blank, tmp_path / "l.xlsx", letters=[row, other, list(other)]))
    assert [(i.row, i.header) for i in plan.issues] == [(2, "班级"), (4, "班级")]
    assert "3" in plan.issues[1].message


def test_formula_cells_are_refused_clearly(township, blank, tmp_path):
    from openpyxl import load_workbook

    workbook = load_workbook(blank)
    workbook["活动"].append(good_activity(数量="=1+1", 日期="=TODAY()"))
    workbook.save(tmp_path / "f.xlsx")
    plan = import_rows.prepare(tmp_path / "f.xlsx")
    assert {(i.header, i.row) for i in plan.issues} == {("日期", 2), ("数量", 2)}
    assert any("=1+1" in i.message for i in plan.issues)


def test_missing_and_duplicate_columns_and_merged_cells(township, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "活动"
    sheet.append(["日期", "村/社区", "数量", "数量"])
    sheet.append([D(2026, 11, 3), "太平村", 1, 1])
    workbook.save(tmp_path / "m.xlsx")
    plan = import_rows.prepare(tmp_path / "m.xlsx")
    assert [(i.row, i.column, i.header) for i in plan.issues] == [(1, 0, ""), (1, 4, "数量")]
    assert "活动类型" in plan.issues[0].message

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "活动"
    sheet.append(["日期", "村/社区", "活动类型", "数量"])
    sheet.append([D(2026, 11, 3), "太平村", "宣传海报", 1])
    sheet.append([D(2026, 11, 4), None, "宣传海报", 1])
    sheet.merge_cells("B2:B3")
    workbook.save(tmp_path / "merged.xlsx")
    plan = import_rows.prepare(tmp_path / "merged.xlsx")
    assert any("B2:B3" in i.message and i.cell == "B2" for i in plan.issues)


def test_empty_workbook_and_unknown_sheets(township, blank, tmp_path):
    with pytest.raises(WorkbookError) as info:
        import_rows.prepare(blank)
    assert "录入表.xlsx" in str(info.value)
    from openpyxl import load_workbook

    workbook = load_workbook(blank)
    workbook["活动"].append(good_activity())
    workbook.create_sheet("草稿").append(["随手记", "不是表格"])
    workbook.save(tmp_path / "extra.xlsx")
    plan = import_rows.prepare(tmp_path / "extra.xlsx")
    assert plan.ok and [n.sheet for n in plan.notices] == ["草稿"]


def test_a_failure_during_the_insert_leaves_nothing_behind(township, blank, tmp_path):
    from outreach_desk.services import organisation as org

    filled = fill_template(blank, tmp_path / "a.xlsx", activities=[good_activity(), good_activity(**{
        "村/社区": "幸福社区", "点位": "幸福小区"})])
    plan = import_rows.prepare(filled)
    org.delete_site(township["block"], cascade=True)  # the organisation changes between check and import
    before = counts()
    with pytest.raises(ServiceError):
        import_rows.commit(plan)
    assert counts() == before


def test_annotated_copy_marks_every_wrong_cell(township, blank, tmp_path):
    from openpyxl import load_workbook

    filled = fill_template(blank, tmp_path / "太平村.xlsx", activities=[
        good_activity(), good_activity(数量="两条", **{"村/社区": "太平"})])
    plan = import_rows.prepare(filled)
    for limit in (annotate.WHOLE_LOAD_LIMIT, 0):  # loaded whole (small file), and streamed (large file)
        annotate.WHOLE_LOAD_LIMIT = limit
        try:
            path = annotate.write_annotated(plan, tmp_path / f"marked{limit}.xlsx")
        finally:
            annotate.WHOLE_LOAD_LIMIT = 8 * 1024 * 1024
        workbook = load_workbook(path)
        errors = workbook.worksheets[0]
        assert [[c.value for c in row][:4] for row in errors.iter_rows(min_row=2)] == [
            ["活动", 3, "村/社区", "C3"], ["活动", 3, "数量", "F3"]]
        sheet = workbook["活动"]
        assert "太平村" in sheet["C3"].comment.text and "两条" in sheet["F3"].comment.text
        assert sheet["C3"].fill.fgColor.rgb.endswith(annotate.ERROR_FILL)
        assert sheet["C2"].comment is None and sheet["C2"].value == "太平村"
    assert annotate.default_path(filled).parent == filled.parent


# ---- CSV and refused formats -------------------------------------------------------------------

CSV_TEXT = "日期,村/社区,点位,活动类型,数量,覆盖人数,备注\n2026-11-03,太平村,格林小学,横幅标语,2,40,\"校门口, 两条\"\n"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16"])
def test_csv_in_every_usual_encoding(township, tmp_path, encoding):
    path = tmp_path / f"活动_{encoding}.csv"
    text = CSV_TEXT.replace(",", "\t").replace('"校门口\t 两条"', "校门口, 两条") if encoding == "utf-16" else CSV_TEXT
    path.write_bytes(text.encode(encoding))
    plan, result = import_rows.run_import(path)
    assert plan.ok, messages(plan)
    assert result.total == 1
    activity = Activity.get()
    assert (activity.site_id, activity.people, activity.notes) == (township["school"], 40, "校门口, 两条")


def test_csv_errors_are_listed_and_an_annotated_xlsx_is_made(township, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "bad.csv"
    path.write_text(CSV_TEXT + "2026-11-04,太平,,横幅标语,x,,\n", encoding="gbk")
    plan = import_rows.prepare(path)
    assert [(i.sheet, i.row, i.header) for i in plan.issues] == [("bad", 3, "村/社区"), ("bad", 3, "数量")]
    marked = load_workbook(annotate.write_annotated(plan, tmp_path / "bad (marked).xlsx"))
    assert marked["bad"]["B3"].comment is not None and marked["bad"]["A2"].value == "2026-11-03"


def test_control_characters_are_refused(township, tmp_path):
    path = tmp_path / "ctl.csv"
    path.write_text("日期,村/社区,活动类型,数量,备注\n2026-11-03,太平村,横幅标语,2,响铃\x07\n", encoding="utf-8")
    plan = import_rows.prepare(path)
    assert [(i.row, i.header) for i in plan.issues] == [(2, "备注")] and "0007" in plan.issues[0].message


@pytest.mark.parametrize("name, content", [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
    ("web.xls", b"<html><table><tr><td>1</td></tr></table></html>"),
    ("wps.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
])
def test_legacy_xls_is_refused_with_save_as_xlsx(township, tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(WorkbookError) as info:
        import_rows.prepare(tmp_path / name)
    assert name in str(info.value) and ".xlsx" in str(info.value)


def test_row_keys_are_standard_uuid5():
    import uuid

    from outreach_desk.services.excel import row_keys

    for name in ("activity|v1|no:7", "survey|c:abc|0", "长" * 300):
        assert row_keys.uuid5(name) == str(uuid.uuid5(row_keys.NAMESPACE, name))
