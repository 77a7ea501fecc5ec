"""Revisions (修订): the figures of a sent month that differ now from the last version sent, old → new.

The last sending keeps the coverage JSON and the record counts as they were sent; the same two
documents computed now are flattened the same way — per village and for the township: the compliance
index, each target's fulfilment, the activities of each kind, the people reached, the surveys and
letters — and every figure that differs is one revision. Percentages are compared as the report
prints them (0.1 %), so a float's last digit is never a revision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import periods
from outreach_desk.services.submission import closing
from outreach_desk.store.models import ActivityKind

PERCENT, INTEGER = "percent", "integer"


def _tr(text: str) -> str:
    return translate("Revisions", text)


@dataclass(frozen=True)
class Revision:
    area: str
    item: str
    old: float | int | None
    new: float | int | None
    kind: str  # PERCENT (fractions) or INTEGER


@dataclass
class Revisions:
    """The revisions of one township's month against its last sending."""

    sending: closing.Sending
    rows: list[Revision] = field(default_factory=list)


def _kind_names() -> dict[str, str]:
    return dict(ActivityKind.select(ActivityKind.code, ActivityKind.name_zh).tuples())


def _rounded(value, kind: str):
    if value is None:
        return None
    return round(float(value), 3) if kind == PERCENT else int(value)


def flatten(coverage: dict, counts: dict, kind_names: dict[str, str]) -> dict[tuple, tuple[str, str, object, str]]:
    """Every figure the report shows of a month, by a stable key: (area label, item label, value, kind)."""
    rules = {r["key"]: r["name"] for r in coverage.get("rules", [])}
    found: dict[tuple, tuple[str, str, object, str]] = {}
    areas = [("t", a) for a in coverage.get("townships", [])] + [("v", a) for a in coverage.get("villages", [])]
    order = {}
    for level, area in areas:
        key = (level, area["id"])
        order[key] = area["name"]
        found[key + ("index",)] = (area["name"], _tr("Compliance index"), _rounded(area["index"], PERCENT), PERCENT)
        for rule_key, cell in area.get("rules", {}).items():
            found[key + ("rule", rule_key)] = (area["name"], rules.get(rule_key, rule_key),
                                               _rounded(cell.get("fulfilment"), PERCENT), PERCENT)
    township = next((("t", a["id"]) for _l, a in areas if _l == "t"), None)
    for village_id, village in counts.get("villages", {}).items():
        key = ("v", int(village_id))
        name = order.get(key, village.get("name", ""))
        found[key + ("people",)] = (name, _tr("People reached"), village.get("people", 0), INTEGER)
        for code, n in village.get("kinds", {}).items():
            found[key + ("kind", code)] = (name, _tr("Activities: {kind}").format(kind=kind_names.get(code, code)),
                                           n, INTEGER)
    if township is not None:
        name = order[township]
        for code, n in counts.get("activity_kinds", {}).items():
            found[township + ("kind", code)] = (name, _tr("Activities: {kind}").format(
                kind=kind_names.get(code, code)), n, INTEGER)
        labels = {"survey": _tr("Awareness surveys"), "parent_letter": _tr("Parent letter records")}
        for record_type, label in labels.items():
            found[township + ("records", record_type)] = (name, label, counts.get("records", {}).get(record_type, 0),
                                                          INTEGER)
    return found


def compare(old: dict, new: dict) -> list[Revision]:
    """The figures of ``new`` that differ from ``old`` (a figure absent on one side counts as 0 or none), in
    the order of the report: the township first, then the villages, each area's figures together."""
    keys = list(new) + [k for k in old if k not in new]
    areas: dict[tuple, int] = {}
    for key in keys:
        areas.setdefault(key[:2], len(areas))
    rows = []
    for key in sorted(keys, key=lambda k: (k[0] != "t", areas[k[:2]])):
        area, item, _value, kind = new.get(key) or old[key]
        new_value = new[key][2] if key in new else None
        old_value = old[key][2] if key in old else None
        if kind == INTEGER:
            old_value, new_value = old_value or 0, new_value or 0
        if old_value != new_value:
            rows.append(Revision(area, item, old_value, new_value, kind))
    return rows


def revisions(township: int | str | None, month: str | periods.Period, *,
              coverage: dict | None = None) -> Revisions | None:
    """The month's revisions against its last sending; None when it was never sent. ``coverage``: the
    coverage document of the township's month when the caller computed it already."""
    period = closing.month_of(month)
    township_id = closing.township_id_of(township)
    sent = closing.last_sending(township_id, period)
    if sent is None:
        return None
    names = _kind_names()
    now_coverage = coverage if coverage is not None else closing.coverage_document(township_id, period)
    now = flatten(now_coverage, closing.record_counts(township_id, period), names)
    return Revisions(sent, compare(flatten(sent.coverage, sent.counts, names), now))
