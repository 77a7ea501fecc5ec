"""材料归档…: the documents the current campaign asks for (总结, 典型案例, 经验做法 …) by phase, with due
date, state (overdue in red until a file is attached) and files; files are attached by the file dialog
or by dropping them on the dialog (onto the selected document), opened, and removed. Attaching and
removing go on the window's undo stack (Ctrl+Z here too)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.ui.campaign.township_choice import TownshipChoice
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.undo_command import StoreCommand, push
from outreach_desk.ui.widgets.photo_drop import PhotoDropTarget

FOLDER_KEY = "submission/documents_folder"
OVERDUE_COLOR = QColor("#c62828")
TOPIC = "documents"


class AttachCommand(StoreCommand):
    """Attach files to a document; undo takes them off again (their stored copies stay for a redo)."""

    def __init__(self, context: AppContext, document, paths: list[str], text: str):
        super().__init__(context, TOPIC, text)
        self.document, self.paths, self.rows, self.ids = document, paths, None, []

    def _redo(self) -> None:
        from outreach_desk.services.submission import documents

        if self.rows is None:
            self.ids = documents.attach(self.document, self.paths)
        else:
            self.ids = documents.put_back(self.rows)

    def _undo(self) -> None:
        from outreach_desk.services.submission import documents

        self.rows = documents.remove(self.ids)


class RemoveCommand(StoreCommand):
    """Take a file off its document; undo attaches it again."""

    def __init__(self, context: AppContext, file_id: int, text: str):
        super().__init__(context, TOPIC, text)
        self.file_id, self.rows = file_id, []

    def _redo(self) -> None:
        from outreach_desk.services.submission import documents

        self.rows = documents.remove([self.file_id])

    def _undo(self) -> None:
        from outreach_desk.services.submission import documents

        documents.put_back(self.rows)


class DocumentsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.context = context
        self.today = today or dt.date.today()
        self.found = []
        self.setObjectName("documents")
        self.setWindowTitle(self.tr("Document archive"))
        self.headers = [self.tr("Document"), self.tr("Phase"), self.tr("Due"), self.tr("State"),
                        self.tr("Attached on")]
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("documentsTree")
        self.tree.setHeaderLabels(self.headers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.hint = QLabel(self.tr("A document stays overdue until a file is attached. Drop files on this window to "
                                   "attach them to the selected document; the month's upward package takes the files "
                                   "attached in that month."), self)
        self.hint.setObjectName("documentsHint")
        self.hint.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("documentsStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.attach_button = self._button(buttons, self.tr("&Attach files…"), "attachDocument", self.choose_files)
        self.open_button = self._button(buttons, self.tr("&Open"), "openDocument", self.open_selected)
        self.remove_button = self._button(buttons, self.tr("&Remove"), "removeDocument", self.remove_selected)
        buttons.rejected.connect(self.reject)
        undo = context.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.addAction(undo)
        self.township = TownshipChoice(self)
        self.township.changed.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.addWidget(self.township)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._drop = PhotoDropTarget(self, self.attach_files)
        context.data_changed.connect(self._on_data_changed)
        self.resize(900, 480)
        self.reload()

    def _button(self, box: QDialogButtonBox, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ showing
    def _state(self, document) -> str:
        from outreach_desk.services.submission import documents

        status = document.status(self.today)
        if status == documents.ATTACHED:
            return self.tr("Attached")
        if status == documents.SENT:
            return self.tr("Marked sent {date}, no file").format(date=document.marked_sent.isoformat())
        if status == documents.OVERDUE:
            return self.tr("Overdue by %n days", None, (self.today - document.due).days)
        return self.tr("Due in %n days", None, (document.due - self.today).days)

    def reload(self) -> None:
        from outreach_desk.services.submission import documents

        wanted = self.selected_key()
        campaign = self.township.current_campaign()
        self.found = documents.archive(campaign) if campaign else []
        if wanted is None:  # at first the first overdue document is selected, ready for its file
            wanted = next(((d.title, d.month) for d in self.found if d.status(self.today) == documents.OVERDUE), None)
        self.tree.clear()
        for index, document in enumerate(self.found):
            overdue = document.status(self.today) == documents.OVERDUE
            item = QTreeWidgetItem([document.title, document.phase, document.due.isoformat(), self._state(document),
                                    "" if document.files else "—"])
            item.setData(0, Qt.ItemDataRole.UserRole, ("document", index))
            if overdue:
                for column in range(len(self.headers)):
                    item.setForeground(column, QBrush(OVERDUE_COLOR))
            for number, stored in enumerate(document.files):
                child = QTreeWidgetItem([stored.original_name, "", "", self._size(stored.size),
                                         f"{stored.attached_at:%Y-%m-%d %H:%M} {stored.attached_by}".strip()])
                child.setData(0, Qt.ItemDataRole.UserRole, ("file", index, number))
                child.setToolTip(0, f"SHA-256 {stored.sha256}")
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
            if wanted == (document.title, document.month):
                self.tree.setCurrentItem(item)
        if campaign is None:
            self.status.setText(self.tr("No campaign has been set up yet: create one under Campaign › Campaigns…"))
        elif not self.found:
            self.status.setText(documents.no_documents_text())
        self._update_buttons()

    @staticmethod
    def _size(size: int) -> str:
        from outreach_desk.services.safe_files import format_size

        return format_size(size)

    def _on_data_changed(self, what: str) -> None:
        if what in (TOPIC, "campaign"):
            self.reload()

    # ------------------------------------------------------------------ selection
    def _selected(self):
        item = self.tree.currentItem()
        return None if item is None or not item.isSelected() else item.data(0, Qt.ItemDataRole.UserRole)

    def selected_document(self):
        data = self._selected()
        return None if data is None else self.found[data[1]]

    def selected_file(self):
        data = self._selected()
        return None if data is None or data[0] != "file" else self.found[data[1]].files[data[2]]

    def selected_key(self):
        document = self.selected_document()
        return None if document is None else (document.title, document.month)

    def select_document(self, title: str) -> None:
        for row in range(self.tree.topLevelItemCount()):
            if self.found[row].title == title:
                self.tree.setCurrentItem(self.tree.topLevelItem(row))
                return

    def _update_buttons(self) -> None:
        self.attach_button.setEnabled(self.selected_document() is not None)
        self.open_button.setEnabled(self.selected_file() is not None)
        self.remove_button.setEnabled(self.selected_file() is not None)

    # ------------------------------------------------------------------ actions
    def choose_files(self) -> None:
        from outreach_desk.services.submission import documents

        if self.selected_document() is None:
            return
        patterns = " ".join(documents.FILE_PATTERNS)
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), str(self.context.settings.value(FOLDER_KEY, str(Path.home()))),
            self.tr("Documents ({patterns});;All files (*)").format(patterns=patterns))
        if paths:
            self.context.settings.setValue(FOLDER_KEY, str(Path(paths[0]).parent))
            self.attach_files(paths)

    def attach_files(self, paths: list[str]) -> bool:
        """Attach ``paths`` to the selected document (one undo step); say why not when refused."""
        document = self.selected_document()
        if document is None:
            self.status.setText(self.tr("Select the document the files belong to, then drop them again."))
            return False
        text = self.tr("Attach files to {title}").format(title=document.title)
        failure = push(self.context, AttachCommand(self.context, document, list(paths), text))
        if failure is not None:
            self._refused(failure)
            return False
        self.status.setText(self.tr("%n files attached to {title}.", None, len(paths)).format(title=document.title))
        return True

    def open_selected(self) -> None:
        stored = self.selected_file()
        if stored is None:
            return
        if not stored.path.is_file():
            self._refused(self.tr("{name} is missing from the file store; restore the folder from a backup or attach "
                                  "it again.").format(name=stored.original_name))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(stored.path)))

    def remove_selected(self) -> bool:
        stored = self.selected_file()
        if stored is None:
            return False
        document = self.selected_document()
        text = self.tr("Remove {name} from {title}").format(name=stored.original_name, title=document.title)
        failure = push(self.context, RemoveCommand(self.context, stored.id, text))
        if failure is not None:
            self._refused(failure)
            return False
        self.status.setText(self.tr("{name} removed from {title} (Ctrl+Z brings it back).").format(
            name=stored.original_name, title=document.title))
        return True

    def _refused(self, failure) -> None:
        from outreach_desk.ui.shell.errors import show_exception

        if isinstance(failure, str):
            QMessageBox.warning(self, self.windowTitle(), failure)
        else:
            show_exception(self, failure)
