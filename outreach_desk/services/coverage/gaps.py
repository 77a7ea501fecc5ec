"""The gap list: concretely what is still missing, and where, sorted by distance from the quota.

Each unmet (unit, window) of a coverage result becomes one line a clerk can act on, e.g.
"幸福小区: 还缺宣传海报 3 张 (出入口 4 + 电梯 2 = 6, 已有 3)". Distance is 1 - fulfilment, so a
unit with nothing done comes before one that is nearly there, whatever the rule.

Records a site rule cannot count (banners logged in a village with no block or factory registered,
or at no block) are listed too, last, saying what to register or choose so that they count
(``kind`` UNPLACED: not an unmet target, so tallies of unmet targets leave them out).
Then the records of a kind that requires a photo and have none, per village and kind ("缺影像资料",
``submission.evidence``; ``kind`` EVIDENCE).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from outreach_desk.i18n import translate
from outreach_desk.services import organisation
from outreach_desk.services.coverage import case_measures, expression
from outreach_desk.services import vocab
from outreach_desk.services.coverage.engine import NO_DATA, UNMET, Assessment, CoverageResult, Unplaced
from outreach_desk.services.coverage.rules import Rule
from outreach_desk.services.submission import evidence

CONTEXT = "Gaps"
#: Gap.kind: a unit short of its quota, records that count for no unit of the rule, records lacking a photo
UNMET_GAP, UNPLACED, EVIDENCE = "unmet", "unplaced", "evidence"
#: the kinds a rectification order can be issued for (records placed at no site are a hint, not a gap)
ORDERABLE = (UNMET_GAP, EVIDENCE)


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class Gap:
    rule_key: str
    rule_name: str
    unit_type: str
    unit_id: int
    unit_name: str
    village_id: int | None
    village_name: str
    township_id: int
    window_label: str
    window_start: dt.date
    measure: float | None
    quota: int
    missing: float | None
    distance: float
    text: str
    kind: str = UNMET_GAP

    def as_dict(self) -> dict:
        return {"kind": self.kind, "rule": self.rule_key,
                "unit_type": self.unit_type, "unit_id": self.unit_id, "unit": self.unit_name,
                "village_id": self.village_id, "village": self.village_name, "township_id": self.township_id,
                "window": self.window_label, "window_start": self.window_start.isoformat(), "measure": self.measure,
                "quota": self.quota, "missing": self.missing, "distance": self.distance, "text": self.text}


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def join_alternatives(names: list[str]) -> str:
    """"A", "A or B", "A, B or C" with translated patterns (no bare fragments)."""
    if not names:
        return ""
    text = names[0]
    for index, name in enumerate(names[1:], 2):
        pattern = _tr("{first} or {second}") if index == len(names) else _tr("{first}, {second}")
        text = pattern.format(first=text, second=name)
    return text


class _Writer:
    """Turns one unmet assessment into its sentence; kind names come from the catalogue."""

    def __init__(self):
        self.kinds = {k.code: k for k in organisation.list_kinds()}

    def kinds_text(self, rule: Rule) -> str:
        return join_alternatives([self.kinds[c].name if c in self.kinds else c for c in rule.kinds])

    def measure_unit(self, rule: Rule) -> str:
        if rule.measure == "records":
            first = self.kinds.get(rule.kinds[0]) if rule.kinds else None
            return first.unit if first is not None and first.unit else _tr("records")
        if rule.measure == "people":
            return _tr("people")
        first = self.kinds.get(rule.kinds[0]) if rule.kinds else None
        return first.unit if first is not None else ""

    def formula(self, rule: Rule, a: Assessment) -> str:
        node = rule.expression
        if expression.is_constant(node):
            return _tr("required {quota}").format(quota=a.quota)
        rendered = node.render(a.attributes)
        if isinstance(node, expression.Attribute):
            return rendered
        return _tr("{formula} = {quota}").format(formula=rendered, quota=a.quota)

    def text(self, rule: Rule, a: Assessment) -> str:
        if case_measures.is_case_measure(rule.measure):
            return case_measures.gap_text(rule, a)
        if rule.measure == "awareness":
            return self._awareness(a)
        if rule.measure == "letters_signed":
            return self._letters(a)
        return self._activity(rule, a)

    def _activity(self, rule: Rule, a: Assessment) -> str:
        windowed = a.window.kind != "campaign"
        values = {"unit": a.unit_name, "kinds": self.kinds_text(rule), "window": a.window.label}
        if a.measure == 0 and a.quota == 1:
            if windowed:
                return _tr("{unit}: no {kinds} yet in {window}").format(**values)
            return _tr("{unit}: no {kinds} yet").format(**values)
        values.update(missing=_number(a.missing), measure_unit=self.measure_unit(rule),
                      formula=self.formula(rule, a), done=_number(a.measure))
        if rule.measure == "people":
            if windowed:
                return _tr("{unit}: {window}: {missing} more people to reach through {kinds} ({formula}, "
                           "{done} so far)").format(**values)
            return _tr("{unit}: {missing} more people to reach through {kinds} ({formula}, {done} so far)").format(
                **values)
        if windowed:
            return _tr("{unit}: {window}: {missing} {measure_unit} of {kinds} still missing ({formula}, "
                       "{done} so far)").format(**values)
        return _tr("{unit}: {missing} {measure_unit} of {kinds} still missing ({formula}, {done} so far)").format(
            **values)

    def _letters(self, a: Assessment) -> str:
        students = a.quota
        signed = int(a.measure or 0)
        issued = int(a.details.get("issued", 0))
        not_issued = max(0, students - issued)
        not_signed = max(0, min(issued, students) - signed)
        values = {"unit": a.unit_name, "students": students, "signed": signed, "issued": issued,
                  "not_issued": not_issued, "not_signed": not_signed}
        if issued == 0:
            return _tr("{unit}: no parent letters issued yet ({students} students)").format(**values)
        if not_issued:
            return _tr("{unit}: {not_issued} parent letters not issued and {not_signed} not signed back "
                       "({students} students, {signed} signed)").format(**values)
        return _tr("{unit}: {not_signed} parent letters not signed back ({students} students, {signed} signed)").format(
            **values)

    def unplaced(self, rule: Rule, u: Unplaced, village_name: str) -> str:
        values = {"village": village_name, "amount": _number(u.amount), "measure_unit": self.measure_unit(rule),
                  "kinds": self.kinds_text(rule), "window": u.window.label,
                  "sites": join_alternatives([vocab.label(vocab.SITE_KINDS, c) for c in rule.site_kinds])}
        if rule.measure == "people":
            values["measure_unit"] = _tr("people reached")
        if not u.has_units:
            return _tr("{village}: {amount} {measure_unit} of {kinds} logged here count for no target, because no "
                       "{sites} is registered in the village: register it (organisation tree) and record them "
                       "at it").format(**values)
        return _tr("{village}: {amount} {measure_unit} of {kinds} are recorded at no {sites} and count for no "
                   "target: choose the site in those records").format(**values)

    def _awareness(self, a: Assessment) -> str:
        if a.status == NO_DATA:
            return _tr("{unit}: no awareness survey yet").format(unit=a.unit_name)
        return _tr("{unit}: awareness rate {rate} is below {target} "
                   "({aware} of {respondents} respondents aware)").format(
            unit=a.unit_name, rate=_percent(a.measure / 100), target=f"{a.quota}%", aware=a.details["aware"],
            respondents=a.details["respondents"])


def gap_list(result: CoverageResult, *, village_id: int | None = None, rule_key: str | None = None,
             township_id: int | None = None) -> list[Gap]:
    """Every unmet assessment in ``result`` (optionally one village / rule / township), furthest first."""
    writer = _Writer()
    rules = {r.key: r for r in result.rules}
    village_names = {v.id: v.name for v in result.villages}
    gaps = []
    for unit in result.units_of(rule_key, village_id, township_id):
        rule = rules[unit.rule_key]
        for a in unit.assessments:
            if a.status not in (UNMET, NO_DATA):
                continue
            gaps.append(Gap(
                rule.key, rule.name, a.unit_type, a.unit_id, a.unit_name, a.village_id,
                village_names.get(a.village_id, ""), a.township_id, a.window.label, a.window.start, a.measure, a.quota,
                a.missing, 1.0 - a.fulfilment, writer.text(rule, a)))
    gaps.sort(key=lambda g: (-g.distance, -(g.quota if g.missing is None else g.missing), g.village_name,
                             g.unit_name, g.rule_key, g.window_start))
    for u in result.unplaced:
        if (rule_key not in (None, u.rule_key) or village_id not in (None, u.village_id)
                or township_id not in (None, u.township_id)):
            continue
        rule, name = rules[u.rule_key], village_names.get(u.village_id, "")
        gaps.append(Gap(rule.key, rule.name, "village", u.village_id, name, u.village_id, name, u.township_id,
                        u.window.label, u.window.start, u.amount, 0, None, 0.0, writer.unplaced(rule, u, name),
                        UNPLACED))
    if rule_key in (None, evidence.RULE_KEY):
        gaps.extend(evidence.evidence_gaps(result, village_id=village_id, township_id=township_id))
    return gaps


def gaps_by_village(result: CoverageResult) -> dict[int | None, list[Gap]]:
    """Gaps grouped per village in the result's village order (member units under None), each sorted."""
    grouped: dict[int | None, list[Gap]] = {v.id: [] for v in result.villages}
    for gap in gap_list(result):
        grouped.setdefault(gap.village_id, []).append(gap)
    return grouped


def document(result: CoverageResult, found: list[Gap] | None = None) -> dict:
    """The coverage JSON document (README, "The coverage JSON"): the result's figures and its gap list
    (``found``, when the caller has it). What ``coverage --json`` prints and what a sending keeps."""
    data = result.as_dict()
    if len(result.townships) > 1:  # a county's: the county named, with its 全县合计 (engine.county_area)
        from outreach_desk.services.county import office
        from outreach_desk.services.coverage.engine import county_area

        county = office.get()
        area = county_area(result.townships, county.title).as_dict([r.key for r in result.rules])
        data["county"] = {**area, "name": county.name, "office": county.unit, "index_basis": "townships"}
    data["gaps"] = [g.as_dict() for g in (gap_list(result) if found is None else found)]
    return data
