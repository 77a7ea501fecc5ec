"""Photos of inspections and re-inspections: in the activities' photo folder, part of the record (undo puts
the earlier set back), kept by the sweep while a row names them, listed in the exports, copied in a worker
from the dialogs."""

from __future__ import annotations

import datetime as dt

import pytest
from test_photos import make_picture
from test_supervision_orders import town  # noqa: F401 - fixture
from test_supervision_orders_page import chinese  # noqa: F401 - fixture

from outreach_desk.services import audit, photos
from outreach_desk.services.supervision import inspections, rectification, supervision_photos
from outreach_desk.services.supervision.rectification import OrderInput

D = dt.date


@pytest.fixture
def pictures(tmp_path):
    folder = tmp_path / "检查照片"
    return [make_picture(folder / "宣传栏 南村.jpg"), make_picture(folder / "复查.png", colour=(10, 90, 20), fmt="PNG")]


def _inspection(town, photos_=()) -> inspections.InspectionInput:
    return inspections.InspectionInput(town["township"], D(2026, 12, 1), "张三、李四", "宣传栏未更新",
                                       village_id=town["南村"], photos=tuple(photos_))


def _order(town) -> OrderInput:
    return OrderInput(town["township"], "更新宣传栏", D(2026, 12, 1), D(2026, 12, 10), village_id=town["南村"])


def test_an_inspections_photos_are_stored_once_and_come_back_with_an_undone_delete(town, pictures):
    stored = photos.store_files(pictures + pictures[:1])
    inspection_id = inspections.add_inspection(_inspection(town, supervision_photos.as_infos(stored)))
    record = inspections.get_inspection(inspection_id)
    assert [p.original_name for p in record.photos] == ["宣传栏 南村.jpg", "复查.png"]
    assert record.photos[0].path.is_file() and record.photos[0].path.parent.parent == photos.photos_folder()
    assert inspections.list_inspections(town["township"])[0].photos == record.photos
    assert audit.history(inspections.INSPECTION, inspection_id)[-1].after["photos"] == ["宣传栏 南村.jpg", "复查.png"]

    kept = inspections.delete_inspection(inspection_id)
    assert photos.sweep_orphans(keep=[p.sha256 for p in kept.photos]) == 0  # an undo may still need them
    inspections.restore_inspection(kept)
    assert inspections.get_inspection(inspection_id).photos == record.photos
    assert photos.sweep_orphans() == 0  # a row names both files again


def test_the_sweep_removes_the_files_of_a_deleted_inspection(town, pictures):
    stored = photos.store_files(pictures[:1])
    inspection_id = inspections.add_inspection(_inspection(town, supervision_photos.as_infos(stored)))
    path = inspections.get_inspection(inspection_id).photos[0].path
    inspections.delete_inspection(inspection_id)
    assert photos.sweep_orphans() == 1 and not path.exists()


def test_a_file_an_inspection_uses_is_not_discarded_by_a_failed_activity_attach(town, pictures):
    stored = photos.store_files(pictures[:1])
    inspections.add_inspection(_inspection(town, supervision_photos.as_infos(stored)))
    photos.discard(stored)  # what a failed activity write does with the files its copy created
    assert photos.photo_path(stored[0].sha256, stored[0].ext).is_file()


def test_re_inspection_photos_close_an_order_are_undone_with_it_and_are_listed_in_the_export(town, pictures, tmp_path):
    from openpyxl import load_workbook

    order_id = rectification.create(_order(town))
    before = rectification.get(order_id).as_input()
    rectification.close(order_id, D(2026, 12, 8), "已更新", supervision_photos.as_infos(photos.store_files(pictures)))
    order = rectification.get(order_id)
    assert order.status == rectification.DONE and [p.original_name for p in order.recheck_photos] == [
        "宣传栏 南村.jpg", "复查.png"]
    assert audit.history(rectification.RECORD_TYPE, order_id)[-1].after["recheck_photos"] == [
        "宣传栏 南村.jpg", "复查.png"]
    sheet = load_workbook(rectification.export_xlsx([order], tmp_path / "督导整改.xlsx"))["督导整改"]
    assert sheet["I2"].value == "宣传栏 南村.jpg、复查.png"
    rectification.update(order_id, before)  # the window's undo of the re-inspection
    assert rectification.get(order_id).recheck_photos == ()
    assert rectification.list_orders()[0].recheck_photos == ()


def test_the_report_sheet_counts_the_re_inspection_photos(town, pictures, tmp_path, chinese):
    from openpyxl import load_workbook

    from outreach_desk.services.coverage import periods
    from outreach_desk.services.excel import report
    from outreach_desk.services.excel.report_form import Signatures

    order_id = rectification.create(_order(town))
    rectification.close(order_id, D(2026, 12, 8), "已更新", supervision_photos.as_infos(photos.store_files(pictures)))
    signatures = Signatures("和平镇综治办", "王五", "赵六", date=D(2026, 12, 9))
    result = report.build_report(tmp_path / "月报.xlsx", periods.month(2026, 12), signatures=signatures)
    assert load_workbook(result.path)["督导整改"].cell(4, 7).value == "2026-12-08 已更新（照片2张）"
