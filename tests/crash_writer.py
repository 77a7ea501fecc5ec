"""Helper process for tests/test_crash_safety.py: enters records until it is killed.

    python tests/crash_writer.py DB VILLAGE_ID KIND_ID RUN

Through the services, as the window does: single records (ledger.create), batches of five in one
transaction, and imports of three rows (all or nothing) from CSV files and from small workbooks.
A line is printed only after the commit has returned: ``id N`` for a record, ``batch TAG N N N N N``
and ``import TAG COUNT FORMAT``. openpyxl is loaded before ``ready``, as the import dialog has it
loaded by the time a clerk imports, so that kills after ``ready`` land in the work itself.
The parent kills this process with SIGKILL at random moments and then checks the database.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
for folder in (ROOT, TESTS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from excel_samples import DATE_STYLES, date_cell, raw_xlsx, sheet_xml  # noqa: E402

from outreach_desk.services import ledger  # noqa: E402
from outreach_desk.services.excel import import_rows  # noqa: E402
from outreach_desk.store import DB, open_database  # noqa: E402

CSV_HEADER = "日期,村/社区,活动类型,数量,覆盖人数,备注\n"
EXCEL_EPOCH = dt.date(1899, 12, 30)


def _record(village_id: int, kind_id: int, notes: str, number: int) -> ledger.ActivityInput:
    return ledger.ActivityInput(date=dt.date(2026, 11, 1 + number % 27), village_id=village_id, kind_id=kind_id,
                                quantity=1 + number % 9, people=number % 500, notes=notes)


def _csv(path: Path, tag: str, village_name: str, kind_name: str) -> Path:
    rows = "".join(f"2026-11-{1 + i:02d},{village_name},{kind_name},{1 + i},{10 * i},import {tag}\n" for i in range(3))
    path.write_text(CSV_HEADER + rows, encoding="utf-8")
    return path


def _workbook(path: Path, tag: str, village_name: str, kind_name: str) -> Path:
    """The 活动 sheet as another office's tool writes it: real date cells, numbers, inline text."""
    rows = [CSV_HEADER.strip().split(",")] + [
        [date_cell((dt.date(2026, 11, 1 + i) - EXCEL_EPOCH).days), village_name, kind_name, 1 + i, 10 * i,
         f"import {tag}"] for i in range(3)]
    return raw_xlsx(path, {"活动": sheet_xml(rows)}, styles=DATE_STYLES)


def main(db: str, village_id: int, kind_id: int, run: int, village_name: str, kind_name: str) -> None:
    import openpyxl  # noqa: F401 - see the module docstring

    open_database(db)
    rng = random.Random(run)
    scratch = Path(db).parent / f"crash-run-{run}"
    scratch.mkdir(exist_ok=True)
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        tag = f"r{run}-{number}"
        choice = rng.random()
        if choice < 0.15:
            with DB.atomic():
                ids = [ledger.create(_record(village_id, kind_id, f"batch {tag}", number + i)) for i in range(5)]
            print("batch", tag, *ids, flush=True)
        elif choice < 0.35:
            fmt, write = ("csv", _csv) if choice < 0.25 else ("xlsx", _workbook)
            source = write(scratch / f"{tag}.{fmt}", tag, village_name, kind_name)
            plan, result = import_rows.run_import(source)
            if result is None:
                raise SystemExit(f"import refused: {[issue.message for issue in plan.issues]}")
            print("import", tag, result.total, fmt, flush=True)
        else:
            print("id", ledger.create(_record(village_id, kind_id, f"single {tag}", number)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6])
