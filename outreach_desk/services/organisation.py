"""The organisation's changes: adding, changing and deleting townships, villages/communities, sites, member
units and activity kinds, each audited, with tombstones for what is deleted.

What the screens read (the records' dataclasses, the tree, the kinds, one record) lives in
:mod:`organisation_info` and is named here too, so callers that change and read go through one module.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import peewee as pw
from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import audit, ledger, tombstones, vocab
from outreach_desk.services.coverage import letters, surveys
from outreach_desk.services.errors import (Dependents, FieldError, InUseError, NotFoundError, ServiceError,
                                          ValidationError)
from outreach_desk.services.organisation_info import (  # noqa: F401 - the reads, named here for callers
    MEMBER_UNIT_GONE, SITE_GONE, TOWNSHIP_GONE, VILLAGE_GONE, KindInfo, MemberUnitInfo, OfficeIdentity, OrgTree,
    SiteInfo, SiteTotals, TownshipInfo, VillageInfo, find_township_id, get_site, get_township, get_village,
    list_kinds, list_member_units, load_tree, site_totals_by_village, township_of_selection, village_ids_named,
    village_of_selection)
from outreach_desk.services.submission.closed_months import require_open_where
from outreach_desk.store import DB
from outreach_desk.store.models import (Activity, ActivityKind, MemberUnit, ParentLetter, Photo, Site, Survey, Township,
                                         Village)


def _tr(text: str) -> str:
    return translate("Organisation", text)


def _clean_name(name: str, field_name: str = "name") -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError([FieldError(field_name, _tr("The name must not be empty."))])
    if len(name) > 100:
        raise ValidationError([FieldError(field_name, _tr("The name is longer than 100 characters."))])
    return name


def _check_counts(values: dict) -> None:
    errors = []
    for key, value in values.items():
        if key in vocab.SITE_ATTRIBUTES and (not isinstance(value, int) or value < 0):
            errors.append(FieldError(key, _tr("{attribute} must be a whole number of 0 or more.").format(
                attribute=vocab.attribute_label(key))))
    if errors:
        raise ValidationError(errors)


def _unique(query, message: str) -> None:
    if query.exists():
        raise ValidationError([FieldError("name", message)])


# ---------------------------------------------------------------------------- audit trail
def _site_snapshots(condition) -> dict[int, dict]:
    query = (Site.select(Site, Village.name.alias("village_name")).join(Village, on=(Site.village == Village.id))
             .where(condition).dicts())
    return {row["id"]: row for row in query}


def _stored(record_type: str, record_id: int) -> dict | None:
    """The stored values of one organisation record, as the audit trail keeps them."""
    if record_type == "site":
        return _site_snapshots(Site.id == record_id).get(record_id)
    model = {"township": Township, "village": Village, "member_unit": MemberUnit, "kind": ActivityKind}[record_type]
    return audit.row_values(model, record_id)


_LABELS = {
    "township": QT_TRANSLATE_NOOP("Organisation", "the township {name}"),
    "village": QT_TRANSLATE_NOOP("Organisation", "the village or community {name}"),
    "site": QT_TRANSLATE_NOOP("Organisation", "the site {name}"),
    "member_unit": QT_TRANSLATE_NOOP("Organisation", "the member unit {name}"),
    "kind": QT_TRANSLATE_NOOP("Organisation", "the activity kind {name}"),
}
_ACTIONS = {  # keyed by audit.CREATE, audit.UPDATE, audit.DELETE
    "create": QT_TRANSLATE_NOOP("Organisation", "Added {what}"),
    "update": QT_TRANSLATE_NOOP("Organisation", "Changed {what}"),
    "delete": QT_TRANSLATE_NOOP("Organisation", "Deleted {what}"),
}


def _what(record_type: str, values: dict) -> str:
    name = values.get("name_zh") if record_type == "kind" else values["name"]
    if record_type == "site":
        name = f"{values['village_name']} {name}"
    return _tr(_LABELS[record_type]).format(name=name)


def _audit(action: str, record_type: str, record_id: int, before: dict | None, after: dict | None,
           summary: str = "") -> None:
    """One entry for a change of one organisation record; an update that changed nothing writes none."""
    if action == audit.UPDATE and before == after:
        return
    summary = summary or _tr(_ACTIONS[action]).format(what=_what(record_type, before or after))
    audit.record(action, record_type, record_id, before, after, summary=summary)


def _created(record_type: str, record_id: int) -> int:
    _audit(audit.CREATE, record_type, record_id, None, _stored(record_type, record_id))
    return record_id


def _cascade_entries(reason: str, activities=None, surveys_of=None, letters_of=None, sites_of=None,
                     villages_of=None, units_of=None) -> list[audit.Entry]:
    """One delete entry per record that goes with a deleted organisation node, with its stored values.

    A clerk looking for a vanished record finds it in its own history, and the node's entry names
    how many went with it. Read before anything is deleted (the caller deletes, then writes them).
    """
    entries: list[audit.Entry] = []
    if activities is not None:
        entries += [audit.Entry(audit.DELETE, "activity", i, values, None, values["uuid"], reason)
                    for i, values in ledger.snapshots(activities).items()]
    groups = ((surveys_of, surveys.snapshots, "survey"), (letters_of, letters.snapshots, "letter"),
              (sites_of, _site_snapshots, "site"),
              (villages_of, lambda c: {r["id"]: r for r in Village.select().where(c).dicts()}, "village"),
              (units_of, lambda c: {r["id"]: r for r in MemberUnit.select().where(c).dicts()}, "member_unit"))
    for condition, read, record_type in groups:
        if condition is not None:
            entries += [audit.Entry(audit.DELETE, record_type, i, values, None, None, reason)
                        for i, values in read(condition).items()]
    return entries


def _deleted_summary(record_type: str, values: dict, deps: Dependents) -> str:
    what = _what(record_type, values)
    if not deps.total:
        return _tr(_ACTIONS[audit.DELETE]).format(what=what)
    return _tr("Deleted {what} with {villages} village(s) or communities, {sites} site(s), {activities} activity "
               "record(s), {photos} photo(s), {surveys} survey(s), {letters} parent letter record(s) and {units} "
               "member unit(s)").format(
        what=what, villages=deps.villages, sites=deps.sites, activities=deps.activities, photos=deps.photos,
        surveys=deps.extra.get("surveys", 0), letters=deps.extra.get("parent_letters", 0),
        units=deps.extra.get("member_units", 0))


# ---------------------------------------------------------------------------- writes
@dataclass(frozen=True)
class _Level:
    """What writing one level of the organisation takes: its table, the parent its names are unique under, the
    kinds and free texts it holds, and the words of its refusals (English sources, translated on use)."""

    record_type: str
    model: type[pw.Model]
    parent: str | None  #: the field naming the parent record, None for a township
    duplicate: str
    gone: str
    kinds: tuple = ()  #: the kinds a record may have (vocab terms), () when it has none
    unknown_kind: str = ""
    texts: tuple[str, ...] = ()  #: free-text fields, stored without surrounding blanks


_TOWNSHIP = _Level(
    "township", Township, None,
    duplicate=QT_TRANSLATE_NOOP("Organisation", "A township named {name} exists already."),
    gone=TOWNSHIP_GONE,
    texts=("office_name", "preparer", "reviewer"))
_VILLAGE = _Level(
    "village", Village, "township",
    duplicate=QT_TRANSLATE_NOOP("Organisation", "A village or community named {name} exists already in this township."),
    gone=VILLAGE_GONE,
    kinds=vocab.VILLAGE_KINDS, unknown_kind=QT_TRANSLATE_NOOP("Organisation", "Unknown village kind."))
_SITE = _Level(
    "site", Site, "village",
    duplicate=QT_TRANSLATE_NOOP("Organisation", "A site named {name} exists already in this village."),
    gone=SITE_GONE,
    kinds=vocab.SITE_KINDS, unknown_kind=QT_TRANSLATE_NOOP("Organisation", "Unknown site kind."))
_MEMBER_UNIT = _Level(
    "member_unit", MemberUnit, "township",
    duplicate=QT_TRANSLATE_NOOP("Organisation", "A member unit named {name} exists already."),
    gone=MEMBER_UNIT_GONE,
    texts=("duties",))


_TEXT_LIMITS = {"office_name": 200, "preparer": 100, "reviewer": 100}


def _validated(level: _Level, values: dict) -> dict:
    """The values as stored: name and free texts trimmed, the kind and the counts checked."""
    values = dict(values)
    if "name" in values:
        values["name"] = _clean_name(values["name"])
    for key in level.texts:
        if key in values:
            values[key] = (values[key] or "").strip()
            limit = _TEXT_LIMITS.get(key)
            if limit and len(values[key]) > limit:
                raise ValidationError([FieldError(key, _tr("At most {count} characters, please.").format(
                    count=limit))])
    if "kind" in values and values["kind"] not in {k.code for k in level.kinds}:
        raise ValidationError([FieldError("kind", _tr(level.unknown_kind))])
    _check_counts(values)
    return values


def _refuse_duplicate(level: _Level, parent_id: int | None, name: str, record_id: int | None = None) -> None:
    model = level.model
    query = model.select().where(model.name == name)
    if level.parent is not None:
        query = query.where(getattr(model, level.parent) == parent_id)
    if record_id is not None:
        query = query.where(model.id != record_id)
    _unique(query, _tr(level.duplicate).format(name=name))


def _add(level: _Level, parent_id: int | None, values: dict) -> int:
    """Insert a record under ``parent_id`` with its audit entry, in one transaction."""
    values = _validated(level, values)
    if level.parent is not None:
        values[level.parent] = parent_id
    with DB.atomic():
        _refuse_duplicate(level, parent_id, values["name"])
        return _created(level.record_type, level.model.insert(**values).execute())


def _update(level: _Level, record_id: int, values: dict) -> None:
    """Change the given fields of a record with its audit entry, in one transaction (none when nothing changed)."""
    values = _validated(level, values)
    with DB.atomic():
        before = _stored(level.record_type, record_id)
        if before is None:
            raise NotFoundError(_tr(level.gone))
        if "name" in values:
            _refuse_duplicate(level, before[level.parent] if level.parent else None, values["name"], record_id)
        if values:
            level.model.update(values).where(level.model.id == record_id).execute()
        _audit(audit.UPDATE, level.record_type, record_id, before, _stored(level.record_type, record_id))


def add_township(name: str, office_name: str = "", preparer: str = "", reviewer: str = "") -> int:
    return _add(_TOWNSHIP, None, {"name": name, "office_name": office_name, "preparer": preparer,
                                  "reviewer": reviewer})


def update_township(township_id: int, *, name: str | None = None, office_name: str | None = None,
                    preparer: str | None = None, reviewer: str | None = None) -> None:
    """Change the name, the office name and/or the report's names (None: leave it as it is)."""
    changes = {"name": name, "office_name": office_name, "preparer": preparer, "reviewer": reviewer}
    _update(_TOWNSHIP, township_id, {key: value for key, value in changes.items() if value is not None})


