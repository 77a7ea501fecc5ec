"""Making a workbook from outside inert before the program writes it out again (the annotated copy).

A cadre's workbook may carry live content that Excel, WPS or LibreOffice runs on opening: cell
formulas (``=cmd|' /C calc'!A0`` is a DDE call, ``WEBSERVICE``/``IMPORTXML`` fetch from the net,
``HYPERLINK`` makes a live link), hyperlinks, defined names and data-validation or conditional-format
rules with formulas in them. The copy the program writes holds none of them: formulas become text
(shown as typed, never evaluated), links and rules with anything but a plain reference, number or
quoted list are dropped. What stays are the values, formats, widths and the drop-down lists.
"""

from __future__ import annotations

import re

from outreach_desk.services.excel.safe_cell import set_text

#: a formula that only points somewhere or states a constant: a defined name, a cell range (of a sheet),
#: a number or a quoted list ("a,b,c"); anything with a call, an operator or a "|" (DDE) is not one
_REFERENCE = r"""(?:\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?   # a cell or a range
    | \$?\d{1,7}:\$?\d{1,7} | \$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})                # whole rows or columns"""
_PLAIN = re.compile(r"""^=?\s*(?:
      [A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*                             # a defined name
    | (?:'[^'|\[\]]{1,31}'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]{0,30})!""" + _REFERENCE + r"""
    | """ + _REFERENCE + r"""
    | -?\d{1,15}(?:\.\d{1,15})?                                           # a number
    | "[^"]{0,255}"                                                       # a quoted list
)\s*$""", re.VERBOSE)
#: the data-validation formulas the entry template writes itself (the date column's bounds)
TEMPLATE_FORMULAS = frozenset({"DATE(2000,1,1)", "TODAY()+31"})


def is_plain(formula) -> bool:
    """True for a formula that is a plain reference or constant (or one the template writes itself)."""
    if formula is None:
        return True
    text = str(formula).strip()
    return text in TEMPLATE_FORMULAS or bool(_PLAIN.match(text))


def formula_text(value) -> str:
    """A formula cell's value as the text a user would see typed: ``=SUM(A1:A3)``."""
    text = getattr(value, "text", None)  # ArrayFormula keeps its formula in .text
    if text is None:
        text = str(value)
    return text if text.startswith("=") else "=" + text


def make_inert(workbook) -> int:
    """Turn every live part of a loaded (not read-only) openpyxl ``workbook`` into inert content; the count."""
    changed = 0
    for sheet in workbook.worksheets:
        changed += _cells(sheet)
        changed += _validations(sheet)
        if len(sheet.conditional_formatting):
            from openpyxl.formatting.formatting import ConditionalFormattingList

            changed += len(sheet.conditional_formatting)
            sheet.conditional_formatting = ConditionalFormattingList()
        changed += _names(sheet.defined_names)
    changed += _names(workbook.defined_names)
    return changed


def _cells(sheet) -> int:
    changed = 0
    for row in sheet.iter_rows():
        for cell in row:
            if type(cell).__name__ == "MergedCell":
                continue
            if cell.hyperlink is not None:
                cell.hyperlink = None
                changed += 1
            value = cell.value
            if cell.data_type == "f" or type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
                set_text(cell, formula_text(value))
                changed += 1
            elif isinstance(value, str):
                set_text(cell, value)
    return changed


def _validations(sheet) -> int:
    validations = sheet.data_validations.dataValidation
    kept = [v for v in validations if is_plain(v.formula1) and is_plain(v.formula2)]
    sheet.data_validations.dataValidation = kept
    return len(validations) - len(kept)


def _names(names) -> int:
    """Drop defined names whose value is more than a plain reference (print areas and titles are plain)."""
    live = [key for key, name in names.items() if not _plain_name(name.attr_text)]
    for key in live:
        del names[key]
    return len(live)


def _plain_name(text) -> bool:
    if text is None:
        return True
    return all(is_plain(part) for part in str(text).split(","))
