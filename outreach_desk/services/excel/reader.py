"""Reading an entry workbook (.xlsx) or a CSV file without trusting it.

A file from outside may be anything: not a zip, a zip that is no workbook, a zip bomb, a sheet
that declares a million rows and sixteen thousand columns, shared strings of 100,000 characters,
formulas, error values, merged cells, a legacy .xls or a CSV in GBK. Every such case ends in a
:class:`WorkbookError` with a message in plain words, and the work done is bounded before any
XML is parsed:

- the file size, the number of zip entries and each entry's *declared* uncompressed size are
  checked against limits first (zipfile enforces the declared size while inflating: an entry that
  inflates beyond it fails its CRC check instead of filling memory);
- openpyxl reads in read-only mode, streaming the sheet XML; rows are read up to
  ``HEADER_SEARCH_ROWS + MAX_DATA_ROWS + 1`` and columns up to ``MAX_COLUMNS`` whatever the
  sheet declares, so a huge ``<dimension>`` costs nothing;
- XML entity expansion is limited by expat (2.4 and later refuse "billion laughs").

Rows come out as tuples of plain values; a formula cell is a :class:`Formula`, an error value
(#DIV/0!, #VALUE!, also a date serial out of range) an :class:`ErrorValue`, so the import can
say exactly which cell to fix.
"""

from __future__ import annotations

import codecs
import csv
import io
import posixpath
import re
import warnings
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel.layout import HEADER_SEARCH_ROWS, MAX_DATA_ROWS

CONTEXT = "ExcelReader"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_CSV_BYTES = 32 * 1024 * 1024
MAX_ZIP_ENTRIES = 2_000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024
MAX_SHEET_UNCOMPRESSED = 150 * 1024 * 1024
MAX_SHARED_STRINGS = 40 * 1024 * 1024
MAX_OTHER_PART = 16 * 1024 * 1024
MAX_COLUMNS = 64
ROW_LIMIT = HEADER_SEARCH_ROWS + MAX_DATA_ROWS + 1  # a row numbered beyond it means the sheet is too long
CSV_FIELD_LIMIT = 131_072

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOCUMENT = "/officeDocument"
_SPECIAL_CELL = re.compile(rb"<(?:\w+:)?f[\s>/]|\bt=\"e\"")  # a formula element, or an error-typed cell
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)\"")


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


def _damaged(name: str, exc: BaseException) -> WorkbookError:
    reason = f"{type(exc).__name__}: {exc}"[:200]
    return WorkbookError(_tr("{name} cannot be read as an Excel workbook; it may be damaged ({reason}). Open it in "
                             "Excel or WPS and save it again as .xlsx.").format(name=name, reason=reason))


