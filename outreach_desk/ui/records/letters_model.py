"""Parent letters as tables: the batches handed out, and each school's totals against 100 % signed.

Schools come from the organisation (sites of kind school), village by village; a school with no
letters yet is listed too, so the clerk sees it is missing. Schools below 100 % are tinted.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from outreach_desk.i18n import translate
from outreach_desk.services import organisation
from outreach_desk.services.coverage.letters import LetterFigures, LetterRecord
from outreach_desk.ui.records.table import MET_COLOUR, SHORT_COLOUR, RecordListModel, percent
from outreach_desk.ui.widgets.row_model import Column

CONTEXT = "LettersModel"
#: a school below 100 %: its whole row is tinted, its rate cell coloured
SHORT_ROW_COLOUR = QColor("#fde7e4")


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class School:
    site_id: int
    name: str
    village_id: int
    village_name: str
    students: int  #: from the organisation, to start a whole-school batch with


def school_choices() -> list[School]:
    """Every school, village by village (in the organisation's order)."""
    tree = organisation.load_tree()
    return [School(site.id, site.name, village.id, village.name, site.students)
            for village in tree.all_villages() for site in tree.sites.get(village.id, []) if site.kind == "school"]


def signed_in_full(figures: LetterFigures | None) -> bool:
    """Every student's letter signed back: the target, and what keeps a row untinted."""
    rate = figures.signed_rate if figures is not None else None
    return rate is not None and rate >= 1


def signed_rate_text(figures: LetterFigures) -> str:
    rate = figures.signed_rate
    return percent(rate) if rate is not None else _tr("No data")


#: the columns the batch list and the schools' summary share
_SCHOOL = Column("school", QT_TRANSLATE_NOOP("LettersModel", "School"))
_FIGURES = (
    Column("students", QT_TRANSLATE_NOOP("LettersModel", "Students"), numeric=True),
    Column("issued", QT_TRANSLATE_NOOP("LettersModel", "Issued"), numeric=True),
    Column("signed", QT_TRANSLATE_NOOP("LettersModel", "Signed back"), numeric=True),
    Column("rate", QT_TRANSLATE_NOOP("LettersModel", "Signed rate"), numeric=True),
    Column("not_signed", QT_TRANSLATE_NOOP("LettersModel", "Not yet signed"), numeric=True),
)
_FIGURE_KEYS = frozenset(c.key for c in _FIGURES)


def _figures_cell(figures: LetterFigures, key: str) -> str:
    """The text of one of the ``_FIGURES`` columns."""
    if key == "rate":
        return signed_rate_text(figures)
    return str(getattr(figures, key))


class LetterListModel(RecordListModel):
    CONTEXT = CONTEXT
    COLUMNS = (Column("date", QT_TRANSLATE_NOOP("LettersModel", "Date")), _SCHOOL,
               Column("class_name", QT_TRANSLATE_NOOP("LettersModel", "Class")), *_FIGURES,
               Column("notes", QT_TRANSLATE_NOOP("LettersModel", "Notes")))

    def display(self, row: LetterRecord, key: str) -> str:
        if key == "school":
            return row.site_name
        if key == "class_name":
            return row.class_name or _tr("Whole school")
        if key in _FIGURE_KEYS:
            return _figures_cell(row.figures, key)
        return super().display(row, key)

    def background(self, row: LetterRecord, key: str) -> QColor | None:
        if key != "rate":
            return None
        return MET_COLOUR if signed_in_full(row.figures) else SHORT_COLOUR

    def tooltip(self, row: LetterRecord, key: str) -> str | None:
        if key == "not_signed" and row.figures.not_issued:
            return _tr("{count} students have not been given a letter.").format(count=row.figures.not_issued)
        return super().tooltip(row, key)


@dataclass(frozen=True)
class SchoolLetters:
    school: School
    figures: LetterFigures | None  #: None: no letters recorded in the period

    @property
    def complete(self) -> bool:
        return signed_in_full(self.figures)


class LetterSummaryModel(RecordListModel):
    """One row per school: its batches summed over the chosen period."""

    CONTEXT = CONTEXT
    COLUMNS = (_SCHOOL, Column("village", QT_TRANSLATE_NOOP("LettersModel", "Village / community")), *_FIGURES)

    def row_id(self, row: SchoolLetters) -> int:
        return row.school.site_id

    def display(self, row: SchoolLetters, key: str) -> str:
        if key == "school":
            return row.school.name
        if key == "village":
            return row.school.village_name
        figures = row.figures
        if figures is None:
            if key == "students":
                return str(row.school.students) if row.school.students else ""
            return _tr("No letters yet") if key == "rate" else ""
        return _figures_cell(figures, key)

    def background(self, row: SchoolLetters, key: str) -> QColor | None:
        if key == "rate":
            return MET_COLOUR if row.complete else SHORT_COLOUR
        return None if row.complete else SHORT_ROW_COLOUR

    def tooltip(self, row: SchoolLetters, key: str) -> str | None:
        if row.figures is None:
            return _tr("No parent letters are recorded for this school in the period.")
        if not row.complete:
            return _tr("{signed} of {students} students' letters signed back; {missing} still missing.").format(
                signed=row.figures.signed, students=row.figures.students,
                missing=max(0, row.figures.students - row.figures.signed))
        return None
