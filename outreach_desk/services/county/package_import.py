"""The county roll-up without a server: townships' upward packages imported into a county database.

:func:`prepare` reads one package and says what importing it would do, writing nothing: the zip is
checked against its manifest (a damaged or changed file is refused, naming it), its data part read
(``submission.data_part``), and the township matched by its stable id, not its name. The same zip
again is :data:`SAME` (nothing to do); a package with a lower sequence number than the one the county
holds for that township and month is refused, saying so; otherwise the plan counts, per kind, the
records added, changed and removed against the township-month the county holds, and the villages,
sites and member units added or renamed. :func:`apply` carries a plan out in one transaction: the
township and its organisation upserted by uuid, the month's records made exactly those of the
package (removed ones buried as tombstones, as any delete is), the package kept in
``received_package``, and the audit trail told (one entry for the package, one per record changed
or removed). A township the database does not know is refused (:class:`UnknownTownship`, naming it) unless
the clerk says to add it (``new_township``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from outreach_desk.i18n import translate
from outreach_desk.services import audit, ledger_search, photos, safe_files, tombstones
from outreach_desk.services.coverage import periods, tally
from outreach_desk.services.county.office import is_county_database  # noqa: F401 - named here for callers
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.submission import closed_months, data_part, manifest, photo_names
from outreach_desk.store import DB
from outreach_desk.store.bulk import insert_model_rows
from outreach_desk.store.assigned_models import AssignedTarget
from outreach_desk.store.models import Activity, ActivityKind, Photo, Township, Village
from outreach_desk.store.submission_models import ReceivedPackage
from outreach_desk.store.supervision_models import Inspection

NEW, SAME, REPLACE = "new", "same", "replace"
INSERT_CHUNK = 500
_LOOKUP_CHUNK = 900  # uuids per IN (...) list, under SQLite's default limit of bound parameters

Progress = Callable[[int, int, str], None]


def _tr(text: str) -> str:
    return translate("CountyImport", text)


def _quiet(done: int, total: int, text: str = "") -> None:
    pass


class PackageRefused(ServiceError):
    """A package the county cannot take in (older, from a newer program, of a clashing township)."""


class UnknownTownship(PackageRefused):
    """A package from a township this database does not hold: imported only when the clerk says to add it."""


@dataclass
class Changes:
    added: int = 0
    changed: int = 0
    removed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.removed


@dataclass
class _KindPlan:
    """One kind's work: package rows to insert, (county id, package row) to update, county ids to delete."""

    model: type
    insert: list[dict] = field(default_factory=list)
    update: list[tuple[int, dict]] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)


@dataclass
class ImportPlan:
    """What importing one package would do; ``state`` NEW (first of its township-month), SAME or REPLACE."""

    path: Path
    package_sha256: str
    state: str
    township: str
    township_uuid: str
    month: str
    sequence: int
    held_sequence: int | None = None
    township_known: bool = True  # False: the township is new to this database (added only when asked)
    village: str = ""  # a village package's village (its records only replace that village-month)
    village_uuid: str = ""
    changes: dict[str, Changes] = field(default_factory=dict)  # kind -> counts (records and organisation)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old name, new name) of organisation rows
    missing_months: list[str] = field(default_factory=list)  # earlier months of the township's campaign not held
    manifest: dict = field(default_factory=dict, repr=False)
    document: dict = field(default_factory=dict, repr=False)
    data_sha256: str = ""
    photo_members: dict[str, str] = field(default_factory=dict, repr=False)  # photo sha256 -> its file in the zip
    _work: list[_KindPlan] = field(default_factory=list, repr=False)

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def sender(self) -> str:
        """Who sent it: the township, or for a village package the village of its township."""
        return _tr("{village} of {township}").format(village=self.village, township=self.township) \
            if self.village else self.township

    def total(self, what: str) -> int:
        return sum(getattr(c, what) for c in self.changes.values())

    @property
    def needs_confirmation(self) -> bool:
        """A replacement that changes something, or a first package that changes or removes records the database
        holds (a village's month the township entered itself): the user sees the preview first."""
        if self.state == REPLACE:
            return any(c.total for c in self.changes.values())
        records = {data_part.kind_of(m) for m in data_part.RECORD_KINDS}
        return self.state == NEW and any(c.changed or c.removed for k, c in self.changes.items() if k in records)


