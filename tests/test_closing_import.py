"""A workbook import touching a closed month is refused whole, in the check and at the commit; undoing an
import whose records lie in a month closed since is refused too."""

from __future__ import annotations

import datetime as dt

import pytest

from excel_samples import fill_template, good_activity
from outreach_desk.services import import_undo
from outreach_desk.services.coverage import campaigns
from outreach_desk.services.excel import import_rows, template
from outreach_desk.services.submission import closing
from outreach_desk.services.submission.closed_months import MonthClosedError
from outreach_desk.store.models import Activity, ImportedRow

D = dt.date


@pytest.fixture
def blank(township, tmp_path):
    campaigns.create(campaigns.CampaignInfo("冬季行动", D(2026, 10, 1), D(2027, 1, 31)))
    return template.make_template(tmp_path / "录入表.xlsx", township["township"])


def _close(month: str) -> None:
    closing.close_month(None, month, report_sha256="0" * 64, recipient="县反诈中心", clerk="王芳")


def test_an_import_with_one_row_in_a_closed_month_imports_nothing(blank, tmp_path):
    _close("2026-10")
    filled = fill_template(blank, tmp_path / "各村.xlsx", activities=[
        good_activity(日期=D(2026, 11, 3)), good_activity(日期=D(2026, 10, 30), 数量=5)])
    plan, result = import_rows.run_import(filled)
    assert result is None and not plan.ok
    [issue] = plan.issues
    assert issue.row == 3 and issue.header == "日期" and "王芳" in issue.message and "县反诈中心" in issue.message
    assert Activity.select().count() == 0 and ImportedRow.select().count() == 0


def test_a_month_closed_between_the_check_and_the_import_refuses_it_at_the_commit(blank, tmp_path):
    filled = fill_template(blank, tmp_path / "各村.xlsx", activities=[good_activity(日期=D(2026, 11, 3)),
                                                                    good_activity(日期=D(2026, 10, 30))])
    plan = import_rows.prepare(filled)
    assert plan.ok
    _close("2026-10")
    with pytest.raises(MonthClosedError):
        import_rows.commit(plan)
    assert Activity.select().count() == 0 and ImportedRow.select().count() == 0


def test_undoing_an_import_of_a_month_closed_since_is_refused(blank, tmp_path):
    filled = fill_template(blank, tmp_path / "各村.xlsx", activities=[good_activity(日期=D(2026, 10, 30))])
    _plan, result = import_rows.run_import(filled)
    _close("2026-10")
    with pytest.raises(MonthClosedError):
        import_undo.undo_import(result, filled.name)
    assert Activity.select().count() == 1 and ImportedRow.select().count() == 1
    closing.reopen_month(None, "2026-10", reason="村里重报", clerk="王芳")
    assert import_undo.undo_import(result, filled.name) == 1
