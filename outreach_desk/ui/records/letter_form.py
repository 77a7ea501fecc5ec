"""The parent-letter slip: school, date, class (optional), students, letters issued and signed back.

Choosing a school fills in its number of students for a whole-school batch. While typing, the
signed rate against 100 % and what is still missing are worked out, and a number that contradicts
another (more signed than issued, more issued than students) is refused beside its field at once.
Opening a stored batch puts the cursor on "signed back", the figure clerks update most.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit

from outreach_desk.services.coverage import letters
from outreach_desk.services.coverage.letters import LetterFigures, LetterInput, LetterRecord
from outreach_desk.services.errors import FieldError
from outreach_desk.ui.entry.fields import SearchCombo, parse_count
from outreach_desk.ui.records.letters_model import School, school_choices
from outreach_desk.ui.records.commands import LETTERS
from outreach_desk.ui.records.form import RecordForm, int_or_none
from outreach_desk.ui.records.table import MET_COLOUR, SHORT_COLOUR, percent

#: fields checked while typing (the others are checked on saving)
LIVE_FIELDS = ("students", "issued", "signed")


class LetterForm(RecordForm):
    KIND = LETTERS
    SETTINGS_GROUP = "letters"
    FOCUS_ORDER = ("date", "school", "class_name", "students", "issued", "signed", "notes")
    DEFAULT_FOCUS = "school"
    EDIT_FOCUS = "signed"

    # ------------------------------------------------------------------ fields
    def build_fields(self) -> None:
        self._schools: dict[int, School] = {}
        self.school_combo = SearchCombo("schoolCombo", self)
        self.school_combo.currentTextChanged.connect(lambda _text: self.edited("school"))
        self.school_combo.currentIndexChanged.connect(self._prefill_students)
        self.class_edit = QLineEdit(self)
        self.class_edit.setObjectName("classEdit")
        self.class_edit.setMaxLength(50)
        self.class_edit.setPlaceholderText(self.tr("empty: the whole school"))
        self.class_edit.textEdited.connect(lambda: self.edited("class_name"))
        self.students_edit = self.count_edit("students")
        self.issued_edit = self.count_edit("issued")
        self.signed_edit = self.count_edit("signed", "0")
        self.notes_edit = self.notes_field()
        self.rate_label = self.live_label("letterRate")
        self.missing_label = self.live_label("letterMissing")

        self.add_row(self.tr("&School"), "school", self.school_combo)
        self.add_row(self.tr("C&lass"), "class_name", self.class_edit)
        self.add_row(self.tr("S&tudents"), "students", self.students_edit)
        self.add_row(self.tr("Letters &issued"), "issued", self.issued_edit)
        self.add_row(self.tr("Signed &back"), "signed", self.signed_edit)
        self.form_layout.addRow(self.tr("Signed rate"), self.rate_label)
        self.form_layout.addRow("", self.missing_label)
        self.add_row(self.tr("&Notes"), "notes", self.notes_edit)

    def reload_choices(self) -> None:
        schools = school_choices()
        self._schools = {s.site_id: s for s in schools}
        self.school_combo.set_items([(self.tr("{school} ({village})").format(school=s.name, village=s.village_name),
                                      s.site_id) for s in schools])

    def _prefill_students(self) -> None:
        """A whole-school batch starts with the school's number of students (typed numbers are kept)."""
        school = self._schools.get(self.school_combo.value()[0])
        if school is not None and school.students and self.editing_id is None \
                and not self.class_edit.text().strip() and not self.students_edit.text().strip():
            self.students_edit.setText(str(school.students))
            self.update_live()

    # ------------------------------------------------------------------ reading and filling
    def current_input(self) -> tuple[LetterInput, list[FieldError]]:
        problems = []
        site_id, known = self.school_combo.value()
        if not known:
            problems.append(FieldError("school", self.tr("There is no school called {name}.").format(
                name=self.school_combo.currentText().strip())))
        data = LetterInput(
            site_id=site_id or 0,
            date=self.date_edit.date().toPython(),
            students=parse_count(self.students_edit.text(), None),
            issued=parse_count(self.issued_edit.text(), None),
            signed=parse_count(self.signed_edit.text(), 0),
            class_name=self.class_edit.text().strip(),
            notes=self.notes_edit.text().strip(),
        )
        return data, problems

    def validate(self, data: LetterInput) -> list[FieldError]:
        # the service calls the school "site"; the form's field is "school"
        return [FieldError("school", e.message) if e.field == "site" else e
                for e in letters.validate(data, exclude_id=self.editing_id)]

    def fill(self, record: LetterRecord) -> None:
        self.date_edit.setDate(QDate(record.date))
        self.school_combo.set_value(record.site_id)
        self.class_edit.setText(record.class_name)
        self.students_edit.setText(str(record.students))
        self.issued_edit.setText(str(record.issued))
        self.signed_edit.setText(str(record.signed))
        self.notes_edit.setText(record.notes)

    def clear_per_record_fields(self) -> None:
        for edit in (self.class_edit, self.students_edit, self.issued_edit, self.signed_edit, self.notes_edit):
            edit.clear()
        self._prefill_students()

    def restore_remembered(self, settings) -> None:
        self.school_combo.set_value(int_or_none(settings.value(f"{self.SETTINGS_GROUP}/school")))

    def remember(self, settings, data: LetterInput) -> None:
        settings.setValue(f"{self.SETTINGS_GROUP}/school", data.site_id)

    def learner_values(self, data: LetterInput) -> dict:
        return {"date": data.date, "school": data.site_id, "class_name": data.class_name, "students": data.students,
                "issued": data.issued, "signed": data.signed, "notes": data.notes}

    def set_school(self, site_id: int | None) -> None:
        """Preselect a school (the page follows the organisation tree) unless a record is open."""
        if self.editing_id is None and site_id in self._schools:
            self.school_combo.set_value(site_id)

    # ------------------------------------------------------------------ titles
    def new_title(self) -> str:
        return self.tr("New parent letters")

    def editing_title(self, record: LetterRecord) -> str:
        return self.tr("Editing the letters of {date} · {school}").format(
            date=record.date.isoformat(), school=record.site_name + (f" {record.class_name}" if record.class_name
                                                                       else ""))

    # ------------------------------------------------------------------ worked out while typing
    def update_live(self) -> None:
        data, _problems = self.current_input()
        errors = {e.field: e.message for e in letters.validate(data, exclude_id=self.editing_id)
                  if e.field in LIVE_FIELDS and self._typed(e.field)}
        for field in LIVE_FIELDS:
            self.show_field_error(field, errors.get(field, ""))
        numbers = (data.students, data.issued, data.signed)
        if errors or not all(isinstance(n, int) for n in numbers) or data.students < 1:
            self.rate_label.setText("—")
            self.rate_label.setStyleSheet("")
            self.missing_label.clear()
            self.missing_label.hide()
            return
        figures = LetterFigures(*numbers)
        complete = figures.signed_rate >= 1
        self.rate_label.setText(self.tr("{rate} (target 100%)").format(rate=percent(figures.signed_rate)))
        colour = (MET_COLOUR if complete else SHORT_COLOUR).name()
        self.rate_label.setStyleSheet(f"QLabel {{ background: {colour}; padding: 2px 4px; }}")
        self.missing_label.setText(self.tr("Not yet signed: {not_signed} · not yet issued: {not_issued}").format(
            not_signed=figures.not_signed, not_issued=figures.not_issued))
        self.missing_label.show()

    def _typed(self, field: str) -> bool:
        edit = {"students": self.students_edit, "issued": self.issued_edit, "signed": self.signed_edit}[field]
        return bool(edit.text().strip())
