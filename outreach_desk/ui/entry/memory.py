"""What the entry form remembers between slips: the last village, kind and date (also across
sessions, in QSettings, per database file: another database's ids mean other villages), the photo
folder last used, and which field the next slip starts on.
"""

from __future__ import annotations

import hashlib
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt

if TYPE_CHECKING:
    from outreach_desk.services.ledger import ActivityInput


SETTINGS_GROUP = "entry"
FOCUS_HISTORY = 20


class FocusLearner:
    """Which field to start the next record on: the one that changed most often between recent saves.

    Ties go to the field that comes first in Tab order; without history, ``default``.
    """

    def __init__(self, fields: tuple[str, ...], default: str):
        self._fields = fields
        self._default = default
        self._last: dict | None = None
        self._changes: deque[set[str]] = deque(maxlen=FOCUS_HISTORY)

    def record(self, values: dict) -> None:
        if self._last is not None:
            self._changes.append({f for f in self._fields if values.get(f) != self._last.get(f)})
        self._last = dict(values)

    def record_input(self, data: ActivityInput) -> None:
        """Record a saved slip, by the form's field names."""
        self.record({
            "date": data.date, "village": data.village_id, "site": data.site_id, "kind": data.kind_id,
            "member_unit": data.member_unit_id, "quantity": data.quantity, "people": data.people,
            "audiences": data.audiences, "topics": data.topics, "place_note": data.place_note, "notes": data.notes,
        })

    def next_field(self, available: set[str]) -> str:
        counts = {f: sum(f in changed for changed in self._changes) for f in self._fields if f in available}
        best = max(counts.values(), default=0)
        if best:
            return next(f for f in self._fields if counts.get(f) == best)
        if self._default in available:
            return self._default
        return next(f for f in self._fields if f in available)


def database_group(database_key: Path | str) -> str:
    """The settings group of one database's remembered choices (a file's resolved path or a server's URL,
    hashed)."""
    text = str(database_key)
    if "://" not in text:
        text = str(Path(text).resolve())
    key = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    return f"{SETTINGS_GROUP}/db-{key}"


class LastChoices:
    """The village, kind and date of the last new record (per database), and the last photo folder, in QSettings."""

    def __init__(self, settings: QSettings, database_path: Path | str | None = None):
        self._settings = settings
        self._group = database_group(database_path) if database_path is not None else SETTINGS_GROUP

    def date(self) -> QDate | None:
        remembered = QDate.fromString(str(self._settings.value(f"{self._group}/date", "") or ""),
                                      Qt.DateFormat.ISODate)
        return remembered if remembered.isValid() else None

    def village_id(self) -> int | None:
        return _int_or_none(self._settings.value(f"{self._group}/village"))

    def kind_id(self) -> int | None:
        return _int_or_none(self._settings.value(f"{self._group}/kind"))

    def remember(self, data: ActivityInput) -> None:
        self._settings.setValue(f"{self._group}/date", data.date.isoformat())
        self._settings.setValue(f"{self._group}/village", data.village_id)
        self._settings.setValue(f"{self._group}/kind", data.kind_id)

    def photo_folder(self) -> str:
        return str(self._settings.value(f"{SETTINGS_GROUP}/photo_folder", "") or "")

    def remember_photo_folder(self, first_file: str) -> None:
        self._settings.setValue(f"{SETTINGS_GROUP}/photo_folder", str(Path(first_file).parent))


def _int_or_none(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
