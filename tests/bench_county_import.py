"""Benchmark: the county import of 20 townships' packages of a month against a bulk insert of the same rows.

    QT_QPA_PLATFORM=offscreen python tests/bench_county_import.py [RECORDS_PER_TOWNSHIP]

The demo township (``demo --scale township``) writes the data part of its busiest month; its activities
are repeated under new uuids up to RECORDS_PER_TOWNSHIP (4,250 by default: the county demo's ~85,000
records a month over 20 townships), and 20 packages are made from it, every uuid, the township's name and
its stable id made each package's own (data part and manifest, as the package writer hashes them).
Measured, into a fresh county database each time: the import of the 20 packages (checked against their
manifests, planned, applied one transaction each), and the same 20 packages imported a second time
(nothing changes). Baseline, side by side in the same run: the same rows (township, organisation,
records, photos) inserted with executemany into a fresh empty copy of the schema, the tally and text-index
triggers set aside the same way. CPU seconds of this process, best of REPEATS, the three interleaved.
Targets (issue 16): import <= 2x the baseline; the second import <= 0.3x the first.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

import peewee

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TOWNSHIPS = 20
REPEATS = 3
TARGET, SECOND_TARGET = 2.0, 0.3
_NAMESPACE = uuid.UUID("8d3c1f6e-1c1e-4c55-9a57-3f5c2b1d0a42")


def _busiest_month() -> str:
    from outreach_desk.store.models import Activity

    months = {}
    for (day,) in Activity.select(Activity.date).tuples():
        key = str(day)[:7]
        months[key] = months.get(key, 0) + 1
    return max(months, key=months.get)


def _source_document(folder: Path, records: int) -> dict:
    from outreach_desk.services import demo
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.submission import data_part
    from outreach_desk.store import close_database, open_database

    open_database(folder / "demo.db")
    demo.generate("township", seed=1)
    month = _busiest_month()
    document = data_part.build(1, periods.parse_month(month))
    close_database()
    activities = document["records"]["activity"]
    copies, number = list(activities), 0
    while len(copies) < records:
        row = dict(activities[number % len(activities)], uuid=str(uuid.uuid5(_NAMESPACE, f"copy{number}")))
        copies.append(row)
        number += 1
    document["records"]["activity"] = copies[:records]
    return document


def _uuids(document: dict) -> set[str]:
    found = {document["township"]["uuid"]}
    for rows in (*document["organisation"].values(), *document["records"].values()):
        found.update(r["uuid"] for r in rows)
    return found


def _remapped(value, mapping: dict[str, str]):
    if isinstance(value, dict):
        return {k: _remapped(v, mapping) for k, v in value.items()}
    if isinstance(value, list):
        return [_remapped(v, mapping) for v in value]
    return mapping.get(value, value) if isinstance(value, str) else value


def _packages(folder: Path, document: dict) -> list[Path]:
    from outreach_desk.services.submission import data_part, manifest

    ids = _uuids(document)
    paths = []
    for number in range(TOWNSHIPS):
        mapping = {u: str(uuid.uuid5(_NAMESPACE, f"{number}/{u}")) for u in ids}
        own = _remapped(document, mapping)
        own["township"]["name"] = f"第{number + 1:02d}镇"
        data = data_part.encode(own)
        listed = manifest.build(
            township_id=own["township"]["uuid"], township=own["township"]["name"], month=own["month"], sequence=1,
            schema_version=1, files={data_part.NAME: hashlib.sha256(data).hexdigest()}, photos_scaled=None,
            limit_bytes=None, data={"file": data_part.NAME, "format": data_part.FORMAT,
                                    "format_version": data_part.FORMAT_VERSION})
        path = folder / f"第{number + 1:02d}镇_反诈宣传上报包_{own['month']}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(data_part.NAME, data)
            archive.writestr(manifest.NAME, manifest.encode(listed))
        paths.append(path)
    return paths


def _fresh(folder: Path, template: Path, name: str) -> Path:
    target = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return target


def _bulk_insert(document: dict) -> None:
    """The baseline: the package's rows straight into the tables, uuids turned into row ids as they go in."""
    from outreach_desk.services import ledger_search
    from outreach_desk.services.coverage import tally
    from outreach_desk.services.submission import data_part
    from outreach_desk.store import DB
    from outreach_desk.store.bulk import insert_model_rows
    from outreach_desk.store.models import Activity, ActivityKind, Photo, Township

    with DB.atomic():
        town = document["township"]
        township_id = Township.insert(uuid=town["uuid"], name=town["name"]).execute()
        ids = {ActivityKind: dict(ActivityKind.select(ActivityKind.code, ActivityKind.id).tuples())}
        with ledger_search.deferred_index(), tally.deferred():
            for model in (*data_part.ORGANISATION_KINDS, *data_part.RECORD_KINDS):
                rows = (document["organisation"] if model in data_part.ORGANISATION_KINDS
                        else document["records"])[data_part.kind_of(model)]
                values = []
                for row in rows:
                    out = {}
                    for f in data_part.data_fields(model):
                        value = row.get(f.name)
                        if isinstance(f, peewee.ForeignKeyField) and value is not None:
                            value = ids[f.rel_model][value]
                        out[f.name] = value
                    if "township" in model._meta.fields:
                        out["township"] = township_id
                    values.append(out)
                insert_model_rows(model, values)
                if rows:
                    ids[model] = dict(model.select(model.uuid, model.id).tuples())
            photos = [{"activity": ids[Activity][row["uuid"]], **photo}
                      for row in document["records"]["activity"] for photo in row.get("photos") or []]
            insert_model_rows(Photo, photos)


