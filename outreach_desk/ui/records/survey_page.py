"""The awareness survey page (知晓率调查): the surveys, each village's pooled rate, and the slip form.

The list shows every survey with its rate and 95 % interval; under it, one row per village pools
its surveys over the chosen period against the 80 % target (villages not yet surveyed read "no
data"). Choosing a village narrows the list and starts the next slip on that village.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale

from outreach_desk.services import ledger_query
from outreach_desk.services.coverage import surveys
from outreach_desk.services.coverage.periods import Period
from outreach_desk.services.coverage.surveys import AwarenessFigures
from outreach_desk.ui.records.commands import SURVEYS
from outreach_desk.ui.records.page import RecordPage, TableSpec
from outreach_desk.ui.records.survey_form import SurveyForm
from outreach_desk.ui.records.survey_model import SurveyListModel, SurveySummaryModel, VillageAwareness

#: the tab title, for main_window.PAGES
TAB_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Awareness surveys")


class SurveyPage(RecordPage):
    KIND = SURVEYS
    SETTINGS_PREFIX = "surveys"
    PAGE_NAME = "surveyPage"
    LIST = TableSpec(SurveyListModel, "surveyTable", {"date": 96, "village": 120, "method": 110, "respondents": 80,
                                                      "aware": 70, "rate": 80, "interval": 120})
    SUMMARY = TableSpec(SurveySummaryModel, "surveySummary", {"village": 120, "respondents": 80, "aware": 70,
                                                              "rate": 80, "interval": 120})
    SUMMARY_AREA = "village"
    FORM, FORM_NAME = SurveyForm, "surveyForm"

    def area_title(self) -> str:
        return self.tr("Village / community")

    def area_items(self):
        villages = ledger_query.village_choices()
        several = len({township for _id, _name, township in villages}) > 1
        items = [(self.tr("All villages and communities"), None)]
        items += [(self.tr("{township} · {village}").format(township=township, village=name) if several else name,
                   ("village", village_id)) for village_id, name, township in villages]
        return items

    def area_of_scope(self, village_id, site_id):
        if village_id is None and site_id is not None:
            village_id = ledger_query.site_village(site_id)
        return ("village", village_id) if village_id is not None else None

    def area_chosen(self, area) -> None:
        if area is not None:
            self.form.set_village(area[1])

    def list_rows(self, start: dt.date | None, end: dt.date | None, area):
        return surveys.list_surveys(start, end, village_id=area[1] if area else None)

    def summary_rows(self, start: dt.date, end: dt.date, area):
        figures = surveys.figures_by_village(start, end)
        return [VillageAwareness(village_id, name, figures.get(village_id, AwarenessFigures(0, 0)))
                for village_id, name, _township in ledger_query.village_choices()
                if area is None or area[1] == village_id]

    def summary_heading(self, period: Period | None) -> str:
        if period is None:
            return self.tr("Awareness rate by village, all dates (target {target}%)").format(
                target=round(surveys.TARGET_RATE * 100))
        return self.tr("Awareness rate by village, {start} to {end} (target {target}%)").format(
            start=period.start.isoformat(), end=period.end.isoformat(), target=round(surveys.TARGET_RATE * 100))

    def count_text(self, rows) -> str:
        respondents = sum(r.respondents for r in rows)
        return self.tr("%n survey(s) · {respondents} respondents", "", len(rows)).format(
            respondents=QLocale().toString(respondents))
