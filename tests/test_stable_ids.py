"""Stable identity: every record kind and organisation level carries a uuid (filled for old rows by the
migration), and every delete leaves a tombstone (kind, uuid, township, date) in the same transaction."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from outreach_desk.services import ledger, tombstones
from outreach_desk.services import organisation as org
from outreach_desk.services.coverage import surveys
from outreach_desk.services.supervision import inspections
from outreach_desk.store.models import Survey, Tombstone, Township, Village

TABLES = ("township", "village", "site", "member_unit", "activity", "survey", "parent_letter", "campaign",
          "campaign_phase", "campaign_deadline", "target_rule", "fraud_case_month", "inspection",
          "rectification_order", "supervision_decision", "assigned_target", "assigned_number")


def graves() -> list[tuple]:
    return [(t.kind, t.uuid, t.township, t.record_date) for t in Tombstone.select().order_by(Tombstone.id)]


def test_every_record_kind_has_a_unique_uuid_column(store):
    for table in TABLES:
        columns = {c.name for c in store.get_columns(table)}
        assert "uuid" in columns, table
        assert any(i.unique and i.columns == ["uuid"] for i in store.get_indexes(table)), table


def test_records_made_by_the_services_get_distinct_uuids(township):
    uuids = [Township.get_by_id(township["township"]).uuid] + [v.uuid for v in Village.select()]
    assert all(len(u) == 36 for u in uuids) and len(set(uuids)) == len(uuids)


def test_deleting_an_activity_leaves_its_tombstone_and_undo_takes_it_back(township):
    day = dt.date(2026, 11, 3)
    activity = ledger.create(ledger.ActivityInput(day, township["village1"], township["kinds"]["banner"]))
    record = ledger.delete(activity)
    assert graves() == [("activity", record.uuid, township["township"], day)]
    ledger.restore(record)
    assert graves() == []


def test_a_cascading_village_delete_buries_everything_that_goes_with_it(township):
    day = dt.date(2026, 11, 4)
    activity = ledger.create(ledger.ActivityInput(day, township["village1"], township["kinds"]["banner"]))
    surveys.add(surveys.SurveyInput(township["village1"], day, 10, 8))
    kept = ledger.get(activity).uuid
    org.delete_village(township["village1"], cascade=True)
    kinds = sorted(kind for kind, *_ in graves())
    assert kinds == ["activity", "site", "site", "survey", "village"]
    assert {t for _, _, t, _ in graves()} == {township["township"]}
    assert kept in {u for _, u, _, _ in graves()}


def test_survey_and_inspection_deletes_are_buried_with_their_dates(township):
    day = dt.date(2026, 10, 9)
    survey = surveys.add(surveys.SurveyInput(township["village2"], day, 20, 15))
    survey_uuid = Survey.get_by_id(survey).uuid
    surveys.delete(survey)
    inspection = inspections.add_inspection(inspections.InspectionInput(township["township"], day, "张三", "横幅缺失",
                                                                       village_id=township["village2"]))
    inspections.delete_inspection(inspection)
    assert [(k, t, d) for k, _, t, d in graves()] == [("survey", township["township"], day),
                                                    ("inspection", township["township"], day)]
    assert graves()[0][1] == survey_uuid


def test_a_tombstone_is_written_only_inside_the_delete_transaction(township):
    with pytest.raises(RuntimeError):
        tombstones.bury(Village, Village.id == township["village1"])


def test_a_failed_delete_leaves_no_tombstone(township, monkeypatch):
    day = dt.date(2026, 11, 5)
    activity = ledger.create(ledger.ActivityInput(day, township["village1"], township["kinds"]["banner"]))

    def broken(*args, **kwargs):
        raise peewee.OperationalError("disk I/O error")

    monkeypatch.setattr(ledger, "_audit", broken)
    with pytest.raises(peewee.OperationalError):
        ledger.delete(activity)
    assert graves() == [] and ledger.get(activity).id == activity
