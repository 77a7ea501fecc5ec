"""``outreach-desk coverage`` and ``outreach-desk campaign``: same numbers as the engine, JSON by rule key."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from test_coverage_engine import build_town
from cli_runs import CLI_NEEDS_QAPP, run_cli as _run

pytestmark = CLI_NEEDS_QAPP


@pytest.fixture
def town_db(db_path):
    from outreach_desk.store import close_database, open_database

    open_database(db_path)
    ids = build_town()
    close_database()
    return db_path, ids


def test_without_a_campaign_it_says_how_to_create_one(capsys, db_path):
    code, out, err = _run(capsys, db_path, "coverage")
    assert code == 2 and out == ""
    assert "outreach-desk campaign add" in err


def test_campaign_add_list_and_use(capsys, db_path):
    code, out, _ = _run(capsys, db_path, "campaign", "add", "2026年专项行动", "--from", "2026-01-01",
                        "--to", "2026-12-31", "--theme", "防诈骗、不参与")
    assert code == 0 and "13" in out
    code, out, _ = _run(capsys, db_path, "campaign", "add", "校园宣传月", "--from", "2026-05-19", "--to", "2026-05-24",
                        "--rules", "school")
    assert code == 0 and "4" in out
    code, out, _ = _run(capsys, db_path, "campaign", "add", "全县专项行动", "--from", "2026-01-01",
                        "--to", "2026-12-31", "--rules", "county")
    assert code == 0 and "15" in out
    _run(capsys, db_path, "campaign", "add", "2027年专项行动", "--from", "2027-01-01", "--to", "2027-06-30",
         "--no-default-rules")
    code, out, _ = _run(capsys, db_path, "campaign", "list")
    assert "* 2026年专项行动" in out and "  2027年专项行动" in out
    assert _run(capsys, db_path, "campaign", "use", "2027年专项行动")[0] == 0
    assert "* 2027年专项行动" in _run(capsys, db_path, "campaign", "list")[1]
    code, _, err = _run(capsys, db_path, "campaign", "add", "坏", "--from", "2026-12-31", "--to", "2026-01-01")
    assert code == 2 and "2026-01-01" in err


def test_json_names_rules_by_key_with_the_engines_numbers(capsys, town_db):
    db_path, ids = town_db
    code, out, _ = _run(capsys, db_path, "coverage", "--month", "2026-10", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["period"] == {"kind": "month", "start": "2026-10-01", "end": "2026-10-31", "label": "2026-10"}
    keys = [r["key"] for r in data["rules"]]
    assert "poster_per_entrance_elevator" in keys and "board_per_school" not in keys
    (township,) = data["townships"]
    assert township["rules"]["banner_per_block"]["met"] == 2
    assert township["rules"]["banner_per_block"]["assessed"] == 3
    assert township["rules"]["awareness_rate"]["fulfilment_sum"] == pytest.approx(0.9)
    taiping = next(v for v in data["villages"] if v["id"] == ids["taiping"])
    assert taiping["index"] == pytest.approx(9.57 / 11)
    assert taiping["rules"]["household_reach"]["fulfilment"] == pytest.approx(0.75)
    (block,) = [u for u in data["units"] if u["unit"] == "幸福小区"]          # one entry per unit, every rule in it
    poster = block["rules"]["poster_per_entrance_elevator"]
    assert (poster["windows"][0]["measure"], poster["windows"][0]["quota"], poster["status"]) == (3, 6, "unmet")
    assert any(g["text"].startswith("幸福小区: 3 pieces of Poster") for g in data["gaps"])
    assert out == json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"      # one compact line


def test_json_names_each_window_once_per_rule_and_every_unit_once(capsys, town_db):
    from outreach_desk.services.coverage import engine, periods
    from outreach_desk.store import close_database, open_database

    db_path, _ = town_db
    code, out, _ = _run(capsys, db_path, "coverage", "--from", "2026-07-01", "--to", "2026-11-28", "--json")
    data = json.loads(out)
    open_database(db_path)
    try:
        result = engine.compute(periods.date_range(dt.date(2026, 7, 1), dt.date(2026, 11, 28)))
    finally:
        close_database()
    assert data["format_version"] == 2
    windows = {r["key"]: r["windows"] for r in data["rules"]}
    assert [w["label"] for w in windows["monthly_event_per_village"]] == [f"2026-{m}" for m in range(7, 12)]
    entries = {(u["unit_type"], u["unit_id"]): u for u in data["units"]}
    assert len(entries) == len(data["units"]) == len({(u.unit_type, u.unit_id) for u in result.units})
    for unit in result.units:
        entry = entries[unit.unit_type, unit.unit_id]
        assert (entry["unit"], entry["village_id"], entry["township_id"]) == (unit.unit_name, unit.village_id,
                                                                             unit.township_id)
        figures = entry["rules"][unit.rule_key]
        assert (figures["status"], figures["fulfilment"]) == (unit.status, unit.fulfilment)
        for assessment, shown in zip(unit.assessments, figures["windows"], strict=True):
            assert windows[unit.rule_key][shown["window"]] == json.loads(json.dumps(assessment.window.as_dict()))
            assert (shown["measure"], shown["quota"], shown["status"]) == (assessment.measure, assessment.quota,
                                                                          assessment.status)
    for placed in data["unplaced"]:
        assert 0 <= placed["window"] < len(windows[placed["rule"]])


def test_text_output_shows_the_same_numbers(capsys, town_db):
    db_path, _ = town_db
    code, out, _ = _run(capsys, db_path, "coverage", "--month", "2026-10", "--gaps", "0")
    assert code == 0
    assert "Period: 2026-10 (2026-10-01 to 2026-10-31)" in out
    assert "平安镇: 2 of 3 units met (67%), fulfilment 67%" in out
    assert "幸福社区: no Lecture or Cultural event yet in 2026-10" in out
    row = next(line for line in out.splitlines() if line.startswith("太平村"))
    assert row.split()[1] == "87%"                       # 9.57 / 11
    assert "Gaps (15)" in out and "more (use --gaps 0" not in out       # 13 targets, 2 kinds lacking photos


def test_village_range_and_phase(capsys, town_db):
    db_path, _ = town_db
    code, out, _ = _run(capsys, db_path, "coverage", "--village", "幸福社区", "--from", "2026-07-01",
                        "--to", "2026-11-28", "--json")
    data = json.loads(out)
    assert code == 0 and [v["name"] for v in data["villages"]] == ["幸福社区"] and data["townships"] == []
    (village,) = [u for u in data["units"] if u["unit_type"] == "village"]
    assert [w["measure"] for w in village["rules"]["monthly_event_per_village"]["windows"]] == [1, 0, 0, 0, 1]
    code, out, _ = _run(capsys, db_path, "coverage", "--phase", "动员部署", "--json")
    assert code == 0 and json.loads(out)["period"]["label"] == "动员部署"


@pytest.mark.parametrize("argv, message", [
    (("--village", "不存在村"), "不存在村"),
    (("--phase", "庆功"), "动员部署"),
    (("--month", "2026-13"), "YYYY-MM"),
    (("--from", "2026-10-01"), "--to"),
    (("--campaign", "没有的行动"), "没有的行动"),
])
def test_bad_arguments_are_explained(capsys, town_db, argv, message):
    db_path, _ = town_db
    code, out, err = _run(capsys, db_path, "coverage", *argv)
    assert code == 2 and out == "" and message in err
