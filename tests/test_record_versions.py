"""Record versions: a save over another clerk's later change is refused, never written silently (migration 21).

Two clerks are two processes here, each with its own connection to the same database (a SQLite file; the
same tests run on the PostgreSQL fixture through tests/test_server_record_versions.py).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from server_fixtures import signed

from outreach_desk.services import clerk, ledger
from outreach_desk.services.errors import ConflictError, NotFoundError
from outreach_desk.store import DB

CLERK = """
import datetime as dt, sys
from outreach_desk.services import clerk, ledger
from outreach_desk.services.errors import ConflictError
from outreach_desk.store import open_database, close_database
target, name, record_id, people = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
open_database(target)
clerk.set_name(name)
opened = ledger.get(record_id)
print("opened", opened.version, flush=True)
sys.stdin.readline()
try:
    version = ledger.update(record_id, ledger.copy_input(opened.as_input(), people=people),
                            expected_version=opened.version)
    print("saved", version, flush=True)
except ConflictError as exc:
    print("conflict", exc.theirs.people, exc.theirs.version, exc.who, flush=True)
close_database()
"""


def _record(township, **changes) -> int:
    data = ledger.ActivityInput(dt.date(2026, 11, 3), township["village1"], township["kinds"]["banner"],
                                quantity=2, people=10)
    return ledger.create(ledger.copy_input(data, **changes))


def _clerk(target, name: str, record_id: int, people: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLERK, str(target), name, str(record_id), str(people)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _go(process: subprocess.Popen) -> list[str]:
    process.stdin.write("go\n")
    process.stdin.flush()
    return process.stdout.readline().split()


def test_every_save_counts_one_more_version_and_undo_goes_on_counting(township):
    record_id = _record(township)
    assert ledger.get(record_id).version == 1
    opened = ledger.get(record_id)
    assert ledger.update(record_id, ledger.copy_input(opened.as_input(), people=11), expected_version=1) == 2
    assert ledger.reset(opened, expected_version=2) == 3
    back = ledger.get(record_id)
    assert (back.people, back.version) == (10, 3)
    assert DB.execute_sql("SELECT version FROM activity WHERE id = " + str(record_id)).fetchone()[0] == 3


def test_a_save_from_an_older_version_is_refused_with_theirs_and_nothing_changes(township):
    record_id = _record(township)
    opened = ledger.get(record_id)
    clerk.set_name("李四")
    ledger.update(record_id, ledger.copy_input(opened.as_input(), people=30), expected_version=opened.version)
    clerk.set_name("张三")
    with pytest.raises(ConflictError) as refused:
        ledger.update(record_id, ledger.copy_input(opened.as_input(), notes="我的备注"),
                      expected_version=opened.version)
    assert (refused.value.theirs.people, refused.value.theirs.version, refused.value.who) == (30, 2, signed("李四"))
    assert signed("李四") in str(refused.value) and refused.value.when is not None
    stored = ledger.get(record_id)
    assert (stored.people, stored.notes, stored.version) == (30, "", 2)


def test_an_undo_after_another_clerks_save_is_refused_and_keeps_their_change(township):
    record_id = _record(township)
    mine = ledger.get(record_id)
    version = ledger.update(record_id, ledger.copy_input(mine.as_input(), people=12), expected_version=1)
    ledger.update(record_id, ledger.copy_input(mine.as_input(), people=40))  # someone else, after me
    with pytest.raises(ConflictError):
        ledger.reset(mine, expected_version=version)
    assert ledger.get(record_id).people == 40


def test_a_record_deleted_meanwhile_is_not_found_rather_than_in_conflict(township):
    record_id = _record(township)
    opened = ledger.get(record_id)
    ledger.delete(record_id)
    with pytest.raises(NotFoundError):
        ledger.update(record_id, opened.as_input(), expected_version=opened.version)


def test_a_save_that_changes_nothing_leaves_no_audit_entry_for_the_version_alone(township):
    from outreach_desk.services import audit

    record_id = _record(township)
    ledger.update(record_id, ledger.get(record_id).as_input(), expected_version=1)
    assert [e.action for e in audit.history("activity", record_id)] == [audit.CREATE]
    assert ledger.get(record_id).version == 2


def test_two_clerks_in_two_processes_who_opened_the_same_version_the_second_is_refused(township, db_path):
    record_id = _record(township)
    clerks = [_clerk(db_path, name, record_id, people) for name, people in (("李四", 31), ("张三", 32))]
    try:
        assert [c.stdout.readline().split() for c in clerks] == [["opened", "1"]] * 2
        assert _go(clerks[0]) == ["saved", "2"]
        assert _go(clerks[1]) == ["conflict", "31", "2", signed("李四")]
    finally:
        errors = [c.communicate(timeout=120)[1] for c in clerks]
    assert [c.returncode for c in clerks] == [0, 0], errors
    assert (ledger.get(record_id).people, ledger.get(record_id).version) == (31, 2)


def _survey(township) -> tuple:
    from outreach_desk.services.coverage import surveys

    record_id = surveys.add(surveys.SurveyInput(township["village1"], dt.date(2026, 11, 3), 60, 40))
    return surveys, surveys.SurveyInput, record_id, {"aware": 45}


def _letter(township) -> tuple:
    from outreach_desk.services.coverage import letters

    record_id = letters.add(letters.LetterInput(township["school"], dt.date(2026, 11, 3), 300, 280, 200))
    return letters, letters.LetterInput, record_id, {"signed": 250}


@pytest.mark.parametrize("make", [_survey, _letter], ids=["survey", "letter"])
def test_a_survey_or_letter_saved_by_another_clerk_since_it_was_opened_is_not_written_over(township, make):
    from dataclasses import fields, replace

    service, input_type, record_id, theirs = make(township)
    opened = service.get(record_id)
    as_input = input_type(**{f.name: getattr(opened, f.name) for f in fields(input_type)})
    assert opened.version == 1
    clerk.set_name("李四")
    assert service.update(record_id, replace(as_input, **theirs), expected_version=opened.version) == 2
    clerk.set_name("张三")
    with pytest.raises(ConflictError) as refused:
        service.update(record_id, replace(as_input, notes="我的备注"), expected_version=opened.version)
    assert (refused.value.theirs.version, refused.value.who) == (2, signed("李四"))
    assert signed("李四") in str(refused.value)
    stored = service.get(record_id)
    assert [getattr(stored, name) for name in theirs] == list(theirs.values()) and stored.notes == ""
    assert service.update(record_id, replace(as_input, notes="我的备注"), expected_version=2) == 3  # knowingly
    service.restore(service.delete(record_id))  # a deleted record comes back with the version it had
    assert service.get(record_id).version == 3
