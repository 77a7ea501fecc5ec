"""The field widgets of the entry form: a choice list that completes on any part of a name, count
fields that take what a Chinese input method types, and the small builders the form lays out with.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDateEdit, QDateTimeEdit, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QWidget)

from outreach_desk.services import vocab
from outreach_desk.ui.widgets.pinyin_keys import search_key
from outreach_desk.ui.widgets.typed_date_edit import TypedDateEdit


SEARCH_ROLE = Qt.ItemDataRole.UserRole + 7  # the name and its pinyin (initials and full), matched on


class _PinyinCompleter(QCompleter):
    """Matches on :data:`SEARCH_ROLE` (so "xc" finds 西村) but puts the name itself into the field."""

    def pathFromIndex(self, index) -> str:
        return index.data(Qt.ItemDataRole.DisplayRole) or ""


class SearchCombo(QComboBox):
    """An editable choice list that completes on any part of a name or of its pinyin (initials or full:
    "xc" and "xicun" find 西村) and resolves typed text to an id.

    The ids live in a Python list beside the items rather than in Qt's item data: PySide6 6.12 on
    Python 3.11 drops a reference to ``None`` each time Qt hands back an empty value, which
    ``itemData`` does for the "no choice" row.

    The pinyin of new choices is worked out right after the list is first drawn (or at once when it takes
    the focus or a match needs it), so pypinyin's import and dictionary do not delay the window's first paint;
    until then a choice matches by its name.
    """

    def __init__(self, name: str, parent: QWidget | None = None, none_label: str | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self._none_label = none_label
        self._ids: list[int | None] = []
        self._keys: list[str | None] = []  # None: pinyin not worked out yet (see fill_search_keys)
        self._line = self.lineEdit()
        completer = _PinyinCompleter(self.model(), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        # the choice must settle before Tab picks the next field (the site list follows the village);
        # while the completion list is open, keys go to it rather than to the combo
        completer.popup().installEventFilter(self)
        self._line.editingFinished.connect(self.settle)

    def set_items(self, items: list[tuple[str, int]]) -> None:
        """Replace the choices, keeping the chosen id (or the typed text when it named nothing)."""
        chosen, known = self.value()
        text = self.currentText()
        with QSignalBlocker(self):
            self.clear()
            self._ids, self._keys = [], []
            if self._none_label is not None:
                self.addItem(self._none_label)
                self.setItemData(0, self._none_label.casefold(), SEARCH_ROLE)
                self._ids.append(None)
                self._keys.append(self._none_label.casefold())
            for label, item_id in items:
                self.add_choice(label, item_id)
        if known:
            self.set_value(chosen)
        else:
            self.setEditText(text)

    def add_choice(self, label: str, item_id: int) -> None:
        self.addItem(label)
        self.setItemData(self.count() - 1, label.casefold(), SEARCH_ROLE)
        self._ids.append(item_id)
        self._keys.append(None)
        if self.hasFocus():
            self.fill_search_keys()

    def fill_search_keys(self) -> None:
        """Give every choice its pinyin key (initials and full spelling) where it has none yet."""
        for row, key in enumerate(self._keys):
            if key is None:
                self._keys[row] = key = search_key(self.itemText(row))
                self.setItemData(row, key, SEARCH_ROLE)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if None in self._keys:
            QTimer.singleShot(0, self, self.fill_search_keys)

    def focusInEvent(self, event) -> None:
        self.fill_search_keys()
        super().focusInEvent(event)

    def ids(self) -> list[int | None]:
        return list(self._ids)

    def index_of_id(self, item_id: int | None) -> int:
        return self._ids.index(item_id) if item_id in self._ids else -1

    def set_value(self, item_id: int | None) -> None:
        index = self.index_of_id(item_id)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def value(self) -> tuple[int | None, bool]:
        """(id, True) for a known choice or an empty optional field; (None, False) for unknown text."""
        index = self._index_of(self.currentText().strip())
        if index is None:
            return None, False
        return (self._ids[index] if index >= 0 else None), True

    def _index_of(self, text: str) -> int | None:
        if not text or text == self._none_label:
            return 0 if self._none_label is not None and self._ids else -1
        current = self.currentIndex()
        if current >= 0 and self.itemText(current) == text:
            return current
        exact = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            return exact
        folded = text.casefold()
        matches = [i for i, item_id in enumerate(self._ids)
                   if item_id is not None and folded in self.itemText(i).casefold()]
        if not matches:
            self.fill_search_keys()
            matches = [i for i, item_id in enumerate(self._ids) if item_id is not None and folded in self._keys[i]]
        return matches[0] if len(matches) == 1 else None

    def settle(self) -> None:
        """Make typed text that names exactly one choice the current item (so dependent lists follow)."""
        index = self._index_of(self.currentText().strip())
        if index is not None and index >= 0:
            if index != self.currentIndex():
                self.setCurrentIndex(index)
            elif self.currentText() != self.itemText(index):
                self.setEditText(self.itemText(index))

    def event(self, event: QEvent) -> bool:
        if _is_tab(event):
            self.settle()
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if _is_tab(event):
            self.settle()
        return super().eventFilter(watched, event)

    def focusOutEvent(self, event) -> None:
        self.settle()
        super().focusOutEvent(event)

    def focus_for_typing(self) -> None:
        self.setFocus(Qt.FocusReason.TabFocusReason)
        self._line.selectAll()


def _is_tab(event: QEvent) -> bool:
    return event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def parse_count(text: str, empty: int) -> int | None:
    """A whole number typed by a clerk (full-width digits and thousands separators allowed); None if not one."""
    cleaned = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    if not cleaned:
        return empty
    try:
        return int(cleaned)
    except ValueError:
        return None


def focus_for_typing(widget: QWidget) -> None:
    """Put the cursor in ``widget``, ready to type over what it holds (a whole date, or the day of a plain
    date field)."""
    if isinstance(widget, SearchCombo):
        widget.focus_for_typing()
    elif isinstance(widget, TypedDateEdit):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        widget.lineEdit().selectAll()
    elif isinstance(widget, QDateEdit):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        widget.setSelectedSection(QDateTimeEdit.Section.DaySection)
    else:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()


# ---------------------------------------------------------------------------- builders
def count_edit(parent: QWidget, name: str, placeholder: str) -> QLineEdit:
    """A short right-aligned field for a whole number (read with :func:`parse_count`)."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(12)
    edit.setMaximumWidth(120)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit


def check_boxes(parent: QWidget, prefix: str, terms: tuple[vocab.Term, ...]) -> dict[str, QCheckBox]:
    """One box per vocabulary term, by code, named ``<prefix>_<code>``."""
    boxes = {}
    for term in terms:
        box = QCheckBox(term.label, parent)
        box.setObjectName(f"{prefix}_{term.code}")
        boxes[term.code] = box
    return boxes


def checkbox_grid(parent: QWidget, boxes: dict[str, QCheckBox]) -> QWidget:
    """The boxes two to a row."""
    holder = QWidget(parent)
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setVerticalSpacing(2)
    for i, box in enumerate(boxes.values()):
        grid.addWidget(box, i // 2, i % 2)
    return holder


def row_of(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets side by side, pushed to the left (a field and the note beside it)."""
    holder = QWidget(parent)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return holder


def buddy_label(parent: QWidget, text: str, buddy: QWidget) -> QLabel:
    """A form label whose &-shortcut jumps to ``buddy``."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def note_label(parent: QWidget, name: str, style: str) -> QLabel:
    """A hidden, word-wrapped line for a notice, coloured by ``style``."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"QLabel {{ {style} padding: 3px; }}")
    label.hide()
    return label
