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

    def __init__(self, parent: QWidget | None = None, all_label: str | None = None, labelled: bool = True):
        """``all_label``: a first choice meaning every township (the county's own report), None as its data;
        ``labelled`` False leaves the label out, for a form row that has its own."""
        super().__init__(parent)
        self.setObjectName("townshipChoice")
        self.combo = QComboBox(self)
        self.combo.setObjectName("campaignTownshipChoice")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        if labelled:
            label = QLabel(self.tr("Townshi&p:"), self)
            label.setBuddy(self.combo)
            row.addWidget(label)
        row.addWidget(self.combo)
        row.addStretch(1)
        names = campaigns.township_names()
        if all_label is not None and len(names) > 1:
            self.combo.addItem(all_label, None)
        for township_id, name in names.items():
            self.combo.addItem(name, township_id)
        self.setVisible(len(names) > 1)
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def township_id(self) -> int | None:
        """The township chosen (None with one township or none: the database's only campaign pool; or every
        township, when the ``all_label`` choice is chosen)."""
        return self.combo.currentData() if self.combo.count() > 1 else None

    def current_campaign(self) -> campaigns.CampaignInfo | None:
        return campaigns.current(self.township_id())
