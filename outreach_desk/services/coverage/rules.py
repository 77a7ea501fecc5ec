"""Target rules: data the clerk edits, one set per campaign, validated before they are stored.

A rule names the units it applies to (every village/community, sites of given kinds, or every
member unit), what it measures (activity records, summed quantity or people reached for given
activity kinds; signed parent letters; the surveyed awareness rate in percent; whether fraud cases fell,
see ``case_measures.py``), the quota per
unit (an expression, see ``expression.py``), the period it is judged over and whether it is on.
Its ``key`` is stable: reports and the JSON output name rules by it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import current_language, translate
from outreach_desk.paths import db_dir
from outreach_desk.services import audit, tombstones, vocab
from outreach_desk.services.coverage import expression
from outreach_desk.services.errors import FieldError, NotFoundError, ValidationError
from outreach_desk.store import DB, batch
from outreach_desk.store.models import ActivityKind, Campaign, TargetRule, TargetRuleKind

CONTEXT = "Rules"
UNIT_TYPES = ("village", "site", "member_unit")
ACTIVITY_MEASURES = ("records", "quantity", "people")
#: plan 6's target that fraud cases fall (``case_measures.py``): on the previous period, 同比, 环比
CASE_MEASURES = ("cases_fall", "cases_fall_yoy", "cases_fall_mom")
MEASURES = (*ACTIVITY_MEASURES, "letters_signed", "awareness", *CASE_MEASURES)
PERIODS = ("campaign", "month", "phase")
#: default rule sets by kind of office (``sets`` in db/seed/default_rules.json): a township's plans (2, 3),
#: a school's (plan 1: letters to parents, a class meeting in every class, boards), a university's (plan 5), and a
#: county's (plan 6, the county police bureau's: the townships' targets and fraud cases falling 同比 and 环比 in
#: every village, which plans 2 and 3 set no figure for)
RULE_SETS = ("township", "school", "university", "county")
RULE_SET_LABELS = {
    "township": QT_TRANSLATE_NOOP("Rules", "Township or sub-district office"),
    "school": QT_TRANSLATE_NOOP("Rules", "Primary or secondary school"),
    "university": QT_TRANSLATE_NOOP("Rules", "University or college"),
    "county": QT_TRANSLATE_NOOP("Rules", "County (the townships' targets and fraud cases falling)"),
}
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,59}$")

UNIT_TYPE_LABELS = {
    "village": QT_TRANSLATE_NOOP("Rules", "Every village or community"),
    "site": QT_TRANSLATE_NOOP("Rules", "Sites of the chosen kinds"),
    "member_unit": QT_TRANSLATE_NOOP("Rules", "Every member unit"),
}
MEASURE_LABELS = {
    "records": QT_TRANSLATE_NOOP("Rules", "Number of records"),
    "quantity": QT_TRANSLATE_NOOP("Rules", "Sum of quantity"),
    "people": QT_TRANSLATE_NOOP("Rules", "Sum of people reached"),
    "letters_signed": QT_TRANSLATE_NOOP("Rules", "Parent letters signed back"),
    "awareness": QT_TRANSLATE_NOOP("Rules", "Awareness rate (%) from surveys"),
    "cases_fall": QT_TRANSLATE_NOOP("Rules", "Fraud cases fall on the previous period"),
    "cases_fall_yoy": QT_TRANSLATE_NOOP("Rules", "Fraud cases fall on the same period last year"),
    "cases_fall_mom": QT_TRANSLATE_NOOP("Rules", "Fraud cases fall on the month before"),
}
PERIOD_LABELS = {
    "campaign": QT_TRANSLATE_NOOP("Rules", "Campaign to date"),
    "month": QT_TRANSLATE_NOOP("Rules", "Each month"),
    "phase": QT_TRANSLATE_NOOP("Rules", "Each phase"),
}


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def label(labels: dict[str, str], code: str) -> str:
    return _tr(labels[code]) if code in labels else code


@dataclass
class Rule:
    key: str
    name_zh: str
    applies_to: str
    measure: str
    quota: str = "1"
    period: str = "campaign"
    site_kinds: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    name_en: str = ""
    enabled: bool = True
    sort_order: int = 0
    id: int | None = None
    campaign_id: int | None = None

    @property
    def name(self) -> str:
        if current_language() != "zh_CN" and self.name_en:
            return self.name_en
        return self.name_zh

    @cached_property
    def expression(self) -> expression.Node:
        return expression.parse(self.quota, self.applies_to)

    @property
    def counts_activities(self) -> bool:
        return self.measure in ACTIVITY_MEASURES

    def as_dict(self) -> dict:
        return {"key": self.key, "name_zh": self.name_zh, "name_en": self.name_en, "applies_to": self.applies_to,
                "site_kinds": list(self.site_kinds), "kinds": list(self.kinds), "measure": self.measure,
                "quota": self.quota, "period": self.period, "enabled": self.enabled}


def validate(rule: Rule, known_kinds: set[str] | None = None) -> list[FieldError]:
    """Every problem with ``rule`` as a field-bound, translated message (nothing is stored)."""
    errors: list[FieldError] = []
    if not KEY_PATTERN.match(rule.key or ""):
        errors.append(FieldError("key", _tr(
            "The rule key \"{key}\" must start with a lower-case letter and use only a-z, 0-9 and _ "
            "(at most 60 characters).").format(key=rule.key or "")))
    if not (rule.name_zh or "").strip():
        errors.append(FieldError("name", _tr("Give the rule a name.")))
    elif len(rule.name_zh) > 200 or len(rule.name_en or "") > 200:
        errors.append(FieldError("name", _tr("The rule name is longer than 200 characters.")))
    if rule.applies_to not in UNIT_TYPES:
        errors.append(FieldError("applies_to", _tr("Choose which units the rule applies to.")))
        return errors
    site_codes = {t.code for t in vocab.SITE_KINDS}
    if rule.applies_to == "site":
        if not rule.site_kinds:
            errors.append(FieldError("site_kinds", _tr("Choose at least one site kind the rule applies to.")))
        unknown = [c for c in rule.site_kinds if c not in site_codes]
        if unknown:
            errors.append(FieldError("site_kinds", _tr("Unknown site kind: {codes}.").format(codes=", ".join(unknown))))
    elif rule.site_kinds:
        errors.append(FieldError("site_kinds", _tr("Site kinds only apply to rules on sites.")))
    if rule.measure not in MEASURES:
        errors.append(FieldError("measure", _tr("Choose what the rule measures.")))
    elif rule.measure in ACTIVITY_MEASURES:
        if not rule.kinds:
            errors.append(FieldError("kinds", _tr("Choose at least one activity kind that counts for the rule.")))
        if known_kinds is None:
            known_kinds = {row[0] for row in ActivityKind.select(ActivityKind.code).tuples()}
        unknown = [c for c in rule.kinds if c not in known_kinds]
        if unknown:
            errors.append(FieldError("kinds", _tr("Unknown activity kind: {codes}.").format(codes=", ".join(unknown))))
    else:
        if rule.kinds:
            errors.append(FieldError("kinds", _tr("Activity kinds do not apply to this measure.")))
        if rule.measure == "letters_signed" and rule.applies_to != "site":
            errors.append(FieldError("applies_to", _tr(
                "Parent letters are counted per school: apply the rule to sites.")))
        if rule.measure == "awareness" and rule.applies_to != "village":
            errors.append(FieldError("applies_to", _tr(
                "Awareness surveys are recorded per village: apply the rule to every village or community.")))
        if rule.measure in CASE_MEASURES and rule.applies_to != "village":
            errors.append(FieldError("applies_to", _tr(
                "Fraud cases are reported per village: apply the rule to every village or community.")))
    if rule.period not in PERIODS:
        errors.append(FieldError("period", _tr("Choose the period the rule is judged over.")))
    try:
        node = expression.parse(rule.quota, rule.applies_to)
    except expression.ExpressionError as exc:
        errors.append(FieldError("quota", str(exc)))
    else:
        if rule.measure == "awareness":
            value = node.evaluate({}) if expression.is_constant(node) else None
            if value is None or not 0 < value <= 100:
                errors.append(FieldError("quota", _tr("The awareness target is a percentage between 1 and 100.")))
        if rule.measure in CASE_MEASURES and not (expression.is_constant(node) and node.evaluate({}) == 1):
            errors.append(FieldError("quota", _tr("A fraud-case target asks only that cases fall: leave the quota "
                                                  "at 1.")))
    return errors


def _kind_ids(codes: list[str]) -> list[int]:
    if not codes:
        return []
    found = dict(ActivityKind.select(ActivityKind.code, ActivityKind.id).where(ActivityKind.code.in_(codes)).tuples())
    return [found[c] for c in codes]


def _normalised(rule: Rule) -> Rule:
    """Canonical text for the quota (attribute codes, not labels), trimmed names, unique codes."""
    return replace(rule, key=rule.key.strip(), name_zh=rule.name_zh.strip(),
                   name_en=(rule.name_en or "").strip() or rule.name_zh.strip(),
                   quota=expression.parse(rule.quota, rule.applies_to).text(),
                   site_kinds=list(dict.fromkeys(rule.site_kinds)), kinds=list(dict.fromkeys(rule.kinds)))


def _row(rule: Rule) -> dict:
    return {"rule_key": rule.key, "name_zh": rule.name_zh, "name_en": rule.name_en, "applies_to": rule.applies_to,
            "site_kinds": ",".join(rule.site_kinds), "measure": rule.measure, "quota": rule.quota,
            "period": rule.period, "enabled": rule.enabled}


def _check(rule: Rule, campaign_id: int, exclude_id: int | None = None) -> Rule:
    errors = validate(rule)
    if errors:
        raise ValidationError(errors)
    rule = _normalised(rule)
    clash = TargetRule.select().where((TargetRule.campaign == campaign_id) & (TargetRule.rule_key == rule.key))
    if exclude_id is not None:
        clash = clash.where(TargetRule.id != exclude_id)
    if clash.exists():
        raise ValidationError([FieldError("key", _tr("This campaign already has a rule with the key {key}.").format(
            key=rule.key))])
    return rule


def snapshot(rule_id: int) -> dict | None:
    """A rule's stored values for the audit trail (kinds by code), or None when it is gone."""
    found = _load(TargetRule.id == rule_id)
    return _snapshot_of(found[0]) if found else None


