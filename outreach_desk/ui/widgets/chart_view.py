"""One chart on screen: a matplotlib Figure in a Qt canvas, with "Export chart…" to PNG, SVG or PDF.

matplotlib is imported when the first figure is shown, not when this module is imported, so the
dashboard page can appear (tiles, filters, "Loading…") while matplotlib is still being imported
by a worker. A figure is shown in a canvas of its own: matplotlib keeps a figure's event
connections on the figure, so a new canvas per figure keeps them simple.

``FigureWidget`` is that canvas: Agg draws the figure and the widget paints the picture, passing
mouse presses and moves to matplotlib (picking, hover). It does what the dashboard needs of
matplotlib's Qt canvas without importing matplotlib's Qt backend (its toolbar, figure options
editor and date handling are a twentieth of a first opening, issue 5).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import (QApplication, QFileDialog, QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton,
                               QVBoxLayout, QWidget)

#: exported charts: PNG for WeChat and slides, SVG and PDF for print (issue 5: at least 200 dpi)
EXPORT_DPI = 200
EXPORT_FORMATS = (
    (".png", QT_TRANSLATE_NOOP("ChartView", "PNG image (*.png)")),
    (".svg", QT_TRANSLATE_NOOP("ChartView", "SVG vector image (*.svg)")),
    (".pdf", QT_TRANSLATE_NOOP("ChartView", "PDF document (*.pdf)")),
)
MIN_CANVAS_SIZE = (360, 260)


def _tr(text: str) -> str:
    return QApplication.translate("ChartView", text)


_AGG_CANVAS = None


def _agg_canvas_class():
    """An Agg canvas whose "draw when idle" asks the widget for a repaint instead of drawing at once."""
    global _AGG_CANVAS
    if _AGG_CANVAS is None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        class WidgetCanvasAgg(FigureCanvasAgg):
            widget = None

            def draw_idle(self, *args, **kwargs):
                if self.widget is not None:
                    self.widget.draw_idle()

        _AGG_CANVAS = WidgetCanvasAgg
    return _AGG_CANVAS


_BUTTONS = {Qt.MouseButton.LeftButton: 1, Qt.MouseButton.MiddleButton: 2, Qt.MouseButton.RightButton: 3}


class FigureWidget(QWidget):
    """A Figure drawn by Agg at the widget's size (in physical pixels) soon after it changes or resizes, also
    when scrolled out of view (so a page knows when all its charts are ready), and painted from that picture."""

    def __init__(self, figure, parent: QWidget | None = None):
        super().__init__(parent)
        self.figure = figure
        self._agg = _agg_canvas_class()(figure)
        self._agg.widget = self
        self._stale = True
        self._pending = False
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def device_pixel_ratio(self) -> float:
        return self.devicePixelRatioF() or 1.0

    def mpl_connect(self, name: str, callback) -> int:
        return self._agg.mpl_connect(name, callback)

    def draw(self) -> None:
        """Draw now (fires matplotlib's "draw_event") and show the result."""
        self._fit()
        self._agg.draw()
        self._stale = False
        self.update()

    def draw_idle(self) -> None:
        """Draw once the events now waiting (layout, resizes) are handled."""
        self._stale = True
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._draw_pending)   # dropped with the widget if it goes first

    def _draw_pending(self) -> None:
        self._pending = False
        if self._stale and self.width() > 0 and self.height() > 0:
            self.draw()

    def _fit(self) -> None:
        """Figure size and resolution follow the widget (a high-DPI screen doubles the dpi, as matplotlib does)."""
        ratio = self.device_pixel_ratio
        self._agg._set_device_pixel_ratio(ratio)
        width, height = self.width() * ratio, self.height() * ratio
        if width > 0 and height > 0:
            self.figure.set_size_inches(width / self.figure.dpi, height / self.figure.dpi, forward=False)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.draw_idle()

    def paintEvent(self, _event) -> None:
        from PySide6.QtGui import QImage, QPainter

        if self.width() <= 0 or self.height() <= 0:
            return
        if self._stale:
            self.draw()
        pixels = self._agg.buffer_rgba()
        height, width = pixels.shape[:2]
        image = QImage(pixels, width, height, 4 * width, QImage.Format.Format_RGBA8888)
        image.setDevicePixelRatio(self.device_pixel_ratio)
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), Qt.GlobalColor.white)
            painter.drawImage(0, 0, image)
        finally:
            painter.end()

    # ------------------------------------------------------------------ mouse → matplotlib events
    def _mouse(self, name: str, event, button=None) -> None:
        from matplotlib.backend_bases import MouseButton, MouseEvent

        ratio = self.device_pixel_ratio
        position = event.position()
        x, y = position.x() * ratio, self.figure.bbox.height - position.y() * ratio
        mouse = MouseEvent(name, self._agg, x, y, MouseButton(button) if button else None, guiEvent=event)
        self._agg.callbacks.process(name, mouse)

    def mousePressEvent(self, event) -> None:
        if event.button() in _BUTTONS:
            self._mouse("button_press_event", event, _BUTTONS[event.button()])
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() in _BUTTONS:
            self._mouse("button_release_event", event, _BUTTONS[event.button()])
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event) -> None:
        self._mouse("motion_notify_event", event)
        super().mouseMoveEvent(event)


