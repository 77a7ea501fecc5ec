"""Survey and parent-letter changes through the undo stack, in the same shape as the ledger's: the first
redo (push) writes, undo and redo keep the record's id, and a refused or impossible step leaves no step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from outreach_desk.services.coverage import letters, surveys
from outreach_desk.services.errors import NotFoundError, ValidationError
from outreach_desk.store.models import AuditLog, Survey
from outreach_desk.ui.records.commands import LETTERS, SURVEYS, CreateRecordCommand, DeleteRecordCommand, \
    UpdateRecordCommand, push_delete
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.undo_command import push


@pytest.fixture
def context(db_path, tmp_path, qapp):
    return AppContext(db_path, "en", settings=QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def survey(township, **changes) -> surveys.SurveyInput:
    values = dict(village_id=township["village1"], date=dt.date(2026, 10, 9), respondents=50, aware=40,
                  notes="村民大会现场问卷")
    values.update(changes)
    return surveys.SurveyInput(**values)


def stored_surveys() -> list[dict]:
    return list(Survey.select().order_by(Survey.id).dicts())


def test_a_survey_is_written_by_the_push_and_keeps_its_id_through_undo_and_redo(context, township):
    stack = context.undo_stack
    command = CreateRecordCommand(context, SURVEYS, survey(township))
    assert stored_surveys() == []  # made, not yet pushed
    assert push(context, command) is None
    [row] = stored_surveys()
    assert row["id"] == command.record_id and "2026-10-09" in stack.undoText()
    stack.undo()
    assert stored_surveys() == []
    stack.redo()
    assert stored_surveys()[0]["id"] == row["id"]

    assert push(context, UpdateRecordCommand(context, SURVEYS, row["id"], survey(township, aware=45))) is None
    assert surveys.get(row["id"]).aware == 45
    stack.undo()
    assert surveys.get(row["id"]).aware == 40
    stack.redo()
    assert surveys.get(row["id"]).aware == 45

    assert push(context, DeleteRecordCommand(context, SURVEYS, row["id"])) is None
    assert stored_surveys() == [] and "2026-10-09" in stack.undoText()
    stack.undo()
    assert [r["id"] for r in stored_surveys()] == [row["id"]]
    assert stack.count() == 3


def test_a_refused_survey_or_letter_leaves_no_step_and_no_entry(context, township, warnings):
    entries = AuditLog.select().count()
    refused = push(context, CreateRecordCommand(context, SURVEYS, survey(township, aware=60)))  # more than asked
    assert isinstance(refused, ValidationError)
    too_many = letters.LetterInput(township["school"], dt.date(2026, 10, 9), 300, 200, 250)  # more signed than issued
    assert isinstance(push(context, CreateRecordCommand(context, LETTERS, too_many)), ValidationError)
    assert context.undo_stack.count() == 0 and stored_surveys() == [] and warnings == []
    assert AuditLog.select().count() == entries


def test_records_gone_outside_the_stack_are_said_and_leave_no_step(context, township, warnings):
    first, second = surveys.add(survey(township)), surveys.add(survey(township, date=dt.date(2026, 10, 10)))
    surveys.delete(first)
    assert isinstance(push(context, UpdateRecordCommand(context, SURVEYS, first, survey(township))), NotFoundError)
    failures = push_delete(context, SURVEYS, [first, second], "删除 2 条")
    assert [type(f) for f in failures] == [NotFoundError]
    assert context.undo_stack.count() == 1 and stored_surveys() == []
    context.undo_stack.undo()
    assert [r["id"] for r in stored_surveys()] == [second]

    context.undo_stack.clear()
    surveys.delete(second)
    assert len(push_delete(context, SURVEYS, [first, second], "删除 2 条")) == 2
    assert context.undo_stack.count() == 0 and not context.undo_stack.canUndo()
    assert warnings == []  # push hands failures to the page, which says them


def test_an_undo_that_can_no_longer_be_done_is_reported_and_dropped(context, township, warnings):
    command = CreateRecordCommand(context, SURVEYS, survey(township))
    assert push(context, command) is None
    surveys.delete(command.record_id)  # gone outside the stack
    context.undo_stack.undo()
    assert len(warnings) == 1 and context.undo_stack.count() == 0


@pytest.mark.parametrize("which", ["survey", "letter"])
def test_an_undo_does_not_take_back_what_another_clerk_saved_in_between(context, township, warnings, which):
    if which == "survey":
        kind, service, data = SURVEYS, surveys, survey(township)
        mine, theirs = survey(township, aware=45), survey(township, aware=20)
    else:
        kind, service = LETTERS, letters
        data, mine, theirs = (letters.LetterInput(township["school"], dt.date(2026, 10, 9), 300, 300, signed)
                              for signed in (200, 250, 120))
    record_id = service.add(data)
    assert push(context, UpdateRecordCommand(context, kind, record_id, mine, service.get(record_id).version)) is None
    service.update(record_id, theirs, expected_version=service.get(record_id).version)  # another clerk, after me
    context.undo_stack.undo()
    assert kind.as_input(service.get(record_id)) == theirs and service.get(record_id).version == 3
    assert len(warnings) == 1 and context.undo_stack.count() == 0
