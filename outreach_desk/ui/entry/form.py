"""The entry form beside the ledger: built for typing a pile of paper slips quickly.

Enter saves and starts the next record with the last village, kind and date kept (also across
sessions, in QSettings), and focus goes to the field that changed most often between the last
saved records. Problems appear in red under the field they concern; a likely double entry is
warned about once and saved on a second Enter. Photos are dropped anywhere on the form or
picked with a file dialog. Every save goes through the undo stack; its slow half (the
double-entry query, copying the photos) runs in a worker, so the form never freezes.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, \
    QVBoxLayout, QWidget

from outreach_desk.services import vocab
from outreach_desk.services.errors import ConflictError, FieldError, NotFoundError, ServiceError, ValidationError
from outreach_desk.ui.entry.choices import EntryChoices
from outreach_desk.ui.entry.fields import (SearchCombo, buddy_label, check_boxes, checkbox_grid, count_edit,
                                           focus_for_typing, parse_count, row_of)
from outreach_desk.ui.entry.memory import FocusLearner, LastChoices
from outreach_desk.ui.widgets.photo_drop import PhotoDropTarget
from outreach_desk.ui.widgets.photo_strip import PhotoStrip
from outreach_desk.ui.entry.typing_buffer import TypingBuffer
from outreach_desk.ui.entry.validation import EntryMessages
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.error_reporting import show_exception
from outreach_desk.ui.shell.tasks import Task, run_task
from outreach_desk.ui.widgets.typed_date_edit import TypedDateEdit

if TYPE_CHECKING:
    from outreach_desk.services import ledger
    from outreach_desk.services.ledger import ActivityInput
    from outreach_desk.ui.entry.saving import Prepared

__all__ = ["EntryForm", "FocusLearner", "SearchCombo", "parse_count"]

#: the fields in Tab order; the next record starts on one of these
FOCUS_ORDER = ("date", "village", "site", "kind", "member_unit", "quantity", "people", "audiences", "topics",
               "place_note", "notes")
EARLIEST_TYPABLE = QDate(1900, 1, 1)
LATEST_TYPABLE = QDate(2099, 12, 31)


class EntryForm(QWidget):
    #: a record was created or changed (its id)
    saved = Signal(int)
    #: a save ended: saved, refused, warned about as a double entry, failed or cancelled
    save_finished = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.editing_id: int | None = None
        self._choices = EntryChoices()
        self._last = LastChoices(context.settings, context.database_key)
        self._confirmed_duplicate: ActivityInput | None = None
        self._loaded_input: ActivityInput | None = None
        self._loaded_version: int | None = None  # the version opened: a save over a later one is refused
        self._saving: Task | None = None
        self._generation = 0  # counts the records opened in the form, so a late save knows it is late
        self._typing = TypingBuffer(self)
        self._save_when_settled = False
        self._photos_refused = False
        self._learner = FocusLearner(FOCUS_ORDER, default="site")
        self._build()
        self.reload_choices()
        self._start_new(focus=False)
        context.data_changed.connect(self._on_data_changed)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("entryTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.messages = EntryMessages(self)
        self.duplicate_label = self.messages.duplicate_label
        self.info_label = self.messages.info_label

        self.date_edit = TypedDateEdit(self, "dateEdit")
        self.date_edit.setDateRange(EARLIEST_TYPABLE, LATEST_TYPABLE)
        self.weekday_label = QLabel(self)
        self.weekday_label.setObjectName("weekdayLabel")
        self.village_combo = SearchCombo("villageCombo", self)
        self.site_combo = SearchCombo("siteCombo", self, none_label=self.tr("(no particular site)"))
        self.kind_combo = SearchCombo("kindCombo", self)
        self.unit_combo = SearchCombo("memberUnitCombo", self, none_label=self.tr("(not recorded)"))
        self.quantity_edit = count_edit(self, "quantityEdit", "1")
        self.unit_label = QLabel(self)
        self.unit_label.setObjectName("kindUnitLabel")
        self.people_edit = count_edit(self, "peopleEdit", "0")
        self.audience_boxes = check_boxes(self, "audience", vocab.AUDIENCES)
        self.topic_boxes = check_boxes(self, "topic", vocab.TOPICS)
        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("placeEdit")
        self.place_edit.setMaxLength(200)
        self.place_edit.setPlaceholderText(self.tr("e.g. square in front of the village committee"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("Shift+Enter starts a new line"))
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.notes_edit.installEventFilter(self)
        self.photo_strip = PhotoStrip(self)
        self.add_photos_button = QPushButton(self.tr("Add photos…"), self)
        self.add_photos_button.setObjectName("addPhotosButton")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveButton")
        self.cancel_button = QPushButton(self.tr("Cancel editing (Esc)"), self)
        self.cancel_button.setObjectName("cancelButton")
        for button in (self.add_photos_button, self.save_button, self.cancel_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        wrap = self.messages.wrap
        form.addRow(buddy_label(self, self.tr("&Date"), self.date_edit),
                    wrap("date", row_of(self, self.date_edit, self.weekday_label)))
        form.addRow(buddy_label(self, self.tr("&Village"), self.village_combo), wrap("village", self.village_combo))
        form.addRow(buddy_label(self, self.tr("S&ite"), self.site_combo), wrap("site", self.site_combo))
        form.addRow(buddy_label(self, self.tr("&Activity"), self.kind_combo), wrap("kind", self.kind_combo))
        form.addRow(buddy_label(self, self.tr("Or&ganised by"), self.unit_combo), wrap("member_unit", self.unit_combo))
        form.addRow(buddy_label(self, self.tr("&Quantity"), self.quantity_edit),
                    wrap("quantity", row_of(self, self.quantity_edit, self.unit_label)))
        form.addRow(buddy_label(self, self.tr("People &reached"), self.people_edit), wrap("people", self.people_edit))
        form.addRow(self.tr("Audience"), wrap("audiences", checkbox_grid(self, self.audience_boxes)))
        form.addRow(self.tr("Fraud topics"), wrap("topics", checkbox_grid(self, self.topic_boxes)))
        form.addRow(buddy_label(self, self.tr("&Place"), self.place_edit), wrap("place_note", self.place_edit))
        form.addRow(buddy_label(self, self.tr("&Notes"), self.notes_edit), wrap("notes", self.notes_edit))
        photo_box = QWidget(self)
        photo_layout = QVBoxLayout(photo_box)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo_strip)
        photo_layout.addWidget(self.add_photos_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Photos"), wrap("photos", photo_box))

        self.button_row = QWidget(self)
        self.button_row.setObjectName("entryButtons")
        buttons = QHBoxLayout(self.button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.info_label)
        layout.addLayout(form)
        layout.addWidget(self.messages.general)
        layout.addWidget(self.duplicate_label)
        layout.addWidget(self.button_row)
        layout.addStretch(1)

        chain = [self.date_edit, self.village_combo, self.site_combo, self.kind_combo, self.unit_combo,
                 self.quantity_edit, self.people_edit, *self.audience_boxes.values(), *self.topic_boxes.values(),
                 self.place_edit, self.notes_edit, self.photo_strip, self.add_photos_button, self.save_button,
                 self.cancel_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

        self._photo_drop = PhotoDropTarget(self, self.add_photo_files)
        self.messages.collect_error_lines(self)

        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.date_edit.refused.connect(lambda _text, why: self.messages.show_field("date", why))
        self.village_combo.currentIndexChanged.connect(self._on_village_changed)
        self.kind_combo.currentIndexChanged.connect(self._show_kind_unit)
        self.add_photos_button.clicked.connect(self.choose_photos)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.new_record)
        self.photo_strip.changed.connect(lambda: self.messages.edited("photos"))
        self.photo_strip.refused.connect(self._show_photo_problems)
        self.photo_strip.settled.connect(self._on_photos_settled)
        self._connect_edits()

    def _connect_edits(self) -> None:
        self.date_edit.dateChanged.connect(lambda: self.messages.edited("date"))
        for name, combo in (("village", self.village_combo), ("site", self.site_combo), ("kind", self.kind_combo),
                            ("member_unit", self.unit_combo)):
            combo.currentTextChanged.connect(lambda _t, n=name: self.messages.edited(n))
        self.quantity_edit.textEdited.connect(lambda: self.messages.edited("quantity"))
        self.people_edit.textEdited.connect(lambda: self.messages.edited("people"))
        self.place_edit.textEdited.connect(lambda: self.messages.edited("place_note"))
        self.notes_edit.textChanged.connect(lambda: self.messages.edited("notes"))
        for name, boxes in (("audiences", self.audience_boxes), ("topics", self.topic_boxes)):
            for box in boxes.values():
                box.toggled.connect(lambda _on, n=name: self.messages.edited(n))

    def take_button_row(self) -> QWidget:
        """Save and Cancel, for a page to keep in sight below a scrolling form (the Tab order stays the form's)."""
        QWidget.setTabOrder(self.add_photos_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)
        return self.button_row

    # ------------------------------------------------------------------ choices
    def reload_choices(self) -> None:
        """Re-read villages, kinds and member units, keeping what is chosen (sites are read per village)."""
        choices = self._choices
        choices.reload()
        several = choices.several_townships()
        self.village_combo.set_items([
            (self.tr("{township} · {village}").format(township=township, village=name) if several else name, vid)
            for vid, name, township in choices.villages])
        chosen_kind, _known = self.kind_combo.value()
        self.kind_combo.set_items([(k.name, k.id) for k in choices.kinds.values() if k.active or k.id == chosen_kind])
        self._fill_village_dependents()
        self._show_kind_unit()

    def _fill_village_dependents(self) -> None:
        village_id, _known = self.village_combo.value()
        sites = self._choices.sites(village_id)
        self.site_combo.set_items([(name, site_id) for site_id, name in sites])
        self.site_combo.setEnabled(bool(sites) or self.site_combo.currentIndex() != 0)
        self.unit_combo.set_items([(u.name, u.id) for u in self._choices.member_units(village_id)])

    def _on_village_changed(self) -> None:
        self._fill_village_dependents()

    def _show_kind_unit(self) -> None:
        kind_id, _known = self.kind_combo.value()
        kind = self._choices.kind(kind_id)
        self.unit_label.setText(kind.unit if kind else "")

    def _on_date_changed(self, date: QDate) -> None:
        """The weekday beside the date, with a warning when the date lies after today."""
        weekday = self.locale().dayName(date.dayOfWeek())
        if date > QDate.currentDate():
            self.weekday_label.setText(self.tr("{weekday} · later than today!").format(weekday=weekday))
            self.weekday_label.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.weekday_label.setText(weekday)
            self.weekday_label.setStyleSheet("")

    def _on_data_changed(self, what: str) -> None:
        if what == "organisation":
            self.reload_choices()
        elif what == "activity" and self.editing_id is not None and not _exists(self.editing_id):
            self.new_record()
            self._show_info(self.tr("The record you were editing no longer exists."))

    # ------------------------------------------------------------------ reading and filling the fields
    def current_input(self) -> tuple[ActivityInput, list[FieldError]]:
        """What the fields say, and the problems only the form can see (names that match nothing)."""
        from outreach_desk.services.ledger import ActivityInput

        problems = []
        if not self.date_edit.commit_typing():
            problems.append(FieldError("date", self.tr("“{text}” is not a date; type it as 2026-11-05, 20261105, "
                                                      "11-5 or 11月5日.").format(text=self.date_edit.text())))
        village_id, known = self.village_combo.value()
        site_id, site_known = self.site_combo.value()
        if not site_known:
            problems.append(FieldError("site", self.tr("{village} has no site called {name}.").format(
                village=self.village_combo.currentText().strip(), name=self.site_combo.currentText().strip())))
        kind_id, _kind_known = self.kind_combo.value()
        unit_id, unit_known = self.unit_combo.value()
        if not unit_known:
            problems.append(FieldError("member_unit", self.tr("There is no member unit called {name}.").format(
                name=self.unit_combo.currentText().strip())))
        data = ActivityInput(
            date=self.date_edit.date().toPython(),
            village_id=village_id or 0,
            kind_id=kind_id or 0,
            quantity=parse_count(self.quantity_edit.text(), 1),
            people=parse_count(self.people_edit.text(), 0),
            site_id=site_id,
            member_unit_id=unit_id,
            audiences=sum(t.bit for t in vocab.AUDIENCES if self.audience_boxes[t.code].isChecked()),
            topics=sum(t.bit for t in vocab.TOPICS if self.topic_boxes[t.code].isChecked()),
            place_note=self.place_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )
        return data, problems

    def _fill(self, data: ActivityInput) -> None:
        self.date_edit.setDate(QDate(data.date))
        self.village_combo.set_value(data.village_id)
        self._fill_village_dependents()
        self.site_combo.set_value(data.site_id)
        self.site_combo.setEnabled(self.site_combo.count() > 1 or data.site_id is not None)
        if data.kind_id not in self.kind_combo.ids():
            kind = self._choices.kind(data.kind_id)
            if kind is not None:
                self.kind_combo.add_choice(kind.name, kind.id)
        self.kind_combo.set_value(data.kind_id)
        self.unit_combo.set_value(data.member_unit_id)
        self.quantity_edit.setText(str(data.quantity))
        self.people_edit.setText(str(data.people) if data.people else "")
        for terms, boxes, mask in ((vocab.AUDIENCES, self.audience_boxes, data.audiences),
                                   (vocab.TOPICS, self.topic_boxes, data.topics)):
            for term in terms:
                boxes[term.code].setChecked(bool(mask & term.bit))
        self.place_edit.setText(data.place_note)
        self.notes_edit.setPlainText(data.notes)

    def _clear_per_record_fields(self) -> None:
        self.site_combo.set_value(None)
        self.unit_combo.set_value(None)
        for edit in (self.quantity_edit, self.people_edit, self.place_edit):
            edit.clear()
        self.notes_edit.clear()
        for box in [*self.audience_boxes.values(), *self.topic_boxes.values()]:
            box.setChecked(False)
        self.photo_strip.clear_photos()

    # ------------------------------------------------------------------ modes
    def new_record(self) -> None:
        """Start a fresh record with the remembered village, kind and date."""
        self._start_new(focus=True)

    def _start_new(self, focus: bool) -> None:
        self._generation += 1
        self.editing_id = None
        self.date_edit.setDate(self._last.date() or QDate.currentDate())
        self._on_date_changed(self.date_edit.date())
        self.village_combo.set_value(self._last.village_id())
        self._fill_village_dependents()
        self.kind_combo.set_value(self._last.kind_id())
        self._clear_per_record_fields()
        self._show_kind_unit()
        self._show_mode()
        self._clear_messages()
        if focus:
            self.focus_field(self._learner.next_field(self._available_fields()))

    def load_record(self, activity_id: int) -> None:
        """Open a stored record for editing; Save updates it, Esc goes back to a new record."""
        from outreach_desk.services import ledger, photos

        try:
            record = ledger.get(activity_id)
            stored_photos = photos.list_photos(activity_id)
        except NotFoundError as exc:
            self._show_info(str(exc))
            return
        except Exception as exc:
            show_exception(self, exc)
            return
        self._generation += 1
        self.editing_id = activity_id
        self._loaded_input, self._loaded_version = record.as_input(), record.version
        self._fill(record)
        self.photo_strip.set_stored(stored_photos)
        self._show_mode(record)
        self._clear_messages()
        self.focus_field("date")

    def _show_mode(self, record: ledger.ActivityRecord | None = None) -> None:
        editing = record is not None
        if editing:
            self.title.setText(self.tr("Editing the record of {date} · {village}").format(
                date=record.date.isoformat(), village=self._choices.village_name(record.village_id)))
            self.save_button.setText(self.tr("Save changes (Enter)"))
        else:
            self.title.setText(self.tr("New record"))
            self.save_button.setText(self.tr("Save (Enter)"))
        self.cancel_button.setVisible(editing)

    def _available_fields(self) -> set[str]:
        fields = set(FOCUS_ORDER)
        if not self.site_combo.isEnabled():
            fields.discard("site")
        return fields

    def focus_field(self, name: str) -> None:
        """Put the cursor in a field, ready to type over what it holds."""
        focus_for_typing(self.field_widget(name))

    def field_widget(self, name: str) -> QWidget:
        return {
            "date": self.date_edit, "village": self.village_combo, "site": self.site_combo,
            "kind": self.kind_combo, "member_unit": self.unit_combo, "quantity": self.quantity_edit,
            "people": self.people_edit, "audiences": next(iter(self.audience_boxes.values())),
            "topics": next(iter(self.topic_boxes.values())), "place_note": self.place_edit,
            "notes": self.notes_edit, "photos": self.photo_strip,
        }[name]

    # ------------------------------------------------------------------ saving
    @property
    def saving(self) -> bool:
        """A save is under way (its double-entry query or photo copying runs in the background)."""
        return self._saving is not None or self._save_when_settled

    def save(self) -> None:
        """Save what the fields say through the undo stack; ``save_finished`` follows, saved or not.

        The form checks only what it alone can see (names that match nothing); the double-entry
        query and the photo copying run in a worker, then the undo command writes the record, which
        validates it. A likely double entry is warned about once; a refusal keeps everything typed.
        """
        if self.saving:
            return
        if self.photo_strip.busy:  # the photos just picked are still being looked at: save once they are
            self._save_when_settled, self._photos_refused = True, False
            self._typing.hold()
            return
        self._clear_messages(keep_duplicate=True)
        data, problems = self.current_input()
        if problems:
            self._show_errors(ValidationError(problems))
            self._end_save()
            return
        editing_id, removed = self.editing_id, self.photo_strip.removed_shas()
        pending = self.photo_strip.pending_paths()
        if editing_id is not None and data == self._loaded_input and not pending and not removed:
            self.saved.emit(editing_id)
            self.new_record()
            self._show_info(self.tr("Nothing was changed."))
            self._end_save()
            return
        from outreach_desk.ui.entry.saving import preparation

        job = preparation(data, pending, editing_id, ask_about_duplicates=data != self._confirmed_duplicate)
        self._saving = run_task(self, self.tr("Saving the record…"), job,
                                on_done=partial(self._write, data, editing_id, removed, self._generation,
                                                (self._loaded_input, self._loaded_version)),
                                on_error=self._preparation_failed, show_progress=bool(pending))
        self._saving.cancelled.connect(self._preparation_cancelled)
        self._typing.hold()

    def _write(self, data: ActivityInput, editing_id: int | None, removed: list[str], generation: int,
               opened: tuple[ActivityInput | None, int | None], prepared: Prepared) -> None:
        from outreach_desk.ui.ledger.commands import CreateActivityCommand, UpdateActivityCommand
        from outreach_desk.ui.shell.undo_command import push

        self._saving = None
        if prepared.duplicates:
            self._confirmed_duplicate = data
            self.messages.show_duplicate(self.tr(
                "%n record(s) with the same date, place, activity and quantity exist already. "
                "Press Enter again to save this one anyway.", "", len(prepared.duplicates)))
            self._end_save()
            return
        if editing_id is None:
            command = CreateActivityCommand(self.context, data, prepared.photo_files)
        else:
            command = UpdateActivityCommand(self.context, editing_id, data, prepared.photo_files, removed,
                                            expected_version=opened[1])
        failure = push(self.context, command)
        if isinstance(failure, ConflictError) and generation == self._generation:
            self._end_save()
            self._resolve_conflict(failure, opened[0], data)
            return
        if failure is not None:
            self._show_failure(failure, generation)
            self._end_save()
            return
        if editing_id is None:
            self._last.remember(data)
            self._learner.record_input(data)
        self.saved.emit(command.activity_id)
        if generation == self._generation:  # the clerk did not open another record meanwhile
            self.new_record()
            undo_key = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
            message = self.tr("Saved. {key} undoes it.") if editing_id is None else \
                self.tr("Changes saved. {key} undoes them.")
            self._show_info(message.format(key=undo_key))
        self._end_save()

    def _resolve_conflict(self, exc: ConflictError, opened: ActivityInput, mine: ActivityInput) -> None:
        """Another clerk saved the record since it was opened: show both, then do what the clerk chose."""
        from outreach_desk.services import ledger, record_versions
        from outreach_desk.ui.entry import conflict_dialog

        theirs = exc.theirs
        choice = conflict_dialog.ask(
            self, exc, dict(ledger.named_values(theirs.as_input()), photos=[p["original_name"] for p in theirs.photos]),
            dict(ledger.named_values(mine), photos=self.photo_strip.names()), "activity")
        if choice == conflict_dialog.KEEP_THEIRS:
            self.saved.emit(theirs.id)
            self.new_record()
            self._show_info(conflict_dialog.outcome_text(exc, choice))
            return
        self._loaded_input, self._loaded_version = theirs.as_input(), theirs.version
        if choice == conflict_dialog.OVERWRITE:
            self.save()
            return
        self._fill(record_versions.merged(opened, theirs.as_input(), mine))
        self._show_info(conflict_dialog.outcome_text(exc, choice))

    def _show_failure(self, exc: Exception, generation: int, details: str = "") -> None:
        """Say why nothing was saved, under the fields when they still show that slip."""
        from outreach_desk.services import photos
        from outreach_desk.services.submission.closed_months import MonthClosedError

        if generation != self._generation or not isinstance(exc, ServiceError) or isinstance(exc, MonthClosedError):
            show_exception(self, exc, details)  # a closed month: the refusal offers to reopen it
        elif isinstance(exc, photos.PhotoError):
            self._show_errors(ValidationError([FieldError("photos", str(exc))]))
        else:
            self._show_errors(exc)

    def _preparation_failed(self, exc: Exception, details: str) -> None:
        self._saving = None
        self._show_failure(exc, self._generation, details)
        self._end_save()

    def _preparation_cancelled(self) -> None:
        self._saving = None
        self._show_info(self.tr("Saving was cancelled; nothing was saved."))
        self._end_save()

    def _end_save(self) -> None:
        self._typing.release()
        self.save_finished.emit()

    # ------------------------------------------------------------------ messages
    def _show_errors(self, exc: ServiceError) -> None:
        first = self.messages.show_errors(exc, FOCUS_ORDER)
        if first is not None:
            self.focus_field(first)

    def _show_info(self, text: str) -> None:
        self.messages.show_info(text)

    def _clear_messages(self, keep_duplicate: bool = False) -> None:
        self.messages.clear(keep_duplicate)
        if not keep_duplicate:
            self._confirmed_duplicate = None

    def error_text(self, field: str) -> str:
        """The message shown under ``field`` ("" when none is shown)."""
        return self.messages.error_text(field)

    # ------------------------------------------------------------------ photos
    def choose_photos(self) -> None:
        from outreach_desk.services import photos

        patterns = " ".join(photos.FILE_PATTERNS)
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), self._last.photo_folder(),
                                                      self.tr("Pictures ({patterns})").format(patterns=patterns))
        if paths:
            self._last.remember_photo_folder(paths[0])
            self.add_photo_files(paths)

    def add_photo_files(self, paths) -> None:
        """Pick pictures for this record; files that are no pictures are named under the strip once looked at."""
        self.photo_strip.add_files(paths)

    def _show_photo_problems(self, problems: list) -> None:
        self._photos_refused = True
        self.messages.show_errors(ValidationError([FieldError("photos", "\n".join(m for _p, m in problems))]),
                                  FOCUS_ORDER)

    def _on_photos_settled(self) -> None:
        """The strip has looked at every picture: a save the clerk asked for meanwhile goes ahead, unless
        a picture was refused (then the message stays and nothing is saved)."""
        if not self._save_when_settled:
            return
        self._save_when_settled = False
        if self._photos_refused:
            self._end_save()
        else:
            self.save()

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.save()
            return
        if key == Qt.Key.Key_Escape and self.editing_id is not None:
            self.new_record()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the notes, Enter saves like everywhere else; Shift+Enter starts a new line."""
        if watched is self.notes_edit and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.notes_edit.insertPlainText("\n")
            else:
                self.save()
            return True
        return super().eventFilter(watched, event)


def _exists(activity_id: int) -> bool:
    from outreach_desk.services import ledger

    try:
        ledger.get(activity_id)
    except NotFoundError:
        return False
    return True
