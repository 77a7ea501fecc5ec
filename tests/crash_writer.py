"""Helper process for tests/test_crash_safety.py: enters records until it is killed.

    python tests/crash_writer.py DB VILLAGE_ID KIND_ID RUN

Through the services, as the window does: single records (ledger.create), batches of five in one
transaction, and CSV imports of three rows (all or nothing). A line is printed only after the
commit has returned: ``id N`` for a record, ``batch TAG N N N N N`` and ``import TAG COUNT``.
The parent kills this process with SIGKILL at random moments and then checks the database.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from outreach_desk.services import ledger  # noqa: E402
from outreach_desk.services.excel import import_rows  # noqa: E402
from outreach_desk.store import DB, open_database  # noqa: E402

CSV_HEADER = "日期,村/社区,活动类型,数量,覆盖人数,备注\n"


def _record(village_id: int, kind_id: int, notes: str, number: int) -> ledger.ActivityInput:
    return ledger.ActivityInput(date=dt.date(2026, 11, 1 + number % 27), village_id=village_id, kind_id=kind_id,
                                quantity=1 + number % 9, people=number % 500, notes=notes)


def main(db: str, village_id: int, kind_id: int, run: int, village_name: str, kind_name: str) -> None:
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
        elif choice < 0.25:
            csv = scratch / f"{tag}.csv"
            rows = "".join(f"2026-11-{1 + i:02d},{village_name},{kind_name},{1 + i},{10 * i},import {tag}\n"
                           for i in range(3))
            csv.write_text(CSV_HEADER + rows, encoding="utf-8")
            plan, result = import_rows.run_import(csv)
            if result is None:
                raise SystemExit(f"import refused: {[issue.message for issue in plan.issues]}")
            print("import", tag, result.total, flush=True)
        else:
            print("id", ledger.create(_record(village_id, kind_id, f"single {tag}", number)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6])
