"""A row of photo thumbnails for one record: the stored ones and those picked but not yet saved.

The strip only keeps track; files are copied when the record is saved (through the ledger
commands), so cancelling an edit leaves the managed folder untouched. Thumbnails are decoded at
thumbnail size (JPEG scaling in the decoder), so twelve-megapixel phone photos load quickly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QImageReader, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QStyle, QWidget

from outreach_desk.services import photos
from outreach_desk.services.photos import PhotoError, PhotoInfo

THUMB = 88
_ROLE = Qt.ItemDataRole.UserRole


def thumbnail(path: Path, size: int = THUMB) -> QPixmap:
    """The picture at ``path`` scaled to fit ``size``; a null pixmap if it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


class PhotoStrip(QListWidget):
    #: the set of photos (stored, picked or taken off) changed
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 16, THUMB + 26))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setFixedHeight(THUMB + 40)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._removed: list[str] = []

        self.open_action = QAction(self.tr("Open photo"), self)
        self.open_action.triggered.connect(self.open_selected)
        self.remove_action = QAction(self.tr("Remove photo"), self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.addActions([self.open_action, self.remove_action])
        self.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.itemSelectionChanged.connect(self._update_actions)
        self._update_actions()

    # ------------------------------------------------------------------ content
    def set_stored(self, infos: list[PhotoInfo]) -> None:
        """Show a record's stored photos; forget anything picked or removed before."""
        self.clear()
        self._removed.clear()
        for info in infos:
            self._add_item(info.path, info.original_name or info.path.name, {"sha256": info.sha256, "ext": info.ext},
                           pending=False)
        self._update_actions()
        self.changed.emit()

    def clear_photos(self) -> None:
        self.set_stored([])

    def add_files(self, paths) -> list[tuple[Path, str]]:
        """Pick pictures to attach on save; return the refused ones with their messages."""
        known = set(map(str, self.pending_paths()))
        problems: list[tuple[Path, str]] = []
        added = False
        for raw in paths:
            path = Path(raw)
            if str(path) in known:
                continue
            try:
                photos.check_image(path)
            except PhotoError as exc:
                problems.extend(exc.problems)
                continue
            known.add(str(path))
            self._add_item(path, path.name, {"path": str(path)}, pending=True)
            added = True
        if added:
            self.changed.emit()
        return problems

    def _add_item(self, path: Path, name: str, data: dict, pending: bool) -> None:
        item = QListWidgetItem(name, self)
        pixmap = thumbnail(path)
        if pixmap.isNull():
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        else:
            item.setIcon(QIcon(pixmap))
        item.setData(_ROLE, data)
        if pending:
            item.setToolTip(self.tr("{name} (copied when the record is saved)").format(name=name))
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        else:
            item.setToolTip(name)

    def pending_paths(self) -> list[Path]:
        return [Path(d["path"]) for d in self._data() if "path" in d]

    def stored_shas(self) -> list[str]:
        return [d["sha256"] for d in self._data() if "sha256" in d]

    def removed_shas(self) -> list[str]:
        return list(self._removed)

    def _data(self) -> list[dict]:
        return [self.item(row).data(_ROLE) for row in range(self.count())]

    # ------------------------------------------------------------------ actions
    def remove_selected(self) -> None:
        items = self.selectedItems()
        if not items:
            return
        for item in items:
            data = item.data(_ROLE)
            if "sha256" in data:
                self._removed.append(data["sha256"])
            self.takeItem(self.row(item))
        self._update_actions()
        self.changed.emit()

    def open_selected(self) -> None:
        items = self.selectedItems()
        if not items:
            return
        data = items[0].data(_ROLE)
        path = Path(data["path"]) if "path" in data else photos.photo_path(data["sha256"], data["ext"])
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _update_actions(self) -> None:
        has = bool(self.selectedItems())
        self.open_action.setEnabled(has)
        self.remove_action.setEnabled(has)

    # ------------------------------------------------------------------ hint when empty
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.count() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(8, 8, -8, -8),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("Drop photos here"))
