"""Fraud-case figures per village and month, and their change 同比 (on the same month last year) and 环比
(on the previous month), the plans' measure of whether outreach works.

The police station reports, per village (and for the cases it cannot place, per township): cases
reported, losses in yuan, attempts stopped and payments frozen. A month without a row is "not
reported", shown as such and never taken for 0. A change against a base of 0 has no percentage:
it is told as "from 0 to 3". The township's figure is the sum of its villages and its unplaced
cases; it is missing only when nothing at all was reported for that month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from outreach_desk.i18n import translate
from outreach_desk.services import audit, organisation, tombstones
from outreach_desk.services.errors import FieldError, ValidationError
from outreach_desk.services.submission.closed_months import require_open
from outreach_desk.store import DB
from outreach_desk.store.supervision_models import FraudCaseMonth

RECORD_TYPE = "fraud_cases"
MAX_COUNT = 1_000_000
MAX_LOSSES_FEN = 10 ** 14  # a thousand billion yuan: anything larger is a typing error
FIELDS = ("cases", "losses_fen", "dissuaded", "frozen")


def _tr(text: str) -> str:
    return translate("FraudCases", text)


@dataclass(frozen=True)
class Figures:
    cases: int = 0
    losses_fen: int = 0
    dissuaded: int = 0
    frozen: int = 0

    def __add__(self, other: "Figures") -> "Figures":
        return Figures(*(getattr(self, f) + getattr(other, f) for f in FIELDS))

    @property
    def losses_yuan(self) -> Decimal:
        return Decimal(self.losses_fen) / 100

    def as_dict(self) -> dict:
        return {"cases": self.cases, "losses_yuan": str(self.losses_yuan), "dissuaded": self.dissuaded,
                "frozen": self.frozen}


def yuan_to_fen(value) -> int:
    """Yuan (int, float, Decimal or text such as "1,234.5") to whole fen, rounded half up."""
    amount = Decimal(str(value).replace(",", "").strip() or "0")
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_yuan(fen: int) -> str:
    amount = Decimal(fen) / 100
    return f"{amount:,.2f}" if fen % 100 else f"{int(amount):,}"


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year, month - 1) if month > 1 else (year - 1, 12)


def check_month(year: int, month: int) -> None:
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise ValidationError([FieldError("month", _tr("{year}-{month} is not a month the figures can be kept for.")
                                          .format(year=year, month=month))])


def validate(figures: Figures) -> list[FieldError]:
    errors = []
    for name in FIELDS:
        value = getattr(figures, name)
        limit = MAX_LOSSES_FEN if name == "losses_fen" else MAX_COUNT
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            errors.append(FieldError(name, _tr("Figures are whole numbers of 0 or more.")))
        elif value > limit:
            errors.append(FieldError(name, _tr("{value} is far too large for this figure.").format(value=value)))
    return errors


# ---------------------------------------------------------------------------------------- reading
def villages_of(township_id: int) -> list[organisation.VillageInfo]:
    """The township's villages and communities in the organisation tree's order."""
    from outreach_desk.services import organisation_tree

    return organisation_tree.load_villages().villages.get(township_id, [])


def _query(township_id: int | None, months: list[tuple[int, int]], village_id: int | None = None):
    """The figures of the given (non-empty) months of one township (None: every township; ``village_id``: that
    village only), as (year, month, village id, *FIELDS) tuples."""
    condition = None
    for year, month in set(months):
        part = (FraudCaseMonth.year == year) & (FraudCaseMonth.month == month)
        condition = part if condition is None else condition | part
    if township_id is not None:
        condition &= FraudCaseMonth.township == township_id
    if village_id is not None:
        condition &= FraudCaseMonth.village == village_id
    return (FraudCaseMonth.select(FraudCaseMonth.year, FraudCaseMonth.month, FraudCaseMonth.village,
                                  *(getattr(FraudCaseMonth, f) for f in FIELDS))
            .where(condition).tuples())


def _rows(township_id: int | None, months: list[tuple[int, int]],
          village_id: int | None = None) -> dict[tuple[int, int, int | None], Figures]:
    """(year, month, village id or None) -> figures, for the given months of one township (None: every
    township; ``village_id``: that village only)."""
    if not months:
        return {}
    return _figures_of(_query(township_id, months, village_id))


def _figures_of(rows) -> dict[tuple[int, int, int | None], Figures]:
    return {(year, month, village): Figures(*values) for year, month, village, *values in rows}


def village_cases_statement(months: list[tuple[int, int]], *, township_id: int | None = None,
                            village_id: int | None = None) -> tuple[str, list] | None:
    """The read of the cases reported per village in the given months (None: no months), as SQL and parameters
    to send with other reads (``store.batch``); :func:`village_cases_of` reads its rows."""
    return _query(township_id, months, village_id).sql() if months else None


def village_cases_of(rows) -> dict[tuple[int, int, int], int]:
    """Cases reported per (year, month, village id) (the rows placed in a village); a month a village has no row
    for is missing here: not reported, never 0."""
    return {(year, month, village): figures.cases for (year, month, village), figures in _figures_of(rows).items()
            if village is not None}


def month_figures(township_id: int, year: int, month: int) -> dict[int | None, Figures]:
    """What was reported for one month: village id (None: not placed in a village) -> figures."""
    return {village: f for (_y, _m, village), f in _rows(township_id, [(year, month)]).items()}


@dataclass
class GridRow:
    """One line of the monthly entry grid: a village, or the township's cases not placed in one."""

    village_id: int | None
    name: str
    figures: Figures | None