@dataclass
class ImportResult:
    file_name: str
    township: str
    month: str
    sequence: int
    state: str
    added: int = 0
    changed: int = 0
    removed: int = 0
    photos_stored: int = 0  # pictures new to this database's photo store
    photo_bytes: int = 0
    photos_missing: int = 0  # pictures the records name that the package does not hold


# ------------------------------------------------------------------------------------------------ reading
def _damaged(name: str, reason: str) -> manifest.PackageDamaged:
    return manifest.PackageDamaged(_tr("{name} cannot be imported: {reason} Nothing of it was imported.").format(
        name=name, reason=reason))


def _read_document(path: Path, found: dict) -> tuple[dict, str]:
    from outreach_desk.store.migrations import current_version

    name = path.name
    if int(found.get("schema_version") or 0) > current_version(DB):
        raise PackageRefused(_tr("{name} was written by a newer version of the program (database version "
                                 "{theirs}, this one {ours}). Update the program, then import it again.").format(
            name=name, theirs=found.get("schema_version"), ours=current_version(DB)))
    member = (found.get("data") or {}).get("file")
    if member not in (found.get("files") or {}):
        raise PackageRefused(_tr("{name} holds no data part for the county: it was written by an older version "
                                 "of the program. Ask the township to write the package again.").format(name=name))
    with zipfile.ZipFile(path) as archive:
        raw = archive.read(member)
    try:
        document = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise _damaged(name, _tr("its data part is not readable JSON.")) from None
    if not isinstance(document, dict) or document.get("format") != data_part.FORMAT:
        raise _damaged(name, _tr("its data part is not in the format of this program."))
    if int(document.get("format_version") or 0) > data_part.FORMAT_VERSION:
        raise PackageRefused(_tr("{name} was written by a newer version of the program (data part version "
                                 "{theirs}, this one reads {ours}). Update the program, then import it "
                                 "again.").format(name=name, theirs=document.get("format_version"),
                                                  ours=data_part.FORMAT_VERSION))
    town = document.get("township") or {}
    if (town.get("uuid") != (found.get("township") or {}).get("id") or document.get("month") != found.get("month")
            or not town.get("uuid")
            or (document.get("village") or {}).get("uuid") != (found.get("village") or {}).get("id")):
        raise _damaged(name, _tr("its data part and its manifest name different townships, villages or months."))
    return document, hashlib.sha256(raw).hexdigest()


def _held(township_id: int | None, month: str, village_id: int | None = None) -> ReceivedPackage | None:
    """The newest package held for the township-month (or, with ``village_id``, that village-month)."""
    if township_id is None:
        return None
    village = ReceivedPackage.village.is_null() if village_id is None else ReceivedPackage.village == village_id
    return (ReceivedPackage.select().where((ReceivedPackage.township == township_id)
                                           & (ReceivedPackage.month == month) & village)
            .order_by(ReceivedPackage.sequence.desc(), ReceivedPackage.written_at.desc(),
                      ReceivedPackage.id.desc()).first())


def _village_of(name: str, document: dict, township) -> Village | None:
    """The village of a village package, which must be one of this database's township's; None for a
    township's package."""
    scope = document.get("village")
    if not scope:
        return None
    town = document["township"]
    if township is None:
        raise PackageRefused(_tr("{name} is the package of {village} of {township}, a township this database does "
                                 "not hold: a village's package is imported by its own township. Nothing was "
                                 "imported.").format(name=name, village=scope.get("name"), township=town["name"]))
    village = Village.get_or_none((Village.uuid == scope.get("uuid")) & (Village.township == township.id))
    if village is None:
        raise PackageRefused(_tr("{name} is the package of {village}, which is not a village of {township} in this "
                                 "database (its stable id is unknown here): the village's copy must be made from "
                                 "this township's database. Nothing was imported.").format(
            name=name, village=scope.get("name"), township=township.name))
    return village


def month_label(month: str) -> str:
    """"2026-11" as a clerk reads it (2026年11月)."""
    year, number = month.split("-")
    return _tr("{year}-{month}").format(year=int(year), month=int(number))


