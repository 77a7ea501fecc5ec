"""The organisation workbook: the township, its villages/communities, sites, member units and assigned targets.

One file both ways: ``make_template`` writes it filled with what the database holds (so exporting
and editing is the same file), ``org_import`` reads it back. Sheet names and headers are a Chinese
file format whatever the interface language; headers are matched as leniently as the entry
workbook's (``layout.normalise_header``: spaces, "*", full-width forms, the English keys). A column
headed ``任务数：APP注册（人）`` on the village or site sheet gives each unit its number for that
assigned target (``services/assigned_targets.py``), defining the target on first use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import assigned_targets, organisation, vocab
from outreach_desk.services.excel.layout import Column, Table, normalise_header
from outreach_desk.services.excel.names import Choices

CONTEXT = "OrgWorkbook"
INSTRUCTIONS_SHEET = "填写说明"
LISTS_SHEET = "下拉选项"
MAX_ROWS = 5_000
MAX_COUNT = 10_000_000
VALIDATED_ROWS = 1_000
DEFAULT_TARGET = ("APP注册", "人")
_ASSIGNED_HEADER = re.compile(r"^任务数[:：]\s*(?P<name>[^()（）]+?)\s*(?:[(（]\s*(?P<unit>[^()（）]*?)\s*[)）])?\s*$")


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def _count(key: str, header: str, hint: str, aliases: tuple[str, ...] = ()) -> Column:
    return Column(key, header, "int", False, 10, hint, aliases=aliases)


TOWNSHIP = Table("township", "乡镇", "township", QT_TRANSLATE_NOOP("OrgWorkbook", "The township and its office"), (
    Column("name", "乡镇名称", "text", True, 16, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "Required. The township, e.g. 青石镇."), max_length=100, aliases=("乡镇", "镇名", "名称")),
    Column("office_name", "单位名称", "text", False, 28, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "The office printed on reports (填报单位), e.g. 青石镇综治办."), max_length=200,
        aliases=("填报单位", "办公室")),
    Column("preparer", "填报人", "text", False, 12, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "Who prepares the reports."), max_length=100),
    Column("reviewer", "审核人", "text", False, 12, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "Who reviews and signs them."), max_length=100),
))

VILLAGES = Table("villages", "村社区", "village", QT_TRANSLATE_NOOP("OrgWorkbook", "Villages and communities"), (
    Column("name", "村/社区", "text", True, 16, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "Required. The name of the village or community, unique in the township."), max_length=100,
        aliases=("村社区", "村(社区)", "名称", "村/社区名称")),
    Column("kind", "类型", "village_kind", False, 10, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "村 or 社区, from the list (村 when empty)."), aliases=("村或社区",)),
    _count("households", "户数", QT_TRANSLATE_NOOP("OrgWorkbook", "Households, a whole number of 0 or more.")),
    _count("residents", "人口", QT_TRANSLATE_NOOP("OrgWorkbook", "Residents, a whole number of 0 or more."),
           aliases=("人口数", "居民数")),
))

SITES = Table("sites", "点位", "site", QT_TRANSLATE_NOOP("OrgWorkbook", "Sites"), (
    Column("village", "村/社区", "village", True, 16, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "Required. The village or community the site belongs to, from the list."),
        aliases=("村社区", "村(社区)", "所属村社区")),
    Column("name", "点位名称", "text", True, 20, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "Required. The residential block, school, factory…, unique in its village."), max_length=100,
        aliases=("点位", "名称")),
    Column("kind", "类型", "site_kind", True, 14, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "Required. The kind of site, from the list."), aliases=("点位类型",)),
    _count("entrances", "出入口", QT_TRANSLATE_NOOP("OrgWorkbook", "Entrances (posters are asked per entrance)."),
           aliases=("出入口数",)),
    _count("elevators", "电梯间", QT_TRANSLATE_NOOP("OrgWorkbook", "Elevators (posters are asked per elevator)."),
           aliases=("电梯", "电梯数")),
    _count("households", "户数", QT_TRANSLATE_NOOP("OrgWorkbook", "Households of a residential block.")),
    _count("residents", "人口", QT_TRANSLATE_NOOP("OrgWorkbook", "Residents or staff."), aliases=("人口数",)),
    _count("students", "学生数", QT_TRANSLATE_NOOP("OrgWorkbook", "Students of a school (parent letters)."),
           aliases=("学生",)),
    _count("classes", "班级数", QT_TRANSLATE_NOOP("OrgWorkbook", "Classes of a school (class meetings)."),
           aliases=("班级",)),
))

MEMBER_UNITS = Table("member_units", "成员单位", "member_unit", QT_TRANSLATE_NOOP("OrgWorkbook", "Member units"), (
    Column("name", "单位名称", "text", True, 22, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "Required. The member unit, e.g. 青石派出所."), max_length=100, aliases=("成员单位", "名称")),
    Column("duties", "职责分工", "text", False, 60, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "What the unit is responsible for."), max_length=2000, aliases=("职责",)),
))

TABLES = (TOWNSHIP, VILLAGES, SITES, MEMBER_UNITS)
#: the sheets whose rows may carry assigned-target columns, and the level of unit they give numbers to
ASSIGNED_LEVELS = {"villages": assigned_targets.VILLAGE, "sites": assigned_targets.SITE}


_VILLAGE_KIND_EXTRAS = {"村": "village", "行政村": "village", "社区": "community", "居委会": "community"}
_SITE_KIND_EXTRAS = {"小区": "residential_block", "居民小区": "residential_block", "企业": "factory",
                     "工厂": "factory", "工厂/企业": "factory", "企业/工厂": "factory", "集贸市场": "market",
                     "农贸市场": "market", "小学": "school", "中学": "school", "幼儿园": "school",
                     "营业网点": "business_outlet", "公共场所": "public_place"}


def _kind_code(terms: tuple, extras: dict[str, str], text: str) -> str | None:
    from outreach_desk.services.excel.names import normalise_name

    found = Choices(vocab.CONTEXT, [(t.code, t.label_source) for t in terms]).code(text)
    return found or {normalise_name(k): v for k, v in extras.items()}.get(normalise_name(text))


def village_kind_code(text: str) -> str | None:
    """The village kind a cell names (村, 社区, Village, community…); None when it names none."""
    return _kind_code(vocab.VILLAGE_KINDS, _VILLAGE_KIND_EXTRAS, text)


def site_kind_code(text: str) -> str | None:
    """The site kind a cell names (居民小区, 小区, 学校, school…); None when it names none."""
    return _kind_code(vocab.SITE_KINDS, _SITE_KIND_EXTRAS, text)


def site_kind_labels() -> list[str]:
    from outreach_desk.services.excel.names import chinese

    return [chinese(vocab.CONTEXT, t.label_source) for t in vocab.SITE_KINDS]


def site_kind_label(code: str) -> str:
    from outreach_desk.services.excel.names import chinese

    return next((chinese(vocab.CONTEXT, t.label_source) for t in vocab.SITE_KINDS if t.code == code), code)


def short_village_label(code: str) -> str:
    """村 or 社区, as the workbook writes a village's kind."""
    return "社区" if code == "community" else "村"