def _snapshot_of(rule: Rule) -> dict:
    return {"id": rule.id, "campaign": rule.campaign_id, **rule.as_dict(), "sort_order": rule.sort_order}


def _audit(action: str, rule_id: int, before: dict | None, after: dict | None, template: str) -> None:
    if action == audit.UPDATE and before == after:
        return
    values = before or after
    audit.record(action, "rule", rule_id, before, after, summary=template.format(key=values["key"],
                                                                                   name=values["name_zh"]))


def create(campaign_id: int, rule: Rule) -> int:
    with DB.atomic():
        if not Campaign.select().where(Campaign.id == campaign_id).exists():
            raise NotFoundError(_tr("The campaign no longer exists."))
        rule = _check(rule, campaign_id)
        order = rule.sort_order or (TargetRule.select(TargetRule.sort_order).where(TargetRule.campaign == campaign_id)
                                    .order_by(TargetRule.sort_order.desc()).scalar() or 0) + 1
        rule_id = TargetRule.insert(campaign=campaign_id, sort_order=order, **_row(rule)).execute()
        _write_kinds(rule_id, rule.kinds)
        _audit(audit.CREATE, rule_id, None, snapshot(rule_id), _tr("Added the target rule {name} ({key})"))
        return rule_id


def update(rule_id: int, rule: Rule) -> None:
    with DB.atomic():
        campaign_id = TargetRule.select(TargetRule.campaign).where(TargetRule.id == rule_id).scalar()
        if campaign_id is None:
            raise NotFoundError(_tr("The rule no longer exists."))
        rule = _check(rule, campaign_id, exclude_id=rule_id)
        before = snapshot(rule_id)
        TargetRule.update(**_row(rule)).where(TargetRule.id == rule_id).execute()
        _write_kinds(rule_id, rule.kinds)
        _audit(audit.UPDATE, rule_id, before, snapshot(rule_id), _tr("Changed the target rule {name} ({key})"))