def prepare(path: str | Path, progress: Progress | None = None) -> ImportPlan:
    """Read and check one package and plan its import; writes nothing."""
    report = progress or _quiet
    path = Path(path)
    name = path.name
    try:
        safe_files.check_file(path, must_exist=True, follow_links=True)
        report(0, 100, _tr("Checking {name}…").format(name=name))
        sha = safe_files.file_sha256(path, follow_links=True)
        seen = ReceivedPackage.select().where(ReceivedPackage.package_sha256 == sha).first()
        if seen is not None:  # the same bytes as a package imported before, checked then: only its photos are read
            town = seen.township
            return ImportPlan(path, sha, SAME, town.name, town.uuid or "", seen.month, seen.sequence, seen.sequence,
                              photo_members=_zip_photos(manifest.peek(path)))
        found = manifest.verify(path)
        report(30, 100, _tr("Reading {name}…").format(name=name))
        document, data_sha = _read_document(path, found)
    except OSError as exc:
        raise manifest.PackageDamaged(safe_files.explain_os_error(exc, path)) from None
    except zipfile.BadZipFile as exc:
        raise _damaged(name, str(exc)) from None
    town = document["township"]
    township = Township.get_or_none(Township.uuid == town["uuid"])
    if township is None and Township.select().where(Township.name == town["name"]).exists():
        raise PackageRefused(_tr("{name} is from {township}, but the township of that name in this database is "
                                 "another one (its stable id differs). Nothing was imported.").format(
            name=name, township=town["name"]))
    village = _village_of(name, document, township)
    month = str(document["month"])
    sequence = int(found.get("sequence") or 0)
    held = _held(township.id if township else None, month, village.id if village else None)
    written = _local_naive(found.get("created_at") or "")
    if village is not None and held is not None and sequence == held.sequence and written < str(held.written_at):
        raise PackageRefused(_tr("{name} is older than what this database holds: {village}'s {month} written on "
                                 "{written} was imported on {when}. Nothing was imported.").format(
            name=name, village=village.name, month=month_label(month), written=str(held.written_at)[:16],
            when=f"{held.received_at:%Y-%m-%d %H:%M}"))
    if held is not None and sequence < held.sequence:
        raise PackageRefused(_tr("{name} is older than what this database holds: it is sending {sequence} of "
                                 "{township}'s {month}, and sending {held} was imported on {when}. Nothing was "
                                 "imported.").format(name=name, sequence=sequence, township=town["name"],
                                                     month=month_label(month), held=held.sequence,
                                                     when=f"{held.received_at:%Y-%m-%d %H:%M}"))
    members = _photo_members(found, document)
    plan = ImportPlan(path, sha, NEW if held is None else REPLACE, town["name"], town["uuid"], month, sequence,
                      held.sequence if held else None, township is not None,
                      village.name if village else "", village.uuid if village else "", manifest=found,
                      document=document, data_sha256=data_sha, photo_members=members)
    try:
        _plan_changes(plan, township.id if township else None, village.id if village else None)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _damaged(name, _tr("its data part lacks fields this program needs.")) from None
    if village is None:
        from outreach_desk.services.county import status

        plan.missing_months = status.missing_months(township.id if township else None, month, before=True)
    report(60, 100, _tr("Compared {name} with the database.").format(name=name))
    return plan


def _photo_members(found: dict, document: dict) -> dict[str, str]:
    """sha256 -> zip member of every photo file in the package. A photo the township scaled down to fit the size
    limit is in the zip under other bytes: its record's photo entry is made the scaled file's (SHA-256 and
    extension, from the manifest's ``photos_scaled.originals``), which is what this database will hold."""
    members = _zip_photos(found)
    originals = (found.get("photos_scaled") or {}).get("originals") or {}
    scaled: dict[str, tuple[str, str]] = {}
    for member, sha in (found.get("files") or {}).items():
        if member in originals:
            scaled.setdefault(originals[member], (sha, member.rsplit(".", 1)[-1].lower()))
    for row in (document.get("records") or {}).get(data_part.kind_of(Activity)) or []:
        for photo in row.get("photos") or []:
            if photo.get("sha256") in scaled:
                photo["sha256"], photo["ext"] = scaled[photo["sha256"]]
    return members


def _zip_photos(found: dict) -> dict[str, str]:
    """sha256 -> zip member of every photo file a package's manifest lists (the first member of each picture)."""
    members: dict[str, str] = {}
    for member, sha in (found.get("files") or {}).items():
        if member.startswith(photo_names.FOLDER + "/"):
            members.setdefault(sha, member)
    return members


