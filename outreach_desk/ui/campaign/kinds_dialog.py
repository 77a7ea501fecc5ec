"""The activity kind catalogue: built-in and own kinds, adding a kind, (de)activating one, and whether each
record of a kind needs a photo (须附照片, the evidence rule of ``submission.evidence``: ticked in the table).

Kinds are never deleted (records and target rules refer to them); an inactive kind is only
hidden from the entry form. Changes are announced as ``data_changed("organisation")``.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from outreach_desk.services import organisation as org
from outreach_desk.services.errors import ServiceError
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.widgets.field_errors import FieldErrors


class KindsTableModel(QAbstractTableModel):
    """Table of :func:`organisation.list_kinds`, inactive kinds greyed out; the photo column is a check box
    that sets the kind's evidence rule (audited) and announces it with ``photo_rule_changed``."""

    COLUMNS = ("name_zh", "name_en", "unit", "requires_photo", "builtin", "active")
    photo_rule_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._kinds: list[org.KindInfo] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._kinds = org.list_kinds()
        self.endResetModel()

    def kind(self, row: int) -> org.KindInfo | None:
        return self._kinds[row] if 0 <= row < len(self._kinds) else None

    def row_of(self, kind_id: int) -> int:
        return next((row for row, kind in enumerate(self._kinds) if kind.id == kind_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._kinds)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Chinese name"), self.tr("English name"), self.tr("Unit"), self.tr("Needs photo"),
                  self.tr("Source"), self.tr("Status"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        kind = self._kinds[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "requires_photo":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if kind.requires_photo else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Each record of this kind needs at least one photo; records without one are listed "
                               "as 缺影像资料 in the gap list, the report and the upward package")
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "requires_photo":
                return None
            if column == "unit":
                return kind.unit
            if column == "builtin":
                return self.tr("Built in") if kind.builtin else self.tr("Own")
            if column == "active":
                return self.tr("In use") if kind.active else self.tr("Inactive")
            return getattr(kind, column)
        if role == Qt.ItemDataRole.ForegroundRole and not kind.active:
            return QColor("#9e9e9e")
        if role == Qt.ItemDataRole.UserRole:
            return kind.id
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.COLUMNS[index.column()] == "requires_photo":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.CheckStateRole
                or self.COLUMNS[index.column()] != "requires_photo"):
            return False
        from outreach_desk.services.submission import evidence

        kind = self._kinds[index.row()]
        required = Qt.CheckState(value) == Qt.CheckState.Checked
        evidence.set_photo_required(kind.id, required)
        self._kinds[index.row()] = dataclasses.replace(kind, requires_photo=required)
        self.dataChanged.emit(index, index, [role])
        self.photo_rule_changed.emit(kind.id)
        return True


class KindsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("kindsDialog")
        self.setWindowTitle(self.tr("Activity kinds"))
        self.model = KindsTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("kinds")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.toggle_button = QPushButton(self)
        self.toggle_button.setObjectName("toggleActive")
        self.toggle_button.clicked.connect(self.toggle_current)

        self.name_zh_edit = QLineEdit(self)
        self.name_zh_edit.setObjectName("name_zh")
        self.name_en_edit = QLineEdit(self)
        self.name_en_edit.setObjectName("name_en")
        self.unit_zh_edit = QLineEdit(self)
        self.unit_zh_edit.setObjectName("unit_zh")
        self.unit_zh_edit.setPlaceholderText(self.tr("e.g. pieces, sessions"))
        self.unit_en_edit = QLineEdit(self)
        self.unit_en_edit.setObjectName("unit_en")
        self.photo_check = QCheckBox(self.tr("Each record needs a &photo (影像资料)"), self)
        self.photo_check.setObjectName("requires_photo")
        for edit, length in ((self.name_zh_edit, 100), (self.name_en_edit, 100), (self.unit_zh_edit, 20),
                             (self.unit_en_edit, 20)):
            edit.setMaxLength(length)
        self.add_button = QPushButton(self.tr("&Add kind"), self)
        self.add_button.setObjectName("addKind")
        self.add_button.clicked.connect(self.add_kind)
        general = QLabel(self)
        self.errors = FieldErrors(general)
        add_box = QGroupBox(self.tr("New activity kind"), self)
        form = QFormLayout(add_box)
        form.addRow(self.tr("&Chinese name:"), self.errors.wrap("name", self.name_zh_edit))
        form.addRow(self.tr("&English name:"), self.errors.wrap("name_en", self.name_en_edit))
        form.addRow(self.tr("&Unit (Chinese):"), self.unit_zh_edit)
        form.addRow(self.tr("Unit (E&nglish):"), self.unit_en_edit)
        form.addRow("", self.photo_check)
        form.addRow(general)
        form.addRow("", self.add_button)

        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.toggle_button)
        table_buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(table_buttons)
        layout.addWidget(add_box)
        layout.addWidget(close)

        self.model.reload()
        self.model.photo_rule_changed.connect(lambda _kind: self.context.data_changed.emit("organisation"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_toggle())
        self._update_toggle()
        self.resize(620, 560)

    def current_kind(self) -> org.KindInfo | None:
        index = self.table.currentIndex()
        return self.model.kind(index.row()) if index.isValid() else None

    def select_kind(self, kind_id: int) -> None:
        row = self.model.row_of(kind_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _update_toggle(self) -> None:
        kind = self.current_kind()
        self.toggle_button.setEnabled(kind is not None)
        self.toggle_button.setText(self.tr("&Reactivate") if kind is not None and not kind.active
                                   else self.tr("&Deactivate"))

    def _reload(self, select_id: int | None) -> None:
        self.model.reload()
        if select_id is not None:
            self.select_kind(select_id)
        self._update_toggle()
        self.context.data_changed.emit("organisation")

    def toggle_current(self) -> None:
        kind = self.current_kind()
        if kind is None:
            return
        org.set_kind_active(kind.id, not kind.active)
        self._reload(kind.id)

    def add_kind(self) -> int | None:
        """Add the kind typed in the form; its id, or None with the refusal shown beside the field."""
        self.errors.clear()
        try:
            kind_id = org.add_kind(self.name_zh_edit.text(), self.name_en_edit.text(), self.unit_zh_edit.text().strip(),
                                   self.unit_en_edit.text().strip(), requires_photo=self.photo_check.isChecked())
        except ServiceError as exc:
            self.errors.show(exc)
            return None
        for edit in (self.name_zh_edit, self.name_en_edit, self.unit_zh_edit, self.unit_en_edit):
            edit.clear()
        self.photo_check.setChecked(False)
        self._reload(kind_id)
        return kind_id
