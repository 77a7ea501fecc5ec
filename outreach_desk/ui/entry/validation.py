"""Where the entry form tells the clerk about a slip: red lines under the fields they concern, one
general line for the rest, the double-entry warning, and the green line after a save.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from outreach_desk.services.errors import ServiceError, ValidationError
from outreach_desk.ui.entry.fields import note_label
from outreach_desk.ui.widgets.field_errors import FieldErrors


class EntryMessages:
    """The form's message lines; ``wrap`` puts a field in a form row with its error line beneath."""

    def __init__(self, parent: QWidget):
        self.general = QLabel(parent)
        self.general.setObjectName("error_general")
        self._errors = FieldErrors(self.general)
        self.duplicate_label = note_label(parent, "duplicateWarning", "background: #fff4d6; color: #7a4f00;")
        self.info_label = note_label(parent, "savedInfo", "color: #2e7d32;")
        self._error_labels: dict[str, QLabel] = {}

    def wrap(self, name: str, field: QWidget) -> QWidget:
        return self._errors.wrap(name, field)

    def collect_error_lines(self, root: QWidget) -> None:
        """Find every error line under ``root`` by name (``error_<field>``), once the form is laid out."""
        self._error_labels = {label.objectName()[len("error_"):]: label for label in root.findChildren(QLabel)
                              if label.objectName().startswith("error_")}

    def show_errors(self, exc: ServiceError, tab_order: tuple[str, ...]) -> str | None:
        """Show ``exc`` beside its fields; the field to fix first (in Tab order, or photos), if any."""
        self._errors.show(exc)
        if isinstance(exc, ValidationError) and exc.errors:
            first = min(exc.errors, key=lambda e: tab_order.index(e.field) if e.field in tab_order else len(tab_order))
            if first.field in tab_order or first.field == "photos":
                return first.field
        return None

    def show_info(self, text: str) -> None:
        self.info_label.setText(text)
        self.info_label.show()

    def show_duplicate(self, text: str) -> None:
        self.duplicate_label.setText(text)
        self.duplicate_label.show()

    def clear(self, keep_duplicate: bool = False) -> None:
        self._errors.clear()
        self.info_label.hide()
        if not keep_duplicate:
            self.duplicate_label.hide()

    def error_text(self, field: str) -> str:
        """The message shown under ``field`` ("" when none is shown)."""
        label = self._error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def show_field(self, field: str, text: str) -> None:
        """Show ``text`` under ``field`` alone (a problem found while typing, before any save)."""
        label = self._error_labels.get(field)
        if label is not None:
            label.setText(text)
            label.show()

    def edited(self, field: str) -> None:
        """The clerk changed ``field``: its error line and the double-entry warning no longer apply."""
        label = self._error_labels.get(field)
        if label is not None:
            label.hide()
        self.duplicate_label.hide()
