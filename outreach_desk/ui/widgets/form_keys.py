"""The keys of the entry forms: Enter saves, Esc leaves a record opened for editing and starts a new one.

A form calls :func:`handle_form_key` from its ``keyPressEvent``; it needs ``save()``, ``new_record()``
and ``editing_id`` (None while a new record is being typed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt


def handle_form_key(form, event) -> bool:
    """True when ``event`` was one of the form's keys and has been acted on."""
    key = event.key()
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        form.save()
        return True
    if key == Qt.Key.Key_Escape and form.editing_id is not None:
        form.new_record()
        return True
    return False
