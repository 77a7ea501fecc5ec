"""Peewee models of the supervision tables (migrations 0010, 0011 and 0015 own their DDL)."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from outreach_desk.store.models import BaseModel, MemberUnit, Site, Township, Village, uuid_field


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class FraudCaseMonth(BaseModel):
    """One village's (or, without a village, the township's unattributed) fraud-case figures for one month."""

    uuid = uuid_field()
    township = pw.ForeignKeyField(Township, on_delete="CASCADE")
    village = pw.ForeignKeyField(Village, null=True, on_delete="CASCADE")
    year = pw.IntegerField()
    month = pw.IntegerField()
    cases = pw.IntegerField(default=0)
    losses_fen = pw.BigIntegerField(default=0)
    dissuaded = pw.IntegerField(default=0)
    frozen = pw.IntegerField(default=0)
    updated_at = pw.DateTimeField(default=_now)


SUPERVISION_MODELS = [FraudCaseMonth]


# --- inspections, rectification orders, commendations and criticisms (migration 0011) ---

class Inspection(BaseModel):
    uuid = uuid_field()
    township = pw.ForeignKeyField(Township, on_delete="CASCADE")
    date = pw.DateField()
    inspectors = pw.CharField(max_length=200, default="")
    village = pw.ForeignKeyField(Village, null=True, on_delete="SET NULL")
    site = pw.ForeignKeyField(Site, null=True, on_delete="SET NULL")
    member_unit = pw.ForeignKeyField(MemberUnit, null=True, on_delete="SET NULL")
    findings = pw.TextField(default="")
    rule_keys = pw.CharField(max_length=600, default="")
    outcome = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)


class RectificationOrder(BaseModel):
    uuid = uuid_field()
    township = pw.ForeignKeyField(Township, on_delete="CASCADE")
    inspection = pw.ForeignKeyField(Inspection, null=True, on_delete="SET NULL")
    village = pw.ForeignKeyField(Village, null=True, on_delete="SET NULL")
    site = pw.ForeignKeyField(Site, null=True, on_delete="SET NULL")
    member_unit = pw.ForeignKeyField(MemberUnit, null=True, on_delete="SET NULL")
    rule_key = pw.CharField(max_length=60, default="")
    task = pw.TextField()
    issued = pw.DateField()
    deadline = pw.DateField()
    status = pw.CharField(max_length=20, default="open")
    recheck_date = pw.DateField(null=True)
    recheck_result = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)
    updated_at = pw.DateTimeField(default=_now)

    class Meta:
        table_name = "rectification_order"


class SupervisionDecision(BaseModel):
    uuid = uuid_field()
    township = pw.ForeignKeyField(Township, on_delete="CASCADE")
    kind = pw.CharField(max_length=10)
    village = pw.ForeignKeyField(Village, null=True, on_delete="SET NULL")
    member_unit = pw.ForeignKeyField(MemberUnit, null=True, on_delete="SET NULL")
    decided = pw.DateField()
    period_label = pw.CharField(max_length=100, default="")
    period_start = pw.DateField(null=True)
    period_end = pw.DateField(null=True)
    reason = pw.TextField(default="")
    figures = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)


SUPERVISION_MODELS += [Inspection, RectificationOrder, SupervisionDecision]


# --- photos of inspections and of re-inspections (migration 0015) ---

class SupervisionPhoto(BaseModel):
    inspection = pw.ForeignKeyField(Inspection, null=True, on_delete="CASCADE")
    order = pw.ForeignKeyField(RectificationOrder, null=True, on_delete="CASCADE", column_name="order_id")
    sha256 = pw.CharField(max_length=64)
    ext = pw.CharField(max_length=10, default="")
    original_name = pw.CharField(max_length=255, default="")
    added_at = pw.DateTimeField(default=_now)


SUPERVISION_MODELS += [SupervisionPhoto]
