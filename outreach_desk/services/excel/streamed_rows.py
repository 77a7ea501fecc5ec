"""A long table's rows written as worksheet XML by this module, put into the package openpyxl writes.

openpyxl spends most of a 100,000-row ledger on making, styling and serialising an object for every cell.
Here a row is one string: its cells carry the style ids of the sheet's own styled cells (openpyxl's
``style_id``, so the styles part lists them), each text is cleaned and escaped once however often it
comes back, and the rows wait in a temporary file. On saving, openpyxl writes the package with the
sheet's form (title, headers, the table's first row, the footer) and the streamed rows go in after
that first row; the rows, merged ranges and conditional formats below it move down (ECMA-376 Part 1,
18.3). Values are written as openpyxl writes them: inline strings, dates as serial numbers.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable

from outreach_desk.services.excel.import_rows import column_letter
from outreach_desk.services.excel.safe_cell import clean_text, needs_quote

#: the style id of a column's cells holding ``value`` (one call per column and kind of value)
StyleOf = Callable[[int, object], int]
FLUSH_ROWS = 1_000
CACHED_VALUES = 200_000
SPOOL_BYTES = 64 << 20   # openpyxl's package of the other sheets stays in memory up to this size
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_OFFICE_RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_TAG = re.compile(r"<(/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^<>]*)>")
_ATTRIBUTE = re.compile(r'(\s)([A-Za-z_][\w.:-]*)="([^"]*)"')
_REFERENCE = re.compile(r"(\$?[A-Z]{1,3}\$?)(\d+)")
#: attributes naming cells, by element: a range in a growing attribute that takes in the last row written by
#: openpyxl takes in the streamed rows too (the table's conditional borders)
_MOVED = {"row": ("r",), "c": ("r",), "pane": ("topLeftCell",), "selection": ("activeCell", "sqref"),
          "mergeCell": ("ref",), "conditionalFormatting": ("sqref",), "dimension": ("ref",)}
_GROWING = {"mergeCell", "conditionalFormatting", "dimension"}
#: what openpyxl writes of a report form's sheet; anything else may refer to rows this module does not move
_KNOWN = frozenset(_MOVED) | {
    "worksheet", "sheetPr", "outlinePr", "pageSetUpPr", "tabColor", "sheetViews", "sheetView", "sheetFormatPr",
    "cols", "col", "sheetData", "v", "is", "t", "mergeCells", "cfRule", "formula", "printOptions", "pageMargins",
    "pageSetup", "headerFooter", "oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"}


class StreamedRows:
    """Rows of the sheet ``title`` that follow its row ``after`` (the last one openpyxl writes of the table)."""

    def __init__(self, title: str, after: int, style_of: StyleOf, epoch: dt.datetime):
        self.title = title
        self.after = after
        self.count = 0
        self._style_of = style_of
        self._epoch = epoch
        self._file = tempfile.TemporaryFile()
        self._pending: list[str] = []
        self._letters: list[str] = []
        self._styles: dict[tuple, str] = {}
        self._texts: dict[str, tuple[str, bool]] = {}
        self._numbers: dict[object, str] = {}

    def add(self, values, height: float | None = None) -> None:
        """Append a row of ``values`` (text, numbers, dates; None and "" leave the cell out), ``height`` points
        high (None: the sheet's default row height)."""
        number = str(self.after + self.count + 1)
        parts = [f'<row r="{number}">' if height is None else
                 f'<row r="{number}" ht="{_height(height)}" customHeight="1">']
        letters = self._letters
        while len(letters) < len(values):
            letters.append(column_letter(len(letters) + 1))
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            kind = type(value)
            if kind is str:
                found = self._texts.get(value)
                if found is None:
                    found = self._texts[value] = _text(value)
                body, quoted = found
            else:
                quoted = False
                body = self._numbers.get((kind, value))   # 1 == 1.0 == True: the kind tells them apart
                if body is None:
                    body = self._number(kind, value)
            style = self._styles.get((column, kind, quoted))
            if style is None:
                style = self._styles[column, kind, quoted] = str(self._style_of(column, value))
            parts.append(f'<c r="{letters[column]}{number}" s="{style}" {body}</c>')
        parts.append("</row>")
        self._pending.append("".join(parts))
        self.count += 1
        if len(self._pending) >= FLUSH_ROWS:
            self._flush()
        if len(self._texts) > CACHED_VALUES:   # notes that never come back
            self._texts.clear()
        if len(self._numbers) > CACHED_VALUES:
            self._numbers.clear()

    def _number(self, kind: type, value) -> str:
        from openpyxl.compat import safe_string
        from openpyxl.utils.datetime import to_excel

        if isinstance(value, bool):
            body = f't="b"><v>{int(value)}</v>'
        elif isinstance(value, (int, float)):
            body = f't="n"><v>{safe_string(value)}</v>'
        elif isinstance(value, (dt.date, dt.datetime)):
            if getattr(value, "tzinfo", None) is not None:
                raise TypeError("Excel has no time zones: write a naive datetime")
            body = f't="n"><v>{safe_string(to_excel(value, self._epoch))}</v>'
        else:
            raise TypeError(f"a cell cannot hold {type(value).__name__}")
        if value == value:   # not NaN
            self._numbers[kind, value] = body
        return body

    def _flush(self) -> None:
        self._file.write("".join(self._pending).encode("utf-8", "replace"))
        self._pending.clear()

    def close(self) -> None:
        """Delete the temporary file (after saving, or when the report is given up)."""
        self._file.close()

    def write_part(self, part: bytes, archive: zipfile.ZipFile, name: str) -> None:
        """Write the sheet's part ``name`` into ``archive``: openpyxl's ``part`` with these rows in it."""
        self._flush()
        head, tail = moved_down(part.decode("utf-8"), self.after, self.count)
        size = len(head) + self._file.tell() + len(tail)
        self._file.seek(0)
        info = zipfile.ZipInfo(name, time.localtime()[:6])   # dated as writestr dates openpyxl's parts
        info.compress_type = archive.compression
        with archive.open(info, "w", force_zip64=size > 1 << 30) as out:
            out.write(head)
            shutil.copyfileobj(self._file, out, 1 << 20)
            out.write(tail)


def _height(points: float) -> str:
    from openpyxl.compat import safe_string

    return safe_string(points)


def _text(value: str) -> tuple[str, bool]:
    """A text cell's type and value as XML, and whether it needs the quote prefix (``safe_cell``)."""
    text = clean_text(value)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f't="inlineStr"><is><t{space}>{text.translate(_ESCAPES)}</t></is>', needs_quote(text)


def moved_down(part: str, after: int, count: int) -> tuple[bytes, bytes]:
    """openpyxl's sheet ``part`` split where ``count`` rows go in after row ``after``, every reference to a
    later row moved down by ``count`` (a merged range or conditional format taking in row ``after`` grows).
    Refuses an element it does not know, since it might refer to rows."""
    position = None
    for match in _TAG.finditer(part):
        closing, tag, attributes = match.groups()
        if tag not in _KNOWN:
            raise ValueError(f"streamed rows cannot move the <{tag}> of a sheet")
        if position is None and ((closing and tag == "sheetData") or (
                not closing and tag == "row" and _row_number(attributes) > after)):
            position = match.start()
    if position is None:
        raise ValueError("the sheet has no sheetData")
    return (_references_moved(part[:position], after, count).encode("utf-8"),
            _references_moved(part[position:], after, count).encode("utf-8"))


def _row_number(attributes: str) -> int:
    for match in _ATTRIBUTE.finditer(attributes):
        if match.group(2) == "r":
            return int(match.group(3))
    raise ValueError("openpyxl numbers every row it writes")


def _references_moved(xml: str, after: int, count: int) -> str:
    def tag(match: re.Match) -> str:
        closing, name, _attributes = match.groups()
        names = _MOVED.get(name)
        if closing or not names or not count:
            return match.group()
        return _ATTRIBUTE.sub(lambda m: attribute(m, names, name in _GROWING), match.group())

    def attribute(match: re.Match, names: tuple, growing: bool) -> str:
        space, name, value = match.groups()
        if name not in names:
            return match.group()
        if name == "r" and value.isdigit():  # a row's number
            number = int(value)
            return f'{space}r="{number + count if number > after else number}"'
        return f'{space}{name}="{" ".join(_range_moved(token, after, count, growing) for token in value.split())}"'

    return _TAG.sub(tag, xml)


def _range_moved(token: str, after: int, count: int, growing: bool) -> str:
    """``A5``, ``A4:M4`` or ``$A$5`` with its rows below ``after`` moved down by ``count``."""
    ends = token.split(":")
    found = [_REFERENCE.fullmatch(end) for end in ends]
    if not all(found) or len(ends) > 2:
        raise ValueError(f"{token!r} is not a cell or range reference")
    rows = [int(m.group(2)) for m in found]
    first, last = rows[0], rows[-1]
    moved_first = first + count if first > after else first
    moved_last = last + count if last > after or (growing and first <= after <= last) else last
    letters = [m.group(1) for m in found]
    if len(ends) == 1 and moved_last == moved_first:
        return f"{letters[0]}{moved_first}"
    return f"{letters[0]}{moved_first}:{letters[-1]}{moved_last}"


def sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the name of its part in the package (through the package's and workbook's relationships)."""
    office = _relationships(package, "_rels/.rels", "")
    workbook = next(target for kind, target in office.values() if kind.endswith("/officeDocument"))
    folder, name = posixpath.split(workbook)
    targets = _relationships(package, posixpath.join(folder, "_rels", name + ".rels"), folder)
    root = ET.fromstring(package.read(workbook))
    return {sheet.get("name"): targets[sheet.get(_OFFICE_RELATIONSHIPS + "id")][1]
            for sheet in root.iter(_MAIN + "sheet")}


def _relationships(package: zipfile.ZipFile, part: str, folder: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name) of the relationships part ``part``, targets resolved from ``folder``."""
    found = {}
    for relationship in ET.fromstring(package.read(part)).iter(_RELATIONSHIPS + "Relationship"):
        target = relationship.get("Target", "")
        name = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[relationship.get("Id")] = (relationship.get("Type", ""), name)
    return found


def write_package(workbook, archive: zipfile.ZipFile, streams: list[StreamedRows]) -> None:
    """Write ``workbook`` (openpyxl) into ``archive``, each of ``streams`` spliced into its sheet."""
    from openpyxl.writer.excel import ExcelWriter

    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        with zipfile.ZipFile(spool, "w", zipfile.ZIP_STORED, allowZip64=True) as package:
            ExcelWriter(workbook, package).save()
        with zipfile.ZipFile(spool) as package:
            parts = sheet_parts(package)
            spliced = {parts[stream.title]: stream for stream in streams if stream.count}
            for info in package.infolist():
                stream = spliced.get(info.filename)
                if stream is None:
                    archive.writestr(info.filename, package.read(info))
                else:
                    stream.write_part(package.read(info), archive, info.filename)
