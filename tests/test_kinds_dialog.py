"""Campaign › 活动类型: the 须附照片 box of each kind sets its evidence rule (audited, the gap list follows), and a new
kind can be made needing a photo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from outreach_desk.services import audit, ledger
from outreach_desk.services import organisation as org
from outreach_desk.services.submission import evidence
from outreach_desk.ui.campaign.kinds_dialog import KindsDialog, KindsTableModel
from test_entry_form import context, settings_file  # noqa: F401 - fixtures

PHOTO = KindsTableModel.COLUMNS.index("requires_photo")


@pytest.fixture
def dialog(qtbot, township, context):  # noqa: F811 - fixtures
    shown = KindsDialog(context)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _index(dialog, kind_id):
    return dialog.model.index(dialog.model.row_of(kind_id), PHOTO)


def _required(kind_id) -> bool:
    return next(k.requires_photo for k in org.list_kinds() if k.id == kind_id)


def test_clicking_the_box_sets_the_kinds_photo_rule_and_the_gap_list_follows(dialog, township, context, qtbot):
    banner = township["kinds"]["banner"]
    ledger.create(ledger.ActivityInput(dt.date(2026, 11, 3), township["village1"], banner))
    assert len(evidence.missing_photos(dt.date(2026, 11, 1), dt.date(2026, 11, 30))) == 1
    index = _index(dialog, banner)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    dialog.table.scrollTo(index)
    rect = dialog.table.visualRect(index)
    changes = []
    context.data_changed.connect(changes.append)
    box = QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert not _required(banner) and changes == ["organisation"]
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert evidence.missing_photos(dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == []
    assert "no longer need a photo" in audit.history("kind", banner)[-1].summary
    dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert _required(banner)


def test_a_new_kind_can_need_a_photo(dialog):
    dialog.name_zh_edit.setText("反诈快闪")
    dialog.photo_check.setChecked(True)
    kind_id = dialog.add_kind()
    assert _required(kind_id) and not dialog.photo_check.isChecked()
    assert _index(dialog, kind_id).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    dialog.name_zh_edit.setText("反诈讲座录像")
    assert not _required(dialog.add_kind())
