"""What a page shows for a township of a county database that has no campaign of its own: the sentence
saying so and a button that copies the county's or another township's campaign to it (with its phases,
deadlines and target rules, through ``campaigns.copy_to``), after which the page shows the copy.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import campaigns
from outreach_desk.services.errors import ServiceError
from outreach_desk.ui.shell.context import AppContext


def _tr(text: str) -> str:
    return translate("CampaignCopy", text)


def owner_label(campaign: campaigns.CampaignInfo, names: dict[int, str]) -> str:
    """「平安镇：冬季行动」, or 「全县：冬季行动」 for the county's shared campaign."""
    owner = names.get(campaign.township_id) if campaign.township_id is not None else None
    return _tr("{owner}: {name}").format(owner=owner or _tr("county"), name=campaign.name)


class CopyCampaignDialog(QDialog):
    """Choose whose campaign to copy and to which township (the page's township fixed, or the campaigns
    dialog's selected campaign preset); the copy is made on OK."""

    def __init__(self, township_id: int | None = None, township: str = "", parent: QWidget | None = None, *,
                 source_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("copyCampaignDialog")
        self.setWindowTitle(self.tr("Copy a campaign to {township}").format(township=township) if township_id
                            else self.tr("Copy a campaign to a township"))
        self.copied_id: int | None = None
        names = campaigns.township_names()
        self.source = QComboBox(self)
        self.source.setObjectName("copySource")
        for campaign in campaigns.list_campaigns():
            if township_id is None or campaign.township_id != township_id:
                self.source.addItem(owner_label(campaign, names), campaign.id)
        self.source.setCurrentIndex(max(0, self.source.findData(source_id)))
        self.target = QComboBox(self)
        self.target.setObjectName("copyTarget")
        for target_id, name in names.items():
            self.target.addItem(name, target_id)
        self.target.setCurrentIndex(max(0, self.target.findData(township_id)))
        self.target.setEnabled(township_id is None)
        note = QLabel(self.tr("The copy takes the campaign's dates, phases, report deadlines and target rules; "
                              "change them afterwards for that township alone."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Copy:"), self.source)
        form.addRow(self.tr("&To township:"), self.target)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Copy"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.source.count() > 0)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        try:
            self.copied_id = campaigns.copy_to(self.source.currentData(), self.target.currentData())
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Cannot copy"), str(exc))
            return
        super().accept()


class CopyOffer(QWidget):
    """The sentence and the 复制专项行动… button, shown in a page's empty state; ``copied`` after a copy."""

    copied = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("campaignCopyOffer")
        self.township_id: int | None = None
        self.township = ""
        self.dialog: CopyCampaignDialog | None = None
        self.button = QPushButton(self.tr("Copy a campaign to this township…"), self)
        self.button.setObjectName("copyCampaign")
        self.button.clicked.connect(self.open_dialog)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.hide()

    def message(self, township: str, consequence: str) -> str:
        """The empty state's text: whose campaign is missing, the page's ``consequence`` (a sentence), the way out."""
        return self.tr("{missing} {consequence}\n\n{way_out}").format(
            missing=self.tr("{township} has no campaign of its own yet.").format(township=township),
            consequence=consequence,
            way_out=self.tr("Copy the county's or another township's campaign to it; {township} can then change "
                            "its target rules and report deadlines alone.").format(township=township))

    def offer(self, error: campaigns.NoCampaignError | None) -> bool:
        """Show the button for the township ``error`` names (hide it otherwise); True when it is shown."""
        self.township_id = error.township_id if error is not None else None
        self.township = error.township if error is not None else ""
        self.setVisible(self.township_id is not None)
        return self.township_id is not None

    def open_dialog(self) -> CopyCampaignDialog | None:
        if self.township_id is None:
            return None
        self.dialog = CopyCampaignDialog(self.township_id, self.township, self)
        self.dialog.accepted.connect(self._copied)
        self.dialog.open()
        return self.dialog

    def _copied(self) -> None:
        self.context.data_changed.emit("campaign")
        self.context.data_changed.emit("rules")
        self.copied.emit(self.dialog.copied_id)
