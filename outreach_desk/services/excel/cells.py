"""Turning one cell of a filled workbook into a value of the right type, or a message saying why not.

Cadres type dates, numbers and names in many ways (2026/11/5, 2026年11月5日, full-width digits,
"1,200", numbers stored as text, dates stored as serial numbers) and other tools write them in
yet more; everything unambiguous is accepted, everything else is refused with the cell's value
quoted, so that the cadre sees what to change.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata

from outreach_desk.i18n import translate
from outreach_desk.services import ledger
from outreach_desk.services.excel.layout import KEY_MAX_LENGTH
from outreach_desk.services.excel.reader import ErrorValue, Formula

CONTEXT = "ExcelImport"
MAX_TEXT_LENGTH = 5_000
MAX_WHOLE_NUMBER = 1_000_000_000
EXCEL_SERIAL_MAX = 2_958_465  # 9999-12-31
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_WHOLE = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_DATE_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                       r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


class CellError(ValueError):
    """The cell's value cannot be used; ``str()`` is the translated message."""


def shown(value, limit: int = 30) -> str:
    """A cell value as quoted in a message: short, one line."""
    text = value.text if isinstance(value, Formula) else str(value)
    text = text.replace("\r", " ").replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _special(value) -> None:
    if isinstance(value, Formula):
        raise CellError(_tr("The cell holds a formula ({formula}); imports take values only. Copy the column and "
                            "paste it back as values (Paste Special › Values).").format(formula=shown(value)))
    if isinstance(value, ErrorValue):
        raise CellError(_tr("The cell holds the error value {code} (a formula error, or a date out of range). "
                            "Enter the value itself.").format(code=value.code))


def text(value) -> str:
    """Free text; numbers and dates typed into a text column are kept as typed."""
    if type(value) is str:  # the common case first: ten thousand rows hold a hundred thousand of these
        result = value.strip()
        if len(result) <= MAX_TEXT_LENGTH and not _CONTROL.search(result):
            return result
    _special(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        result = "TRUE" if value else "FALSE"
    elif isinstance(value, float) and value.is_integer():
        result = str(int(value))
    elif isinstance(value, dt.datetime):
        result = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    elif isinstance(value, (dt.date, dt.time)):
        result = value.isoformat()
    else:
        result = str(value)
    result = result.strip()
    if len(result) > MAX_TEXT_LENGTH:
        raise CellError(_tr("The text is {length} characters long; at most {limit} are accepted.").format(
            length=len(result), limit=MAX_TEXT_LENGTH))
    control = _CONTROL.search(result)
    if control:
        raise CellError(_tr("The text contains an invisible control character (U+{code:04X}); delete it.").format(
            code=ord(control.group())))
    return result


def record_number(value) -> str:
    """The optional 编号: short text (a number typed as a number is kept as typed)."""
    number = text(value)
    if len(number) > KEY_MAX_LENGTH:
        raise CellError(_tr("The record number is longer than {limit} characters.").format(limit=KEY_MAX_LENGTH))
    return number


def whole_number(value) -> int | None:
    """A whole number, or None for an empty cell."""
    _special(value)
    if is_blank(value):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time)):
        raise CellError(_tr("“{value}” is not a whole number.").format(value=shown(value)))
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value) or not value.is_integer():
            raise CellError(_tr("“{value}” is not a whole number.").format(value=shown(value)))
        number = int(value)
    elif isinstance(value, int):
        number = value
    else:
        cleaned = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "").replace(" ", "")
        if not _WHOLE.match(cleaned):
            raise CellError(_tr("“{value}” is not a whole number; enter digits only.").format(value=shown(value)))
        digits = cleaned.split(".")[0]
        if len(digits.lstrip("+-0")) > len(str(MAX_WHOLE_NUMBER)):
            raise CellError(_tr("{value} is far too large a number.").format(value=shown(value)))
        number = int(digits)
    if abs(number) > MAX_WHOLE_NUMBER:
        raise CellError(_tr("{value} is far too large a number.").format(value=shown(value)))
    return number


@functools.lru_cache(maxsize=4)
def _latest(today: dt.date) -> dt.date:
    return ledger.latest_allowed_date(today)


def _in_range(day: dt.date, shown_value: str) -> dt.date:
    last = _latest(dt.date.today())
    if not ledger.EARLIEST_DATE <= day <= last:
        raise CellError(_tr("The date {date} lies outside {first} to {last}.").format(
            date=shown_value, first=ledger.EARLIEST_DATE.isoformat(), last=last.isoformat()))
    return day


def _from_parts(year: int, month: int, day: int, original) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(_tr("“{value}” is not a real date.").format(value=shown(original))) from None


def date(value) -> dt.date | None:
    """A date, or None for an empty cell: date cells, serial numbers, 20261105, and typed dates
    such as 2026-11-05, 2026/11/5, 2026.11.5 or 2026年11月5日 (year first; day-first is ambiguous)."""
    _special(value)
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return _in_range(value.date(), value.date().isoformat())
    if isinstance(value, dt.date):
        return _in_range(value, value.isoformat())
    if isinstance(value, bool) or isinstance(value, dt.time):
        raise CellError(_tr("“{value}” is not a date.").format(value=shown(value)))
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            raise CellError(_tr("“{value}” is not a date.").format(value=shown(value)))
        if float(value).is_integer() and 19000101 <= value <= 29991231:
            number = int(value)
            day = _from_parts(number // 10000, number // 100 % 100, number % 100, value)
        elif 1 <= value <= EXCEL_SERIAL_MAX:
            from openpyxl.utils.datetime import from_excel

            day = from_excel(int(value)).date()
        else:
            raise CellError(_tr("“{value}” is not a date.").format(value=shown(value)))
        return _in_range(day, day.isoformat())
    typed = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE_YMD.match(typed) or _DATE_COMPACT.match(typed)
    if not match:
        raise CellError(_tr("“{value}” is not a date; write it as 2026-11-05.").format(value=shown(value)))
    day = _from_parts(int(match.group(1)), int(match.group(2)), int(match.group(3)), value)
    return _in_range(day, day.isoformat())
