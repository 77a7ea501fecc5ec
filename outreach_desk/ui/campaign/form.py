"""The form of one campaign: name, theme, period, phases, report deadlines and notes.

Everything is checked by ``campaigns.validate`` / the service on Save; refusals appear in red
under the field they concern and, for phases and deadlines, on the offending rows. A new
campaign's phases follow its dates (``campaigns.default_phases``) until the clerk edits them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QStyledItemDelegate, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.services.coverage import campaigns, rules
from outreach_desk.services.coverage.campaigns import CampaignInfo, DeadlineInfo, PhaseInfo
from outreach_desk.services.coverage.deadlines import MONTHLY, ONCE
from outreach_desk.services.errors import FieldError, ServiceError, ValidationError
from outreach_desk.ui.widgets.field_errors import FieldErrors

DATE_FORMAT = "yyyy-MM-dd"
ERROR_COLOUR = QColor("#c62828")
ERROR_BACKGROUND = QColor("#fdecea")


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def merged(exc: ServiceError) -> ServiceError:
    """One message per field (the service may report several phase problems at once)."""
    if not isinstance(exc, ValidationError):
        return exc
    messages: dict[str, list[str]] = {}
    for error in exc.errors:
        messages.setdefault(error.field, []).append(error.message)
    return ValidationError([FieldError(name, "\n".join(texts)) for name, texts in messages.items()])


class DateDelegate(QStyledItemDelegate):
    """Table cells holding a QDate: shown as yyyy-MM-dd, edited with a calendar."""

    def displayText(self, value, locale) -> str:
        return value.toString(DATE_FORMAT) if isinstance(value, QDate) else super().displayText(value, locale)

    def createEditor(self, parent, option, index):
        return date_edit(parent, "cellDate")

    def setEditorData(self, editor, index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(value if isinstance(value, QDate) else QDate.currentDate())

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)


class RowsTable(QWidget):
    """An editable table of text, date and check-box columns with Add / Remove buttons underneath.

    A row may carry a key (the stored id), kept on its first cell, so that what the clerk edits
    is saved back onto the same row.
    """

    #: the clerk changed a cell, added or removed a row
    edited = Signal()

    def __init__(self, name: str, headers: list[str], date_columns: set[int], add_text: str, remove_text: str,
                 parent: QWidget, check_columns: frozenset[int] = frozenset()):
        super().__init__(parent)
        self.date_columns = date_columns
        self.check_columns = check_columns
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 3 * self.table.verticalHeader().defaultSectionSize() + 4)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        delegate = DateDelegate(self.table)
        for column in date_columns:
            self.table.setItemDelegateForColumn(column, delegate)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in check_columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(add_text, self)
        self.add_button.setObjectName(f"{name}Add")
        self.remove_button = QPushButton(remove_text, self)
        self.remove_button.setObjectName(f"{name}Remove")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.cellChanged.connect(lambda *_: self.edited.emit())
        self.setFocusProxy(self.table)

    def set_rows(self, rows: list[list], keys: list | None = None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for index, values in enumerate(rows):
            self._append(values, keys[index] if keys else None)
        self.table.blockSignals(False)

    def _append(self, values: list, key=None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem()
            if column in self.date_columns:
                item.setData(Qt.ItemDataRole.EditRole, QDate(value))
            elif column in self.check_columns:
                item.setFlags((item.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
                item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            else:
                item.setText(value)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, key)
            self.table.setItem(row, column, item)
        return row

    def add_row(self, values: list) -> int:
        row = self._append(values)
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))
        self.edited.emit()
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def rows(self) -> list[list]:
        result = []
        for row in range(self.table.rowCount()):
            values = []
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if column in self.date_columns:
                    values.append(item.data(Qt.ItemDataRole.EditRole).toPython())
                elif column in self.check_columns:
                    values.append(item.checkState() == Qt.CheckState.Checked)
                else:
                    values.append(item.text() if item is not None else "")
            result.append(values)
        return result

    def keys(self) -> list:
        """The key each row was given by ``set_rows`` (None for rows the clerk added)."""
        return [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.table.rowCount())]

    def mark(self, problems: dict[int, str]) -> None:
        """Red rows with the reason as tooltip; other rows plain."""
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            message = problems.get(row, "")
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                item.setForeground(QBrush(ERROR_COLOUR) if message else QBrush())
                item.setBackground(QBrush(ERROR_BACKGROUND) if message else QBrush())
                item.setToolTip(message)
        self.table.blockSignals(False)


class CampaignForm(QDialog):
    """Add a campaign (``info`` None) or edit one; ``saved_id`` is set once the service accepted it."""

    def __init__(self, info: CampaignInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("campaignForm")
        self.info = info
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New campaign") if info is None else self.tr("Edit campaign"))
        self._follow_dates = info is None

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("e.g. 2026 anti-fraud outreach campaign"))
        self.theme_edit = QLineEdit(self)
        self.theme_edit.setObjectName("theme")
        self.theme_edit.setMaxLength(200)
        self.start_edit = date_edit(self, "start")
        self.end_edit = date_edit(self, "end")
        period = QWidget(self)
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.start_edit)
        period_row.addWidget(QLabel(self.tr("to"), period))
        period_row.addWidget(self.end_edit)
        period_row.addStretch(1)
        self.phases = RowsTable("phases", [self.tr("Phase"), self.tr("First day"), self.tr("Last day")], {1, 2},
                                self.tr("&Add phase"), self.tr("Remove phase"), self)
        self.deadlines = RowsTable("deadlines", [self.tr("Report"), self.tr("Due"), self.tr("Every month")], {1},
                                   self.tr("Add dead&line"), self.tr("Remove deadline"), self,
                                   check_columns=frozenset({2}))
        self.deadlines.table.horizontalHeaderItem(2).setToolTip(self.tr(
            "Due on this day of every month, for the month before (e.g. the monthly report by the 5th); "
            "each month stays overdue until it is marked sent"))
        self.rule_set_combo = QComboBox(self)
        self.rule_set_combo.setObjectName("ruleSet")
        for code in rules.RULE_SETS:
            self.rule_set_combo.addItem(rules.label(rules.RULE_SET_LABELS, code), code)
        self.rule_set_combo.setToolTip(self.tr("The plans' targets the new campaign starts with: a township's "
                                               "(villages, blocks, member units), a school's (parent letters, a "
                                               "class meeting in every class, boards) or a university's (a class "
                                               "meeting and a board per college). Edit them afterwards under "
                                               "target rules."))
        self.township_combo = QComboBox(self)
        self.township_combo.setObjectName("campaignTownship")
        self.township_combo.addItem(self.tr("County (shared by townships without their own)"), None)
        for township_id, name in campaigns.township_names().items():
            self.township_combo.addItem(name, township_id)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(70)

        general = QLabel(self)
        general.setObjectName("generalError")
        self.errors = FieldErrors(general)
        period_box = QWidget(self)
        period_layout = QVBoxLayout(period_box)
        period_layout.setContentsMargins(0, 0, 0, 0)
        period_layout.setSpacing(0)
        period_layout.addWidget(self.errors.wrap("start", period))
        period_layout.addWidget(self.errors.wrap("end", QWidget(period_box)))
        period_box.setFocusProxy(self.start_edit)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self._wrap("name", self.name_edit))
        form.addRow(self.tr("&Theme:"), self.theme_edit)
        form.addRow(self.tr("&Period:"), period_box)
        form.addRow(self.tr("&Default rules for:"), self.rule_set_combo)
        if self.township_combo.count() > 2:  # a county database: whose campaign it is
            form.addRow(self.tr("To&wnship:"), self.township_combo)
        else:
            self.township_combo.hide()
        form.addRow(self.tr("P&hases:"), self._wrap("phases", self.phases))
        form.addRow(self.tr("Report d&eadlines:"), self._wrap("deadlines", self.deadlines))
        form.addRow(self.tr("N&otes:"), self.notes_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for button in (self.phases.add_button, self.phases.remove_button, self.deadlines.add_button,
                       self.deadlines.remove_button):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(general)
        layout.addWidget(self.buttons)

        self._fill(info)
        self.start_edit.dateChanged.connect(self._dates_changed)
        self.end_edit.dateChanged.connect(self._dates_changed)
        self.phases.edited.connect(self._phases_edited)
        self.phases.add_button.clicked.connect(self._add_phase)
        self.deadlines.add_button.clicked.connect(self._add_deadline)
        self.setTabOrder(self.name_edit, self.theme_edit)
        self.setTabOrder(self.theme_edit, self.start_edit)
        self.setTabOrder(self.start_edit, self.end_edit)
        self.setTabOrder(self.end_edit, self.rule_set_combo)
        self.setTabOrder(self.rule_set_combo, self.township_combo)
        self.setTabOrder(self.township_combo, self.phases.table)
        self.resize(620, 640)
        self.name_edit.setFocus()

    def _wrap(self, name: str, field: QWidget) -> QWidget:
        box = self.errors.wrap(name, field)
        box.setFocusProxy(field)
        return box

    def _fill(self, info: CampaignInfo | None) -> None:
        if info is None:
            start = dt.date.today().replace(day=1)
            end = dt.date(start.year, 12, 31)
            info = CampaignInfo(name="", start=start, end=end, phases=campaigns.default_phases(start, end))
        self.name_edit.setText(info.name)
        self.theme_edit.setText(info.theme)
        self.start_edit.setDate(QDate(info.start))
        self.end_edit.setDate(QDate(info.end))
        self.phases.set_rows([[p.name, p.start, p.end] for p in info.phases])
        self.deadlines.set_rows([[d.title, d.due, d.repeats == MONTHLY] for d in info.deadlines],
                                [d.id for d in info.deadlines])
        self.notes_edit.setPlainText(info.notes)
        self.rule_set_combo.setCurrentIndex(max(0, self.rule_set_combo.findData(info.rule_set)))
        self.rule_set_combo.setEnabled(self.info is None)  # an existing campaign's rules are edited as rules
        self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(info.township_id)))
        self.township_combo.setEnabled(self.info is None)  # a campaign stays with its township; copy it instead

    # ------------------------------------------------------------------ phases
    def _dates_changed(self, *_args) -> None:
        """A new campaign's phases follow its dates until the clerk edits a phase."""
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        if self._follow_dates and end >= start:
            self.phases.set_rows([[p.name, p.start, p.end] for p in campaigns.default_phases(start, end)])

    def _phases_edited(self) -> None:
        self._follow_dates = False

    def _add_phase(self) -> None:
        rows = self.phases.rows()
        first = rows[-1][2] + dt.timedelta(days=1) if rows else self.start_edit.date().toPython()
        self.phases.add_row(["", first, max(first, self.end_edit.date().toPython())])

    def _add_deadline(self) -> None:
        self.deadlines.add_row(["", self.end_edit.date().toPython(), False])

    # ------------------------------------------------------------------ saving
    def campaign_info(self) -> CampaignInfo:
        return CampaignInfo(
            name=self.name_edit.text(), theme=self.theme_edit.text(), notes=self.notes_edit.toPlainText(),
            start=self.start_edit.date().toPython(), end=self.end_edit.date().toPython(),
            phases=[PhaseInfo(name, start, end) for name, start, end in self.phases.rows()],
            deadlines=[DeadlineInfo(title, due, key, MONTHLY if monthly else ONCE)
                       for (title, due, monthly), key in zip(self.deadlines.rows(), self.deadlines.keys())],
            is_current=bool(self.info and self.info.is_current), id=self.info.id if self.info else None,
            rule_set=self.rule_set_combo.currentData(),
            township_id=self.township_combo.currentData() if self.township_combo.count() > 2 else None)

    def _mark_rows(self, info: CampaignInfo) -> None:
        """Flag each phase and deadline the service finds fault with on its own (overlaps are named below)."""
        self.phases.mark({row: "\n".join(e.message for e in campaigns.validate(
            CampaignInfo(name="-", start=info.start, end=info.end, phases=[phase])))
            for row, phase in enumerate(info.phases)})
        self.deadlines.mark({row: "\n".join(e.message for e in campaigns.validate(
            CampaignInfo(name="-", start=info.start, end=info.start, deadlines=[deadline])))
            for row, deadline in enumerate(info.deadlines)})

    def save(self) -> bool:
        """Create or update through the service; False (with the messages shown) when refused."""
        self.errors.clear()
        info = self.campaign_info()
        if info.end >= info.start:
            self._mark_rows(info)
        else:
            self.phases.mark({})
            self.deadlines.mark({})
        try:
            if self.info is None:
                self.saved_id = campaigns.create(info, with_default_rules=True)
            else:
                campaigns.update(self.info.id, info)
                self.saved_id = self.info.id
        except ServiceError as exc:
            self.errors.show(merged(exc))
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
