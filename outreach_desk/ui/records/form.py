"""What the survey and letter entry forms share, to the ledger entry form's fast-entry standard.

Enter saves and starts the next record with the date and the other remembered fields kept (also
across sessions, in QSettings); focus goes to the field that changed most often between recent
saves. Problems appear in red under the field they concern, the moment a number contradicts
another (more aware than asked) and on saving. Esc leaves an opened record. Every save goes
through the undo stack (:mod:`ui.records.commands`). A record another clerk saved since it was
opened is not written over: the entry form's conflict dialog shows both and the clerk chooses.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ConflictError, FieldError, ServiceError, ValidationError
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.entry import fields as entry_fields
from outreach_desk.ui.entry.form import EARLIEST_TYPABLE, LATEST_TYPABLE
from outreach_desk.ui.entry.memory import FocusLearner
from outreach_desk.ui.widgets.field_errors import FieldErrors
from outreach_desk.ui.records.commands import CreateRecordCommand, RecordKind, UpdateRecordCommand
from outreach_desk.ui.widgets.form_keys import handle_form_key
from outreach_desk.ui.widgets.typed_date_edit import TypedDateEdit
from outreach_desk.ui.shell.undo_command import push

CONTEXT = "RecordForm"


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


class RecordForm(QWidget):
    """Subclasses add their fields in :meth:`build_fields` and say how to read, fill and check them."""

    #: a record was created or changed (its id)
    saved = Signal(int)

    KIND: RecordKind
    SETTINGS_GROUP = ""
    #: the fields in Tab order (``date`` first); the next record starts on one of these
    FOCUS_ORDER: tuple[str, ...] = ()
    DEFAULT_FOCUS = ""
    #: where the cursor goes when a stored record is opened (the figure most often corrected)
    EDIT_FOCUS = "date"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.editing_id: int | None = None
        self._loaded_input = None
        self._loaded_version: int | None = None
        self._learner = FocusLearner(self.FOCUS_ORDER, default=self.DEFAULT_FOCUS)
        self._fields: dict[str, QWidget] = {}
        self._build()
        self.reload_choices()
        self._start_new(focus=False)
        context.data_changed.connect(self._on_data_changed)

    # ------------------------------------------------------------------ for subclasses
    def build_fields(self) -> None:
        raise NotImplementedError

    def reload_choices(self) -> None:
        """Re-read the lists the combos offer (after the organisation changed)."""

    def current_input(self) -> tuple[object, list[FieldError]]:
        raise NotImplementedError

    def validate(self, data) -> list[FieldError]:
        raise NotImplementedError

    def fill(self, record) -> None:
        raise NotImplementedError

    def clear_per_record_fields(self) -> None:
        raise NotImplementedError

    def restore_remembered(self, settings) -> None:
        """Put the remembered values (other than the date) back into their fields."""

    def remember(self, settings, data) -> None:
        """Keep what the next record most likely repeats (the date is kept by the base)."""

    def learner_values(self, data) -> dict:
        return {name: getattr(data, name, None) for name in self.FOCUS_ORDER}

    def editing_title(self, record) -> str:
        raise NotImplementedError

    def update_live(self) -> None:
        """Refresh what is worked out while typing (rates, hints)."""

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("formTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        general = QLabel(self)
        general.setObjectName("error_general")
        self.errors = FieldErrors(general)
        self.info_label = entry_fields.note_label(self, "savedInfo", "color: #2e7d32;")

        self.date_edit = TypedDateEdit(self, "dateEdit")
        self.date_edit.setDateRange(EARLIEST_TYPABLE, LATEST_TYPABLE)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveButton")
        self.cancel_button = QPushButton(_tr("Cancel editing (Esc)"), self)
        self.cancel_button.setObjectName("cancelButton")
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it

        self.form_layout = QFormLayout()
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_row(_tr("&Date"), "date", self.date_edit)
        self.build_fields()

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.info_label)
        layout.addLayout(self.form_layout)
        layout.addWidget(general)
        layout.addLayout(buttons)
        layout.addStretch(1)

        chain = [self._fields[name] for name in self.FOCUS_ORDER] + [self.save_button, self.cancel_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self._error_labels = {label.objectName()[len("error_"):]: label for label in self.findChildren(QLabel)
                              if label.objectName().startswith("error_")}
        self.date_edit.dateChanged.connect(lambda: self.edited("date"))
        self.date_edit.refused.connect(lambda _text, why: self.show_field_error("date", why))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.new_record)

    def add_row(self, text: str, name: str, field: QWidget, shown: QWidget | None = None) -> None:
        """A labelled row whose error line sits under it; ``shown`` is what the row shows if not ``field``."""
        self.form_layout.addRow(entry_fields.buddy_label(self, text, field), self.errors.wrap(name, shown or field))
        self._fields[name] = field

    def count_edit(self, name: str, placeholder: str = "") -> QLineEdit:
        """A whole-number field for the record's ``name`` (object name ``<name>Edit``)."""
        edit = entry_fields.count_edit(self, f"{name}Edit", placeholder)
        edit.textEdited.connect(lambda: self.edited(name))
        return edit

    def notes_field(self, placeholder: str = "") -> QLineEdit:
        """The one-line notes every record has."""
        edit = QLineEdit(self)
        edit.setObjectName("notesEdit")
        edit.setMaxLength(2000)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda: self.edited("notes"))
        return edit

    def live_label(self, name: str, wrap: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _on_data_changed(self, what: str) -> None:
        """An undo may take away the record being edited: start a new one rather than save into nothing."""
        from outreach_desk.services.errors import NotFoundError

        if what != self.KIND.topic or self.editing_id is None:
            return
        try:
            self.KIND.get(self.editing_id)
        except NotFoundError:
            self.new_record()
            self._show_info(_tr("The record you were editing no longer exists."))

    # ------------------------------------------------------------------ modes
    def new_record(self) -> None:
        """Start a fresh record with the remembered date and choices."""
        self._start_new(focus=True)

    def _start_new(self, focus: bool) -> None:
        self.editing_id = None
        self._loaded_input = None
        self._loaded_version = None
        settings = self.context.settings
        remembered = QDate.fromString(str(settings.value(f"{self.SETTINGS_GROUP}/date", "") or ""),
                                      Qt.DateFormat.ISODate)
        self.date_edit.setDate(remembered if remembered.isValid() else QDate.currentDate())
        self.restore_remembered(settings)
        self.clear_per_record_fields()
        self._show_mode(None)
        self._clear_messages()
        self.update_live()
        if focus:
            self.focus_field(self._learner.next_field(set(self.FOCUS_ORDER)))

    def load_record(self, record_id: int) -> bool:
        """Open a stored record for editing; Enter updates it, Esc goes back to a new record."""
        from outreach_desk.services.errors import NotFoundError

        try:
            record = self.KIND.get(record_id)
        except NotFoundError as exc:
            self._show_info(str(exc))
            return False
        self.editing_id = record_id
        self.fill(record)
        self._loaded_input, self._loaded_version = self.current_input()[0], record.version
        self._show_mode(record)
        self._clear_messages()
        self.update_live()
        self.focus_field(self.EDIT_FOCUS)
        return True

    def _show_mode(self, record) -> None:
        if record is not None:
            self.title.setText(self.editing_title(record))
            self.save_button.setText(_tr("Save changes (Enter)"))
        else:
            self.title.setText(self.new_title())
            self.save_button.setText(_tr("Save (Enter)"))
        self.cancel_button.setVisible(record is not None)

    def new_title(self) -> str:
        raise NotImplementedError

    def field_widget(self, name: str) -> QWidget:
        return self._fields[name]

    def focus_field(self, name: str) -> None:
        """Put the cursor in a field, ready to type over what it holds."""
        entry_fields.focus_for_typing(self.field_widget(name))

    # ------------------------------------------------------------------ saving
    def save(self) -> int | None:
        """Check, then save through the undo stack and start the next record."""
        self._clear_messages()
        date_read = self.date_edit.commit_typing()
        data, problems = self.current_input()
        messages = {e.field: e.message for e in problems}
        if not date_read:
            messages["date"] = _tr("“{text}” is not a date; type it as 2026-11-05, 20261105, 11-5 or 11月5日.").format(
                text=self.date_edit.text())
        for error in self.validate(data):
            messages.setdefault(error.field, error.message)
        if messages:
            self._show_errors(ValidationError([FieldError(f, m) for f, m in messages.items()]))
            return None
        if self.editing_id is not None and data == self._loaded_input:
            record_id = self.editing_id
            self.saved.emit(record_id)
            self.new_record()
            self._show_info(_tr("Nothing was changed."))
            return record_id
        if self.editing_id is None:
            command = CreateRecordCommand(self.context, self.KIND, data)
        else:
            command = UpdateRecordCommand(self.context, self.KIND, self.editing_id, data, self._loaded_version)
        failure = push(self.context, command)
        if isinstance(failure, ConflictError):
            self._resolve_conflict(failure, data)
            return None
        if isinstance(failure, ServiceError):
            self._show_errors(failure)
            return None
        if failure is not None:
            from outreach_desk.ui.shell.errors import show_exception

            show_exception(self, failure)
            return None
        created = self.editing_id is None
        if created:
            self.context.settings.setValue(f"{self.SETTINGS_GROUP}/date", data.date.isoformat())
            self.remember(self.context.settings, data)
            self._learner.record(self.learner_values(data))
        self.saved.emit(command.record_id)
        self.new_record()
        undo_key = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
        message = _tr("Saved. {key} undoes it.") if created else _tr("Changes saved. {key} undoes them.")
        self._show_info(message.format(key=undo_key))
        return command.record_id

    def _resolve_conflict(self, exc: ConflictError, mine) -> None:
        """Another clerk saved the record since it was opened: show both, then do what the clerk chose."""
        from outreach_desk.services.record_versions import merged
        from outreach_desk.ui.entry import conflict_dialog

        opened, theirs = self._loaded_input, self.KIND.as_input(exc.theirs)
        choice = conflict_dialog.ask(self, exc, self.KIND.compared(theirs), self.KIND.compared(mine),
                                     self.KIND.record_type)
        if choice == conflict_dialog.KEEP_THEIRS:
            self.saved.emit(exc.theirs.id)
            self.new_record()
            self._show_info(conflict_dialog.outcome_text(exc, choice))
            return
        self._loaded_input, self._loaded_version = theirs, exc.theirs.version
        if choice == conflict_dialog.OVERWRITE:
            self.save()
            return
        self.fill(merged(opened, theirs, mine))
        self.update_live()
        self._show_info(conflict_dialog.outcome_text(exc, choice))

    # ------------------------------------------------------------------ messages
    def _show_errors(self, exc: ServiceError) -> None:
        self.errors.show(exc)
        if isinstance(exc, ValidationError) and exc.errors:
            order = list(self.FOCUS_ORDER)
            first = min(exc.errors, key=lambda e: order.index(e.field) if e.field in order else len(order))
            if first.field in order:
                self.focus_field(first.field)

    def show_field_error(self, field: str, message: str) -> None:
        """Show (or with "" hide) the red line under one field, leaving the others alone."""
        label = self._error_labels.get(field)
        if label is not None:
            label.setText(message)
            label.setVisible(bool(message))

    def error_text(self, field: str) -> str:
        """The message shown under ``field`` ("" when none is shown)."""
        label = self._error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def _show_info(self, text: str) -> None:
        self.info_label.setText(text)
        self.info_label.show()

    def info_text(self) -> str:
        return self.info_label.text() if not self.info_label.isHidden() else ""

    def _clear_messages(self) -> None:
        self.errors.clear()
        self.info_label.hide()

    def edited(self, field: str) -> None:
        self.show_field_error(field, "")
        self.update_live()

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event) -> None:
        if not handle_form_key(self, event):
            super().keyPressEvent(event)


def int_or_none(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
