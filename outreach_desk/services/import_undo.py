"""Taking an import back as one step: the records a workbook import made are deleted, audited.

The import's result names the ids it made and the row keys it stored; both go, in one transaction,
so importing the same file again (redo) brings the same rows back. A record given photos since the
import is refused rather than deleted with them: the clerk deletes it by hand if that is meant; so is
an import with records dated in a month closed since.
"""

from __future__ import annotations

from outreach_desk.i18n import translate
from outreach_desk.services import audit, tombstones
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel import import_files
from outreach_desk.services.excel.import_rows import AUDITED, MODELS, ImportResult
from outreach_desk.services.submission import closed_months
from outreach_desk.store import DB
from outreach_desk.store.models import Activity, ImportedRow, ParentLetter, Photo, Survey

CHUNK = 500
#: the column naming the village (or the school) each imported record type is kept by
_PLACED_BY = {"activity": Activity.village, "survey": Survey.village, "parent_letter": ParentLetter.site}


def _tr(text: str) -> str:
    return translate("ImportUndo", text)


def undo_import(result: ImportResult, source_name: str) -> int:
    """Delete every record ``result`` made and forget its row keys; the number of records deleted."""
    reason = _tr("Import of {name} undone").format(name=source_name)
    deleted = 0
    with DB.atomic():
        activities = result.created.get("activity", [])
        for start in range(0, len(activities), CHUNK):
            if Photo.select().where(Photo.activity.in_(activities[start:start + CHUNK])).exists():
                raise ServiceError(_tr("Records imported from {name} have been given photos since; the import "
                                       "cannot be undone as a whole. Delete those records in the ledger.")
                                   .format(name=source_name))
        for record_type, ids in result.created.items():
            model = MODELS[record_type]
            for start in range(0, len(ids), CHUNK):
                closed_months.require_open_where(model, _PLACED_BY[record_type], model.id.in_(ids[start:start + CHUNK]))
        for record_type, ids in result.created.items():
            model = MODELS[record_type]
            audit_type, read = AUDITED[record_type]
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                stored = read(model.id.in_(chunk))
                audit.record_many(audit.Entry(audit.DELETE, audit_type, record_id, values, None, values.get("uuid"),
                                              reason) for record_id, values in stored.items())
                tombstones.bury(model, model.id.in_(chunk))
                deleted += model.delete().where(model.id.in_(chunk)).execute()
        for start in range(0, len(result.row_keys), CHUNK):
            ImportedRow.delete().where(ImportedRow.row_key.in_(result.row_keys[start:start + CHUNK])).execute()
        import_files.release(result.file_sha256)
        audit.record(audit.DELETE, "import", None, None, None, summary=_tr(
            "Undid the import of {name}: {count} record(s) deleted").format(name=source_name, count=deleted))
    return deleted
