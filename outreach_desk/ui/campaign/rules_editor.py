"""The target rules of a campaign (the current one unless another is chosen): switch on/off, add,
edit, delete, and add back default rules the campaign lacks.

Every write goes through ``services.coverage.rules`` (which validates again) and is announced
as ``data_changed("rules")`` so the coverage page recomputes.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget)

from outreach_desk.services.coverage import campaigns, rules
from outreach_desk.services.errors import ServiceError
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.campaign.rule_form import RuleForm
from outreach_desk.ui.campaign.rule_table import RulesTableModel


class RulesEditor(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, campaign_id: int | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("rulesEditor")
        self.setWindowTitle(self.tr("Target rules"))
        self.form: RuleForm | None = None

        self.campaign_combo = QComboBox(self)
        self.campaign_combo.setObjectName("campaign")
        campaign_label = QLabel(self.tr("&Campaign:"), self)
        campaign_label.setBuddy(self.campaign_combo)
        self.empty_label = QLabel(self.tr("No campaign has been set up yet. Create one under Campaigns… first."),
                                  self)
        self.empty_label.setObjectName("noCampaign")
        top = QHBoxLayout()
        top.addWidget(campaign_label)
        top.addWidget(self.campaign_combo, 1)

        self.model = RulesTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("rules")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RulesTableModel.ENABLED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RulesTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((RulesTableModel.APPLIES_TO, 170), (RulesTableModel.KINDS, 150),
                              (RulesTableModel.MEASURE, 110), (RulesTableModel.QUOTA, 100),
                              (RulesTableModel.PERIOD, 90)):
            header.resizeSection(column, width)

        self.new_button = QPushButton(self.tr("&New rule…"), self)
        self.new_button.setObjectName("newRule")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("editRule")
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("deleteRule")
        self.defaults_button = QPushButton(self.tr("&Restore default rules…"), self)
        self.defaults_button.setObjectName("restoreDefaults")
        self.defaults_button.setToolTip(self.tr("Add back the default rules this campaign no longer has; "
                                                "rules you changed stay as they are."))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.defaults_button.setAutoDefault(False)
        buttons.addWidget(self.defaults_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)

        self.model.enabled_changed.connect(lambda _id, _on: self.context.data_changed.emit("rules"))
        self.model.refused.connect(self._refused)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(self._double_clicked)
        self.campaign_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(self.new_rule)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.resize(1000, 560)
        self._load_campaigns(campaign_id)

    # ------------------------------------------------------------------ state
    def _load_campaigns(self, campaign_id: int | None) -> None:
        self.campaign_combo.blockSignals(True)
        self.campaign_combo.clear()
        chosen = 0
        for index, campaign in enumerate(campaigns.list_campaigns()):
            text = campaign.name + (self.tr(" (current)") if campaign.is_current else "")
            self.campaign_combo.addItem(text, campaign.id)
            if campaign.id == campaign_id or (campaign_id is None and campaign.is_current):
                chosen = index
        self.campaign_combo.setCurrentIndex(chosen)
        self.campaign_combo.blockSignals(False)
        has_campaign = self.campaign_combo.count() > 0
        self.empty_label.setVisible(not has_campaign)
        for widget in (self.campaign_combo, self.table, self.new_button, self.defaults_button):
            widget.setEnabled(has_campaign)
        self.reload()

    def campaign_id(self) -> int | None:
        return self.campaign_combo.currentData()

    def reload(self, select_id: int | None = None) -> None:
        self.model.load(self.campaign_id())
        if select_id is not None and (row := self.model.row_of(select_id)) >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def current_rule(self) -> rules.Rule | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rule(rows[0].row()) if rows else None

    def select_rule(self, rule_id: int) -> None:
        row = self.model.row_of(rule_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        selected = self.current_rule() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Cannot do that"), message)
        self.reload()

    def _changed(self, select_id: int | None = None) -> None:
        self.reload(select_id)
        self.context.data_changed.emit("rules")

    # ------------------------------------------------------------------ actions
    def _double_clicked(self, index) -> None:
        if index.column() != RulesTableModel.ENABLED:
            self.edit_current()

    def _open_form(self, rule: rules.Rule | None) -> RuleForm:
        keys = {r.key for r in rules.list_rules(self.campaign_id())}
        self.form = RuleForm(self.campaign_id(), rule, self, existing_keys=keys)
        self.form.accepted.connect(lambda: self._changed(self.form.saved_id))
        self.form.open()
        return self.form

    def new_rule(self) -> RuleForm | None:
        return None if self.campaign_id() is None else self._open_form(None)

    def edit_current(self) -> RuleForm | None:
        rule = self.current_rule()
        return None if rule is None else self._open_form(rule)

    def delete_current(self) -> bool:
        rule = self.current_rule()
        if rule is None:
            return False
        answer = QMessageBox.question(self, self.tr("Delete target rule"),
                                      self.tr("Delete the target rule \"{name}\"? Coverage will no longer show it.")
                                      .format(name=rule.name),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            rules.delete(rule.id)
        except ServiceError as exc:
            self._refused(str(exc))
            return False
        self._changed()
        return True

    def restore_defaults(self) -> int:
        """Add the default rules whose keys the campaign lacks; the number added."""
        campaign_id = self.campaign_id()
        if campaign_id is None:
            return 0
        answer = QMessageBox.question(self, self.tr("Restore default rules"),
                                      self.tr("Add back every default rule this campaign no longer has? Rules that "
                                              "are still there, including ones you changed, stay as they are."),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        try:
            added = rules.load_defaults(campaign_id)
        except ServiceError as exc:
            self._refused(str(exc))
            return 0
        if added:
            self._changed(added[0])
        QMessageBox.information(self, self.tr("Restore default rules"),
                                self.tr("%n default rule(s) added.", None, len(added)) if added
                                else self.tr("The campaign already has every default rule."))
        return len(added)