def office_identity(township_id: int | None = None) -> OfficeIdentity:
    """The office name, preparer and reviewer of ``township_id`` (or of the only township) for its reports.

    The unit falls back to the township's name. With several townships (or none) and none chosen the report is
    the county's: its office (or name) and signers as the county database keeps them (``county.office``),
    "All townships" while the county is unnamed.
    """
    query = Township.select().order_by(Township.id)
    if township_id is not None:
        query = query.where(Township.id == township_id)
    townships = list(query.limit(2))
    if len(townships) != 1:
        from outreach_desk.services.county import office

        county = office.get()
        return OfficeIdentity(county.unit or (_tr("All townships") if townships else ""), county.preparer,
                              county.reviewer)
    township = townships[0]
    return OfficeIdentity(township.office_name or township.name, township.preparer, township.reviewer)


def keep_office_identity(identity: OfficeIdentity, township_id: int | None = None) -> bool:
    """Store the names typed for a report with ``township_id`` (or the only township), so the next report
    of this database is signed the same; for the county's report (several townships, none chosen) with the
    county. False when nothing was stored."""
    query = Township.select(Township.id).order_by(Township.id)
    if township_id is not None:
        query = query.where(Township.id == township_id)
    ids = [row[0] for row in query.limit(2).tuples()]
    if len(ids) != 1:
        if township_id is not None or not ids:
            return False
        from outreach_desk.services.county import office

        before = office.get()
        shown = before.unit or _tr("All townships")  # what office_identity offered: a unit left so is not stored
        stored = office.update(office_name=None if identity.unit == shown else identity.unit,
                               preparer=identity.preparer, reviewer=identity.reviewer)
        return stored != before
    update_township(ids[0], office_name=identity.unit, preparer=identity.preparer, reviewer=identity.reviewer)
    return True