def open_source(path: str | Path) -> "XlsxSource | CsvSource":
    """Inspect ``path`` and open it as a workbook or a CSV file; refuse anything else clearly."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
    except FileNotFoundError:
        raise WorkbookError(_tr("The file {name} does not exist.").format(name=name)) from None
    except OSError as exc:
        raise WorkbookError(_tr("The file {name} cannot be opened: {reason}").format(
            name=name, reason=exc.strerror or exc)) from None
    if size == 0:
        raise WorkbookError(_tr("The file {name} is empty.").format(name=name))
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC):
        raise _save_as_xlsx(name)
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        if size > MAX_FILE_BYTES:
            raise WorkbookError(_tr("{name} is {size}; workbooks larger than {limit} are not accepted. Split it "
                                    "into several files.").format(name=name, size=_mib(size), limit=_mib(MAX_FILE_BYTES)))
        return XlsxSource(path)
    if suffix in (".xls", ".et"):
        raise _save_as_xlsx(name)
    if suffix in (".xlsx", ".xlsm", ".xltx"):
        raise WorkbookError(_tr("{name} is not an Excel workbook (an .xlsx file is a zip archive, this one is not). "
                                "If it is a CSV file, give it the extension .csv.").format(name=name))
    if size > MAX_CSV_BYTES:
        raise WorkbookError(_tr("{name} is {size}; CSV files larger than {limit} are not accepted. Split it into "
                                "several files.").format(name=name, size=_mib(size), limit=_mib(MAX_CSV_BYTES)))
    return CsvSource(path)


# ------------------------------------------------------------------------------------- xlsx
class XlsxSource:
    kind = "xlsx"

    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        self.sheet_parts: dict[str, str] = {}
        self.hidden: set[str] = set()
        self.total_uncompressed = 0
        self._scans: dict[str, tuple[list[Merged], bool]] = {}
        self._inspect()
        self._workbook = self._load()

    def _inspect(self) -> None:
        """Check the zip directory before any XML is parsed; map sheet names to their parts."""
        name = self.name
        try:
            with zipfile.ZipFile(self.path) as archive:
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
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
            raise WorkbookError(_tr("{name} is damaged: it starts like an .xlsx file but is not a readable zip archive "
                                    "({reason}).").format(name=name, reason=str(exc)[:200])) from None
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
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                targets[rel.get("Id")] = target
        workbook = self._small_xml(archive, parts, workbook_part)
        for sheet in workbook.iter(f"{NS_MAIN}sheet"):
            target = targets.get(sheet.get(f"{NS_REL}id"))
            if target in parts:
                self.sheet_parts[sheet.get("name", "")] = target
                if sheet.get("state", "visible") != "visible":
                    self.hidden.add(sheet.get("name", ""))

    def _load(self):
        from openpyxl import load_workbook

        _quiet_openpyxl()
        self._file = self.path.open("rb")
        try:
            return load_workbook(self._file, read_only=True, data_only=False, keep_links=False, keep_vba=False)
        except Exception as exc:
            self._file.close()
            raise _damaged(self.name, exc) from None

    def sheet_names(self) -> list[str]:
        return [name for name in self._workbook.sheetnames if name in self.sheet_parts]

    def is_hidden(self, sheet: str) -> bool:
        return sheet in self.hidden

    def rows(self, sheet: str, min_row: int = 1, max_row: int = ROW_LIMIT + 1,
             max_col: int = MAX_COLUMNS) -> Iterator[tuple[int, tuple]]:
        """(row number, values) for rows ``min_row``..``max_row``, at most ``max_col`` values each.

        A sheet without formula or error cells (the usual case, found by :meth:`_scan`) is read in
        openpyxl's values-only mode, which skips making a cell object per value.
        """
        try:
            worksheet = self._workbook[sheet]
            if not hasattr(worksheet, "iter_rows"):
                return
            _merges, special = self._scan(sheet)
            number = min_row
            if special:
                for row in worksheet.iter_rows(min_row=min_row, max_row=max_row, max_col=max_col):
                    yield number, tuple([c.value if c.data_type not in _SPECIAL_TYPES else _cell_value(c) for c in row])
                    number += 1
            else:
                for values in worksheet.iter_rows(min_row=min_row, max_row=max_row, max_col=max_col, values_only=True):
                    yield number, values
                    number += 1
        except WorkbookError:
            raise
        except Exception as exc:
            raise _damaged(self.name, exc) from None

    def merged(self, sheet: str) -> list[Merged]:
        """Merged ranges of ``sheet`` (read-only mode does not report them)."""
        return self._scan(sheet)[0]

    def _scan(self, sheet: str) -> tuple[list[Merged], bool]:
        """One pass over the sheet's raw XML: its merged ranges, and whether any cell holds a formula or an error."""
        if sheet in self._scans:
            return self._scans[sheet]
        part = self.sheet_parts.get(sheet)
        found, special, tail = [], False, b""
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(part) as stream:
                while chunk := stream.read(1 << 20):
                    data = tail + chunk
                    # plain substring tests first: the regular expressions run only where they can match
                    if not special and (b"<f" in data or b":f" in data or b't="e"' in data):
                        special = bool(_SPECIAL_CELL.search(data))
                    if b"mergeCell" in data:
                        found.extend(m.group(1).decode("ascii") for m in _MERGE.finditer(data))
                        del found[1000:]
                    tail = data[-200:]
        except Exception as exc:
            raise _damaged(self.name, exc) from None
        self._scans[sheet] = ([_merged(ref) for ref in dict.fromkeys(found)], special)
        return self._scans[sheet]

    def close(self) -> None:
        self._workbook.close()
        self._file.close()


def _cell_value(cell):
    kind = cell.data_type
    if kind == "f":
        return Formula(str(cell.value))
    if kind == "e":
        return ErrorValue(str(cell.value))
    return cell.value


def _merged(ref: str) -> Merged:
    from openpyxl.utils.cell import range_boundaries

    first = ref.split(":")[0]
    min_col, min_row, max_col, max_row = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
    return Merged(min_row, min_col, max_row, max_col, first if ":" not in ref else ref)


_SPECIAL_TYPES = frozenset({"f", "e"})
def _quiet_openpyxl() -> None:
    """openpyxl warns about extensions it skips and dates out of range; the import reports those cells itself.

    Added at every open (``filterwarnings`` replaces an identical filter), since test runners and
    callers may reset the filters in between.
    """
    warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\..*")


# -------------------------------------------------------------------------------------- csv
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise WorkbookError(_tr("{name} is neither UTF-8 nor GBK text. Save it as \"CSV UTF-8\" in Excel or WPS and "
                            "import it again.").format(name=name))


class CsvSource:
    kind = "csv"

    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        raw = path.read_bytes()
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

    def rows(self, sheet: str, min_row: int = 1, max_row: int = ROW_LIMIT + 1,
             max_col: int = MAX_COLUMNS) -> Iterator[tuple[int, tuple]]:
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=self.delimiter)
        number = 0
        try:
            for record in reader:
                number += 1
                if number > max_row:
                    return
                if number >= min_row:
                    yield number, tuple(value if value != "" else None for value in record[:max_col])
        except csv.Error as exc:
            raise WorkbookError(_tr("{name}, line {line}: the CSV file cannot be read ({reason}).").format(
                name=self.name, line=reader.line_num, reason=str(exc)[:200])) from None

    def merged(self, sheet: str) -> list[Merged]:
        return []

    def close(self) -> None:
        self._text = ""