def assigned_header(name: str, unit: str = "") -> str:
    return f"任务数：{name}（{unit}）" if unit else f"任务数：{name}"


def parse_assigned_header(text) -> tuple[str, str] | None:
    """(target name, unit) of a header such as 任务数：APP注册（人）; None for any other header."""
    if not isinstance(text, str):
        return None
    match = _ASSIGNED_HEADER.match(unicodedata.normalize("NFKC", text).strip().replace("*", ""))
    if not match or not match.group("name").strip():
        return None
    return " ".join(match.group("name").split()), " ".join((match.group("unit") or "").split())


def header_text(column: Column) -> str:
    return column.header + ("*" if column.required else "")


def table_for_sheet(name: str) -> Table | None:
    wanted = normalise_header(name)
    for table in TABLES:
        if wanted in (normalise_header(table.sheet), table.key):
            return table
    if wanted in ("村", "社区", "村/社区", "villages"):
        return VILLAGES
    return None


def default_file_name(township_name: str = "") -> str:
    return f"{township_name}组织架构.xlsx" if township_name else "组织架构.xlsx"


@dataclass(frozen=True)
class TemplateResult:
    path: Path
    villages: int
    sites: int
    member_units: int


def choose_township(township_id: int | None) -> organisation.TownshipInfo | None:
    """The township the workbook is about: the one given, the only one, or None for an empty database."""
    from outreach_desk.services.errors import ServiceError

    townships = organisation.load_tree().townships
    if township_id is not None:
        return organisation.get_township(township_id)
    if len(townships) > 1:
        raise ServiceError(_tr("The database holds {count} townships ({names}); name one with --township.").format(
            count=len(townships), names="、".join(t.name for t in townships)))
    return townships[0] if townships else None