def ask_export_path(parent: QWidget | None, title: str, folder: str = "") -> Path | None:
    """Ask where to save a chart; the format follows the typed suffix, else the chosen filter."""
    filters = [_tr(name) for _suffix, name in EXPORT_FORMATS]
    folder = folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder) / f"{safe_file_name(title)}.png")
    path, chosen = QFileDialog.getSaveFileName(parent, _tr("Export chart"), suggested, ";;".join(filters))
    if not path:
        return None
    path = Path(path)
    known = [suffix for suffix, _name in EXPORT_FORMATS]
    if path.suffix.lower() not in known:
        suffix = known[filters.index(chosen)] if chosen in filters else ".png"
        path = path.with_name(path.name + suffix)
    return path


def safe_file_name(title: str) -> str:
    """A chart title as a file name on Windows (no \\ / : * ? " < > |)."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in title).strip(" .")
    return cleaned or "chart"


def export_chart(parent: QWidget | None, make_figure: Callable[[], object], title: str, folder: str = "") -> Path | None:
    """Ask for a file and save a freshly built figure there; refusals and failures are shown, not raised."""
    path = ask_export_path(parent, title, folder)
    if path is None:
        return None
    try:
        from outreach_desk.services.charts.export import save_figure

        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            return save_figure(make_figure(), path, dpi=EXPORT_DPI)
        finally:
            QApplication.restoreOverrideCursor()
    except Exception as exc:  # shown to the clerk: a locked file, a full disk, a bad name
        import traceback

        from outreach_desk.ui.shell.errors import show_exception

        show_exception(parent, exc, traceback.format_exc())
        return None


class ChartView(QFrame):
    """A titled chart with an export button; ``picked`` carries the artist clicked, ``drawn`` fires after each draw."""

    picked = Signal(object)
    drawn = Signal()
    exported = Signal(object)

    def __init__(self, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chart_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#chart_{key} {{ background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; }}")
        self.figure = None
        self.canvas = None
        self.export_folder = ""
        self._make_export_figure: Callable[[], object] | None = None
        self._pickable: list = []
        self._draws = 0

        self.title_label = QLabel(title, self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setStyleSheet("border: none;")
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("exportChart")
        self.export_button.setAutoRaise(True)
        self.export_action = QAction(self.tr("Export chart…"), self)
        self.export_action.setToolTip(self.tr("Save this chart as a PNG picture (200 dpi), SVG or PDF file"))
        self.export_action.setEnabled(False)
        self.export_action.triggered.connect(self.export)
        self.export_button.setDefaultAction(self.export_action)
        self.message = QLabel(self.tr("Loading…"), self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #777777; border: none;")
        self.message.setMinimumSize(*MIN_CANVAS_SIZE)

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.export_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 8)
        self._layout.addLayout(header)
        self._layout.addWidget(self.message, 1)

    # ------------------------------------------------------------------ showing
    def set_title(self, title: str) -> None:
        self.title_label.setText(title)

    def title(self) -> str:
        return self.title_label.text()

    def set_figure(self, figure, make_export_figure: Callable[[], object] | None = None) -> None:
        """Show ``figure``; exports use ``make_export_figure()`` (a figure at print size) when given."""
        self._drop_canvas()
        self.figure = figure
        self._make_export_figure = make_export_figure
        self.canvas = FigureWidget(figure, self)
        self.canvas.setMinimumSize(*MIN_CANVAS_SIZE)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.canvas.addAction(self.export_action)
        self._pickable = [patch for axes in figure.axes for patch in axes.patches
                          if patch.pickable() and patch.get_gid() is not None]
        self.canvas.mpl_connect("pick_event", self._on_pick)
        self.canvas.mpl_connect("draw_event", self._on_draw)
        if self._pickable:
            self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.message.hide()
        self._layout.addWidget(self.canvas, 1)
        self.export_action.setEnabled(True)

    def show_message(self, text: str) -> None:
        """Replace the chart by a line of text (loading, no data, an error)."""
        self._drop_canvas()
        self.figure = None
        self._make_export_figure = None
        self.export_action.setEnabled(False)
        self.message.setText(text)
        self.message.show()

    def _drop_canvas(self) -> None:
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.hide()
            self.canvas.deleteLater()
            self.canvas = None
            self._pickable = []
        self._draws = 0

    def is_drawn(self) -> bool:
        """The current figure has been rendered on screen at least once."""
        return self.canvas is not None and self._draws > 0

    # ------------------------------------------------------------------ events
    def _on_pick(self, event) -> None:
        self.picked.emit(event.artist)

    def _on_draw(self, _event) -> None:
        self._draws += 1
        self.drawn.emit()

    def _on_motion(self, event) -> None:
        over = any(artist.contains(event)[0] for artist in self._pickable)
        shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
        if self.canvas.cursor().shape() != shape:
            self.canvas.setCursor(shape)

    # ------------------------------------------------------------------ export
    def export(self) -> Path | None:
        if self.figure is None:
            return None
        path = export_chart(self, self._make_export_figure or (lambda: self.figure), self.title(), self.export_folder)
        if path is not None:
            self.export_folder = str(path.parent)
            self.exported.emit(path)
        return path
