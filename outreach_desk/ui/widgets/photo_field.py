"""A dialog's photo field: the thumbnail strip, an "Add photos…" button and drops of picture files.

Dialogs that record something seen (an inspection, a re-inspection) show the pictures stored on the
record and take new ones; nothing is copied until the dialog's owner stores ``pending_paths()``
through :func:`services.photos.store_files` in a worker, so cancelling the dialog leaves the photo
folder as it was. The field remembers the folder the clerk last picked from.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from outreach_desk.services import photos
from outreach_desk.services.photos import PhotoInfo
from outreach_desk.ui.widgets.photo_drop import PhotoDropTarget
from outreach_desk.ui.widgets.photo_strip import PhotoStrip

FOLDER_SETTING = "photos/last_folder"


class PhotoField(QWidget):
    def __init__(self, parent: QWidget | None = None, name: str = "photoField"):
        super().__init__(parent)
        self.setObjectName(name)
        self.strip = PhotoStrip(self)
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.add_button.setObjectName(f"{name}Add")
        self.add_button.clicked.connect(lambda: self.choose())
        self.problems = QLabel(self)
        self.problems.setObjectName(f"{name}Problems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.strip.refused.connect(self._show_refused)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problems)

    def accept_drops_on(self, dialog: QWidget) -> None:
        """Let pictures dropped anywhere on ``dialog`` land here (call once its fields are made)."""
        self._drop = PhotoDropTarget(dialog, self.add_files)

    def set_stored(self, infos) -> None:
        self.strip.set_stored(list(infos))

    def add_files(self, paths) -> None:
        self.problems.hide()
        self.strip.add_files(paths)

    def choose(self) -> None:
        settings = QSettings()
        patterns = " ".join(photos.FILE_PATTERNS)
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add photos"),
                                                      str(settings.value(FOLDER_SETTING, "") or ""),
                                                      self.tr("Pictures ({patterns})").format(patterns=patterns))
        if paths:
            settings.setValue(FOLDER_SETTING, str(Path(paths[0]).parent))
            self.add_files(paths)

    def kept(self, stored: tuple[PhotoInfo, ...]) -> tuple[PhotoInfo, ...]:
        """Of a record's ``stored`` photos, those still on the strip (the clerk may have taken some off)."""
        shown = set(self.strip.stored_shas())
        return tuple(info for info in stored if info.sha256 in shown)

    def pending_paths(self) -> list[Path]:
        return self.strip.pending_paths()

    def _show_refused(self, problems: list) -> None:
        self.problems.setText("\n".join(message for _path, message in problems))
        self.problems.show()