def make_template(path: str | Path, township_id: int | None = None) -> TemplateResult:
    """Write the organisation workbook to ``path``, filled with the township's records (blank when there are none)."""
    from openpyxl import Workbook

    from outreach_desk.services.excel.files import save_workbook

    township = choose_township(township_id)
    tree = organisation.load_tree()
    villages = tree.villages.get(township.id, []) if township else []
    units = organisation.list_member_units(township.id) if township else []
    targets = assigned_targets.list_targets() or [assigned_targets.TargetInfo(0, *DEFAULT_TARGET)]
    numbers = assigned_targets.numbers()
    workbook = Workbook()
    workbook.remove(workbook.active)
    _write_instructions(workbook)
    lists = _write_lists(workbook)
    township_rows = [[township.name, township.office_name, township.preparer, township.reviewer]] if township else []
    _write_sheet(workbook, TOWNSHIP, township_rows, lists)
    village_rows = [[v.name, short_village_label(v.kind), v.households, v.residents]
                    + [numbers.get((t.id, assigned_targets.VILLAGE, v.id)) for t in targets] for v in villages]
    _write_sheet(workbook, VILLAGES, village_rows, lists, targets)
    site_rows = []
    for village in villages:
        for site in tree.sites.get(village.id, []):
            site_rows.append([village.name, site.name, site_kind_label(site.kind)]
                             + [getattr(site, a) for a in vocab.SITE_ATTRIBUTES]
                             + [numbers.get((t.id, assigned_targets.SITE, site.id)) for t in targets])
    _write_sheet(workbook, SITES, site_rows, lists, targets)
    _write_sheet(workbook, MEMBER_UNITS, [[u.name, u.duties] for u in units], lists)
    workbook.move_sheet(LISTS_SHEET, offset=len(workbook.sheetnames) - 1)
    workbook.active = workbook.sheetnames.index(VILLAGES.sheet)
    saved = save_workbook(workbook, path)
    return TemplateResult(saved, len(village_rows), len(site_rows), len(units))


def _write_lists(workbook) -> dict[str, str]:
    """The hidden drop-down lists: village kinds and site kinds (village names come from the 村社区 sheet)."""
    from openpyxl.workbook.defined_name import DefinedName

    from outreach_desk.services.excel.safe_cell import set_text

    sheet = workbook.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    values = {"village_kind": ["村", "社区"], "site_kind": site_kind_labels()}
    names = {}
    for position, (key, items) in enumerate(values.items(), 1):
        letter = chr(64 + position)
        set_text(sheet.cell(1, position), key)
        for row, item in enumerate(items, 2):
            set_text(sheet.cell(row, position), item)
        name = f"list_{key}"
        ref = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(items) + 1}"
        workbook.defined_names[name] = DefinedName(name, attr_text=ref)
        names[key] = name
    names["village"] = f"'{VILLAGES.sheet}'!$A$2:$A${VALIDATED_ROWS + 1}"
    return names


def _validation(column: Column, lists: dict[str, str]):
    from openpyxl.worksheet.datavalidation import DataValidation

    from outreach_desk.services.excel.names import chinese

    common = {"allow_blank": True, "showInputMessage": True, "promptTitle": column.header[:32],
              "prompt": chinese(CONTEXT, column.hint)[:255], "errorTitle": column.header[:32]}
    if column.type in ("village_kind", "site_kind", "village"):
        return DataValidation(type="list", formula1=lists[column.type], errorStyle="warning", showErrorMessage=True,
                              error="请从下拉列表中选择。", **common)
    if column.type == "int":
        return DataValidation(type="whole", operator="between", formula1="0", formula2=str(MAX_COUNT),
                              showErrorMessage=True, error="请填写 0 或正整数。", **common)
    if column.max_length:
        return DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(column.max_length),
                              showErrorMessage=True, error=f"最多 {column.max_length} 个字。", **common)
    return DataValidation(showErrorMessage=False, **common)


