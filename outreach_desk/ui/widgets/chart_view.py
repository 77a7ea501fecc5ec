"""One chart on screen: a matplotlib Figure in matplotlib's Qt canvas, with "Export chart…" to PNG, SVG or PDF.

The canvas is matplotlib's documented embedding, ``backend_qtagg.FigureCanvasQTAgg`` holding a
plain ``Figure``. Its module is imported by the worker that imports matplotlib (the dashboard's
``loading.prepare_charts``), not when this module is imported, so the page appears (tiles,
filters, "Loading…") meanwhile; the widget itself is made on the GUI thread. A figure gets a
canvas of its own: matplotlib keeps a figure's event connections on its canvas.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

#: exported charts: PNG for WeChat and slides (at least 200 dpi), SVG and PDF for print
EXPORT_DPI = 200
EXPORT_FORMATS = (
    (".png", QT_TRANSLATE_NOOP("ChartView", "PNG image (*.png)")),
    (".svg", QT_TRANSLATE_NOOP("ChartView", "SVG vector image (*.svg)")),
    (".pdf", QT_TRANSLATE_NOOP("ChartView", "PDF document (*.pdf)")),
)
MIN_CANVAS_SIZE = (360, 260)


def _tr(text: str) -> str:
    return QApplication.translate("ChartView", text)


_CANVAS_CLASS = None


def canvas_class():
    """matplotlib's Qt canvas, passing the mouse wheel on: a page of charts scrolls under the pointer."""
    global _CANVAS_CLASS
    if _CANVAS_CLASS is None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        class ChartCanvas(FigureCanvasQTAgg):
            def wheelEvent(self, event) -> None:
                super().wheelEvent(event)
                event.ignore()   # matplotlib's scroll event has been sent; the scroll area scrolls too

        _CANVAS_CLASS = ChartCanvas
    return _CANVAS_CLASS


def make_canvas(figure, parent: QWidget | None = None):
    """A Qt canvas showing ``figure`` (on the GUI thread)."""
    canvas = canvas_class()(figure)
    if parent is not None:
        canvas.setParent(parent)
    return canvas


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


def export_chart(parent: QWidget | None, make_figure: Callable[[], object], title: str,
                 folder: str = "") -> Path | None:
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
        self.canvas = make_canvas(figure, self)
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
