"""The police station's fraud-case workbook: a template the program writes, and its import.

The template (one sheet 案件情况, a row per village for the chosen month, then the township's row
for cases not placed in a village) is filled by the police station and sent back. Its import
follows the rules of the entry workbook and reuses its parts (``services/excel``): the file is
read without trusting it (``reader``), cells are read as typed (``cells``), village names are
matched with the closest name as a hint (``resolve``), and problems are listed per cell in an
:class:`import_rows.ImportPlan` from which ``annotate`` writes the marked copy. All rows or none
go in, in one transaction; a row equal to what is stored changes nothing, so a second import of
the same file changes nothing; a row that differs corrects the stored month (the police station's
figures are the master copy) and is audited as a correction.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import audit
from outreach_desk.services.excel import cells, reader
from outreach_desk.services.excel.import_rows import ImportPlan, Issue
from outreach_desk.services.excel.names import normalise_name
from outreach_desk.services.excel.resolve import OrgIndex
from outreach_desk.services.supervision import cases
from outreach_desk.services.supervision.cases import Figures
from outreach_desk.store import DB

SHEET = "案件情况"
#: (key, header, required, width)
COLUMNS = (
    ("month", "月份", True, 12),
    ("village", "村/社区", True, 18),
    ("cases", "发案数", True, 10),
    ("losses", "损失金额（元）", True, 16),
    ("dissuaded", "劝阻数", False, 10),
    ("frozen", "止付数", False, 10),
)
UNPLACED = "（未落地到村）"
HEADER_SEARCH_ROWS = 5
MAX_ROWS = 20_000
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


def _tr(text: str) -> str:
    return translate("CasesWorkbook", text)


def default_file_name(township_name: str, year: int, month: int) -> str:
    return f"{township_name}_案件情况_{year}-{month:02d}.xlsx"


def make_template(path: str | Path, township_id: int, year: int, month: int) -> Path:
    """The workbook for one month: every village listed, figures left for the police station (or as stored)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from outreach_desk.services.excel.files import save_workbook
    from outreach_desk.services.excel.safe_cell import set_text

    cases.check_month(year, month)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    header_font, fill = Font(name="宋体", bold=True), PatternFill("solid", fgColor="DDEBF7")
    for number, (_key, header, required, width) in enumerate(COLUMNS, 1):
        cell = sheet.cell(1, number, header + ("" if required else "（选填）"))
        cell.font, cell.fill = header_font, fill
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A2"
    stored = cases.month_figures(township_id, year, month)
    names = [(v.id, v.name) for v in cases.villages_of(township_id)] + [(None, UNPLACED)]
    body = Font(name="宋体")
    for row, (village_id, name) in enumerate(names, 2):
        figures = stored.get(village_id)
        set_text(sheet.cell(row, 1), f"{year}-{month:02d}")
        set_text(sheet.cell(row, 2), name)
        if figures is not None:
            sheet.cell(row, 3, figures.cases)
            sheet.cell(row, 4, float(figures.losses_yuan))
            sheet.cell(row, 5, figures.dissuaded)
            sheet.cell(row, 6, figures.frozen)
        for column in range(1, 7):
            sheet.cell(row, column).font = body
        sheet.cell(row, 4).number_format = "#,##0.00"
    last = len(names) + 1
    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    whole.error, whole.prompt = "请填写 0 或正整数", "整数，0 或以上"
    money = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    money.error, money.prompt = "请填写 0 或以上的金额（元）", "金额（元），可带两位小数"
    for validation, ranges in ((whole, (f"C2:C{last}", f"E2:F{last}")), (money, (f"D2:D{last}",))):
        for cells_range in ranges:
            validation.add(cells_range)
        sheet.add_data_validation(validation)
    notes = workbook.create_sheet("填写说明")
    lines = ["由派出所按月填写各村（社区）的涉诈案件情况，填好后交回镇反诈办导入。",
             "月份：如 2026-11；一份表可含多个月份。",
             f"村/社区：须与名单一致；无法落地到村的案件填在“{UNPLACED}”一行。",
             "发案数、劝阻数、止付数：0 或正整数；损失金额：单位元，可带两位小数。",
             "未填写数字的行视为未报送，不计为 0；报送 0 请填写 0。",
             "导入时全部行无误才会导入；同一文件重复导入不会重复计数；更正后的数字会覆盖原数字并记入操作日志。"]
    for number, line in enumerate(lines, 1):
        set_text(notes.cell(number, 1), line)
    notes.column_dimensions["A"].width = 100
    return save_workbook(workbook, path)