def _write_sheet(workbook, table: Table, rows: list[list], lists: dict[str, str],
                 targets: list | None = None) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from outreach_desk.services.excel.safe_cell import set_text

    sheet = workbook.create_sheet(table.sheet)
    columns = list(table.columns)
    headers = [header_text(c) for c in columns] + [assigned_header(t.name, t.unit) for t in targets or []]
    target_column = Column("assigned", "", "int", False, 16, QT_TRANSLATE_NOOP(
        "OrgWorkbook", "The number this unit was given for the assigned target; empty: none."))
    kinds = columns + [target_column] * len(targets or [])
    for position, (header, column) in enumerate(zip(headers, kinds), 1):
        cell = sheet.cell(1, position)
        set_text(cell, header)
        cell.font = Font(name="宋体", bold=True, color="C00000" if column.required else "000000")
        cell.fill = PatternFill("solid", fgColor="FCE4D6" if column.required else "DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        letter = get_column_letter(position)
        sheet.column_dimensions[letter].width = max(column.width, 2 * len(header) + 2)
        validation = _validation(column, lists)
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}{max(VALIDATED_ROWS, len(rows)) + 1}")
    body = Font(name="宋体")
    for number, values in enumerate(rows, 2):
        for position, (value, column) in enumerate(zip(values, kinds), 1):
            cell = sheet.cell(number, position)
            if column.type == "int":
                cell.value = value
            else:
                set_text(cell, value or "")
            cell.font = body
    sheet.row_dimensions[1].height = 30
    sheet.freeze_panes = "A2"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"


INSTRUCTIONS = (
    QT_TRANSLATE_NOOP("OrgWorkbook", "This workbook lists the township's organisation: the township and its office "
                                     "(sheet 乡镇), villages and communities (村社区), sites (点位) and member units "
                                     "(成员单位). Columns marked * are required."),
    QT_TRANSLATE_NOOP("OrgWorkbook", "Import it with File › Import organisation workbook… or outreach-desk "
                                     "org-import FILE. All rows go in or none: every problem is listed with its sheet, "
                                     "row and column, and a marked copy of the file is written."),
    QT_TRANSLATE_NOOP("OrgWorkbook", "Records are matched by name: a new name is added, a known one has its kind and "
                                     "counts updated (an empty cell keeps what is stored). Nothing is deleted; "
                                     "importing the same file twice changes nothing."),
    QT_TRANSLATE_NOOP("OrgWorkbook", "Assigned targets (任务数): a column headed 任务数：name（unit）, e.g. "
                                     "任务数：APP注册（人）, on the 村社区 or 点位 sheet gives each village or site "
                                     "its number; the target rule 'assigned(\"APP注册\")' counts against it. Add a "
                                     "column for each target the county hands down."),
    QT_TRANSLATE_NOOP("OrgWorkbook", "Counts are whole numbers of 0 or more. A site's village must be on the 村社区 "
                                     "sheet or already in the database."),
)


def _write_instructions(workbook) -> None:
    from openpyxl.styles import Alignment, Font

    from outreach_desk.services.excel.names import chinese
    from outreach_desk.services.excel.safe_cell import set_text

    sheet = workbook.create_sheet(INSTRUCTIONS_SHEET)
    title = sheet.cell(1, 1)
    set_text(title, "组织架构表填写说明")
    title.font = Font(name="宋体", bold=True, size=14)
    row = 3
    for number, note in enumerate(INSTRUCTIONS, 1):
        sheet.cell(row, 1, number).alignment = Alignment(horizontal="center", vertical="top")
        text = sheet.cell(row, 2)
        set_text(text, chinese(CONTEXT, note))
        text.alignment = Alignment(wrap_text=True, vertical="top")
        text.font = Font(name="宋体")
        sheet.row_dimensions[row].height = 48
        row += 1
    for table in TABLES:
        row += 1
        heading = sheet.cell(row, 2)
        set_text(heading, f"{table.sheet}：{chinese(CONTEXT, table.title)}")
        heading.font = Font(name="宋体", bold=True)
        for column in table.columns:
            row += 1
            set_text(sheet.cell(row, 1), header_text(column))
            hint = sheet.cell(row, 2)
            set_text(hint, chinese(CONTEXT, column.hint))
            hint.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 100
