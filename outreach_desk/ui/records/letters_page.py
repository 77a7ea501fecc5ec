"""The parent-letter page (家长信): batches of letters per school or class, and each school's totals.

The list shows every batch with its signed rate and what is not yet signed; under it, one row per
school sums its batches over the chosen period against 100 % signed, schools short of it tinted.
The area filter lists schools village by village; choosing a school starts the next slip on it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.services import ledger_query
from outreach_desk.services.coverage import letters
from outreach_desk.services.coverage.periods import Period
from outreach_desk.ui.records.letter_form import LetterForm
from outreach_desk.ui.records.letters_model import LetterListModel, LetterSummaryModel, SchoolLetters, school_choices
from outreach_desk.ui.records.commands import LETTERS
from outreach_desk.ui.records.page import RecordPage, TableSpec

#: the tab title, for main_window.PAGES
TAB_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Parent letters")


class LettersPage(RecordPage):
    KIND = LETTERS
    SETTINGS_PREFIX = "letters"
    PAGE_NAME = "lettersPage"
    LIST = TableSpec(LetterListModel, "letterTable", {"date": 96, "school": 130, "class_name": 90, "students": 70,
                                                      "issued": 70, "signed": 80, "rate": 80, "not_signed": 90})
    SUMMARY = TableSpec(LetterSummaryModel, "letterSummary", {"school": 130, "village": 110, "students": 70,
                                                              "issued": 70, "signed": 80, "rate": 80})
    SUMMARY_AREA = "site"
    FORM, FORM_NAME = LetterForm, "letterForm"

    def __init__(self, context, parent=None):
        self._schools = []
        super().__init__(context, parent)

    def area_title(self) -> str:
        return self.tr("School")

    def area_items(self):
        self._schools = school_choices()
        items = [(self.tr("All schools"), None)]
        village_id = None
        for school in self._schools:
            if school.village_id != village_id:
                village_id = school.village_id
                items.append((self.tr("{village}: all schools").format(village=school.village_name),
                              ("village", village_id)))
            items.append(("\u3000" + school.name, ("site", school.site_id)))
        return items

    def area_of_scope(self, village_id, site_id):
        if site_id is not None and any(s.site_id == site_id for s in self._schools):
            return ("site", site_id)
        if village_id is None and site_id is not None:
            village_id = ledger_query.site_village(site_id)
        if village_id is not None and any(s.village_id == village_id for s in self._schools):
            return ("village", village_id)
        return None

    def area_chosen(self, area) -> None:
        if area is not None and area[0] == "site":
            self.form.set_school(area[1])

    def _in_area(self, site_id: int, village_id: int, area) -> bool:
        return area is None or area == ("site", site_id) or area == ("village", village_id)

    def list_rows(self, start: dt.date | None, end: dt.date | None, area):
        site_id = area[1] if area is not None and area[0] == "site" else None
        return [r for r in letters.list_letters(start, end, site_id=site_id)
                if self._in_area(r.site_id, r.village_id, area)]

    def summary_rows(self, start: dt.date, end: dt.date, area):
        figures = letters.figures_by_school(start, end)
        return [SchoolLetters(school, figures.get(school.site_id)) for school in self._schools
                if self._in_area(school.site_id, school.village_id, area)]

    def summary_heading(self, period: Period | None) -> str:
        if period is None:
            return self.tr("Letters by school, all dates (target: 100% signed back)")
        return self.tr("Letters by school, {start} to {end} (target: 100% signed back)").format(
            start=period.start.isoformat(), end=period.end.isoformat())

    def count_text(self, rows) -> str:
        short = sum(1 for row in self.summary_model.rows() if not row.complete)
        return self.tr("%n batch(es) of letters", "", len(rows)) + " · " + self.tr(
            "%n school(s) below 100%", "", short)
