"""The awareness survey slip: village, date, respondents, aware count, method, notes.

While the clerk types, the rate, its 95 % interval against the 80 % target and the sample-size
hint are worked out under the numbers; more aware than asked is refused beside the field at once.
The date, village and method of the last saved survey start the next one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from outreach_desk.services import ledger_query
from outreach_desk.services.coverage import surveys
from outreach_desk.services.coverage.surveys import AwarenessFigures, SurveyInput, SurveyRecord
from outreach_desk.services.errors import FieldError
from outreach_desk.ui.entry.fields import SearchCombo, parse_count
from outreach_desk.ui.records.commands import SURVEYS
from outreach_desk.ui.records.form import RecordForm, int_or_none
from outreach_desk.ui.records.table import percent
from outreach_desk.ui.records.survey_model import interval_text, status_colour, status_text, target_status

#: fields checked while typing (the others are checked on saving)
LIVE_FIELDS = ("respondents", "aware")


class SurveyForm(RecordForm):
    KIND = SURVEYS
    SETTINGS_GROUP = "surveys"
    FOCUS_ORDER = ("date", "village", "respondents", "aware", "method", "notes")
    DEFAULT_FOCUS = "village"
    EDIT_FOCUS = "respondents"

    # ------------------------------------------------------------------ fields
    def build_fields(self) -> None:
        self.village_combo = SearchCombo("villageCombo", self)
        self.village_combo.currentTextChanged.connect(lambda _text: self.edited("village"))
        self.respondents_edit = self.count_edit("respondents", "0")
        self.aware_edit = self.count_edit("aware", "0")
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("methodCombo")
        self._methods = list(surveys.METHODS)
        for code in self._methods:
            self.method_combo.addItem(surveys.method_label(code))
        self.notes_edit = self.notes_field(self.tr("e.g. surveyed at the market fair"))
        self.rate_label = self.live_label("surveyRate")
        self.status_label = self.live_label("surveyStatus")
        self.hint_label = self.live_label("surveyHint", wrap=True)
        self.hint_label.setStyleSheet("QLabel { color: #555; }")

        self.add_row(self.tr("&Village"), "village", self.village_combo)
        self.add_row(self.tr("&Respondents"), "respondents", self.respondents_edit)
        self.add_row(self.tr("&Aware / correct"), "aware", self.aware_edit)
        self.form_layout.addRow(self.tr("Awareness rate"), self.rate_label)
        self.form_layout.addRow("", self.status_label)
        self.form_layout.addRow("", self.hint_label)
        self.add_row(self.tr("&Method"), "method", self.method_combo)
        self.add_row(self.tr("&Notes"), "notes", self.notes_edit)

    def reload_choices(self) -> None:
        villages = ledger_query.village_choices()
        several = len({township for _id, _name, township in villages}) > 1
        self.village_combo.set_items([
            (self.tr("{township} · {village}").format(township=township, village=name) if several else name, vid)
            for vid, name, township in villages])

    # ------------------------------------------------------------------ reading and filling
    def current_input(self) -> tuple[SurveyInput, list[FieldError]]:
        problems = []
        village_id, known = self.village_combo.value()
        if not known:
            problems.append(FieldError("village", self.tr("There is no village or community called {name}.").format(
                name=self.village_combo.currentText().strip())))
        index = self.method_combo.currentIndex()
        data = SurveyInput(
            village_id=village_id or 0,
            date=self.date_edit.date().toPython(),
            respondents=parse_count(self.respondents_edit.text(), None),
            aware=parse_count(self.aware_edit.text(), None),
            method=self._methods[index] if index >= 0 else "",
            notes=self.notes_edit.text().strip(),
        )
        return data, problems

    def validate(self, data: SurveyInput) -> list[FieldError]:
        return surveys.validate(data)

    def fill(self, record: SurveyRecord) -> None:
        from PySide6.QtCore import QDate

        self.date_edit.setDate(QDate(record.date))
        self.village_combo.set_value(record.village_id)
        self.respondents_edit.setText(str(record.respondents))
        self.aware_edit.setText(str(record.aware))
        self._set_method(record.method)
        self.notes_edit.setText(record.notes)

    def _set_method(self, code) -> None:
        self.method_combo.setCurrentIndex(self._methods.index(code) if code in self._methods else 0)

    def clear_per_record_fields(self) -> None:
        for edit in (self.respondents_edit, self.aware_edit, self.notes_edit):
            edit.clear()

    def restore_remembered(self, settings) -> None:
        self.village_combo.set_value(int_or_none(settings.value(f"{self.SETTINGS_GROUP}/village")))
        self._set_method(settings.value(f"{self.SETTINGS_GROUP}/method", "questionnaire"))

    def remember(self, settings, data: SurveyInput) -> None:
        settings.setValue(f"{self.SETTINGS_GROUP}/village", data.village_id)
        settings.setValue(f"{self.SETTINGS_GROUP}/method", data.method)

    def learner_values(self, data: SurveyInput) -> dict:
        return {"date": data.date, "village": data.village_id, "respondents": data.respondents,
                "aware": data.aware, "method": data.method, "notes": data.notes}

    def set_village(self, village_id: int | None) -> None:
        """Preselect a village (the page follows the organisation tree) unless a record is open."""
        if self.editing_id is None and village_id is not None:
            self.village_combo.set_value(village_id)

    # ------------------------------------------------------------------ titles
    def new_title(self) -> str:
        return self.tr("New awareness survey")

    def editing_title(self, record: SurveyRecord) -> str:
        return self.tr("Editing the survey of {date} · {village}").format(
            date=record.date.isoformat(), village=record.village_name)

    # ------------------------------------------------------------------ worked out while typing
    def update_live(self) -> None:
        data, _problems = self.current_input()
        typed = self.respondents_edit.text().strip() and self.aware_edit.text().strip()
        errors = {e.field: e.message for e in surveys.validate(data) if e.field in LIVE_FIELDS} if typed else {}
        for field in LIVE_FIELDS:
            self.show_field_error(field, errors.get(field, ""))
        respondents = data.respondents if isinstance(data.respondents, int) and data.respondents >= 0 else None
        figures = None
        if respondents is not None and not errors:
            figures = AwarenessFigures(respondents, data.aware if isinstance(data.aware, int) else 0)
        self._show_figures(figures, typed and not errors)

    def _show_figures(self, figures: AwarenessFigures | None, complete: bool) -> None:
        needed = surveys.respondents_needed(figures.rate if figures is not None else None)
        if figures is None or not complete and figures.has_data:
            self.rate_label.setText("—")
            self.status_label.clear()
            self.status_label.hide()
        elif not figures.has_data:
            self.rate_label.setText(self.tr("No data (nobody was asked)"))
            self.status_label.clear()
            self.status_label.hide()
        else:
            self.rate_label.setText(self.tr("{rate} · 95% interval {interval}").format(
                rate=percent(figures.rate), interval=interval_text(figures.interval)))
            status = target_status(figures)
            self.status_label.setText(status_text(status))
            colour = status_colour(status).name()
            self.status_label.setStyleSheet(f"QLabel {{ background: {colour}; padding: 2px 4px; }}")
            self.status_label.show()
        hint = self.tr("A margin of ±5 points takes about {needed} questionnaires").format(needed=needed)
        if figures is not None and 0 < figures.respondents < needed:
            hint += self.tr(" ({more} more)").format(more=needed - figures.respondents)
        self.hint_label.setText(hint)
