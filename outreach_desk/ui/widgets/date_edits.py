"""Date fields as every page shows them: a calendar to pick from and ISO dates (2026-11-28), or "any date".

An optional field reads "any date" (the caller's words) at :data:`NO_DATE`, its lowest value, one day
before the earliest date a record may have; :func:`date_or_none` turns that back into None.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

NO_DATE = QDate(1999, 12, 31)


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def optional_date_edit(parent: QWidget, name: str, no_date_text: str) -> QDateEdit:
    """A date field that starts at "any date" (``no_date_text``) and goes back to it at its lowest value."""
    edit = date_edit(parent, name)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(no_date_text)
    edit.setDate(NO_DATE)
    return edit


def date_or_none(edit: QDateEdit) -> dt.date | None:
    date = edit.date()
    return None if date == NO_DATE else date.toPython()
