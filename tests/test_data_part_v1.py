"""The data part's format, version 1, is frozen for county IT (README, "The data part, version 1"): a v1 file
written when the format was frozen (tests/fixtures/outreach-data-v1.json, a township's November with a photo, a
tombstone, an assigned number and a record of every kind) still imports, and today's writer still writes every
field that file has, with the same kind of value."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from county_samples import make_township, opened
from outreach_desk.services.county import package_import
from outreach_desk.services.submission import data_part, manifest

FIXTURE = Path(__file__).parent / "fixtures" / "outreach-data-v1.json"
SCHEMA_WHEN_FROZEN = 25


def _package(path: Path) -> Path:
    """The fixture as a township's package: the data part and a manifest hashing it (no photo files)."""
    data = FIXTURE.read_bytes()
    document = json.loads(data)
    listed = manifest.build(
        township_id=document["township"]["uuid"], township=document["township"]["name"], month=document["month"],
        sequence=1, schema_version=SCHEMA_WHEN_FROZEN, files={data_part.NAME: hashlib.sha256(data).hexdigest()},
        photos_scaled=None, limit_bytes=None, data={"file": data_part.NAME, "format": data_part.FORMAT,
                                                    "format_version": 1})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(data_part.NAME, data)
        archive.writestr(manifest.NAME, manifest.encode(listed))
    return path


def test_a_v1_data_part_still_imports(tmp_path):
    from outreach_desk.store.assigned_models import AssignedNumber
    from outreach_desk.store.models import Photo, Tombstone
    from outreach_desk.store.submission_models import ReceivedPackage

    document = json.loads(FIXTURE.read_bytes())
    assert document["format"] == "outreach-desk-data" and document["format_version"] == 1
    package = _package(tmp_path / "v1.zip")
    with opened(tmp_path / "县.db"):
        plan, result = package_import.import_package(package, new_township=True)
        for model in data_part.RECORD_KINDS:
            kind = data_part.kind_of(model)
            assert model.select().count() == len(document["records"][kind]) >= 1, kind
        assert AssignedNumber.get().number == 300 and Photo.select().count() == 1 and result.photos_missing == 1
        gone = document["tombstones"][0]["uuid"]
        assert not any(m.select().where(m.uuid == gone).exists() for m in data_part.RECORD_KINDS)
        assert json.loads(ReceivedPackage.get().coverage_json)["period"]["start"] == "2026-11-01"
        assert package_import.import_package(package)[0].state == package_import.SAME
        assert Tombstone.select().count() == 0  # nothing the county held was removed


def _shapes(document: dict) -> dict[str, dict[str, set[str]]]:
    """Per part and kind: each field with the JSON types its values take (null left out)."""
    found: dict[str, dict[str, set[str]]] = {}
    parts = {"activity_kinds": document["activity_kinds"], "tombstones": document["tombstones"],
             **{f"organisation.{k}": v for k, v in document["organisation"].items()},
             **{f"records.{k}": v for k, v in document["records"].items()}}
    for part, rows in parts.items():
        fields = found.setdefault(part, {})
        for row in rows:
            for key, value in row.items():
                fields.setdefault(key, set())
                if value is not None:
                    fields[key].add(type(value).__name__)
    return found


def test_todays_writer_keeps_every_v1_field_and_its_type(tmp_path):
    """Adding a field keeps version 1; removing or renaming one, or changing its type, needs version 2."""
    old = json.loads(FIXTURE.read_bytes())
    with opened(tmp_path / "镇.db"):
        from outreach_desk.services.coverage import periods

        township = make_township("青石镇", 1, records=6)
        new = json.loads(data_part.encode(data_part.build(township, periods.parse_month("2026-11"))))
    assert new["format_version"] == data_part.FORMAT_VERSION == 1
    assert "format_version" not in old["coverage"] and new["coverage"]["format_version"] == 2  # kept as received
    assert set(old) <= set(new)
    now = _shapes(new)
    for part, fields in _shapes(old).items():
        for name, kinds in fields.items():
            assert name in now.get(part, {}) or not now.get(part), f"{part}.{name} is no longer written"
            if kinds and now.get(part, {}).get(name):
                assert kinds == now[part][name], f"{part}.{name} was {kinds}, is now {now[part][name]}"
