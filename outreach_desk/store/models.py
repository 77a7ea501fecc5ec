"""Peewee models over the schema that db/migrations creates (the migrations, not the models, own DDL)."""

from __future__ import annotations

import datetime as dt
import uuid

import peewee as pw

from outreach_desk.store.connection import DB


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(pw.Model):
    class Meta:
        database = DB
        legacy_table_names = False


class Township(BaseModel):
    name = pw.CharField(max_length=100, unique=True)
    office_name = pw.CharField(max_length=200, default="")


class Village(BaseModel):
    township = pw.ForeignKeyField(Township, backref="villages")
    name = pw.CharField(max_length=100)
    kind = pw.CharField(max_length=20, default="village")
    households = pw.IntegerField(default=0)
    residents = pw.IntegerField(default=0)


class Site(BaseModel):
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


class Activity(BaseModel):
    uuid = pw.CharField(max_length=36, unique=True, default=lambda: str(uuid.uuid4()))
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


class Photo(BaseModel):
    activity = pw.ForeignKeyField(Activity, backref="photos", on_delete="CASCADE")
    sha256 = pw.CharField(max_length=64)
    ext = pw.CharField(max_length=10, default="")
    original_name = pw.CharField(max_length=255, default="")
    added_at = pw.DateTimeField(default=_now)


ALL_MODELS = [Township, Village, Site, MemberUnit, ActivityKind, Activity, Photo]
