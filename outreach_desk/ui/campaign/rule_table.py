"""The table of a campaign's target rules: an "on" checkbox per rule that switches it in the store.

Labels come from the services' vocabularies, so the table reads as the plans do (每个出入口…),
and quotas are shown with attribute names in the interface language (出入口 + 电梯).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from outreach_desk.services import organisation, vocab
from outreach_desk.services.coverage import rules
from outreach_desk.services.coverage.rules import Rule
from outreach_desk.services.errors import ServiceError

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def quota_text(quota: str) -> str:
    """``entrances + elevators`` as the clerk reads it (``出入口 + 电梯``); the parser accepts both."""
    return _NAME.sub(lambda m: vocab.attribute_label(m.group()) if m.group() in vocab.SITE_ATTRIBUTE_LABELS
                     else m.group(), quota)


def kind_names() -> dict[str, str]:
    return {kind.code: kind.name for kind in organisation.list_kinds()}


def applies_to_text(rule: Rule) -> str:
    if rule.applies_to == "site":
        return "、".join(vocab.label(vocab.SITE_KINDS, code) for code in rule.site_kinds)
    return rules.label(rules.UNIT_TYPE_LABELS, rule.applies_to)


class RulesTableModel(QAbstractTableModel):
    ENABLED, NAME, APPLIES_TO, KINDS, MEASURE, QUOTA, PERIOD = range(7)

    #: the clerk switched a rule on or off: (rule id, enabled); the store already has it
    enabled_changed = Signal(int, bool)
    #: the store refused a switch (the rule is gone): the message to show
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rules: list[Rule] = []
        self._kinds: dict[str, str] = {}

    def load(self, campaign_id: int | None) -> None:
        self.beginResetModel()
        self._kinds = kind_names()
        self._rules = rules.list_rules(campaign_id) if campaign_id is not None else []
        self.endResetModel()

    def rule(self, row: int) -> Rule | None:
        return self._rules[row] if 0 <= row < len(self._rules) else None

    def row_of(self, rule_id: int) -> int:
        return next((row for row, rule in enumerate(self._rules) if rule.id == rule_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("On"), self.tr("Target"), self.tr("Applies to"), self.tr("Activity kinds that count"),
                  self.tr("Measure"), self.tr("Quota per unit"), self.tr("Judged over"))
        return titles[section] if 0 <= section < len(titles) else None

    def _text(self, rule: Rule, column: int) -> str:
        if column == self.NAME:
            return rule.name
        if column == self.APPLIES_TO:
            return applies_to_text(rule)
        if column == self.KINDS:
            return "、".join(self._kinds.get(code, code) for code in rule.kinds) if rule.counts_activities else "—"
        if column == self.MEASURE:
            return rules.label(rules.MEASURE_LABELS, rule.measure)
        if column == self.QUOTA:
            return quota_text(rule.quota)
        if column == self.PERIOD:
            return rules.label(rules.PERIOD_LABELS, rule.period)
        return ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rule = self._rules[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.ENABLED:
            return Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and column != self.ENABLED:
            return self._text(rule, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Counted in coverage") if rule.enabled else self.tr("Switched off: not counted")
        if role == Qt.ItemDataRole.ForegroundRole and not rule.enabled:
            return QColor("#9e9e9e")
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.ENABLED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.ENABLED or role != Qt.ItemDataRole.CheckStateRole:
            return False
        rule = self._rules[index.row()]
        enabled = Qt.CheckState(value) == Qt.CheckState.Checked
        try:
            rules.set_enabled(rule.id, enabled)
        except ServiceError as exc:
            self.refused.emit(str(exc))
            return False
        rule.enabled = enabled
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.enabled_changed.emit(rule.id, enabled)
        return True