def add_village(township_id: int, name: str, kind: str = "village", households: int = 0, residents: int = 0) -> int:
    return _add(_VILLAGE, township_id, {"name": name, "kind": kind, "households": households, "residents": residents})


def update_village(village_id: int, **values) -> None:
    _update(_VILLAGE, village_id, values)


def add_site(village_id: int, name: str, kind: str = "other", **counts) -> int:
    return _add(_SITE, village_id, {"name": name, "kind": kind, **counts})


def update_site(site_id: int, **values) -> None:
    _update(_SITE, site_id, values)


def site_dependents(site_id: int) -> Dependents:
    """Records that go with a site; parent letter records are counted in ``extra["parent_letters"]``."""
    activities = Activity.select(Activity.id).where(Activity.site == site_id)
    return Dependents(
        activities=activities.count(),
        photos=Photo.select().where(Photo.activity.in_(activities)).count(),
        extra={"surveys": 0, "parent_letters": ParentLetter.select().where(ParentLetter.site == site_id).count()},
    )


def village_dependents(village_id: int) -> Dependents:
    """Sites and records that go with a village; surveys and parent letters are counted in ``extra``."""
    activities = Activity.select(Activity.id).where(Activity.village == village_id)
    sites = Site.select(Site.id).where(Site.village == village_id)
    return Dependents(
        sites=sites.count(),
        activities=activities.count(),
        photos=Photo.select().where(Photo.activity.in_(activities)).count(),
        extra={"surveys": Survey.select().where(Survey.village == village_id).count(),
               "parent_letters": ParentLetter.select().where(ParentLetter.site.in_(sites)).count()},
    )


