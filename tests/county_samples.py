"""Generated townships, each in a database file of its own, and their packages, for the county import tests.

``opened(path)`` binds the store to one file for a block (a township's or the county's); ``make_township``
fills one with villages, sites, member units, a campaign and a seeded month of records of every kind;
``light_package`` writes a package holding only the data part and the manifest (what the county import
reads), quicker than the full package with its report and photos.
"""

from __future__ import annotations

import contextlib
import functools
import datetime as dt
import random
import zipfile
from pathlib import Path

import pytest
from cli_runs import run_argv

D = dt.date
MONTH = "2026-11"


@contextlib.contextmanager
def opened(path: Path):
    from outreach_desk.store import close_database, open_database

    close_database()
    database = open_database(path)
    try:
        yield database
    finally:
        close_database()


def add_campaign() -> int:
    """The same campaign (default rules) in every database: the township's and the county's."""
    from outreach_desk.services.coverage import campaigns

    return campaigns.create(campaigns.CampaignInfo(
        "2026年防范电信网络诈骗专项行动", D(2026, 7, 1), D(2026, 12, 31), theme="防诈骗、不参与",
        phases=[campaigns.PhaseInfo("集中攻坚", D(2026, 7, 1), D(2026, 11, 30)),
                campaigns.PhaseInfo("总结验收", D(2026, 12, 1), D(2026, 12, 31))]))


def make_township(name: str, seed: int, records: int = 40) -> int:
    """A township with 3 villages, their sites and units, the campaign, and ``records`` activities in November
    (a few in October), surveys, parent letters, fraud-case figures and an inspection with its order."""
    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org
    from outreach_desk.services.coverage import letters, surveys
    from outreach_desk.services.supervision import cases, inspections, rectification

    rng = random.Random(seed)
    township = org.add_township(name, f"{name}综治办")
    villages, sites = [], []
    for number, (village, kind) in enumerate((("东村", "village"), ("西村", "village"), ("南社区", "community"))):
        village_id = org.add_village(township, f"{name[:2]}{village}", kind, households=200 + 50 * number,
                                     residents=800 + 100 * number)
        villages.append(village_id)
        sites.append(org.add_site(village_id, f"{name[:2]}{village}小学", "school", students=200, classes=8))
        sites.append(org.add_site(village_id, f"{name[:2]}{village}小区", "residential_block", entrances=3,
                                  households=90))
    unit = org.add_member_unit(township, f"{name[:2]}派出所")
    add_campaign()
    kinds = [k.id for k in org.list_kinds()]
    for number in range(records):
        day = D(2026, 11, 1 + number % 30) if number % 8 else D(2026, 10, 1 + number % 28)
        village = rng.choice(villages)
        site = rng.choice([s for s in sites if org.get_site(s).village_id == village] + [None])
        ledger.create(ledger.ActivityInput(day, village, rng.choice(kinds), quantity=rng.randint(1, 4),
                                           people=rng.randint(0, 300), site_id=site,
                                           member_unit_id=unit if number % 5 == 0 else None,
                                           audiences=rng.randint(0, 31), notes=f"第{number}次"))
    for village in villages:
        surveys.add(surveys.SurveyInput(village, D(2026, 11, 20), 50, rng.randint(20, 50)))
    for site in sites[::2]:
        letters.add(letters.LetterInput(site, D(2026, 11, 12), 200, 200, rng.randint(100, 200), "全校"))
    cases.save_month(township, 2026, 11, {villages[0]: cases.Figures(2, 150000, 1, 0)})
    inspection = inspections.add_inspection(inspections.InspectionInput(
        township, D(2026, 11, 18), "县反诈办", "横幅未悬挂", village_id=villages[1]))
    rectification.create(rectification.OrderInput(township, "补挂横幅", D(2026, 11, 18), D(2026, 11, 30),
                                                  village_id=villages[1], inspection_id=inspection))
    return township


def light_package(path: Path, township_id: int, month: str = MONTH, sequence: int | None = None,
                  written_at: str = "2026-12-03T09:30:00+08:00", with_photos: bool = False) -> Path:
    """A package of the data part and the manifest only, as the package writer names and hashes them; with
    ``with_photos`` also every photo of the township's stored pictures (not renamed, not scaled)."""
    import hashlib

    from outreach_desk.services import organisation, photos
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.submission import closing, data_part, manifest, photo_names
    from outreach_desk.store import DB
    from outreach_desk.store.migrations import current_version
    from outreach_desk.store.models import Photo

    period = periods.parse_month(month)
    data = data_part.encode(data_part.build(township_id, period))
    pictures = {f"{photo_names.FOLDER}/{sha}.{ext}": photos.photo_path(sha, ext).read_bytes()
                for sha, ext in Photo.select(Photo.sha256, Photo.ext).tuples()} if with_photos else {}
    files = {name: hashlib.sha256(content).hexdigest() for name, content in {data_part.NAME: data, **pictures}.items()}
    town = organisation.get_township(township_id)
    document = manifest.build(
        township_id=town.uuid, township=town.name, month=month,
        sequence=sequence or closing.next_sequence(township_id, period), schema_version=current_version(DB),
        files=files, photos_scaled=None, limit_bytes=None,
        data={"file": data_part.NAME, "format": data_part.FORMAT, "format_version": data_part.FORMAT_VERSION})
    document["created_at"] = written_at
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(data_part.NAME, data)
        for name, content in pictures.items():
            archive.writestr(name, content)
        archive.writestr(manifest.NAME, manifest.encode(document))
    return path


@pytest.fixture
def cli(qapp, capsys):
    """Run the command line in-process: (exit code, stdout, stderr)."""
    return functools.partial(run_argv, capsys)
