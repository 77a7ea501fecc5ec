"""Test set-up: offscreen Qt, isolated settings and data folders, a fresh SQLite store per test.

The fresh store is a copy of an empty store migrated once per session (running every migration for each
test cost about a tenth of a second a test); tests about migrating open their files with ``open_database``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="outreach-desk-test-home-"))
os.environ["OUTREACH_DESK_HOME"] = str(_HOME / "data")
os.environ.setdefault("MPLCONFIGDIR", str(_HOME / "mpl"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
# a locale naming no language (LANG=C.UTF-8, as here and on CI) starts the program in Chinese; the tests
# read English unless they ask for Chinese (--lang zh_CN, or a child process given LANGUAGE="")
os.environ["LANGUAGE"] = "en"

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

pytest_plugins = ["server_fixtures"]  # a throw-away PostgreSQL cluster and the both-backends store


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A database file in a folder with a Chinese name, as clerks have."""
    folder = tmp_path / "综治办 数据"
    folder.mkdir()
    return folder / "反诈台账.db"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """An empty store with every migration applied, made once per session and closed (no journal beside it)."""
    from outreach_desk.store import close_database, open_database

    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(path)
    close_database()
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def new_store_file(db_path, migrated_template) -> Path:
    """``db_path`` holding a copy of the session's migrated empty store (a closed file, copied as bytes); in a
    module repeated on the server ``db_path`` is the URL of a database the server copied from its own template."""
    if isinstance(db_path, Path):
        shutil.copyfile(migrated_template, db_path)
    return db_path


@pytest.fixture
def store(new_store_file):
    """An opened, migrated, empty store bound to the DB proxy."""
    from outreach_desk.store import close_database, open_database

    database = open_database(new_store_file)
    yield database
    close_database()


@pytest.fixture
def township(store):
    """A tiny township: two villages, three sites, one member unit. Returns a dict of ids."""
    from outreach_desk.services import organisation as org

    t = org.add_township("平安镇", "平安镇综治办")
    v1 = org.add_village(t, "太平村", "village", households=320, residents=1100)
    v2 = org.add_village(t, "幸福社区", "community", households=900, residents=2600)
    block = org.add_site(v2, "幸福小区", "residential_block", entrances=4, elevators=2, households=240)
    school = org.add_site(v1, "格林小学", "school", students=300, classes=12)
    factory = org.add_site(v1, "太平纺织厂", "factory", entrances=2)
    unit = org.add_member_unit(t, "平安派出所", "宣讲、案例通报")
    kinds = {k.code: k.id for k in org.list_kinds()}
    return {"township": t, "village1": v1, "village2": v2, "block": block, "school": school,
            "factory": factory, "unit": unit, "kinds": kinds}


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
