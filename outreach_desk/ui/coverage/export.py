"""Export the gap list shown on the coverage page as a CSV file a clerk opens in Excel or WPS.

The list is what the office sends to the villages ("问题清单"): every unmet target, village by
village, furthest from its quota first. Written as UTF-8 with a byte-order mark (Excel on Chinese
Windows reads it as such, not as GBK), through :func:`safe_files.replacing`: a temporary file that
replaces the target only when complete, never through a planted link nor over the open database;
text that a spreadsheet would run as a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import safe_files
from outreach_desk.services.coverage import gaps
from outreach_desk.services.coverage.engine import CoverageResult
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel.safe_cell import needs_quote
from outreach_desk.ui.coverage.model import percent

CONTEXT = "CoverageExport"


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def _inert(value: str) -> str:
    return "'" + value if needs_quote(value) else value


def gap_rows(result: CoverageResult) -> list[list[str]]:
    """Header and one row per gap: village (member units under their township), target, completion, text."""
    townships = {t.id: t.name for t in result.townships}
    villages = {v.id: v.name for v in result.villages}
    rows = [[_tr("Village / community"), _tr("Target"), _tr("Period"), _tr("Completion"), _tr("What is missing")]]
    for village_id, found in gaps.gaps_by_village(result).items():
        for gap in found:
            area = villages.get(village_id) if village_id is not None else _tr("{township} member units").format(
                township=townships.get(gap.township_id, ""))
            completion = percent(1.0 - gap.distance) if gap.measure is not None else _tr("no data")
            rows.append([area or "", gap.rule_name, gap.window_label, completion, gap.text])
    return rows


def write_gap_csv(result: CoverageResult, path: str | Path) -> int:
    """Write the gap list to ``path``; return the number of gaps. A file open in Excel, a full disk, a link or
    the database's own name is refused with a translated sentence, and ``path`` keeps what it held."""
    path = Path(path)
    rows = gap_rows(result)
    try:
        with safe_files.replacing(path, "w", encoding="utf-8-sig", newline="") as stream:
            csv.writer(stream).writerows([[_inert(str(value)) for value in row] for row in rows])
    except PermissionError:
        raise ServiceError(_tr("{name} could not be written: it may be open in Excel or WPS. Close it and export "
                               "again.").format(name=path.name)) from None
    except OSError as exc:
        raise ServiceError(safe_files.explain_os_error(exc, path)) from None
    return len(rows) - 1
