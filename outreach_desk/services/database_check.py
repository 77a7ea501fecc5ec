"""The database check: SQLite's integrity and foreign-key checks and the monthly tallies, reported plainly,
and the two repairs that change no record: rebuilding the tallies and rebuilding damaged indexes.

The file is read on a connection of its own (services.database_files), never with Python's file I/O,
so the check runs beside the open window; a read-only medium is read in SQLite's immutable mode.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import database_files, safe_files
from outreach_desk.services.database_files import BackupError
from outreach_desk.store import DB, photo_blobs

log = logging.getLogger("outreach_desk")


def _tr(text: str) -> str:
    return translate("Backup", text)


_RECORD_NAMES = {
    "township": QT_TRANSLATE_NOOP("BackupRecords", "Township"),
    "village": QT_TRANSLATE_NOOP("BackupRecords", "Village or community"),
    "site": QT_TRANSLATE_NOOP("BackupRecords", "Site"),
    "member_unit": QT_TRANSLATE_NOOP("BackupRecords", "Member unit"),
    "activity_kind": QT_TRANSLATE_NOOP("BackupRecords", "Activity kind"),
    "activity": QT_TRANSLATE_NOOP("BackupRecords", "Activity record"),
    "photo": QT_TRANSLATE_NOOP("BackupRecords", "Photo"),
    "campaign": QT_TRANSLATE_NOOP("BackupRecords", "Campaign"),
    "campaign_phase": QT_TRANSLATE_NOOP("BackupRecords", "Campaign phase"),
    "campaign_deadline": QT_TRANSLATE_NOOP("BackupRecords", "Campaign deadline"),
    "target_rule": QT_TRANSLATE_NOOP("BackupRecords", "Target rule"),
    "target_rule_kind": QT_TRANSLATE_NOOP("BackupRecords", "Target rule kind"),
    "survey": QT_TRANSLATE_NOOP("BackupRecords", "Survey"),
    "parent_letter": QT_TRANSLATE_NOOP("BackupRecords", "Parent letters"),
}

#: what SQLite's full check says when an index disagrees with its table (the table rows themselves are fine)
_INDEX_PROBLEM = re.compile(r"(?:row \d+ missing from index|wrong # of entries in index|"
                            r"non-unique entry in UNIQUE index) (\S+)$")
#: a page problem inside one b-tree, named by its root page (newer SQLite versions)
_TREE_PROBLEM = re.compile(r"^Tree (\d+) page ")


def _record_name(table: str) -> str:
    english = _RECORD_NAMES.get(table)
    return translate("BackupRecords", english) if english else table


def _damaged_indexes(connection: sqlite3.Connection, problems: list[str]) -> list[str]:
    """The indexes named by ``problems`` when every problem lies in an index (REINDEX can mend those); else []."""
    roots = {int(root): name for name, root in connection.execute(
        "SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND rootpage > 0")}
    names: list[str] = []
    for problem in problems:
        match = _INDEX_PROBLEM.search(problem.strip())
        tree = _TREE_PROBLEM.match(problem.strip())
        name = match.group(1) if match else roots.get(int(tree.group(1))) if tree else None
        if name is None:
            return []
        if name not in names:
            names.append(name)
    return names


@dataclass
class CheckReport:
    """What SQLite's integrity and foreign-key checks found, ready to be read by a clerk."""

    path: Path
    opened: bool = True
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    schema_version: int = 0
    #: rows by which the monthly tallies differ from the records (full check only; see repair_tallies)
    tally_mismatches: int = 0
    #: when every integrity problem lies in an index: those indexes (see repair_indexes)
    damaged_indexes: list[str] = field(default_factory=list)
    #: why the file could not be opened (BackupError.reason) when ``opened`` is false
    reason: str = ""
    #: (how many, bytes) of the pictures a server keeps that no record names (see sweep_server_photos)
    unused_photos: tuple[int, int] = (0, 0)
    #: a server database's LC_CTYPE when pg_trgm there makes no trigram of Chinese (see ctype_warning)
    blind_ctype: str | None = None

    @property
    def ok(self) -> bool:
        return self.opened and not self.integrity and not self.foreign_keys and not self.tally_mismatches

    @property
    def indexes_only(self) -> bool:
        """The records are intact and only indexes disagree with them: rebuilding the indexes mends it."""
        return bool(self.integrity) and bool(self.damaged_indexes)

    def lines(self) -> list[str]:
        if not self.opened:
            return list(self.integrity)
        if self.ok:
            return [_tr("{path}: no problems found (integrity and references checked).").format(path=self.path),
                    *self._unused_photo_lines(), *self._ctype_lines()]
        lines = self._unused_photo_lines() + self._ctype_lines()
        if self.indexes_only:
            lines.append(_tr("{path}: {count} index(es) ({names}) no longer match the records; the records "
                             "themselves are intact. Rebuild the indexes (File › Check database offers it, or "
                             "outreach-desk check --repair-indexes); no backup needs to be restored.").format(
                                 path=self.path, count=len(self.damaged_indexes),
                                 names="、".join(self.damaged_indexes)))
            lines += [f"  {problem}" for problem in self.integrity[:20]]
        elif self.integrity:
            lines.append(_tr("{path} is damaged: SQLite's integrity check found {count} problem(s). Restore the "
                             "newest good backup (File › Restore from backup…).").format(
                                 path=self.path, count=len(self.integrity)))
            lines += [f"  {problem}" for problem in self.integrity[:20]]
        if self.foreign_keys:
            lines.append(_tr("{count} record(s) refer to records that do not exist:").format(
                count=len(self.foreign_keys)))
            lines += [f"  {problem}" for problem in self.foreign_keys[:50]]
            lines.append(_tr("The records themselves were not changed. Restore a backup from before the problem "
                             "appeared, or ask for help."))
        if self.tally_mismatches:
            lines.append(_tr("The monthly tallies behind the coverage figures and the dashboard differ from the "
                             "activity records in {count} place(s). The records themselves are fine; rebuild the "
                             "tallies from them (File › Check database offers it).").format(
                                 count=self.tally_mismatches))
        return lines


    def _ctype_lines(self) -> list[str]:
        return [ctype_warning(str(self.path), self.blind_ctype)] if self.blind_ctype else []

    def _unused_photo_lines(self) -> list[str]:
        count, size = self.unused_photos
        if not count:
            return []
        text = translate("Backup", "%n picture(s) on the server ({size}) belong to no record any more (records "
                         "deleted, or saves that failed). They do no harm; outreach-desk check --sweep removes them "
                         "(while clerks are connected, those let go of more than a day ago).", None, count)
        return [text.format(size=safe_files.format_size(size))]


