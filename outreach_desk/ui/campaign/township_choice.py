"""A choice of township for a dialog that shows one campaign's things (report deadlines, the document archive):
in a county database each township has its own current campaign; with one township the choice stays hidden.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from outreach_desk.services.coverage import campaigns


class TownshipChoice(QWidget):
    """「乡镇：[平安镇 ▾]」; ``changed`` when the clerk picks another township."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("townshipChoice")
        self.combo = QComboBox(self)
        self.combo.setObjectName("campaignTownshipChoice")
        label = QLabel(self.tr("Townshi&p:"), self)
        label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo)
        row.addStretch(1)
        for township_id, name in campaigns.township_names().items():
            self.combo.addItem(name, township_id)
        self.setVisible(self.combo.count() > 1)
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def township_id(self) -> int | None:
        """The township chosen (None with one township or none: the database's only campaign pool)."""
        return self.combo.currentData() if self.combo.count() > 1 else None

    def current_campaign(self) -> campaigns.CampaignInfo | None:
        return campaigns.current(self.township_id())
