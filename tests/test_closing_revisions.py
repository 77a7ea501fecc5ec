"""Revisions (修订): the next report of a sent month marks the figures that changed since the version sent,
old → new; a month never sent gets no 修订 sheet, a sent month without changes says so."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from outreach_desk.services import ledger, organisation
from outreach_desk.services.coverage import surveys
from outreach_desk.services.excel import report
from outreach_desk.services.submission import closing, revisions
from test_coverage_engine import build_town

D = dt.date
MONTH = "2026-10"


@pytest.fixture
def town(store):
    return build_town()


def _send(tmp_path, name: str):
    path = report.build_report(tmp_path / name, MONTH).path
    closing.close_month(None, MONTH, report_path=path, recipient="县反诈中心", clerk="王芳")
    return path


def _rows(path) -> list[tuple]:
    sheet = load_workbook(path)[revision_sheet_name()]
    rows = []
    for row in sheet.iter_rows(min_row=4, max_col=5, values_only=True):
        if all(v is None for v in row):
            break
        rows.append(row)
    return rows


def revision_sheet_name() -> str:
    from outreach_desk.services.submission.revision_sheet import SHEET

    return SHEET


def test_a_month_never_sent_has_no_revisions_and_no_sheet(town, tmp_path):
    assert revisions.revisions(None, MONTH) is None
    path = report.build_report(tmp_path / "r.xlsx", MONTH).path
    assert revision_sheet_name() not in load_workbook(path).sheetnames


def test_the_next_report_marks_what_changed_since_the_sent_version(town, tmp_path):
    _send(tmp_path, "first.xlsx")
    assert revisions.revisions(None, MONTH).rows == []
    closing.reopen_month(None, MONTH, reason="补报幸福社区的宣讲会，更正问卷", clerk="王芳")
    lecture = next(k.id for k in organisation.list_kinds() if k.code == "lecture")
    ledger.create(ledger.ActivityInput(D(2026, 10, 18), town["xingfu"], lecture, people=120))
    survey = next(s for s in surveys.list_surveys(D(2026, 10, 1), D(2026, 10, 31)) if s.village_id == town["taiping"])
    surveys.update(survey.id, surveys.SurveyInput(town["taiping"], survey.date, respondents=50, aware=45))

    found = {(r.area, r.item): (r.old, r.new) for r in revisions.revisions(None, MONTH).rows}
    assert found[("幸福社区", "Activities: 现场宣讲会")] == (0, 1)
    assert found[("幸福社区", "People reached")] == (0, 120)
    assert found[("平安镇", "Activities: 现场宣讲会")] == (1, 2)
    old_rate, new_rate = next(v for (area, item), v in found.items() if area == "太平村" and "awareness" in item)
    assert new_rate > old_rate
    assert ("太平村", "Activities: 现场宣讲会") not in found  # unchanged figures are not listed

    second = report.build_report(tmp_path / "second.xlsx", MONTH).path
    rows = _rows(second)
    assert ("幸福社区", "Activities: 现场宣讲会", 0, 1, 1) in rows
    assert len(rows) == len(found)
    closing.close_month(None, MONTH, report_path=second, recipient="县反诈中心", clerk="王芳")
    third = report.build_report(tmp_path / "third.xlsx", MONTH).path
    assert _rows(third) == []
    notes = [c for row in load_workbook(third)[revision_sheet_name()].iter_rows(values_only=True) for c in row if c]
    assert any("no figure changed since sending no. 2" in str(c) for c in notes)
