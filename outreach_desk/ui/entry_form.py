"""The entry form beside the ledger: built for typing a pile of paper slips quickly.

Enter saves and starts the next record with the last village, kind and date kept (also across
sessions, in QSettings), and focus goes to the field that changed most often between the last
saved records. Problems appear in red under the field they concern; a likely double entry is
warned about once and saved on a second Enter. Photos are dropped anywhere on the form or
picked with a file dialog. Every save goes through the undo stack.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDateEdit, QDateTimeEdit, QFileDialog, QFormLayout,
                               QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from outreach_desk.services import ledger, ledger_query, photos, vocab
from outreach_desk.services import organisation as org
from outreach_desk.services.errors import FieldError, NotFoundError, ServiceError, ValidationError
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.ui.context import AppContext
from outreach_desk.ui.errors import show_exception
from outreach_desk.ui.org_dialogs import FieldErrors
from outreach_desk.ui.photo_strip import PhotoStrip

SETTINGS_GROUP = "entry"
#: the fields in Tab order; the next record starts on one of these
FOCUS_ORDER = ("date", "village", "site", "kind", "member_unit", "quantity", "people", "audiences", "topics",
               "place_note", "notes")
FOCUS_HISTORY = 20
EARLIEST_TYPABLE = QDate(1900, 1, 1)
LATEST_TYPABLE = QDate(2099, 12, 31)


class FocusLearner:
    """Which field to start the next record on: the one that changed most often between recent saves.

    Ties go to the field that comes first in Tab order; without history, ``default``.
    """

    def __init__(self, fields: tuple[str, ...], default: str):
        self._fields = fields
        self._default = default
        self._last: dict | None = None
        self._changes: deque[set[str]] = deque(maxlen=FOCUS_HISTORY)

    def record(self, values: dict) -> None:
        if self._last is not None:
            self._changes.append({f for f in self._fields if values.get(f) != self._last.get(f)})
        self._last = dict(values)

    def next_field(self, available: set[str]) -> str:
        counts = {f: sum(f in changed for changed in self._changes) for f in self._fields if f in available}
        best = max(counts.values(), default=0)
        if best:
            return next(f for f in self._fields if counts.get(f) == best)
        if self._default in available:
            return self._default
        return next(f for f in self._fields if f in available)


class SearchCombo(QComboBox):
    """An editable choice list that completes on any part of a name and resolves typed text to an id.

    The ids live in a Python list beside the items rather than in Qt's item data: PySide6 6.12 on
    Python 3.11 drops a reference to ``None`` each time Qt hands back an empty value, which
    ``itemData`` does for the "no choice" row.
    """

    def __init__(self, name: str, parent: QWidget | None = None, none_label: str | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self._none_label = none_label
        self._ids: list[int | None] = []
        self._line = self.lineEdit()
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        # the choice must settle before Tab picks the next field (the site list follows the village);
        # while the completion list is open, keys go to it rather than to the combo
        completer.popup().installEventFilter(self)
        self._line.editingFinished.connect(self.settle)

    def set_items(self, items: list[tuple[str, int]]) -> None:
        """Replace the choices, keeping the chosen id (or the typed text when it named nothing)."""
        chosen, known = self.value()
        text = self.currentText()
        with QSignalBlocker(self):
            self.clear()
            self._ids = []
            if self._none_label is not None:
                self.addItem(self._none_label)
                self._ids.append(None)
            for label, item_id in items:
                self.add_choice(label, item_id)
        if known:
            self.set_value(chosen)
        else:
            self.setEditText(text)

    def add_choice(self, label: str, item_id: int) -> None:
        self.addItem(label)
        self._ids.append(item_id)

    def ids(self) -> list[int | None]:
        return list(self._ids)

    def index_of_id(self, item_id: int | None) -> int:
        return self._ids.index(item_id) if item_id in self._ids else -1

    def set_value(self, item_id: int | None) -> None:
        index = self.index_of_id(item_id)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def value(self) -> tuple[int | None, bool]:
        """(id, True) for a known choice or an empty optional field; (None, False) for unknown text."""
        index = self._index_of(self.currentText().strip())
        if index is None:
            return None, False
        return (self._ids[index] if index >= 0 else None), True

    def _index_of(self, text: str) -> int | None:
        if not text or text == self._none_label:
            return 0 if self._none_label is not None and self._ids else -1
        current = self.currentIndex()
        if current >= 0 and self.itemText(current) == text:
            return current
        exact = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            return exact
        folded = text.casefold()
        matches = [i for i, item_id in enumerate(self._ids)
                   if item_id is not None and folded in self.itemText(i).casefold()]
        return matches[0] if len(matches) == 1 else None

    def settle(self) -> None:
        """Make typed text that names exactly one choice the current item (so dependent lists follow)."""
        index = self._index_of(self.currentText().strip())
        if index is not None and index >= 0:
            if index != self.currentIndex():
                self.setCurrentIndex(index)
            elif self.currentText() != self.itemText(index):
                self.setEditText(self.itemText(index))

    def event(self, event: QEvent) -> bool:
        if _is_tab(event):
            self.settle()
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if _is_tab(event):
            self.settle()
        return super().eventFilter(watched, event)

    def focusOutEvent(self, event) -> None:
        self.settle()
        super().focusOutEvent(event)

    def focus_for_typing(self) -> None:
        self.setFocus(Qt.FocusReason.TabFocusReason)
        self._line.selectAll()


def _is_tab(event: QEvent) -> bool:
    return event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def parse_count(text: str, empty: int) -> int | None:
    """A whole number typed by a clerk (full-width digits and thousands separators allowed); None if not one."""
    cleaned = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    if not cleaned:
        return empty
    try:
        return int(cleaned)
    except ValueError:
        return None


class EntryForm(QWidget):
    #: a record was created or changed (its id)
    saved = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.editing_id: int | None = None
        self._village_names: dict[int, str] = {}
        self._sites: dict[int, list[tuple[int, str]]] = {}
        self._township_of: dict[int, int] = {}
        self._kinds: dict[int, org.KindInfo] = {}
        self._units: list[org.MemberUnitInfo] = []
        self._confirmed_duplicate: ActivityInput | None = None
        self._loaded_input: ActivityInput | None = None
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
        general = QLabel(self)
        general.setObjectName("error_general")
        self.errors = FieldErrors(general)
        self.duplicate_label = self._note_label("duplicateWarning", "background: #fff4d6; color: #7a4f00;")
        self.info_label = self._note_label("savedInfo", "color: #2e7d32;")

        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDateRange(EARLIEST_TYPABLE, LATEST_TYPABLE)
        self.weekday_label = QLabel(self)
        self.weekday_label.setObjectName("weekdayLabel")
        self.village_combo = SearchCombo("villageCombo", self)
        self.site_combo = SearchCombo("siteCombo", self, none_label=self.tr("(no particular site)"))
        self.kind_combo = SearchCombo("kindCombo", self)
        self.unit_combo = SearchCombo("memberUnitCombo", self, none_label=self.tr("(not recorded)"))
        self.quantity_edit = self._count_edit("quantityEdit", "1")
        self.unit_label = QLabel(self)
        self.unit_label.setObjectName("kindUnitLabel")
        self.people_edit = self._count_edit("peopleEdit", "0")
        self.audience_boxes = self._check_boxes("audience", vocab.AUDIENCES)
        self.topic_boxes = self._check_boxes("topic", vocab.TOPICS)
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
        wrap = self.errors.wrap
        form.addRow(self._label(self.tr("&Date"), self.date_edit), wrap("date", self._row_of(
            self.date_edit, self.weekday_label)))
        form.addRow(self._label(self.tr("&Village"), self.village_combo), wrap("village", self.village_combo))
        form.addRow(self._label(self.tr("S&ite"), self.site_combo), wrap("site", self.site_combo))
        form.addRow(self._label(self.tr("&Activity"), self.kind_combo), wrap("kind", self.kind_combo))
        form.addRow(self._label(self.tr("&Organised by"), self.unit_combo), wrap("member_unit", self.unit_combo))
        form.addRow(self._label(self.tr("&Quantity"), self.quantity_edit), wrap("quantity", self._row_of(
            self.quantity_edit, self.unit_label)))
        form.addRow(self._label(self.tr("P&eople reached"), self.people_edit), wrap("people", self.people_edit))
        form.addRow(self.tr("Audience"), wrap("audiences", self._grid(self.audience_boxes)))
        form.addRow(self.tr("Fraud topics"), wrap("topics", self._grid(self.topic_boxes)))
        form.addRow(self._label(self.tr("&Place"), self.place_edit), wrap("place_note", self.place_edit))
        form.addRow(self._label(self.tr("&Notes"), self.notes_edit), wrap("notes", self.notes_edit))
        photo_box = QWidget(self)
        photo_layout = QVBoxLayout(photo_box)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo_strip)
        photo_layout.addWidget(self.add_photos_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Photos"), wrap("photos", photo_box))

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.info_label)
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addWidget(self.duplicate_label)
        layout.addLayout(buttons)
        layout.addStretch(1)

        chain = [self.date_edit, self.village_combo, self.site_combo, self.kind_combo, self.unit_combo,
                 self.quantity_edit, self.people_edit, *self.audience_boxes.values(), *self.topic_boxes.values(),
                 self.place_edit, self.notes_edit, self.photo_strip, self.add_photos_button, self.save_button,
                 self.cancel_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

        # photos may be dropped anywhere on the form: children leave drops to it
        self.setAcceptDrops(True)
        for child in self.findChildren(QWidget):
            child.setAcceptDrops(False)
        self._error_labels = {label.objectName()[len("error_"):]: label for label in self.findChildren(QLabel)
                              if label.objectName().startswith("error_")}

        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.village_combo.currentIndexChanged.connect(self._on_village_changed)
        self.kind_combo.currentIndexChanged.connect(self._show_kind_unit)
        self.add_photos_button.clicked.connect(self.choose_photos)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.new_record)
        self.photo_strip.changed.connect(lambda: self._edited("photos"))
        self._connect_edits()

    def _note_label(self, name: str, style: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"QLabel {{ {style} padding: 3px; }}")
        label.hide()
        return label

    def _count_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(12)
        edit.setMaximumWidth(120)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    def _check_boxes(self, prefix: str, terms: tuple[vocab.Term, ...]) -> dict[str, QCheckBox]:
        boxes = {}
        for term in terms:
            box = QCheckBox(term.label, self)
            box.setObjectName(f"{prefix}_{term.code}")
            boxes[term.code] = box
        return boxes

    def _grid(self, boxes: dict[str, QCheckBox]) -> QWidget:
        holder = QWidget(self)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for i, box in enumerate(boxes.values()):
            grid.addWidget(box, i // 2, i % 2)
        return holder

    def _row_of(self, *widgets: QWidget) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return holder

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _connect_edits(self) -> None:
        self.date_edit.dateChanged.connect(lambda: self._edited("date"))
        for name, combo in (("village", self.village_combo), ("site", self.site_combo), ("kind", self.kind_combo),
                            ("member_unit", self.unit_combo)):
            combo.currentTextChanged.connect(lambda _t, n=name: self._edited(n))
        self.quantity_edit.textEdited.connect(lambda: self._edited("quantity"))
        self.people_edit.textEdited.connect(lambda: self._edited("people"))
        self.place_edit.textEdited.connect(lambda: self._edited("place_note"))
        self.notes_edit.textChanged.connect(lambda: self._edited("notes"))
        for name, boxes in (("audiences", self.audience_boxes), ("topics", self.topic_boxes)):
            for box in boxes.values():
                box.toggled.connect(lambda _on, n=name: self._edited(n))

    # ------------------------------------------------------------------ choices
    def reload_choices(self) -> None:
        """Re-read villages, kinds and member units, keeping what is chosen (sites are read per village).

        The whole organisation tree is not loaded here: at county scale its 5,000 sites would add
        a tenth of a second to start-up, and the form only ever lists one village's sites.
        """
        villages = ledger_query.village_choices()
        kinds = org.list_kinds()
        self._kinds = {k.id: k for k in kinds}
        self._units = org.list_member_units()
        self._village_names = {village_id: name for village_id, name, _township in villages}
        self._sites.clear()
        self._township_of.clear()
        several = len({township for _id, _name, township in villages}) > 1
        self.village_combo.set_items([
            (self.tr("{township} · {village}").format(township=township, village=name) if several else name, vid)
            for vid, name, township in villages])
        chosen_kind, _known = self.kind_combo.value()
        self.kind_combo.set_items([(k.name, k.id) for k in kinds if k.active or k.id == chosen_kind])
        self._fill_village_dependents()
        self._show_kind_unit()

    def _fill_village_dependents(self) -> None:
        village_id, _known = self.village_combo.value()
        if village_id and village_id not in self._sites:
            self._sites[village_id] = ledger_query.site_choices(village_id)
            self._township_of[village_id] = org.get_village(village_id).township_id
        sites = self._sites.get(village_id, [])
        self.site_combo.set_items([(name, site_id) for site_id, name in sites])
        self.site_combo.setEnabled(bool(sites) or self.site_combo.currentIndex() != 0)
        township_id = self._township_of.get(village_id)
        units = [u for u in self._units if township_id is None or u.township_id == township_id]
        self.unit_combo.set_items([(u.name, u.id) for u in units])

    def _on_village_changed(self) -> None:
        self._fill_village_dependents()

    def _show_kind_unit(self) -> None:
        kind_id, _known = self.kind_combo.value()
        kind = self._kinds.get(kind_id)
        self.unit_label.setText(kind.unit if kind else "")

    def _on_date_changed(self, date: QDate) -> None:
        self.weekday_label.setText(self.locale().dayName(date.dayOfWeek()))

    def _on_data_changed(self, what: str) -> None:
        if what == "organisation":
            self.reload_choices()
        elif what == "activity" and self.editing_id is not None and not _exists(self.editing_id):
            self.new_record()
            self._show_info(self.tr("The record you were editing no longer exists."))

    # ------------------------------------------------------------------ reading and filling the fields
    def current_input(self) -> tuple[ActivityInput, list[FieldError]]:
        """What the fields say, and the problems only the form can see (names that match nothing)."""
        problems = []
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
            kind = self._kinds.get(data.kind_id)
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
        self.editing_id = None
        settings = self.context.settings
        remembered = QDate.fromString(str(settings.value(f"{SETTINGS_GROUP}/date", "") or ""), Qt.DateFormat.ISODate)
        self.date_edit.setDate(remembered if remembered.isValid() else QDate.currentDate())
        self._on_date_changed(self.date_edit.date())
        self.village_combo.set_value(_int_or_none(settings.value(f"{SETTINGS_GROUP}/village")))
        self._fill_village_dependents()
        self.kind_combo.set_value(_int_or_none(settings.value(f"{SETTINGS_GROUP}/kind")))
        self._clear_per_record_fields()
        self._show_kind_unit()
        self._show_mode()
        self._clear_messages()
        if focus:
            self.focus_field(self._learner.next_field(self._available_fields()))

    def load_record(self, activity_id: int) -> None:
        """Open a stored record for editing; Save updates it, Esc goes back to a new record."""
        try:
            record = ledger.get(activity_id)
            stored_photos = photos.list_photos(activity_id)
        except NotFoundError as exc:
            self._show_info(str(exc))
            return
        except Exception as exc:
            show_exception(self, exc)
            return
        self.editing_id = activity_id
        self._loaded_input = record.as_input()
        self._fill(record)
        self.photo_strip.set_stored(stored_photos)
        self._show_mode(record)
        self._clear_messages()
        self.focus_field("date")

    def _show_mode(self, record: ledger.ActivityRecord | None = None) -> None:
        editing = record is not None
        if editing:
            self.title.setText(self.tr("Editing the record of {date} · {village}").format(
                date=record.date.isoformat(), village=self._village_names.get(record.village_id, "")))
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
        widget = self.field_widget(name)
        if isinstance(widget, SearchCombo):
            widget.focus_for_typing()
        elif isinstance(widget, QDateEdit):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            widget.setSelectedSection(QDateTimeEdit.Section.DaySection)
        else:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def field_widget(self, name: str) -> QWidget:
        return {
            "date": self.date_edit, "village": self.village_combo, "site": self.site_combo,
            "kind": self.kind_combo, "member_unit": self.unit_combo, "quantity": self.quantity_edit,
            "people": self.people_edit, "audiences": next(iter(self.audience_boxes.values())),
            "topics": next(iter(self.topic_boxes.values())), "place_note": self.place_edit,
            "notes": self.notes_edit, "photos": self.photo_strip,
        }[name]

    # ------------------------------------------------------------------ saving
    def save(self) -> int | None:
        """Validate, warn once about a likely double entry, then save through the undo stack."""
        from outreach_desk.ui.ledger_commands import CreateActivityCommand, UpdateActivityCommand

        self._clear_messages(keep_duplicate=True)
        data, problems = self.current_input()
        messages = {e.field: e.message for e in problems}
        for error in ledger.validate(data):
            messages.setdefault(error.field, error.message)
        if messages:
            self._show_errors(ValidationError([FieldError(f, m) for f, m in messages.items()]))
            return None
        if self.editing_id is not None and data == self._loaded_input and not self.photo_strip.pending_paths() \
                and not self.photo_strip.removed_shas():
            activity_id = self.editing_id
            self.saved.emit(activity_id)
            self.new_record()
            self._show_info(self.tr("Nothing was changed."))
            return activity_id
        duplicates = ledger.find_duplicates(data, exclude_id=self.editing_id)
        if duplicates and data != self._confirmed_duplicate:
            self._confirmed_duplicate = data
            self.duplicate_label.setText(self.tr(
                "%n record(s) with the same date, place, activity and quantity exist already. "
                "Press Enter again to save this one anyway.", "", len(duplicates)))
            self.duplicate_label.show()
            return None
        try:
            if self.editing_id is None:
                command = CreateActivityCommand(self.context, data, self.photo_strip.pending_paths())
            else:
                command = UpdateActivityCommand(self.context, self.editing_id, data, self.photo_strip.pending_paths(),
                                                self.photo_strip.removed_shas())
        except photos.PhotoError as exc:
            self._show_errors(ValidationError([FieldError("photos", str(exc))]))
            return None
        except ServiceError as exc:
            self._show_errors(exc)
            return None
        except Exception as exc:
            show_exception(self, exc)
            return None
        self.context.undo_stack.push(command)
        activity_id = command.activity_id
        created = self.editing_id is None
        if created:
            self._remember(data)
        self.saved.emit(activity_id)
        self.new_record()
        undo_key = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
        message = self.tr("Saved. {key} undoes it.") if created else self.tr("Changes saved. {key} undoes them.")
        self._show_info(message.format(key=undo_key))
        return activity_id

    def _remember(self, data: ActivityInput) -> None:
        settings = self.context.settings
        settings.setValue(f"{SETTINGS_GROUP}/date", data.date.isoformat())
        settings.setValue(f"{SETTINGS_GROUP}/village", data.village_id)
        settings.setValue(f"{SETTINGS_GROUP}/kind", data.kind_id)
        self._learner.record({
            "date": data.date, "village": data.village_id, "site": data.site_id, "kind": data.kind_id,
            "member_unit": data.member_unit_id, "quantity": data.quantity, "people": data.people,
            "audiences": data.audiences, "topics": data.topics, "place_note": data.place_note, "notes": data.notes,
        })

    # ------------------------------------------------------------------ messages
    def _show_errors(self, exc: ServiceError) -> None:
        self.errors.show(exc)
        if isinstance(exc, ValidationError) and exc.errors:
            first = min(exc.errors, key=lambda e: _tab_position(e.field))
            if first.field in FOCUS_ORDER or first.field == "photos":
                self.focus_field(first.field)

    def _show_info(self, text: str) -> None:
        self.info_label.setText(text)
        self.info_label.show()

    def _clear_messages(self, keep_duplicate: bool = False) -> None:
        self.errors.clear()
        self.info_label.hide()
        if not keep_duplicate:
            self._confirmed_duplicate = None
            self.duplicate_label.hide()

    def error_text(self, field: str) -> str:
        """The message shown under ``field`` ("" when none is shown)."""
        label = self._error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def _edited(self, field: str) -> None:
        label = self._error_labels.get(field)
        if label is not None:
            label.hide()
        self.duplicate_label.hide()

    # ------------------------------------------------------------------ photos
    def choose_photos(self) -> None:
        patterns = " ".join(photos.FILE_PATTERNS)
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), self._photo_folder(),
                                                      self.tr("Pictures ({patterns})").format(patterns=patterns))
        if paths:
            self.context.settings.setValue(f"{SETTINGS_GROUP}/photo_folder", str(Path(paths[0]).parent))
            self.add_photo_files(paths)

    def _photo_folder(self) -> str:
        return str(self.context.settings.value(f"{SETTINGS_GROUP}/photo_folder", "") or "")

    def add_photo_files(self, paths) -> None:
        """Pick pictures for this record; refused files are named under the photo strip."""
        problems = self.photo_strip.add_files(paths)
        if problems:
            self.errors.show(ValidationError([FieldError("photos", "\n".join(m for _p, m in problems))]))

    @staticmethod
    def _local_files(event) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        files = self._local_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_photo_files(files)

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
    try:
        ledger.get(activity_id)
    except NotFoundError:
        return False
    return True


def _int_or_none(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _tab_position(field: str) -> int:
    return FOCUS_ORDER.index(field) if field in FOCUS_ORDER else len(FOCUS_ORDER)
