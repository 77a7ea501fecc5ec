"""The first run on an empty database: the two ways in, side by side.

Add the township by hand (the township dialog, then villages and sites from the organisation
tree), or import the office's organisation workbook, whose blank form is one click away.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstRunDialog(QDialog):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("Welcome to Outreach Desk"))
        intro = QLabel(self.tr("This database holds no township yet. Set up the organisation (township, villages "
                               "and communities, sites, member units) one of two ways:"), self)
        intro.setWordWrap(True)
        self.by_hand = QPushButton(self.tr("&Add the township by hand…"), self)
        self.by_hand.setObjectName("byHand")
        self.from_workbook = QPushButton(self.tr("&Import the organisation workbook…"), self)
        self.from_workbook.setObjectName("fromWorkbook")
        self.blank_form = QPushButton(self.tr("&Make the blank organisation workbook to fill in…"), self)
        self.blank_form.setObjectName("blankForm")
        self.later = QPushButton(self.tr("&Later"), self)
        self.later.setObjectName("later")
        hint = QLabel(self.tr("A township of 20–30 villages is quickest from its Excel list: make the blank "
                              "workbook, paste the office's lists into its sheets, and import it."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.by_hand, self.from_workbook, self.blank_form):
            layout.addWidget(button)
        layout.addWidget(hint)
        layout.addWidget(self.later)
        self.by_hand.clicked.connect(self._by_hand)
        self.from_workbook.clicked.connect(self._from_workbook)
        self.blank_form.clicked.connect(self._blank_form)
        self.later.clicked.connect(self.reject)
        self.by_hand.setFocus()
        self.resize(460, self.sizeHint().height())

    def _org_actions(self):
        return self.window_.excel_actions.org_workbook

    def _by_hand(self) -> None:
        from outreach_desk.ui.org.dialogs import TownshipDialog

        dialog = TownshipDialog(self.window_)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.window_.context.data_changed.emit("organisation")
            self.accept()

    def _from_workbook(self) -> None:
        self.accept()
        self._org_actions().choose_and_import()

    def _blank_form(self) -> None:
        self._org_actions().make_template()


def offer_first_run(window) -> FirstRunDialog | None:
    """Show the first-run choices when the open database holds no township; return the dialog shown."""
    from outreach_desk.services import organisation

    if organisation.load_tree().townships:
        return None
    dialog = FirstRunDialog(window)
    dialog.open()
    return dialog
