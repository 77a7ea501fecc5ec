"""Peewee models of the month-end close (migration 0014 owns their DDL): sendings and period closes."""

from __future__ import annotations

import peewee as pw

from outreach_desk.store.models import BaseModel, Campaign, Township, Village, uuid_field


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


class CampaignDocument(BaseModel):
    """A file attached to a document a campaign's plan asks for (总结, 典型案例, 经验做法), by the deadline's title
    and the month of its due date, as sent marks are kept; the file is in the managed store (``photos``)."""

    uuid = uuid_field()
    campaign = pw.ForeignKeyField(Campaign, on_delete="CASCADE")
    deadline_title = pw.CharField(max_length=200)
    month = pw.CharField(max_length=7)  # YYYY-MM of the due date
    sha256 = pw.CharField(max_length=64)
    ext = pw.CharField(max_length=10)
    original_name = pw.CharField(max_length=255)
    size = pw.BigIntegerField()
    attached_at = pw.DateTimeField()
    attached_by = pw.CharField(max_length=100, default="")


SUBMISSION_MODELS = [Sending, PeriodClose, CampaignDocument]

class ReceivedPackage(BaseModel):
    """One township's upward package taken in by a county office (migration 0022), newest per month in force."""

    township = pw.ForeignKeyField(Township, on_delete="CASCADE")
    month = pw.CharField(max_length=7)
    sequence = pw.IntegerField()
    village = pw.ForeignKeyField(Village, null=True, on_delete="CASCADE")  #: a village's package (migration 0025)
    package_sha256 = pw.CharField(max_length=64)
    data_sha256 = pw.CharField(max_length=64)
    written_at = pw.DateTimeField()
    received_at = pw.DateTimeField()
    file_name = pw.CharField(max_length=255, default="")
    added = pw.IntegerField(default=0)
    changed = pw.IntegerField(default=0)
    removed = pw.IntegerField(default=0)
    coverage_json = pw.TextField(null=True)
    counts_json = pw.TextField()

    class Meta:
        table_name = "received_package"


SUBMISSION_MODELS.append(ReceivedPackage)


class CountyOffice(BaseModel):
    """A county database's own identity (migration 0030): the county, its office and who signs its reports."""

    name = pw.CharField(max_length=100, default="")
    office_name = pw.CharField(max_length=200, default="")
    preparer = pw.CharField(max_length=100, default="")
    reviewer = pw.CharField(max_length=100, default="")

    class Meta:
        table_name = "county_office"


SUBMISSION_MODELS.append(CountyOffice)
