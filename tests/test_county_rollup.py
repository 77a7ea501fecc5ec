"""Issue 16's "done means" for the county roll-up: townships close November and write their packages; a
county database imports three townships' packages (one sent twice, one revised, one tampered with), and
each township's coverage, gap list and report figures there equal those of the township's own database."""

from __future__ import annotations

import json
import zipfile

import pytest

from county_samples import MONTH, add_campaign, light_package, make_township, opened
from outreach_desk.services.county import package_import, status
from outreach_desk.services.coverage import periods
from outreach_desk.services.submission import closing, manifest, package
from outreach_desk.store.models import Township
from package_samples import attach_to_month
from test_county_import import _revise

NOVEMBER = periods.parse_month(MONTH)


def _plain(value):
    """A document without the row ids (local to each database): id keys dropped, id-keyed maps as lists."""
    if isinstance(value, dict):
        if value and all(str(k).isdigit() for k in value):
            return sorted((_plain(v) for v in value.values()), key=lambda v: json.dumps(v, ensure_ascii=False))
        return {k: _plain(v) for k, v in value.items() if k != "id" and not k.endswith("_id")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _figures(township_id: int) -> dict:
    return {"coverage": _plain(closing.coverage_document(township_id, NOVEMBER)),
            "report": _plain(closing.record_counts(township_id, NOVEMBER))}


def _send(township_id: int, target) -> package.PackageResult:
    """报送本月 from the package window: the package written, then the month closed with its hashes."""
    result = package.build_package(target, NOVEMBER, township_id=township_id, limit_mb=0)
    closing.close_month(township_id, NOVEMBER, report_sha256=result.report_sha256, package_sha256=result.sha256,
                        recipient="县反诈中心", clerk="王会计")
    return result


@pytest.fixture
def townships(tmp_path):
    """Three townships, each with its October (light) and closed November package; 红岭镇 revised November."""
    made = {}
    for seed, name in enumerate(("青石镇", "白沙镇", "红岭镇"), start=1):
        path = tmp_path / f"{name}.db"
        with opened(path):
            township = make_township(name, seed)
            attach_to_month(NOVEMBER.start, NOVEMBER.end, tmp_path / f"{name}照片", every=4, per_record=1)
            october = light_package(tmp_path / f"{name}_10月.zip", township, "2026-10")
            packages = [_send(township, tmp_path / f"{name}_上报包.zip").path]
            if name == "红岭镇":
                closing.reopen_month(township, NOVEMBER, reason="补录一次宣讲", clerk="王会计")
                _revise()
                packages.append(_send(township, tmp_path / f"{name}_上报包_修订.zip").path)
            made[name] = {"db": path, "id": township, "october": october, "packages": packages,
                          "figures": _figures(township)}
    return made


def test_the_county_holds_each_townships_figures_as_its_own_database_computes_them(townships, tmp_path):
    county = tmp_path / "县反诈中心.db"
    tampered = tmp_path / "白沙镇_上报包_改过.zip"
    original = townships["白沙镇"]["packages"][0]
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data.replace(b'"people": ', b'"people": 1') if info.filename.startswith("data/")
                            else data)
    with opened(county):
        add_campaign()  # the county's own copy of the campaign (its rules per township come with issue 16 part 3b)
        for town in townships.values():
            package_import.import_package(town["october"], new_township=True)
        first = package_import.import_package(townships["青石镇"]["packages"][0])[1]
        again = package_import.import_package(townships["青石镇"]["packages"][0])[1]
        assert first.added > 0 and again.state == package_import.SAME
        with pytest.raises(manifest.PackageDamaged, match="白沙镇_上报包_改过.zip"):
            package_import.import_package(tampered)
        package_import.import_package(original)
        sent, revised = townships["红岭镇"]["packages"]
        package_import.import_package(sent)
        plan, result = package_import.import_package(revised, replace=False)
        assert result is None and plan.needs_confirmation and plan.sequence == 2 and plan.held_sequence == 1
        package_import.apply(plan)
        ids = {name: Township.get(Township.name == name).id for name in townships}
        for name, town in townships.items():
            assert _figures(ids[name]) == town["figures"], name
        rows = {r.township: r for r in status.month_status(MONTH)}
        assert {name: (r.sequence, r.revised) for name, r in rows.items()} == {
            "青石镇": (1, False), "白沙镇": (1, False), "红岭镇": (2, True)}
