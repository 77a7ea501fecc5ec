"""Rectification orders (限期整改): who must do what by when, and the re-inspection that closes them.

An order names the responsible unit (a village, a site or a member unit), the task, the day it
was issued and its deadline, and a status the clerk sets: 未整改 (open), 整改中 (in progress) or
已整改 (done, with the re-inspection's date, result and photos). *Overdue* (逾期) is never stored: an order
not done is overdue from the day after its deadline, so it turns red on the right morning without
anyone touching it. An order can be raised from an inspection's finding or straight from a gap of
the gap list. Every create, update, delete and restore writes an audit entry in the same
transaction; ``restore`` brings a deleted order back under its own id (the window's undo).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import audit, organisation, tombstones
from outreach_desk.services.errors import FieldError, NotFoundError, ValidationError
from outreach_desk.services.photos import PhotoInfo
from outreach_desk.services.supervision import supervision_photos
from outreach_desk.store import DB
from outreach_desk.store.supervision_models import RectificationOrder

RECORD_TYPE = "rectification_order"
OPEN, IN_PROGRESS, DONE, OVERDUE = "open", "in_progress", "done", "overdue"
STORED_STATUSES = (OPEN, IN_PROGRESS, DONE)
STATUS_LABELS = {
    OPEN: QT_TRANSLATE_NOOP("Rectification", "Not yet put right"),
    IN_PROGRESS: QT_TRANSLATE_NOOP("Rectification", "Being put right"),
    DONE: QT_TRANSLATE_NOOP("Rectification", "Put right"),
    OVERDUE: QT_TRANSLATE_NOOP("Rectification", "Past the deadline"),
}
#: the default time given to put a gap right: half a month, so a gap of one month's report is put right before the
#: next (plan 2 asks for monthly activities and reports; no plan names a number of days)
DEFAULT_DAYS = 15
MAX_TASK = 2000


def _tr(text: str) -> str:
    return translate("Rectification", text)


def status_label(status: str) -> str:
    return _tr(STATUS_LABELS[status]) if status in STATUS_LABELS else status


@dataclass
class OrderInput:
    township_id: int
    task: str
    issued: dt.date
    deadline: dt.date
    village_id: int | None = None
    site_id: int | None = None
    member_unit_id: int | None = None
    rule_key: str = ""
    inspection_id: int | None = None
    status: str = OPEN
    recheck_date: dt.date | None = None
    recheck_result: str = ""
    recheck_photos: tuple[PhotoInfo, ...] = ()


@dataclass
class Order(OrderInput):
    id: int = 0
    unit_name: str = ""
    village_name: str = ""

    def state(self, today: dt.date | None = None) -> str:
        """The status shown: overdue when not done after the deadline."""
        today = today or dt.date.today()
        if self.status != DONE and today > self.deadline:
            return OVERDUE
        return self.status

    def overdue(self, today: dt.date | None = None) -> bool:
        return self.state(today) == OVERDUE

    def days_left(self, today: dt.date | None = None) -> int:
        return (self.deadline - (today or dt.date.today())).days

    def as_input(self) -> OrderInput:
        return OrderInput(**{f: getattr(self, f) for f in OrderInput.__dataclass_fields__})


def validate(data: OrderInput) -> list[FieldError]:
    errors = []
    if not (data.task or "").strip():
        errors.append(FieldError("task", _tr("Say what must be done.")))
    elif len(data.task) > MAX_TASK:
        errors.append(FieldError("task", _tr("The task is longer than {limit} characters.").format(limit=MAX_TASK)))
    if sum(x is not None for x in (data.village_id, data.site_id, data.member_unit_id)) == 0:
        errors.append(FieldError("unit", _tr("Choose the village, site or member unit responsible.")))
    if data.deadline < data.issued:
        errors.append(FieldError("deadline", _tr("The deadline ({deadline}) is before the day the order was issued "
                                                 "({issued}).").format(deadline=data.deadline.isoformat(),
                                                                       issued=data.issued.isoformat())))
    if data.status not in STORED_STATUSES:
        errors.append(FieldError("status", _tr("Choose the order's status.")))
    if data.status == DONE and data.recheck_date is None:
        errors.append(FieldError("recheck_date", _tr("An order is closed by a re-inspection: give its date.")))
    if data.recheck_date is not None and data.recheck_date < data.issued:
        errors.append(FieldError("recheck_date", _tr("The re-inspection cannot come before the order.")))
    return errors


def _values(data: OrderInput) -> dict:
    return {"township": data.township_id, "inspection": data.inspection_id, "village": data.village_id,
            "site": data.site_id, "member_unit": data.member_unit_id, "rule_key": data.rule_key or "",
            "task": data.task.strip(), "issued": data.issued, "deadline": data.deadline, "status": data.status,
            "recheck_date": data.recheck_date, "recheck_result": (data.recheck_result or "").strip()}


def _check(data: OrderInput) -> OrderInput:
    if data.site_id is not None and data.village_id is None:
        data = replace(data, village_id=organisation.get_site(data.site_id).village_id)
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    return data


def snapshot(order_id: int) -> dict | None:
    """The stored row and the re-inspection photos' file names, as the audit trail keeps them."""
    values = audit.row_values(RectificationOrder, order_id)
    if values is not None:
        shown = supervision_photos.photos_of(supervision_photos.ORDER, [order_id]).get(order_id, ())
        values["recheck_photos"] = supervision_photos.names(shown)
    return values