@dataclass
class CaseRow:
    sheet_row: int
    township_id: int
    village_id: int | None
    year: int
    month: int
    figures: Figures
    status: str = ""  # new | unchanged | corrected


@dataclass
class CasesPlan:
    """What an import would do: the rows, or every problem (then nothing is imported)."""

    plan: ImportPlan
    rows: list[CaseRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.plan.ok and bool(self.rows)

    @property
    def issues(self) -> list[Issue]:
        return self.plan.issues

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def _month(value) -> tuple[int, int]:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year, value.month
    text = unicodedata.normalize("NFKC", cells.text(value)).strip()
    match = _MONTH.match(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise cells.CellError(_tr("“{value}” is not a month; write it as 2026-11.").format(value=cells.shown(value)))
    return int(match.group(1)), int(match.group(2))


def _money(value) -> int:
    if isinstance(value, bool):
        raise cells.CellError(_tr("“{value}” is not an amount of yuan.").format(value=cells.shown(value)))
    text = unicodedata.normalize("NFKC", cells.text(value)).replace(",", "").replace("元", "").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise cells.CellError(_tr("“{value}” is not an amount of yuan.").format(value=cells.shown(value))) from None
    if not amount.is_finite() or amount < 0:
        raise cells.CellError(_tr("An amount of 0 yuan or more is needed here."))
    if amount * 100 != (amount * 100).to_integral_value():
        raise cells.CellError(_tr("“{value}” has more than two decimals; yuan are kept to the fen.").format(
            value=cells.shown(value)))
    fen = int(amount * 100)
    if fen > cases.MAX_LOSSES_FEN:
        raise cells.CellError(_tr("{value} is far too large for this figure.").format(value=cells.shown(value)))
    return fen


def _find_header(source, sheet: str) -> tuple[int, dict[str, int]] | None:
    wanted = {normalise_name(h): key for key, h, _r, _w in COLUMNS}
    for number, values in source.rows(sheet, 1, HEADER_SEARCH_ROWS):
        found = {}
        for index, value in enumerate(values):
            if isinstance(value, str):
                name = normalise_name(value.replace("（选填）", ""))
                if name in wanted:
                    found[wanted[name]] = index
        if all(key in found for key, _h, required, _w in COLUMNS if required):
            return number, found
    return None


def prepare(path: str | Path, township_id: int) -> CasesPlan:
    """Read and check every row; nothing is written. WorkbookError for a file that cannot be read."""
    path = Path(path)
    source = reader.open_source(path)
    plan = ImportPlan(path, source.kind)
    result = CasesPlan(plan)
    try:
        sheet, header = _choose_sheet(source)
        if header is None:
            plan.add_issue(Issue(sheet or path.name, 0, 0, "", _tr(
                "No sheet has the columns 月份, 村/社区, 发案数 and 损失金额（元）. "
                "Use the template the program writes.")))
            return result
        header_row, columns = header
        plan.header_rows[sheet] = header_row
        index = OrgIndex(township_id)
        seen: dict[tuple, int] = {}
        for number, values in source.rows(sheet, header_row + 1):
            if number - header_row > MAX_ROWS:
                plan.add_issue(Issue(sheet, number, 0, "", _tr("The sheet has more than {limit} rows.").format(
                    limit=MAX_ROWS)))
                break
            row = _row(plan, sheet, number, values, columns, index, township_id)
            if row is None:
                continue
            key = (row.village_id, row.year, row.month)
            if key in seen:
                plan.add_issue(Issue(sheet, number, columns["village"] + 1, "村/社区", _tr(
                    "This village and month are already in row {row}.").format(row=seen[key])))
                continue
            seen[key] = number
            result.rows.append(row)
    finally:
        source.close()
    if plan.ok and not result.rows:
        plan.add_issue(Issue(path.name, 0, 0, "", _tr("The file holds no figures to import.")))
    if plan.ok:
        _mark_statuses(result.rows, township_id)
    return result


def _choose_sheet(source) -> tuple[str | None, tuple | None]:
    names = [s for s in source.sheet_names() if not source.is_hidden(s)]
    ordered = ([SHEET] if SHEET in names else []) + [s for s in names if s != SHEET]
    for name in ordered:
        header = _find_header(source, name)
        if header is not None:
            return name, header
    return (ordered[0] if ordered else None), None


def _row(plan: ImportPlan, sheet: str, number: int, values: tuple, columns: dict[str, int], index: OrgIndex,
         township_id: int) -> CaseRow | None:
    def cell(key):
        position = columns.get(key)
        return values[position] if position is not None and position < len(values) else None

    figures_given = [cell(k) for k in ("cases", "losses", "dissuaded", "frozen")]
    if all(cells.is_blank(v) for v in figures_given):
        return None  # a listed village the police station left empty: not reported
    problems = plan.issue_count
    headers = {key: header for key, header, _r, _w in COLUMNS}

    def read(key, convert, required=True):
        value = cell(key)
        try:
            if cells.is_blank(value):
                if required:
                    raise cells.CellError(_tr("This cell must be filled in."))
                return 0
            return convert(value)
        except cells.CellError as exc:
            plan.add_issue(Issue(sheet, number, columns.get(key, -1) + 1, headers[key], str(exc)))
            return None

    month = read("month", _month)
    name = cells.text(cell("village")) if not cells.is_blank(cell("village")) else ""
    village_id = None
    if not name:
        plan.add_issue(Issue(sheet, number, columns["village"] + 1, headers["village"],
                             _tr("This cell must be filled in.")))
    elif normalise_name(name) != normalise_name(UNPLACED):
        found = index.cached("village", name)
        if found.id is None:
            plan.add_issue(Issue(sheet, number, columns["village"] + 1, headers["village"], found.message))
        village_id = found.id
    counts = {key: read(key, _count, key in ("cases",)) for key in ("cases", "dissuaded", "frozen")}
    losses = read("losses", _money)
    if plan.issue_count > problems:
        return None
    year, month_number = month
    if not 2000 <= year <= 2100:
        plan.add_issue(Issue(sheet, number, columns["month"] + 1, headers["month"], _tr(
            "{year} is not a year the figures can be kept for.").format(year=year)))
        return None
    return CaseRow(number, township_id, village_id, year, month_number,
                   Figures(counts["cases"], losses, counts["dissuaded"], counts["frozen"]))


def _count(value) -> int:
    number = cells.whole_number(value)
    if number is None or number < 0:
        raise cells.CellError(_tr("A whole number of 0 or more is needed here."))
    if number > cases.MAX_COUNT:
        raise cells.CellError(_tr("{value} is far too large for this figure.").format(value=cells.shown(value)))
    return number


def _mark_statuses(rows: list[CaseRow], township_id: int) -> None:
    stored: dict[tuple, Figures] = {}
    for year, month in {(r.year, r.month) for r in rows}:
        for village_id, figures in cases.month_figures(township_id, year, month).items():
            stored[(village_id, year, month)] = figures
    for row in rows:
        before = stored.get((row.village_id, row.year, row.month))
        row.status = "new" if before is None else "unchanged" if before == row.figures else "corrected"


@dataclass
class CasesImportResult:
    new: int
    corrected: int
    unchanged: int


def commit(prepared: CasesPlan) -> CasesImportResult:
    """Store every row of a plan without problems, in one transaction (with one audit entry for the batch)."""
    if not prepared.ok:
        raise ValueError("a plan with problems is never imported")
    by_month: dict[tuple[int, int, int], dict] = {}
    for row in prepared.rows:
        by_month.setdefault((row.township_id, row.year, row.month), {})[row.village_id] = row.figures
    with DB.atomic():
        _mark_statuses(prepared.rows, prepared.rows[0].township_id)
        for (township_id, year, month), entries in sorted(by_month.items()):
            cases.save_month(township_id, year, month, entries)
        result = CasesImportResult(prepared.count("new"), prepared.count("corrected"), prepared.count("unchanged"))
        audit.record(audit.IMPORT, "import", None, None,
                     {"source_name": prepared.plan.source_name, "fraud_case_months": result.new,
                      "corrected": result.corrected, "unchanged": result.unchanged},
                     summary=_tr("Imported {name}: {new} month figure(s) added, {corrected} corrected, {unchanged} "
                                 "unchanged").format(name=prepared.plan.source_name, new=result.new,
                                                     corrected=result.corrected, unchanged=result.unchanged))
    return result
