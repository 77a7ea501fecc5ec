"""Peewee models over the schema that db/migrations creates (the migrations, not the models, own DDL)."""

from __future__ import annotations

import datetime as dt
import uuid

import peewee as pw

from outreach_desk.store.connection import DB


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def new_uuid() -> str:
    return str(uuid.uuid4())


def uuid_field() -> pw.CharField:
    """The stable identity a record keeps across offices (migration 0016); rows written by raw SQL get one later."""
    return pw.CharField(max_length=36, unique=True, null=True, default=new_uuid)


class BaseModel(pw.Model):
    class Meta:
        database = DB
        legacy_table_names = False


class Township(BaseModel):
    uuid = uuid_field()
    name = pw.CharField(max_length=100, unique=True)
    office_name = pw.CharField(max_length=200, default="")
    preparer = pw.CharField(max_length=100, default="")
    reviewer = pw.CharField(max_length=100, default="")


class Village(BaseModel):
    uuid = uuid_field()
    township = pw.ForeignKeyField(Township, backref="villages")
    name = pw.CharField(max_length=100)
    kind = pw.CharField(max_length=20, default="village")
    households = pw.IntegerField(default=0)
    residents = pw.IntegerField(default=0)


class Site(BaseModel):
    uuid = uuid_field()
    village = pw.ForeignKeyField(Village, backref="sites")
    name = pw.CharField(max_length=100)
    kind = pw.CharField(max_length=30, default="other")
    entrances = pw.IntegerField(default=0)
    elevators = pw.IntegerField(default=0)
    households = pw.IntegerField(default=0)
    residents = pw.IntegerField(default=0)
    students = pw.IntegerField(default=0)
    classes = pw.IntegerField(default=0)


class MemberUnit(BaseModel):
    uuid = uuid_field()
    township = pw.ForeignKeyField(Township, backref="member_units")
    name = pw.CharField(max_length=100)
    duties = pw.TextField(default="")


class ActivityKind(BaseModel):
    code = pw.CharField(max_length=40, unique=True)
    name_zh = pw.CharField(max_length=100)
    name_en = pw.CharField(max_length=100)
    unit_zh = pw.CharField(max_length=20, default="")
    unit_en = pw.CharField(max_length=20, default="")
    builtin = pw.BooleanField(default=False)
    active = pw.BooleanField(default=True)
    sort_order = pw.IntegerField(default=0)
    requires_photo = pw.BooleanField(default=False)  # each record needs a photo (evidence rule)


class Activity(BaseModel):
    uuid = pw.CharField(max_length=36, unique=True, default=new_uuid)
    date = pw.DateField()
    village = pw.ForeignKeyField(Village, backref="activities")
    site = pw.ForeignKeyField(Site, null=True, backref="activities")
    member_unit = pw.ForeignKeyField(MemberUnit, null=True, backref="activities")
    kind = pw.ForeignKeyField(ActivityKind, backref="activities")
    quantity = pw.IntegerField(default=1)
    people = pw.IntegerField(default=0)
    audiences = pw.IntegerField(default=0)
    topics = pw.IntegerField(default=0)
    place_note = pw.CharField(max_length=200, default="")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)
    updated_at = pw.DateTimeField(default=_now)
    version = pw.IntegerField(default=1)  # counts the saves: an edit of an older version is refused (migration 0021)


class Photo(BaseModel):
    activity = pw.ForeignKeyField(Activity, backref="photos", on_delete="CASCADE")
    sha256 = pw.CharField(max_length=64)
    ext = pw.CharField(max_length=10, default="")
    original_name = pw.CharField(max_length=255, default="")
    added_at = pw.DateTimeField(default=_now)


ALL_MODELS = [Township, Village, Site, MemberUnit, ActivityKind, Activity, Photo]


# --- campaigns, target rules, surveys and parent letters (migration 0003) ---

class Campaign(BaseModel):
    uuid = uuid_field()
    township = pw.ForeignKeyField(Township, null=True, on_delete="SET NULL")  #: None: shared (migration 0021)
    name = pw.CharField(max_length=200)
    scoped_name = pw.CharField(max_length=220, unique=True)  #: "township id/name", unique within the township
    theme = pw.CharField(max_length=200, default="")
    start_date = pw.DateField()
    end_date = pw.DateField()
    is_current = pw.BooleanField(default=False)
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)
    rule_set = pw.CharField(max_length=20, default="township")


class CampaignPhase(BaseModel):
    uuid = uuid_field()
    campaign = pw.ForeignKeyField(Campaign, backref="phases", on_delete="CASCADE")
    name = pw.CharField(max_length=100)
    start_date = pw.DateField()
    end_date = pw.DateField()
    sort_order = pw.IntegerField(default=0)


