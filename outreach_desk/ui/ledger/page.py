"""The activity ledger page: filter bar, the lazily fetched table and the entry form beside it.

The page wires the parts together: filters and the organisation tree's selection re-query the
model; double-click or Enter opens a record in the form; Delete pushes undoable delete commands;
any change to the store refreshes the table. Its totals live in the main window's status bar.
The entry form is built and the totals counted right after the table's first paint (the form
sooner if asked for), so the window shows its records without waiting for either.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from outreach_desk.services import ledger_query
from outreach_desk.services.ledger_query import LedgerTotals
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.error_reporting import show_exception
from outreach_desk.ui.ledger.filter_bar import LedgerFilterBar
from outreach_desk.ui.ledger.model import LedgerModel
from outreach_desk.ui.ledger.table import LedgerTableView
from outreach_desk.ui.widgets.layout import splitter

SETTINGS_PREFIX = "ledger"
#: the form's column before the form is there (its usual minimum width), so nothing jumps when it comes
FORM_AREA_WIDTH = 460


SHOWN_UNITS = 3  # units named in the status bar; its tooltip names them all


class LedgerPage(QWidget):
    #: the entry form has been painted for the first time, so the clerk can type (``--smoke`` reports then)
    formPainted = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ledgerPage")
        self.context = context
        self._select_after_refresh: int | None = None

        self.filter_bar = LedgerFilterBar(self)
        self.model = LedgerModel(self, count_later=True)
        self.table = LedgerTableView(self.model, self)
        self._form = None
        self.form_area = self._scrolling()
        self.form_column = QWidget(self)  # the scrolling form with Save and Cancel kept in sight below it
        self.form_column.setObjectName("entryFormColumn")
        column = QVBoxLayout(self.form_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.form_area, 1)
        self.splitter = splitter(self, "ledgerSplitter", Qt.Orientation.Horizontal, (self.table, 3),
                                 (self.form_column, 1))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("ledgerStatus")
        self.status_label.hide()
        self._status_attached = False

        self._refresh_timer = QTimer(self, singleShot=True, interval=0, timeout=self._refresh)
        self._reload_choices = False

        self._restore_state()
        self.filter_bar.filterChanged.connect(self._apply_filter)
        self.model.totalsChanged.connect(self._show_totals)
        self.model.totalsFailed.connect(self._show_totals_failed)
        self.table.recordActivated.connect(self.open_record)
        self.table.deleteRequested.connect(self.delete_records)
        self.table.firstPainted.connect(lambda: QTimer.singleShot(0, self._after_first_paint))
        context.scope_selected.connect(self.filter_bar.set_scope)
        context.data_changed.connect(self._on_data_changed)
        self._apply_filter(self.filter_bar.filter())
        self.table.enable_sorting()

    @property
    def form(self) -> QWidget:
        """The entry form (an ``EntryForm``), built now if the first paint has not come yet."""
        return self._build_form()

    def _after_first_paint(self) -> None:
        self.model.start_counting()
        self._build_form()

    def _build_form(self) -> QWidget:
        if self._form is None:
            from outreach_desk.ui.entry.form import EntryForm

            self._form = EntryForm(self.context, self)
            self._form.setObjectName("entryForm")
            self._form_paint = _FirstPaint(self._form, lambda: QTimer.singleShot(0, self.formPainted.emit))
            self._form.saved.connect(self._on_saved)
            self.form_area.setMinimumWidth(min(self._form.minimumSizeHint().width() + 24, FORM_AREA_WIDTH))
            self._give_the_table_what_the_form_leaves()
            self.form_area.setWidget(self._form)
            buttons = self._form.take_button_row()
            buttons.setContentsMargins(8, 4, 8, 6)
            self.form_column.layout().addWidget(buttons)
        return self._form

    def _give_the_table_what_the_form_leaves(self) -> None:
        """On a first start the form's column was held at its usual width; once the form is there and needs
        less, the table takes the rest (a width the clerk set is kept)."""
        table, form = self.splitter.sizes()
        want = self.form_area.minimumWidth()
        if not getattr(self, "_splitter_restored", False) and form > want and table > 0:
            self.splitter.setSizes([table + form - want, want])

    def _scrolling(self) -> QScrollArea:
        area = QScrollArea(self)
        area.setObjectName("entryFormArea")
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setMinimumWidth(FORM_AREA_WIDTH)
        return area

    # ------------------------------------------------------------------ filtering and refreshing
    def _apply_filter(self, ledger_filter) -> None:
        try:
            self.model.setFilter(ledger_filter)
        except Exception as exc:  # a broken database must not leave the page half-updated
            show_exception(self, exc)

    def _on_data_changed(self, what: str) -> None:
        if what != "activity":
            self._reload_choices = True
        self._refresh_timer.start()

    def _refresh(self) -> None:
        current = self._select_after_refresh or self.table.current_id()
        self._select_after_refresh = None
        if self._reload_choices:
            self._reload_choices = False
            ledger_query.reload_names()
            self.filter_bar.reload_choices()
        try:
            self.model.refresh()
        except Exception as exc:
            show_exception(self, exc)
            return
        if current is not None:
            self.table.select_record(current)

    # ------------------------------------------------------------------ records
    def open_record(self, activity_id: int) -> None:
        self.form.load_record(activity_id)

    def _on_saved(self, activity_id: int) -> None:
        self._select_after_refresh = activity_id

    def delete_records(self, activity_ids: list[int]) -> None:
        """Delete through the undo stack, so Ctrl+Z brings the records back."""
        from outreach_desk.ui.ledger.commands import push_delete

        if not activity_ids:
            return
        failures = push_delete(self.context, activity_ids, self.tr("Delete %n record(s)", "", len(activity_ids)))
        if failures:
            show_exception(self, failures[0])
            return
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr("Deleted %n record(s). Undo brings them back.", "", len(activity_ids)), 5000)

    def focus_on(self, argument) -> None:
        """``show_page("ledger", activity_id)`` opens that record in the form."""
        if isinstance(argument, int):
            self.table.select_record(argument)
            self.open_record(argument)

    # ------------------------------------------------------------------ status bar
    def status_text(self) -> str:
        return self.status_label.text()

    def _show_totals(self, totals: LedgerTotals | None) -> None:
        if totals is None:
            self.status_label.setText(self.tr("Counting records…"))
            return
        locale = QLocale()
        text = self.tr("{count} record(s) · quantity {quantity} · people reached {people}", "", totals.count)
        parts = self._quantity_parts(totals, locale)
        shown = self.tr(", ").join(parts[:SHOWN_UNITS]) + ("…" if len(parts) > SHOWN_UNITS else "")
        self.status_label.setText(text.format(count=locale.toString(totals.count), quantity=shown,
                                              people=locale.toString(totals.people)))
        self.status_label.setToolTip(self.tr("Quantity by unit: {units}").format(units=self.tr(", ").join(parts)))

    def _quantity_parts(self, totals: LedgerTotals, locale: QLocale) -> list[str]:
        """The quantity per unit of measure, largest first (户, 场 and 张 never add up to one number)."""
        if not totals.by_unit:
            return [locale.toString(totals.quantity)]
        return [self.tr("{number} {unit}").format(number=locale.toString(quantity), unit=unit).strip()
                for unit, quantity in totals.by_unit]

    def _show_totals_failed(self, message: str) -> None:
        self.status_label.setText(self.tr("Could not count the records: {error}").format(error=message))

    def _attach_status(self) -> None:
        window = self.window()
        if not self._status_attached and isinstance(window, QMainWindow):
            window.statusBar().addPermanentWidget(self.status_label)
            self._status_attached = True
        self.status_label.setVisible(self._status_attached)

    def showEvent(self, event) -> None:
        self._attach_status()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        if self._status_attached:
            self.status_label.hide()
        super().hideEvent(event)

    # ------------------------------------------------------------------ persistence
    def _restore_state(self) -> None:
        settings = self.context.settings
        self.table.restore_state(settings, SETTINGS_PREFIX)
        splitter = settings.value(f"{SETTINGS_PREFIX}/splitter")
        self._splitter_restored = isinstance(splitter, QByteArray) and not splitter.isEmpty()
        if self._splitter_restored:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        """Keep the layout and sort; called as the window closes, so the background count stops too."""
        settings = self.context.settings
        self.table.save_state(settings, SETTINGS_PREFIX)
        settings.setValue(f"{SETTINGS_PREFIX}/splitter", self.splitter.saveState())
        self.model.stop_counting()


class _FirstPaint(QObject):
    """Calls back once, after ``widget`` was first painted."""

    def __init__(self, widget: QWidget, callback):
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._callback()
        return False
