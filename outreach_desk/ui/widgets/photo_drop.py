"""Photos dropped anywhere on a form (the entry form, the inspection dialogs): the form takes the drop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


def local_files(event) -> list[str]:
    """The local files a drag carries (none for text, web links or other data)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class PhotoDropTarget(QObject):
    """Accepts drags of local files onto ``form`` and hands dropped files to ``on_files``.

    Made after the form's children: they are told not to take drops, so a file dropped on a
    text field is not pasted as its path but lands on the form.
    """

    _DRAGS = (QEvent.Type.DragEnter, QEvent.Type.DragMove)

    def __init__(self, form: QWidget, on_files: Callable[[list[str]], None]):
        super().__init__(form)
        self._on_files = on_files
        form.setAcceptDrops(True)
        for child in form.findChildren(QWidget):
            child.setAcceptDrops(False)
        form.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (*self._DRAGS, QEvent.Type.Drop):
            return super().eventFilter(watched, event)
        files = local_files(event)
        if not files:
            event.ignore()
            return True
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self._on_files(files)
        return True
