"""Bottom streaks (连续 N 期排名末位) worked out by hand, and told alike by the tile, the ranking, the command
line, the bulletin and the monthly report's 排名 sheet.

长安镇, campaign 2026-09-01 .. 2026-12-31, one target: 4 lectures a month at each school. Every village has
one school except 庚村 (nothing to assess: no data, ranked last, never marked). The office marks the
bottom 2 (ties included: a village is bottom when at most one ranked village shows less). Lectures:

=====  =========  =========  =========
       September  October    November
=====  =========  =========  =========
甲村   4 (100 %)  4 (100 %)  3 (75 %)
乙村   3 (75 %)   1 (25 %)   1 (25 %)   bottom in October and November: 2 running
丙村   2 (50 %)   3 (75 %)   4 (100 %)
丁村   1 (25 %)   1 (25 %)   0 (0 %)    bottom all three months: 3 running
戊村   1 (25 %)   2 (50 %)   2 (50 %)   bottom in September only (tied with 丁村)
己村   0 (0 %)    0 (0 %)    4 (100 %)  last in September and October, top in November: no streak
=====  =========  =========  =========

November: 丙村 1, 己村 1 (tie), 甲村 3, 戊村 4, 乙村 5, 丁村 6, 庚村 7 (no data); bottom 乙村 and 丁村.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from cli_runs import CLI_NEEDS_QAPP, run_cli

pytestmark = CLI_NEEDS_QAPP
D = dt.date
LECTURES = {"甲村": (4, 4, 3), "乙村": (3, 1, 1), "丙村": (2, 3, 4), "丁村": (1, 1, 0), "戊村": (1, 2, 2),
            "己村": (0, 0, 4)}
EXPECTED = [("丁村", 3, ["2026年11月", "2026年10月", "2026年9月"]), ("乙村", 2, ["2026年11月", "2026年10月"])]


def build_town() -> dict:
    from outreach_desk.services import ledger
    from outreach_desk.services import organisation as org
    from outreach_desk.services.coverage import campaigns, rules

    t = org.add_township("长安镇", "长安镇综治办")
    villages = {name: org.add_village(t, name) for name in [*LECTURES, "庚村"]}
    lecture = next(kind.id for kind in org.list_kinds() if kind.code == "lecture")
    campaign_id = campaigns.create(campaigns.CampaignInfo("长安镇2026年秋季反诈宣传", D(2026, 9, 1), D(2026, 12, 31)),
                                   with_default_rules=False)
    rules.create(campaign_id, rules.Rule("school_lectures", "每所学校每月开展4次讲座", "site", "records", "4", "month",
                                         site_kinds=["school"], kinds=["lecture"]))
    for name, counts in LECTURES.items():
        school = org.add_site(villages[name], f"{name}小学", "school")
        for month, count in zip((9, 10, 11), counts):
            for day in range(count):
                ledger.create(ledger.ActivityInput(D(2026, month, 3 + day), villages[name], lecture, site_id=school))
    return {"township": t, "campaign": campaign_id, **villages}


@pytest.fixture
def town(store, qapp):
    from PySide6.QtCore import QSettings

    from outreach_desk import i18n
    from outreach_desk.paths import APP_NAME
    from outreach_desk.services.supervision import rankings

    i18n.install(qapp, "zh_CN")
    QSettings(APP_NAME, APP_NAME).setValue(rankings.MARK_COUNT_SETTING, 2)
    yield build_town()
    i18n.install(qapp, "en")


def _november(town):
    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.services.supervision import rankings

    return rankings.rank(periods.month(2026, 11), campaign=campaigns.get(town["campaign"]), mark_count=2)


def test_the_ranking_follows_each_bottom_village_back_through_the_months(town):
    ranking = _november(town)
    assert [(r.name, r.rank, r.bottom, r.streak) for r in ranking.rows] == [
        ("丙村", 1, False, 0), ("己村", 1, False, 0), ("甲村", 3, False, 0), ("戊村", 4, False, 0),
        ("乙村", 5, True, 2), ("丁村", 6, True, 3), ("庚村", 7, False, 0)]
    assert [(s.name, s.length, s.months) for s in ranking.streaks] == EXPECTED
    assert ranking.note(ranking.row(town["丁村"])) == "后 2 名，连续3期"
    assert ranking.note(ranking.row(town["己村"])) == "前 2 名"      # last in October, top in November
    assert ranking.note(ranking.row(town["庚村"])).startswith("无数据：")


def test_october_ties_and_a_month_before_the_campaign(town):
    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.services.supervision import rankings

    campaign = campaigns.get(town["campaign"])
    october = rankings.rank(periods.month(2026, 10), campaign=campaign, mark_count=2)
    assert {r.name: r.streak for r in october.rows if r.bottom} == {"己村": 2, "乙村": 1, "丁村": 2}
    september = rankings.rank(periods.month(2026, 9), campaign=campaign, mark_count=2)
    assert {r.name: r.streak for r in september.rows if r.bottom} == {"己村": 1, "丁村": 1, "戊村": 1}
    assert september.streaks == [] and september.streak_periods == ["2026年9月"]


def test_the_tile_names_the_same_villages_with_the_same_months(town):
    from outreach_desk.services.coverage import campaigns
    from outreach_desk.services.supervision import board

    tile = board.streaks(D(2026, 12, 7), campaigns.get(town["campaign"]), town["township"])
    assert (tile.through, tile.bottom) == ("2026年11月", 2)
    assert [(s.name, s.length, s.months) for s in tile.villages] == EXPECTED
    assert tile.villages == _november(town).streaks


def test_the_command_line_and_the_bulletin_say_the_same(town, capsys):
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.supervision import bulletin
    from outreach_desk.store import DB

    code, out, _err = run_cli(capsys, DB.database, "ranking", "--month", "2026-11", "--json", lang="zh_CN")
    assert code == 0
    data = json.loads(out)
    assert [(r["name"], r["bottom_streak"]) for r in data["rows"] if r["bottom"]] == [("乙村", 2), ("丁村", 3)]
    assert data["streak_periods"] == EXPECTED[0][2]
    code, out, _err = run_cli(capsys, DB.database, "ranking", "--month", "2026-11", lang="zh_CN")
    assert "后 2 名，连续3期" in out and "最多追溯到2026年9月" in out

    text = bulletin.draft(periods.month(2026, 11), date=D(2026, 12, 3), mark_count=2).text()
    assert "丁村连续3个月排名后2名（2026年9月、2026年10月、2026年11月）。" in text
    assert "乙村连续2个月排名后2名（2026年10月、2026年11月）。" in text
    assert "丁村：达标指数0.0%，居长安镇第6位，1项目标未完成，连续3个月排名后2名" in text


def test_the_reports_ranking_sheet_says_the_same(town, tmp_path):
    from openpyxl import Workbook

    from outreach_desk.services.coverage import engine, periods
    from outreach_desk.services.excel.report_form import Signatures
    from outreach_desk.services.supervision import report_sheets

    workbook = Workbook(write_only=True)
    signatures = Signatures("长安镇综治办", date=D(2026, 12, 3))
    report_sheets.write(workbook, engine.compute(periods.month(2026, 11)), signatures)
    workbook.save(tmp_path / "sheets.xlsx")
    sheet = load_workbook(tmp_path / "sheets.xlsx", read_only=True)["排名"]
    rows = list(sheet.iter_rows(values_only=True))
    notes = {row[1]: row[5] for row in rows if len(row) > 5 and row[1] in (*LECTURES, "庚村")}
    assert (notes["丁村"], notes["乙村"], notes["己村"]) == ("后 2 名，连续3期", "后 2 名，连续2期", "前 2 名")
    assert notes["庚村"].startswith("无数据：")
    assert any("最多追溯到2026年9月" in str(row[0]) for row in rows if row and row[0])


def test_the_campaign_to_date_counts_no_streak_and_says_why(town, capsys):
    """A to-date ranking's previous period is the standings a week earlier (all but a week of the same work):
    every bottom row's streak is 1, none is written 连续N期, and the page's and command line's note says why."""
    from outreach_desk.services.coverage import campaigns, periods
    from outreach_desk.services.supervision import rankings
    from outreach_desk.store import DB

    campaign = campaigns.get(town["campaign"])
    ranking = rankings.rank(periods.to_date(campaign, D(2026, 11, 30)), campaign=campaign, mark_count=2)
    assert not ranking.streaks_counted and ranking.streaks == []
    assert ranking.previous is not None and ranking.previous.end == D(2026, 11, 23)
    bottom = [r for r in ranking.rows if r.bottom]
    assert bottom and {r.streak for r in bottom} == {1} and {r.streak for r in ranking.rows if not r.bottom} == {0}
    assert ranking.streak_periods == [ranking.period.label]
    assert {ranking.note(r) for r in bottom} == {"后 2 名"}
    code, out, _err = run_cli(capsys, DB.database, "ranking", "--json", lang="zh_CN")
    data = json.loads(out)
    assert code == 0 and data["period"]["kind"] == "to_date" and data["streaks_counted"] is False
    assert {r["bottom_streak"] for r in data["rows"] if r["bottom"]} == {1}
    code, out, _err = run_cli(capsys, DB.database, "ranking", lang="zh_CN")
    assert "行动开始至今的累计排名不计“连续几期”" in out and "连续2期" not in out and "连续3期" not in out
    code, out, _err = run_cli(capsys, DB.database, "ranking", "--month", "2026-11", "--json", lang="zh_CN")
    assert json.loads(out)["streaks_counted"] is True
