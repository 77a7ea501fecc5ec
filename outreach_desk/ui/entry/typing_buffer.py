"""Keys typed into the entry form while a save runs in the background, held and then handed on.

A clerk presses Enter and goes straight on typing the next slip. The save's slow half runs in a
worker, so those keys would land in the slip being saved and vanish when the form starts the next
one. While a save runs they are held instead, and delivered once it has ended to whichever field
then has the focus: the next slip's first field after a save, the field to correct after a refusal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

_HELD = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod)


class TypingBuffer(QObject):
    """``hold()`` when a save starts, ``release()`` when it ends."""

    def __init__(self, form: QWidget):
        super().__init__(form)
        self._form = form
        self._held: list[QEvent] = []
        self._holding = False

    def hold(self) -> None:
        if not self._holding:
            self._holding = True
            QApplication.instance().installEventFilter(self)

    def release(self) -> None:
        """Stop holding and deliver what was typed meanwhile, in order, to the focused field."""
        if not self._holding:
            return
        self._holding = False
        QApplication.instance().removeEventFilter(self)
        held, self._held = self._held, []
        for event in held:
            target = QApplication.focusWidget()
            if target is None or not (target is self._form or self._form.isAncestorOf(target)):
                break
            QApplication.sendEvent(target, event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _HELD and isinstance(watched, QWidget) \
                and (watched is self._form or self._form.isAncestorOf(watched)):
            self._held.append(event.clone())
            return True
        return False