def month_grid(township_id: int, year: int, month: int) -> list[GridRow]:
    """Every village of the township in the organisation's order, then the unplaced row; None = not reported."""
    check_month(year, month)
    found = month_figures(township_id, year, month)
    rows = [GridRow(v.id, v.name, found.get(v.id)) for v in villages_of(township_id)]
    rows.append(GridRow(None, _tr("Not placed in a village"), found.get(None)))
    return rows


# ---------------------------------------------------------------------------------------- writing
def _describe(township_id: int, village_id: int | None, year: int, month: int) -> str:
    if village_id is None:
        place = organisation.get_township(township_id).name
    else:
        place = organisation.get_village(village_id).name
    return _tr("fraud-case figures of {place} for {year}-{month:02d}").format(place=place, year=year, month=month)


def _snapshot(row_id: int) -> dict | None:
    return audit.row_values(FraudCaseMonth, row_id)


def save_month(township_id: int, year: int, month: int, entries: dict[int | None, Figures | None]) -> int:
    """Store one month's grid: new figures added, changed ones updated, None removes a row; all audited
    in one transaction. Returns how many rows changed."""
    check_month(year, month)
    problems = [e for figures in entries.values() if figures is not None for e in validate(figures)]
    if problems:
        raise ValidationError(problems[:1])
    villages = {v.id for v in villages_of(township_id)}
    unknown = [v for v in entries if v is not None and v not in villages]
    if unknown:
        raise ValidationError([FieldError("village", _tr("A village of the grid is not part of the township any "
                                                         "more; reload the month."))])
    changed = 0
    with DB.atomic():
        require_open([(township_id, f"{year:04d}-{month:02d}")])  # the month's report carries these figures
        existing = {row.village_id: row for row in FraudCaseMonth.select().where(
            (FraudCaseMonth.township == township_id) & (FraudCaseMonth.year == year) & (FraudCaseMonth.month == month))}
        for village_id, figures in entries.items():
            row = existing.get(village_id)
            summary_of = _describe(township_id, village_id, year, month)
            if figures is None:
                if row is not None:
                    before = _snapshot(row.id)
                    tombstones.bury(FraudCaseMonth, FraudCaseMonth.id == row.id)
                    row.delete_instance()
                    audit.record(audit.DELETE, RECORD_TYPE, row.id, before, None,
                                 summary=_tr("Removed the {what}").format(what=summary_of))
                    changed += 1
                continue
            values = {f: getattr(figures, f) for f in FIELDS}
            if row is None:
                new_id = FraudCaseMonth.insert(township=township_id, village=village_id, year=year, month=month,
                                               updated_at=dt.datetime.now().replace(microsecond=0), **values).execute()
                audit.record(audit.CREATE, RECORD_TYPE, new_id, None, _snapshot(new_id),
                             summary=_tr("Entered the {what}").format(what=summary_of))
                changed += 1
            elif any(getattr(row, f) != values[f] for f in FIELDS):
                before = _snapshot(row.id)
                FraudCaseMonth.update(updated_at=dt.datetime.now().replace(microsecond=0), **values).where(
                    FraudCaseMonth.id == row.id).execute()
                audit.record(audit.UPDATE, RECORD_TYPE, row.id, before, _snapshot(row.id),
                             summary=_tr("Corrected the {what}").format(what=summary_of))
                changed += 1
    return changed