class CampaignDeadline(BaseModel):
    uuid = uuid_field()
    campaign = pw.ForeignKeyField(Campaign, backref="deadlines", on_delete="CASCADE")
    title = pw.CharField(max_length=200)
    due_date = pw.DateField()
    repeats = pw.CharField(max_length=10, default="")  # "" (once) or "monthly"


class DeadlineSent(BaseModel):
    """One occurrence of a deadline marked sent, keyed by the month reported on (YYYY-MM)."""

    deadline = pw.ForeignKeyField(CampaignDeadline, backref="sent", on_delete="CASCADE")
    month = pw.CharField(max_length=7)
    sent_on = pw.DateField()

    class Meta:
        table_name = "deadline_sent"


class TargetRule(BaseModel):
    uuid = uuid_field()
    campaign = pw.ForeignKeyField(Campaign, backref="rules", on_delete="CASCADE")
    rule_key = pw.CharField(max_length=60)
    name_zh = pw.CharField(max_length=200)
    name_en = pw.CharField(max_length=200, default="")
    applies_to = pw.CharField(max_length=20)
    site_kinds = pw.CharField(max_length=300, default="")
    measure = pw.CharField(max_length=20)
    quota = pw.CharField(max_length=200, default="1")
    period = pw.CharField(max_length=10, default="campaign")
    enabled = pw.BooleanField(default=True)
    sort_order = pw.IntegerField(default=0)


class TargetRuleKind(BaseModel):
    rule = pw.ForeignKeyField(TargetRule, backref="kind_links", on_delete="CASCADE")
    kind = pw.ForeignKeyField(ActivityKind)

    class Meta:
        primary_key = pw.CompositeKey("rule", "kind")


class Survey(BaseModel):
    uuid = uuid_field()
    village = pw.ForeignKeyField(Village, backref="surveys", on_delete="CASCADE")
    date = pw.DateField()
    respondents = pw.IntegerField(default=0)
    aware = pw.IntegerField(default=0)
    method = pw.CharField(max_length=30, default="questionnaire")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)
    version = pw.IntegerField(default=1)  # counts the saves, as an activity's does (migration 0026)


class ParentLetter(BaseModel):
    uuid = uuid_field()
    site = pw.ForeignKeyField(Site, backref="parent_letters", on_delete="CASCADE")
    class_name = pw.CharField(max_length=50, default="")
    date = pw.DateField()
    students = pw.IntegerField(default=0)
    issued = pw.IntegerField(default=0)
    signed = pw.IntegerField(default=0)
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)
    version = pw.IntegerField(default=1)  # counts the saves, as an activity's does (migration 0026)


ALL_MODELS += [Campaign, CampaignPhase, CampaignDeadline, DeadlineSent,
               TargetRule, TargetRuleKind, Survey, ParentLetter]


# --- rows brought in by workbook imports (migration 0004) ---

class ImportedRow(BaseModel):
    """One imported workbook row; its stable key makes a second import of the same file a no-op."""

    row_key = pw.CharField(max_length=36, primary_key=True)
    record_type = pw.CharField(max_length=20)
    content_hash = pw.CharField(max_length=32)
    source_name = pw.CharField(max_length=255, default="")
    imported_at = pw.DateTimeField(default=_now)


class ImportFile(BaseModel):
    """One imported file, by the SHA-256 of its bytes (unique): who imported it and when (migration 0021)."""

    sha256 = pw.CharField(max_length=64, unique=True)
    source_name = pw.CharField(max_length=255, default="")
    actor = pw.CharField(max_length=100, default="")
    os_user = pw.CharField(max_length=100, default="")
    imported_at = pw.DateTimeField(default=_now)


ALL_MODELS += [ImportedRow, ImportFile]


# --- the audit trail (migration 0006) ---

class AuditLog(BaseModel):
    """One change to a record: when (UTC), who, what, and the stored values before and after (JSON)."""

    at = pw.DateTimeField()
    actor = pw.CharField(max_length=100, default="")
    os_user = pw.CharField(max_length=100, default="")
    action = pw.CharField(max_length=20)
    record_type = pw.CharField(max_length=30)
    record_id = pw.IntegerField(null=True)
    record_uuid = pw.CharField(max_length=36, null=True)
    summary = pw.CharField(max_length=500, default="")
    before = pw.TextField(null=True)
    after = pw.TextField(null=True)


ALL_MODELS += [AuditLog]


# --- what was deleted, so that a package carries deletions upward (migration 0016) ---

class Tombstone(BaseModel):
    """A deleted record: its kind (table), uuid, the township it belonged to, its date where it had one."""

    kind = pw.CharField(max_length=30)
    uuid = pw.CharField(max_length=36)
    township = pw.IntegerField(null=True, column_name="township_id")
    record_date = pw.DateField(null=True)
    deleted_at = pw.DateTimeField(default=_now)


ALL_MODELS += [Tombstone]
