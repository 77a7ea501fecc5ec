"""Importing a filled entry workbook (or CSV): check every row first, then all rows or none.

:func:`prepare` reads the file (bounded, see ``reader.py``), finds the tables, converts and
validates every row and looks up which rows were imported before; it writes nothing. The plan
lists every problem with sheet, row, column and a message, and the rows that would be imported.
:func:`commit` refuses a plan with problems and otherwise inserts every new row in one
transaction with bulk inserts, together with the rows' keys, so a failure or a cancel leaves
the database as it was and a second import of the same file imports nothing. The file's SHA-256 is
kept once (``import_files``), so of two clerks importing the same file at once the second is told who
imported it and when.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import peewee

from outreach_desk.i18n import translate
from outreach_desk.services import audit, ledger, ledger_search, safe_files
from outreach_desk.services.coverage import letters, surveys, tally
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel import import_files, preview, row_keys, sheets
from outreach_desk.services.excel.cells import is_blank
from outreach_desk.services.excel.import_tables import IMPORTERS, RowResult
from outreach_desk.services.excel.layout import LETTERS, MAX_DATA_ROWS, TABLES
from outreach_desk.services.excel.reader import WorkbookError, open_source
from outreach_desk.services.excel.resolve import OrgIndex
from outreach_desk.services.submission import closed_months
from outreach_desk.store import failures, write_transaction
from outreach_desk.store.bulk import insert_model_rows
from outreach_desk.store.connection import database_path
from outreach_desk.store.models import Activity, ImportedRow, ParentLetter, Site, Survey, Village

CONTEXT = "ExcelImport"
NEW, IMPORTED, CHANGED = "new", "imported", "changed"
MAX_LISTED_ISSUES = 2_000
INSERT_CHUNK = 500
PROGRESS_EVERY = 500
MODELS = {"activity": Activity, "survey": Survey, "parent_letter": ParentLetter}
#: how the audit trail names each record type, and reads its stored values back
AUDITED = {"activity": ("activity", ledger.snapshots), "survey": ("survey", surveys.snapshots),
           "parent_letter": ("letter", letters.snapshots)}

Progress = Callable[[int, int, str], None]


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def column_letter(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Issue:
    """A problem at one place: sheet, row (0 = the sheet as a whole), column (1-based; 0 = none)."""

    sheet: str
    row: int
    column: int
    header: str
    message: str

    @property
    def cell(self) -> str:
        return f"{column_letter(self.column)}{self.row}" if self.row and self.column else ""

    @property
    def place(self) -> str:
        if self.row and self.header and self.cell:
            return _tr("{sheet}, row {row}, column {column} ({cell})").format(
                sheet=self.sheet, row=self.row, column=self.header, cell=self.cell)
        if self.row and self.header:
            return _tr("{sheet}, row {row}, column {column}").format(sheet=self.sheet, row=self.row, column=self.header)
        if self.row:
            return _tr("{sheet}, row {row}").format(sheet=self.sheet, row=self.row)
        return self.sheet

    def __str__(self) -> str:
        return _tr("{place}: {message}").format(place=self.place, message=self.message) if self.place else self.message


@dataclass
class PlannedRow:
    record_type: str
    sheet: str
    row: int
    key: str
    digest: str
    status: str
    values: dict
    cells: dict  # column key -> the cell as read, for the preview
    columns: dict[str, int] = field(default_factory=dict)  # column key -> 0-based index in the sheet

    @property
    def display(self) -> tuple[str, ...]:
        return preview.row_text(self.record_type, self.cells)

    def issue(self, key: str, header: str, message: str) -> Issue:
        return Issue(self.sheet, self.row, self.columns.get(key, -1) + 1, header, message)


@dataclass
class RejectedRow:
    record_type: str
    sheet: str
    row: int
    cells: dict

    @property
    def display(self) -> tuple[str, ...]:
        return preview.row_text(self.record_type, self.cells)


@dataclass
class ImportPlan:
    path: Path
    source_kind: str
    rows: list[PlannedRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    notices: list[Issue] = field(default_factory=list)
    issue_count: int = 0
    rejected_rows: list[RejectedRow] = field(default_factory=list)
    unchecked_rows: int = 0  # rows holding values that were not checked: the list of problems was full
    header_rows: dict[str, int] = field(default_factory=dict)  # sheet -> the row of its headers
    file_sha256: str = ""  # the file's bytes, by which import_file knows it
    imported_before: import_files.ImportedFile | None = None  # who imported this very file before, and when
    #: the closed months new rows fall in, earliest first: the window offers to reopen them
    closed: list[closed_months.ClosedMonth] = field(default_factory=list)

    @property
    def data_rows(self) -> int:
        return len(self.rows) + len(self.rejected_rows) + self.unchecked_rows

    @property
    def full(self) -> bool:
        """The list of problems is as long as it is shown: later rows are counted, not checked."""
        return len(self.issues) >= MAX_LISTED_ISSUES

    @property
    def ok(self) -> bool:
        return self.issue_count == 0

    @property
    def source_name(self) -> str:
        return self.path.name

    def count(self, status: str, record_type: str | None = None) -> int:
        return sum(1 for r in self.rows if r.status == status and (record_type is None or r.record_type == record_type))

    def add_issue(self, issue: Issue) -> None:
        self.issue_count += 1
        if len(self.issues) < MAX_LISTED_ISSUES:
            self.issues.append(issue)


@dataclass
class ImportResult:
    imported: Counter
    skipped: int
    #: the ids of the records made, by record type, and the row keys stored (what undoing the import takes back)
    created: dict[str, list[int]] = field(default_factory=dict)
    row_keys: list[str] = field(default_factory=list)
    file_sha256: str = ""  # the file recorded as imported ("" when nothing was)

    @property
    def total(self) -> int:
        return sum(self.imported.values())


def prepare(path: str | Path, *, township_id: int | None = None, progress: Progress | None = None,
            today: dt.date | None = None) -> ImportPlan:
    """Read and check ``path`` completely; nothing is written. Raises WorkbookError for unreadable files."""
    path = Path(path)
    today = today or dt.date.today()
    source = open_source(path)
    try:
        plan = ImportPlan(path, source.kind)
        found, unknown = sheets.locate(source)
        if not found:
            raise WorkbookError(_tr("{name} has no sheet named 活动, 问卷调查 or 家长信, and no sheet whose first "
                                    "rows hold their column headers (日期, 村/社区, …). Use the entry workbook "
                                    "made by Outreach Desk.").format(name=path.name))
        index = OrgIndex(township_id)
        importers = {key: cls(index, today) for key, cls in IMPORTERS.items()}
        candidates: list[tuple[RowResult, dict, sheets.SheetMap, int]] = []
        for sheet_map in found:
            _read_sheet(source, sheet_map, importers[sheet_map.table.key], plan, candidates, progress)
        for sheet in unknown:
            plan.notices.append(Issue(sheet, 0, 0, "", _tr("This sheet was not imported: it is none of 活动, "
                                                          "问卷调查 or 家长信 and its headers match none of them.")))
    finally:
        source.close()
    if plan.unchecked_rows:
        last = plan.issues[-1]
        plan.issues.append(Issue(last.sheet, 0, 0, "", _tr(
            "Checking stopped after {count} problems, at row {row}: the {rows} rows after it were not checked. "
            "Correct these problems and import the file again.").format(
            count=f"{len(plan.issues):,}", rows=f"{plan.unchecked_rows:,}", row=last.row)))
    if not candidates and plan.ok:
        raise WorkbookError(_tr("{name} holds no rows to import: the sheets are empty below their headers.").format(
            name=path.name))
    _plan_rows(plan, candidates)
    plan.file_sha256 = safe_files.file_sha256(path, follow_links=True)
    plan.imported_before = import_files.find(plan.file_sha256)
    if plan.imported_before is not None:
        plan.notices.insert(0, Issue("", 0, 0, "", plan.imported_before.notice()))
    order = {m.sheet: n for n, m in enumerate(found)}
    plan.issues.sort(key=lambda i: (order.get(i.sheet, -1), i.row, i.column))
    return plan


def _read_sheet(source, sheet_map: sheets.SheetMap, importer, plan: ImportPlan, candidates: list,
                progress: Progress | None) -> None:
    table, sheet = sheet_map.table, sheet_map.sheet
    if not sheet_map.columns:
        plan.add_issue(Issue(sheet, 0, 0, "", _tr("No header row found in the first rows: row 1 must hold the "
                                                  "column headers ({headers}).").format(
            headers="、".join(c.header for c in table.columns))))
        return
    for key in sheet_map.missing:
        plan.add_issue(Issue(sheet, sheet_map.header_row, 0, "", _tr("The required column {header} is missing.")
                             .format(header=table.column(key).header)))
    for key, position in sheet_map.duplicates:
        plan.add_issue(Issue(sheet, sheet_map.header_row, position + 1, table.column(key).header,
                             _tr("The column appears twice; keep only one.")))
    for merged in source.merged(sheet):
        if merged.max_row > sheet_map.header_row:
            plan.add_issue(Issue(sheet, max(merged.min_row, sheet_map.header_row + 1), merged.min_col, "",
                                 _tr("Merged cells {cells}: unmerge them and fill in every cell.").format(
                                     cells=merged.ref)))
    if sheet_map.missing:
        return
    columns = sheet_map.columns
    plan.header_rows[sheet] = sheet_map.header_row
    items, width = list(columns.items()), sheet_map.width
    headers = {key: table.column(key).header for key in columns}
    data_rows = 0
    for number, values in source.rows(sheet, min_row=sheet_map.header_row + 1, max_col=width):
        if data_rows >= MAX_DATA_ROWS and not all(is_blank(v) for v in values):
            raise _too_long(sheet)
        if len(values) < width:
            values = values + (None,) * (width - len(values))
        by_key = {key: values[position] for key, position in items}
        for value in by_key.values():
            if value is not None and (value.__class__ is not str or value.strip()):
                break
        else:
            continue  # an empty row
        if plan.full:  # the list shown is full: the rest is counted in the raw file, not read
            _count_unchecked(source, sheet, number - 1, data_rows, plan)
            return
        data_rows += 1
        result = importer.convert(by_key)
        if result.problems:
            for key, message in result.problems:
                plan.add_issue(Issue(sheet, number, columns.get(key, -1) + 1, headers.get(key, ""), message))
            plan.rejected_rows.append(RejectedRow(table.record_type, sheet, number, by_key))
        else:
            candidates.append((result, by_key, sheet_map, number))
        if progress is not None and data_rows % PROGRESS_EVERY == 0:
            progress(data_rows, 0, _tr("Checking {sheet}: {rows} rows").format(sheet=sheet, rows=data_rows))


def _count_unchecked(source, sheet: str, after_row: int, checked: int, plan: ImportPlan) -> None:
    unchecked = source.value_rows_after(sheet, after_row)
    if checked + unchecked > MAX_DATA_ROWS:
        raise _too_long(sheet)
    plan.unchecked_rows += unchecked


def _too_long(sheet: str) -> WorkbookError:
    return WorkbookError(_tr("The sheet {sheet} has more than {limit} rows. Import at most {limit} rows at a time: "
                             "split the file.").format(sheet=sheet, limit=f"{MAX_DATA_ROWS:,}"))


def _plan_rows(plan: ImportPlan, candidates: list) -> None:
    """Give every good row its key, then mark it new, imported before, or changed since."""
    occurrences: Counter = Counter()
    numbered: dict[tuple, int] = {}
    for result, cells_by_key, sheet_map, number in candidates:
        table, sheet = sheet_map.table, sheet_map.sheet
        record_type = table.record_type
        digest = row_keys.content_hash(record_type, result.values)
        if result.record_no:
            scope = (record_type, result.village_id, result.record_no.casefold())
            if scope in numbered:
                message = _tr("The record number {number} is used in row {row} already.").format(
                    number=result.record_no, row=numbered[scope])
                plan.add_issue(Issue(sheet, number, sheet_map.columns["record_no"] + 1,
                                     table.column("record_no").header, message))
                continue
            numbered[scope] = number
            key = row_keys.numbered_key(record_type, result.village_id, result.record_no)
        else:
            key = row_keys.content_key(record_type, digest, occurrences[(record_type, digest)])
            occurrences[(record_type, digest)] += 1
        plan.rows.append(PlannedRow(record_type, sheet, number, key, digest, NEW, result.values, cells_by_key,
                                    sheet_map.columns))
    before = row_keys.imported([r.key for r in plan.rows])
    for planned in plan.rows:
        if planned.key in before:
            digest, when = before[planned.key]
            planned.status = IMPORTED if digest == planned.digest else CHANGED
            if planned.status == CHANGED:
                plan.notices.append(Issue(planned.sheet, planned.row, 0, "", _tr(
                    "This row was imported on {date} and has been changed since; the change was not applied. "
                    "Correct the record in the ledger if needed.").format(date=str(when)[:10])))
    _check_letter_clashes(plan)
    _check_closed_months(plan)


def _placed_rows(rows: list[PlannedRow]) -> tuple[list, list]:
    """(village, date) of the activity and survey rows, (school, date) of the letter rows: what
    the closed-month check asks about."""
    by_village = [(r.values["village"], r.values["date"]) for r in rows if r.record_type != LETTERS.record_type]
    by_site = [(r.values["site"], r.values["date"]) for r in rows if r.record_type == LETTERS.record_type]
    return by_village, by_site


def _check_closed_months(plan: ImportPlan) -> None:
    """A new row dated in a closed month is a problem of its own, so the whole file is refused and the
    marked copy shows which rows to leave out (or the month to reopen)."""
    new_rows = [r for r in plan.rows if r.status == NEW]
    by_village, by_site = _placed_rows(new_rows)
    closed = {**{("v",) + key: c for key, c in closed_months.closed_of(Village, by_village).items()},
              **{("s",) + key: c for key, c in closed_months.closed_of(Site, by_site).items()}}
    if not closed:
        return
    headers = {t.record_type: t.column("date").header for t in TABLES}
    plan.closed = sorted({c.close_id: c for c in closed.values()}.values(), key=lambda c: (c.month, c.township_id))
    for planned in new_rows:
        unit = ("s", planned.values["site"]) if planned.record_type == LETTERS.record_type \
            else ("v", planned.values["village"])
        hit = closed.get(unit + (closed_months.month_key(planned.values["date"]),))
        if hit is not None:
            plan.add_issue(planned.issue("date", headers[planned.record_type], closed_months.refusal_text(hit)))


def _check_letter_clashes(plan: ImportPlan) -> None:
    """One letter record per school, class and date: within the file and against the database."""
    new_letters = [r for r in plan.rows if r.status == NEW and r.record_type == LETTERS.record_type]
    if not new_letters:
        return
    header = LETTERS.column("class_name").header
    sites = sorted({r.values["site"] for r in new_letters})
    existing = set()
    for start in range(0, len(sites), row_keys.QUERY_CHUNK):
        query = (ParentLetter.select(ParentLetter.site, ParentLetter.class_name, ParentLetter.date)
                 .where(ParentLetter.site.in_(sites[start:start + row_keys.QUERY_CHUNK])).tuples())
        existing.update((site, name, day) for site, name, day in query)
    seen: dict[tuple, int] = {}
    for planned in new_letters:
        clash = (planned.values["site"], planned.values["class_name"], planned.values["date"])
        if clash in existing:
            message = _tr("Letters for this school and class on this date are recorded already; correct that record "
                          "in Outreach Desk instead of importing it again.")
        elif clash in seen:
            message = _tr("Row {row} holds letters for the same school, class and date; add them up in one row.")\
                .format(row=seen[clash])
        else:
            seen[clash] = planned.row
            continue
        plan.add_issue(planned.issue("class_name", header, message))


def commit(plan: ImportPlan, progress: Progress | None = None, source_name: str | None = None) -> ImportResult:
    """Insert every new row of ``plan`` in one transaction; all or nothing.

    The audit trail gets one entry per imported record with its stored values, and one for the batch.
    """
    if not plan.ok:
        raise ServiceError(_tr("The file has {count} problem(s); nothing was imported. Correct them and import the "
                               "file again.").format(count=plan.issue_count))
    pending = [r for r in plan.rows if r.status == NEW]
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")  # once, not once per row and column
    name = (source_name or plan.source_name)[:255]
    imported: Counter = Counter()
    created: dict[str, list[int]] = {}
    claimed = ""
    try:
        with write_transaction():  # SQLite: the second of two clerks waits here, then finds the rows imported
            again = row_keys.imported([r.key for r in pending])
            came_second = bool(pending) and len(again) == len(pending)
            pending = [r for r in pending if r.key not in again]
            first = import_files.find(plan.file_sha256) if came_second else None
            if first is not None:
                raise first.refusal()
            if pending and plan.file_sha256:  # PostgreSQL: the second of two clerks waits here, then fails
                import_files.claim(plan.file_sha256, name, now)
                claimed = plan.file_sha256
            by_village, by_site = _placed_rows(pending)
            closed_months.require_open_villages(by_village)
            closed_months.require_open_sites(by_site)
            reason = _tr("Imported from {name}").format(name=name)
            with ledger_search.deferred_index(), tally.deferred():  # one statement each, not a trigger per row
                for record_type, model in MODELS.items():
                    rows = [r for r in pending if r.record_type == record_type]
                    for start in range(0, len(rows), INSERT_CHUNK):
                        chunk = rows[start:start + INSERT_CHUNK]
                        inserted = _insert_and_audit(record_type, model, chunk, now, reason)
                        created.setdefault(record_type, []).extend(inserted)
                        imported[record_type] += len(chunk)
                        if progress is not None:
                            progress(sum(imported.values()), len(pending), _tr("Importing…"))
            for start in range(0, len(pending), INSERT_CHUNK):
                insert_model_rows(ImportedRow, [{"row_key": r.key, "record_type": r.record_type,
                                                 "content_hash": r.digest, "source_name": name, "imported_at": now}
                                                for r in pending[start:start + INSERT_CHUNK]])
            if pending:
                _audit_batch(name, imported, len(plan.rows) - len(pending))
    except peewee.IntegrityError:
        first = import_files.find(plan.file_sha256)
        if first is not None:
            raise first.refusal() from None
        raise ServiceError(_tr("The database changed while the file was being checked; nothing was imported. "
                               "Check the file again.")) from None
    except peewee.DatabaseError as exc:
        # SQLite rolls a transaction back itself when COMMIT finds the disk full, so peewee's own rollback
        # then fails ("cannot rollback"); the cause further down the chain says what happened
        reason = failures.explain(exc, database_path())
        if reason is None:
            raise
        raise ServiceError(_tr("{reason} Nothing of {name} was imported.").format(reason=reason, name=name)) from None
    return ImportResult(imported, len(plan.rows) - len(pending), created, [r.key for r in pending], claimed)


def _insert_and_audit(record_type: str, model, chunk: list[PlannedRow], now: str, reason: str) -> list[int]:
    """Insert a chunk and write an audit entry per record with the values as stored.

    Activities go in by ``executemany`` and are read back by their uuid (the row key); surveys and
    letters, a few per village or school, go in one by one so that their ids are known.
    """
    audit_type, read = AUDITED[record_type]
    if record_type == "activity":
        insert_model_rows(model, [_insert_values(r, now) for r in chunk])
        stored = read(Activity.uuid.in_([r.key for r in chunk]))
    else:
        ids = [model.insert(**_insert_values(r, now)).execute() for r in chunk]
        stored = read(model.id.in_(ids))
    audit.record_many(audit.Entry(audit.CREATE, audit_type, record_id, None, values, values.get("uuid"), reason)
                      for record_id, values in stored.items())
    return list(stored)


def _audit_batch(name: str, imported: Counter, skipped: int) -> None:
    counts = {"activities": imported["activity"], "surveys": imported["survey"],
              "parent_letters": imported["parent_letter"], "skipped": skipped}
    audit.record(audit.IMPORT, "import", None, None, dict(source_name=name, **counts), summary=_tr(
        "Imported {name}: {activities} activity record(s), {surveys} survey(s), {parent_letters} parent letter "
        "record(s); {skipped} row(s) imported before were skipped").format(name=name, **counts))


def _insert_values(planned: PlannedRow, now: str) -> dict:
    values = dict(planned.values, created_at=now)
    if planned.record_type == "activity":
        values.update(uuid=planned.key, updated_at=now)
    return values


def run_import(path: str | Path, *, dry_run: bool = False, township_id: int | None = None,
               progress: Progress | None = None) -> tuple[ImportPlan, ImportResult | None]:
    """Check ``path`` and, unless ``dry_run`` or it has problems, import it."""
    plan = prepare(path, township_id=township_id, progress=progress)
    if dry_run or not plan.ok:
        return plan, None
    return plan, commit(plan, progress)
