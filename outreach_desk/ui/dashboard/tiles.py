"""The dashboard's row of tiles: the few numbers a township leader reads before any chart.

Each tile is a big number with a caption above and one line of context below (the change
against last month, the awareness interval against its target, the days left to a deadline),
coloured when it calls for attention. The supervision tiles (villages at the bottom of the ranking
several months running, rectification orders overdue or due, the month's fraud cases 同比/环比) come
from ``services.supervision.board``; the orders tile opens the orders when clicked. The tiles wrap
onto more rows when the page is narrow, so no number is ever squeezed or clipped.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from outreach_desk.i18n import translate
from outreach_desk.services.dashboard import Tiles
from outreach_desk.services.supervision.board import NAMES_SHOWN, CasesMonth, OrdersDue, Streaks, Supervision
from outreach_desk.services.percent import whole_percent

GOOD, BAD, WARN, NEUTRAL = "#2e7d32", "#c62828", "#b26a00", "#555555"
#: a tile is never narrower than this (logical pixels); the row wraps instead
TILE_MIN_WIDTH = 190
#: a deadline this close is shown in red
DEADLINE_URGENT_DAYS = 3
UP, DOWN, SAME = "↑", "↓", "="


def percent(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value * 100:.{digits}f}%"


def names_line(names: list[str]) -> str:
    """The first NAMES_SHOWN names, then "and N more"."""
    shown = translate("DashboardTiles", "、").join(names[:NAMES_SHOWN])
    if len(names) > NAMES_SHOWN:
        return translate("DashboardTiles", "{names} and {count} more").format(names=shown,
                                                                           count=len(names) - NAMES_SHOWN)
    return shown


def change(current: int, previous: int) -> tuple[str, str]:
    """(direction, amount) of ``current`` against ``previous``: a percentage, or the count when last month had none."""
    if current == previous:
        return SAME, ""
    direction = UP if current > previous else DOWN
    if previous == 0:
        return direction, f"{abs(current - previous):,}"
    return direction, f"{abs(current - previous) / previous * 100:.0f}%"


class Tile(QFrame):
    """Caption, big value, detail line; ``clicked`` when made clickable."""

    clicked = Signal()

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#{name} {{ background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; }}")
        self.setMinimumWidth(TILE_MIN_WIDTH)
        # as tall as the tallest tile of its row (the row of tiles itself keeps its height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.caption = self._label(1.05, NEUTRAL)
        self.caption.setWordWrap(True)  # "2026年12月宣传活动（场次）" wraps rather than being cut
        self.value = self._label(2.2, "#1a1a1a", bold=True)
        self.detail = self._label(1.0, NEUTRAL)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for label in (self.caption, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def _label(self, scale: float, colour: str, bold: bool = False) -> QLabel:
        label = QLabel(self)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
        label.setStyleSheet(f"color: {colour}; border: none; background: transparent;")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def make_clickable(self) -> None:
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._clickable = True

    def mouseReleaseEvent(self, event) -> None:
        if getattr(self, "_clickable", False) and event.button() == Qt.MouseButton.LeftButton \
                and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def show_values(self, caption: str, value: str, detail: str = "", detail_colour: str = NEUTRAL,
                    value_colour: str = "#1a1a1a", tip: str = "") -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {value_colour}; border: none; background: transparent;")
        self.detail.setText(detail)
        self.detail.setStyleSheet(f"color: {detail_colour}; border: none; background: transparent;")
        self.setToolTip(tip)


class DashboardTiles(QWidget):
    """The dashboard's ten tiles, laid out in as many columns as fit."""

    NAMES = ("campaignTile", "activitiesTile", "peopleTile", "complianceTile", "awarenessTile", "laggingTile",
             "streakTile", "ordersTile", "casesTile", "deadlineTile")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardTiles")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.tiles = {name: Tile(name, self) for name in self.NAMES}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._columns = 0
        self._arrange(5)
        self.tiles["ordersTile"].make_clickable()
        self.clear()

    def tile(self, name: str) -> Tile:
        return self.tiles[name]

    # ------------------------------------------------------------------ layout
    def _arrange(self, columns: int) -> None:
        columns = max(1, min(len(self.NAMES), columns))
        if columns == self._columns:
            return
        self._columns = columns
        for name in self.NAMES:
            self._grid.removeWidget(self.tiles[name])
        for column in range(len(self.NAMES)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for position, name in enumerate(self.NAMES):
            self._grid.addWidget(self.tiles[name], position // columns, position % columns)

    def fit_width(self, width: int) -> None:
        """Use as many columns as fit in ``width`` (the owner calls it: inside a scroll area this
        widget's own width follows its minimum width, which follows the columns)."""
        spacing = self._grid.spacing()
        fitting = max(1, (width + spacing) // (TILE_MIN_WIDTH + spacing))
        rows = math.ceil(len(self.NAMES) / fitting)
        self._arrange(math.ceil(len(self.NAMES) / rows))  # 5 + 5 rather than 6 + 4

    def columns(self) -> int:
        return self._columns

    # ------------------------------------------------------------------ values
    def clear(self) -> None:
        for tile in self.tiles.values():
            tile.show_values(tile.caption.text() or " ", "—", " ")

    def set_tiles(self, tiles: Tiles) -> None:
        self._campaign(tiles)
        self._month("activitiesTile", self.tr("Activities in {month}").format(month=tiles.month_label),
                    tiles.month_activities, tiles.last_month_activities, tiles.last_month_label)
        self._month("peopleTile", self.tr("People reached in {month}").format(month=tiles.month_label),
                    tiles.month_people, tiles.last_month_people, tiles.last_month_label)
        self._compliance(tiles)
        self._awareness(tiles)
        self._lagging(tiles)
        self._deadline(tiles)

    def _campaign(self, tiles: Tiles) -> None:
        tile = self.tiles["campaignTile"]
        if tiles.campaign_day is None or tiles.campaign_days is None:
            tile.show_values(self.tr("Campaign day"), "—", tiles.campaign_name or "")
            return
        if tiles.campaign_day <= 0:
            detail = self.tr("Not started yet")
        elif tiles.phase_name:
            detail = self.tr("Phase: {phase}").format(phase=tiles.phase_name)
        else:
            detail = self.tr("Between phases")
        tile.show_values(self.tr("Campaign day"),
                         self.tr("{day} / {days}").format(day=tiles.campaign_day, days=tiles.campaign_days),
                         detail, tip=tiles.campaign_name or "")

    def _month(self, name: str, caption: str, current: int, previous: int, last_month: str) -> None:
        direction, amount = change(current, previous)
        if direction == SAME:
            detail, colour = self.tr("Same as last month"), NEUTRAL
        else:
            detail = self.tr("{arrow} {amount} vs the same days last month").format(arrow=direction, amount=amount)
            colour = GOOD if direction == UP else BAD
        self.tiles[name].show_values(caption, f"{current:,}", detail, colour,
                                     tip=self.tr("{month}: {count}").format(month=last_month, count=f"{previous:,}"))

    def _compliance(self, tiles: Tiles) -> None:
        self.tiles["complianceTile"].show_values(
            self.tr("Compliance index"), whole_percent(tiles.compliance_index),
            self.tr("Share of the targets met, all villages together"))

    def _awareness(self, tiles: Tiles) -> None:
        tile = self.tiles["awarenessTile"]
        target = percent(tiles.awareness_target)
        if tiles.awareness_rate is None:
            tile.show_values(self.tr("Awareness rate"), "—",
                             self.tr("No survey yet · target {target}").format(target=target))
            return
        below = tiles.awareness_rate < tiles.awareness_target
        if tiles.awareness_low is not None and tiles.awareness_high is not None:
            detail = self.tr("95% interval {low}–{high} · target {target}").format(
                low=percent(tiles.awareness_low), high=percent(tiles.awareness_high), target=target)
        else:
            detail = self.tr("Target {target}").format(target=target)
        tile.show_values(self.tr("Awareness rate"), percent(tiles.awareness_rate, 1), detail,
                         value_colour=BAD if below else GOOD,
                         tip=self.tr("{count} people surveyed").format(count=f"{tiles.awareness_respondents:,}"))

    def _lagging(self, tiles: Tiles) -> None:
        self.tiles["laggingTile"].show_values(
            self.tr("Villages lagging"), f"{tiles.lagging_villages:,}",
            self.tr("of {count} villages").format(count=f"{tiles.villages:,}"),
            value_colour=BAD if tiles.lagging_villages else GOOD)

    def _deadline(self, tiles: Tiles) -> None:
        tile = self.tiles["deadlineTile"]
        if tiles.overdue_deadlines:
            label, due = tiles.overdue_deadlines[0]
            lines = [self.tr("{title} · due {date}").format(title=t, date=d.isoformat())
                     for t, d in tiles.overdue_deadlines]
            if tiles.next_deadline_due is not None:
                lines.append(self.tr("Next: {title} · {date}").format(title=tiles.next_deadline_title or "",
                                                                      date=tiles.next_deadline_due.isoformat()))
            tile.show_values(self.tr("Report deadlines"),
                             self.tr("%n overdue", None, len(tiles.overdue_deadlines)),
                             self.tr("{title} · due {date}").format(title=label, date=due.isoformat()),
                             value_colour=BAD, detail_colour=BAD,
                             tip=self.tr("Overdue until marked sent (outreach-desk campaign sent TITLE --month "
                                         "YYYY-MM):\n{lines}").format(
                                 lines="\n".join(lines)))
            return
        if tiles.next_deadline_due is None or tiles.days_to_deadline is None:
            tile.show_values(self.tr("Next report deadline"), "—", self.tr("No deadline ahead"))
            return
        days = tiles.days_to_deadline
        value = self.tr("Today") if days == 0 else self.tr("{days} days").format(days=days)
        detail = self.tr("{title} · {date}").format(title=tiles.next_deadline_title or "",
                                                    date=tiles.next_deadline_due.isoformat())
        tile.show_values(self.tr("Next report deadline"), value, detail,
                         value_colour=BAD if days <= DEADLINE_URGENT_DAYS else "#1a1a1a")

    # ------------------------------------------------------------------ supervision
    def set_supervision(self, supervision: Supervision | None) -> None:
        """The bottom streaks, orders due and fraud cases tiles ("—" while not loaded; the streaks may come later)."""
        if supervision is None:
            for name in ("streakTile", "ordersTile", "casesTile"):
                self.tiles[name].show_values(self.tiles[name].caption.text() or " ", "—", " ")
            return
        self.set_streaks(supervision.streaks)
        self._orders(supervision.orders)
        self._cases(supervision.cases)

    def set_streaks(self, streaks: Streaks | None, failed: bool = False) -> None:
        """The bottom streaks tile; None while the last months are being ranked (or when that failed)."""
        if streaks is not None:
            self._streaks(streaks)
            return
        tile = self.tiles["streakTile"]
        detail = self.tr("Could not rank the last months") if failed else self.tr("Ranking the last months…")
        tile.show_values(tile.caption.text() or self.tr("Bottom months running"), "—", detail)

    def _streaks(self, streaks: Streaks) -> None:
        caption = self.tr("In the bottom {n}, %n months running", None, streaks.months).format(n=streaks.bottom)
        lines = [self.tr("{village}: %n months ({months})", None, s.length).format(
            village=s.name, months=self.tr("、").join(s.months)) for s in streaks.villages]
        tip = self.tr("Villages among the last %n of the ranking in each of the months up to {month}", None,
                      streaks.bottom).format(month=streaks.through)
        if not streaks.villages:
            self.tiles["streakTile"].show_values(caption, "0", self.tr("None up to {month}").format(
                month=streaks.through), value_colour=GOOD, tip=tip)
            return
        self.tiles["streakTile"].show_values(caption, f"{len(streaks.villages):,}",
                                             names_line([s.name for s in streaks.villages]),
                                             value_colour=BAD, detail_colour=BAD, tip="\n".join([tip, *lines]))

    def _orders(self, orders: OrdersDue) -> None:
        overdue, due = len(orders.overdue), len(orders.due_this_week)
        lines = []
        if orders.overdue:
            lines += [self.tr("Overdue:"), *orders.overdue]
        if orders.due_this_week:
            lines += [self.tr("Due within 7 days:"), *orders.due_this_week]
        lines.append(self.tr("Click to open the rectification orders."))
        colour = BAD if overdue else (WARN if due else GOOD)
        self.tiles["ordersTile"].show_values(
            self.tr("Rectification overdue / due"), self.tr("{overdue} / {due}").format(overdue=overdue, due=due),
            self.tr("%n overdue", None, overdue) + self.tr(", ") + self.tr("%n due within 7 days", None, due),
            detail_colour=colour, value_colour=colour, tip="\n".join(lines))

    def _cases(self, cases: CasesMonth) -> None:
        caption = self.tr("Fraud cases in {month}").format(month=cases.label)
        if cases.cases is None:
            self.tiles["casesTile"].show_values(caption, "—", self.tr("Not reported by the police station yet"))
            return
        detail = self.tr("YoY {yoy} · MoM {mom}").format(yoy=cases.yoy.text(), mom=cases.mom.text())
        rose = any(change.comparable and change.now > change.base for change in (cases.yoy, cases.mom))
        fell = all(change.fell for change in (cases.yoy, cases.mom))
        colour = BAD if rose else (GOOD if fell else NEUTRAL)
        self.tiles["casesTile"].show_values(caption, f"{cases.cases:,}", detail, detail_colour=colour,
                                            tip=self.tr("Same month last year: {year} · last month: {month}").format(
                                                year=_count(cases.yoy.base), month=_count(cases.mom.base)))


def _count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"