def _import_all(packages) -> None:
    from outreach_desk.services.county import package_import

    for path in packages:
        package_import.import_package(path, new_township=True)


def _timed(fn) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    from outreach_desk.store import close_database, open_database

    records = int(sys.argv[1]) if len(sys.argv) > 1 else 4250
    folder = Path(tempfile.mkdtemp(prefix="bench-county-import-"))
    try:
        document = _source_document(folder, records)
        packages = _packages(folder, document)
        documents = [json.loads(zipfile.ZipFile(p).read("data/outreach-data.json")) for p in packages]
        template = folder / "empty.db"
        open_database(template)
        close_database()
        results = {"import": [], "again": [], "bulk": []}
        for _ in range(REPEATS):
            open_database(_fresh(folder, template, "bulk.db"))
            results["bulk"].append(_timed(lambda: [_bulk_insert(d) for d in documents]))
            close_database()
            open_database(_fresh(folder, template, "county.db"))
            results["import"].append(_timed(lambda: _import_all(packages)))
            results["again"].append(_timed(lambda: _import_all(packages)))
            close_database()
        best = {k: min(v) for k, v in results.items()}
        rows = sum(len(r) for d in documents[:1] for r in (*d["records"].values(), *d["organisation"].values()))
        print(f"{TOWNSHIPS} packages of {document['month']}, {rows:,} rows each ({records:,} activity records); "
              f"best of {REPEATS}; CPU seconds of this process, wall beside")
        print(f"{'measurement':<44}{'CPU s':>8}{'ratio':>8}{'wall s':>9}")
        base = best["bulk"][0]
        for label, key in (("bulk insert of the same rows (baseline)", "bulk"), ("county-import, first", "import"),
                           ("county-import, the same packages again", "again")):
            cpu, wall = best[key]
            print(f"{label:<44}{cpu:>8.2f}{cpu / base:>8.2f}{wall:>9.2f}")
        first = best["import"][0] / base
        again = best["again"][0] / best["import"][0]
        print(f"target: import <= {TARGET:.1f}x baseline: {'met' if first <= TARGET else 'NOT met'} ({first:.2f}x); "
              f"second <= {SECOND_TARGET:.1f}x first: {'met' if again <= SECOND_TARGET else 'NOT met'} ({again:.2f}x)")
    finally:
        close_database()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
