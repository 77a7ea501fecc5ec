"""What a package's import does, in sentences: the preview before a replacement and the outcome after.

The window's import dialog and ``county-import`` show the same lines: per kind of record or organisation
row how many are added, changed and removed, and the villages, sites and units renamed.
"""

from __future__ import annotations

from outreach_desk.i18n import translate
from outreach_desk.services.safe_files import format_size
from outreach_desk.services.county.package_import import NEW, REPLACE, SAME, ImportPlan, ImportResult, month_label


def _tr(text: str) -> str:
    return translate("CountyImportPreview", text)


def kind_label(kind: str) -> str:
    return {
        "village": _tr("villages and communities"), "site": _tr("sites"), "member_unit": _tr("member units"),
        "assigned_target": _tr("assigned targets"), "assigned_number": _tr("assigned numbers"),
        "activity": _tr("activity records"), "survey": _tr("surveys"), "parent_letter": _tr("parent letters"),
        "fraud_case_month": _tr("fraud-case figures"), "inspection": _tr("inspections"),
        "rectification_order": _tr("rectification orders"),
        "supervision_decision": _tr("commendations and criticisms"),
    }.get(kind, kind)


def headline(plan: ImportPlan) -> str:
    """One sentence: whose month, which sending, and what the import is."""
    values = dict(file=plan.file_name, township=plan.sender, month=month_label(plan.month),
                  sequence=plan.sequence, held=plan.held_sequence)
    if plan.state == SAME:
        return _tr("{file}: {township}, {month}, sending {sequence} was imported before; nothing changes.").format(
            **values)
    if plan.state == NEW:
        text = _tr("{file}: {township}, {month}, sending {sequence}, new to this database.").format(**values)
        if not plan.township_known:
            text += _tr(" The township is added.")
        return text
    return _tr("{file}: {township}, {month}, sending {sequence} replaces sending {held}.").format(**values)


def missing_line(plan: ImportPlan, batch: set[tuple[str, str]] = frozenset()) -> str | None:
    """A warning naming the earlier months of the township's campaign the database holds no package of (those
    of packages in the same ``batch``, (township uuid, month), left out); None when none is missing."""
    months = [m for m in plan.missing_months if (plan.township_uuid, m) not in batch]
    if not months:
        return None
    from outreach_desk.services.county.status import months_text

    return _tr("Not sent: {township}'s packages for {months} were never imported here; its figures over the "
               "campaign (cumulative targets, the county's report and dashboard) lack those months until they "
               "are. Ask the township to send them.").format(township=plan.township, months=months_text(months))


def batch_of(plans) -> set[tuple[str, str]]:
    """(township uuid, month) of the township packages imported together."""
    return {(plan.township_uuid, plan.month) for plan in plans if not plan.village}


def lines(plan: ImportPlan, batch: set[tuple[str, str]] = frozenset()) -> list[str]:
    """Per kind with changes: added, changed, removed; then the renames; then the months not sent."""
    found = []
    for kind, counts in plan.changes.items():
        if counts.total:
            found.append(_tr("{kind}: {added} added, {changed} changed, {removed} removed").format(
                kind=kind_label(kind), added=counts.added, changed=counts.changed, removed=counts.removed))
    for old, new in plan.renamed:
        found.append(_tr("renamed: {old} → {new}").format(old=old, new=new))
    if plan.state == REPLACE and not found:
        found.append(_tr("the records are the same as those imported before"))
    missing = missing_line(plan, batch)
    return found + ([missing] if missing else [])


def outcome(plan: ImportPlan, result: ImportResult) -> str:
    if result.state == SAME and result.photos_stored:
        return _tr("{file}: {township}, {month}, sending {sequence} was imported before; its records stay as they "
                   "are, and {count} photos ({size}) the photo store lacked were put into it.").format(
            file=plan.file_name, township=plan.sender, month=month_label(plan.month), sequence=plan.sequence,
            count=result.photos_stored, size=format_size(result.photo_bytes))
    if result.state == SAME:
        return headline(plan) if plan.state == SAME else _tr(
            "{file} was imported meanwhile; nothing changes.").format(file=plan.file_name)
    text = _tr("{file} imported: {township}, {month}, sending {sequence}: {added} added, {changed} changed, "
               "{removed} removed.").format(file=plan.file_name, township=plan.sender,
                                            month=month_label(plan.month), sequence=plan.sequence,
                                            added=result.added, changed=result.changed, removed=result.removed)
    if result.photos_stored:
        text += _tr(" {count} photos ({size}) put into the photo store.").format(
            count=result.photos_stored, size=format_size(result.photo_bytes))
    if result.photos_missing:
        text += _tr(" {count} photos the records name are not in the package.").format(count=result.photos_missing)
    return text
