"""Print preview and printing of the monthly report (QPrintPreviewDialog), from the pages ``print_pages`` made.

LibreOffice's pages are pictures of the PDF it prints, drawn each on an A4 page of its orientation.
Without LibreOffice the sheets read back from the workbook are laid out here: the title, the
填报单位 line and the column headers repeated on every page, rows wrapped in their columns at the
workbook's widths (never below 9 pt), the notes, each picture on a page of its own and
"第 x 页 共 y 页" at the foot. The layout is made once, so the page count is known before drawing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from outreach_desk.i18n import translate

MARGINS = (0.4 * 72, 0.6 * 72, 0.4 * 72, 0.75 * 72)   # left, top, right, bottom in points, as the workbook's
FONT_FAMILIES = ["SimSun", "宋体", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]
HEADER_FILL = QColor("#DDEBF7")
PADDING = 2.0
A4_POINTS = (595.28, 841.89)


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


@dataclass
class _Page:
    landscape: bool
    draw: list[Callable[[QPainter, float], None]] = field(default_factory=list)   # each given points → pixels


class _Layout:
    """Lays the sheets out on A4 pages, in points, measuring text with the printer's metrics."""

    def __init__(self, device):
        self.device = device
        self.pages: list[_Page] = []

    def height(self, text: str, font: QFont, width: float) -> float:
        metrics = QFontMetricsF(font, self.device)
        points = 72 / self.device.logicalDpiY()
        box = metrics.boundingRect(QRectF(0, 0, width / points, 1e7), int(Qt.TextFlag.TextWordWrap), text)
        return box.height() * points

    def sheet(self, table) -> None:
        from outreach_desk.services.excel.report_form import column_points

        paper = A4_POINTS[::-1] if table.landscape else A4_POINTS
        room = paper[0] - MARGINS[0] - MARGINS[2]
        natural = [column_points(w) for w in table.widths]
        scale = min(1.0, room / max(1.0, sum(natural)))
        widths = [w * scale for w in natural]
        body, bold, title = _font(11 * scale), _font(11 * scale, True), _font(16 * scale, True)
        left = MARGINS[0] + (room - sum(widths)) / 2
        bottom = paper[1] - MARGINS[3]

        def header(page: _Page) -> float:
            y = MARGINS[1]
            for text, font in ((table.title, title), (table.subtitle, body)):
                h = self.height(text, font, sum(widths)) + PADDING
                page.draw.append(_text(text, font, QRectF(left, y, sum(widths), h), Qt.AlignmentFlag.AlignCenter))
                y += h
            if any(table.headers):
                y += self._row(page, table.headers, widths, left, y, bold, HEADER_FILL)
            return y

        page = self._new_page(table.landscape)
        y = header(page)
        for row in table.rows:
            needed = self._row_height(row, widths, body)
            if y + needed > bottom:
                page = self._new_page(table.landscape)
                y = header(page)
            y += self._row(page, row, widths, left, y, body)
        y += PADDING * 4
        for note in table.notes:
            h = self.height(note, body, sum(widths)) + PADDING
            if y + h > bottom:
                page = self._new_page(table.landscape)
                y = header(page)
            page.draw.append(_text(note, body, QRectF(left, y, sum(widths), h), Qt.AlignmentFlag.AlignLeft))
            y += h
        for number, picture in enumerate(table.pictures):
            if number or table.rows or y > MARGINS[1] + 80:
                page = self._new_page(table.landscape)
                y = header(page)
            page.draw.append(_picture(picture, QRectF(MARGINS[0], y, room, bottom - y)))

    def _new_page(self, landscape: bool) -> _Page:
        self.pages.append(_Page(landscape))
        return self.pages[-1]

    def _row_height(self, values, widths, font) -> float:
        return max([self.height(v, font, w - 2 * PADDING) for v, w in zip(values, widths) if v] or [0]) + 2 * PADDING

    def _row(self, page: _Page, values, widths, left: float, y: float, font: QFont, fill=None) -> float:
        h = max(self._row_height(values, widths, font), font.pointSizeF() * 1.4)
        x = left
        for value, width in zip(values, widths):
            page.draw.append(_cell(value, font, QRectF(x, y, width, h), fill))
            x += width
        return h


