"""Saves counted per record, so an edit never silently writes over what another clerk saved since it was opened.

Activity records, surveys and parent letters carry a ``version`` column (migrations 0021 and 0026), one more at
every save. :meth:`Versioned.write` is the UPDATE of an edit, an undo or a redo: it names the version the clerk
opened (or the one the last undo step left) in its WHERE, so of two clerks saving at once the second finds it
changed (on PostgreSQL its UPDATE waits for the first one's row) and gets a :class:`ConflictError` carrying the
record as stored now, who saved it and when. :func:`merged` is the conflict dialog's "edit again".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from outreach_desk.i18n import translate
from outreach_desk.services import audit
from outreach_desk.services.errors import ConflictError, NotFoundError, ServiceError


def _tr(text: str) -> str:
    return translate("RecordVersions", text)


@dataclass(frozen=True)
class Versioned:
    """One kind of record that counts its saves: its table, how to read it back, and its sentences (source texts
    of the translation ``context``, so they are translated when said)."""

    model: Any
    record_type: str  #: the audit trail's name for it (who saved it last comes from there)
    get: Callable[[int], Any]  #: the record as stored, with ``version``; NotFoundError when gone
    context: str
    saved_after: str  #: "{who} saved … at {when}, after you opened it …"
    not_own: str  #: the server's row-level security hid the row from this login's UPDATE

    def write(self, record_id: int, expected: int | None, stored: int, **values) -> int:
        """UPDATE the row only while it still holds the version read (``expected`` when given, else ``stored``),
        adding one to it; the version it now has. The condition is in the UPDATE itself, so two clerks saving at
        once cannot both pass."""
        if expected is not None and expected != stored:
            raise self.conflict(record_id)
        version = expected if expected is not None else stored
        model = self.model
        changed = (model.update(version=model.version + 1, **values)
                   .where((model.id == record_id) & (model.version == version)).execute())
        if not changed:
            raise self.conflict(record_id, version)
        return version + 1

    def conflict(self, record_id: int, tried: int | None = None) -> ServiceError:
        """Why a save was refused: the record as someone else stored it (who, when), or that it is gone; or, when it
        still holds the version ``tried``, that the server's row-level security hid it from this login's UPDATE."""
        try:
            theirs = self.get(record_id)
        except NotFoundError as exc:
            return exc
        if tried is not None and theirs.version == tried:
            return ServiceError(translate(self.context, self.not_own))
        last = audit.history(self.record_type, record_id)
        who = last[-1].who if last else ""
        when = last[-1].local_time if last else getattr(theirs, "updated_at", None)
        message = translate(self.context, self.saved_after).format(
            who=who or _tr("Another clerk"), when=when.strftime("%Y-%m-%d %H:%M") if when else "?")
        return ConflictError(message, theirs, who, when)


def merged(opened, theirs, mine):
    """What to edit again after a refused save (three values of one input dataclass): every field the clerk changed
    since opening the record keeps what they typed; the others take what the other clerk stored."""
    return type(mine)(**{f.name: getattr(mine if getattr(mine, f.name) != getattr(opened, f.name) else theirs, f.name)
                         for f in fields(mine)})
