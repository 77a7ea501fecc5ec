"""Writing user text into cells so that it stays text: never a formula, never a broken file.

openpyxl turns any string longer than one character that starts with "=" into a formula, and
Excel, WPS and LibreOffice evaluate text starting with = + - @ (and, after a paste, tab, CR, LF)
as a formula or a DDE call (OWASP, "CSV injection"). Text here is written as a string cell
(``data_type = "s"``) with the quote prefix set, which is how Excel itself stores text typed
after an apostrophe: shown as typed, never evaluated. Characters XML 1.0 cannot hold (most C0
controls, lone surrogates) would make openpyxl refuse the value or the file unreadable, so they are
replaced. Excel, WPS and LibreOffice read ``_xHHHH_`` in a cell's text as an escaped character and
openpyxl writes it as it is, so the underscore of such text is written as ``_x005F_`` (ECMA-376).
Every cell of ours, through openpyxl or streamed (``streamed_rows``), takes its text from :func:`clean_text`.
"""

from __future__ import annotations

import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
EXCEL_MAX_TEXT = 32_767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LIKE_AN_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
REPLACEMENT = "\ufffd"


def clean_text(value: str) -> str:
    """``value`` without the characters an xlsx file cannot hold, cut to Excel's cell limit, with text that
    reads as an escaped character (``_x0041_``) escaped so that it is shown as typed.

    Line ends become LF: XML reading turns a bare CR into LF anyway, so this only makes it visible.
    """
    if "\r" in value:  # most texts have no CR: spare them two copies
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _ILLEGAL.sub(REPLACEMENT, value)[:EXCEL_MAX_TEXT]
    return _LIKE_AN_ESCAPE.sub(r"_x005F_\1", text) if "_x" in text else text


def needs_quote(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def set_text(cell, value) -> None:
    """Put user text into ``cell`` (a normal or write-only cell) as text that cannot run."""
    text = clean_text("" if value is None else str(value))
    cell.value = text
    cell.data_type = "s"
    if needs_quote(text):
        cell.quotePrefix = True


def text_cell(ws, value, style=None):
    """A write-only cell holding ``value`` as inert text (for ``ws.append`` in write-only mode)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws)
    if style is not None:
        style(cell)
    set_text(cell, value)
    return cell
