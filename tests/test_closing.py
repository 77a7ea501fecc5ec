"""Month-end close: what a sending stores, the closed month refusing every write of its records, reopening
with a reason, sequence numbers. Runs on SQLite and again on PostgreSQL (test_server_closing.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from outreach_desk.services import audit, ledger, organisation
from outreach_desk.services.coverage import campaigns, engine, letters, periods, surveys
from outreach_desk.services.errors import ValidationError
from outreach_desk.services.submission import closing
from outreach_desk.services.submission.closed_months import MonthClosedError
from outreach_desk.store.models import Activity, AuditLog, ParentLetter, Photo, Survey
from test_coverage_engine import build_town

D = dt.date
MONTH = "2026-10"


@pytest.fixture
def town(store):
    return build_town()


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "平安镇_反诈宣传月报_2026-10.xlsx"
    path.write_bytes(b"the report as sent")
    return path


def _close(report_file, **changes):
    values = dict(report_path=report_file, recipient="县反诈中心", clerk="王芳")
    values.update(changes)
    return closing.close_month(None, MONTH, **values)


def _kind(code: str) -> int:
    return next(k.id for k in organisation.list_kinds() if k.code == code)


def _state() -> tuple:
    """Everything the guarded writes could change."""
    return (sorted(Activity.select(Activity.id, Activity.date, Activity.quantity, Activity.village).tuples()),
            sorted(Survey.select(Survey.id, Survey.date, Survey.aware).tuples()),
            sorted(ParentLetter.select(ParentLetter.id, ParentLetter.date, ParentLetter.signed).tuples()),
            Photo.select().count(), AuditLog.select().count())


def test_close_month_stores_what_was_sent_and_closes_the_month(town, report_file):
    sending = _close(report_file)
    assert (sending.sequence, sending.month, sending.recipient, sending.clerk) == (1, MONTH, "县反诈中心", "王芳")
    assert sending.report_sha256 == hashlib.sha256(b"the report as sent").hexdigest()
    assert sending.package_sha256 is None
    expected = engine.compute(periods.parse_month(MONTH), scope=engine.Scope(township_id=town["township"]))
    stored = json.loads(json.dumps(expected.as_dict(), default=str))
    assert sending.coverage["villages"] == stored["villages"]
    assert [r["key"] for r in sending.coverage["rules"]] == [r.key for r in expected.rules]
    assert "gaps" in sending.coverage
    records = sending.counts["records"]
    assert records == {"activity": 6, "survey": 2, "parent_letter": 0, "photo": 0}
    assert sending.counts["activity_kinds"]["home_visit"] == 2
    taiping = sending.counts["villages"][str(town["taiping"])]
    assert (taiping["name"], taiping["kinds"]["lecture"], taiping["people"]) == ("太平村", 1, 60 + 45 + 280)
    info = closing.closed_info(None, MONTH)
    assert (info.closed_by, info.recipient, info.sending_id) == ("王芳", "县反诈中心", sending.id)
    assert closing.is_closed(None, MONTH) and not closing.is_closed(None, "2026-11")
    kinds = [row[0] for row in AuditLog.select(AuditLog.record_type).where(
        AuditLog.record_type.in_(["sending", "period_close"])).order_by(AuditLog.id).tuples()]
    assert kinds == ["sending", "period_close"]


def test_a_close_names_its_report_by_file_or_by_hash_and_needs_recipient_and_clerk(town, report_file):
    with pytest.raises(ValidationError) as refused:
        _close(report_file, recipient=" ", clerk="")
    assert set(refused.value.by_field()) == {"recipient", "clerk"}
    with pytest.raises(ValueError):
        closing.close_month(None, MONTH, report_path=report_file, report_sha256="a" * 64, recipient="x", clerk="y")
    assert not closing.is_closed(None, MONTH) and closing.sendings() == []
    sending = closing.close_month(None, MONTH, report_sha256="AB" * 32, recipient="县反诈中心", clerk="王芳",
                                  package_sha256="cd" * 32)
    assert (sending.report_sha256, sending.package_sha256) == ("ab" * 32, "cd" * 32)


def test_sequence_numbers_count_the_sendings_of_each_month(town, report_file):
    assert closing.next_sequence(None, MONTH) == 1
    first = _close(report_file)
    package = _close(report_file, package_sha256="e" * 64)  # the package after the workbook: same close
    assert (first.sequence, package.sequence) == (1, 2)
    assert len(closing.close_history(None, MONTH)) == 1
    closing.reopen_month(None, MONTH, reason="太平村补报宣讲会", clerk="李四")
    third = _close(report_file, recipient="县联席办")
    assert third.sequence == 3 and closing.next_sequence(None, MONTH) == 4
    assert closing.next_sequence(None, "2026-09") == 1
    history = closing.sendings()
    assert [s.sequence for s in history] == [3, 2, 1]
    assert [s.sequence for s in closing.sendings(town["township"], MONTH)] == [3, 2, 1]
    assert closing.sendings(None, "2026-09") == []
    events = closing.close_history(None, MONTH)
    assert [(e.reopened_by, e.reason) for e in events] == [("李四", "太平村补报宣讲会"), (None, None)]


def test_the_closed_month_refuses_every_ledger_write_and_says_who_closed_it_and_when(town, report_file):
    kind = _kind("lecture")
    in_october = ledger.create(ledger.ActivityInput(D(2026, 10, 3), town["taiping"], kind, people=30))
    in_november = ledger.create(ledger.ActivityInput(D(2026, 11, 3), town["taiping"], kind, people=30))
    _close(report_file)
    before = _state()
    record = ledger.get(in_october)
    attempts = {
        "create": lambda: ledger.create(ledger.ActivityInput(D(2026, 10, 31), town["xingfu"], kind)),
        "edit": lambda: ledger.update(in_october, ledger.copy_input(record.as_input(), quantity=3)),
        "move out": lambda: ledger.update(in_october, ledger.copy_input(record.as_input(), date=D(2026, 11, 1))),
        "move in": lambda: ledger.update(in_november, ledger.copy_input(ledger.get(in_november).as_input(),
                                                                        date=D(2026, 10, 1))),
        "delete": lambda: ledger.delete(in_october),
        "restore": lambda: ledger.restore(ledger.copy_input(record, id=10_000, uuid="u-restored")),
        "reset": lambda: ledger.reset(ledger.copy_input(record, quantity=9)),
        "photos off": lambda: ledger.detach_photos(in_october, ["0" * 64]),
    }
    for name, attempt in attempts.items():
        with pytest.raises(MonthClosedError) as refused:
            attempt()
        message = str(refused.value)
        assert "王芳" in message and "县反诈中心" in message and f"{refused.value.closed.closed_at:%Y-%m-%d %H:%M}" \
            in message, name
        assert _state() == before, name
    assert ledger.update(in_november, ledger.copy_input(ledger.get(in_november).as_input(), quantity=2)) == 2


def test_photos_cannot_be_put_on_a_record_of_a_closed_month(town, report_file):
    from outreach_desk.services.photos import StoredFile

    activity = ledger.create(ledger.ActivityInput(D(2026, 10, 3), town["taiping"], _kind("banner")))
    _close(report_file)
    with pytest.raises(MonthClosedError):
        ledger.attach_photos(activity, [StoredFile("a" * 64, ".jpg", "横幅.jpg", False)])
    assert Photo.select().count() == 0


def test_surveys_and_letters_of_a_closed_month_are_refused(town, report_file):
    letter = letters.add(letters.LetterInput(town["school"], D(2026, 10, 9), students=300, issued=300, signed=250))
    survey = surveys.list_surveys(D(2026, 10, 1), D(2026, 10, 31))[0]
    _close(report_file)
    before = _state()
    attempts = [
        lambda: surveys.add(surveys.SurveyInput(town["xingfu"], D(2026, 10, 25), respondents=10, aware=9)),
        lambda: surveys.update(survey.id, surveys.SurveyInput(survey.village_id, survey.date, respondents=60,
                                                              aware=50)),
        lambda: surveys.delete(survey.id),
        lambda: letters.add(letters.LetterInput(town["school"], D(2026, 10, 10), students=30, issued=30,
                                                class_name="一(1)班")),
        lambda: letters.update(letter, letters.LetterInput(town["school"], D(2026, 10, 9), students=300, issued=300,
                                                           signed=299)),
        lambda: letters.delete(letter),
    ]
    for attempt in attempts:
        with pytest.raises(MonthClosedError):
            attempt()
        assert _state() == before
    surveys.add(surveys.SurveyInput(town["xingfu"], D(2026, 11, 25), respondents=10, aware=9))  # November is open


def test_deleting_a_village_with_records_of_a_closed_month_is_refused(town, report_file):
    _close(report_file)
    before = _state()
    with pytest.raises(MonthClosedError):
        organisation.delete_village(town["taiping"], cascade=True)
    assert _state() == before
    organisation.delete_site(town["old_block"], cascade=True)  # nothing dated below it


def test_another_townships_closed_month_does_not_lock_this_one(town, report_file):
    other = organisation.add_township("青石镇")
    village = organisation.add_village(other, "青石村")
    with pytest.raises(campaigns.NoCampaignError, match="青石镇") as none_of_its_own:
        closing.close_month(other, MONTH, report_path=report_file, recipient="县反诈中心", clerk="赵六")
    assert none_of_its_own.value.township_id == other and not closing.is_closed(other, MONTH)
    campaigns.copy_to(campaigns.current(town["township"]).id, other)
    closing.close_month(other, MONTH, report_path=report_file, recipient="县反诈中心", clerk="赵六")
    ledger.create(ledger.ActivityInput(D(2026, 10, 3), town["taiping"], _kind("banner")))
    with pytest.raises(MonthClosedError) as refused:
        ledger.create(ledger.ActivityInput(D(2026, 10, 3), village, _kind("banner")))
    assert "青石镇" in str(refused.value)
    with pytest.raises(Exception, match="several townships"):
        closing.close_month(None, MONTH, report_path=report_file, recipient="县反诈中心", clerk="王芳")


def test_reopen_needs_a_reason_is_audited_and_opens_the_month_again(town, report_file):
    _close(report_file)
    with pytest.raises(ValidationError):
        closing.reopen_month(None, MONTH, reason="  ", clerk="李四")
    event = closing.reopen_month(None, MONTH, reason="派出所更正了幸福社区的问卷", clerk="李四")
    assert (event.reopened_by, event.reason) == ("李四", "派出所更正了幸福社区的问卷")
    assert not closing.is_closed(None, MONTH)
    entry = audit.entries(audit.AuditFilter(record_type="period_close")).rows[0]
    assert "派出所更正了幸福社区的问卷" in entry.summary and "王芳" in entry.summary
    stored = audit.get(entry.id)
    assert stored.before["reopened_at"] is None and stored.after["reopen_reason"] == "派出所更正了幸福社区的问卷"
    ledger.create(ledger.ActivityInput(D(2026, 10, 3), town["taiping"], _kind("banner")))
    with pytest.raises(Exception, match="not closed"):
        closing.reopen_month(None, MONTH, reason="again", clerk="李四")


def test_the_police_figures_of_a_closed_month_are_refused(town, report_file):
    from outreach_desk.services.supervision import cases

    figures = {town["taiping"]: cases.Figures(2, cases.yuan_to_fen("3000"), 0, 0)}
    _close(report_file)
    with pytest.raises(MonthClosedError):
        cases.save_month(town["township"], 2026, 10, figures)
    assert cases.save_month(town["township"], 2026, 11, figures) == 1
