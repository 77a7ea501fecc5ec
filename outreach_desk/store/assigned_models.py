"""Peewee models of the per-unit assigned targets (任务数; migration 0013 owns their DDL)."""

from __future__ import annotations

import peewee as pw

from outreach_desk.store.models import BaseModel, Site, Village, uuid_field


class AssignedTarget(BaseModel):
    """A target handed down per unit, defined once: its name (APP注册) and the unit it is counted in (人)."""

    uuid = uuid_field()
    name = pw.CharField(max_length=60, unique=True)
    unit = pw.CharField(max_length=20, default="")


class AssignedNumber(BaseModel):
    """The number one village/community or one site is given for a target."""

    uuid = uuid_field()
    target = pw.ForeignKeyField(AssignedTarget, on_delete="CASCADE")
    village = pw.ForeignKeyField(Village, null=True, on_delete="CASCADE")
    site = pw.ForeignKeyField(Site, null=True, on_delete="CASCADE")
    number = pw.IntegerField()


ASSIGNED_MODELS = [AssignedTarget, AssignedNumber]