def _text(text: str, font: QFont, rect: QRectF, align) -> Callable[[QPainter, float], None]:
    def draw(painter: QPainter, k: float) -> None:
        painter.setFont(font)
        painter.drawText(_scaled(rect, k), int(align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), text)
    return draw


def _cell(text: str, font: QFont, rect: QRectF, fill) -> Callable[[QPainter, float], None]:
    numeric = text.replace(",", "").replace(".", "").replace("%", "").replace("×", "").lstrip("-").isdigit()

    def draw(painter: QPainter, k: float) -> None:
        box = _scaled(rect, k)
        if fill is not None:
            painter.fillRect(box, fill)
        painter.setPen(QPen(QColor("#808080"), 0))
        painter.drawRect(box)
        painter.setPen(QColor("#9C0006") if text.startswith("×") else QColor("black"))
        painter.setFont(font)
        inner = box.adjusted(PADDING * k, 0, -PADDING * k, 0)
        align = (Qt.AlignmentFlag.AlignCenter if fill is not None else
                 Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
        painter.drawText(inner, int(align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), text)
        painter.setPen(QColor("black"))
    return draw


def _picture(data: bytes, rect: QRectF) -> Callable[[QPainter, float], None]:
    image = QImage.fromData(data)

    def draw(painter: QPainter, k: float) -> None:
        box = _scaled(rect, k)
        size = image.size().scaled(box.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(box.left() + (box.width() - size.width()) / 2, box.top(), size.width(), size.height())
        painter.drawImage(target, image)
    return draw


def _scaled(rect: QRectF, k: float) -> QRectF:
    return QRectF(rect.left() * k, rect.top() * k, rect.width() * k, rect.height() * k)


class ReportPreview(QObject):
    """The preview dialog over the pages; printing from it prints the same pages. Temporary files go when
    the dialog closes."""

    def __init__(self, pages, folder: Path, parent: QWidget):
        super().__init__(parent)
        self.pages = pages
        self.folder = folder
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setFullPage(True)
        self.printer.setDocName(translate("ReportPreview", "Monthly report"))
        self.dialog = QPrintPreviewDialog(self.printer, parent)
        self.dialog.setObjectName("reportPreview")
        self.dialog.setWindowTitle(translate("ReportPreview", "Print preview of the monthly report"))
        self.dialog.resize(1000, 720)
        self.dialog.paintRequested.connect(self.paint)
        self.dialog.finished.connect(self._forget)
        self.drawn = 0

    def open(self) -> QPrintPreviewDialog:
        self.dialog.open()
        return self.dialog

    def _forget(self, *_args) -> None:
        from outreach_desk.services.excel import print_pages

        print_pages.remove_folder(self.folder)

    def _layout(self, printer) -> list[_Page]:
        if self.pages.from_office:
            pages = []
            for path in self.pages.images:
                image = QImage(str(path))
                page = _Page(image.width() > image.height())
                page.draw.append(_picture_file(image))
                pages.append(page)
            return pages
        layout = _Layout(printer)
        for table in self.pages.sheets:
            layout.sheet(table)
        footer = translate("ExcelReport", "Page &P of &N")
        for number, page in enumerate(layout.pages, 1):
            paper = A4_POINTS[::-1] if page.landscape else A4_POINTS
            text = footer.replace("&P", str(number)).replace("&N", str(len(layout.pages)))
            page.draw.append(_text(text, _font(10), QRectF(0, paper[1] - MARGINS[3] + 14, paper[0], 20),
                                   Qt.AlignmentFlag.AlignHCenter))
        return layout.pages

    def paint(self, printer: QPrinter) -> None:
        pages = self._layout(printer)
        painter = QPainter()
        for number, page in enumerate(pages):
            orientation = QPageLayout.Orientation.Landscape if page.landscape else QPageLayout.Orientation.Portrait
            printer.setPageOrientation(orientation)
            if number == 0:
                painter.begin(printer)
            else:
                printer.newPage()
            k = printer.resolution() / 72
            for draw in page.draw:
                draw(painter, k)
        if painter.isActive():
            painter.end()
        self.drawn = len(pages)


def _picture_file(image: QImage) -> Callable[[QPainter, float], None]:
    """A whole PDF page picture over the whole paper."""
    def draw(painter: QPainter, k: float) -> None:
        device = painter.device()
        box = QRectF(QPointF(0, 0), QPointF(device.width(), device.height()))
        painter.drawImage(box, image)
    return draw
