"""The pages of the monthly report for the window's print preview, made off the GUI thread.

With LibreOffice (and poppler's ``pdftoppm``) installed, the report is converted to PDF exactly as
an office prints it and each PDF page becomes a picture: the preview shows what the printer will
print. Without them, the report's sheets are read back from the written workbook as formatted text
and pictures (``SheetTable``), which the window lays out on A4 pages itself. Both start from the
same file ``report.build_report`` writes.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError

PAGE_DPI = 110
CHART_SHEET = "图表"
POLL_SECONDS = 0.2
CONVERT_TIMEOUT = 600
WINDOWS_OFFICE = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                  r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")

Progress = Callable[[int, int, str], None]


def _tr(text: str) -> str:
    return translate("PrintPages", text)


class PrintError(ServiceError):
    """The preview could not be made; the message says why, in Chinese."""


@dataclass
class SheetTable:
    """One sheet as text: title lines, column headers and widths (Excel units), rows of shown text, pictures."""

    name: str
    title: str
    subtitle: str
    headers: list[str]
    widths: list[float]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pictures: list[bytes] = field(default_factory=list)
    landscape: bool = True


@dataclass
class PreviewPages:
    """Either page pictures from LibreOffice's PDF (``images``) or sheets for the window to lay out."""

    images: list[Path] = field(default_factory=list)
    sheets: list[SheetTable] = field(default_factory=list)

    @property
    def from_office(self) -> bool:
        return bool(self.images)


def find_office() -> str | None:
    """LibreOffice's ``soffice`` on the PATH or where its Windows installer puts it; None when absent."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and sys.platform == "win32":
        found = next((path for path in WINDOWS_OFFICE if Path(path).exists()), None)
    return found


def find_rasteriser() -> str | None:
    return shutil.which("pdftoppm")


def _run(args: list[str], progress: Progress, text: str) -> None:
    """Run ``args``, reporting ``text`` while it runs; a cancel stops the program at once."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    try:
        while process.poll() is None:
            progress(0, 0, text)   # raises when the clerk cancelled
            if time.monotonic() - started > CONVERT_TIMEOUT:
                raise PrintError(_tr("LibreOffice did not finish converting the report within {minutes} minutes."
                                     ).format(minutes=CONVERT_TIMEOUT // 60))
            time.sleep(POLL_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def office_pages(workbook: Path, folder: Path, progress: Progress) -> list[Path]:
    """PNG pictures of the pages LibreOffice prints of ``workbook`` (in ``folder``); [] when it cannot."""
    office, rasteriser = find_office(), find_rasteriser()
    if office is None or rasteriser is None:
        return []
    profile = (folder / "profile").resolve().as_uri()
    _run([office, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", str(folder),
          str(workbook)], progress, _tr("LibreOffice is laying out the printed pages…"))
    pdf = folder / (workbook.stem + ".pdf")
    if not pdf.exists():
        return []
    _run([rasteriser, "-png", "-r", str(PAGE_DPI), str(pdf), str(folder / "page")], progress,
         _tr("Drawing the pages…"))
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def shown(value, number_format: str) -> str:
    """A cell's value as the sheet shows it (the report's own number formats)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "%" in number_format:
            text = f"{value * 100:.1f}%"
            return "×" + text if "×" in number_format else text
        if "#,##0.00" in number_format:
            return f"{value:,.2f}"
        if "#,##0" in number_format:
            return f"{value:,.0f}"
        if isinstance(value, float):
            return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def read_sheets(workbook: Path, progress: Progress) -> list[SheetTable]:
    """Every sheet of the written report as text and pictures, for pages drawn by the window."""
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    sheets = []
    for number, sheet in enumerate(book.worksheets):
        progress(number, len(book.worksheets), _tr("Reading sheet {name}…").format(name=sheet.title))
        columns = max(1, sheet.max_column)
        widths = [sheet.column_dimensions[_letter(c)].width or 8.43 for c in range(1, columns + 1)]
        grid = [[shown(cell.value, cell.number_format) for cell in row[:columns]]
                for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row)]
        grid += [[""] * columns] * (3 - len(grid))
        body = grid[3:]
        while body and not any(body[-1]):
            body.pop()
        rows, notes = [], []
        for row in body:   # the table, then the note and the 填报人 line under an empty row
            (notes if notes or not any(row) else rows).append(row)
        table = SheetTable(sheet.title, grid[0][0], "    ".join(v for v in grid[1] if v), grid[2], widths, rows,
                           ["    ".join(v for v in row if v) for row in notes if any(row)],
                           _pictures(workbook) if sheet.title == CHART_SHEET else [],
                           sheet.page_setup.orientation != "portrait")
        sheets.append(table)
    return sheets


def _pictures(workbook: Path) -> list[bytes]:
    """The report's pictures (all on its chart sheet), in the order they were added."""
    import zipfile

    with zipfile.ZipFile(workbook) as archive:
        names = sorted((n for n in archive.namelist() if n.startswith("xl/media/")),
                       key=lambda n: int("".join(ch for ch in n if ch.isdigit()) or 0))
        return [archive.read(name) for name in names]


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def make_pages(month: str, signatures, folder: Path, progress: Progress, township_id: int | None = None
               ) -> PreviewPages:
    """Write the month's report in ``folder`` and make its preview pages: LibreOffice's when it can, else
    the sheets for the window to draw. Raises ``PrintError`` when neither gives a page."""
    from outreach_desk.services.excel import report

    folder.mkdir(parents=True, exist_ok=True)
    written = report.build_report(folder / "report.xlsx", month, township_id=township_id, signatures=signatures,
                                  progress=progress)
    try:
        images = office_pages(written.path, folder, progress)
    except OSError:
        images = []
    if images:
        return PreviewPages(images=images)
    try:
        sheets = read_sheets(written.path, progress)
    except (OSError, KeyError, ValueError) as exc:
        raise PrintError(_tr("No page of the report could be made for the preview ({error}). Export the report "
                             "and print it from Excel, WPS or LibreOffice.").format(error=exc)) from exc
    if not any(s.rows or s.pictures for s in sheets):
        raise PrintError(_tr("The report has no page to show."))
    return PreviewPages(sheets=sheets)


def remove_folder(folder: Path) -> None:
    """Delete the preview's temporary files (best effort: a file another program still holds stays behind)."""
    shutil.rmtree(folder, ignore_errors=True)
