"""The monthly report's 修订 sheet: for a month that was sent, what changed since the last version sent.

Written on the report's own form after its other sheets, only when the month has a sending; with no
change it says so in one line, so the county knows the figures are those it has.
"""

from __future__ import annotations

import json

from outreach_desk.i18n import translate
from outreach_desk.services.coverage.engine import CoverageResult
from outreach_desk.services.excel.report_form import INTEGER, NOT_APPLICABLE, PERCENT, Signatures, SheetForm, fitted
from outreach_desk.services.submission import revisions

SHEET = "修订"


def _tr(text: str) -> str:
    return translate("RevisionSheet", text)


def _townships(result: CoverageResult, township_id: int | None) -> list[int]:
    if township_id is not None:
        return [township_id]
    return [t.id for t in result.townships]


def write(workbook, result: CoverageResult, signatures: Signatures, township_id: int | None = None) -> int:
    """Append the sheet when a township of the report sent this month before; the number of revisions."""
    found = []
    for tid in _townships(result, township_id):
        coverage = None
        if result.scope.township_id == tid:
            coverage = json.loads(json.dumps(result.as_dict(), default=str))
        outcome = revisions.revisions(tid, result.period, coverage=coverage)
        if outcome is not None:
            found.append(outcome)
    if not found:
        return 0
    rows = [r for outcome in found for r in outcome.rows]
    columns = [fitted(_tr("Unit"), [r.area for r in rows], minimum=12),
               fitted(_tr("Figure"), [r.item for r in rows], minimum=16, maximum=50),
               fitted(_tr("As sent"), minimum=10), fitted(_tr("Now"), minimum=10), fitted(_tr("Change"), minimum=10)]
    title = translate("ExcelReport", "{office} anti-fraud outreach monthly report: {sheet} ({period})").format(
        office=signatures.unit, sheet=_tr("Revisions"), period=result.period.label)
    form = SheetForm(workbook, SHEET, title, columns, signatures)
    for row in rows:
        number = PERCENT if row.kind == revisions.PERCENT else INTEGER
        change = None if row.old is None or row.new is None else row.new - row.old
        shown = [NOT_APPLICABLE if value is None else value for value in (row.old, row.new, change)]
        form.add([row.area, row.item, *shown], {2: number, 3: number, 4: number}, warn=(3,))
    notes = []
    for outcome in found:
        sent = outcome.sending
        template = _tr("{township}: against sending no. {sequence} of {when} to {recipient}: {count} figure(s) "
                       "revised.") if outcome.rows else _tr(
            "{township}: no figure changed since sending no. {sequence} of {when} to {recipient}.")
        notes.append(template.format(township=sent.township, sequence=sent.sequence, when=f"{sent.sent_at:%Y-%m-%d}",
                                     recipient=sent.recipient, count=len(outcome.rows)))
    form.finish(" ".join(notes))
    return len(rows)


