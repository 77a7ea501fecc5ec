"""The commendations and criticisms tab (表扬与批评): decisions prefilled from last month's rankings of villages
and of member units (the top commended, the bottom criticised, reasons from the figures) or written by hand, and
deleted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.supervision import inspections
from outreach_desk.ui.supervision import judged_day
from outreach_desk.ui.supervision.record_table import fill_rows, record_table
from outreach_desk.ui.supervision.supervision_tab import SupervisionTab


def _tr(text: str) -> str:
    return translate("OrdersPage", text)


class DecisionsTab(SupervisionTab):
    def __init__(self, page):
        super().__init__(page)
        self.table = record_table(self, "decisionsTable", [
            self.tr("Decided"), self.tr("Commended / criticised"), self.tr("Who"), self.tr("Period"),
            self.tr("Reason")])
        self.decisions: list[inspections.Decision] = []
        from_ranking = QPushButton(self.tr("From last month's ranking…"), self)
        from_ranking.setObjectName("decisionsFromRanking")
        from_ranking.clicked.connect(lambda: self.decisions_from_ranking())
        new_decision = QPushButton(self.tr("New…"), self)
        new_decision.setObjectName("newDecision")
        new_decision.clicked.connect(lambda: self.new_decision())
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteDecision")
        self.delete_button.clicked.connect(lambda: self.delete_decision())
        self.table.currentCellChanged.connect(
            lambda *_cells: self.delete_button.setEnabled(self.selected() is not None))
        buttons = QHBoxLayout()
        for button in (new_decision, from_ranking, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def fill(self, township) -> None:
        decisions = self.decisions = inspections.list_decisions(township.id)
        self.delete_button.setEnabled(self.selected() is not None)
        fill_rows(self.table, [(d.decided.isoformat(), inspections.kind_label(d.kind), d.name, d.period_label,
                                d.reason) for d in decisions])

    def selected(self) -> inspections.Decision | None:
        row = self.table.currentRow()
        return self.decisions[row] if 0 <= row < len(self.decisions) else None

    def decisions_from_ranking(self) -> bool:
        """Commend the top and criticise the bottom of last month's rankings (villages, then member units, from the
        same coverage results), reasons from the figures."""
        from outreach_desk.services.coverage import periods
        from outreach_desk.services.coverage.engine import Scope
        from outreach_desk.services.supervision import rankings

        if self.township is None:
            return False
        today = judged_day.today()
        first = today.replace(day=1) - dt.timedelta(days=1)
        try:
            marks = int(self.context.settings.value(rankings.MARK_COUNT_SETTING, rankings.DEFAULT_MARK_COUNT))
        except (TypeError, ValueError):
            marks = rankings.DEFAULT_MARK_COUNT
        month, scope = periods.month(first.year, first.month), Scope(township_id=self.township.id)
        try:
            ranking = rankings.rank(month, scope=scope, mark_count=marks)
            units = rankings.rank(month, campaign=ranking.result.campaign, scope=scope, mark_count=marks,
                                  unit_type=rankings.MEMBER_UNITS,
                                  results=[r for r in (ranking.result, ranking.previous_result) if r is not None])
        except ServiceError as exc:
            self.say(str(exc))
            return False
        drafts = [draft for found in (ranking, units)
                  for draft in inspections.drafts_from_ranking(found, self.township.id, today)]
        made: dict = {"ids": [], "kept": []}

        def do():
            if made["kept"]:
                for decision in made["kept"]:
                    inspections.restore_decision(decision)
            else:
                made["ids"] = [inspections.add_decision(draft) for draft in drafts]

        def undo():
            made["kept"] = [inspections.delete_decision(decision_id) for decision_id in made["ids"]]

        return bool(drafts) and self.push(_tr("Commend and criticise from the ranking"), do, undo)

    def new_decision(self) -> bool:
        from outreach_desk.ui.supervision.order_dialogs import DecisionDialog

        if self.township is None:
            return False
        dialog = DecisionDialog(self.township.id, self, today=judged_day.today())
        return dialog.exec() == QDialog.DialogCode.Accepted and self.add_decision(dialog.value())

    def add_decision(self, data: inspections.DecisionInput) -> bool:
        """Record ``data`` (checked first) as one undoable step."""
        return self.add_step(_tr("Record a commendation or criticism"), inspections.validate_decision(data),
                             lambda: inspections.add_decision(data), inspections.delete_decision,
                             inspections.restore_decision)

    def delete_decision(self) -> bool:
        decision = self.selected()
        if decision is None:
            return False
        return self.delete_step(_tr("Delete a commendation or criticism"),
                                lambda: inspections.delete_decision(decision.id), inspections.restore_decision)