# ---------------------------------------------------------------------------------------- comparing
@dataclass(frozen=True)
class Change:
    """A figure now against a base (same month last year, or the month before); None = not reported."""

    now: int | None
    base: int | None

    @property
    def comparable(self) -> bool:
        return self.now is not None and self.base is not None

    @property
    def difference(self) -> int | None:
        return self.now - self.base if self.comparable else None

    @property
    def ratio(self) -> float | None:
        """(now - base) / base; None without both figures or with a base of 0."""
        if not self.comparable or self.base == 0:
            return None
        return (self.now - self.base) / self.base

    @property
    def fell(self) -> bool | None:
        return self.now < self.base if self.comparable else None

    def text(self, money: bool = False) -> str:
        """"down 25.0%", "up from 0 to 3", "level", "no figure to compare with"."""
        if not self.comparable:
            return _tr("no figure to compare with")
        if self.now == self.base:
            return _tr("level")
        if self.base == 0:
            shown = format_yuan(self.now) if money else str(self.now)
            return _tr("up from 0 to {now}").format(now=shown)
        percent = f"{abs(self.ratio) * 100:.1f}%"
        return (_tr("down {percent}") if self.now < self.base else _tr("up {percent}")).format(percent=percent)

    def as_dict(self) -> dict:
        return {"now": self.now, "base": self.base, "difference": self.difference, "ratio": self.ratio,
                "fell": self.fell}


@dataclass
class Comparison:
    """One village (or the township, ``village_id`` None and ``is_township``) in one month."""

    village_id: int | None
    name: str
    now: Figures | None
    last_year: Figures | None
    last_month: Figures | None
    is_township: bool = False

    def _change(self, base: Figures | None, field: str) -> Change:
        return Change(getattr(self.now, field) if self.now else None, getattr(base, field) if base else None)

    @property
    def cases_yoy(self) -> Change:
        return self._change(self.last_year, "cases")

    @property
    def cases_mom(self) -> Change:
        return self._change(self.last_month, "cases")

    @property
    def losses_yoy(self) -> Change:
        return self._change(self.last_year, "losses_fen")

    @property
    def losses_mom(self) -> Change:
        return self._change(self.last_month, "losses_fen")

    def as_dict(self) -> dict:
        return {"village_id": self.village_id, "name": self.name, "township": self.is_township,
                "now": self.now.as_dict() if self.now else None,
                "last_year": self.last_year.as_dict() if self.last_year else None,
                "last_month": self.last_month.as_dict() if self.last_month else None,
                "cases_yoy": self.cases_yoy.as_dict(), "cases_mom": self.cases_mom.as_dict(),
                "losses_yoy": self.losses_yoy.as_dict(), "losses_mom": self.losses_mom.as_dict()}


def _total(rows: dict, year: int, month: int) -> Figures | None:
    found = [f for (y, m, _v), f in rows.items() if (y, m) == (year, month)]
    if not found:
        return None
    total = Figures()
    for figures in found:
        total = total + figures
    return total


def compare(township_id: int, year: int, month: int) -> list[Comparison]:
    """Per village, then the township: the month against the same month last year and the month before."""
    check_month(year, month)
    last_month = previous_month(year, month)
    rows = _rows(township_id, [(year, month), (year - 1, month), last_month])
    result = [Comparison(v.id, v.name, rows.get((year, month, v.id)), rows.get((year - 1, month, v.id)),
                         rows.get((*last_month, v.id))) for v in villages_of(township_id)]
    township = organisation.get_township(township_id)
    result.append(Comparison(None, township.name, _total(rows, year, month), _total(rows, year - 1, month),
                             _total(rows, *last_month), is_township=True))
    return result


def case_totals(months: list[tuple[int, int]], *, township_id: int | None = None,
                village_id: int | None = None) -> dict[tuple[int, int], int]:
    """Cases reported per (year, month) of ``months``, added up over the township (None: every township) or
    the one village, in one query; a month nothing was reported for is missing (not reported, never 0)."""
    totals: dict[tuple[int, int], int] = {}
    for (year, month, _village), figures in _rows(township_id, months, village_id).items():
        totals[year, month] = totals.get((year, month), 0) + figures.cases
    return totals


def monthly_cases(township_id: int | None, year: int) -> list[tuple[int | None, int | None]]:
    """For the chart beside outreach coverage: per month of ``year``, (cases this year, cases last year), of one
    township or (None) of every township added up."""
    months = [(y, m) for y in (year, year - 1) for m in range(1, 13)]
    rows = _rows(township_id, months)
    series = []
    for month in range(1, 13):
        now, before = _total(rows, year, month), _total(rows, year - 1, month)
        series.append((now.cases if now else None, before.cases if before else None))
    return series
