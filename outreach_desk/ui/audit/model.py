"""The audit trail as a table model that holds only the entries the view has asked for, and the words
the page uses for actions, kinds of record and stored fields.

Entries come from :mod:`services.audit` a page at a time (``canFetchMore``/``fetchMore``, keyset on
time and id), newest first; a filter change re-queries in SQL.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from outreach_desk.services import audit, vocab
from outreach_desk.ui.widgets.paged_model import PagedTableModel
from outreach_desk.ui.widgets.row_model import Column

CONTEXT = "AuditModel"

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditModel", "Added"),
    "update": QT_TRANSLATE_NOOP("AuditModel", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditModel", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("AuditModel", "Brought back"),
    "revert": QT_TRANSLATE_NOOP("AuditModel", "Undo/redo of an edit"),
    "import": QT_TRANSLATE_NOOP("AuditModel", "Imported"),
}
RECORD_TYPES = {
    "activity": QT_TRANSLATE_NOOP("AuditModel", "Activity record"),
    "township": QT_TRANSLATE_NOOP("AuditModel", "Township"),
    "village": QT_TRANSLATE_NOOP("AuditModel", "Village / community"),
    "site": QT_TRANSLATE_NOOP("AuditModel", "Site"),
    "member_unit": QT_TRANSLATE_NOOP("AuditModel", "Member unit"),
    "kind": QT_TRANSLATE_NOOP("AuditModel", "Activity kind"),
    "campaign": QT_TRANSLATE_NOOP("AuditModel", "Campaign"),
    "rule": QT_TRANSLATE_NOOP("AuditModel", "Target rule"),
    "survey": QT_TRANSLATE_NOOP("AuditModel", "Awareness survey"),
    "letter": QT_TRANSLATE_NOOP("AuditModel", "Parent letters"),
    "import": QT_TRANSLATE_NOOP("AuditModel", "Workbook import"),
    "assigned_target": QT_TRANSLATE_NOOP("AuditModel", "Assigned target"),
    "assigned_number": QT_TRANSLATE_NOOP("AuditModel", "Assigned number"),
    "fraud_cases": QT_TRANSLATE_NOOP("AuditModel", "Fraud-case figures"),
    "rectification_order": QT_TRANSLATE_NOOP("AuditModel", "Rectification order"),
    "inspection": QT_TRANSLATE_NOOP("AuditModel", "Inspection"),
    "supervision_decision": QT_TRANSLATE_NOOP("AuditModel", "Commendation or criticism"),
    "sending": QT_TRANSLATE_NOOP("AuditModel", "Sending of a month"),
    "period_close": QT_TRANSLATE_NOOP("AuditModel", "Closed month"),
}
FIELDS = {
    "date": QT_TRANSLATE_NOOP("AuditModel", "Date"),
    "uuid": QT_TRANSLATE_NOOP("AuditModel", "Record key"),
    "name": QT_TRANSLATE_NOOP("AuditModel", "Name"),
    "office_name": QT_TRANSLATE_NOOP("AuditModel", "Office"),
    "preparer": QT_TRANSLATE_NOOP("AuditModel", "Prepared by"),
    "reviewer": QT_TRANSLATE_NOOP("AuditModel", "Reviewed by"),
    "village_name": QT_TRANSLATE_NOOP("AuditModel", "Village / community"),
    "site_name": QT_TRANSLATE_NOOP("AuditModel", "Site"),
    "member_unit_name": QT_TRANSLATE_NOOP("AuditModel", "Organised by"),
    "kind_name": QT_TRANSLATE_NOOP("AuditModel", "Activity"),
    "kind": QT_TRANSLATE_NOOP("AuditModel", "Kind"),
    "quantity": QT_TRANSLATE_NOOP("AuditModel", "Quantity"),
    "people": QT_TRANSLATE_NOOP("AuditModel", "People reached"),
    "audiences": QT_TRANSLATE_NOOP("AuditModel", "Audiences"),
    "topics": QT_TRANSLATE_NOOP("AuditModel", "Fraud topics"),
    "place_note": QT_TRANSLATE_NOOP("AuditModel", "Place"),
    "notes": QT_TRANSLATE_NOOP("AuditModel", "Notes"),
    "photos": QT_TRANSLATE_NOOP("AuditModel", "Photos"),
    "created_at": QT_TRANSLATE_NOOP("AuditModel", "Created"),
    "updated_at": QT_TRANSLATE_NOOP("AuditModel", "Last changed"),
    "households": QT_TRANSLATE_NOOP("AuditModel", "Households"),
    "residents": QT_TRANSLATE_NOOP("AuditModel", "Residents"),
    "entrances": QT_TRANSLATE_NOOP("AuditModel", "Entrances"),
    "elevators": QT_TRANSLATE_NOOP("AuditModel", "Elevators"),
    "students": QT_TRANSLATE_NOOP("AuditModel", "Students"),
    "classes": QT_TRANSLATE_NOOP("AuditModel", "Classes"),
    "duties": QT_TRANSLATE_NOOP("AuditModel", "Duties"),
    "name_zh": QT_TRANSLATE_NOOP("AuditModel", "Name (Chinese)"),
    "name_en": QT_TRANSLATE_NOOP("AuditModel", "Name (English)"),
    "unit_zh": QT_TRANSLATE_NOOP("AuditModel", "Unit (Chinese)"),
    "unit_en": QT_TRANSLATE_NOOP("AuditModel", "Unit (English)"),
    "active": QT_TRANSLATE_NOOP("AuditModel", "In use"),
    "enabled": QT_TRANSLATE_NOOP("AuditModel", "Switched on"),
    "key": QT_TRANSLATE_NOOP("AuditModel", "Rule key"),
    "applies_to": QT_TRANSLATE_NOOP("AuditModel", "Applies to"),
    "site_kinds": QT_TRANSLATE_NOOP("AuditModel", "Site kinds"),
    "kinds": QT_TRANSLATE_NOOP("AuditModel", "Activity kinds"),
    "measure": QT_TRANSLATE_NOOP("AuditModel", "Measure"),
    "quota": QT_TRANSLATE_NOOP("AuditModel", "Quota"),
    "period": QT_TRANSLATE_NOOP("AuditModel", "Period"),
    "theme": QT_TRANSLATE_NOOP("AuditModel", "Theme"),
    "start_date": QT_TRANSLATE_NOOP("AuditModel", "First day"),
    "end_date": QT_TRANSLATE_NOOP("AuditModel", "Last day"),
    "is_current": QT_TRANSLATE_NOOP("AuditModel", "Current campaign"),
    "phases": QT_TRANSLATE_NOOP("AuditModel", "Phases"),
    "deadlines": QT_TRANSLATE_NOOP("AuditModel", "Report deadlines"),
    "respondents": QT_TRANSLATE_NOOP("AuditModel", "Respondents"),
    "aware": QT_TRANSLATE_NOOP("AuditModel", "Aware"),
    "method": QT_TRANSLATE_NOOP("AuditModel", "Method"),
    "class_name": QT_TRANSLATE_NOOP("AuditModel", "Class"),
    "issued": QT_TRANSLATE_NOOP("AuditModel", "Letters issued"),
    "signed": QT_TRANSLATE_NOOP("AuditModel", "Signed back"),
    "source_name": QT_TRANSLATE_NOOP("AuditModel", "File"),
    "activities": QT_TRANSLATE_NOOP("AuditModel", "Activity records"),
    "surveys": QT_TRANSLATE_NOOP("AuditModel", "Surveys"),
    "parent_letters": QT_TRANSLATE_NOOP("AuditModel", "Parent letter records"),
    "skipped": QT_TRANSLATE_NOOP("AuditModel", "Rows imported before"),
    "sort_order": QT_TRANSLATE_NOOP("AuditModel", "Order"),
    "code": QT_TRANSLATE_NOOP("AuditModel", "Code"),
    "builtin": QT_TRANSLATE_NOOP("AuditModel", "Built in"),
    "year": QT_TRANSLATE_NOOP("AuditModel", "Year"),
    "month": QT_TRANSLATE_NOOP("AuditModel", "Month"),
    "cases": QT_TRANSLATE_NOOP("AuditModel", "Fraud cases"),
    "losses_fen": QT_TRANSLATE_NOOP("AuditModel", "Losses (fen)"),
    "dissuaded": QT_TRANSLATE_NOOP("AuditModel", "Attempts stopped"),
    "frozen": QT_TRANSLATE_NOOP("AuditModel", "Payments frozen"),
    "task": QT_TRANSLATE_NOOP("AuditModel", "What must be done"),
    "deadline": QT_TRANSLATE_NOOP("AuditModel", "Deadline"),
    "status": QT_TRANSLATE_NOOP("AuditModel", "Status"),
    "recheck_date": QT_TRANSLATE_NOOP("AuditModel", "Re-inspected on"),
    "recheck_result": QT_TRANSLATE_NOOP("AuditModel", "Re-inspection result"),
    "rule_key": QT_TRANSLATE_NOOP("AuditModel", "Target"),
    "rule_keys": QT_TRANSLATE_NOOP("AuditModel", "Targets"),
    "inspection": QT_TRANSLATE_NOOP("AuditModel", "Inspection no."),
    "inspectors": QT_TRANSLATE_NOOP("AuditModel", "Inspectors"),
    "findings": QT_TRANSLATE_NOOP("AuditModel", "Findings"),
    "outcome": QT_TRANSLATE_NOOP("AuditModel", "Outcome"),
    "decided": QT_TRANSLATE_NOOP("AuditModel", "Decided on"),
    "reason": QT_TRANSLATE_NOOP("AuditModel", "Reason"),
    "figures": QT_TRANSLATE_NOOP("AuditModel", "Figures"),
    "period_label": QT_TRANSLATE_NOOP("AuditModel", "Period"),
    "period_start": QT_TRANSLATE_NOOP("AuditModel", "Period from"),
    "period_end": QT_TRANSLATE_NOOP("AuditModel", "Period to"),
    "fraud_case_months": QT_TRANSLATE_NOOP("AuditModel", "Month figures added"),
    "corrected": QT_TRANSLATE_NOOP("AuditModel", "Corrected"),
    "unchanged": QT_TRANSLATE_NOOP("AuditModel", "Unchanged"),
}
#: ids shown by the name stored beside them, and keys that mean nothing to a clerk
_HIDDEN = {"id", "village", "site", "member_unit", "township", "campaign", "version"}  # version: a count


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_label(code: str) -> str:
    return _tr(ACTIONS[code]) if code in ACTIONS else code


def type_label(code: str) -> str:
    return _tr(RECORD_TYPES[code]) if code in RECORD_TYPES else code


def field_label(key: str) -> str:
    return _tr(FIELDS[key]) if key in FIELDS else key


def value_text(key: str, value, record_type: str = "") -> str:
    """A stored value as a clerk reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _tr("Yes") if value else _tr("No")
    if record_type == "activity" and key in ("audiences", "topics") and isinstance(value, int):
        terms = vocab.AUDIENCES if key == "audiences" else vocab.TOPICS
        return "、".join(vocab.labels_of(terms, value))
    if isinstance(value, list):
        return "、".join(" ".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)
                        for item in value)
    return str(value)


