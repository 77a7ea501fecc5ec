"""Helpers for the Excel tests: fill the entry workbook by script, and build raw (possibly hostile) files."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '{sheets}{strings}</Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

ACTIVITY_HEADERS = ["编号", "日期", "村/社区", "点位", "活动类型", "数量", "覆盖人数", "组织单位", "宣传对象",
                    "诈骗类型", "地点说明", "备注"]


def good_activity(**changes) -> list:
    """One valid activity row for the ``township`` fixture (values in ACTIVITY_HEADERS order)."""
    row = {"编号": None, "日期": dt.date(2026, 11, 3), "村/社区": "太平村", "点位": "格林小学", "活动类型": "横幅标语",
           "数量": 2, "覆盖人数": 40, "组织单位": "平安派出所", "宣传对象": "老年人、学生",
           "诈骗类型": "微信、短信诈骗", "地点说明": "校门口", "备注": "悬挂两条"}
    row.update(changes)
    return [row[h] for h in ACTIVITY_HEADERS]


def fill_template(template: Path, target: Path, activities=(), surveys=(), letters=()) -> Path:
    """The template with rows added by openpyxl, as a cadre's other tool would (text written as text)."""
    from openpyxl import load_workbook

    from outreach_desk.services.excel.safe_cell import set_text

    workbook = load_workbook(template)
    for sheet, rows in (("活动", activities), ("问卷调查", surveys), ("家长信", letters)):
        worksheet = workbook[sheet]
        for row in rows:
            number = worksheet.max_row + 1 if worksheet.max_row > 1 or worksheet["A1"].value else 1
            for column, value in enumerate(row, 1):
                cell = worksheet.cell(number, column)
                if isinstance(value, str):
                    set_text(cell, value)  # text stays text, as typed in Excel
                else:
                    cell.value = value
    workbook.save(target)
    return target


def _cell_xml(ref: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, RawCell):
        return value.xml.format(ref=ref)
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


class RawCell:
    """A cell given as XML with ``{ref}`` for its reference, e.g. a formula or an error value."""

    def __init__(self, xml: str):
        self.xml = xml


def column_letter(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_xml(rows, dimension: str | None = None, extra: str = "", first_row: int = 1) -> str:
    body = []
    for number, row in enumerate(rows, first_row):
        cells = "".join(_cell_xml(f"{column_letter(i)}{number}", v) for i, v in enumerate(row, 1))
        body.append(f'<row r="{number}">{cells}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:r="{REL}">{dim}'
            f'<sheetData>{"".join(body)}</sheetData>{extra}</worksheet>')


def raw_xlsx(path: Path, sheets: dict[str, str], shared_strings: str | None = None, styles: str | None = None,
             extra_parts: dict[str, bytes] | None = None) -> Path:
    """A minimal workbook written part by part, so that any part can be made hostile."""
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1))
    strings_type = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>') if shared_strings else ""
    entries = "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, name in enumerate(sheets, 1))
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
                f'<sheets>{entries}</sheets></workbook>')
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1))
    if shared_strings:
        rels += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    if styles:
        rels += f'<Relationship Id="rIdT" Type="{REL}/styles" Target="styles.xml"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets=sheet_types, strings=strings_type))
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                         f'package/2006/relationships">{rels}</Relationships>')
        for i, xml in enumerate(sheets.values(), 1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if shared_strings:
            archive.writestr("xl/sharedStrings.xml", shared_strings)
        if styles:
            archive.writestr("xl/styles.xml", styles)
        for name, data in (extra_parts or {}).items():
            archive.writestr(name, data)
    return path


DATE_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
    '<fonts count="1"><font><sz val="11"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'
)


def date_cell(serial) -> RawCell:
    """A number cell formatted as a date (style 1 of DATE_STYLES)."""
    return RawCell(f'<c r="{{ref}}" s="1"><v>{serial}</v></c>')


def zip_bytes(entries: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_CELL_FORMULA = re.compile(r"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_RULE_FORMULA = re.compile(r"<(?:\w+:)?(formula1|formula2|formula)>(.*?)</(?:\w+:)?\1>", re.S)
_DEFINED_NAME = re.compile(r"<(?:\w+:)?definedName\b[^>]*>(.*?)</(?:\w+:)?definedName>", re.S)


def live_content(path: Path, program_formulas=()) -> list[str]:
    """Everything in a written workbook that a spreadsheet program would evaluate or follow: cell formulas,
    hyperlinks, external or DDE links, data connections, and rule or name formulas that are more than a plain
    reference or constant (``program_formulas`` lists the ones the program writes itself)."""
    from xml.sax.saxutils import unescape

    from outreach_desk.services.excel.inert import is_plain

    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/externalLinks/") or name.endswith(("connections.xml", "queryTable1.xml")):
                found.append(f"{name}: part")
            if not name.endswith(".xml"):
                continue
            xml = archive.read(name).decode("utf-8", "replace")
            if name.startswith("xl/worksheets/"):
                found += [f"{name}: cell formula {m.group(1)!r}" for m in _CELL_FORMULA.finditer(xml)]
                found += [f"{name}: hyperlink" for _ in re.finditer(r"<(?:\w+:)?hyperlink\b", xml)]
            for match in _RULE_FORMULA.finditer(xml):
                text = unescape(match.group(2), {"&quot;": '"', "&apos;": "'"})
                if not is_plain(text) and text not in program_formulas:
                    found.append(f"{name}: {match.group(1)} {text!r}")
            if name == "xl/workbook.xml":
                for match in _DEFINED_NAME.finditer(xml):
                    text = unescape(match.group(1), {"&quot;": '"', "&apos;": "'"})
                    if not all(is_plain(part) for part in text.split(",")):
                        found.append(f"defined name {text!r}")
            if "ddeLink" in xml or "oleLink" in xml:
                found.append(f"{name}: DDE/OLE link")
    return found