def refusal_of(paths: list[str | Path]) -> str | None:
    """None when this database takes the packages at ``paths`` in (a damaged one is named by the import
    itself); else a sentence saying what a township's database accepts."""
    if is_county_database():
        return None
    township = Township.get()
    for path in paths:
        try:
            found = manifest.peek(path)
        except manifest.PackageDamaged:
            continue
        town, village = found.get("township") or {}, found.get("village") or {}
        if not village or town.get("id") != township.uuid:
            sender = town.get("name") if not village else _tr("{village} of {township}").format(
                village=village.get("name"), township=town.get("name"))
            return _tr("This is the database of {township}: it imports the packages of its own villages and "
                       "communities. {file} is the package of {sender}; a township's package is imported into the "
                       "county's database.").format(township=township.name, file=Path(path).name, sender=sender)
    return None


# ------------------------------------------------------------------------------------------------ planning
def _existing(model, uuids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(uuids), _LOOKUP_CHUNK):
        chunk = uuids[start:start + _LOOKUP_CHUNK]
        found.update(model.select(model.uuid, model.id).where(model.uuid.in_(chunk)).tuples())
    return found


class _CountyRows:
    """The county's rows of a kind exported as the data part writes them, to compare with the package's."""

    def __init__(self):
        self.references = data_part.References()

    def rows(self, model, query) -> dict[str, dict]:
        rows = data_part.export_rows(model, query, self.references)
        if model is Activity:
            data_part.attach_photos(rows)
        return {row["uuid"]: row for row in rows}


def _same(county: dict, package: dict) -> bool:
    return all(county.get(k) == v for k, v in package.items() if k != "_id")


def _plan_changes(plan: ImportPlan, township_id: int | None, village_id: int | None = None) -> None:
    """Count and list the work per kind. A village package changes none of the township's organisation rows (it
    adds those it lacks, a site the village made) and replaces only the village's records of the month."""
    document = plan.document
    period = periods.parse_month(plan.month)
    county = _CountyRows()
    buried = {(t["kind"], t["uuid"]) for t in document.get("tombstones") or []} if village_id is None else set()
    for model in data_part.ORGANISATION_KINDS:
        kind = data_part.kind_of(model)
        work, counts = _KindPlan(model), Changes()
        rows = document["organisation"][kind]
        ids = _existing(model, [r["uuid"] for r in rows])
        if model is AssignedTarget:  # defined once per database, so matched by name when the uuid is new
            names = dict(AssignedTarget.select(AssignedTarget.name, AssignedTarget.id).tuples())
            ids.update({r["uuid"]: names[r["name"]] for r in rows if r["uuid"] not in ids and r["name"] in names})
        held = county.rows(model, model.select().where(model.id.in_(list(ids.values())))) if ids else {}
        by_id = {row["_id"]: row for row in held.values()}
        for row in rows:
            if row["uuid"] not in ids:
                work.insert.append(row)
                counts.added += 1
                continue
            mine = by_id[ids[row["uuid"]]]
            if village_id is None and not _same(mine, row):
                work.update.append((ids[row["uuid"]], row))
                counts.changed += 1
                if "name" in row and mine.get("name") != row["name"]:
                    plan.renamed.append((mine["name"], row["name"]))
        plan._work.append(work)
        plan.changes[kind] = counts
    for model in data_part.RECORD_KINDS if village_id is None else data_part.VILLAGE_RECORD_KINDS:
        kind = data_part.kind_of(model)
        work, counts = _KindPlan(model), Changes()
        rows = document["records"][kind]
        held = (county.rows(model, data_part.month_query(model, township_id, period, village_id)) if township_id
                else {})
        elsewhere = [r["uuid"] for r in rows if r["uuid"] not in held]
        moved = _existing(model, elsewhere)
        if moved:
            held.update(county.rows(model, model.select().where(model.id.in_(list(moved.values())))))
        wanted = {r["uuid"] for r in rows}
        for row in rows:
            mine = held.get(row["uuid"])
            if mine is None:
                work.insert.append(row)
                counts.added += 1
            elif not _same(mine, row):
                work.update.append((mine["_id"], row))
                counts.changed += 1
        gone = [mine["_id"] for uuid, mine in held.items() if uuid not in wanted]
        gone += list(_existing(model, [u for k, u in buried if k == kind and u not in held and u not in wanted])
                     .values())
        work.delete = gone
        counts.removed = len(gone)
        plan._work.append(work)
        plan.changes[kind] = counts


