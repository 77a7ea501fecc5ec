"""Campaigns (专项行动): period, phases, report deadlines, and which campaign is current.

An activity, survey or letter counts towards a campaign when its date lies inside the campaign's
period, both ends included. A campaign belongs to a township (a county database holds several side by
side, each with its own rules and deadlines) or is shared, the county's, used by a township without
one of its own. Several may exist; each township has exactly one current once it has any.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace


from outreach_desk.i18n import translate
from outreach_desk.services import audit, tombstones
from outreach_desk.services.errors import FieldError, NotFoundError, ServiceError, ValidationError
from outreach_desk.store import DB
from outreach_desk.store.models import (Campaign, CampaignDeadline, CampaignPhase, DeadlineSent, TargetRule, Township,
                                         Village)

CONTEXT = "Campaigns"
# The three phases of a township campaign (plan 3), as shares of the campaign's length.
#: plan 3's calendar (5月8日–6月30日, 7月1日–11月30日, 12月1日–12月30日) as shares of the period. The names
#: are the plans' own words, stored in Chinese whatever the language of the process that made the campaign.
DEFAULT_PHASES = (
    ("动员部署", 0.22),
    ("集中攻坚", 0.65),
    ("总结验收", 0.13),
)


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


class NoCampaignError(ServiceError):
    """Coverage needs a campaign and none has been set up (``township_id``: none for that township, which may
    copy another's)."""

    def __init__(self, message: str, township_id: int | None = None, township: str = ""):
        super().__init__(message)
        self.township_id, self.township = township_id, township


@dataclass
class PhaseInfo:
    name: str
    start: dt.date
    end: dt.date
    id: int | None = None


@dataclass
class DeadlineInfo:
    """A report deadline; ``repeats`` "monthly" makes ``due`` the first of a monthly series (``deadlines.py``)."""

    title: str
    due: dt.date
    id: int | None = None
    repeats: str = ""


@dataclass
class CampaignInfo:
    name: str
    start: dt.date
    end: dt.date
    theme: str = ""
    notes: str = ""
    is_current: bool = False
    phases: list[PhaseInfo] = field(default_factory=list)
    deadlines: list[DeadlineInfo] = field(default_factory=list)
    id: int | None = None
    rule_set: str = "township"  # the default rule set (rules.RULE_SETS) it was made with
    township_id: int | None = None  #: whose campaign it is; None: shared by townships without one of their own

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def day_of(self, today: dt.date) -> int:
        """Campaign day number of ``today`` (1-based), clipped to 0 before and ``days`` after."""
        return min(self.days, max(0, (today - self.start).days + 1))

    def phase_on(self, day: dt.date) -> PhaseInfo | None:
        return next((p for p in self.phases if p.start <= day <= p.end), None)

    def phase(self, phase_id: int) -> PhaseInfo:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise NotFoundError(_tr("The campaign phase no longer exists."))

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def default_phases(start: dt.date, end: dt.date) -> list[PhaseInfo]:
    """动员部署, 集中攻坚, 总结验收 as plan 3 lays them out: about 22/65/13 % of the period, each
    boundary moved to the nearest first of a month when the campaign is long enough and the move
    keeps the phases in order inside the campaign (else the boundary stays where it fell)."""
    total = (end - start).days + 1
    if total < len(DEFAULT_PHASES):
        return [PhaseInfo(DEFAULT_PHASES[1][0], start, end)]
    boundaries, used, previous = [], 0.0, start
    for _, share in DEFAULT_PHASES[:-1]:
        used += share
        split = start + dt.timedelta(days=round(total * used))
        nearest = (split + dt.timedelta(days=15)).replace(day=1)
        previous = nearest if total >= 90 and previous < nearest <= end else split
        boundaries.append(previous)
    firsts = [start, *boundaries]
    if any(b <= a for a, b in zip(firsts, firsts[1:])) or boundaries[-1] > end:
        return [PhaseInfo(DEFAULT_PHASES[1][0], start, end)]
    lasts = [b - dt.timedelta(days=1) for b in boundaries] + [end]
    return [PhaseInfo(name, first, last) for (name, _), first, last in zip(DEFAULT_PHASES, firsts, lasts)]


def validate(info: CampaignInfo) -> list[FieldError]:
    errors: list[FieldError] = []
    if not (info.name or "").strip():
        errors.append(FieldError("name", _tr("Give the campaign a name.")))
    elif len(info.name.strip()) > 200:
        errors.append(FieldError("name", _tr("The campaign name is longer than 200 characters.")))
    if not isinstance(info.start, dt.date) or not isinstance(info.end, dt.date):
        errors.append(FieldError("start", _tr("Enter the campaign's first and last day.")))
        return errors
    if info.end < info.start:
        errors.append(FieldError("end", _tr("The campaign ends ({end}) before it starts ({start}).").format(
            start=info.start.isoformat(), end=info.end.isoformat())))
    for number, phase in enumerate(info.phases, 1):
        if not (phase.name or "").strip():
            errors.append(FieldError("phases", _tr("Phase {number} has no name.").format(number=number)))
        if phase.end < phase.start:
            errors.append(FieldError("phases", _tr("Phase \"{phase}\" ends before it starts.").format(
                phase=phase.name)))
        elif info.start <= info.end and (phase.start < info.start or phase.end > info.end):
            errors.append(FieldError("phases", _tr(
                "Phase \"{phase}\" ({start} to {end}) lies outside the campaign period.").format(
                phase=phase.name, start=phase.start.isoformat(), end=phase.end.isoformat())))
    ordered = sorted(info.phases, key=lambda p: p.start)
    for before, after in zip(ordered, ordered[1:]):
        if after.start <= before.end:
            errors.append(FieldError("phases", _tr("Phases \"{first}\" and \"{second}\" overlap.").format(
                first=before.name, second=after.name)))
    for deadline in info.deadlines:
        if not (deadline.title or "").strip():
            errors.append(FieldError("deadlines", _tr("A report deadline has no title.")))
        if deadline.repeats not in ("", "monthly"):
            errors.append(FieldError("deadlines", _tr("A report deadline is due once or every month.")))
    titles = [(d.title or "").strip() for d in info.deadlines]
    if len(set(titles)) < len(titles):
        errors.append(FieldError("deadlines", _tr("Two report deadlines have the same title.")))
    from outreach_desk.services.coverage.rules import RULE_SETS

    if info.rule_set not in RULE_SETS:
        errors.append(FieldError("rule_set", _tr("Choose the kind of office whose default rules the campaign "
                                                 "gets.")))
    return errors


def _write_children(campaign_id: int, info: CampaignInfo) -> None:
    """Phases and deadlines written again; what was marked sent stays with the deadline of the same title."""
    sent = list(DeadlineSent.select(CampaignDeadline.title, DeadlineSent.month, DeadlineSent.sent_on)
                .join(CampaignDeadline).where(CampaignDeadline.campaign == campaign_id).tuples())
    CampaignPhase.delete().where(CampaignPhase.campaign == campaign_id).execute()
    CampaignDeadline.delete().where(CampaignDeadline.campaign == campaign_id).execute()
    for order, phase in enumerate(sorted(info.phases, key=lambda p: p.start)):
        CampaignPhase.insert(campaign=campaign_id, name=phase.name.strip(), start_date=phase.start,
                             end_date=phase.end, sort_order=order).execute()
    ids = {}
    for deadline in info.deadlines:
        ids[deadline.title.strip()] = CampaignDeadline.insert(campaign=campaign_id, title=deadline.title.strip(),
                                                              due_date=deadline.due,
                                                              repeats=deadline.repeats).execute()
    for title, month, sent_on in sent:
        if title in ids:
            DeadlineSent.insert(deadline=ids[title], month=month, sent_on=sent_on).execute()


def home_township() -> int | None:
    """The township a new campaign belongs to when none is named: the database's only one (None when several)."""
    ids = [row[0] for row in Township.select(Township.id).limit(2).tuples()]
    return ids[0] if len(ids) == 1 else None


def township_names() -> dict[int, str]:
    """Every township's name by id: whose each campaign is, in a county database."""
    return dict(Township.select(Township.id, Township.name).order_by(Township.id).tuples())


def _scoped(township_id: int | None, name: str) -> str:
    return f"{'' if township_id is None else township_id}/{name}"


def _same_township(township_id: int | None):
    return Campaign.township.is_null() if township_id is None else Campaign.township == township_id


def _check_name_free(name: str, township_id: int | None, exclude_id: int | None = None) -> None:
    query = Campaign.select().where(Campaign.scoped_name == _scoped(township_id, name))
    if exclude_id is not None:
        query = query.where(Campaign.id != exclude_id)
    if query.exists():
        raise ValidationError([FieldError("name", _tr("A campaign named {name} exists already.").format(name=name))])


def snapshot(campaign_id: int) -> dict | None:
    """A campaign's stored values with its phases and deadlines, for the audit trail."""
    row = Campaign.select().where(Campaign.id == campaign_id).dicts().first()
    if row is None:
        return None
    info = _info(row)
    return dict(row, phases=[{"name": p.name, "start": p.start, "end": p.end} for p in info.phases],
                deadlines=[{"title": d.title, "due": d.due, **({"repeats": d.repeats} if d.repeats else {})}
                           for d in info.deadlines])


def _current_ids(township_id: int | None) -> set[int]:
    query = Campaign.select(Campaign.id).where((Campaign.is_current == True) & _same_township(township_id))  # noqa: E712
    return {row[0] for row in query.tuples()}


def _audit_switch(before: dict[int, dict]) -> None:
    """Entries for the campaigns of ``before`` (snapshots taken first) that started or stopped being current."""
    for campaign_id, old in before.items():
        new = snapshot(campaign_id)
        if old is None or new is None or old == new:
            continue
        template = _tr("Made {name} the current campaign") if new["is_current"] else _tr(
            "{name} is no longer the current campaign")
        audit.record(audit.UPDATE, "campaign", campaign_id, old, new, summary=template.format(name=new["name"]))


def create(info: CampaignInfo, *, with_default_rules: bool = True) -> int:
    """Insert a campaign with its phases and deadlines (and the default rule set); return its id.

    The township's first campaign, or one created with ``is_current``, becomes its current campaign; a
    campaign without ``township_id`` belongs to :func:`home_township`.
    """
    from outreach_desk.services.coverage import rules

    errors = validate(info)
    if errors:
        raise ValidationError(errors)
    name = info.name.strip()
    with DB.atomic():
        township_id = info.township_id if info.township_id is not None else home_township()
        _check_name_free(name, township_id)
        make_current = info.is_current or not Campaign.select().where(_same_township(township_id)).exists()
        before = {i: snapshot(i) for i in _current_ids(township_id)} if make_current else {}
        if make_current:
            Campaign.update(is_current=False).where(_same_township(township_id)).execute()
        campaign_id = Campaign.insert(name=name, scoped_name=_scoped(township_id, name), township=township_id,
                                      theme=info.theme.strip(), start_date=info.start, end_date=info.end,
                                      is_current=make_current, notes=info.notes.strip(),
                                      rule_set=info.rule_set).execute()
        _write_children(campaign_id, info)
        _audit_switch(before)
        audit.record(audit.CREATE, "campaign", campaign_id, None, snapshot(campaign_id),
                     summary=_tr("Added the campaign {name}").format(name=name))
        if with_default_rules:
            rules.load_defaults(campaign_id)
        return campaign_id


def update(campaign_id: int, info: CampaignInfo) -> None:
    """Replace name, dates, theme, notes, phases and deadlines (rules stay as they are)."""
    errors = validate(info)
    if errors:
        raise ValidationError(errors)
    name = info.name.strip()
    with DB.atomic():
        township_id = Campaign.select(Campaign.township).where(Campaign.id == campaign_id).scalar()
        _check_name_free(name, township_id, campaign_id)
        before = snapshot(campaign_id)
        changed = Campaign.update(name=name, scoped_name=_scoped(township_id, name), theme=info.theme.strip(),
                                  start_date=info.start, end_date=info.end, notes=info.notes.strip()
                                  ).where(Campaign.id == campaign_id).execute()
        if not changed:
            raise NotFoundError(_tr("The campaign no longer exists."))
        _write_children(campaign_id, info)
        after = snapshot(campaign_id)
        if before != after:
            audit.record(audit.UPDATE, "campaign", campaign_id, before, after,
                         summary=_tr("Changed the campaign {name}").format(name=before["name"]))


def delete(campaign_id: int) -> None:
    """Delete a campaign with its phases, deadlines and rules; activities stay (they belong to no campaign)."""
    from outreach_desk.services.coverage import rules

    with DB.atomic():
        found = Campaign.select(Campaign.is_current, Campaign.township).where(Campaign.id == campaign_id).tuples()
        if not found:
            raise NotFoundError(_tr("The campaign no longer exists."))
        was_current, township_id = found[0]
        before = snapshot(campaign_id)
        entries = rules.deleted_with_campaign(campaign_id, _tr("Deleted together with the campaign {name}").format(
            name=before["name"]))
        tombstones.bury(TargetRule, TargetRule.campaign == campaign_id)
        tombstones.bury(Campaign, Campaign.id == campaign_id)
        Campaign.delete().where(Campaign.id == campaign_id).execute()
        audit.record_many(entries + [audit.Entry(audit.DELETE, "campaign", campaign_id, before, None, summary=_tr(
            "Deleted the campaign {name} with its {rules} target rule(s)").format(name=before["name"],
                                                                                  rules=len(entries)))])
        if was_current:
            newest = (Campaign.select(Campaign.id).where(_same_township(township_id))
                      .order_by(Campaign.start_date.desc(), Campaign.id.desc()).scalar())
            if newest is not None:
                switched = {newest: snapshot(newest)}
                Campaign.update(is_current=True).where(Campaign.id == newest).execute()
                _audit_switch(switched)


def set_current(campaign_id: int) -> None:
    with DB.atomic():
        found = Campaign.select(Campaign.township).where(Campaign.id == campaign_id).tuples()
        if not found:
            raise NotFoundError(_tr("The campaign no longer exists."))
        township_id = found[0][0]
        before = {i: snapshot(i) for i in _current_ids(township_id) | {campaign_id}}
        Campaign.update(is_current=(Campaign.id == campaign_id)).where(_same_township(township_id)).execute()
        _audit_switch(before)


def _info(row: dict) -> CampaignInfo:
    phases = [PhaseInfo(p["name"], p["start_date"], p["end_date"], p["id"]) for p in
              CampaignPhase.select().where(CampaignPhase.campaign == row["id"])
              .order_by(CampaignPhase.start_date, CampaignPhase.sort_order).dicts()]
    deadlines = [DeadlineInfo(d["title"], d["due_date"], d["id"], d["repeats"]) for d in
                 CampaignDeadline.select().where(CampaignDeadline.campaign == row["id"])
                 .order_by(CampaignDeadline.due_date, CampaignDeadline.id).dicts()]
    return CampaignInfo(name=row["name"], start=row["start_date"], end=row["end_date"], theme=row["theme"],
                        notes=row["notes"], is_current=bool(row["is_current"]), phases=phases, deadlines=deadlines,
                        id=row["id"], rule_set=row["rule_set"], township_id=row["township"])


def get(campaign_id: int) -> CampaignInfo:
    row = Campaign.select().where(Campaign.id == campaign_id).dicts().first()
    if row is None:
        raise NotFoundError(_tr("The campaign no longer exists."))
    return _info(row)


def _visible_to(township_id: int):
    """A township's own campaigns and the shared (county's) ones."""
    return (Campaign.township == township_id) | Campaign.township.is_null()


def list_campaigns(township_id: int | None = None) -> list[CampaignInfo]:
    """Every campaign (``township_id``: that township's and the shared ones), newest first."""
    query = Campaign.select()
    if township_id is not None:
        query = query.where(_visible_to(township_id))
    return [_info(row) for row in query.order_by(Campaign.start_date.desc(), Campaign.id.desc()).dicts()]


def current(township_id: int | None = None) -> CampaignInfo | None:
    """The township's current campaign, else the shared (county's) current one.

    Without a township: the only township's in a database with one; in a county database the shared one,
    else the first township's (a view over all townships, until it names one)."""
    township_id = township_id if township_id is not None else home_township()
    query = Campaign.select().where(Campaign.is_current == True)  # noqa: E712 (peewee expression)
    if township_id is not None:
        query = query.where(_visible_to(township_id)).order_by(Campaign.township.is_null(), Campaign.id)
    else:
        query = query.order_by(Campaign.township.is_null(False), Campaign.township, Campaign.id)
    row = query.dicts().first()
    return None if row is None else _info(row)


def current_of_each(township_ids) -> dict[int, CampaignInfo | None]:
    """:func:`current` for many townships from one query: each township's own current campaign, else the shared
    one (lowest id first, as :func:`current` orders them)."""
    ids = set(township_ids)
    rows = Campaign.select().where((Campaign.is_current == True)  # noqa: E712 (peewee expression)
                                   & (Campaign.township.in_(list(ids)) | Campaign.township.is_null()))
    own: dict[int, CampaignInfo] = {}
    shared = None
    for info in (_info(row) for row in rows.order_by(Campaign.id).dicts()):
        if info.township_id is None:
            shared = shared or info
        else:
            own.setdefault(info.township_id, info)
    return {township_id: own.get(township_id, shared) for township_id in ids}


def township_of_scope(township_id: int | None, village_id: int | None = None) -> int | None:
    """The township an area belongs to (a village's own when only the village is named)."""
    if township_id is None and village_id is not None:
        return Village.select(Village.township).where(Village.id == village_id).scalar()
    return township_id


def require_current(township_id: int | None = None, *, village_id: int | None = None) -> CampaignInfo:
    """The township's (or the village's township's) current campaign (see :func:`current`), or a
    NoCampaignError: how to create one, or, for a township of a county database, how to copy one."""
    township_id = township_of_scope(township_id, village_id)
    campaign = current(township_id)
    if campaign is not None:
        return campaign
    name = Township.select(Township.name).where(Township.id == township_id).scalar() if township_id else None
    if name is None or not Campaign.select().exists():
        raise NoCampaignError(_tr(
            "No campaign has been set up yet, so there is nothing to measure coverage against. Create one with: "
            "outreach-desk campaign add NAME --from YYYY-MM-DD --to YYYY-MM-DD"))
    raise NoCampaignError(_tr(
        "{township} has no campaign of its own yet. Copy the county's or another township's campaign to it with: "
        "outreach-desk campaign copy NAME --township {township}").format(township=name), township_id=township_id,
        township=name)


def find(name: str, township_id: int | None = None) -> CampaignInfo:
    """The campaign called ``name``: the township's own, else a shared one; without a township, the only one of
    that name (a clear refusal when several townships have one)."""
    query = Campaign.select().where(Campaign.name == name.strip())
    if township_id is not None:
        query = query.where(_visible_to(township_id))
    rows = list(query.order_by(Campaign.township.is_null(), Campaign.id).dicts())
    if not rows:
        raise NotFoundError(_tr("There is no campaign named {name}.").format(name=name))
    if township_id is None and len(rows) > 1 and all(r["township"] is not None for r in rows):
        raise ValidationError([FieldError("township", _tr(
            "{count} townships have a campaign named {name}; add --township to choose one.").format(
            count=len(rows), name=name))])
    shared = [r for r in rows if r["township"] is None]
    return _info(shared[0] if township_id is None and shared else rows[0])


def copy_to(campaign_id: int, township_id: int, name: str | None = None) -> int:
    """Copy a campaign (the county's or another township's) to ``township_id``: its dates, phases, deadlines (not
    what was marked sent) and every target rule; it becomes the township's current campaign if it has none."""
    from outreach_desk.services.coverage import rules

    source = get(campaign_id)
    with DB.atomic():
        copy = CampaignInfo(name=(name or source.name).strip(), start=source.start, end=source.end,
                            theme=source.theme, notes=source.notes, rule_set=source.rule_set, township_id=township_id,
                            phases=[PhaseInfo(p.name, p.start, p.end) for p in source.phases],
                            deadlines=[DeadlineInfo(d.title, d.due, repeats=d.repeats) for d in source.deadlines])
        new_id = create(copy, with_default_rules=False)
        for rule in rules.list_rules(campaign_id):
            rules.create(new_id, replace(rule, id=None, campaign_id=None))
        return new_id
