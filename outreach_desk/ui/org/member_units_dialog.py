"""Member units (成员单位) of a township with their duties: list, add, edit, delete.

Deleting a unit that organised activities is refused by the service; the refusal is shown as is.
Every change is announced as ``data_changed("organisation")`` so the entry form's lists refresh.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from outreach_desk.services import organisation as org
from outreach_desk.services.errors import ServiceError
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.widgets.field_errors import FieldErrors


class MemberUnitsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, township_id: int | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Member units"))
        self.setObjectName("memberUnitsDialog")

        self.township_combo = QComboBox(self)
        self.township_combo.setObjectName("township")
        for township in org.load_tree().townships:
            self.township_combo.addItem(township.name, township.id)
        if township_id is not None:
            self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(township_id)))
        township_row = QWidget(self)
        row_layout = QHBoxLayout(township_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(QLabel(self.tr("Township:"), township_row))
        row_layout.addWidget(self.township_combo, 1)
        township_row.setVisible(self.township_combo.count() > 1)

        self.unit_list = QListWidget(self)
        self.unit_list.setObjectName("units")
        self.new_button = QPushButton(self.tr("Ne&w"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.delete_button)
        list_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.unit_list, 1)
        left.addLayout(list_buttons)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setMaxLength(100)
        self.duties_edit = QPlainTextEdit(self)
        self.duties_edit.setObjectName("duties")
        self.duties_edit.setPlaceholderText(self.tr("What this unit does in the campaign, e.g. lectures, case reports"))
        self.duties_edit.setTabChangesFocus(True)
        self.usage_label = QLabel(self)
        self.usage_label.setObjectName("usage")
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        general = QLabel(self)
        self.errors = FieldErrors(general)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.errors.wrap("name", self.name_edit))
        form.addRow(self.tr("D&uties:"), self.errors.wrap("duties", self.duties_edit))
        form.addRow("", self.usage_label)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(general)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(township_row)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        self.township_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.unit_list.currentItemChanged.connect(self._show_current)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_current)
        self.resize(640, 420)
        self.reload()

    # ------------------------------------------------------------------ state
    def township_id(self) -> int | None:
        return self.township_combo.currentData()

    def current_unit_id(self) -> int | None:
        item = self.unit_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def reload(self, select_id: int | None = None) -> None:
        township_id = self.township_id()
        units = org.list_member_units(township_id) if township_id is not None else []
        self._units = {u.id: u for u in units}
        self.unit_list.blockSignals(True)
        self.unit_list.clear()
        for unit in units:
            item = QListWidgetItem(unit.name, self.unit_list)
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setToolTip(unit.duties)
            if unit.id == select_id:
                self.unit_list.setCurrentItem(item)
        self.unit_list.blockSignals(False)
        self.setEnabled(township_id is not None)
        self._show_current()

    def _show_current(self, *_args) -> None:
        self.errors.clear()
        unit = self._units.get(self.current_unit_id())
        self.name_edit.setText(unit.name if unit else "")
        self.duties_edit.setPlainText(unit.duties if unit else "")
        self.delete_button.setEnabled(unit is not None)
        if unit is None:
            self.usage_label.setText(self.tr("New member unit"))
        else:
            self.usage_label.setText(self.tr("Organised %n activity record(s).", None, org.member_unit_usage(unit.id)))

    # ------------------------------------------------------------------ actions
    def start_new(self) -> None:
        self.unit_list.setCurrentItem(None)
        self._show_current()
        self.name_edit.setFocus()

    def save(self) -> bool:
        """Add a new unit or update the selected one; False (with the message shown) when refused."""
        self.errors.clear()
        unit_id = self.current_unit_id()
        try:
            if unit_id is None:
                unit_id = org.add_member_unit(self.township_id(), self.name_edit.text(), self.duties_edit.toPlainText())
            else:
                org.update_member_unit(unit_id, name=self.name_edit.text(), duties=self.duties_edit.toPlainText())
        except ServiceError as exc:
            self.errors.show(exc)
            return False
        self.reload(select_id=unit_id)
        self.context.data_changed.emit("organisation")
        return True

    def delete_current(self) -> bool:
        unit = self._units.get(self.current_unit_id())
        if unit is None:
            return False
        answer = QMessageBox.question(self, self.tr("Delete member unit"),
                                      self.tr("Delete the member unit {name}?").format(name=unit.name),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            org.delete_member_unit(unit.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), str(exc))
            return False
        self.reload()
        self.context.data_changed.emit("organisation")
        return True
