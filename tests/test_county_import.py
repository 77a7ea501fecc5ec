"""The county import of townships' packages: the data part, repeat safety, replacement with its preview,
refusals (older, damaged, changed, a clashing township, a newer program), organisation matched by uuid,
the 报送情况 status and the two commands."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest

from county_samples import MONTH, cli, light_package, make_township, opened  # noqa: F401 (the cli fixture)
from outreach_desk.services.county import package_import, preview, status
from outreach_desk.services.submission import data_part, manifest
from outreach_desk.store.models import Activity, AuditLog, Township, Village




@pytest.fixture
def county_db(tmp_path):
    """Where the county database is: a SQLite file here, a PostgreSQL database in test_server_county_import."""
    return tmp_path / "县.db"


@pytest.fixture
def town(tmp_path, county_db):
    """A township database with one month sent (a light package) and the county database, empty."""
    path = tmp_path / "青石镇.db"
    with opened(path):
        township = make_township("青石镇", 1)
        first = light_package(tmp_path / "青石镇_1.zip", township)
    return {"db": path, "id": township, "first": first, "county": county_db, "dir": tmp_path}


def _records() -> dict[str, int]:
    return {data_part.kind_of(m): m.select().count() for m in data_part.RECORD_KINDS}


def test_the_data_part_holds_the_organisation_records_tombstones_and_coverage(town):
    with zipfile.ZipFile(town["first"]) as archive:
        document = json.loads(archive.read(data_part.NAME))
        listed = json.loads(archive.read(manifest.NAME))
    assert document["format"] == "outreach-desk-data" and document["format_version"] == 1
    assert listed["data"]["file"] == data_part.NAME and data_part.NAME in listed["files"]
    assert [len(document["organisation"][k]) for k in ("village", "site", "member_unit")] == [3, 6, 1]
    activities = document["records"]["activity"]
    assert len(activities) == 35 and all(len(a["uuid"]) == 36 and a["date"].startswith(MONTH) for a in activities)
    village_uuids = {v["uuid"] for v in document["organisation"]["village"]}
    assert {a["village"] for a in activities} <= village_uuids and activities[0]["kind"].isascii()
    order = document["records"]["rectification_order"][0]
    assert order["inspection"] == document["records"]["inspection"][0]["uuid"]
    assert document["coverage"]["period"]["start"] == "2026-11-01" and document["counts"]["records"]["activity"] == 35


def test_a_first_import_creates_the_township_and_a_second_changes_nothing(town):
    with opened(town["county"]):
        plan, result = package_import.import_package(town["first"], new_township=True)
        assert plan.state == package_import.NEW and not plan.township_known and result.added == 54
        assert Township.get().name == "青石镇" and _records()["activity"] == 35
        audit_entries, records = AuditLog.select().count(), _records()
        again, result = package_import.import_package(town["first"])
        assert again.state == package_import.SAME and result.added == result.changed == result.removed == 0
        assert AuditLog.select().count() == audit_entries and _records() == records
        assert "nothing changes" in preview.headline(again)


def test_a_package_written_again_with_the_same_records_replaces_without_changes(town):
    with opened(town["db"]):
        second = light_package(town["dir"] / "again.zip", town["id"], sequence=2)
    with opened(town["county"]):
        package_import.import_package(town["first"], new_township=True)
        records = _records()
        plan, result = package_import.import_package(second, replace=False)
        assert plan.state == package_import.REPLACE and not plan.needs_confirmation and result is not None
        assert _records() == records and preview.lines(plan) == ["the records are the same as those imported before"]
        assert [r.sequence for r in status.month_status(MONTH)] == [2]


def _revise() -> None:
    """At the township: one record changed, one deleted, one added, its first village renamed (东村 -> 东风村)."""
    from outreach_desk.services import ledger, organisation

    first, gone = Activity.select().where(Activity.date >= "2026-11-01").order_by(Activity.id).limit(2)
    data = ledger.get(first.id)
    ledger.update(first.id, ledger.ActivityInput(data.date, data.village_id, data.kind_id, quantity=99,
                                                 site_id=data.site_id))
    ledger.delete(gone.id)
    ledger.create(ledger.ActivityInput(first.date, first.village_id, first.kind_id, quantity=7))
    village = Village.select().order_by(Village.id).first()
    organisation.update_village(village.id, name=village.name[:-1] + "风" + village.name[-1])


def test_a_revised_package_shows_what_it_adds_changes_and_removes_then_replaces(town):
    with opened(town["db"]):
        _revise()
        revised = light_package(town["dir"] / "revised.zip", town["id"], sequence=2)
        wanted = {a.uuid: a.quantity for a in Activity.select().where(Activity.date >= "2026-11-01")}
    with opened(town["county"]):
        package_import.import_package(town["first"], new_township=True)
        village_id = Village.get(Village.name == "青石东村").id
        plan, result = package_import.import_package(revised, replace=False)
        assert result is None and plan.needs_confirmation and _records()["activity"] == 35
        counts = plan.changes["activity"]
        assert (counts.added, counts.changed, counts.removed) == (1, 1, 1)
        assert plan.changes["village"].changed == 1 and ("青石东村", "青石东风村") in plan.renamed
        assert "activity records: 1 added, 1 changed, 1 removed" in preview.lines(plan)
        result = package_import.apply(plan)
        assert (result.added, result.changed, result.removed) == (1, 2, 1)
        november = Activity.select().where(Activity.date >= "2026-11-01")
        assert {a.uuid: a.quantity for a in november} == wanted
        assert Village.get(Village.name == "青石东风村").id == village_id  # the same village, renamed
        assert AuditLog.select().where(AuditLog.action == "delete", AuditLog.record_type == "activity").count() == 1


def test_an_older_package_is_refused_with_the_reason(town):
    with opened(town["db"]):
        _revise()
        revised = light_package(town["dir"] / "revised.zip", town["id"], sequence=2)
    with opened(town["county"]):
        package_import.import_package(revised, new_township=True)
        records = _records()
        with pytest.raises(package_import.PackageRefused, match="青石镇_1.zip is older .* sending 1 .* sending 2"):
            package_import.prepare(town["first"])
        assert _records() == records


def _tampered(source, target, change) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info.filename)))


def test_a_changed_or_damaged_package_is_refused_naming_the_file(town):
    changed = town["dir"] / "改过.zip"
    _tampered(town["first"], changed, lambda name, data: data.replace(b'"quantity": 1', b'"quantity": 9')
              if name == data_part.NAME else data)
    broken = town["dir"] / "坏了.zip"
    broken.write_bytes(town["first"].read_bytes()[:300])
    with opened(town["county"]):
        with pytest.raises(manifest.PackageDamaged, match="改过.zip .*data/outreach-data.json does not match"):
            package_import.prepare(changed)
        with pytest.raises(manifest.PackageDamaged, match="坏了.zip cannot be read"):
            package_import.prepare(broken)
        assert Township.select().count() == 0 and _records()["activity"] == 0


def test_a_package_of_an_unknown_township_is_refused_unless_the_township_is_to_be_added(town):
    with opened(town["county"]):
        with pytest.raises(package_import.UnknownTownship, match="is from 青石镇, a township this database does not"):
            package_import.import_package(town["first"])
        plan = package_import.prepare(town["first"])
        with pytest.raises(package_import.UnknownTownship):
            package_import.apply(plan)
        assert Township.select().count() == 0 and AuditLog.select().count() == 0
        assert package_import.apply(plan, new_township=True).added == 54 and Township.get().name == "青石镇"


def test_a_township_that_holds_campaigns_sendings_or_packages_is_not_deleted(town):
    from outreach_desk.services import organisation
    from outreach_desk.store.models import Campaign

    with opened(town["county"]):
        package_import.import_package(town["first"], new_township=True)
        township = Township.get()
        with pytest.raises(organisation.TownshipKeptError, match="青石镇 cannot be deleted: it holds .*1 package"):
            organisation.delete_township(township.id, cascade=True)
        assert Township.select().count() == 1 and _records()["activity"] == 35
    with opened(town["db"]):
        with pytest.raises(organisation.TownshipKeptError, match="1 campaign.* of its own"):
            organisation.delete_township(town["id"], cascade=True)
        assert Campaign.get().township_id == town["id"]


def test_a_township_of_the_same_name_but_another_id_and_a_newer_program_are_refused(town):
    newer = town["dir"] / "newer.zip"

    def later_schema(name, data):
        if name != manifest.NAME:
            return data
        found = json.loads(data)
        return manifest.encode(dict(found, schema_version=found["schema_version"] + 1))

    _tampered(town["first"], newer, later_schema)
    with opened(town["county"]):
        with pytest.raises(package_import.PackageRefused, match="newer version of the program"):
            package_import.prepare(newer)
        from outreach_desk.services import organisation

        organisation.add_township("青石镇")
        with pytest.raises(package_import.PackageRefused, match="another one"):
            package_import.prepare(town["first"])


def test_status_lists_sent_late_and_missing_townships_against_the_monthly_deadline(town, tmp_path):
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import campaigns, deadlines

    with opened(tmp_path / "白沙镇.db"):
        late = light_package(tmp_path / "白沙镇.zip", make_township("白沙镇", 2, records=5), written_at="2026-12-09")
    with opened(town["county"]):
        package_import.import_package(town["first"], new_township=True)  # written on 3 December
        package_import.import_package(late, new_township=True)
        organisation.add_township("红岭镇")
        assert [(r.township, r.state) for r in status.month_status(MONTH)] == [
            ("白沙镇", "sent"), ("红岭镇", "missing"), ("青石镇", "sent")]
        info = campaigns.CampaignInfo("县2026年专项行动", dt.date(2026, 7, 1), dt.date(2026, 12, 31),
                                      deadlines=[campaigns.DeadlineInfo("月报", dt.date(2026, 8, 5),
                                                                        repeats=deadlines.MONTHLY)])
        campaigns.set_current(campaigns.create(info, with_default_rules=False))
        rows = status.month_status(MONTH, today=dt.date(2026, 12, 20))
        assert [(r.township, r.state, r.due.isoformat()) for r in rows] == [
            ("白沙镇", "late", "2026-12-05"), ("红岭镇", "overdue", "2026-12-05"), ("青石镇", "on_time", "2026-12-05")]
        assert status.month_status(MONTH, today=dt.date(2026, 12, 1))[1].state == "missing"


def test_the_commands_import_preview_refuse_and_list(town, cli, qapp):
    with opened(town["db"]):
        _revise()
        revised = light_package(town["dir"] / "revised.zip", town["id"], sequence=2)
        stale = light_package(town["dir"] / "stale.zip", town["id"], sequence=1)
    code, out, err = cli("--db", str(town["county"]), "county-import", str(town["first"]))
    assert code == 2 and "青石镇_1.zip is from 青石镇, a township this database does not hold" in err
    assert "--new-township" in err and "imported:" not in out
    code, out, err = cli("--db", str(town["county"]), "county-import", "--new-township", str(town["first"]),
                         str(town["first"]))
    assert code == 0 and "青石镇_1.zip imported: 青石镇, 2026-11, sending 1: 54 added" in out
    assert "imported before; nothing changes" in out
    code, out, err = cli("--db", str(town["county"]), "county-import", str(revised))
    assert code == 1 and "activity records: 1 added, 1 changed, 1 removed" in out and "--replace" in out
    code, out, err = cli("--db", str(town["county"]), "county-import", "--replace", str(revised), str(stale))
    assert code == 2 and "revised.zip imported" in out and "stale.zip is older" in err
    code, out, err = cli("--db", str(town["county"]), "county-status", "--month", MONTH, "--json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["sequence"] == 2 and rows[0]["revised"] and rows[0]["packages"] == 2
    from outreach_desk import i18n

    try:
        code, out, err = cli("--lang", "zh_CN", "--db", str(town["county"]), "county-status", "--month", MONTH)
    finally:
        i18n.install(qapp, "en")
    assert code == 0 and "青石镇" in out and "已报送" in out


def test_a_package_stopped_half_way_leaves_nothing_behind(town):
    class Stop(Exception):
        pass

    def stop_while_inserting(done, total, text=""):
        if "rows" in text:
            raise Stop

    with opened(town["county"]):
        plan = package_import.prepare(town["first"])
        with pytest.raises(Stop):
            package_import.apply(plan, stop_while_inserting, new_township=True)
        assert Township.select().count() == 0 and _records()["activity"] == 0 and AuditLog.select().count() == 0
        assert status.month_status(MONTH) == []
        again = package_import.import_package(town["first"], new_township=True)[1]
        assert again.added == 54  # the same package goes in afterwards


def test_the_photos_of_a_package_go_into_the_photo_store_once_scaled_ones_too(town, tmp_path):
    import hashlib

    from outreach_desk.services import photos
    from outreach_desk.services.submission import package
    from outreach_desk.store.models import Photo
    from package_samples import attach, picture

    with opened(town["db"]):
        first, second = Activity.select().where(Activity.date >= "2026-11-01").order_by(Activity.id).limit(2)
        attach(first.id, tmp_path / "相机", [picture(1, (1600, 1200), noise=True), picture(2)])
        attach(second.id, tmp_path / "相机2", [picture(3)])
        written = package.build_package(tmp_path / "带照片.zip", MONTH, limit_mb=0.8)
        again = package.build_package(tmp_path / "带照片_再发.zip", MONTH, limit_mb=0.8)
        assert written.photos_scaled == again.photos_scaled >= 1
    with opened(town["county"]):
        plan, result = package_import.import_package(written.path, new_township=True)
        assert (result.photos_stored, result.photos_missing) == (3, 0) and result.photo_bytes > 0
        assert " 3 photos (" in preview.outcome(plan, result)
        stored = list(Photo.select())
        assert len(stored) == 3
        for photo in stored:  # the county sees every picture, the scaled one as it received it
            path = photos.photo_path(photo.sha256, photo.ext)
            assert hashlib.sha256(path.read_bytes()).hexdigest() == photo.sha256
        plan, result = package_import.import_package(again.path, replace=False)
        assert plan.state == package_import.REPLACE and plan.changes["activity"].changed == 0
        assert result is not None and result.photos_stored == 0 and Photo.select().count() == 3



def test_the_same_package_again_puts_back_the_photos_the_store_lacks_and_changes_no_record(town, tmp_path):
    from outreach_desk.services import photos
    from outreach_desk.store import photo_blobs
    from outreach_desk.store.models import Photo
    from outreach_desk.store.submission_models import ReceivedPackage
    from package_samples import attach, picture

    with opened(town["db"]):
        first = Activity.select().where(Activity.date >= "2026-11-01").order_by(Activity.id).first()
        attach(first.id, tmp_path / "相机", [picture(1), picture(2)])
        written = light_package(tmp_path / "带照片.zip", town["id"], with_photos=True)
    with opened(town["county"]):
        assert package_import.import_package(written, new_township=True)[1].photos_stored == 2
        lost = Photo.select().order_by(Photo.sha256).first()  # the photo folder lost it (or a server its blob)
        lost_bytes = photos.photo_path(lost.sha256, lost.ext).read_bytes()
        photos.photo_path(lost.sha256, lost.ext).unlink()
        if photo_blobs.bound_kept():
            photo_blobs.remove(photo_blobs.bound(), lost.sha256)
        held = (AuditLog.select().count(), ReceivedPackage.select().count(), _records(),
                list(Photo.select().order_by(Photo.id).tuples()))
        plan, result = package_import.import_package(written)
        assert plan.state == result.state == package_import.SAME
        assert (result.photos_stored, result.photo_bytes) == (1, len(lost_bytes))
        assert "its records stay as they are, and 1 photos (" in preview.outcome(plan, result)
        assert held == (AuditLog.select().count(), ReceivedPackage.select().count(), _records(),
                        list(Photo.select().order_by(Photo.id).tuples()))
        assert photos.photo_path(lost.sha256, lost.ext).read_bytes() == lost_bytes
        plan, result = package_import.import_package(written)
        assert result.photos_stored == 0 and "nothing changes" in preview.outcome(plan, result)