# ------------------------------------------------------------------------------------------------ writing
class _Ids:
    """uuid (activity kinds: code) -> county row id, filled as rows are written."""

    def __init__(self):
        self._maps: dict = {}

    def of(self, model) -> dict:
        if model not in self._maps:
            column = model.code if model is ActivityKind else model.uuid
            self._maps[model] = dict(model.select(column, model.id).tuples())
        return self._maps[model]


def _values(model, row: dict, ids: _Ids, township_id: int) -> dict:
    """A package row as column values; a field the package does not carry (written before the column was added,
    as the format allows) takes the column's default."""
    values = {}
    for f in data_part.data_fields(model):
        if f.name not in row and f.default is not None:
            values[f.name] = f.default() if callable(f.default) else f.default
            continue
        value = row.get(f.name)
        if isinstance(f, pw.ForeignKeyField) and value is not None:
            found = ids.of(f.rel_model).get(value)
            if found is None:
                raise KeyError(value)
            value = found
        values[f.name] = value
    if "township" in model._meta.fields:
        values["township"] = township_id
    return values


def _upsert_township(plan: ImportPlan) -> int:
    town = plan.document["township"]
    values = {k: town.get(k) or "" for k in ("name", "office_name", "preparer", "reviewer")}
    row = Township.get_or_none(Township.uuid == town["uuid"])
    if plan.village:  # a village's package: the township is this database's own, and stays as it is
        return row.id
    if row is None:
        township_id = Township.insert(uuid=town["uuid"], **values).execute()
        audit.record(audit.CREATE, "township", township_id, None, audit.row_values(Township, township_id),
                     town["uuid"], _tr("Township {name} created by the import of {file}").format(
                         name=values["name"], file=plan.file_name))
        return township_id
    before = audit.row_values(Township, row.id)
    if any(before[k] != v for k, v in values.items()):
        Township.update(**values).where(Township.id == row.id).execute()
        audit.record(audit.UPDATE, "township", row.id, before, audit.row_values(Township, row.id), town["uuid"],
                     _tr("Township updated by the import of {file}").format(file=plan.file_name))
    return row.id


def _add_kinds(plan: ImportPlan) -> None:
    known = {code for (code,) in ActivityKind.select(ActivityKind.code).tuples()}
    for kind in plan.document.get("activity_kinds") or []:
        if kind["code"] not in known:
            fields = {f.name for f in ActivityKind._meta.sorted_fields} - {"id"}
            ActivityKind.insert(**{k: v for k, v in kind.items() if k in fields}).execute()


def _write_photos(rows: list[dict], ids: dict[str, int], now: str) -> None:
    photos = [{"activity": ids[row["uuid"]], **{f: p.get(f) or "" for f in data_part.PHOTO_FIELDS}}
              for row in rows for p in row.get("photos") or []]
    for photo in photos:
        photo["added_at"] = photo["added_at"] or now
    for start in range(0, len(photos), INSERT_CHUNK):
        insert_model_rows(Photo, photos[start:start + INSERT_CHUNK])


def _change_and_remove(plan: ImportPlan, ids: _Ids, township_id: int, reason: str, report: Progress) -> None:
    """Updates and deletes first, with the triggers in place; the inserts come after, in bulk."""
    entries = []
    for work in plan._work:
        model = work.model
        kind = data_part.kind_of(model)
        if work.delete:
            for start in range(0, len(work.delete), _LOOKUP_CHUNK):
                chunk = work.delete[start:start + _LOOKUP_CHUNK]
                before = {row["id"]: row for row in model.select().where(model.id.in_(chunk)).dicts()}
                entries += [audit.Entry(audit.DELETE, kind, i, v, None, v.get("uuid"), reason)
                            for i, v in before.items()]
                tombstones.bury(model, model.id.in_(chunk))
                model.delete().where(model.id.in_(chunk)).execute()
        for number, (record_id, row) in enumerate(work.update):
            if number % 200 == 0:
                report(0, 0, _tr("Changing the records of {township}…").format(township=plan.sender))
            before = audit.row_values(model, record_id)
            values = _values(model, row, ids, township_id)
            if model is AssignedTarget:
                values.pop("uuid", None)  # a target matched by name keeps the county's own uuid
            model.update(**values).where(model.id == record_id).execute()
            if model is Activity:
                Photo.delete().where(Photo.activity == record_id).execute()
                _write_photos([row], {row["uuid"]: record_id}, before["updated_at"].isoformat(sep=" "))
            entries.append(audit.Entry(audit.UPDATE, kind, record_id, before, audit.row_values(model, record_id),
                                       row.get("uuid"), reason))
    audit.record_many(entries)