def _write_kinds(rule_id: int, codes: list[str]) -> None:
    TargetRuleKind.delete().where(TargetRuleKind.rule == rule_id).execute()
    for kind_id in _kind_ids(codes):
        TargetRuleKind.insert(rule=rule_id, kind=kind_id).execute()


def set_enabled(rule_id: int, enabled: bool) -> None:
    with DB.atomic():
        before = snapshot(rule_id)
        if not TargetRule.update(enabled=enabled).where(TargetRule.id == rule_id).execute():
            raise NotFoundError(_tr("The rule no longer exists."))
        template = _tr("Switched on the target rule {name} ({key})") if enabled else _tr(
            "Switched off the target rule {name} ({key})")
        _audit(audit.UPDATE, rule_id, before, snapshot(rule_id), template)


def delete(rule_id: int) -> Rule:
    """Delete a rule; return it so that an undo can create it again."""
    with DB.atomic():
        rule = get(rule_id)
        tombstones.bury(TargetRule, TargetRule.id == rule_id)
        TargetRule.delete().where(TargetRule.id == rule_id).execute()
        _audit(audit.DELETE, rule_id, _snapshot_of(rule), None, _tr("Deleted the target rule {name} ({key})"))
        return rule


def deleted_with_campaign(campaign_id: int, reason: str) -> list[audit.Entry]:
    """Delete entries for every rule of a campaign about to be deleted (read before it goes)."""
    return [audit.Entry(audit.DELETE, "rule", rule.id, _snapshot_of(rule), None, summary=reason)
            for rule in list_rules(campaign_id)]


