"""The audit trail as a table model that holds only the entries the view has asked for, and the words
the page uses for actions, kinds of record and stored fields.

Entries come from :mod:`services.audit` a page at a time (``canFetchMore``/``fetchMore``, keyset on
time and id), newest first; a filter change re-queries in SQL.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from outreach_desk.services import audit, vocab

CONTEXT = "AuditModel"
EntryIdRole = Qt.ItemDataRole.UserRole + 1

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
}
FIELDS = {
    "date": QT_TRANSLATE_NOOP("AuditModel", "Date"),
    "uuid": QT_TRANSLATE_NOOP("AuditModel", "Record key"),
    "name": QT_TRANSLATE_NOOP("AuditModel", "Name"),
    "office_name": QT_TRANSLATE_NOOP("AuditModel", "Office"),
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
}
#: ids shown by the name stored beside them, and keys that mean nothing to a clerk
_HIDDEN = {"id", "village", "site", "member_unit", "township", "campaign"}


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


COLUMNS = (
    QT_TRANSLATE_NOOP("AuditModel", "Time"),
    QT_TRANSLATE_NOOP("AuditModel", "Who"),
    QT_TRANSLATE_NOOP("AuditModel", "Action"),
    QT_TRANSLATE_NOOP("AuditModel", "Record"),
    QT_TRANSLATE_NOOP("AuditModel", "What"),
)


def row_cells(row: audit.AuditRow) -> tuple[str, str, str, str, str]:
    return (row.local_time.strftime("%Y-%m-%d %H:%M:%S"), row.who, action_label(row.action),
            type_label(row.record_type), row.summary)


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None, page_size: int = audit.PAGE_SIZE):
        super().__init__(parent)
        self._page_size = page_size
        self._rows: list[audit.AuditRow] = []
        self._next: tuple | None = None
        self._filter = audit.AuditFilter()

    @property
    def audit_filter(self) -> audit.AuditFilter:
        return self._filter

    def set_filter(self, audit_filter: audit.AuditFilter) -> None:
        self._filter = audit_filter
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        try:
            page = audit.entries(self._filter, None, self._page_size)
            self._rows, self._next = list(page.rows), page.next_key
        finally:
            self.endResetModel()

    def row_data(self, row: int) -> audit.AuditRow:
        return self._rows[row]

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._next is None:
            return
        page = audit.entries(self._filter, self._next, self._page_size)
        self._next = page.next_key
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row_cells(row)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 1 and row.actor:
                return _tr("Clerk {name}, computer user {user}").format(name=row.actor, user=row.os_user)
            if index.column() == 1:
                return _tr("No clerk name was set; computer user {user}").format(user=row.os_user)
            if index.column() == 4:
                return row.summary
        if role == EntryIdRole:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section])
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