def _refusal(what: str, deps: Dependents) -> InUseError:
    return InUseError(
        _tr("{what} cannot be deleted: {sites} site(s), {activities} activity record(s), {photos} photo(s), "
            "{surveys} survey(s) and {letters} parent letter record(s) depend on it.").format(
            what=what, sites=deps.sites, activities=deps.activities, photos=deps.photos,
            surveys=deps.extra["surveys"], letters=deps.extra["parent_letters"]),
        deps,
    )


#: what may go with a deleted node (the keywords of _cascade_entries), children before their parents
_GOES_WITH = (("letters_of", ParentLetter), ("surveys_of", Survey), ("sites_of", Site), ("villages_of", Village),
              ("units_of", MemberUnit))


def _require_open_months(activities, goes_with: dict) -> None:
    """A cascade that would delete records dated in a closed month is refused as a whole."""
    require_open_where(Activity, Activity.village, activities)
    if "surveys_of" in goes_with:
        require_open_where(Survey, Survey.village, goes_with["surveys_of"])
    if "letters_of" in goes_with:
        require_open_where(ParentLetter, ParentLetter.site, goes_with["letters_of"])


def _delete_node(level: _Level, record_id: int, cascade: bool, dependents, refusal, activities,
                 **goes_with) -> Dependents:
    """Delete a node with its activities (``activities``: their condition) and the ``goes_with`` records below it.

    Refused (by ``refusal(name, deps)``) while anything depends on it unless ``cascade``; every record
    that goes keeps its own audit entry, written in the same transaction as the node's.
    """
    with DB.atomic():
        before = _stored(level.record_type, record_id)
        if before is None:
            raise NotFoundError(_tr(level.gone))
        deps = dependents(record_id)
        if deps.total and not cascade:
            raise refusal(before["name"], deps)
        if deps.total:
            _require_open_months(activities, goes_with)
        reason = _tr("Deleted together with {what}").format(what=_what(level.record_type, before))
        entries = _cascade_entries(reason, activities=activities, **goes_with)
        _delete_activities(Activity.select(Activity.id).where(activities))
        for key, model in _GOES_WITH:
            if key in goes_with:
                tombstones.bury(model, goes_with[key])
                model.delete().where(goes_with[key]).execute()
        tombstones.bury(level.model, level.model.id == record_id)
        level.model.delete().where(level.model.id == record_id).execute()
        audit.record_many(entries + [audit.Entry(audit.DELETE, level.record_type, record_id, before, None, None,
                                                 _deleted_summary(level.record_type, before, deps))])
        return deps


