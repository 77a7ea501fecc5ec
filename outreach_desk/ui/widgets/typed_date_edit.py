"""A date field that takes a whole date typed at once, the way the import reads dates.

Qt's QDateEdit edits one section at a time: a click leaves the cursor mid-year where digits are
ignored, and Shift+Tab selects only the day, so "20261105" typed there became another date. This
field selects everything when it gets the focus, and once a digit (or a separator) is typed it
holds the text as typed until Enter, Tab or a click elsewhere: then the text is read with the
import's date reader (20261105, 2026-11-5, 2026年11月5日), also as month and day (11-5, 11月5日)
or a lone day (5). Text that is no date stays in the field as typed (Esc brings the date back) and
is reported through :attr:`refused`; nothing typed ever turns into another date silently.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from outreach_desk.i18n import translate

_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DAY = re.compile(r"^(\d{1,2})\s*日?$")
_TYPABLE = re.compile(r"[\d\-/.年月日 ]")
MONTH_DAY_LOOKAHEAD = dt.timedelta(days=31)


class DateTypingError(ValueError):
    """Typed text that is no date; the message says why in the clerk's language."""


def parse_typed_date(text: str, shown: dt.date, today: dt.date | None = None) -> dt.date:
    """The date ``text`` names. A month and day take the current year, or last year's when that
    would lie more than a month ahead (typed on 3 January, 12-30 is last December); a lone day
    takes the month and year of ``shown``, the date the field showed."""
    today = today or dt.date.today()
    typed = unicodedata.normalize("NFKC", text).strip()
    lone_day = _DAY.match(typed)
    month_day = _MONTH_DAY.match(typed)
    if lone_day:
        typed = f"{shown.year}-{shown.month}-{lone_day.group(1)}"
    elif month_day:
        month, day = int(month_day.group(1)), int(month_day.group(2))
        year = today.year
        try:
            if dt.date(year, month, day) - today > MONTH_DAY_LOOKAHEAD:
                year -= 1
        except ValueError:
            pass  # not a real date: the reader below says so
        typed = f"{year}-{month}-{day}"
    # the import's reader comes with the workbook and CSV modules: loaded at the first typed date, not at start-up
    from outreach_desk.services.excel import cells

    try:
        day = cells.date(typed)
    except cells.CellError as error:
        raise DateTypingError(str(error)) from None
    if day is None:
        raise DateTypingError(translate("TypedDateEdit", "Type a date, for example 2026-11-05."))
    return day


class TypedDateEdit(QDateEdit):
    """A QDateEdit (calendar popup, ISO display) that takes whole dates typed at once."""

    refused = Signal(str, str)  # the text typed, why it is no date

    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        self._typing = False
        self._refused = ""
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def is_typing(self) -> bool:
        """Text typed is held in the field, not yet read into the date."""
        return self._typing

    def cancel_typing(self) -> None:
        """Put the date back over what was typed."""
        if self._typing:
            self._typing = False
            self._show_date()

    def commit_typing(self) -> bool:
        """Read what was typed into the date; False if it is no date (the text stays, :attr:`refused` is sent)."""
        if not self._typing:
            return True
        text = self.lineEdit().text()
        try:
            day = parse_typed_date(text, self.date().toPython())
        except DateTypingError as error:
            if text != self._refused:  # said once per text, however many ways the field is left
                self._refused = text
                self.refused.emit(text, str(error))
            return False
        qdate = QDate(day)
        if not self.minimumDate() <= qdate <= self.maximumDate():
            self._refused = text
            self.refused.emit(text, translate("TypedDateEdit", "{date} lies outside {first} to {last}.").format(
                date=day.isoformat(), first=self.minimumDate().toString(Qt.DateFormat.ISODate),
                last=self.maximumDate().toString(Qt.DateFormat.ISODate)))
            return False
        self._typing = False
        self._show_date()
        self.setDate(qdate)
        return True

    def setDate(self, date: QDate) -> None:
        """Show ``date``, dropping anything typed and not yet read."""
        typing, self._typing = self._typing, False
        super().setDate(date)
        if typing:
            self._show_date()

    def _show_date(self) -> None:
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))

    # ------------------------------------------------------------------ Qt overrides
    def validate(self, text: str, pos: int):
        if self._typing:
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def event(self, event) -> bool:
        """Tab and Shift+Tab leave the field (a whole date has no sections to step through)."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)
            self.commit_typing()  # also when the focus went nowhere (leaving reads it in focusOutEvent first)
            return True
        if event.type() == QEvent.Type.InputMethod and self._typed_by_input_method(event):
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._select_all()
            QTimer.singleShot(0, self._select_all)  # again after Qt's own section selection on a click

    def _select_all(self) -> None:
        if self.hasFocus() and not self._typing:
            self.lineEdit().selectAll()

    def focusOutEvent(self, event) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason and not self.commit_typing():
            QWidget.focusOutEvent(self, event)  # QDateEdit's own would put the old date back over the text
            return
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        text = event.text()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        editing = key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or (
            plain and len(text) == 1 and _TYPABLE.match(unicodedata.normalize("NFKC", text)))
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit_typing()
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Escape and self._typing:
            self.cancel_typing()
            self.lineEdit().selectAll()
            return
        if editing or (self._typing and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)):
            self._typing = True
            line = self.lineEdit()
            if key == Qt.Key.Key_Backspace:
                line.backspace()
            elif key == Qt.Key.Key_Delete:
                line.del_()
            elif key == Qt.Key.Key_Left:
                line.cursorBackward(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            elif key == Qt.Key.Key_Right:
                line.cursorForward(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            elif key == Qt.Key.Key_Home:
                line.home(False)
            elif key == Qt.Key.Key_End:
                line.end(False)
            else:
                line.insert(text)
            return
        if self._typing and key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.commit_typing()
        super().keyPressEvent(event)

    def _typed_by_input_method(self, event) -> bool:
        """Full-width digits and 年月日 from a Chinese input method are typed like keys."""
        commit = event.commitString()
        if commit and not event.preeditString() and all(
                _TYPABLE.match(unicodedata.normalize("NFKC", ch)) for ch in commit):
            self._typing = True
            self.lineEdit().insert(commit)
            event.accept()
            return True
        return False