def describe(order: Order) -> str:
    return _tr("{unit}: {task} (by {deadline})").format(unit=order.unit_name, task=order.task[:60],
                                                      deadline=order.deadline.isoformat())


def create(data: OrderInput) -> int:
    data = _check(data)
    now = dt.datetime.now().replace(microsecond=0)
    with DB.atomic():
        order_id = RectificationOrder.insert(created_at=now, updated_at=now, **_values(data)).execute()
        supervision_photos.put(supervision_photos.ORDER, order_id, data.recheck_photos)
        audit.record(audit.CREATE, RECORD_TYPE, order_id, None, snapshot(order_id),
                     summary=_tr("Issued the rectification order {what}").format(what=describe(get(order_id))))
        return order_id


def create_many(drafts: list[OrderInput]) -> list[int]:
    """Issue every draft, or none of them when one is refused (one transaction)."""
    with DB.atomic():
        return [create(draft) for draft in drafts]


def update(order_id: int, data: OrderInput) -> None:
    data = _check(data)
    with DB.atomic():
        before = snapshot(order_id)
        if before is None:
            raise NotFoundError(_tr("The rectification order no longer exists."))
        RectificationOrder.update(updated_at=dt.datetime.now().replace(microsecond=0), **_values(data)).where(
            RectificationOrder.id == order_id).execute()
        supervision_photos.put(supervision_photos.ORDER, order_id, data.recheck_photos)
        after = snapshot(order_id)
        if not audit.only_stamp_changed(before, after):
            audit.record(audit.UPDATE, RECORD_TYPE, order_id, before, after,
                         summary=_tr("Changed the rectification order {what}").format(what=describe(get(order_id))))


def close(order_id: int, recheck_date: dt.date, result: str, photos: tuple[PhotoInfo, ...] = ()) -> None:
    """Record the re-inspection that finds the order put right, with the photos taken then."""
    order = get(order_id)
    update(order_id, replace(order.as_input(), status=DONE, recheck_date=recheck_date, recheck_result=result,
                             recheck_photos=order.recheck_photos + tuple(photos)))


def delete(order_id: int) -> Order:
    with DB.atomic():
        order = get(order_id)
        before = snapshot(order_id)
        tombstones.bury(RectificationOrder, RectificationOrder.id == order_id)
        RectificationOrder.delete().where(RectificationOrder.id == order_id).execute()
        audit.record(audit.DELETE, RECORD_TYPE, order_id, before, None,
                     summary=_tr("Deleted the rectification order {what}").format(what=describe(order)))
        return order