def _insert_new(plan: ImportPlan, ids: _Ids, township_id: int, now: str, report: Progress) -> None:
    total = sum(len(w.insert) for w in plan._work) or 1
    done = 0
    for work in plan._work:
        model = work.model
        if not work.insert:
            continue
        values = [_values(model, row, ids, township_id) for row in work.insert]
        for start in range(0, len(values), INSERT_CHUNK):
            insert_model_rows(model, values[start:start + INSERT_CHUNK])
            done += len(values[start:start + INSERT_CHUNK])
            report(70 + 25 * done // total, 100, _tr("Importing {township}: {done} of {total} rows…").format(
                township=plan.sender, done=done, total=total))
        if model in (*data_part.ORGANISATION_KINDS, Inspection):  # referenced by later kinds
            ids.of(model).update(_existing(model, [r["uuid"] for r in work.insert]))
        if model is Activity:
            _write_photos(work.insert, _existing(Activity, [r["uuid"] for r in work.insert]), now)


def _organisation_tombstones(plan: ImportPlan, reason: str) -> int:
    """Organisation rows the township deleted go too, when no record of the county's still refers to them."""
    removed = 0
    kinds = {data_part.kind_of(m): m for m in data_part.ORGANISATION_KINDS}
    for stone in plan.document.get("tombstones") or []:
        model = kinds.get(stone["kind"])
        row = model.get_or_none(model.uuid == stone["uuid"]) if model else None
        if row is None or any(fk.model.select().where(fk == row.id).exists()
                              for fk in model._meta.backrefs):
            continue
        before = audit.row_values(model, row.id)
        tombstones.bury(model, model.id == row.id)
        model.delete().where(model.id == row.id).execute()
        audit.record(audit.DELETE, stone["kind"], row.id, before, None, stone["uuid"], reason)
        removed += 1
    return removed


def refuse_unknown_township(plan: ImportPlan) -> None:
    """UnknownTownship naming the township of a package this database does not know."""
    if not plan.township_known:
        raise UnknownTownship(_tr("{file} is from {township}, a township this database does not hold. Nothing was "
                                  "imported.").format(file=plan.file_name, township=plan.township))


def apply(plan: ImportPlan, progress: Progress | None = None, *, new_township: bool = False) -> ImportResult:
    """Carry the plan out in one transaction; the package's rows and its receipt, or nothing. A package of a
    township the database does not hold is refused unless ``new_township`` (the clerk said to add it)."""
    report = progress or _quiet
    result = ImportResult(plan.file_name, plan.township, plan.month, plan.sequence, plan.state)
    if plan.state == SAME:
        with DB.atomic():
            _store_lacking_photos(plan, result, report)
        return result
    if not new_township:
        refuse_unknown_township(plan)
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    reason = _tr("Imported from the package {file} (sending {sequence})").format(file=plan.file_name,
                                                                                 sequence=plan.sequence)
    with DB.atomic():
        if ReceivedPackage.select().where(ReceivedPackage.package_sha256 == plan.package_sha256).exists():
            result.state = SAME
            _store_lacking_photos(plan, result, report)
            return result
        township_id = _upsert_township(plan)
        village_id = Village.get(Village.uuid == plan.village_uuid).id if plan.village else None
        closed_months.require_open([(township_id, plan.month)])
        held = _held(township_id, plan.month, village_id)
        if held is not None and plan.sequence < held.sequence:
            raise PackageRefused(_tr("{name} is older than what this database holds now. Nothing was "
                                     "imported.").format(name=plan.file_name))
        _add_kinds(plan)
        ids = _Ids()
        try:
            _change_and_remove(plan, ids, township_id, reason, report)
            with ledger_search.deferred_index(), tally.deferred():  # one statement each, not a trigger per row
                _insert_new(plan, ids, township_id, now, report)
        except KeyError:
            raise _damaged(plan.file_name, _tr("a record refers to a village, site or kind its data part does "
                                               "not hold.")) from None
        removed = 0 if plan.village else _organisation_tombstones(plan, reason)
        _store_photos(plan, result, report)
        result.added, result.changed = plan.total("added"), plan.total("changed")
        result.removed = plan.total("removed") + removed
        document = plan.document
        written = plan.manifest.get("created_at") or now
        ReceivedPackage.insert(
            township=township_id, month=plan.month, sequence=plan.sequence, village=village_id,
            package_sha256=plan.package_sha256,
            data_sha256=plan.data_sha256, written_at=_local_naive(written), received_at=now,
            file_name=plan.file_name[:255], added=result.added, changed=result.changed, removed=result.removed,
            coverage_json=None if document.get("coverage") is None else json.dumps(document["coverage"],
                                                                                   ensure_ascii=False),
            counts_json=json.dumps(document.get("counts") or {}, ensure_ascii=False)).execute()
        summary = _tr("Imported {file}: {township}, {month}, sending {sequence}: {added} added, {changed} changed, "
                      "{removed} removed").format(file=plan.file_name, township=plan.sender,
                                                  month=month_label(plan.month), sequence=plan.sequence,
                                                  added=result.added, changed=result.changed,
                                                  removed=result.removed)
        audit.record(audit.IMPORT, "received_package", None, None,
                     {"file": plan.file_name, "sha256": plan.package_sha256, "township": plan.township_uuid,
                      "village": plan.village_uuid or None, "month": plan.month, "sequence": plan.sequence,
                      "added": result.added, "changed": result.changed, "removed": result.removed}, summary=summary)
    report(100, 100, summary)
    return result


