"""What a row of the file says, in six short columns, for the import preview.

Built from the cells as typed (not from the checked values), so a wrong row is previewed just as
the cadre wrote it, and only when the preview table asks for it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services.excel.cells import is_blank, shown

CONTEXT = "ExcelImport"
HEADERS = (
    QT_TRANSLATE_NOOP("ExcelImport", "Date"),
    QT_TRANSLATE_NOOP("ExcelImport", "Village / community"),
    QT_TRANSLATE_NOOP("ExcelImport", "Site / school"),
    QT_TRANSLATE_NOOP("ExcelImport", "What"),
    QT_TRANSLATE_NOOP("ExcelImport", "Figures"),
    QT_TRANSLATE_NOOP("ExcelImport", "Notes"),
)


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def _cell(cells: dict, key: str) -> str:
    value = cells.get(key)
    if is_blank(value):
        return ""
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return shown(value, 40)


def headers() -> list[str]:
    return [_tr(text) for text in HEADERS]


def row_text(record_type: str, cells: dict) -> tuple[str, ...]:
    """(date, village, site or school, what, figures, notes) of one row."""
    date, village, notes = _cell(cells, "date"), _cell(cells, "village"), _cell(cells, "notes")
    if record_type == "activity":
        figures = _tr("quantity {quantity}, people {people}").format(
            quantity=_cell(cells, "quantity") or "?", people=_cell(cells, "people") or "0")
        return date, village, _cell(cells, "site"), _cell(cells, "kind"), figures, notes
    if record_type == "survey":
        figures = _tr("{aware} of {respondents} aware").format(
            aware=_cell(cells, "aware") or "?", respondents=_cell(cells, "respondents") or "?")
        return date, village, "", _cell(cells, "method") or _tr("Awareness survey"), figures, notes
    place = _cell(cells, "school")
    if _cell(cells, "class_name"):
        place = _tr("{school}, class {class_name}").format(school=place, class_name=_cell(cells, "class_name"))
    figures = _tr("{signed} of {issued} signed back, {students} students").format(
        signed=_cell(cells, "signed") or "0", issued=_cell(cells, "issued") or "?",
        students=_cell(cells, "students") or "?")
    return date, village, place, _tr("Parent letters"), figures, notes
