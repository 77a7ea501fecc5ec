"""Full-screen presentation of the dashboard's charts for a meeting: one chart at a time, large type.

Right, Down, Page Down or Space go on; Left, Up, Page Up or Backspace go back; Home and End jump
to the first and last chart; Esc leaves. Each chart is built with the builders' "presentation"
style (larger fonts) when first shown, and the next one is prepared while the current is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from outreach_desk.services.dashboard import DashboardData

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}
STYLE = "presentation"
MIN_CANVAS_SIZE = (640, 360)


class PresentationWindow(QWidget):
    """A top-level window (shown full screen by the dashboard) stepping through ``charts.figures.CHARTS``."""

    closed = Signal()
    #: the index of the chart now shown
    moved = Signal(int)

    def __init__(self, data: DashboardData, parent: QWidget | None = None, start: int = 0):
        super().__init__(parent, Qt.WindowType.Window)
        from outreach_desk.services.charts import figures, fonts

        fonts.configure()
        self.setObjectName("presentation")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Presentation"))
        self.setStyleSheet("#presentation { background: #ffffff; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.charts = list(figures.CHARTS)
        self.data = data
        self.index = max(0, min(start, len(self.charts) - 1))
        self.figures: dict[int, object] = {}
        self.canvas = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("presentationTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.title_label.setFont(self._font(2.6, bold=True))
        self.hint_label = QLabel(self.tr("← → move · Esc leave"), self)
        self.hint_label.setFont(self._font(1.2))
        self.hint_label.setStyleSheet("color: #888888;")
        self.position_label = QLabel(self)
        self.position_label.setObjectName("presentationPosition")
        self.position_label.setFont(self._font(1.6, bold=True))
        self.position_label.setStyleSheet("color: #555555;")

        footer = QHBoxLayout()
        footer.addWidget(self.hint_label)
        footer.addStretch(1)
        footer.addWidget(self.position_label)
        self.stage = QWidget(self)
        self._stage_layout = QVBoxLayout(self.stage)
        self._stage_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 16)
        layout.addWidget(self.title_label)
        layout.addWidget(self.stage, 1)
        layout.addLayout(footer)
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._prepare_next)
        self._show_current()

    def _font(self, scale: float, bold: bool = False):
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        return font

    # ------------------------------------------------------------------ moving
    def count(self) -> int:
        return len(self.charts)

    def title(self) -> str:
        from outreach_desk.ui.dashboard.loading import chart_title

        return chart_title(self.charts[self.index][1])

    def go_to(self, index: int) -> None:
        index = max(0, min(index, self.count() - 1))
        if index != self.index:
            self.index = index
            self._show_current()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def set_data(self, data: DashboardData) -> None:
        """New data (the dashboard reloaded): rebuild the charts, staying on the same one."""
        self.data = data
        self.figures.clear()
        self._show_current()

    def figure(self, index: int | None = None):
        """The presentation figure of chart ``index`` (the current one by default), built once."""
        index = self.index if index is None else index
        if index not in self.figures:
            _key, _title, builder = self.charts[index]
            self.figures[index] = builder(self.data, style=STYLE)
        return self.figures[index]

    def _show_current(self) -> None:
        from outreach_desk.ui.widgets.chart_view import make_canvas

        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            figure = self.figure()
        finally:
            QApplication.restoreOverrideCursor()
        if self.canvas is not None:
            self._stage_layout.removeWidget(self.canvas)
            self.canvas.hide()
            self.canvas.deleteLater()
        self.canvas = make_canvas(figure)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the window, not to matplotlib
        self.canvas.setMinimumSize(*MIN_CANVAS_SIZE)  # never drawn squeezed while the window goes full screen
        self._stage_layout.addWidget(self.canvas)
        self.title_label.setText(self.title())
        self.position_label.setText(self.tr("{current} / {total}").format(current=self.index + 1, total=self.count()))
        self.moved.emit(self.index)
        self._prepare_timer.start(0)

    def _prepare_next(self) -> None:
        if self.index + 1 < self.count():
            self.figure(self.index + 1)

    # ------------------------------------------------------------------ keys and closing
    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.go_to(0)
        elif key == Qt.Key.Key_End:
            self.go_to(self.count() - 1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self._prepare_timer.stop()
        super().closeEvent(event)
        self.closed.emit()