def delete_site(site_id: int, cascade: bool = False) -> Dependents:
    """Delete a site; refused while records depend on it unless ``cascade`` (then they go too)."""
    return _delete_node(_SITE, site_id, cascade, site_dependents, _refusal, Activity.site == site_id,
                        letters_of=ParentLetter.site == site_id)


def delete_village(village_id: int, cascade: bool = False) -> Dependents:
    sites = Site.select(Site.id).where(Site.village == village_id)
    return _delete_node(_VILLAGE, village_id, cascade, village_dependents, _refusal, Activity.village == village_id,
                        letters_of=ParentLetter.site.in_(sites), surveys_of=Survey.village == village_id,
                        sites_of=Site.village == village_id)


def _township_activity_condition(township_id: int):
    villages = Village.select(Village.id).where(Village.township == township_id)
    units = MemberUnit.select(MemberUnit.id).where(MemberUnit.township == township_id)
    return Activity.village.in_(villages) | Activity.member_unit.in_(units)


def _township_activities(township_id: int):
    return Activity.select(Activity.id).where(_township_activity_condition(township_id))


def township_dependents(township_id: int) -> Dependents:
    """Everything a township holds; member units, surveys and parent letters are counted in ``extra``."""
    villages = Village.select(Village.id).where(Village.township == township_id)
    sites = Site.select(Site.id).where(Site.village.in_(villages))
    activities = _township_activities(township_id)
    return Dependents(
        villages=villages.count(),
        sites=sites.count(),
        activities=activities.count(),
        photos=Photo.select().where(Photo.activity.in_(activities)).count(),
        extra={"member_units": MemberUnit.select().where(MemberUnit.township == township_id).count(),
               "surveys": Survey.select().where(Survey.village.in_(villages)).count(),
               "parent_letters": ParentLetter.select().where(ParentLetter.site.in_(sites)).count()},
    )


def _township_refusal(what: str, deps: Dependents) -> InUseError:
    return InUseError(
        _tr("{what} cannot be deleted: {villages} village(s) or communities, {sites} site(s), {activities} "
            "activity record(s), {photos} photo(s), {surveys} survey(s), {letters} parent letter record(s) "
            "and {units} member unit(s) belong to it.").format(
            what=what, villages=deps.villages, sites=deps.sites, activities=deps.activities,
            photos=deps.photos, surveys=deps.extra["surveys"], letters=deps.extra["parent_letters"],
            units=deps.extra["member_units"]),
        deps,
    )


class TownshipKeptError(ServiceError):
    """A township whose campaigns, sendings, received packages or supervision records would go with it."""


def _kept_by_township(township_id: int) -> list[tuple[str, int]]:
    """(sentence part, count) of what a township holds that its deletion must not take away or set shared."""
    from outreach_desk.store.models import Campaign
    from outreach_desk.store.submission_models import ReceivedPackage, Sending
    from outreach_desk.store.supervision_models import (FraudCaseMonth, Inspection, RectificationOrder,
                                                        SupervisionDecision)

    kinds = ((Campaign, _tr("{n} campaign(s) of its own")), (Sending, _tr("{n} month(s) sent")),
             (ReceivedPackage, _tr("{n} package(s) received")), (FraudCaseMonth, _tr("{n} fraud-case figure(s)")),
             (Inspection, _tr("{n} inspection(s)")), (RectificationOrder, _tr("{n} rectification order(s)")),
             (SupervisionDecision, _tr("{n} commendation(s) or criticism(s)")))
    found = [(text, model.select().where(model.township == township_id).count()) for model, text in kinds]
    return [(text.format(n=count), count) for text, count in found if count]