def _store_photos(plan: ImportPlan, result: ImportResult, report: Progress) -> None:
    """The package's photo files into this database's photo store (services.photos), so the receiving office sees
    them: each once, checked against its SHA-256; those already there are not read again."""
    wanted = {(p["sha256"], p["ext"]) for row in plan.document["records"].get(data_part.kind_of(Activity)) or []
              for p in row.get("photos") or []}
    present = sorted(item for item in wanted if item[0] in plan.photo_members)
    result.photos_missing = len(wanted) - len(present)
    _put_photos(plan, present, result, report)


def _store_lacking_photos(plan: ImportPlan, result: ImportResult, report: Progress) -> None:
    """A package imported before, again: the records stay as they are, but the pictures its records name that the
    photo store lacks (a photo folder lost or not copied along, an import by a program that kept no photos) are
    put in from the package, so importing it again mends the store."""
    shas = list(plan.photo_members)
    named: set[tuple[str, str]] = set()
    for start in range(0, len(shas), _LOOKUP_CHUNK):
        named.update(Photo.select(Photo.sha256, Photo.ext).where(Photo.sha256.in_(shas[start:start + _LOOKUP_CHUNK]))
                     .distinct().tuples())
    _put_photos(plan, sorted(named), result, report)


def _put_photos(plan: ImportPlan, present: list[tuple[str, str]], result: ImportResult, report: Progress) -> None:
    """(sha256, ext) pictures read from the package into the photo store, those it holds already not read."""
    if not present:
        return
    try:
        with zipfile.ZipFile(plan.path) as archive:
            def reader(member: str):
                return lambda: archive.read(member)

            result.photos_stored, result.photo_bytes = photos.store_received(
                [(sha, ext, reader(plan.photo_members[sha])) for sha, ext in present],
                lambda done, total, text="": report(95, 100, text))
    except (OSError, zipfile.BadZipFile) as exc:
        raise _damaged(plan.file_name, str(exc)) from None


def _local_naive(text: str) -> str:
    """The package's time of writing as the township's local time, without its offset (as every time here)."""
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None).isoformat(sep=" ")
    except ValueError:
        return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


def import_package(path: str | Path, *, replace: bool = True, new_township: bool = False,
                   progress: Progress | None = None) -> tuple[ImportPlan, ImportResult | None]:
    """Prepare and, unless it is a replacement that changes something and ``replace`` is False, apply; a package
    of an unknown township is refused unless ``new_township``."""
    plan = prepare(path, progress)
    if not new_township:
        refuse_unknown_township(plan)
    if plan.needs_confirmation and not replace:
        return plan, None
    return plan, apply(plan, progress, new_township=new_township)
