"""Reading an entry workbook (.xlsx) or a CSV file without trusting it.

A file from outside may be anything: not a zip, a zip bomb, a sheet that declares a million rows,
huge shared strings, formulas, error values, merged cells, a legacy .xls or a CSV in GBK. Each ends
in a :class:`WorkbookError` in plain words, and the work is bounded before any XML is parsed: file
size, entry count and each entry's declared size are checked first (zipfile enforces the declared
size while inflating); the sheet is streamed row by row (``xlsx_stream``) with shared strings parsed
only when referenced, empty rows skipped and rows and columns capped at ``MAX_DATA_ROWS`` and
``MAX_COLUMNS`` whatever the sheet declares; expat 2.4 and later refuse a "billion laughs".

Rows come out as tuples of plain values; a formula cell is a :class:`Formula`, an error value (or
a date serial out of range) an :class:`ErrorValue`, so the import can say which cell to fix.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import os
import posixpath
import warnings
import xml.etree.ElementTree as ET
import zipfile
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import safe_files
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel import xlsx_stream
from outreach_desk.services.excel.layout import MAX_DATA_ROWS

CONTEXT = "ExcelReader"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_CSV_BYTES = 32 * 1024 * 1024
MAX_ZIP_ENTRIES = 2_000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024
MAX_SHEET_UNCOMPRESSED = 150 * 1024 * 1024
MAX_SHARED_STRINGS = 40 * 1024 * 1024
MAX_OTHER_PART = 16 * 1024 * 1024
MAX_COLUMNS = 64
CSV_FIELD_LIMIT = 131_072

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOCUMENT = "/officeDocument"


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


class WorkbookError(ServiceError):
    """The file as a whole cannot be read; the message says why and what to do."""


@dataclass(frozen=True)
class Formula:
    text: str


@dataclass(frozen=True)
class ErrorValue:
    code: str


@dataclass(frozen=True)
class Merged:
    min_row: int
    min_col: int
    max_row: int
    max_col: int
    ref: str


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def _save_as_xlsx(name: str) -> WorkbookError:
    return WorkbookError(_tr("{name} is an old Excel 97-2003 (.xls) file or a password-protected workbook. Open it "
                             "in Excel or WPS, choose File › Save As › Excel Workbook (*.xlsx) without a password, "
                             "and import the .xlsx file.").format(name=name))


def _reason(exc: BaseException) -> str:
    """What went wrong inside the file, in words a clerk can pass on (never the exception's own English text)."""
    if isinstance(exc, xlsx_stream.SheetDataError):
        return str(exc)
    if isinstance(exc, ET.ParseError):
        return _tr("its XML is not well-formed")
    if isinstance(exc, IndexError):
        return _tr("a cell refers to a shared string the file does not hold")
    if isinstance(exc, (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error)):
        return _tr("a part of the zip archive is damaged")
    if isinstance(exc, (ValueError, TypeError, KeyError)):
        return _tr("a cell or a reference holds a value of the wrong kind")
    return _tr("its content is not what a spreadsheet program writes")


def _damaged(name: str, exc: BaseException) -> WorkbookError:
    return WorkbookError(_tr("{name} cannot be read as an Excel workbook; it may be damaged ({reason}). Open it in "
                             "Excel or WPS and save it again as .xlsx.").format(name=name, reason=_reason(exc)))


def _unreadable(path: Path, exc: OSError) -> WorkbookError:
    """An OS error opening or reading the file, said in a translated sentence naming the file."""
    if isinstance(exc, FileNotFoundError):
        return WorkbookError(_tr("The file {name} does not exist.").format(name=path.name))
    return WorkbookError(safe_files.explain_os_error(exc, path))


def _open_regular(path: Path):
    """``path`` opened for reading if it is a regular file (or a link to one); a FIFO, a device or a folder is
    refused before anything is read from it, so a pipe cannot hang the import."""
    try:
        safe_files.refuse_database_file(path)  # reading it with Python would drop the store's SQLite locks
        return safe_files.open_file(path, "rb", follow_links=True)
    except safe_files.UnsafePathError as exc:
        raise WorkbookError(str(exc)) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None


def open_source(path: str | Path) -> "XlsxSource | CsvSource":
    """Inspect ``path`` and open it as a workbook or a CSV file; refuse anything else clearly."""
    path = Path(path)
    file = _open_regular(path)
    try:
        size = os.fstat(file.fileno()).st_size
        head = file.read(1024)
        file.seek(0)
        source = _open_kind(path, file, size, head)
    except OSError as exc:
        file.close()
        raise _unreadable(path, exc) from None
    except BaseException:
        file.close()
        raise
    return source


def _open_kind(path: Path, file, size: int, head: bytes) -> "XlsxSource | CsvSource":
    name = path.name
    if size == 0:
        raise WorkbookError(_tr("The file {name} is empty.").format(name=name))
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC):
        raise _save_as_xlsx(name)
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        if size > MAX_FILE_BYTES:
            raise WorkbookError(_tr("{name} is {size}; workbooks larger than {limit} are not accepted. Split it "
                                    "into several files.").format(name=name, size=_mib(size),
                                                                  limit=_mib(MAX_FILE_BYTES)))
        return XlsxSource(path, file)
    if suffix in (".xls", ".et"):
        raise _save_as_xlsx(name)
    if suffix in (".xlsx", ".xlsm", ".xltx"):
        raise WorkbookError(_tr("{name} is not an Excel workbook (an .xlsx file is a zip archive, this one is not). "
                                "If it is a CSV file, give it the extension .csv.").format(name=name))
    if size > MAX_CSV_BYTES:
        raise WorkbookError(_tr("{name} is {size}; CSV files larger than {limit} are not accepted. Split it into "
                                "several files.").format(name=name, size=_mib(size), limit=_mib(MAX_CSV_BYTES)))
    return CsvSource(path, file)