def restore(order: Order) -> int:
    """Bring a deleted order back under its own id (undo of a delete)."""
    with DB.atomic():
        values = _values(order)
        RectificationOrder.insert(id=order.id, created_at=dt.datetime.now().replace(microsecond=0),
                                  updated_at=dt.datetime.now().replace(microsecond=0), **values).execute()
        supervision_photos.put(supervision_photos.ORDER, order.id, order.recheck_photos)
        audit.record(audit.RESTORE, RECORD_TYPE, order.id, None, snapshot(order.id),
                     summary=_tr("Brought back the rectification order {what}").format(what=describe(order)))
        return order.id


# ---------------------------------------------------------------------------------------- reading
@dataclass
class OrderFilter:
    township_id: int | None = None
    states: tuple[str, ...] = ()  # shown states (overdue included); empty: all
    village_id: int | None = None
    member_unit_id: int | None = None
    deadline_from: dt.date | None = None
    deadline_until: dt.date | None = None
    today: dt.date | None = None


def _names() -> tuple[dict, dict, dict, dict]:
    tree = organisation.load_tree()
    villages = {v.id: v.name for v in tree.all_villages()}
    sites = {s.id: (s.name, s.village_id) for group in tree.sites.values() for s in group}
    units = {u.id: u.name for u in organisation.list_member_units()}
    return villages, sites, units, {}


def _order(row: RectificationOrder, names, photos: dict[int, tuple[PhotoInfo, ...]]) -> Order:
    villages, sites, units, _ = names
    village_id, site_id, unit_id = row.village_id, row.site_id, row.member_unit_id
    if site_id is not None and site_id in sites:
        unit_name = sites[site_id][0]
    elif unit_id is not None:
        unit_name = units.get(unit_id, "")
    else:
        unit_name = villages.get(village_id, "")
    return Order(row.township_id, row.task, row.issued, row.deadline, village_id, site_id, unit_id, row.rule_key,
                 row.inspection_id, row.status, row.recheck_date, row.recheck_result, photos.get(row.id, ()),
                 id=row.id,
                 unit_name=unit_name, village_name=villages.get(village_id, ""))


def get(order_id: int) -> Order:
    row = RectificationOrder.get_or_none(RectificationOrder.id == order_id)
    if row is None:
        raise NotFoundError(_tr("The rectification order no longer exists."))
    return _order(row, _names(), supervision_photos.photos_of(supervision_photos.ORDER, [order_id]))


def list_orders(f: OrderFilter | None = None) -> list[Order]:
    """Orders matching ``f``, overdue first, then by deadline."""
    f = f or OrderFilter()
    today = f.today or dt.date.today()
    query = RectificationOrder.select()
    if f.township_id is not None:
        query = query.where(RectificationOrder.township == f.township_id)
    if f.village_id is not None:
        query = query.where(RectificationOrder.village == f.village_id)
    if f.member_unit_id is not None:
        query = query.where(RectificationOrder.member_unit == f.member_unit_id)
    if f.deadline_from is not None:
        query = query.where(RectificationOrder.deadline >= f.deadline_from)
    if f.deadline_until is not None:
        query = query.where(RectificationOrder.deadline <= f.deadline_until)
    names = _names()
    rows = list(query.order_by(RectificationOrder.deadline, RectificationOrder.id))
    photos = supervision_photos.photos_of(supervision_photos.ORDER, [row.id for row in rows])
    orders = [_order(row, names, photos) for row in rows]
    if f.states:
        orders = [o for o in orders if o.state(today) in f.states]
    orders.sort(key=lambda o: (o.state(today) != OVERDUE, o.state(today) == DONE, o.deadline, o.id))
    return orders


@dataclass
class DueSummary:
    """What the dashboard, the monthly report and the bulletin say about orders on ``today``."""

    today: dt.date
    overdue: list[Order] = field(default_factory=list)
    due_this_week: list[Order] = field(default_factory=list)
    open_count: int = 0
    done_count: int = 0