def _foreign_key_problems(connection: sqlite3.Connection) -> list[str]:
    problems = []
    columns: dict[tuple[str, int], str] = {}
    for table, rowid, parent, fkid in connection.execute("PRAGMA foreign_key_check").fetchall():
        if (table, fkid) not in columns:
            for row in connection.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
                columns[(table, row[0])] = row[3]
        column = columns.get((table, fkid), "?")
        value = None
        if rowid is not None and column != "?":
            found = connection.execute(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
            value = found[0] if found else None
        problems.append(_tr("{record} no. {id} refers to {parent} no. {value}, which does not exist.").format(
            record=_record_name(table), id=rowid, parent=_record_name(parent), value=value))
    return problems


def _tally_mismatches(connection: sqlite3.Connection) -> int:
    """Rows by which the monthly tallies (migration 8) differ from grouping the records; 0 without tallies."""
    from outreach_desk.services.coverage import tally

    if not connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (tally.LEVELS["village"][0],)).fetchone():
        return 0
    return sum(connection.execute(query).fetchone()[0] for query in tally.mismatch_queries())


def repair_tallies() -> None:
    """Make the monthly tallies again from the records of the open store, in one transaction."""
    from outreach_desk.services.coverage import tally

    with DB.atomic():
        tally.rebuild()


def check(db_path: str | Path, *, quick: bool = False, foreign_keys: bool = True) -> CheckReport:
    """Run SQLite's integrity check and foreign-key check on the database file (it is not changed).

    Works on a read-only medium (SQLite's read-only or immutable mode); a full disk is reported as such.
    """
    db_path = Path(db_path)
    report = CheckReport(db_path)
    try:
        database_files.require_database_file(db_path, _tr("The database {path} does not exist."))
        connection = database_files.connect(db_path, writable_first=True)
    except BackupError as exc:
        report.opened, report.reason = False, exc.reason
        report.integrity = [str(exc)]
        return report
    try:
        report.integrity = database_files.integrity_problems(connection, quick)
        report.schema_version = database_files.schema_version(connection)
        if report.integrity and not quick:
            report.damaged_indexes = _damaged_indexes(connection, report.integrity)
        if foreign_keys and not report.integrity:
            report.foreign_keys = _foreign_key_problems(connection)
        if not quick and not report.integrity:
            report.tally_mismatches = _tally_mismatches(connection)
    except sqlite3.DatabaseError as exc:
        report.integrity = report.integrity or [str(exc)]
    finally:
        connection.close()
    return report


