"""The coverage matrix view: the names column stays put while the targets scroll sideways.

Fourteen targets do not fit beside the organisation tree on a 1366-pixel screen, and a row of
percentages without its village name is useless, so a second view showing only column 0 lies over
the matrix's own first column (Qt's "frozen column" example), sharing its model and selection.
The selected cell is drawn with a frame instead of the highlight colour, which would hide the
cell's traffic-light colour.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPen
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHeaderView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QTableView, QWidget)

from outreach_desk.ui.coverage.model import NAME_COLUMN, CoverageModel

FRAME_COLOUR = QColor("#1f5fa8")


class FramedSelectionDelegate(QStyledItemDelegate):
    """Paints the cell as it is, then a frame round it when selected."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        plain.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(FRAME_COLOUR, 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class CoverageTable(QTableView):
    def __init__(self, model: CoverageModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coverageMatrix")
        self.setModel(model)
        self._delegate = FramedSelectionDelegate(self)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("coverageNames")
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        for view in (self, self.frozen):
            view.setItemDelegate(self._delegate)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setWordWrap(False)
            view.verticalHeader().hide()
            view.horizontalHeader().setHighlightSections(False)
            view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # township order until clicked
            view.setSortingEnabled(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.setFrameShape(QFrame.Shape.NoFrame)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for view in (self, self.frozen):
            view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)

        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.verticalHeader().sectionResized.connect(lambda row, _old, size: self.frozen.setRowHeight(row, size))
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.horizontalHeader().sortIndicatorChanged.connect(self._mirror_sort(self.frozen))
        self.frozen.horizontalHeader().sortIndicatorChanged.connect(self._mirror_sort(self))
        self.frozen.clicked.connect(self.clicked)
        self.horizontalHeader().geometriesChanged.connect(self._update_frozen)
        model.modelReset.connect(self._on_reset)
        self._on_reset()

    @staticmethod
    def _mirror_sort(view: QTableView):
        def mirror(column: int, order: Qt.SortOrder) -> None:
            header = view.horizontalHeader()
            with QSignalBlocker(header):
                header.setSortIndicator(column, order)
            header.viewport().update()
        return mirror

    def _on_reset(self) -> None:
        row_height = self.fontMetrics().height() + 10
        for view in (self, self.frozen):
            view.verticalHeader().setDefaultSectionSize(row_height)
        for column in range(self.model().columnCount()):
            self.frozen.setColumnHidden(column, column != NAME_COLUMN)
            self.setColumnWidth(column, self._width_of(column))
        self._show_sort_arrow()
        self._update_frozen()

    def _show_sort_arrow(self) -> None:
        """Columns move when rules are switched on or off: the arrow follows the column sorted by
        (the header keeps a column number, the model a rule), without sorting again."""
        column, order = self.model().sorted_by()
        for view in (self, self.frozen):
            header = view.horizontalHeader()
            with QSignalBlocker(header):
                header.setSortIndicator(column, order)
            header.viewport().update()

    def _width_of(self, column: int) -> int:
        """Room for the widest header line and cell, but not for the sort arrow beside them, which
        Qt would add to every column (the arrow fits above the short labels)."""
        model = self.model()
        bold = self.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        header = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        texts = header.split("\n") + [str(model.data(model.index(row, column)) or "")
                                      for row in range(model.rowCount())]
        return max(metrics.horizontalAdvance(text) for text in texts) + 20

    def _on_section_resized(self, column: int, _old: int, size: int) -> None:
        if column == NAME_COLUMN:
            self.frozen.setColumnWidth(NAME_COLUMN, size)
            self._update_frozen()

    def _update_frozen(self) -> None:
        frame = self.frameWidth()
        header_height = self.horizontalHeader().height()
        self.frozen.horizontalHeader().setFixedHeight(header_height)
        self.frozen.setColumnWidth(NAME_COLUMN, self.columnWidth(NAME_COLUMN))
        self.frozen.setGeometry(frame, frame, self.columnWidth(NAME_COLUMN) + 1,
                                self.viewport().height() + header_height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_frozen()

    def moveCursor(self, action, modifiers) -> QModelIndex:
        """Keyboard moves to the left scroll the matrix so the cell does not hide under the names."""
        current = super().moveCursor(action, modifiers)
        if action == QAbstractItemView.CursorAction.MoveLeft and current.column() > NAME_COLUMN:
            if self.visualRect(current).left() < self.frozen.columnWidth(NAME_COLUMN):
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + self.visualRect(current).left() - self.frozen.columnWidth(NAME_COLUMN))
        return current

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.column() > NAME_COLUMN:
            super().scrollTo(index, hint)
            rect = self.visualRect(index)
            names = self.frozen.columnWidth(NAME_COLUMN)
            if rect.left() < names:
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + rect.left() - names)
        else:
            bar = self.verticalScrollBar()
            super().scrollTo(index, hint)
            self.frozen.verticalScrollBar().setValue(bar.value())
