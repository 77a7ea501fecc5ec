"""Red messages under form fields, and one general line for what belongs to no field: how every form and
dialog shows a service's refusal beside the fields it concerns."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from outreach_desk.services.errors import ServiceError, ValidationError


class FieldErrors:
    """Red messages under form fields, plus one general line for what belongs to no field."""

    def __init__(self, general: QLabel):
        self._labels: dict[str, QLabel] = {}
        self._general = general
        _style_error(general)

    def wrap(self, name: str, field: QWidget) -> QWidget:
        """``field`` with its (hidden) error line underneath, ready for a form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        label = QLabel(box)
        label.setObjectName(f"error_{name}")
        _style_error(label)
        layout.addWidget(label)
        self._labels[name] = label
        return box

    def clear(self) -> None:
        for label in [*self._labels.values(), self._general]:
            label.clear()
            label.hide()

    def show(self, exc: ServiceError) -> None:
        self.clear()
        pairs = exc.by_field().items() if isinstance(exc, ValidationError) else [("", str(exc))]
        general = []
        for name, message in pairs:
            label = self._labels.get(name)
            if label is None:
                general.append(message)
            else:
                label.setText(message)
                label.show()
        if general:
            self._general.setText("\n".join(general))
            self._general.show()

    def message(self, name: str) -> str:
        label = self._labels.get(name)
        return label.text() if label is not None else self._general.text()


def _style_error(label: QLabel) -> None:
    label.setStyleSheet("color: #c62828;")
    label.setWordWrap(True)
    label.hide()