def due_summary(township_id: int | None = None, today: dt.date | None = None) -> DueSummary:
    today = today or dt.date.today()
    summary = DueSummary(today)
    for order in list_orders(OrderFilter(township_id=township_id, today=today)):
        state = order.state(today)
        if state == DONE:
            summary.done_count += 1
            continue
        summary.open_count += 1
        if state == OVERDUE:
            summary.overdue.append(order)
        elif order.days_left(today) <= 7:
            summary.due_this_week.append(order)
    return summary


def _deadline(issued: dt.date, days: int, campaign_end: dt.date | None) -> dt.date:
    """``days`` after ``issued``, but not after the campaign's last day (the plans want gaps put right before the
    campaign closes) unless the campaign is already over."""
    deadline = issued + dt.timedelta(days=days)
    return campaign_end if campaign_end is not None and issued <= campaign_end < deadline else deadline


def from_gap(gap, township_id: int, issued: dt.date | None = None, days: int = DEFAULT_DAYS,
             campaign_end: dt.date | None = None) -> OrderInput:
    """An order drafted from a gap of the gap list (one click): the gap's unit, its sentence as the task."""
    issued = issued or dt.date.today()
    site_id = gap.unit_id if gap.unit_type == "site" else None
    unit_id = gap.unit_id if gap.unit_type == "member_unit" else None
    return OrderInput(township_id, _tr("To put right: {gap}").format(gap=gap.text), issued,
                      _deadline(issued, days, campaign_end), village_id=gap.village_id, site_id=site_id,
                      member_unit_id=unit_id, rule_key=gap.rule_key)


def from_inspection(record, issued: dt.date | None = None, days: int = DEFAULT_DAYS,
                    campaign_end: dt.date | None = None) -> OrderInput:
    """An order drafted from an inspection's findings: what was inspected is responsible, the findings are the
    task, the order names the inspection (and the first target the findings concern)."""
    issued = max(issued or dt.date.today(), record.date)
    findings = record.findings.strip().rstrip("。．.；;")  # the template ends the sentence
    return OrderInput(record.township_id, _tr("To put right: {gap}").format(gap=findings), issued,
                      _deadline(issued, days, campaign_end), village_id=record.village_id, site_id=record.site_id,
                      member_unit_id=record.member_unit_id, rule_key=record.rule_keys[0] if record.rule_keys else "",
                      inspection_id=record.id)


def export_xlsx(orders: list[Order], path, today: dt.date | None = None, shown: list[str] = ()):
    """The orders shown, as a workbook for the leader (overdue rows red), with ``shown`` (which orders the
    page's filters chose) in a line under them; written atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from outreach_desk.services.excel.files import save_workbook
    from outreach_desk.services.excel.safe_cell import set_text

    today = today or dt.date.today()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "督导整改"
    headers = [_tr("Responsible unit"), _tr("Village / community"), _tr("What must be done"), _tr("Issued"),
               _tr("Deadline"), _tr("Status"), _tr("Re-inspected"), _tr("Re-inspection result"),
               _tr("Re-inspection photos")]
    bold = Font(name="宋体", bold=True)
    for column, text in enumerate(headers, 1):
        cell = sheet.cell(1, column)
        set_text(cell, text)
        cell.font = bold
    red = PatternFill("solid", fgColor="F6BDB7")
    for row, order in enumerate(orders, 2):
        values = [order.unit_name, order.village_name, order.task]
        for column, value in enumerate(values, 1):
            set_text(sheet.cell(row, column), value)
        for column, day in ((4, order.issued), (5, order.deadline), (7, order.recheck_date)):
            if day is not None:
                sheet.cell(row, column, day).number_format = "yyyy-mm-dd"
        set_text(sheet.cell(row, 6), status_label(order.state(today)))
        set_text(sheet.cell(row, 8), order.recheck_result)
        set_text(sheet.cell(row, 9), "、".join(supervision_photos.names(order.recheck_photos)))
        if order.overdue(today):
            for column in range(1, 10):
                sheet.cell(row, column).fill = red
    for row, line in enumerate(shown, len(orders) + 3):
        set_text(sheet.cell(row, 1), line)
    for letter, width in zip("ABCDEFGHI", (18, 14, 50, 12, 12, 10, 12, 30, 30)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    return save_workbook(workbook, path)
