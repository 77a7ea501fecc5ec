"""A row of photo thumbnails for one record: the stored ones and those picked but not yet saved.

The strip only keeps track; files are copied when the record is saved (through the ledger
commands), so cancelling an edit leaves the managed folder untouched. A picture shows at once
with a plain icon; a worker then checks each picked file and makes the thumbnails (decoded at
thumbnail size), so dropping twenty phone photos from a slow USB stick never freezes the form. A
stored picture this computer has not seen yet is fetched from a server in that worker too
(``photos.photo_path``), so opening a record on a slow network leaves the window usable; so is a picture opened by
a double-click (wait cursor, progress with Cancel when it takes a while).
A picked file that turns out not to be a picture is taken off again and named in ``refused``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QListWidget, QListWidgetItem, QStyle, QWidget

from outreach_desk.i18n import translate

from outreach_desk.ui.shell.tasks import Progress, Task, run_task

if TYPE_CHECKING:  # the photo service is imported when the strip first shows or opens a picture
    from outreach_desk.services.photos import PhotoInfo

THUMB = 88
_ROLE = Qt.ItemDataRole.UserRole


def _look_at(batch: list[tuple[str, Path | PhotoInfo, bool]],
             progress: Progress) -> list[tuple[str, bytes, tuple | None]]:
    """In a worker: for each (key, picked path or stored picture, check) the thumbnail PNG and, for a picked file,
    why it is refused. A stored picture's file is found (on a server: fetched) here, off the GUI thread."""
    from outreach_desk.services import photos

    looks = []
    for done, (key, source, check) in enumerate(batch):
        progress(done, len(batch))
        path = source.path if isinstance(source, photos.PhotoInfo) else source
        problem = None
        if check:
            try:
                photos.check_image(path)
            except photos.PhotoError as exc:
                problem = exc.problems[0]
        looks.append((key, b"" if problem else photos.thumbnail(path, THUMB), problem))
    return looks


def _fetch(sha256: str, ext: str, name: str, progress: Progress) -> Path:
    """In a worker: the stored picture's file, fetched from a server first when this computer has not seen it;
    PhotoError when it is nowhere (its file lost on a database file's computer, or not on the server)."""
    from outreach_desk.services import photos

    progress(0, 0)
    path = photos.photo_path(sha256, ext)
    progress(1, 1)  # a cancel while it was fetched: nothing opens
    if not path.is_file():
        raise photos.PhotoError([(path, translate("PhotoStrip", "The photo {name} is not in the photo store any more, "
                                                  "so it cannot be opened.").format(name=name))])
    return path


class PhotoStrip(QListWidget):
    #: the set of photos (stored, picked or taken off) changed
    changed = Signal()
    #: picked files taken off again once looked at: a list of (path, message)
    refused = Signal(list)
    #: every picture put on the strip so far has been looked at (thumbnail shown, or refused)
    settled = Signal()

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
        self._waiting: list[tuple[str, Path | PhotoInfo, bool]] = []
        self._looking: Task | None = None
        self._opening: Task | None = None

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
    @property
    def busy(self) -> bool:
        """Pictures are still being looked at (checked, their thumbnails made) in the background."""
        return self._looking is not None or bool(self._waiting)

    def set_stored(self, infos: list[PhotoInfo]) -> None:
        """Show a record's stored photos; forget anything picked or removed before."""
        self.clear()
        self._removed.clear()
        for info in infos:
            key = f"sha:{info.sha256}"
            self._add_item(info.original_name or f"{info.sha256}.{info.ext}",
                           {"sha256": info.sha256, "ext": info.ext, "key": key}, pending=False)
            self._waiting.append((key, info, False))
        self._update_actions()
        self._look()
        self.changed.emit()

    def clear_photos(self) -> None:
        self.set_stored([])

    def add_files(self, paths) -> None:
        """Pick pictures to attach on save; a file that is no picture is taken off again (``refused``)."""
        known = set(map(str, self.pending_paths()))
        added = False
        for raw in paths:
            path = Path(raw)
            if str(path) in known:
                continue
            known.add(str(path))
            key = f"path:{path}"
            self._add_item(path.name, {"path": str(path), "key": key}, pending=True)
            self._waiting.append((key, path, True))
            added = True
        if added:
            self._look()
            self.changed.emit()

    def _add_item(self, name: str, data: dict, pending: bool) -> None:
        item = QListWidgetItem(name, self)
        item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        item.setData(_ROLE, data)
        if pending:
            item.setToolTip(self.tr("{name} (copied when the record is saved)").format(name=name))
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        else:
            item.setToolTip(name)

    def _look(self) -> None:
        if self._looking is not None or not self._waiting:
            return
        from outreach_desk.services.photos import PhotoInfo  # imported here, on the GUI thread, before the worker

        batch, self._waiting = self._waiting, []
        stored = any(isinstance(source, PhotoInfo) for _key, source, _check in batch)  # may be fetched from a server
        self._looking = run_task(self, "", partial(_look_at, batch), on_done=self._show_looks,
                                 on_error=self._looking_failed, show_progress=False, needs_database=stored)

    def _show_looks(self, looks: list[tuple[str, bytes, tuple | None]]) -> None:
        self._looking = None
        items = {self.item(row).data(_ROLE)["key"]: self.item(row) for row in range(self.count())}
        problems = []
        for key, png, problem in looks:
            item = items.get(key)
            if item is None:  # cleared or taken off meanwhile
                continue
            if problem is not None:
                problems.append(problem)
                self.takeItem(self.row(item))
                continue
            pixmap = QPixmap()
            if png and pixmap.loadFromData(png, "PNG"):
                item.setIcon(QIcon(pixmap))
        self._finish_looking(problems)

    def _looking_failed(self, _exc: Exception, _details: str) -> None:
        self._looking = None  # the plain icons stay; saving checks every file again
        self._finish_looking([])

    def _finish_looking(self, problems: list) -> None:
        if problems:
            self._update_actions()
            self.changed.emit()
            self.refused.emit(problems)
        self._look()
        if not self.busy:
            self.settled.emit()

    def pending_paths(self) -> list[Path]:
        return [Path(d["path"]) for d in self._data() if "path" in d]

    def stored_shas(self) -> list[str]:
        return [d["sha256"] for d in self._data() if "sha256" in d]

    def removed_shas(self) -> list[str]:
        return list(self._removed)

    def names(self) -> list[str]:
        """The file names shown, stored and picked alike (what the conflict dialog compares)."""
        return [self.item(row).text() for row in range(self.count())]

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
        """Open the picture with the system's viewer. A stored one is found (on a server: fetched) in a worker,
        with a wait cursor and, when it takes a while, a progress window with Cancel; a lost connection is told in
        one sentence."""
        items = self.selectedItems()
        if not items or self._opening is not None:
            return
        data = items[0].data(_ROLE)
        if "path" in data:
            QDesktopServices.openUrl(QUrl.fromLocalFile(data["path"]))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._opening = run_task(self, self.tr("Fetching the photo…"),
                                 partial(_fetch, data["sha256"], data["ext"], items[0].text()),
                                 on_done=self._fetched, on_error=self._fetch_failed)
        self._opening.cancelled.connect(self._opened)

    def _opened(self) -> None:
        self._opening = None
        QApplication.restoreOverrideCursor()

    def _fetched(self, path: Path) -> None:
        self._opened()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _fetch_failed(self, exc: Exception, details: str) -> None:
        from outreach_desk.ui.shell.errors import show_exception

        self._opened()
        show_exception(self, exc, details)

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
