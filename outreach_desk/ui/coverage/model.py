"""The coverage matrix as a table model: villages (and a total row per township) × targets.

Column 0 names the area, column 1 is its compliance index, then one column per enabled rule. A
cell shows the rule's completion rate there (the mean of min(done, required) / required over its
units, the same number as ``outreach-desk coverage``), coloured like a traffic light; the share of
units that fully meet the rule is in the tooltip. "No data" (a survey never made) counts as 0 and is
red like any unmet target; a month or phase not over yet reads "in progress" until it ends. Sorting
orders the villages inside each township and keeps the township's total row at the top of its group.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cmp_to_key

from PySide6.QtCore import QAbstractTableModel, QCollator, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from outreach_desk.services.coverage import case_measures
from outreach_desk.services.coverage.engine import NO_DATA, AreaResult, Cell, CoverageResult, UnitResult
from outreach_desk.ui.coverage import labels as coverage_labels

NAME_COLUMN, INDEX_COLUMN, FIRST_RULE_COLUMN = 0, 1, 2
TOWNSHIP, VILLAGE = "township", "village"
#: a rule or index fulfilment at or above this, not yet complete, is "partly" (amber); below it red
PARTLY_FROM = 0.5

MET, PARTLY, BEHIND, NO_DATA_STATUS, NOT_APPLICABLE, ELSEWHERE, IN_PROGRESS = (
    "met", "partly", "behind", "no_data", "not_applicable", "elsewhere", "in_progress")
STATUS_COLOURS = {
    MET: QColor("#c9e9c6"),
    PARTLY: QColor("#ffe2a0"),
    BEHIND: QColor("#f6bdb7"),
    NO_DATA_STATUS: QColor("#f6bdb7"),  # counts as 0: unmet, red like BEHIND (not grey like not applicable)
    NOT_APPLICABLE: QColor("#ededed"),
    ELSEWHERE: QColor("#f5f5f5"),
    IN_PROGRESS: QColor("#d5e5f6"),
}
TOWNSHIP_NAME_COLOUR = QColor("#d7e3f1")
MUTED_TEXT = QColor("#6b6b6b")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


def percent(value: float | None, complete: bool = False) -> str:
    """Whole percent as the CLI prints it, except that an unfinished target never reads "100%"."""
    if value is None:
        return "—"
    shown = round(value * 100)
    if shown >= 100 and not complete:
        shown = 99
    return f"{shown}%"


def fulfilment_status(value: float | None, complete: bool) -> str:
    if value is None:
        return NOT_APPLICABLE
    if complete:
        return MET
    return PARTLY if value >= PARTLY_FROM else BEHIND


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


@dataclass
class MatrixRow:
    kind: str  # township | village
    area: AreaResult


class CoverageModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._result: CoverageResult | None = None
        self._rules: list = []
        self._rows: list[MatrixRow] = []
        self._no_data: Counter = Counter()
        self._village_units: dict[tuple[str, int], UnitResult] = {}
        self._unplaced: Counter = Counter()
        self._sort: tuple[str, Qt.SortOrder] | None = None  # by column key, so it survives rules coming and going
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))

    # ------------------------------------------------------------------ content
    @property
    def result(self) -> CoverageResult | None:
        return self._result

    def set_result(self, result: CoverageResult | None) -> None:
        self.beginResetModel()
        self._result = result
        self._no_data = Counter()
        self._village_units = {}
        self._unplaced = Counter()
        rows: list[MatrixRow] = []
        # member-unit targets count for townships only: their columns (a dash in every village) go last
        self._rules = sorted(result.rules, key=lambda r: r.applies_to == "member_unit") if result else []
        if result is not None:
            for unit in result.units:
                if unit.status == NO_DATA:
                    self._no_data[(unit.rule_key, VILLAGE, unit.village_id)] += 1
                    self._no_data[(unit.rule_key, TOWNSHIP, unit.township_id)] += 1
                if unit.unit_type == "village":
                    self._village_units[(unit.rule_key, unit.unit_id)] = unit
            for u in result.unplaced:
                self._unplaced[(u.rule_key, VILLAGE, u.village_id)] += u.amount
                self._unplaced[(u.rule_key, TOWNSHIP, u.township_id)] += u.amount
            rows = self._grouped(result)
        self._rows = rows
        column = self._column_of_key(self._sort[0]) if self._sort else -1
        if column >= 0:
            self._rows = self._sorted(column, self._sort[1])
        self.endResetModel()

    @staticmethod
    def _grouped(result: CoverageResult) -> list[MatrixRow]:
        rows: list[MatrixRow] = []
        villages = list(result.villages)
        for township in result.townships:
            rows.append(MatrixRow(TOWNSHIP, township))
            rows += [MatrixRow(VILLAGE, v) for v in villages if v.township_id == township.id]
        listed = {t.id for t in result.townships}
        rows += [MatrixRow(VILLAGE, v) for v in villages if v.township_id not in listed]
        return rows

    def rule_at(self, column: int):
        if column < FIRST_RULE_COLUMN or column - FIRST_RULE_COLUMN >= len(self._rules):
            return None
        return self._rules[column - FIRST_RULE_COLUMN]

    def _key_of_column(self, column: int) -> str:
        """":name", ":index" or the rule's key (rule keys never hold a colon)."""
        if column == NAME_COLUMN:
            return ":name"
        return ":index" if column == INDEX_COLUMN else self.rule_at(column).key

    def _column_of_key(self, key: str) -> int:
        return {":name": NAME_COLUMN, ":index": INDEX_COLUMN}.get(key, self.column_of(key))

    def column_of(self, rule_key: str) -> int:
        for offset, rule in enumerate(self._rules):
            if rule.key == rule_key:
                return FIRST_RULE_COLUMN + offset
        return -1

    def row_at(self, row: int) -> MatrixRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, kind: str, area_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.kind == kind and r.area.id == area_id), -1)

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() or self._result is None:
            return 0
        return FIRST_RULE_COLUMN + len(self._rules)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NAME_COLUMN:
                return self.tr("Village / community")
            if section == INDEX_COLUMN:
                return self.tr("Compliance\nindex")
            return coverage_labels.header(self.rule_at(section))
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == NAME_COLUMN:
                return self.tr("Each township's total row heads its villages. Click a name for its gap list.")
            if section == INDEX_COLUMN:
                return self.tr("Compliance index of a village: the mean completion rate over the targets that "
                               "apply there, every target weighing the same.\nA township's index is the mean of its "
                               "villages' indexes, so it sits among the figures below it; its member-unit targets "
                               "are shown in their own columns and not counted in it.\n"
                               "Click a village's index for its whole gap list.")
            return coverage_labels.header_tooltip(self.rule_at(section))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if column == NAME_COLUMN:
            return self._name_data(row, role)
        if column == INDEX_COLUMN:
            value = row.area.index
            status = fulfilment_status(value, value is not None and value >= 1)
            text = percent(value, status == MET)
            tip = self._index_tooltip
        else:
            rule = self.rule_at(column)
            if rule is None:
                return None
            cell = row.area.cell(rule.key)
            status = self.cell_status(row, rule.key, cell)
            value = cell.fulfilment if cell is not None else None
            text = case_measures.no_data_text() if status == NO_DATA_STATUS and case_measures.is_case_measure(
                rule.measure) else self._cell_text(status, value)
            tip = self._cell_tooltip
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return value
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(STATUS_COLOURS[status])
        if role == Qt.ItemDataRole.ForegroundRole and status in (NOT_APPLICABLE, ELSEWHERE):
            return QBrush(MUTED_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and row.kind == TOWNSHIP:
            return self._bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(row, column)
        return None

    def _name_data(self, row: MatrixRow, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if row.kind == TOWNSHIP:
                return self.tr("{township} (total)").format(township=row.area.name)
            return row.area.name
        if role == SORT_ROLE:
            return row.area.name
        if role == Qt.ItemDataRole.FontRole and row.kind == TOWNSHIP:
            return self._bold()
        if role == Qt.ItemDataRole.BackgroundRole and row.kind == TOWNSHIP:
            return QBrush(TOWNSHIP_NAME_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Click for the gap list of {area}.").format(area=row.area.name)
        return None

    @staticmethod
    def _bold() -> QFont:
        font = QFont()
        font.setBold(True)
        return font

    # ------------------------------------------------------------------ cells
    def cell_status(self, row: MatrixRow, rule_key: str, cell: Cell | None) -> str:
        rule = self._result.rule(rule_key)
        if cell is None:
            return ELSEWHERE if rule.applies_to == "member_unit" and row.kind == VILLAGE else NOT_APPLICABLE
        if not cell.assessed:
            return IN_PROGRESS if cell.in_progress else NOT_APPLICABLE
        if self._no_data[(rule_key, row.kind, row.area.id)] == cell.assessed:
            return NO_DATA_STATUS
        return fulfilment_status(cell.fulfilment, cell.met == cell.assessed)

    def _cell_text(self, status: str, value: float | None) -> str:
        if status == NOT_APPLICABLE:
            return self.tr("n/a")
        if status == NO_DATA_STATUS:
            return self.tr("no data")
        if status == ELSEWHERE:
            return "—"
        if status == IN_PROGRESS:
            return self.tr("in progress")
        return percent(value, status == MET)

    def _index_tooltip(self, row: MatrixRow, _column: int) -> str:
        if row.kind == TOWNSHIP:
            villages = [v for v in row.area.villages or [] if v.index is not None]
            return self.tr("{area}: compliance index {index}\nThe mean of the indexes of its {count} villages and "
                           "communities, each weighing the same; member-unit targets are not counted in it.\n"
                           "Click for the whole gap list.").format(
                area=row.area.name, index=percent(row.area.index, bool(villages) and all(
                    v.index >= 1 for v in villages)), count=len(villages))
        cells = [c for c in row.area.cells.values() if c.assessed]
        complete = sum(1 for c in cells if c.met == c.assessed)
        return self.tr("{area}: compliance index {index}\n{complete} of {count} targets fully met\n"
                       "Click for the whole gap list.").format(
            area=row.area.name, index=percent(row.area.index, complete == len(cells) and bool(cells)),
            complete=complete, count=len(cells))

    def _cell_tooltip(self, row: MatrixRow, column: int) -> str:
        rule = self.rule_at(column)
        cell = row.area.cell(rule.key)
        status = self.cell_status(row, rule.key, cell)
        units = coverage_labels.units_label(rule)
        lines = [f"{row.area.name} · {rule.name}"]
        if status == ELSEWHERE:
            lines.append(self.tr("Member-unit targets count for the township total only."))
            return "\n".join(lines)
        unplaced = self._unplaced[(rule.key, row.kind, row.area.id)]
        unplaced_line = self.tr("{amount} logged here count for no {units}: see the gap list.").format(
            amount=number(unplaced), units=units) if unplaced else ""
        if status == IN_PROGRESS:
            lines.append(self.tr("In progress: the month or phase has not ended yet; judged when it ends "
                                 "({count} units not there yet).").format(count=cell.in_progress))
            return "\n".join(line for line in lines + [unplaced_line] if line)
        if cell is None or not cell.assessed:
            lines.append(self.tr("Not applicable: no {units} here that this target asks anything of.").format(
                units=units))
            return "\n".join(line for line in lines + [unplaced_line] if line)
        lines.append(self.tr("Completion {fulfilment} (mean over the {units})").format(
            fulfilment=percent(cell.fulfilment, cell.met == cell.assessed), units=units))
        lines.append(self.tr("Fully met: {met} of {assessed} ({share})").format(
            met=cell.met, assessed=cell.assessed, share=percent(cell.share_met, cell.met == cell.assessed)))
        if cell.not_applicable:
            lines.append(self.tr("Not applicable (quota 0): {count}").format(count=cell.not_applicable))
        no_data = self._no_data[(rule.key, row.kind, row.area.id)]
        if no_data:
            lines.append(self.tr("No data: {count} (counted as not met)").format(count=no_data))
        if cell.in_progress:
            lines.append(self.tr("In progress (month or phase not over): {count}").format(count=cell.in_progress))
        lines.append(unplaced_line)
        unit = self._village_units.get((rule.key, row.area.id)) if row.kind == VILLAGE else None
        if unit is not None:
            lines.append(self._unit_line(rule, unit))
        lines.append(self.tr("Click for the units behind this cell."))
        return "\n".join(line for line in lines if line)

    def _unit_line(self, rule, unit: UnitResult) -> str:
        judged = [a for a in unit.assessments if a.applicable]
        if rule.measure == "awareness" and len(judged) == 1:
            a = judged[0]
            if a.measure is None:
                return self.tr("No awareness survey with respondents yet.")
            return self.tr("Awareness rate {rate} ({aware} of {respondents} respondents), target {target}%").format(
                rate=f"{a.measure:.1f}%", aware=a.details.get("aware"), respondents=a.details.get("respondents"),
                target=a.quota)
        if case_measures.is_case_measure(rule.measure) and len(judged) == 1:
            return case_measures.figures_text(judged[0])
        if len(judged) == 1:
            return self.tr("Done {done}, required {quota}").format(done=number(judged[0].measure),
                                                                   quota=judged[0].quota)
        unmet = [a.window.label for a in judged if a.status != "met"]
        if unmet:
            return self.tr("Met in {met} of {count} periods; not met: {windows}").format(
                met=len(judged) - len(unmet), count=len(judged), windows=", ".join(unmet))
        return self.tr("Met in every one of {count} periods").format(count=len(judged)) if judged else ""

    # ------------------------------------------------------------------ sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sort = (self._key_of_column(column), order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_keys = [(self._rows[i.row()].kind, self._rows[i.row()].area.id) for i in old]
        self._rows = self._sorted(column, order)
        positions = {(r.kind, r.area.id): i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(positions[key], i.column()) for key, i in zip(old_keys, old)])
        self.layoutChanged.emit()

    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        """The column the rows are sorted by now and the order; column -1 when unsorted (or when the
        rule sorted by has gone from the result), for the header's arrow after a reset."""
        if self._sort is None:
            return -1, Qt.SortOrder.AscendingOrder
        return self._column_of_key(self._sort[0]), self._sort[1]

    def sort_value(self, row: MatrixRow, column: int) -> float | None:
        if column == INDEX_COLUMN:
            return row.area.index
        rule = self.rule_at(column)
        cell = row.area.cell(rule.key) if rule is not None else None
        return cell.fulfilment if cell is not None else None

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[MatrixRow]:
        descending = order == Qt.SortOrder.DescendingOrder
        result: list[MatrixRow] = []
        group: list[MatrixRow] = []

        def flush() -> None:
            result.extend(self._sort_group(group, column, descending))
            group.clear()

        for row in self._rows:
            if row.kind == TOWNSHIP:
                flush()
                result.append(row)
            else:
                group.append(row)
        flush()
        return result

    def _sort_group(self, rows: list[MatrixRow], column: int, descending: bool) -> list[MatrixRow]:
        """Villages in order of ``column``; areas without a value (not applicable) always last."""
        if column == NAME_COLUMN:
            by_name = cmp_to_key(lambda a, b: self._collator.compare(a.area.name, b.area.name))
            return sorted(rows, key=by_name, reverse=descending)
        known = [(self.sort_value(r, column), r) for r in rows]
        valued = sorted((item for item in known if item[0] is not None), key=lambda item: item[0], reverse=descending)
        return [r for _, r in valued] + [r for value, r in known if value is None]
