"""Importing the organisation workbook: check every row first, then all rows or none, and undo as one step.

:func:`prepare` reads the file without trusting it (``reader``), finds each sheet by name or by its
headers (``sheets.match_headers`` over ``org_workbook``'s tables), reads cells as typed (``cells``)
and lists every problem with sheet, row and column in an :class:`import_rows.ImportPlan`, from which
``annotate`` writes the marked copy. The plan says what would be added and what would change (the
counts changed on a known site, say); a row equal to what is stored changes nothing, so a second
import of the same file changes nothing. :func:`commit` writes a plan without problems in one
transaction through the organisation service (each record audited) plus one entry for the batch,
and returns what :func:`undo` needs to take it back.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import assigned_targets, audit, organisation, vocab
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel import cells, org_workbook, reader, sheets
from outreach_desk.services.excel.import_rows import ImportPlan, Issue
from outreach_desk.services.excel.layout import HEADER_SEARCH_ROWS, Table
from outreach_desk.services.excel.names import normalise_name
from outreach_desk.store import DB

ADD, CHANGE, SAME = "add", "change", "same"
COUNTS = {"township": (), "village": ("households", "residents"), "site": vocab.SITE_ATTRIBUTES,
          "member_unit": ()}


def _tr(text: str) -> str:
    return translate("OrgImport", text)


@dataclass
class OrgRow:
    """One record of the workbook: what it would write, and how it compares with what is stored."""

    record_type: str  # township | village | site | member_unit
    sheet: str
    row: int
    name: str
    values: dict
    village: str = ""  # a site's village (its name as in the database or the file)
    action: str = ADD
    record_id: int | None = None
    before: dict = field(default_factory=dict)

    @property
    def changed_fields(self) -> list[str]:
        return [k for k, v in self.values.items() if self.before.get(k) != v]

    @property
    def display_name(self) -> str:
        return f"{self.village} {self.name}" if self.village else self.name


@dataclass
class NumberRow:
    """One assigned number: a target, a village or site, and the number (the stored one in ``before``)."""

    target: str
    unit: str
    level: str
    village: str
    site: str
    number: int
    sheet: str
    row: int
    before: int | None = None

    @property
    def action(self) -> str:
        return ADD if self.before is None else SAME if self.before == self.number else CHANGE


@dataclass
class OrgPlan:
    plan: ImportPlan
    rows: list[OrgRow] = field(default_factory=list)
    numbers: list[NumberRow] = field(default_factory=list)
    targets: dict[str, str] = field(default_factory=dict)  # target name -> unit
    township_name: str = ""

    @property
    def ok(self) -> bool:
        return self.plan.ok

    @property
    def issues(self) -> list[Issue]:
        return self.plan.issues

    def count(self, action: str, record_type: str | None = None) -> int:
        return sum(1 for r in self.rows if r.action == action and record_type in (None, r.record_type))

    def number_count(self, action: str) -> int:
        return sum(1 for n in self.numbers if n.action == action)

    @property
    def changes_anything(self) -> bool:
        return any(r.action != SAME for r in self.rows) or any(n.action != SAME for n in self.numbers) or any(
            assigned_targets.find(name) is None for name in self.targets)

    def summary(self) -> str:
        """One sentence: what would be added and changed."""
        return _tr("{villages} village(s) or communities, {sites} site(s) and {units} member unit(s) to add; "
                   "{changed} record(s) to change; {numbers} assigned number(s) to set; {same} as stored.").format(
            villages=self.count(ADD, "village"), sites=self.count(ADD, "site"), units=self.count(ADD, "member_unit"),
            changed=self.count(CHANGE), numbers=self.number_count(ADD) + self.number_count(CHANGE),
            same=self.count(SAME) + self.number_count(SAME))

    def change_lines(self) -> list[str]:
        """What changes on records already stored, e.g. 幸福小区: 户数 240 → 260."""
        lines = []
        for row in self.rows:
            if row.action == CHANGE:
                parts = [_tr("{field} {before} → {after}").format(
                    field=_field_label(k), before=_shown(row.before.get(k)), after=_shown(row.values[k]))
                    for k in row.changed_fields]
                lines.append(_tr("{name}: {changes}").format(name=row.display_name, changes="；".join(parts)))
        for number in self.numbers:
            if number.action == CHANGE:
                lines.append(_tr("{name}: {target} {before} → {after}").format(
                    name=f"{number.village} {number.site}".strip(), target=number.target, before=number.before,
                    after=number.number))
        return lines


def _shown(value) -> str:
    return _tr("(empty)") if value in (None, "") else str(value)


def _field_label(key: str) -> str:
    if key in vocab.SITE_ATTRIBUTES:
        return vocab.attribute_label(key)
    labels = {"kind": _tr("kind"), "office_name": "单位名称", "preparer": "填报人", "reviewer": "审核人",
              "duties": "职责分工", "name": _tr("name")}
    return labels.get(key, key)


# ---------------------------------------------------------------------------- reading
@dataclass
class _Sheet:
    name: str
    table: Table
    header_row: int
    columns: dict[str, int]
    headers: dict[str, str]
    targets: list[tuple[int, str, str]] = field(default_factory=list)  # (0-based column, name, unit)


def _locate(source, plan: ImportPlan) -> dict[str, _Sheet]:
    found: dict[str, _Sheet] = {}
    for sheet in source.sheet_names():
        if source.is_hidden(sheet) or normalise_name(sheet) in (normalise_name(org_workbook.INSTRUCTIONS_SHEET),
                                                                 normalise_name(org_workbook.LISTS_SHEET)):
            continue
        head = list(source.rows(sheet, 1, HEADER_SEARCH_ROWS))
        named = org_workbook.table_for_sheet(sheet)
        best = None
        for number, values in head:
            for table in ((named,) if named else org_workbook.TABLES):
                candidate = sheets.match_headers(values, table, sheet, number)
                if best is None or len(candidate.columns) > len(best.columns):
                    best = candidate
        if best is None or not best.columns or (named is None and best.missing):
            if named is not None:
                plan.add_issue(Issue(sheet, 0, 0, "", _tr("The sheet {sheet} has no header row with {headers}.").format(
                    sheet=sheet, headers="、".join(c.header for c in named.columns if c.required))))
            elif any(any(v is not None for v in values) for _n, values in head):
                plan.notices.append(Issue(sheet, 0, 0, "", _tr("This sheet was not read: its headers match none of "
                                                              "乡镇, 村社区, 点位 and 成员单位.")))
            continue
        if best.table.key in found:
            message = _tr("The sheet {sheet} holds {table} as {other} does; keep one.")
            plan.add_issue(Issue(sheet, 0, 0, "", message.format(sheet=sheet, table=best.table.sheet,
                                                                 other=found[best.table.key].name)))
            continue
        for key in best.missing:
            column = best.table.column(key)
            plan.add_issue(Issue(sheet, best.header_row, 0, column.header, _tr(
                "The required column {header} is missing.").format(header=column.header)))
        entry = _Sheet(sheet, best.table, best.header_row, best.columns, best.headers)
        if best.table.key in org_workbook.ASSIGNED_LEVELS:
            values = dict(head)[best.header_row]
            for index, value in enumerate(values):
                parsed = org_workbook.parse_assigned_header(value)
                if parsed is not None:
                    entry.targets.append((index, *parsed))
        plan.header_rows[sheet] = best.header_row
        found[best.table.key] = entry
    return found


class _Reader:
    """Reads the cells of one row of one sheet, adding every problem to the plan."""

    def __init__(self, plan: ImportPlan, sheet: _Sheet, number: int, values: tuple):
        self.plan, self.sheet, self.number, self.values = plan, sheet, number, values
        self.problems = 0

    def raw(self, key: str):
        index = self.sheet.columns.get(key)
        return self.values[index] if index is not None and index < len(self.values) else None

    def issue(self, key: str, message: str, index: int | None = None) -> None:
        index = self.sheet.columns.get(key, -1) if index is None else index
        header = (self.sheet.headers.get(key) or self.sheet.table.column(key).header) if key else "任务数"
        self.plan.add_issue(Issue(self.sheet.name, self.number, index + 1, header, message))
        self.problems += 1

    def first_of(self, seen: dict, key, name: str, village: str | None = None) -> bool:
        """Remember this row as the first with ``key``; if an earlier row has it, say which one."""
        if key in seen:
            repeated = (_tr("{name} is already in row {row}.") if village is None
                        else _tr("{name} of {village} is already in row {row}."))
            self.issue("name", repeated.format(name=name, village=village, row=seen[key]))
            return False
        seen[key] = self.number
        return True

    def text(self, key: str, required: bool = False) -> str | None:
        column = self.sheet.table.column(key)
        try:
            value = cells.text(self.raw(key))
        except cells.CellError as exc:
            self.issue(key, str(exc))
            return None
        if required and not value:
            self.issue(key, _tr("This cell must be filled in."))
            return None
        if column.max_length and len(value) > column.max_length:
            self.issue(key, _tr("At most {limit} characters, please.").format(limit=column.max_length))
            return None
        return value

    def count(self, key: str | None, index: int | None = None, label: str = "") -> int | None:
        """A whole number of 0 or more, or None for an empty cell."""
        raw = self.raw(key) if index is None else (self.values[index] if index < len(self.values) else None)
        try:
            number = cells.whole_number(raw)
        except cells.CellError as exc:
            self.issue(key or "", str(exc), index)
            return None
        if number is not None and not 0 <= number <= org_workbook.MAX_COUNT:
            self.issue(key or "", _tr("A whole number from 0 to {limit} is needed here.").format(
                limit=f"{org_workbook.MAX_COUNT:,}"), index)
            return None
        return number


def _closest(name: str, names: list[str]) -> str:
    found = difflib.get_close_matches(normalise_name(name), [normalise_name(n) for n in names], n=1, cutoff=0.5)
    if not found:
        return ""
    return next(n for n in names if normalise_name(n) == found[0])


def prepare(path: str | Path, township_id: int | None = None) -> OrgPlan:
    """Read and check the whole workbook; nothing is written. WorkbookError for a file that cannot be read."""
    path = Path(path)
    source = reader.open_source(path)
    plan = ImportPlan(path, source.kind)
    result = OrgPlan(plan)
    try:
        found = _locate(source, plan)
        if not any(key in found for key in ("villages", "sites", "member_units", "township")):
            plan.add_issue(Issue(path.name, 0, 0, "", _tr(
                "{name} has none of the sheets 乡镇, 村社区, 点位 and 成员单位. Use the organisation workbook the "
                "program writes (outreach-desk org-template FILE).").format(name=path.name)))
            return result
        if not plan.ok:
            return result
        stored_township = _township(result, source, found.get("township"), township_id)
        if not plan.ok:
            return result
        stored = _Stored(stored_township)
        if "villages" in found:
            _read_villages(result, source, found["villages"], stored)
        if "sites" in found:
            _read_sites(result, source, found["sites"], stored)
        if "member_units" in found:
            _read_units(result, source, found["member_units"], stored)
    finally:
        source.close()
    if plan.ok and not result.rows and not result.numbers:
        plan.add_issue(Issue(path.name, 0, 0, "", _tr("The workbook holds no rows to import.")))
    return result


class _Stored:
    """What the database holds of the township, by normalised name."""

    def __init__(self, township: organisation.TownshipInfo | None):
        self.township = township
        tree = organisation.load_tree()
        villages = tree.villages.get(township.id, []) if township else []
        self.villages = {normalise_name(v.name): v for v in villages}
        self.sites = {(v.id, normalise_name(s.name)): s for v in villages for s in tree.sites.get(v.id, [])}
        units = organisation.list_member_units(township.id) if township else []
        self.units = {normalise_name(u.name): u for u in units}
        self.numbers = assigned_targets.numbers()
        self.target_ids = {t.name: t.id for t in assigned_targets.list_targets()}

    def number(self, target: str, level: str, unit_id: int | None) -> int | None:
        target_id = self.target_ids.get(target)
        if target_id is None or unit_id is None:
            return None
        return self.numbers.get((target_id, level, unit_id))


def _data_rows(source, sheet: _Sheet, plan: ImportPlan):
    for number, values in source.rows(sheet.name, sheet.header_row + 1):
        if all(cells.is_blank(v) for v in values):
            continue
        if number - sheet.header_row > org_workbook.MAX_ROWS:
            plan.add_issue(Issue(sheet.name, number, 0, "", _tr("The sheet has more than {limit} rows.").format(
                limit=f"{org_workbook.MAX_ROWS:,}")))
            return
        yield number, values


def _township(result: OrgPlan, source, sheet: _Sheet | None, township_id: int | None):
    plan = result.plan
    townships = organisation.load_tree().townships
    chosen = None
    if township_id is not None:
        chosen = organisation.get_township(township_id)
    elif len(townships) == 1:
        chosen = townships[0]
    rows = list(_data_rows(source, sheet, plan)) if sheet else []
    if len(rows) > 1:
        plan.add_issue(Issue(sheet.name, rows[1][0], 0, "", _tr(
            "One workbook describes one township: the sheet 乡镇 holds more than one row.")))
        return None
    if not rows:
        if chosen is None:
            where = sheet.name if sheet else org_workbook.TOWNSHIP.sheet
            plan.add_issue(Issue(where, 0, 0, "", _tr(
                "The database holds {count} townships; fill in the township's name on the sheet 乡镇.").format(
                count=len(townships))))
        result.township_name = chosen.name if chosen else ""
        return chosen
    number, values = rows[0]
    cells_of = _Reader(plan, sheet, number, values)
    name = cells_of.text("name", required=True)
    texts = {key: cells_of.text(key) for key in ("office_name", "preparer", "reviewer")}
    if cells_of.problems:
        return None
    by_name = next((t for t in townships if normalise_name(t.name) == normalise_name(name)), None)
    if chosen is not None and by_name is not None and by_name.id != chosen.id:
        cells_of.issue("name", _tr("The workbook is about {name}, not {chosen}.").format(name=name, chosen=chosen.name))
        return None
    if by_name is None and townships and (township_id is not None or len(townships) == 1):
        cells_of.issue("name", _tr("The database is about {stored}; this workbook names {name}. Use a database of "
                                   "its own for another township (File › New database…).").format(
            stored=(chosen or townships[0]).name, name=name))
        return None
    values_written = {"name": by_name.name if by_name else name}
    values_written.update({k: v for k, v in texts.items() if v})
    row = OrgRow("township", sheet.name, number, values_written["name"], values_written)
    if by_name is not None:
        row.record_id, row.before = by_name.id, organisation.as_dict(by_name)
        row.action = SAME if not row.changed_fields else CHANGE
    result.rows.append(row)
    result.township_name = row.name
    return by_name


def _read_villages(result: OrgPlan, source, sheet: _Sheet, stored: _Stored) -> None:
    plan, seen = result.plan, {}
    for number, values in _data_rows(source, sheet, plan):
        cells_of = _Reader(plan, sheet, number, values)
        name = cells_of.text("name", required=True)
        kind_text = cells_of.text("kind")
        kind = org_workbook.village_kind_code(kind_text) if kind_text else None
        if kind_text and kind is None:
            cells_of.issue("kind", _tr("“{value}” is no kind of village; choose 村 or 社区.").format(value=kind_text))
        counts = {key: cells_of.count(key) for key in COUNTS["village"]}
        numbers = [(index, target, unit, cells_of.count(None, index)) for index, target, unit in sheet.targets]
        if cells_of.problems:
            continue
        if not cells_of.first_of(seen, normalise_name(name), name):
            continue
        known = stored.villages.get(normalise_name(name))
        row = OrgRow("village", sheet.name, number, known.name if known else name, {})
        if known is None:
            row.values = {"name": name, "kind": kind or "village", **{k: v or 0 for k, v in counts.items()}}
        else:
            row.record_id, row.before = known.id, organisation.as_dict(known)
            row.values = {k: v for k, v in {"kind": kind, **counts}.items() if v is not None}
            row.action = CHANGE if row.changed_fields else SAME
        result.rows.append(row)
        _numbers(result, sheet, number, numbers, assigned_targets.VILLAGE, row.name, "",
                 known.id if known else None, stored)


def _numbers(result: OrgPlan, sheet: _Sheet, number: int, numbers, level: str, village: str, site: str,
             unit_id: int | None, stored: _Stored) -> None:
    for _index, target, unit, value in numbers:
        known_unit = result.targets.setdefault(target, unit)
        if unit and known_unit != unit:
            header = org_workbook.assigned_header(target, unit)
            result.plan.add_issue(Issue(sheet.name, sheet.header_row, _index + 1, header, _tr(
                "The target {target} is counted in {unit} in another column.").format(target=target, unit=known_unit)))
        if value is None:
            continue
        result.numbers.append(NumberRow(target, unit, level, village, site, value, sheet.name, number,
                                        stored.number(target, level, unit_id)))


def _read_sites(result: OrgPlan, source, sheet: _Sheet, stored: _Stored) -> None:
    plan, seen = result.plan, {}
    file_villages = {normalise_name(r.name): r.name for r in result.rows if r.record_type == "village"}
    stored_names = {k: v.name for k, v in stored.villages.items()}
    for number, values in _data_rows(source, sheet, plan):
        cells_of = _Reader(plan, sheet, number, values)
        village = cells_of.text("village", required=True)
        name = cells_of.text("name", required=True)
        kind_text = cells_of.text("kind", required=True)
        kind = org_workbook.site_kind_code(kind_text) if kind_text else None
        if kind_text and kind is None:
            cells_of.issue("kind", _tr("“{value}” is no kind of site; choose one from the list ({kinds}).").format(
                value=kind_text, kinds="、".join(org_workbook.site_kind_labels())))
        counts = {key: cells_of.count(key) for key in COUNTS["site"]}
        numbers = [(index, target, unit, cells_of.count(None, index)) for index, target, unit in sheet.targets]
        if village and normalise_name(village) not in file_villages and normalise_name(village) not in stored_names:
            hint = _closest(village, list(file_villages.values()) + list(stored_names.values()))
            message = _tr("“{name}” is neither on the sheet 村社区 nor in the database.").format(name=village)
            cells_of.issue("village", message + (_tr(" Did you mean “{suggestion}”?").format(suggestion=hint)
                                                 if hint else ""))
        if cells_of.problems:
            continue
        key = (normalise_name(village), normalise_name(name))
        if not cells_of.first_of(seen, key, name, village):
            continue
        known_village = stored.villages.get(normalise_name(village))
        village_name = known_village.name if known_village else file_villages[normalise_name(village)]
        known = stored.sites.get((known_village.id, normalise_name(name))) if known_village else None
        row = OrgRow("site", sheet.name, number, known.name if known else name, {}, village=village_name)
        if known is None:
            row.values = {"name": name, "kind": kind, **{k: v or 0 for k, v in counts.items()}}
        else:
            row.record_id, row.before = known.id, organisation.as_dict(known)
            row.values = {k: v for k, v in {"kind": kind, **counts}.items() if v is not None}
            row.action = CHANGE if row.changed_fields else SAME
        result.rows.append(row)
        _numbers(result, sheet, number, numbers, assigned_targets.SITE, village_name, row.name,
                 known.id if known else None, stored)


def _read_units(result: OrgPlan, source, sheet: _Sheet, stored: _Stored) -> None:
    plan, seen = result.plan, {}
    for number, values in _data_rows(source, sheet, plan):
        cells_of = _Reader(plan, sheet, number, values)
        name = cells_of.text("name", required=True)
        duties = cells_of.text("duties")
        if cells_of.problems:
            continue
        if not cells_of.first_of(seen, normalise_name(name), name):
            continue
        known = stored.units.get(normalise_name(name))
        row = OrgRow("member_unit", sheet.name, number, known.name if known else name, {})
        if known is None:
            row.values = {"name": name, "duties": duties or ""}
        else:
            row.record_id, row.before = known.id, organisation.as_dict(known)
            row.values = {"duties": duties} if duties else {}
            row.action = CHANGE if row.changed_fields else SAME
        result.rows.append(row)


# ---------------------------------------------------------------------------- writing
@dataclass
class Applied:
    """What one import did, in the order it did it, so that :func:`undo` can take it back."""

    source_name: str
    created: list[tuple[str, int]] = field(default_factory=list)  # (record type, id)
    updated: list[tuple[str, int, dict]] = field(default_factory=list)  # (record type, id, values before)
    numbers: list[tuple[int, str, int, int | None]] = field(default_factory=list)  # (target, level, unit, before)
    targets: list[int] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


_UPDATE = {"township": organisation.update_township, "village": organisation.update_village,
           "site": organisation.update_site, "member_unit": organisation.update_member_unit}


def commit(prepared: OrgPlan) -> Applied:
    """Write a plan without problems in one transaction; every record audited, one entry for the batch."""
    if not prepared.ok:
        raise ValueError("a plan with problems is never imported")
    applied = Applied(prepared.plan.source_name)
    with DB.atomic():
        township_id = _write_township(prepared, applied)
        village_ids = {normalise_name(v.name): v.id for v in organisation.load_tree().villages.get(township_id, [])}
        for row in prepared.rows:
            if row.record_type == "village":
                village_ids[normalise_name(row.name)] = _write(row, applied, lambda r: organisation.add_village(
                    township_id, **r.values))
        site_ids = {}
        for row in prepared.rows:
            if row.record_type == "site":
                village_id = village_ids[normalise_name(row.village)]
                site_ids[(normalise_name(row.village), normalise_name(row.name))] = _write(
                    row, applied, lambda r, v=village_id: organisation.add_site(v, **r.values))
            elif row.record_type == "member_unit":
                _write(row, applied, lambda r: organisation.add_member_unit(township_id, **r.values))
        target_ids = {}
        for name, unit in prepared.targets.items():
            existed = assigned_targets.find(name)
            target_ids[name] = assigned_targets.define(name, unit)
            if existed is None:
                applied.targets.append(target_ids[name])
        for number in prepared.numbers:
            if number.level == assigned_targets.VILLAGE:
                unit_id = village_ids[normalise_name(number.village)]
            else:
                unit_id = site_ids[(normalise_name(number.village), normalise_name(number.site))]
            target_id = target_ids[number.target]
            before = assigned_targets.numbers(target_id).get((target_id, number.level, unit_id))
            if assigned_targets.set_number(target_id, number.level, unit_id, number.number):
                applied.numbers.append((target_id, number.level, unit_id, before))
                applied.counts["numbers"] += 1
        audit.record(audit.IMPORT, "import", None, None,
                     {"source_name": applied.source_name, **dict(applied.counts)},
                     summary=_tr("Imported the organisation workbook {name}: {added} record(s) added, {changed} "
                                 "changed, {numbers} assigned number(s) set").format(
                         name=applied.source_name, added=applied.counts["added"], changed=applied.counts["changed"],
                         numbers=applied.counts["numbers"]))
    return applied


def _write_township(prepared: OrgPlan, applied: Applied) -> int:
    row = next((r for r in prepared.rows if r.record_type == "township"), None)
    if row is None:
        townships = organisation.load_tree().townships
        if len(townships) != 1:
            raise ServiceError(_tr("Fill in the township's name on the sheet 乡镇."))
        return townships[0].id
    return _write(row, applied, lambda r: organisation.add_township(**r.values))


def _write(row: OrgRow, applied: Applied, add) -> int:
    if row.action == ADD:
        record_id = add(row)
        applied.created.append((row.record_type, record_id))
        applied.counts["added"] += 1
        return record_id
    if row.action == CHANGE:
        changes = {k: row.values[k] for k in row.changed_fields}
        _UPDATE[row.record_type](row.record_id, **changes)
        applied.updated.append((row.record_type, row.record_id, {k: row.before.get(k) for k in changes}))
        applied.counts["changed"] += 1
    return row.record_id


_DELETE = {"township": organisation.delete_township, "village": organisation.delete_village,
           "site": organisation.delete_site, "member_unit": organisation.delete_member_unit}


def undo(applied: Applied) -> None:
    """Take an import back in one transaction: numbers restored, changes reverted, added records deleted.

    Refused (InUseError, nothing changed) when records were entered since for what it added."""
    with DB.atomic():
        for target_id, level, unit_id, before in reversed(applied.numbers):
            assigned_targets.set_number(target_id, level, unit_id, before)
        for record_type, record_id, before in reversed(applied.updated):
            _UPDATE[record_type](record_id, **before)
        for record_type, record_id in reversed(applied.created):
            _DELETE[record_type](record_id)
        for target_id in reversed(applied.targets):
            assigned_targets.remove_target(target_id)
