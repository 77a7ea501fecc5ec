"""Peewee models of the month-end close (migration 0014 owns their DDL): sendings and period closes."""

from __future__ import annotations

import peewee as pw

from outreach_desk.store.models import BaseModel, Township


class Sending(BaseModel):
    """One report of one township's month sent upward (报送记录), with what was sent as JSON text."""

    township = pw.ForeignKeyField(Township, on_delete="CASCADE")
    month = pw.CharField(max_length=7)  # YYYY-MM
    sequence = pw.IntegerField()
    report_sha256 = pw.CharField(max_length=64)
    package_sha256 = pw.CharField(max_length=64, null=True)
    coverage_json = pw.TextField()
    counts_json = pw.TextField()
    sent_at = pw.DateTimeField()
    recipient = pw.CharField(max_length=200)
    clerk = pw.CharField(max_length=100, default="")


class PeriodClose(BaseModel):
    """A month closed for a township; in force while ``reopened_at`` is empty."""

    township = pw.ForeignKeyField(Township, on_delete="CASCADE")
    month = pw.CharField(max_length=7)
    sending = pw.ForeignKeyField(Sending, null=True, on_delete="SET NULL")
    closed_at = pw.DateTimeField()
    closed_by = pw.CharField(max_length=100, default="")
    reopened_at = pw.DateTimeField(null=True)
    reopened_by = pw.CharField(max_length=100, null=True)
    reopen_reason = pw.TextField(null=True)


SUBMISSION_MODELS = [Sending, PeriodClose]
