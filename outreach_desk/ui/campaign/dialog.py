"""The campaigns (专项行动): list with the current one marked; new, edit, delete, set as current; in a county
database each campaign's township is shown and a campaign can be copied to a township.

Forms open window-modal (``open()``), so the list stays in charge of reloading after a save.
Every change is announced as ``data_changed("campaign")`` so the coverage page recomputes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QDialog, QMessageBox,
                               QPushButton, QTableWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.services.coverage import campaigns
from outreach_desk.services.coverage.campaigns import CampaignInfo
from outreach_desk.services.errors import ServiceError
from outreach_desk.ui.campaign.copy_offer import CopyCampaignDialog
from outreach_desk.ui.campaign.form import CampaignForm
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.widgets.list_table import close_buttons, list_table, list_with_buttons


class CampaignDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("campaignDialog")
        self.setWindowTitle(self.tr("Campaigns"))
        self.form: CampaignForm | None = None
        self.rules_editor = None
        self._campaigns: list[CampaignInfo] = []

        self.table = list_table(self, "campaigns", [self.tr("Campaign"), self.tr("From"), self.tr("To"),
                                                    self.tr("Current"), self.tr("Township")])

        self.new_button = QPushButton(self.tr("&New…"), self)
        self.new_button.setObjectName("newCampaign")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("editCampaign")
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("deleteCampaign")
        self.current_button = QPushButton(self.tr("Set as &current"), self)
        self.current_button.setObjectName("setCurrent")
        self.rules_button = QPushButton(self.tr("Target &rules…"), self)
        self.rules_button.setObjectName("campaignRules")
        self.copy_button = QPushButton(self.tr("Cop&y to a township…"), self)
        self.copy_button.setObjectName("copyCampaignTo")
        self.copy_button.setToolTip(self.tr("Give a township of this county database its own copy of the selected "
                                            "campaign, with its phases, report deadlines and target rules"))
        self.copy_dialog: CopyCampaignDialog | None = None
        body = list_with_buttons(self.table, [self.new_button, self.edit_button, self.delete_button,
                                              self.current_button, self.rules_button, self.copy_button])
        close = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.current_button.clicked.connect(self.make_current)
        self.rules_button.clicked.connect(self.open_rules)
        self.copy_button.clicked.connect(self.copy_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.resize(680, 360)
        self.reload()

    # ------------------------------------------------------------------ state
    def reload(self, select_id: int | None = None) -> None:
        self._campaigns = campaigns.list_campaigns()
        names = campaigns.township_names()
        several = len(names) > 1  # a county database: whose each campaign is, and copies for townships
        self.table.setColumnHidden(4, not several)
        self.copy_button.setVisible(several)
        self.table.setRowCount(0)
        bold = QFont(self.font())
        bold.setBold(True)
        for campaign in self._campaigns:
            row = self.table.rowCount()
            self.table.insertRow(row)
            owner = names.get(campaign.township_id) if campaign.township_id is not None else None
            cells = (campaign.name, campaign.start.isoformat(), campaign.end.isoformat(),
                     self.tr("✔ current") if campaign.is_current else "", owner or self.tr("County (shared)"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, campaign.id)
                if campaign.is_current:
                    item.setFont(bold)
                if column == 0 and campaign.theme:
                    item.setToolTip(campaign.theme)
                self.table.setItem(row, column, item)
            if campaign.id == select_id or (select_id is None and campaign.is_current):
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> CampaignInfo | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectionModel().hasSelection():
            return None
        return self._campaigns[row] if row < len(self._campaigns) else None

    def select(self, campaign_id: int) -> None:
        for row, campaign in enumerate(self._campaigns):
            if campaign.id == campaign_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        campaign = self.selected()
        for button in (self.edit_button, self.delete_button, self.rules_button, self.copy_button):
            button.setEnabled(campaign is not None)
        self.current_button.setEnabled(campaign is not None and not campaign.is_current)

    # ------------------------------------------------------------------ actions
    def _open_form(self, info: CampaignInfo | None) -> CampaignForm:
        self.form = CampaignForm(info, self)
        self.form.accepted.connect(self._form_saved)
        self.form.open()
        return self.form

    def new_campaign(self) -> CampaignForm:
        return self._open_form(None)

    def edit_current(self) -> CampaignForm | None:
        campaign = self.selected()
        return None if campaign is None else self._open_form(campaign)

    def _form_saved(self) -> None:
        self.reload(select_id=self.form.saved_id)
        self.context.data_changed.emit("campaign")
        self.context.data_changed.emit("rules")

    def delete_current(self) -> bool:
        campaign = self.selected()
        if campaign is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete campaign"),
            self.tr("Delete the campaign {name} with its phases, report deadlines and target rules? "
                    "Activity records stay in the ledger.").format(name=campaign.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            campaigns.delete(campaign.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), str(exc))
            self.reload()
            return False
        self.reload()
        self.context.data_changed.emit("campaign")
        return True

    def make_current(self) -> bool:
        campaign = self.selected()
        if campaign is None:
            return False
        try:
            campaigns.set_current(campaign.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Cannot do that"), str(exc))
            self.reload()
            return False
        self.reload(select_id=campaign.id)
        self.context.data_changed.emit("campaign")
        return True

    def copy_selected(self) -> CopyCampaignDialog | None:
        """The copy dialog with the selected campaign as the one to copy; the list shows the copy after."""
        campaign = self.selected()
        if campaign is None:
            return None
        self.copy_dialog = CopyCampaignDialog(parent=self, source_id=campaign.id)
        self.copy_dialog.accepted.connect(self._copied)
        self.copy_dialog.open()
        return self.copy_dialog

    def _copied(self) -> None:
        self.reload(select_id=self.copy_dialog.copied_id)
        self.context.data_changed.emit("campaign")
        self.context.data_changed.emit("rules")

    def open_rules(self):
        """The rules editor on the selected campaign."""
        from outreach_desk.ui.campaign.rules_editor import RulesEditor

        campaign = self.selected()
        if campaign is None:
            return None
        self.rules_editor = RulesEditor(self.context, self, campaign_id=campaign.id)
        self.rules_editor.open()
        return self.rules_editor
