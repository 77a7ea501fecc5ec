"""Photos on a county server (a real PostgreSQL): a picture a clerk attaches goes into the server's photo store
once by SHA-256, so a clerk on another computer sees it; a picture whose record was never written goes again;
`copy` takes the clerk-added pictures into the photo folder of a database file."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil

import psycopg
import pytest

from outreach_desk.services import database_copy, ledger, organisation, photos
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.store import close_database, open_database
from test_server_copy import _picture, photo_files


@pytest.fixture
def on_server(server_url):
    open_database(server_url)
    town = organisation.add_township("平安镇", "平安镇综治办")
    village = organisation.add_village(town, "太平村", "village")
    yield village
    close_database()


def _blobs(url) -> dict[str, bytes]:
    with psycopg.connect(url) as pg:
        return {sha.strip(): bytes(data) for sha, data in pg.execute("SELECT sha256, data FROM photo_blob")}


def test_a_clerks_photo_is_kept_in_the_server_and_seen_from_another_computer(on_server, server_url, tmp_path):
    picture = _picture(tmp_path / "微信图片" / "横幅.jpg", (200, 30, 30))
    kinds = {k.code: k.id for k in organisation.list_kinds()}
    stored = photos.store_files([picture, picture])  # the same picture twice: stored once
    activity = ledger.create(ActivityInput(date=dt.date(2026, 11, 5), village_id=on_server,
                                           kind_id=kinds["banner"], quantity=1), stored[:1])
    sha = hashlib.sha256(picture.read_bytes()).hexdigest()
    assert _blobs(server_url) == {sha: picture.read_bytes()}

    shutil.rmtree(photos.photos_folder())  # another clerk's computer has never seen it
    (shown,) = photos.list_photos(activity)
    assert shown.path.read_bytes() == picture.read_bytes()

    back = tmp_path / "回来" / "平安镇.db"
    result = database_copy.copy_database(server_url, str(back))
    assert result.photos == 1 and photo_files(back) == {f"{sha}.jpg": picture.read_bytes()}


def test_a_photo_whose_record_was_not_written_leaves_the_server(on_server, server_url, tmp_path):
    stored = photos.store_files([_picture(tmp_path / "宣讲会.jpg", (20, 120, 200))])
    assert stored[0].on_server and len(_blobs(server_url)) == 1
    photos.discard(stored)
    assert _blobs(server_url) == {}
    assert not photos.photo_path(stored[0].sha256, stored[0].ext).exists()
