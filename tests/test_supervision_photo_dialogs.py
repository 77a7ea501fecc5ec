"""The inspection and re-inspection dialogs take photos; the page copies them in a worker, then writes the
record as one undoable step; a file that is no picture is refused in words and nothing is written."""

from __future__ import annotations

import datetime as dt

from test_supervision_orders_page import chinese, page  # noqa: F401 - fixtures
from test_supervision_photos import pictures  # noqa: F401 - fixture

from outreach_desk.services import photos
from outreach_desk.services.supervision import inspections, rectification
from outreach_desk.ui.supervision.order_dialogs import InspectionDialog, RecheckDialog

D = dt.date


def _fill_inspection(qtbot, page, files) -> InspectionDialog:
    dialog = InspectionDialog(page.town["township"], page, today=D(2026, 12, 1))
    qtbot.addWidget(dialog)
    dialog.inspectors.setText("张三")
    dialog.findings.setPlainText("宣传栏未更新")
    with qtbot.waitSignal(dialog.photos.strip.settled, timeout=60_000):
        dialog.photos.add_files(files)
    return dialog


def test_an_inspection_with_photos_is_one_undoable_step(qtbot, page, pictures):
    dialog = _fill_inspection(qtbot, page, pictures)
    assert dialog.photos.strip.count() == 2 and dialog.photos.pending_paths() == pictures
    with qtbot.waitSignal(page.photos_stored, timeout=60_000):
        page.inspections.record_inspection(dialog.value(), dialog.photos.pending_paths())
    record = inspections.list_inspections()[0]
    assert [p.original_name for p in record.photos] == ["宣传栏 南村.jpg", "复查.png"]
    assert all(p.path.is_file() for p in record.photos)
    assert page.inspections.table.item(0, 3).text() == "2"
    page.context.undo_stack.undo()
    assert inspections.list_inspections() == [] and page.inspections.table.rowCount() == 0
    page.context.undo_stack.redo()
    assert inspections.list_inspections()[0].photos == record.photos


def test_a_file_that_is_no_picture_is_refused_and_nothing_is_written(qtbot, page, pictures, tmp_path):
    fake = tmp_path / "假照片.jpg"
    fake.write_bytes(b"%PDF-1.4 not a picture")
    dialog = _fill_inspection(qtbot, page, [pictures[0], fake])
    assert dialog.photos.strip.count() == 1 and "假照片.jpg" in dialog.photos.problems.text()
    with qtbot.waitSignal(page.photos_stored, timeout=60_000):
        page.inspections.record_inspection(dialog.value(), [pictures[0], fake])  # the file changed after it was seen
    assert inspections.list_inspections() == [] and "假照片.jpg" in page.status.text()
    assert not any(photos.photos_folder().rglob("*.jpg"))


def test_a_refused_inspection_copies_no_photo(qtbot, page, pictures):
    dialog = _fill_inspection(qtbot, page, pictures)
    dialog.inspectors.setText("")
    with qtbot.waitSignal(page.photos_stored, timeout=60_000):
        page.inspections.record_inspection(dialog.value(), dialog.photos.pending_paths())
    assert page.status.text() == "请填写检查人员。" and not photos.photos_folder().exists()


def test_the_re_inspection_dialog_shows_the_stored_photos_and_adds_new_ones(qtbot, page, pictures):
    page.orders.add_order(rectification.OrderInput(page.town["township"], "更新宣传栏", D(2026, 11, 20),
                                                   D(2026, 12, 10), village_id=page.town["南村"]))
    order = rectification.list_orders()[0]
    dialog = RecheckDialog(order, page, today=D(2026, 12, 2))
    qtbot.addWidget(dialog)
    dialog.result.setPlainText("已更新")
    with qtbot.waitSignal(dialog.photos.strip.settled, timeout=60_000):
        dialog.photos.add_files(pictures[:1])
    with qtbot.waitSignal(page.photos_stored, timeout=60_000):
        page.orders.recheck(order, dialog.value(), dialog.photos.pending_paths())
    order = rectification.list_orders()[0]
    assert order.status == rectification.DONE and [p.original_name for p in order.recheck_photos] == ["宣传栏 南村.jpg"]
    assert page.orders.table.item(0, 6).text() == "2026-12-02 已更新（照片1张）"

    again = RecheckDialog(order, page, today=D(2026, 12, 3))
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.photos.strip.settled, timeout=60_000):
        again.photos.add_files(pictures[1:])
    assert again.photos.strip.stored_shas() == [order.recheck_photos[0].sha256]
    assert again.date.date().toPython() == D(2026, 12, 2) and again.result.toPlainText() == "已更新"
    with qtbot.waitSignal(page.photos_stored, timeout=60_000):
        page.orders.recheck(order, again.value(), again.photos.pending_paths())
    assert [p.original_name for p in rectification.list_orders()[0].recheck_photos] == ["宣传栏 南村.jpg", "复查.png"]
    page.context.undo_stack.undo()
    assert [p.original_name for p in rectification.list_orders()[0].recheck_photos] == ["宣传栏 南村.jpg"]


def test_findings_name_the_targets_they_concern(qtbot, page):
    from PySide6.QtCore import Qt

    dialog = InspectionDialog(page.town["township"], page, today=D(2026, 12, 1))
    qtbot.addWidget(dialog)
    dialog.inspectors.setText("张三")
    dialog.findings.setPlainText("宣传栏未更新")
    names = [dialog.targets.item(row).text() for row in range(dialog.targets.count())]
    assert len(names) >= 2
    for row in (0, 1):
        dialog.targets.item(row).setCheckState(Qt.CheckState.Checked)
    data = dialog.value()
    keys = tuple(dialog.targets.item(row).data(Qt.ItemDataRole.UserRole) for row in (0, 1))
    assert data.rule_keys == keys
    with qtbot.waitSignal(page.photos_stored, timeout=60_000):
        page.inspections.record_inspection(data, [])
    assert inspections.list_inspections()[0].rule_keys == keys
    assert page.inspections.table.item(0, 4).text() == f"宣传栏未更新（涉及目标：{names[0]}、{names[1]}）"


def test_the_inspected_object_can_be_a_site_of_a_village(qtbot, page):
    from outreach_desk.services import organisation

    dialog = InspectionDialog(page.town["township"], page, today=D(2026, 12, 1))
    qtbot.addWidget(dialog)
    dialog.inspectors.setText("张三")
    dialog.findings.setPlainText("出入口未张贴海报")
    dialog.unit.unit.setCurrentIndex(dialog.unit.unit.findText("中村"))
    assert not dialog.unit.site.isEnabled(), "中村 has no site"
    dialog.unit.unit.setCurrentIndex(dialog.unit.unit.findText("东村"))
    assert dialog.unit.site.isEnabled()
    assert [dialog.unit.site.itemText(row) for row in range(dialog.unit.site.count())] == [
        "（整个村、社区）", "东村小区（住宅小区）"]
    dialog.unit.site.setCurrentIndex(1)
    data = dialog.value()
    block = organisation.load_tree().sites[page.town["东村"]][0].id
    assert (data.village_id, data.site_id, data.member_unit_id) == (page.town["东村"], block, None)
    with qtbot.waitSignal(page.photos_stored, timeout=60_000):
        page.inspections.record_inspection(data, [])
    assert inspections.list_inspections()[0].site_id == block
    assert page.inspections.table.item(0, 2).text() == "东村小区（东村）"
    dialog.unit.unit.setCurrentIndex(dialog.unit.unit.findText("和平派出所"))
    assert not dialog.unit.site.isEnabled() and dialog.value().site_id is None