def get(rule_id: int) -> Rule:
    rules = _load(TargetRule.id == rule_id)
    if not rules:
        raise NotFoundError(_tr("The rule no longer exists."))
    return rules[0]


def list_rules(campaign_id: int, enabled_only: bool = False) -> list[Rule]:
    condition = TargetRule.campaign == campaign_id
    if enabled_only:
        condition &= TargetRule.enabled == True  # noqa: E712 (peewee expression)
    return _load(condition)


def _load(condition) -> list[Rule]:
    """The rules meeting ``condition`` with their kinds: two reads sent together (one round trip to a server)."""
    fields = list(TargetRule._meta.sorted_fields)
    rules = TargetRule.select(*fields).where(condition).order_by(TargetRule.sort_order, TargetRule.id)
    links = (TargetRuleKind.select(TargetRuleKind.rule, ActivityKind.code)
             .join(ActivityKind, on=(TargetRuleKind.kind == ActivityKind.id))
             .where(TargetRuleKind.rule.in_(TargetRule.select(TargetRule.id).where(condition)))
             .order_by(ActivityKind.sort_order, ActivityKind.id))
    rule_rows, link_rows = batch.rows_of_each([rules.sql(), links.sql()])
    kinds: dict[int, list[str]] = {}
    for rule_id, code in link_rows:
        kinds.setdefault(rule_id, []).append(code)
    rows = [{f.name: f.python_value(value) for f, value in zip(fields, row)} for row in rule_rows]
    return [Rule(key=r["rule_key"], name_zh=r["name_zh"], name_en=r["name_en"], applies_to=r["applies_to"],
                 measure=r["measure"], quota=r["quota"], period=r["period"],
                 site_kinds=[c for c in r["site_kinds"].split(",") if c], kinds=kinds.get(r["id"], []),
                 enabled=bool(r["enabled"]), sort_order=r["sort_order"], id=r["id"], campaign_id=r["campaign"])
            for r in rows]


def default_rules(rule_set: str = "township") -> list[Rule]:
    """The default rules of one office kind (``RULE_SETS``) from db/seed/default_rules.json."""
    if rule_set not in RULE_SETS:
        raise ValidationError([FieldError("rule_set", _tr("Unknown default rule set {name}; choose one of "
                                                          "{known}.").format(name=rule_set,
                                                                             known=", ".join(RULE_SETS)))])
    entries = [e for e in json.loads((db_dir() / "seed" / "default_rules.json").read_text(encoding="utf-8"))
               if rule_set in e["sets"]]
    return [Rule(key=e["key"], name_zh=e["name_zh"], name_en=e.get("name_en", ""), applies_to=e["applies_to"],
                 measure=e["measure"], quota=e["quota"], period=e["period"], site_kinds=e.get("site_kinds", []),
                 kinds=e.get("kinds", []), enabled=e.get("enabled", True), sort_order=order)
            for order, e in enumerate(entries, 1)]


def load_defaults(campaign_id: int, rule_set: str | None = None) -> list[int]:
    """Add every default rule of ``rule_set`` (default: the set the campaign was made with) that the campaign
    does not have yet (by key); return the new ids."""
    with DB.atomic():
        if rule_set is None:
            rule_set = Campaign.select(Campaign.rule_set).where(Campaign.id == campaign_id).scalar() or "township"
        existing = {row[0] for row in TargetRule.select(TargetRule.rule_key)
                    .where(TargetRule.campaign == campaign_id).tuples()}
        return [create(campaign_id, rule) for rule in default_rules(rule_set) if rule.key not in existing]