# ------------------------------------------------------------------------------------- xlsx
class XlsxSource:
    kind = "xlsx"

    def __init__(self, path: Path, file):
        self.path = path
        self.name = path.name
        self.sheet_parts: dict[str, str] = {}
        self.hidden: set[str] = set()
        self.total_uncompressed = 0
        self._scans: dict[str, tuple[list[Merged], array, int]] = {}
        self._strings_part = self._styles_part = None
        self._epoch = None
        self._decoder: xlsx_stream.SheetCells | None = None
        self._file = file
        try:
            self._archive = zipfile.ZipFile(file)
        except Exception as exc:
            file.close()
            raise _damaged(self.name, exc) from None
        try:
            self._inspect()
        except BaseException:
            self.close()
            raise
        if self._epoch is None:
            from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

            self._epoch = CALENDAR_WINDOWS_1900

    def _inspect(self) -> None:
        """Check the zip directory before any XML is parsed; map sheet names to their parts."""
        name = self.name
        archive = self._archive
        try:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                raise WorkbookError(_tr("{name} holds {count} parts; a workbook has far fewer. It is not "
                                        "accepted.").format(name=name, count=len(infos)))
            parts = {info.filename: info for info in infos}
            if any(info.flag_bits & 0x1 for info in infos):
                raise _save_as_xlsx(name)
            if "[Content_Types].xml" not in parts:
                if "mimetype" in parts or "content.xml" in parts:
                    raise WorkbookError(_tr("{name} is an OpenDocument (.ods) spreadsheet. Save it as Excel "
                                            "Workbook (*.xlsx) and import that file.").format(name=name))
                raise WorkbookError(_tr("{name} is a zip archive but not an Excel workbook.").format(name=name))
            self.total_uncompressed = sum(info.file_size for info in infos)
            if self.total_uncompressed > MAX_TOTAL_UNCOMPRESSED:
                raise self._too_big(self.total_uncompressed, MAX_TOTAL_UNCOMPRESSED)
            workbook_part = self._workbook_part(archive, parts)
            self._read_sheets(archive, parts, workbook_part)
            for part, info in parts.items():
                limit = (MAX_SHEET_UNCOMPRESSED if part in self.sheet_parts.values()
                         else MAX_SHARED_STRINGS if part.lower().endswith("sharedstrings.xml")
                         else MAX_OTHER_PART if part.lower().endswith((".xml", ".rels", ".vml")) else None)
                if limit is not None and info.file_size > limit:
                    raise self._too_big(info.file_size, limit)
        except WorkbookError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
            raise WorkbookError(_tr("{name} is damaged: it starts like an .xlsx file but is not a readable zip "
                                    "archive.").format(name=name)) from None
        except Exception as exc:  # a hostile directory or XML: refuse, never crash
            raise _damaged(name, exc) from None

    def _too_big(self, size: int, limit: int) -> WorkbookError:
        return WorkbookError(_tr("{name} would expand to {size} when opened (the limit is {limit}); it is not "
                                 "accepted. A zip bomb looks like this; a real entry workbook is far smaller.").format(
            name=self.name, size=_mib(size), limit=_mib(limit)))

    def _small_xml(self, archive: zipfile.ZipFile, parts: dict, part: str):
        info = parts.get(part)
        if info is None or info.file_size > MAX_OTHER_PART:
            raise WorkbookError(_tr("{name} is a zip archive but not an Excel workbook.").format(name=self.name))
        return ET.fromstring(archive.read(info))

    def _workbook_part(self, archive: zipfile.ZipFile, parts: dict) -> str:
        if "_rels/.rels" in parts:
            for rel in self._small_xml(archive, parts, "_rels/.rels").iter(f"{NS_PKG_REL}Relationship"):
                if rel.get("Type", "").endswith(OFFICE_DOCUMENT):
                    target = rel.get("Target", "").lstrip("/")
                    if target in parts:
                        return target
        if "xl/workbook.xml" in parts:
            return "xl/workbook.xml"
        raise WorkbookError(_tr("{name} is a zip archive but not an Excel workbook.").format(name=self.name))

    def _read_sheets(self, archive: zipfile.ZipFile, parts: dict, workbook_part: str) -> None:
        folder, base = posixpath.split(workbook_part)
        rels_part = posixpath.join(folder, "_rels", base + ".rels")
        targets = {}
        if rels_part in parts:
            for rel in self._small_xml(archive, parts, rels_part).iter(f"{NS_PKG_REL}Relationship"):
                target = rel.get("Target", "")
                target = (target.lstrip("/") if target.startswith("/")
                          else posixpath.normpath(posixpath.join(folder, target)))
                targets[rel.get("Id")] = target
                kind = rel.get("Type", "")
                if kind.endswith("/sharedStrings") and target in parts:
                    self._strings_part = target
                elif kind.endswith("/styles") and target in parts:
                    self._styles_part = target
        workbook = self._small_xml(archive, parts, workbook_part)
        properties = workbook.find(f"{NS_MAIN}workbookPr")
        if properties is not None and properties.get("date1904", "0").lower() in ("1", "true"):
            from openpyxl.utils.datetime import CALENDAR_MAC_1904

            self._epoch = CALENDAR_MAC_1904
        for sheet in workbook.iter(f"{NS_MAIN}sheet"):
            target = targets.get(sheet.get(f"{NS_REL}id"))
            if target in parts:
                self.sheet_parts[sheet.get("name", "")] = target
                if sheet.get("state", "visible") != "visible":
                    self.hidden.add(sheet.get("name", ""))

    def _cells(self) -> xlsx_stream.SheetCells:
        """The cell decoder, made at the first read: the style table is small, the strings are indexed only."""
        if self._decoder is None:
            strings = styles = None
            if self._strings_part:
                strings = xlsx_stream.SharedStrings(self._archive.read(self._strings_part))
            if self._styles_part:
                styles = self._archive.read(self._styles_part)
            dates, durations = xlsx_stream.date_styles(styles)
            self._decoder = xlsx_stream.SheetCells(strings, dates, durations, self._epoch, Formula, ErrorValue)
        return self._decoder

    def shared_string_count(self) -> int:
        return len(self._cells().strings or ())

    def shared_strings_built(self) -> int:
        """How many shared strings the reads so far have parsed (the others cost only their index entry)."""
        strings = self._cells().strings
        return strings.built if strings is not None else 0

    def sheet_names(self) -> list[str]:
        return list(self.sheet_parts)

    def is_hidden(self, sheet: str) -> bool:
        return sheet in self.hidden

    def rows(self, sheet: str, min_row: int = 1, max_row: int = xlsx_stream.EXCEL_LAST_ROW,
             max_col: int = MAX_COLUMNS) -> Iterator[tuple[int, tuple]]:
        """(row number, values) for the rows ``min_row``..``max_row`` that hold a value, at most ``max_col`` each.

        Rows with no value (gaps, empty formatted cells) are left out; the numbers say where each row is.
        """
        part = self.sheet_parts.get(sheet)
        if part is None:
            return
        numbers = self._scan(sheet)[1]
        max_row = min(max_row, max(numbers, default=0))  # empty formatted rows after the last value: not parsed
        try:
            yield from xlsx_stream.iter_rows(self._archive, part, self._cells(), min_row, max_row, max_col)
        except WorkbookError:
            raise
        except Exception as exc:
            raise _damaged(self.name, exc) from None

    def merged(self, sheet: str) -> list[Merged]:
        """Merged ranges of ``sheet``, found in its raw XML."""
        return self._scan(sheet)[0]

    def value_rows_after(self, sheet: str, row: int) -> int:
        """How many rows below ``row`` hold a value, counted in the raw XML without reading them."""
        numbers = self._scan(sheet)[1]
        return len(numbers) - bisect.bisect_right(sorted(numbers) if not _ascending(numbers) else numbers, row)

    def last_row(self, sheet: str) -> int:
        """The number of ``sheet``'s last row in its raw XML, a value in it or not (0 for an empty sheet)."""
        return self._scan(sheet)[2] if sheet in self.sheet_parts else 0

    def _scan(self, sheet: str) -> tuple[list[Merged], array, int]:
        if sheet not in self._scans:
            try:
                with self._archive.open(self.sheet_parts[sheet]) as stream:
                    refs, rows, last = xlsx_stream.scan(stream)
                self._scans[sheet] = ([_merged(ref) for ref in refs], rows, last)
            except Exception as exc:
                raise _damaged(self.name, exc) from None
        return self._scans[sheet]

    def close(self) -> None:
        self._archive.close()
        self._file.close()


