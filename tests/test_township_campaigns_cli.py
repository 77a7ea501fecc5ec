"""``outreach-desk campaign … --township`` in a county database: add a township's campaign, list whose each is,
refuse an ambiguous name, copy the county's or another township's campaign to a township without one, and
``coverage --township`` measuring against that township's own. Runs on PostgreSQL too
(test_server_township_campaigns_cli.py)."""

from __future__ import annotations

import json

import pytest

from cli_runs import CLI_NEEDS_QAPP, run_cli as _run

pytestmark = CLI_NEEDS_QAPP


@pytest.fixture
def county_db(db_path):
    """平安镇, 青石镇 and 城关镇, a village each, no campaign yet."""
    from outreach_desk.services import organisation
    from outreach_desk.store import close_database, open_database

    open_database(db_path)
    for township, village in (("平安镇", "太平村"), ("青石镇", "青石村"), ("城关镇", "城东社区")):
        organisation.add_village(organisation.add_township(township), village)
    close_database()
    return db_path


def _add(capsys, db_path, name, *extra):
    return _run(capsys, db_path, "campaign", "add", name, "--from", "2026-11-01", "--to", "2027-01-31", *extra)


def test_each_township_adds_and_lists_its_own_campaign_of_the_same_name(capsys, county_db):
    assert _add(capsys, county_db, "冬季行动", "--township", "平安镇")[0] == 0
    assert _add(capsys, county_db, "冬季行动", "--township", "青石镇", "--rules", "school")[0] == 0
    code, out, _ = _run(capsys, county_db, "campaign", "list")
    assert code == 0 and "* [平安镇]  冬季行动" in out and "* [青石镇]  冬季行动" in out
    code, out, _ = _run(capsys, county_db, "campaign", "list", "--township", "青石镇")
    assert "青石镇" in out and "平安镇" not in out
    code, _, err = _run(capsys, county_db, "campaign", "use", "冬季行动")
    assert code == 2 and "--township" in err
    assert _run(capsys, county_db, "campaign", "use", "冬季行动", "--township", "青石镇")[0] == 0
    code, out, _ = _run(capsys, county_db, "coverage", "--township", "青石镇", "--month", "2026-11", "--json")
    keys = [rule["key"] for rule in json.loads(out)["rules"]]
    assert code == 0 and "parent_letters_signed" in keys and "banner_per_block" not in keys  # the school set
    code, out, _ = _run(capsys, county_db, "coverage", "--township", "平安镇", "--month", "2026-11", "--json")
    assert "banner_per_block" in [rule["key"] for rule in json.loads(out)["rules"]]


def test_a_township_without_one_is_told_how_to_copy_and_gets_a_copy(capsys, county_db):
    _add(capsys, county_db, "冬季行动", "--township", "平安镇", "--monthly-deadline", "月报", "5")
    _add(capsys, county_db, "冬季行动", "--township", "青石镇")
    code, out, err = _run(capsys, county_db, "coverage", "--township", "城关镇")
    assert code == 2 and out == "" and "城关镇" in err and "campaign copy" in err
    assert _run(capsys, county_db, "documents", "--township", "城关镇")[0] == 2
    code, _, err = _run(capsys, county_db, "campaign", "copy", "冬季行动", "--township", "城关镇")
    assert code == 2 and "--township" in err                           # two townships have one of that name
    code, out, _ = _run(capsys, county_db, "campaign", "copy", "冬季行动", "--township", "城关镇",
                        "--from-township", "平安镇", "--as", "城关冬季行动")
    assert code == 0 and "城关冬季行动" in out
    code, out, _ = _run(capsys, county_db, "campaign", "deadlines", "--township", "城关镇")
    assert code == 0 and "月报" in out
    assert _run(capsys, county_db, "coverage", "--township", "城关镇")[0] == 0
    assert _run(capsys, county_db, "documents", "--township", "城关镇", "--json")[1].strip() == "[]"


def test_in_a_county_database_a_campaign_without_township_is_the_countys(capsys, county_db):
    _add(capsys, county_db, "全县冬季行动")
    code, out, _ = _run(capsys, county_db, "--lang", "zh_CN", "campaign", "list", "--township", "城关镇")
    assert code == 0 and "* [全县]  全县冬季行动" in out
    assert _run(capsys, county_db, "coverage", "--township", "城关镇")[0] == 0
    code, out, _ = _run(capsys, county_db, "campaign", "copy", "全县冬季行动", "--township", "城关镇")
    assert code == 0 and "[城关镇]  全县冬季行动" in _run(capsys, county_db, "campaign", "list")[1]
