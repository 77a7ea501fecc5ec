"""``outreach-desk copy`` between database files and a real PostgreSQL, both ways: every table and photo arrives
as it was (ids and the seed rows included), a target holding a township is refused in Chinese, and a copy that
fails leaves no half-written target, file or server."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import psycopg
import pytest
from PIL import Image

from outreach_desk.services import database_copy, ledger, organisation, photos
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.services.supervision import inspections
from outreach_desk.services.supervision.supervision_photos import as_infos
from outreach_desk.store import close_database, connection, copying, migrations, open_database, server


def _picture(path: Path, colour) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), colour).save(path, "JPEG")
    return path


def make_township_file(path: Path, pictures: Path) -> Path:
    """A small township file: villages, sites, a kind of its own, records with photos, an inspection with one."""
    open_database(path)
    try:
        town = organisation.add_township("平安镇", "平安镇综治办")
        village = organisation.add_village(town, "太平村", "village", households=320, residents=1100)
        organisation.add_site(village, "幸福小区", "residential_block", entrances=4, households=240)
        own_kind = organisation.add_kind("反诈快闪", "flash mob", "场", "events")
        kinds = {k.code: k.id for k in organisation.list_kinds()}
        for day, kind in ((3, kinds["banner"]), (9, own_kind), (21, kinds["banner"])):
            stored = photos.store_files([_picture(pictures / f"横幅{day}.jpg", (day * 10, 40, 90))])
            ledger.create(ActivityInput(date=dt.date(2026, 11, day), village_id=village, kind_id=kind, quantity=2,
                                        notes="宣传 ✓ 第一批"), stored)
        stored = photos.store_files([_picture(pictures / "检查.jpg", (10, 200, 10)), pictures / "横幅3.jpg"])
        inspections.add_inspection(inspections.InspectionInput(
            township_id=town, date=dt.date(2026, 11, 25), inspectors="张三", findings="横幅褪色",
            village_id=village, photos=as_infos(stored)))
    finally:
        close_database()
    return path


def table_rows(database) -> dict[str, list[tuple]]:
    """Every copied table's rows in key order, values as one engine or the other would give them back."""
    def plain(value):
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            return value.rstrip()  # CHAR(64) on the server
        return value

    found = {}
    for table in copying.copied_tables(database, database):
        keys = database.get_primary_keys(table)
        columns = keys + sorted(c.name for c in database.get_columns(table) if c.name not in keys)
        keys = keys or columns
        rows = database.execute_sql(f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY '
                                    + ", ".join(f'"{k}"' for k in keys)).fetchall()
        found[table] = [tuple(plain(v) for v in row) for row in rows]
    return found


def rows_of(location) -> dict[str, list[tuple]]:
    database = (server.connect(location) if server.is_server_url(location)
                else connection.unbound_database(location, readonly=True))
    try:
        return table_rows(database)
    finally:
        database.close()


def photo_files(db_file: Path) -> dict[str, bytes]:
    folder = photos.photos_folder_of(db_file)
    return {p.name: p.read_bytes() for p in folder.rglob("*.jpg")} if folder.exists() else {}


@pytest.fixture
def township_file(tmp_path) -> Path:
    return make_township_file(tmp_path / "综治办" / "平安镇.db", tmp_path / "微信图片")


def test_a_round_trip_through_the_server_keeps_every_table_id_and_photo(township_file, server_url, tmp_path):
    with psycopg.connect(server_url, autocommit=True) as pg:  # the server's seed kinds under other ids
        pg.execute("DELETE FROM activity_kind WHERE code = 'banner'")
        pg.execute("INSERT INTO activity_kind (code, name_zh, name_en, unit_zh, unit_en, builtin, active, sort_order) "
                   "VALUES ('banner', '横幅', 'Banner', '条', 'banners', TRUE, TRUE, 99)")
    before = rows_of(township_file)
    up = database_copy.copy_database(str(township_file), server_url)
    assert up.counts["activity"] == 3 and up.counts["supervision_photo"] == 2 and up.photos == 4
    assert rows_of(server_url) == before
    with psycopg.connect(server_url) as pg:
        blobs = dict(pg.execute("SELECT sha256, data FROM photo_blob").fetchall())
    assert {f"{sha}.jpg": bytes(data) for sha, data in blobs.items()} == photo_files(township_file)
    assert all(hashlib.sha256(bytes(data)).hexdigest() == sha for sha, data in blobs.items())

    back = tmp_path / "回来" / "平安镇.db"
    down = database_copy.copy_database(server_url, str(back))
    assert down.counts == up.counts and down.photos == 4
    assert sorted(p.name for p in back.parent.iterdir()) == ["平安镇.db", "平安镇.photos"]
    assert rows_of(back) == before
    assert photo_files(back) == photo_files(township_file)

    open_database(server_url)  # the server numbers new records past the copied ones
    try:
        kinds = {k.code: k.id for k in organisation.list_kinds()}
        new = ledger.create(ActivityInput(date=dt.date(2026, 11, 28), village_id=before["village"][0][0],
                                          kind_id=kinds["banner"], quantity=1))
    finally:
        close_database()
    assert new > max(row[0] for row in before["activity"])