def require_deletable_township(township_id: int) -> None:
    """Refuse (TownshipKeptError, saying what it holds) to delete a township with campaigns of its own, months
    sent or received, or supervision records: deleting would make its campaigns shared (SET NULL) or take the
    county's record of its sendings away unseen."""
    kept = _kept_by_township(township_id)
    if not kept:
        return
    township = Township.get_or_none(Township.id == township_id)
    raise TownshipKeptError(_tr("{name} cannot be deleted: it holds {what}. Those stay with the township, so the "
                                "township stays in the database.").format(
        name=township.name if township else township_id, what=_tr(", ").join(text for text, _n in kept)))


def delete_township(township_id: int, cascade: bool = False) -> Dependents:
    """Delete a township; refused while it holds anything unless ``cascade`` (then all of it goes), and always
    while it holds what :func:`require_deletable_township` keeps."""
    require_deletable_township(township_id)
    villages = Village.select(Village.id).where(Village.township == township_id)
    sites = Site.select(Site.id).where(Site.village.in_(villages))
    return _delete_node(_TOWNSHIP, township_id, cascade, township_dependents, _township_refusal,
                        _township_activity_condition(township_id), letters_of=ParentLetter.site.in_(sites),
                        surveys_of=Survey.village.in_(villages), sites_of=Site.village.in_(villages),
                        villages_of=Village.township == township_id, units_of=MemberUnit.township == township_id)


def member_unit_usage(unit_id: int) -> int:
    """How many activity records name this member unit as organiser."""
    return Activity.select().where(Activity.member_unit == unit_id).count()


def _delete_activities(id_query) -> None:
    tombstones.bury(Activity, Activity.id.in_(id_query))
    Photo.delete().where(Photo.activity.in_(id_query)).execute()
    Activity.delete().where(Activity.id.in_(id_query)).execute()


def add_member_unit(township_id: int, name: str, duties: str = "") -> int:
    return _add(_MEMBER_UNIT, township_id, {"name": name, "duties": duties})


def update_member_unit(unit_id: int, **values) -> None:
    _update(_MEMBER_UNIT, unit_id, values)


def delete_member_unit(unit_id: int) -> None:
    with DB.atomic():
        used = Activity.select().where(Activity.member_unit == unit_id).count()
        if used:
            raise InUseError(_tr("The member unit organised {count} activity record(s) and cannot be deleted.").format(
                count=used), Dependents(activities=used))
        before = _stored("member_unit", unit_id)
        tombstones.bury(MemberUnit, MemberUnit.id == unit_id)
        if MemberUnit.delete().where(MemberUnit.id == unit_id).execute():
            _audit(audit.DELETE, "member_unit", unit_id, before, None)


def add_kind(name_zh: str, name_en: str = "", unit_zh: str = "", unit_en: str = "", code: str = "",
             requires_photo: bool = False) -> int:
    """A clerk's own activity kind (``requires_photo``: each record needs a photo); its code is derived when not
    given."""
    name_zh = _clean_name(name_zh)
    name_en = (name_en or name_zh).strip()
    with DB.atomic():
        _unique(ActivityKind.select().where((ActivityKind.name_zh == name_zh) | (ActivityKind.name_en == name_en)),
                _tr("An activity kind named {name} exists already.").format(name=name_zh))
        next_order = (ActivityKind.select(pw.fn.MAX(ActivityKind.sort_order)).scalar() or 0) + 1
        code = code or f"custom_{next_order}"
        return _created("kind", ActivityKind.insert(
            code=code, name_zh=name_zh, name_en=name_en, unit_zh=unit_zh, unit_en=unit_en or unit_zh,
            builtin=False, active=True, sort_order=next_order, requires_photo=bool(requires_photo)).execute())


def set_kind_active(kind_id: int, active: bool) -> None:
    with DB.atomic():
        before = _stored("kind", kind_id)
        ActivityKind.update(active=active).where(ActivityKind.id == kind_id).execute()
        if before is not None:
            _audit(audit.UPDATE, "kind", kind_id, before, _stored("kind", kind_id))


def as_dict(info) -> dict:
    return asdict(info)
