"""Awareness surveys as tables: the survey list and the per-village summary, and how rates read.

A rate always comes with its 95 % Wilson interval; zero respondents reads "no data", never 0 %.
A village is judged against the 80 % target on its pooled rate, as the coverage engine does; the
interval says how firm that judgement is.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import surveys
from outreach_desk.services.coverage.surveys import AwarenessFigures, Interval, SurveyRecord
from outreach_desk.ui.records.table import MET_COLOUR, NO_DATA_COLOUR, SHORT_COLOUR, RecordListModel, percent
from outreach_desk.ui.widgets.row_model import Column

CONTEXT = "SurveyModel"
MET, UNSURE_MET, UNSURE_SHORT, SHORT, NO_DATA = "met", "unsure_met", "unsure_short", "short", "no_data"
_STATUS_TEXTS = {
    MET: QT_TRANSLATE_NOOP("SurveyModel", "Meets the {target} target"),
    UNSURE_MET: QT_TRANSLATE_NOOP("SurveyModel", "Meets the {target} target (interval reaches below it)"),
    UNSURE_SHORT: QT_TRANSLATE_NOOP("SurveyModel", "Below the {target} target (interval reaches it)"),
    SHORT: QT_TRANSLATE_NOOP("SurveyModel", "Below the {target} target"),
    NO_DATA: QT_TRANSLATE_NOOP("SurveyModel", "No data"),
}


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def no_data_text() -> str:
    return _tr("No data")


def rate_text(figures: AwarenessFigures) -> str:
    return percent(figures.rate) if figures.has_data else no_data_text()


def interval_text(interval: Interval | None) -> str:
    """``78.1%–90.2%``, the form the list, the summary and the form all use."""
    if interval is None:
        return no_data_text()
    return f"{percent(interval.low)}–{percent(interval.high)}"


def target_status(figures: AwarenessFigures, target: float = surveys.TARGET_RATE) -> str:
    if not figures.has_data:
        return NO_DATA
    interval = figures.interval
    if figures.rate >= target:
        return MET if interval.low >= target else UNSURE_MET
    return SHORT if interval.high < target else UNSURE_SHORT


def status_text(status: str, target: float = surveys.TARGET_RATE) -> str:
    return _tr(_STATUS_TEXTS[status]).format(target=f"{target * 100:.0f}%")


def status_colour(status: str) -> QColor:
    if status == NO_DATA:
        return NO_DATA_COLOUR
    return MET_COLOUR if status in (MET, UNSURE_MET) else SHORT_COLOUR


#: the columns the survey list and the villages' summary share
_VILLAGE = Column("village", QT_TRANSLATE_NOOP("SurveyModel", "Village / community"))
_FIGURES = (
    Column("respondents", QT_TRANSLATE_NOOP("SurveyModel", "Respondents"), numeric=True),
    Column("aware", QT_TRANSLATE_NOOP("SurveyModel", "Aware"), numeric=True),
    Column("rate", QT_TRANSLATE_NOOP("SurveyModel", "Awareness rate"), numeric=True),
    Column("interval", QT_TRANSLATE_NOOP("SurveyModel", "95% interval"), numeric=True),
)
_FIGURE_KEYS = frozenset(c.key for c in _FIGURES)


def _figures_cell(figures: AwarenessFigures, key: str, blank_without_data: bool = False) -> str:
    """The text of one of the ``_FIGURES`` columns; ``blank_without_data``: only the rate says "no data"."""
    if key == "rate":
        return rate_text(figures)
    if blank_without_data and not figures.has_data:
        return ""
    return interval_text(figures.interval) if key == "interval" else str(getattr(figures, key))


class SurveyListModel(RecordListModel):
    CONTEXT = CONTEXT
    COLUMNS = (Column("date", QT_TRANSLATE_NOOP("SurveyModel", "Date")), _VILLAGE,
               Column("method", QT_TRANSLATE_NOOP("SurveyModel", "Method")), *_FIGURES,
               Column("notes", QT_TRANSLATE_NOOP("SurveyModel", "Notes")))

    def display(self, row: SurveyRecord, key: str) -> str:
        if key == "village":
            return row.village_name
        if key == "method":
            return surveys.method_label(row.method)
        if key in _FIGURE_KEYS:
            return _figures_cell(row.figures, key)
        return super().display(row, key)

    def background(self, row: SurveyRecord, key: str) -> QColor | None:
        return status_colour(target_status(row.figures)) if key == "rate" else None

    def tooltip(self, row: SurveyRecord, key: str) -> str | None:
        if key in ("rate", "interval"):
            return status_text(target_status(row.figures))
        return super().tooltip(row, key)


@dataclass(frozen=True)
class VillageAwareness:
    village_id: int
    name: str
    figures: AwarenessFigures

    @property
    def status(self) -> str:
        return target_status(self.figures)


class SurveySummaryModel(RecordListModel):
    """One row per village: its surveys pooled over the chosen period (villages without any read "no data")."""

    CONTEXT = CONTEXT
    COLUMNS = (_VILLAGE, *_FIGURES, Column("status", QT_TRANSLATE_NOOP("SurveyModel", "Against the target")))

    def row_id(self, row: VillageAwareness) -> int:
        return row.village_id

    def display(self, row: VillageAwareness, key: str) -> str:
        if key == "village":
            return row.name
        if key in _FIGURE_KEYS:
            return _figures_cell(row.figures, key, blank_without_data=True)
        return status_text(row.status)

    def background(self, row: VillageAwareness, key: str) -> QColor | None:
        return status_colour(row.status) if key in ("rate", "status") else None

    def tooltip(self, row: VillageAwareness, key: str) -> str | None:
        return row.figures.hint if key in ("rate", "interval", "status") else None
