"""The entry workbook: sheets, drop-down lists from the database, validations, hints, instructions."""

from __future__ import annotations

import os

import pytest

from outreach_desk.services.excel import files, layout, reader, sheets, template


@pytest.fixture
def workbook_path(township, tmp_path):
    return template.make_template(tmp_path / "录入表.xlsx", township["township"])


def _load(path):
    from openpyxl import load_workbook

    return load_workbook(path)


def _range_values(workbook, name: str) -> list[str]:
    destination = workbook.defined_names[name]
    values = []
    for title, ref in destination.destinations:
        values += [row[0].value for row in workbook[title][ref]]
    return values


def test_sheets_headers_and_layout(workbook_path):
    workbook = _load(workbook_path)
    assert workbook.sheetnames == ["填写说明", "活动", "问卷调查", "家长信", "下拉选项"]
    assert workbook.active.title == "活动"
    assert workbook["下拉选项"].sheet_state == "hidden"
    for table in layout.TABLES:
        sheet = workbook[table.sheet]
        assert [c.value for c in sheet[1]] == [c.header for c in table.columns]
        assert sheet.freeze_panes == "A2"
        for position, column in enumerate(table.columns, 1):
            letter = sheet.cell(1, position).column_letter
            assert sheet.column_dimensions[letter].width == column.width
            assert sheet.column_dimensions[letter].width >= 2 * len(column.header) + 2  # two units a CJK character
            if column.type == "date":
                assert sheet.column_dimensions[letter].number_format == template.DATE_FORMAT
        assert sheet.max_row == 1  # no pre-filled rows: a script's append lands in row 2


def test_drop_down_lists_come_from_the_database(township, workbook_path):
    from outreach_desk.services.excel import names

    workbook = _load(workbook_path)
    assert _range_values(workbook, "list_village") == ["太平村", "幸福社区"]
    assert _range_values(workbook, "list_site") == ["格林小学", "太平纺织厂", "幸福小区"]
    assert _range_values(workbook, "list_school") == ["格林小学"]
    assert _range_values(workbook, "list_unit") == ["平安派出所"]
    assert "横幅标语" in _range_values(workbook, "list_kind")
    assert _range_values(workbook, "list_audiences") == names.audiences().labels
    assert _range_values(workbook, "list_topics") == names.topics().labels
    assert _range_values(workbook, "list_method") == names.survey_methods().labels


def test_every_column_has_its_validation_and_hint(workbook_path):
    workbook = _load(workbook_path)
    for table in layout.TABLES:
        sheet = workbook[table.sheet]
        by_column = {}
        for validation in sheet.data_validations.dataValidation:
            for cell_range in validation.sqref.ranges:
                by_column[cell_range.min_col] = (validation, cell_range)
        for position, column in enumerate(table.columns, 1):
            validation, cell_range = by_column[position]
            assert (cell_range.min_row, cell_range.max_row) == (2, template.VALIDATED_ROWS + 1)
            assert validation.prompt == column.hint_text[:255] and validation.showInputMessage
            expected = {"date": "date", "int": "whole", "village": "list", "site": "list", "school": "list",
                        "kind": "list", "unit": "list", "audiences": "list", "topics": "list", "method": "list",
                        "record_key": "textLength"}.get(column.type)
            if column.type == "text":
                expected = "textLength" if column.max_length else None
            assert validation.type == expected, column.key
            if validation.type == "list":
                assert validation.formula1.startswith("list_")  # a named range, never an inline list
            if column.type == "int":
                assert validation.formula1 == str(column.minimum)


def test_long_lists_go_through_named_ranges(township, tmp_path):
    from outreach_desk.services import organisation as org

    for number in range(80):
        org.add_village(township["township"], f"第{number}号很长名字的行政村社区")
    workbook = _load(template.make_template(tmp_path / "long.xlsx", township["township"]))
    assert len(_range_values(workbook, "list_village")) == 82
    assert len("、".join(_range_values(workbook, "list_village"))) > 255


def test_instructions_explain_every_column(workbook_path):
    workbook = _load(workbook_path)
    text = "\n".join(str(c.value) for row in workbook["填写说明"].iter_rows() for c in row if c.value)
    for table in layout.TABLES:
        assert table.sheet in text
        for column in table.columns:
            assert column.header in text and column.hint_text in text


def test_the_reader_finds_every_column_of_the_template(workbook_path):
    source = reader.open_source(workbook_path)
    try:
        found, unknown = sheets.locate(source)
    finally:
        source.close()
    assert unknown == []
    assert {m.table.key: sorted(m.columns) for m in found} == {
        t.key: sorted(c.key for c in t.columns) for t in layout.TABLES}


def test_readme_documents_the_layout():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for table in layout.TABLES:
        assert f"`{table.sheet}`" in readme
        for column in table.columns:
            assert f"`{column.header}`" in readme and f"`{column.key}`" in readme


def test_saving_over_a_file_open_in_excel_says_so_and_keeps_the_old_file(township, workbook_path, monkeypatch):
    before = workbook_path.read_bytes()

    def locked(*_args):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(files.FileInUseError) as info:
        template.make_template(workbook_path, township["township"])
    assert workbook_path.name in str(info.value)
    assert workbook_path.read_bytes() == before
    assert not [p.name for p in workbook_path.parent.iterdir() if p.name.endswith(".part")]
