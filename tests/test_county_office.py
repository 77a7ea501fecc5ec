"""A county database's own identity and roll-up: the county's report titled with the county and closed by a
全县合计 row, the coverage JSON and command naming the county, and the months a township never sent (未报送)
named by the import, the report and the dashboard.

The small county: 青石镇 (青石东村, 青石西村) and 白水镇 (白水村) under one shared campaign whose only target is
100 leaflets per village over the campaign. Worked by hand for November:
- 青石东村 60 + 40 leaflets (2 records, 30 + 20 people) → fulfilment 1; 青石西村 50 (1 record, 10 people) → 0.5;
  青石镇's index is the mean of its villages, 0.75. 白水村 100 (1 record, 45 people) → 1; 白水镇 1.
- 全县合计: 4 records, 105 people; index = mean of the townships' indexes (0.75 + 1) / 2 = 0.875 (the villages'
  mean would be 0.8333); the target's cell pools the villages' units: 2.5 / 3 = 0.8333, 2 of 3 met.
- Awareness pools the surveys: 青石东村 40 of 50, 白水村 27 of 30 → 67 / 80 = 0.8375 (the townships' rates are 0.8
  and 0.9; their mean, 0.85, would weigh 30 answers like 50).
- Packages received: 青石镇 November only, 白水镇 October and November → 青石镇 has not sent 2026-10.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from county_samples import add_campaign, cli, light_package, make_township, opened  # noqa: F401 (the cli fixture)
from outreach_desk.services import ledger
from outreach_desk.services import organisation as org
from outreach_desk.services.county import office, package_import, preview, status
from outreach_desk.services.coverage import campaigns, engine, gaps, periods, rules, surveys
from outreach_desk.services.excel import report
from outreach_desk.store.models import ActivityKind, AuditLog
from outreach_desk.store.submission_models import ReceivedPackage

D = dt.date
RULE = "leaflets_per_village"


def _received(township_id: int, month: str) -> None:
    ReceivedPackage.create(township=township_id, month=month, sequence=1, package_sha256=f"{township_id}{month}",
                           data_sha256="x", written_at=dt.datetime(2026, 12, 3, 9),
                           received_at=dt.datetime(2026, 12, 4), counts_json="{}")


@pytest.fixture
def county(store):
    qingshi, baishui = org.add_township("青石镇", "青石镇综治办"), org.add_township("白水镇")
    east, west = org.add_village(qingshi, "青石东村"), org.add_village(qingshi, "青石西村")
    white = org.add_village(baishui, "白水村")
    campaign = campaigns.create(campaigns.CampaignInfo("专项行动", D(2026, 10, 1), D(2026, 12, 31)),
                                with_default_rules=False)
    rules.create(campaign, rules.Rule(RULE, "每个村（社区）发放宣传单100份", "village", "quantity", quota="100",
                                      kinds=["leaflet"]))
    leaflet = ActivityKind.get(ActivityKind.code == "leaflet").id
    for village, quantity, people in ((east, 60, 30), (east, 40, 20), (west, 50, 10), (white, 100, 45)):
        ledger.create(ledger.ActivityInput(D(2026, 11, 10), village, leaflet, quantity=quantity, people=people))
    surveys.add(surveys.SurveyInput(east, D(2026, 11, 20), 50, 40))
    surveys.add(surveys.SurveyInput(white, D(2026, 11, 20), 30, 27))
    for township, month in ((qingshi, "2026-11"), (baishui, "2026-10"), (baishui, "2026-11")):
        _received(township, month)
    office.update(name="清河县", office_name="清河县反诈中心", preparer="王芳", reviewer="赵强")
    return {"qingshi": qingshi, "baishui": baishui}


def test_the_county_report_is_titled_with_the_county_and_closed_by_a_county_total(county, tmp_path, monkeypatch):
    monkeypatch.setattr(report.report_charts, "write", lambda *args: None)   # the charts' own tests draw them
    assert report.default_file_name(periods.parse_month("2026-11")) == "清河县_反诈宣传月报_2026-11.xlsx"
    built = report.build_report(tmp_path / "县.xlsx", "2026-11")
    book = load_workbook(built.path)
    summary = book["汇总"]
    assert "清河县反诈中心" in summary["A1"].value
    rows = {row[0] if row[0] == "County total" else (row[1] or ""): row
            for row in summary.iter_rows(min_row=3, values_only=True) if row[0] or row[1]}
    header = next(row for row in summary.iter_rows(values_only=True) if row[0] == "Township")
    assert header[2:8] == ("Records", "People reached", "Compliance index", "Awareness rate", "Respondents",
                           "Packages")
    assert rows["青石镇 total"][2:5] == (3, 60, 0.75) and rows["青石镇 total"][5] == pytest.approx(0.8)
    assert rows["青石镇 total"][7] == "not sent: 2026-10"
    assert rows["白水镇 total"][2:5] == (1, 45, 1) and rows["白水镇 total"][7] in (None, "")
    total = rows["County total"]
    assert total[2:4] == (4, 105) and total[4] == pytest.approx(0.875) and total[5] == pytest.approx(0.8375)
    assert total[6] == 80
    targets = {row[0] if row[0] == "County total" else row[1]: row
               for row in book["达标情况"].iter_rows(min_row=3, values_only=True) if row[0] or row[1]}
    assert targets["County total"][2] == pytest.approx(2.5 / 3) and targets["County total"][3] == pytest.approx(0.875)
    kinds = [row for row in book["活动分类"].iter_rows(min_row=3, values_only=True) if row[0] == "County total"]
    assert kinds and kinds[0][-1] == 4


def test_the_county_signs_its_report_and_keeps_names_changed_for_it(county):
    assert org.office_identity() == org.OfficeIdentity("清河县反诈中心", "王芳", "赵强")
    assert org.keep_office_identity(org.OfficeIdentity("清河县反诈中心", "李娟", "赵强"))
    assert office.get() == office.CountyInfo("清河县", "清河县反诈中心", "李娟", "赵强")
    assert not org.keep_office_identity(org.OfficeIdentity("清河县反诈中心", "李娟", "赵强"))   # nothing changed
    changes = AuditLog.select().where(AuditLog.record_type == office.RECORD_TYPE).count()
    assert changes == 2
    assert org.office_identity(county["qingshi"]).unit == "青石镇综治办"


def test_an_unnamed_county_reads_all_townships_until_named(store):
    org.add_township("青石镇"), org.add_township("白水镇")
    assert org.office_identity().unit == "All townships" and office.get().title == "The county"
    assert not org.keep_office_identity(org.OfficeIdentity("All townships", "", ""))
    assert office.get() == office.CountyInfo()
    with pytest.raises(Exception, match="At most 100"):
        office.update(name="县" * 101)


def test_the_coverage_json_and_command_name_the_county_with_its_total(county, cli, new_store_file):
    result = engine.compute(periods.parse_month("2026-11"))
    named = gaps.document(result)["county"]
    assert named["name"] == "清河县" and named["office"] == "清河县反诈中心" and named["index"] == pytest.approx(0.875)
    assert named["rules"][RULE]["assessed"] == 3 and named["rules"][RULE]["met"] == 2
    code, out, _err = cli("--db", str(new_store_file), "coverage", "--month", "2026-11", "--json")
    assert code == 0 and json.loads(out)["county"]["index"] == pytest.approx(0.875)
    code, out, _err = cli("--db", str(new_store_file), "coverage", "--month", "2026-11")
    assert code == 0 and out.startswith("County: 清河县") and "County total: 2 of 3 units met" in out


def test_months_not_sent_are_those_of_its_campaign_without_a_package(county):
    assert status.missing_months(county["qingshi"], "2026-12", before=True) == ["2026-10"]
    assert status.missing_months(county["baishui"], "2026-12") == ["2026-12"]
    assert status.townships_missing("2026-11") == {county["qingshi"]: ["2026-10"]}
    keyed_in = org.add_township("黄土镇")   # its records are entered here (a county server): never flagged
    assert keyed_in not in status.townships_missing("2026-11")
    from outreach_desk.services import county_dashboard

    rows = {row.name: row.not_sent for row in county_dashboard.load(D(2026, 12, 7))}
    assert rows == {"青石镇": ["2026-10"], "白水镇": [], "黄土镇": []}
    assert county_dashboard.county_name() == "清河县"


def test_the_import_names_the_earlier_months_of_the_township_never_imported(tmp_path, cli):
    with opened(tmp_path / "青石镇.db"):
        township = make_township("青石镇", 1, records=8)
        november = light_package(tmp_path / "11月.zip", township)
        october = light_package(tmp_path / "10月.zip", township, month="2026-10")
    with opened(tmp_path / "县.db"):
        add_campaign()   # the county's shared campaign, from July
        plan = package_import.prepare(november)
        assert plan.missing_months == ["2026-07", "2026-08", "2026-09", "2026-10"]
        assert "2026-7, 8, 9, 10 were never" in preview.missing_line(plan)
        assert "2026-7, 8, 9 were never" in preview.missing_line(plan, {(plan.township_uuid, "2026-10")})
    code, out, _err = cli("--db", str(tmp_path / "县.db"), "county-import", str(november), str(october),
                          "--new-township")
    assert code == 0
    warnings = [line for line in out.splitlines() if "Not sent" in line]
    assert len(warnings) == 2   # November's leaves out October, imported with it; October's names the rest
    assert all("2026-7, 8, 9 were never" in line for line in warnings)


def test_the_county_office_dialog_stores_the_names_and_the_dashboard_shows_months_not_sent(county, qtbot):
    from outreach_desk.services import county_dashboard
    from outreach_desk.ui.dashboard.county_view import NOT_SENT, TOWNSHIP, CountyView
    from outreach_desk.ui.org.dialogs import CountyOfficeDialog

    dialog = CountyOfficeDialog()
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "清河县" and dialog.office_edit.text() == "清河县反诈中心"
    dialog.office_edit.setText("")
    dialog.reviewer_edit.setText("周敏")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert office.get() == office.CountyInfo("清河县", "", "王芳", "周敏") and org.office_identity().unit == "清河县"
    view = CountyView()
    qtbot.addWidget(view)
    view.set_county(county_dashboard.county_name())
    view.set_rows(county_dashboard.load(D(2026, 12, 7)))
    shown = {view.table.item(n, TOWNSHIP).text(): view.table.item(n, NOT_SENT).text()
             for n in range(view.table.rowCount())}
    assert shown == {"青石镇": "1 month(s)", "白水镇": ""} and view.caption.text().startswith("清河县: every township")
    assert view.not_sent_line.text().startswith("Not sent: 青石镇 (2026-10).") and not view.not_sent_line.isHidden()
