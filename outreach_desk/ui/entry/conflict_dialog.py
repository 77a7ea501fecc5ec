"""When another clerk saved the record being edited: both versions side by side, and the clerk's choice.

The activity entry form and the survey and parent-letter forms show this after a save refused with
``ConflictError`` (services/record_versions.py): who saved the record and when, then a table of every field
with what the other clerk stored and what this clerk typed, the fields that differ marked. Three ways on:
keep theirs (drop this edit), overwrite with mine (save again over theirs, knowingly), or edit again (the
form keeps everything typed; fields left alone take the stored values).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ConflictError

KEEP_THEIRS, OVERWRITE, EDIT_AGAIN = "theirs", "mine", "edit"
DIFFERS = QColor("#FFF2CC")


class ConflictDialog(QDialog):
    """Theirs against mine, field by field; ``choice`` is KEEP_THEIRS, OVERWRITE or EDIT_AGAIN (None: closed)."""

    def __init__(self, exc: ConflictError, theirs: dict, typed: dict, record_type: str,
                 parent: QWidget | None = None):
        from outreach_desk.ui.audit.model import field_label, value_text

        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else saved this record"))
        self.choice: str | None = None
        intro = QLabel(str(exc) + "\n" + self.tr("Compare the two versions and choose which one to keep."), self)
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        who = exc.who or self.tr("Another clerk")
        keys = list(theirs)
        self.table = QTableWidget(len(keys), 3, self)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Saved by {who}").format(who=who),
                                              self.tr("What you typed")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        self.differing: list[str] = []
        for row, key in enumerate(keys):
            texts = (field_label(key), *(value_text(key, side[key], record_type) for side in (theirs, typed)))
            differs = texts[1] != texts[2]
            if differs:
                self.differing.append(key)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if differs:
                    item.setBackground(QBrush(DIFFERS))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        legend = QLabel(self.tr("%n field(s) differ, marked in yellow.", "", len(self.differing)), self)
        legend.setObjectName("conflictLegend")
        buttons = QDialogButtonBox(self)
        self.theirs_button = self._button(buttons, "keepTheirs", self.tr("&Keep theirs"), KEEP_THEIRS,
                                          QDialogButtonBox.ButtonRole.RejectRole)
        self.mine_button = self._button(buttons, "overwriteWithMine", self.tr("&Overwrite with mine"), OVERWRITE,
                                        QDialogButtonBox.ButtonRole.AcceptRole)
        self.edit_button = self._button(buttons, "editAgain", self.tr("&Edit again"), EDIT_AGAIN,
                                        QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.setDefault(True)
        self.edit_button.setToolTip(self.tr("Your typing stays in the form; the fields you did not change take the "
                                            "values saved by {who}. Save again when done.").format(who=who))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.resize(760, 440)

    def _button(self, box: QDialogButtonBox, name: str, text: str, choice: str,
                role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = box.addButton(text, role)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted if choice != KEEP_THEIRS else QDialog.DialogCode.Rejected)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # once the columns have their widths, so long notes wrap in them

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc is "edit again": the safest way out keeps the typing
            self._choose(EDIT_AGAIN)
            return
        super().keyPressEvent(event)


def ask(parent: QWidget | None, exc: ConflictError, theirs: dict, typed: dict, record_type: str) -> str:
    """Show the two versions (``theirs`` and ``typed``: field -> value as a clerk reads it, in the form's order)
    and return the clerk's choice (closing the window means edit again)."""
    dialog = ConflictDialog(exc, theirs, typed, record_type, parent)
    dialog.exec()
    return dialog.choice or EDIT_AGAIN


def outcome_text(exc: ConflictError, choice: str) -> str:
    """What the form says after keeping theirs or before editing again."""
    who = exc.who or _tr("the other clerk")
    if choice == KEEP_THEIRS:
        return _tr("The record stays as {who} saved it; your changes were dropped.").format(who=who)
    return _tr("The form keeps what you typed; the fields you left alone now show what {who} saved. "
               "Press Enter to save.").format(who=who)


def _tr(text: str) -> str:
    return translate("ConflictDialog", text)