#: shown first (what the record is about) and last (bookkeeping); the rest keep their stored order
_FIRST = ("date", "name", "village_name", "site_name", "kind_name", "member_unit_name")
_LAST = ("photos", "created_at", "updated_at", "uuid")


def shown_changes(entry: audit.AuditEntry) -> list[audit.FieldChange]:
    """The fields of an entry worth showing, names first: ids that have a name beside them are left out."""
    shown = [c for c in audit.changes(entry.before, entry.after) if c.field not in _HIDDEN
             and not (c.field == "kind" and entry.record_type == "activity")]

    def place(change: audit.FieldChange) -> int:
        if change.field in _FIRST:
            return _FIRST.index(change.field) - len(_FIRST)
        return _LAST.index(change.field) + 1 if change.field in _LAST else 0

    return sorted(shown, key=place)


class AuditModel(PagedTableModel):
    """The entries of :attr:`audit_filter`, newest first."""

    CONTEXT = CONTEXT
    COLUMNS = (
        Column("time", QT_TRANSLATE_NOOP("AuditModel", "Time")),
        Column("who", QT_TRANSLATE_NOOP("AuditModel", "Who")),
        Column("action", QT_TRANSLATE_NOOP("AuditModel", "Action")),
        Column("record", QT_TRANSLATE_NOOP("AuditModel", "Record")),
        Column("what", QT_TRANSLATE_NOOP("AuditModel", "What")),
    )

    def __init__(self, parent=None, page_size: int = audit.PAGE_SIZE):
        super().__init__(parent, page_size)
        self._filter = audit.AuditFilter()

    @property
    def audit_filter(self) -> audit.AuditFilter:
        return self._filter

    def set_filter(self, audit_filter: audit.AuditFilter) -> None:
        self._filter = audit_filter
        self.load()

    def read_page(self, after, limit: int):
        page = audit.entries(self._filter, after, limit)
        return page.rows, page.next_key

    def display(self, row: audit.AuditRow, key: str) -> str:
        if key == "time":
            return row.local_time.strftime("%Y-%m-%d %H:%M:%S")
        if key == "who":
            return row.who
        if key == "action":
            return action_label(row.action)
        return type_label(row.record_type) if key == "record" else row.summary

    def tooltip(self, row: audit.AuditRow, key: str) -> str | None:
        if key == "who" and row.actor:
            return _tr("Clerk {name}, computer user {user}").format(name=row.actor, user=row.os_user)
        if key == "who":
            return _tr("No clerk name was set; computer user {user}").format(user=row.os_user)
        return row.summary if key == "what" else None