def check_server(where: str) -> CheckReport:
    """The checks a server database has beside PostgreSQL's own: the monthly tallies against the records, and
    every foreign key constraint in force and validated (a constraint added NOT VALID, or dropped, would let
    records refer to nothing). Runs on the store bound now; changes nothing."""
    from outreach_desk.services.coverage import tally

    report = CheckReport(where)
    from outreach_desk.store import migrations

    report.schema_version = migrations.current_version(DB.obj)
    unchecked = DB.execute_sql(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE c.contype = 'f' AND NOT c.convalidated AND n.nspname = current_schema()").fetchall()
    report.foreign_keys = [_tr("The reference {name} of {record} is not enforced on the server.").format(
        name=name, record=_record_name(table)) for table, name in unchecked]
    if tally.available():
        report.tally_mismatches = sum(DB.execute_sql(query).fetchone()[0] for query in tally.mismatch_queries())
    if photo_blobs.bound_kept():
        report.unused_photos = photo_blobs.unused(DB.obj)
    from outreach_desk.store import server

    report.blind_ctype = server.chinese_blind_ctype(DB.obj)
    return report


def ctype_warning(where: str, ctype: str) -> str:
    """What is wrong with a server database whose LC_CTYPE ``ctype`` hides Chinese from pg_trgm, and how to mend it
    (a database's ctype is fixed when it is created: a new one, and the data copied over)."""
    return _tr("Warning: the database {where} was created with the character classification (LC_CTYPE) {ctype}, "
               "under which PostgreSQL's pg_trgm takes no Chinese character for a letter, so the ledger's search "
               "indexes hold nothing of a Chinese note: every search by Chinese words reads all the records, slower "
               "as the ledger grows. A database's LC_CTYPE cannot be changed. To mend it, create a new database "
               "with createdb -T template0 -E UTF8 --lc-ctype=C.UTF-8 NAME (or zh_CN.UTF-8), run outreach-desk "
               "server-init on it, copy the data with outreach-desk copy OLD-ADDRESS NEW-ADDRESS, and let the "
               "clerks connect to the new database.").format(where=where, ctype=ctype)


def server_ctype_warning(url: str) -> str | None:
    """:func:`ctype_warning` for the server database ``url`` (connected to briefly), or None when it is fine."""
    from outreach_desk.store import server

    database = server.connect(url)
    try:
        ctype = server.chinese_blind_ctype(database)
    finally:
        database.close()
    return ctype_warning(server.describe(url), ctype) if ctype else None


#: with other clerks connected, a picture no record names is swept only once it was stored and let go of this long
#: ago: a save stores its pictures before its record, and an undo in a window brings a deleted record back
SWEEP_GRACE = dt.timedelta(hours=24)


def sweep_server_photos() -> tuple[int, int, int]:
    """Delete the pictures the server bound now keeps that no record names, in one transaction; (how many went,
    their bytes, how many were kept for now). While other connections of Outreach Desk are open, only those stored
    and let go of more than :data:`SWEEP_GRACE` ago go (migration 0029 keeps when): a save there may have stored
    its picture and not yet its record, an undo there may bring back a deleted record that names one. Chosen over
    an advisory lock the writers would take: a save's picture and its record are written in two transactions,
    and a window's undo outlives any transaction."""
    from outreach_desk.store import server

    with DB.atomic():
        before = None
        if server.other_sessions(DB.obj):
            before = DB.execute_sql("SELECT LOCALTIMESTAMP(0)").fetchone()[0] - SWEEP_GRACE
        count, size = photo_blobs.sweep(DB.obj, before)
        kept = photo_blobs.unused(DB.obj)[0]
    return count, size, kept


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def repair_indexes(db_path: str | Path, names: Iterable[str] | None = None) -> CheckReport:
    """Rebuild the damaged indexes (``names``, or those SQLite's full check names) in one transaction, on a
    connection of its own, then check the file again and return that report. The records are not touched.

    Raises BackupError when the damage is not in indexes alone, or SQLite cannot rebuild them.
    """
    db_path = Path(db_path)
    if names is None:
        found = check(db_path, foreign_keys=False)
        if not found.indexes_only:
            if found.ok or not found.integrity:
                return found
            raise BackupError(_tr("{path} is damaged beyond its indexes; rebuilding them would not mend it. Restore "
                                  "the newest good backup (File › Restore from backup…).").format(path=db_path),
                              "corrupt", db_path)
        names = found.damaged_indexes
    connection = database_files.connect(db_path, writable_first=True)
    try:
        connection.execute("BEGIN IMMEDIATE")
        for name in names:
            connection.execute(f"REINDEX {_quoted(name)}")
        connection.commit()
    except sqlite3.DatabaseError as exc:
        with contextlib.suppress(sqlite3.Error):
            connection.rollback()
        if database_files.damaged_error(exc):
            raise BackupError(_tr("SQLite could not rebuild the indexes of {path} ({reason}): the damage goes "
                                  "deeper. Restore the newest good backup (File › Restore from backup…).").format(
                                      path=db_path, reason=exc), "corrupt", db_path) from exc
        raise database_files.plain_error(exc, db_path) from exc
    finally:
        connection.close()
    log.info("rebuilt the indexes %s of %s", ", ".join(names), db_path)
    return check(db_path)
