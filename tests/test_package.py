"""The upward package: what the zip holds and how it is named, the manifest's hashes, the size limit, the
evidence rules (records without photos, photos dated far from their record) and the command line."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile

import pytest
from openpyxl import load_workbook

from outreach_desk.services import organisation
from outreach_desk.services.coverage import engine, gaps, periods
from outreach_desk.services.submission import evidence, manifest, package, photo_fit
from outreach_desk.store.models import Activity, ActivityKind
from package_samples import attach, picture
from test_coverage_engine import build_town

D = dt.date
MONTH = "2026-10"
REPORT = "平安镇_反诈宣传月报_2026-10.xlsx"


def _record(village_id: int, kind: str, day: dt.date) -> int:
    return (Activity.select(Activity.id).join(ActivityKind).where(
        (Activity.village == village_id) & (ActivityKind.code == kind) & (Activity.date == day)).scalar())


def _kind(code: str) -> int:
    return ActivityKind.get(ActivityKind.code == code).id


@pytest.fixture
def town(store, tmp_path):
    ids = build_town()
    lecture = _record(ids["taiping"], "lecture", D(2026, 10, 15))
    window = _record(ids["taiping"], "display_window", D(2026, 10, 12))
    attach(lecture, tmp_path / "村里发来", [picture(1, taken=D(2026, 10, 15)), picture(2, taken=D(2026, 10, 15))],
           ["宣讲1.jpg", "宣讲2.jpg"])
    attach(window, tmp_path / "村里发来2", [picture(3, taken=D(2026, 9, 1))], ["橱窗.jpg"])  # 41 days before its record
    from outreach_desk.services import ledger

    banner = ledger.create(ledger.ActivityInput(D(2026, 10, 20), ids["xingfu"], _kind("banner"),
                                                site_id=ids["block"]))
    return {**ids, "lecture": lecture, "window": window, "banner": banner}


@pytest.fixture
def written(town, tmp_path):
    result = package.build_package(tmp_path / "上报包.zip", MONTH, limit_mb=0)
    return result, zipfile.ZipFile(result.path)


def test_the_package_holds_report_photos_index_summary_bulletin_and_manifest(written):
    result, archive = written
    names = archive.namelist()
    assert names[0] == REPORT and names[-1] == "manifest.json"
    assert {"照片/太平村/太平村_20261015_现场宣讲会_01.jpg", "照片/太平村/太平村_20261015_现场宣讲会_02.jpg",
            "照片/太平村/太平村_20261012_宣传橱窗_01.jpg", "照片索引.xlsx", "平安镇_反诈宣传工作总结_2026-10.docx",
            "通报/平安镇_反诈宣传工作通报_2026-10.docx"} <= set(names)
    assert result.photos == 3 and result.photos_scaled == 0 and result.far_photos == 1
    assert archive.read("照片/太平村/太平村_20261015_现场宣讲会_01.jpg") == picture(1, taken=D(2026, 10, 15))


def test_the_manifest_names_every_file_with_its_hash_and_verifies(written):
    result, archive = written
    data = json.loads(archive.read("manifest.json"))
    assert data["format"] == "outreach-desk-package" and data["format_version"] == 1
    assert data["township"]["name"] == "平安镇" and data["month"] == MONTH and data["sequence"] == 1
    assert data["township"]["id"] == organisation.get_township(1).uuid != ""
    assert data["schema_version"] >= 18 and data["program_version"] and data["photos_scaled"] is None
    assert set(data["files"]) == set(archive.namelist()) - {"manifest.json"}
    for name, sha in data["files"].items():
        assert hashlib.sha256(archive.read(name)).hexdigest() == sha
    assert manifest.verify(result.path)["files"] == data["files"]
    assert result.sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    assert result.report_sha256 == data["files"][REPORT]


def _rewritten(source, target, change):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info.filename)))
    return target


def test_a_changed_or_extended_package_is_refused(written, tmp_path):
    result, _archive = written
    changed = _rewritten(result.path, tmp_path / "改过.zip",
                         lambda name, data: data + b"x" if name.endswith("_01.jpg") else data)
    with pytest.raises(manifest.PackageDamaged, match="does not match"):
        manifest.verify(changed)
    extended = tmp_path / "多了.zip"
    _rewritten(result.path, extended, lambda name, data: data)
    with zipfile.ZipFile(extended, "a") as archive:
        archive.writestr("照片/太平村/多出来的.jpg", b"x")
    with pytest.raises(manifest.PackageDamaged, match="does not list"):
        manifest.verify(extended)
    (tmp_path / "不是.zip").write_bytes(b"not a zip")
    with pytest.raises(manifest.PackageDamaged):
        manifest.verify(tmp_path / "不是.zip")


def test_the_index_lists_each_photo_with_its_record_and_the_records_lacking_one(written, town):
    _result, archive = written
    with archive.open("照片索引.xlsx") as handle:
        book = load_workbook(handle)
    rows = [r for r in book["照片"].iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert [r[1] for r in rows] == ["照片/太平村/太平村_20261012_宣传橱窗_01.jpg",
                                    "照片/太平村/太平村_20261015_现场宣讲会_01.jpg",
                                    "照片/太平村/太平村_20261015_现场宣讲会_02.jpg"]
    assert rows[1][7] == "宣讲1.jpg" and rows[1][6] == Activity.get_by_id(town["lecture"]).uuid
    assert rows[1][10] in (None, "") and "41 days" in rows[0][10]
    missing = [r for r in book["缺影像资料"].iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    expected = evidence.missing_photos(D(2026, 10, 1), D(2026, 10, 31))
    assert len(missing) == len(expected) > 0 and all(r[7] == "no photo evidence" for r in missing)
    assert town["lecture"] not in {m.activity_id for m in expected}


def test_records_without_a_required_photo_are_gaps_until_the_kind_no_longer_requires_one(town):
    october = periods.parse_month(MONTH)
    found = [g for g in gaps.gap_list(engine.compute(october)) if g.rule_key == evidence.RULE_KEY]
    lectures = [g for g in found if "Lecture" in g.text]
    assert lectures == [] or all(g.village_name != "太平村" for g in lectures)   # 太平村's lectures have photos
    assert found and all("lack photo evidence" in g.text for g in found)
    missing = evidence.missing_photos(october.start, october.end)
    assert sum(g.missing for g in found) == len(missing)
    for kind_id in {ActivityKind.get(ActivityKind.name_en == m.kind).id for m in missing}:
        evidence.set_photo_required(kind_id, False)
    assert not [g for g in gaps.gap_list(engine.compute(october)) if g.rule_key == evidence.RULE_KEY]


def test_exif_dates_are_read_and_far_ones_flagged(tmp_path):
    path = tmp_path / "a.jpg"
    path.write_bytes(picture(5, taken=D(2026, 10, 1)))
    assert evidence.exif_date(path) == D(2026, 10, 1)
    assert evidence.far_from_record(D(2026, 10, 1), D(2026, 10, 8)) is None
    assert evidence.far_from_record(D(2026, 10, 1), D(2026, 10, 9)) == 8
    path.write_bytes(picture(5))
    assert evidence.exif_date(path) is None


def test_photos_are_scaled_down_to_fit_the_limit_never_dropped(town, tmp_path):
    big = [picture(10 + n, (1600, 1200), D(2026, 10, 15), noise=True) for n in range(4)]
    attach(town["window"], tmp_path / "大照片", big)
    free = package.build_package(tmp_path / "不限.zip", MONTH, limit_mb=0)
    limit_mb = (free.size - sum(len(b) for b in big) // 2) / package.MB
    result = package.build_package(tmp_path / "限.zip", MONTH, limit_mb=limit_mb)
    assert result.size <= limit_mb * package.MB < free.size
    assert result.photos == free.photos == 7 and result.photos_scaled >= 4
    data = manifest.verify(result.path)
    assert data["photos_scaled"]["count"] == result.photos_scaled and data["limit_bytes"] == int(limit_mb * package.MB)
    assert len([n for n in data["files"] if n.startswith("照片/")]) == 7


def test_a_limit_that_cannot_be_met_says_by_how_much_and_writes_nothing(town, tmp_path):
    attach(town["window"], tmp_path / "大照片", [picture(30, (1600, 1200), noise=True)])
    with pytest.raises(photo_fit.DoesNotFit) as info:
        package.build_package(tmp_path / "上报包.zip", MONTH, limit_mb=0.1)
    assert info.value.over > 0 and "too much" in str(info.value)
    assert list(tmp_path.glob("上报包*")) == []


def test_a_cancelled_package_leaves_the_previous_file(town, tmp_path):
    from outreach_desk.ui.shell.tasks import Cancelled

    target = tmp_path / "上报包.zip"
    target.write_bytes(b"last month's")

    def cancel(done, total, text=""):
        if done >= 85:
            raise Cancelled()

    with pytest.raises(Cancelled):
        package.build_package(target, MONTH, limit_mb=0, progress=cancel)
    assert target.read_bytes() == b"last month's" and [p.name for p in tmp_path.glob("上报包*")] == ["上报包.zip"]


def test_package_command(town, db_path, tmp_path, capsys, qapp):
    from outreach_desk.cli import main
    from outreach_desk.store import close_database

    close_database()
    target = tmp_path / "出" / "上报包.zip"
    assert main(["--db", str(db_path), "--lang", "en", "package", "--month", MONTH, "-o", str(target),
                 "--limit-mb", "5"]) == 0
    out = capsys.readouterr().out
    assert str(target) in out and "3 photos" in out and manifest.verify(target)["month"] == MONTH
    assert main(["--db", str(db_path), "--lang", "zh_CN", "package", "--month", MONTH, "-o", str(target),
                 "--limit-mb", "0.01"]) == 2
    assert "超出" in capsys.readouterr().err
    assert main(["--db", str(db_path), "package", "--month", "2026-13", "-o", str(target)]) == 2


def test_names_with_characters_windows_refuses_become_full_width_and_the_index_names_the_same_file(town, tmp_path):
    organisation.update_village(town["taiping"], name="太平/新村")
    kind = organisation.add_kind("横幅:标语_夜市", "Banner at night", requires_photo=True)
    from outreach_desk.services import ledger

    night = ledger.create(ledger.ActivityInput(D(2026, 10, 21), town["taiping"], kind))
    attach(night, tmp_path / "夜市", [picture(40, taken=D(2026, 10, 21))])
    result = package.build_package(tmp_path / "上报包.zip", MONTH, limit_mb=0)
    archive = zipfile.ZipFile(result.path)
    expected = "照片/太平／新村/太平／新村_20261021_横幅：标语＿夜市_01.jpg"
    assert expected in archive.namelist() and archive.read(expected) == picture(40, taken=D(2026, 10, 21))
    assert expected.rsplit("/", 1)[1].split("_") == ["太平／新村", "20261021", "横幅：标语＿夜市", "01.jpg"]
    with archive.open("照片索引.xlsx") as handle:
        sheet = load_workbook(handle)["照片"]
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert [(r[1], r[3], r[5]) for r in rows if r[6] == Activity.get_by_id(night).uuid] == [
        (expected, "太平/新村", "横幅:标语_夜市")]
