"""Peewee models of the supervision tables (fraud-case figures; migration 0010 owns their DDL)."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from outreach_desk.store.models import BaseModel, Township, Village


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class FraudCaseMonth(BaseModel):
    """One village's (or, without a village, the township's unattributed) fraud-case figures for one month."""

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
