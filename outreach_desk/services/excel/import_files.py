"""Imported files by the SHA-256 of their bytes: a file is imported once, whoever imports it and however often.

The ``import_file`` table's unique key is what the database enforces when two clerks import the same file at
the same moment (on PostgreSQL the second one's INSERT waits for the first transaction and then fails; on
SQLite the second waits for the write lock and then finds the rows there): the second is told who imported
it and when, in words, instead of importing it twice or meeting a bare constraint error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from outreach_desk.i18n import translate
from outreach_desk.services import audit
from outreach_desk.services.errors import ServiceError
from outreach_desk.store.models import ImportFile


@dataclass(frozen=True)
class ImportedFile:
    sha256: str
    source_name: str
    who: str
    at: dt.datetime

    def refusal(self) -> ServiceError:
        """The sentence for a clerk whose import of this file came second."""
        return ServiceError(translate("ExcelImport", "{name} was imported by {who} at {when}, so it was not imported "
                                                     "again; its records are in the ledger.").format(
            name=self.source_name, who=self.who, when=f"{self.at:%Y-%m-%d %H:%M}"))

    def notice(self) -> str:
        return translate("ExcelImport", "This file was imported by {who} at {when} (as {name}).").format(
            name=self.source_name, who=self.who, when=f"{self.at:%Y-%m-%d %H:%M}")


def find(sha256: str) -> ImportedFile | None:
    """Who imported the file with these bytes, and when; None when nobody has."""
    row = ImportFile.select().where(ImportFile.sha256 == sha256).first() if sha256 else None
    if row is None:
        return None
    return ImportedFile(row.sha256, row.source_name, row.actor or row.os_user, row.imported_at)


def claim(sha256: str, source_name: str, at: str) -> None:
    """Record the file as imported now, inside the import's transaction (IntegrityError when it was already)."""
    ImportFile.insert(sha256=sha256, source_name=source_name[:255], actor=audit.actor(), os_user=audit.os_user(),
                      imported_at=at).execute()


def release(sha256: str) -> None:
    """Forget the file (its import was undone), inside the undo's transaction, so it can be imported again."""
    if sha256:
        ImportFile.delete().where(ImportFile.sha256 == sha256).execute()
