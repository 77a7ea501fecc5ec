"""Organisation › Assigned targets…: define a target handed down per unit (name, unit) and give each
village/community or site its number, in one table; saved in one transaction, every change audited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.services import assigned_targets as assigned
from outreach_desk.services import organisation as org
from outreach_desk.services.errors import ServiceError
from outreach_desk.ui.shell.context import AppContext

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1


class AssignedTargetsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("assignedTargets")
        self.setWindowTitle(self.tr("Assigned targets (任务数)"))
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("target")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("newName")
        self.name_edit.setPlaceholderText(self.tr("New target, e.g. APP注册"))
        self.name_edit.setMaxLength(assigned.MAX_NAME)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setObjectName("newUnit")
        self.unit_edit.setPlaceholderText(self.tr("unit, e.g. 人"))
        self.unit_edit.setMaxLength(assigned.MAX_UNIT)
        self.define_button = QPushButton(self.tr("&Define"), self)
        self.define_button.setObjectName("define")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Target:"), self), 0)
        top.itemAt(0).widget().setBuddy(self.target_combo)
        top.addWidget(self.target_combo, 1)
        top.addWidget(self.name_edit, 1)
        top.addWidget(self.unit_edit, 0)
        top.addWidget(self.define_button)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("numbers")
        self.table.setHorizontalHeaderLabels([self.tr("Village / site"), self.tr("Number")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        hint = QLabel(self.tr("A rule counts against it with the quota assigned(\"name\"); an empty cell gives the "
                              "unit no number (not assessed)."), self)
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close,
                                        self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.define_button.clicked.connect(self.define)
        self.target_combo.currentIndexChanged.connect(self.load_numbers)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._stored: dict[tuple[str, int], int] = {}
        self.load_targets()
        self.resize(560, 560)

    def load_targets(self, select: int | None = None) -> None:
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for target in assigned.list_targets():
            self.target_combo.addItem(target.label, target.id)
        if select is not None:
            self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(select)))
        self.target_combo.blockSignals(False)
        self.load_numbers()

    def target_id(self) -> int | None:
        return self.target_combo.currentData()

    def load_numbers(self) -> None:
        target_id = self.target_id()
        numbers = assigned.numbers(target_id) if target_id is not None else {}
        self._stored = {(level, unit): n for (_t, level, unit), n in numbers.items()}
        tree = org.load_tree()
        rows = []
        for village in tree.all_villages():
            rows.append((village.name, (assigned.VILLAGE, village.id)))
            rows += [(f"    {site.name}", (assigned.SITE, site.id)) for site in tree.sites.get(village.id, [])]
        self.table.setRowCount(len(rows))
        for number, (label, key) in enumerate(rows):
            name = QTableWidgetItem(label)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setData(UNIT_ROLE, key)
            self.table.setItem(number, 0, name)
            stored = self._stored.get(key)
            self.table.setItem(number, 1, QTableWidgetItem("" if stored is None else str(stored)))
        self.table.setEnabled(target_id is not None)

    def define(self) -> None:
        try:
            target_id = assigned.define(self.name_edit.text(), self.unit_edit.text())
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.name_edit.clear()
        self.unit_edit.clear()
        self.load_targets(select=target_id)

    def typed_numbers(self) -> dict[tuple[str, int], int | None] | None:
        """The numbers as typed ({unit: number or None}); None after saying which cell is not a number."""
        typed = {}
        for row in range(self.table.rowCount()):
            key = self.table.item(row, 0).data(UNIT_ROLE)
            text = self.table.item(row, 1).text().strip().replace(",", "")
            if not text:
                typed[key] = None
                continue
            if not text.isdigit() or int(text) > assigned.MAX_NUMBER:
                QMessageBox.warning(self, self.windowTitle(), self.tr(
                    "{unit}: “{text}” is not a whole number of 0 or more.").format(
                    unit=self.table.item(row, 0).text().strip(), text=text))
                self.table.setCurrentCell(row, 1)
                return None
            typed[tuple(key)] = int(text)
        return typed

    def save(self) -> None:
        target_id = self.target_id()
        typed = self.typed_numbers() if target_id is not None else None
        if typed is None:
            return
        changes = {tuple(k): v for k, v in typed.items() if self._stored.get(tuple(k)) != v}
        try:
            changed = assigned.set_numbers(target_id, changes)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        if changed:
            self.context.data_changed.emit("organisation")
        self.load_numbers()