def _cli(capsys, *argv):
    from PySide6.QtCore import QCoreApplication

    from outreach_desk import i18n
    from outreach_desk.cli import main

    try:
        code = main(list(argv))
    finally:
        i18n.install(QCoreApplication.instance(), "en")
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_command_copies_both_ways_and_refuses_a_target_holding_a_township(township_file, server_url, tmp_path,
                                                                               capsys, qapp):
    code, out, err = _cli(capsys, "--lang", "en", "copy", str(township_file), server_url)
    assert code == 0, err
    assert "3 activity records" not in out and "activity records: 3" in out and "4 photos" in out
    code, _out, err = _cli(capsys, "--lang", "zh_CN", "copy", str(township_file), server_url)
    assert code != 0 and "已有乡镇" in err and "没有做任何改动" in err and "Traceback" not in err
    assert rows_of(server_url)["activity"] == rows_of(township_file)["activity"]

    empty = tmp_path / "空库.db"  # an empty database file (as `--db 空库.db` makes one) is replaced
    made = connection.unbound_database(empty, readonly=False)
    migrations.upgrade(made)
    made.close()
    code, out, err = _cli(capsys, "--lang", "zh_CN", "copy", server_url, str(empty))
    assert code == 0, err
    assert "活动记录：3" in out
    assert not Path(f"{empty}-wal").exists() and rows_of(empty) == rows_of(township_file)
    code, _out, err = _cli(capsys, "--lang", "zh_CN", "copy", server_url, str(empty))
    assert code != 0 and "已有乡镇" in err


class Boom(Exception):
    pass


def _fail_at(step: str, nth: int = 1):
    """A progress that raises the ``nth`` time it hears of ``step`` (a table, or the photos one by one)."""
    heard = []

    def progress(_done, _total, what):
        heard.append(what)
        if heard.count(step) == nth:
            raise Boom(what)
    return progress


def test_a_copy_failing_half_way_leaves_no_file_no_photo_and_an_untouched_server(township_file, server_url,
                                                                                 tmp_path):
    target = tmp_path / "新建" / "平安镇.db"
    with pytest.raises(Boom):  # the second photo: the first is in the target's photo folder already
        database_copy.copy_database(str(township_file), str(target), _fail_at(database_copy.PHOTOS_STEP, 2))
    assert not target.exists() and list(target.parent.iterdir()) == []

    database_copy.copy_database(str(township_file), server_url)
    with pytest.raises(Boom):
        database_copy.copy_database(server_url, str(target), _fail_at(database_copy.PHOTOS_STEP, 3))
    assert list(target.parent.iterdir()) == []

    other = tmp_path / "另一个.db"
    make_township_file(other, tmp_path / "别的图片")
    fresh = server_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(fresh, autocommit=True) as pg:
        pg.execute("CREATE DATABASE copy_target")
    try:
        url = fresh.rsplit("/", 1)[0] + "/copy_target"
        with pytest.raises(Boom):
            database_copy.copy_database(str(other), url, _fail_at(database_copy.PHOTOS_STEP, 2))
        rows = rows_of(url)
        assert rows["township"] == [] and rows["activity"] == [] and len(rows["activity_kind"]) > 10
        with psycopg.connect(url) as pg:
            assert pg.execute("SELECT COUNT(*) FROM photo_blob").fetchone()[0] == 0
    finally:
        with psycopg.connect(fresh, autocommit=True) as pg:
            pg.execute("DROP DATABASE copy_target WITH (FORCE)")


def test_a_copy_onto_itself_or_from_a_missing_file_is_one_sentence(township_file, tmp_path):
    with pytest.raises(ServiceError, match="same database"):
        database_copy.copy_database(str(township_file), str(township_file))
    with pytest.raises(ServiceError, match="does not exist"):
        database_copy.copy_database(str(tmp_path / "无.db"), str(tmp_path / "新.db"))
