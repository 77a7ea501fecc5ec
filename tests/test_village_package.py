"""Village → township: a village keeping its own copy of the township's database writes a village package (its
records only), and the township imports it with the county import, replacing only that village-month."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from county_samples import MONTH, cli, make_township, opened  # noqa: F401 (the cli fixture)
from outreach_desk.services.county import package_import
from outreach_desk.services.submission import data_part, manifest
from outreach_desk.store.models import Activity, Village
from package_samples import attach, picture

VILLAGE = "青石东村"




def _copy(source, target) -> None:
    """The village's copy of the township's database (what a backup restored at the village gives)."""
    with sqlite3.connect(source) as old, sqlite3.connect(target) as new:
        old.backup(new)


def _november(village: str | None = None) -> dict[str, int]:
    query = Activity.select(Activity.uuid, Activity.quantity).join(Village).where(Activity.date >= "2026-11-01")
    if village:
        query = query.where(Village.name == village)
    return dict(query.tuples())


def _village_work(tmp_path) -> None:
    """At the village: one of its records changed, one deleted, one added with a photo; one record of another
    village added too (it must not travel)."""
    from outreach_desk.services import ledger

    village = Village.get(Village.name == VILLAGE)
    first, gone = (Activity.select().where((Activity.village == village) & (Activity.date >= "2026-11-01"))
                   .order_by(Activity.id).limit(2))
    data = ledger.get(first.id)
    ledger.update(first.id, ledger.ActivityInput(data.date, data.village_id, data.kind_id, quantity=77,
                                                 site_id=data.site_id))
    ledger.delete(gone.id)
    added = ledger.create(ledger.ActivityInput(first.date, village.id, first.kind_id, quantity=5))
    attach(added, tmp_path / "相机", [picture(7, taken=first.date)])
    other = Village.get(Village.name == "青石西村")
    ledger.create(ledger.ActivityInput(first.date, other.id, first.kind_id, quantity=3, notes="西村自己记"))


def test_a_village_package_replaces_only_that_village_month_at_the_township(tmp_path, cli):
    township_db, village_db = tmp_path / "青石镇.db", tmp_path / "青石东村.db"
    with opened(township_db):
        make_township("青石镇", 1)
        others_before = {u: q for u, q in _november().items() if u not in _november(VILLAGE)}
    _copy(township_db, village_db)
    with opened(village_db):
        _village_work(tmp_path)
        wanted = _november(VILLAGE)
    target = tmp_path / "东村11月.zip"
    code, out, err = cli("--db", str(village_db), "package", "--month", MONTH, "--village", VILLAGE, "-o", str(target))
    assert code == 0, err
    assert f"{VILLAGE} of 青石镇" in out and "1 photos" in out
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        document = json.loads(archive.read(data_part.NAME))
        listed = json.loads(archive.read(manifest.NAME))
    assert listed["village"]["name"] == VILLAGE and document["village"]["uuid"] == listed["village"]["id"]
    assert not any(n.endswith("月报_2026-11.xlsx") or n.endswith(".docx") for n in names)
    assert [n for n in names if n.startswith("照片/")] == [n for n in names if n.startswith(f"照片/{VILLAGE}/")] != []
    assert [v["name"] for v in document["organisation"]["village"]] == [VILLAGE]
    assert {a["uuid"] for a in document["records"]["activity"]} == set(wanted)
    assert document["records"]["inspection"] == [] and document["coverage"] is None

    code, out, err = cli("--db", str(township_db), "county-import", str(target))
    assert code == 1 and f"{VILLAGE} of 青石镇" in out and "1 added, 1 changed, 1 removed" in out, out + err
    code, out, err = cli("--db", str(township_db), "county-import", "--replace", str(target))
    assert code == 0 and "imported" in out and " 1 photos (" in out, out + err
    code, out, err = cli("--db", str(township_db), "county-import", str(target))
    assert code == 0 and "nothing changes" in out
    with opened(township_db):
        assert _november(VILLAGE) == wanted
        assert {u: q for u, q in _november().items() if u not in wanted} == others_before
        assert not Activity.select().where(Activity.notes == "西村自己记").exists()
        from outreach_desk.services import photos
        from outreach_desk.store.models import Photo

        photo = Photo.get()
        assert photos.photo_path(photo.sha256, photo.ext).is_file()  # the township sees the village's photo
        from outreach_desk.services.county import status

        assert [r.sequence for r in status.month_status(MONTH)] == [None]  # a village's package is no sending


def test_a_village_package_is_refused_where_its_township_or_village_is_unknown_or_the_month_closed(tmp_path):
    from outreach_desk.services.submission import closing, package

    township_db, village_db = tmp_path / "青石镇.db", tmp_path / "青石东村.db"
    with opened(township_db):
        make_township("青石镇", 1, records=8)
    _copy(township_db, village_db)
    with opened(village_db):
        village = Village.get(Village.name == VILLAGE)
        target = package.build_package(tmp_path / "东村.zip", MONTH, village_id=village.id, limit_mb=0).path
    with opened(tmp_path / "白沙镇.db"):
        make_township("白沙镇", 2, records=2)
        with pytest.raises(package_import.PackageRefused, match=f"package of {VILLAGE} of 青石镇, a township this"):
            package_import.prepare(target)
    with opened(township_db):
        closing.close_month(None, MONTH, report_sha256="0" * 64, recipient="县反诈中心", clerk="张三")
        from outreach_desk.services.submission.closed_months import MonthClosedError

        plan = package_import.prepare(target)
        with pytest.raises(MonthClosedError):
            package_import.apply(plan)
        Village.update(uuid="00000000-0000-0000-0000-000000000000").where(Village.name == VILLAGE).execute()
        with pytest.raises(package_import.PackageRefused, match="not a village of 青石镇 in this database"):
            package_import.prepare(target)
