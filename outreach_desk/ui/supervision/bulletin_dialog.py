"""The bulletin preview: the month's 通报 drafted from the figures, every paragraph editable, saved as .docx.

The draft is computed in the background (the ranking's two coverage runs); the clerk edits the
number, date, title, recipients, each part's paragraphs (one per line) and the signature, looks
at the ranking table, reads a part's note (the commendations and criticisms proposed from the
ranking when none is recorded for the month are marked so), and saves a Word document for the
leader to sign. Nothing is stored in the database: the bulletin is a document, not a record.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.services.coverage.periods import Period
from outreach_desk.services.supervision import bulletin as bulletin_service
from outreach_desk.services.supervision.bulletin import Bulletin
from outreach_desk.ui.shell.context import AppContext

SETTINGS_FOLDER = "bulletin/export_dir"


class BulletinDialog(QDialog):
    def __init__(self, context: AppContext, month: Period, mark_count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bulletinDialog")
        self.setWindowTitle(self.tr("Bulletin for {month}").format(month=month.label))
        self.context = context
        self.month = month
        self.mark_count = mark_count
        self.bulletin: Bulletin | None = None
        self._task = None
        self._editors: dict[str, tuple[QLineEdit, QPlainTextEdit]] = {}
        self.saved_path: Path | None = None

        self.status = QLabel(self.tr("Drafting the bulletin from the figures…"), self)
        self.status.setObjectName("bulletinStatus")
        self.status.setWordWrap(True)
        self.form_holder = QWidget(self)
        self.form_layout = QVBoxLayout(self.form_holder)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_holder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("Save as Word document…"), self)
        self.save_button.setObjectName("saveBulletin")
        self.save_button.setEnabled(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 700)
        self._draft()

    # ------------------------------------------------------------------ drafting
    def _draft(self) -> None:
        from outreach_desk.ui.shell.tasks import run_task

        month, marks = self.month, self.mark_count
        self._task = run_task(self, self.tr("Drafting the bulletin"),
                              lambda _progress: bulletin_service.draft(month, mark_count=marks),
                              on_done=self._show, on_error=self._on_error, show_progress=False)

    def is_busy(self) -> bool:
        return self._task is not None and not self._task.done

    def _on_error(self, exc: Exception, details: str) -> None:
        self._task = None
        self.status.setText(self.tr("Could not draft the bulletin: {reason}").format(reason=str(exc)))
        from outreach_desk.services.errors import ServiceError

        if not isinstance(exc, ServiceError):
            from outreach_desk.ui.shell.errors import show_exception

            show_exception(self, exc, details)

    def _show(self, bulletin: Bulletin) -> None:
        self._task = None
        self.bulletin = bulletin
        self.status.setText(self.tr("A draft from the figures of {month}: edit any text, then save it as a Word "
                                    "document for the leader to sign.").format(month=self.month.label))
        head = QFormLayout()
        self.office_edit = self._line(bulletin.office, "bulletinOffice")
        self.number_edit = self._line(bulletin.number, "bulletinNumber")
        self.date_edit = QDateEdit(QDate(bulletin.date.year, bulletin.date.month, bulletin.date.day), self)
        self.date_edit.setObjectName("bulletinDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.title_edit = self._line(bulletin.title, "bulletinTitle")
        self.recipients_edit = self._line(bulletin.recipients, "bulletinRecipients")
        for label, widget in ((self.tr("Issuing office"), self.office_edit), (self.tr("Number"), self.number_edit),
                              (self.tr("Date"), self.date_edit), (self.tr("Title"), self.title_edit),
                              (self.tr("To"), self.recipients_edit)):
            head.addRow(label, widget)
        self.form_layout.addLayout(head)
        for section in bulletin.sections:
            box = QGroupBox(self.form_holder)
            box.setObjectName(f"bulletinSection_{section.key}")
            inner = QVBoxLayout(box)
            heading = self._line(section.heading, f"bulletinHeading_{section.key}")
            text = QPlainTextEdit("\n".join(section.paragraphs), box)
            text.setObjectName(f"bulletinText_{section.key}")
            text.setFixedHeight(self._height_for(text, section.paragraphs))   # its text's height, not the box's
            inner.addWidget(heading)
            if section.note:
                inner.addWidget(self._note(section.note, f"bulletinNote_{section.key}"))
            inner.addWidget(text)
            if section.table is not None:
                inner.addWidget(self._table(section.table))
            self._editors[section.key] = (heading, text)
            self.form_layout.addWidget(box)
        self.signature_edit = self._line(bulletin.signature, "bulletinSignature")
        signature = QFormLayout()
        signature.addRow(self.tr("Signed"), self.signature_edit)
        self.form_layout.addLayout(signature)
        self.save_button.setEnabled(True)

    def _line(self, text: str, name: str) -> QLineEdit:
        edit = QLineEdit(text, self.form_holder)
        edit.setObjectName(name)
        return edit

    @staticmethod
    def _height_for(editor: QPlainTextEdit, paragraphs: list[str]) -> int:
        """Tall enough to read the part's paragraphs at once (about 50 characters a line) with a line to spare for
        the clerk's additions, within 60–360 px (longer text scrolls)."""
        lines = 1 + sum(1 + len(text) // 50 for text in paragraphs)
        return max(60, min(360, 16 + lines * editor.fontMetrics().lineSpacing()))

    def _note(self, text: str, name: str) -> QLabel:
        """What the clerk must know about a part before signing it off (not printed), on a yellow ground."""
        label = QLabel(text, self.form_holder)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet("QLabel { background: #fff3c4; color: #5c4400; padding: 4px; }")
        return label

    def _table(self, table) -> QTableWidget:
        widget = QTableWidget(len(table.rows), len(table.headers), self.form_holder)
        widget.setObjectName("bulletinRankingTable")
        widget.setHorizontalHeaderLabels(table.headers)
        widget.verticalHeader().hide()
        widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, values in enumerate(table.rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                widget.setItem(r, c, item)
        widget.resizeColumnsToContents()
        widget.setFixedHeight(min(400, 30 + 26 * len(table.rows)))
        widget.setToolTip(self.tr("The ranking comes from the figures; it is written as shown."))
        return widget

    # ------------------------------------------------------------------ saving
    def edited(self) -> Bulletin:
        """The draft with the clerk's edits (one paragraph per non-empty line)."""
        bulletin = self.bulletin
        bulletin.office = self.office_edit.text().strip()
        bulletin.number = self.number_edit.text().strip()
        date = self.date_edit.date()
        bulletin.date = dt.date(date.year(), date.month(), date.day())
        bulletin.title = self.title_edit.text().strip()
        bulletin.recipients = self.recipients_edit.text().strip()
        for section in bulletin.sections:
            heading, text = self._editors[section.key]
            section.heading = heading.text().strip()
            section.paragraphs = [line.strip() for line in text.toPlainText().splitlines() if line.strip()]
        bulletin.signature = self.signature_edit.text().strip()
        return bulletin

    def suggested_path(self) -> Path:
        settings = self.context.settings
        folder = Path(str(settings.value(SETTINGS_FOLDER, "") or Path.home()))
        name = re.sub(r'[\\/:*?"<>|]+', "-", bulletin_service.default_file_name(self.month, self.bulletin))
        return folder / name

    def save(self, path: str | Path | None = None) -> Path | None:
        """Ask where (unless ``path`` is given), write the edited bulletin and say where it went."""
        from outreach_desk.services.errors import ServiceError
        from outreach_desk.services.supervision import bulletin_docx
        from outreach_desk.ui.shell.errors import show_exception

        if self.bulletin is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the bulletin"), str(self.suggested_path()), self.tr("Word documents (*.docx)"))
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".docx") else chosen + ".docx"
        try:
            written = bulletin_docx.write(self.edited(), path)
        except ServiceError as exc:
            self.status.setText(str(exc))
            show_exception(self, exc)
            return None
        self.context.settings.setValue(SETTINGS_FOLDER, str(written.parent))
        self.saved_path = written
        self.status.setText(self.tr("Saved to {path}. Open it in Word or WPS to print it for signing.").format(
            path=written))
        return written