def _ascending(numbers) -> bool:
    return all(a < b for a, b in zip(numbers, numbers[1:]))


def _merged(ref: str) -> Merged:
    from openpyxl.utils.cell import range_boundaries

    first = ref.split(":")[0]
    min_col, min_row, max_col, max_row = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
    return Merged(min_row, min_col, max_row, max_col, first if ":" not in ref else ref)


def _quiet_openpyxl() -> None:
    """openpyxl warns about extensions it skips and dates out of range; the import reports those cells itself.

    Added at every open (``filterwarnings`` replaces an identical filter), since test runners and
    callers may reset the filters in between.
    """
    warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\..*")


# -------------------------------------------------------------------------------------- csv
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def utf16_without_bom(raw: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``raw`` has the NUL pattern of ASCII text in UTF-16, else None.

    A CSV file's commas, digits and line ends are ASCII: in UTF-16 every one of them has a NUL byte,
    at odd offsets (little-endian) or even ones (big-endian), and nothing else puts NULs on one side only.
    """
    sample = raw[:65_536]
    sample = sample[:len(sample) // 2 * 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even == 0 and odd >= max(2, pairs // 10):
        return "utf-16-le"
    if odd == 0 and even >= max(2, pairs // 10):
        return "utf-16-be"
    return None


def decode_text(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with or without BOM, else GB18030 (a superset of GBK)."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    guessed = utf16_without_bom(raw)
    for encoding in ((guessed,) if guessed else ()) + ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise WorkbookError(_tr("{name} is neither UTF-8 nor GBK text. Save it as \"CSV UTF-8\" in Excel or WPS and "
                            "import it again.").format(name=name))


class CsvSource:
    kind = "csv"

    def __init__(self, path: Path, file):
        self.path = path
        self.name = path.name
        with file:
            raw = file.read(MAX_CSV_BYTES + 1)
        text, self.encoding = decode_text(raw, self.name)
        if "\x00" in text:
            raise WorkbookError(_tr("{name} is not a text file (it contains NUL characters); it cannot be read as "
                                    "CSV.").format(name=self.name))
        self._text = text
        first_line = text.split("\n", 1)[0]
        self.delimiter = max((",", "\t", ";"), key=first_line.count) if first_line else ","
        self.sheet = path.stem or "CSV"

    def sheet_names(self) -> list[str]:
        return [self.sheet]

    def is_hidden(self, sheet: str) -> bool:
        return False

    def rows(self, sheet: str, min_row: int = 1, max_row: int = xlsx_stream.EXCEL_LAST_ROW,
             max_col: int = MAX_COLUMNS) -> Iterator[tuple[int, tuple]]:
        """(line number, values) of the records ``min_row``..``max_row``; more lines than a sheet holds are refused."""
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=self.delimiter)
        number = 0
        try:
            for record in reader:
                number += 1
                if number > max_row:
                    if max_row >= xlsx_stream.EXCEL_LAST_ROW:
                        raise WorkbookError(_tr("{name} has more than {limit} lines; at most {rows} rows can be "
                                                "imported at a time. Split the file.").format(
                            name=self.name, limit=f"{xlsx_stream.EXCEL_LAST_ROW:,}", rows=f"{MAX_DATA_ROWS:,}"))
                    return
                if number >= min_row:
                    yield number, tuple(value if value != "" else None for value in record[:max_col])
        except csv.Error:
            raise WorkbookError(_tr("{name}, line {line}: the CSV file cannot be read (a field is longer than "
                                    "{limit} characters, or its quotes do not match).").format(
                name=self.name, line=reader.line_num, limit=f"{CSV_FIELD_LIMIT:,}")) from None

    def merged(self, sheet: str) -> list[Merged]:
        return []

    def value_rows_after(self, sheet: str, row: int) -> int:
        """How many records below line ``row`` hold a value."""
        return sum(1 for number, values in self.rows(sheet, min_row=row + 1)
                   if any(value is not None and value.strip() for value in values))

    def close(self) -> None:
        self._text = ""
