"""The dashboard of a county database across its townships: a table of townships, each against its own campaign.

One row per township (its campaign to date: compliance index, awareness, lagging villages, this month's
activities and people reached, the months whose package the county never imported), the bottom-streak column
filled in a second pass. Sorting by a column
ranks the townships by it; a double click (or Enter) opens that township's own dashboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from outreach_desk.services.county.status import months_text
from outreach_desk.services.county_dashboard import TownshipRow
from outreach_desk.services.dashboard import LAG_THRESHOLD
from outreach_desk.services.supervision.board import Streaks
from outreach_desk.ui.dashboard.tiles import BAD, change, names_line, percent
from outreach_desk.ui.widgets.list_table import list_table

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CAMPAIGN_WIDTH = 130  # px: a long campaign name is elided (its tooltip says the period), the table fits 1024 px
TOWNSHIP, CAMPAIGN, INDEX, AWARENESS, LAGGING, ACTIVITIES, PEOPLE, NOT_SENT, STREAKS = range(9)


class _Item(QTableWidgetItem):
    """A cell sorted by its value (SORT_ROLE), not by its text; cells without a value sort last."""

    def __init__(self, text: str, value=None):
        super().__init__(text)
        self.setData(SORT_ROLE, value)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:   # last in either order: Qt sorts descending by asking other < self
            table = self.tableWidget()
            descending = table is not None and \
                table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            return (mine is None and theirs is not None) if descending else (mine is not None and theirs is None)
        return mine < theirs


class CountyView(QWidget):
    """The townships side by side; ``township_chosen(id)`` when the clerk opens one."""

    township_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardCounty")
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.set_county("")
        self.not_sent_line = QLabel(self)   # the townships with months never imported, by name
        self.not_sent_line.setObjectName("countyNotSent")
        self.not_sent_line.setWordWrap(True)
        self.not_sent_line.setStyleSheet(f"color: {BAD}")
        self.not_sent_line.hide()
        self.table = list_table(self, "countyTable", [
            self.tr("Township"), self.tr("Campaign"), self.tr("Compliance index"), self.tr("Awareness"),
            self.tr("Lagging villages"), self.tr("Activities this month"), self.tr("People reached"),
            self.tr("Not sent"), self.tr("Bottom months running")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CAMPAIGN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TOWNSHIP, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STREAKS, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSortIndicator(INDEX, Qt.SortOrder.DescendingOrder)   # a ranking
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open(row))
        self.table.activated.connect(lambda index: self._open(index.row()))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.caption)
        column.addWidget(self.not_sent_line)
        column.addWidget(self.table, 1)
        self.rows: list[TownshipRow] = []

    def set_county(self, name: str) -> None:
        """The heading names the county (once its office set a name)."""
        if name:
            self.caption.setText(self.tr("{county}: every township against its own campaign, from its start to "
                                         "today. Double-click a township to open its dashboard.").format(county=name))
        else:
            self.caption.setText(self.tr("Every township against its own campaign, from its start to today. "
                                         "Double-click a township to open its dashboard."))

    def _open(self, row: int) -> None:
        item = self.table.item(row, TOWNSHIP)
        if item is not None:
            self.township_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def set_rows(self, rows: list[TownshipRow]) -> None:
        """The townships' figures; their streaks say "…" until :meth:`set_streaks`."""
        self.rows = rows
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            name = _Item(row.name, row.name)
            name.setData(Qt.ItemDataRole.UserRole, row.township_id)
            self.table.setItem(number, TOWNSHIP, name)
            for column, item in enumerate(self._cells(row), start=CAMPAIGN):
                self.table.setItem(number, column, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnToContents(CAMPAIGN)
        self.table.setColumnWidth(CAMPAIGN, min(self.table.columnWidth(CAMPAIGN), CAMPAIGN_WIDTH))
        missing = [self.tr("{township} ({months})").format(township=row.name, months=months_text(row.not_sent))
                   for row in rows if row.tiles is not None and row.not_sent]
        self.not_sent_line.setText(self.tr("Not sent: {townships}. The county never imported these months' "
                                           "packages, so these townships' figures lack their records.").format(
            townships=self.tr("; ").join(missing)))
        self.not_sent_line.setVisible(bool(missing))

    def _cells(self, row: TownshipRow) -> list[_Item]:
        tiles = row.tiles
        if tiles is None:
            return [_Item(self.tr("No campaign")), *(_Item("—") for _ in range(INDEX, STREAKS)),
                    _Item("—")]
        not_sent = _Item(self.tr("%n month(s)", "", len(row.not_sent)) if row.not_sent else "", len(row.not_sent))
        if row.not_sent:
            not_sent.setForeground(QBrush(QColor(BAD)))
            not_sent.setToolTip(self.tr("The county holds no package of {township} for {months}: its figures over "
                                        "the campaign lack their records.").format(township=row.name,
                                                                                   months=months_text(row.not_sent)))
        campaign = _Item(tiles.campaign_name or "", tiles.campaign_name)
        campaign.setToolTip(f"{tiles.campaign_name}\n{row.period_label}")
        index = _Item(percent(tiles.compliance_index), tiles.compliance_index)
        if tiles.compliance_index is not None and tiles.compliance_index < LAG_THRESHOLD:
            index.setForeground(QBrush(QColor(BAD)))
        awareness = _Item(percent(tiles.awareness_rate), tiles.awareness_rate)
        lagging = _Item(f"{tiles.lagging_villages} / {tiles.villages}", tiles.lagging_villages)
        direction, amount = change(tiles.month_activities, tiles.last_month_activities)
        activities = _Item(f"{tiles.month_activities:,} {direction}{amount}", tiles.month_activities)
        activities.setToolTip(self.tr("{month}; the same days of {last_month}: {count}").format(
            month=tiles.month_label, last_month=tiles.last_month_label, count=f"{tiles.last_month_activities:,}"))
        people = _Item(f"{tiles.month_people:,}", tiles.month_people)
        for item in (index, awareness, lagging, activities, people):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return [campaign, index, awareness, lagging, activities, people, not_sent, _Item(self.tr("Ranking…"))]

    def set_streaks(self, streaks: dict[int, Streaks]) -> None:
        """Each township's villages at the bottom several months running (its own ranking)."""
        self.table.setSortingEnabled(False)   # the rows stay where they are while the column fills
        shown = next(iter(streaks.values()), None)
        if shown is not None:   # the same wording as the township dashboard's tile (连续2期排名后3名)
            self.table.horizontalHeaderItem(STREAKS).setText(self.tr(
                "In the bottom {n}, %n months running", None, shown.months).format(n=shown.bottom))
        for number in range(self.table.rowCount()):
            township_id = int(self.table.item(number, TOWNSHIP).data(Qt.ItemDataRole.UserRole))
            found = streaks.get(township_id)
            if found is None:
                self.table.setItem(number, STREAKS, _Item("—"))
                continue
            names = [s.name for s in found.villages]
            item = _Item(f"{len(names)}" + (f"：{names_line(names)}" if names else ""), len(names))
            item.setToolTip("\n".join([self.tr(
                "Villages among the last {count} of {township}'s ranking in each of the last {months} months or "
                "more, up to {month}").format(count=found.bottom, township=self.table.item(number, TOWNSHIP).text(),
                                              months=found.months, month=found.through), *names]))
            if names:
                item.setForeground(QBrush(QColor(BAD)))
            self.table.setItem(number, STREAKS, item)
        self.table.setSortingEnabled(True)

    def streak_texts(self) -> dict[str, str]:
        """Township name → what its streak cell says (for tests and a glance)."""
        return {self.table.item(n, TOWNSHIP).text(): self.table.item(n, STREAKS).text()
                for n in range(self.table.rowCount())}
