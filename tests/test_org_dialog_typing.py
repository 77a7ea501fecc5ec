"""The dialogs that add a township, village or site, typed into as a clerk would: the cursor starts in the
first field (not on OK, where typing went nowhere and Enter after Tab cancelled), an error goes once the
field is mended, and the site dialog shows the counts its kind uses in one fixed order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from outreach_desk.ui.org.dialogs import COUNT_ORDER, SiteDialog, TownshipDialog, VillageDialog


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


@pytest.fixture(params=["township", "village", "site"])
def dialog(request, qtbot, township):
    if request.param == "township":
        return _open(qtbot, TownshipDialog())
    if request.param == "village":
        return _open(qtbot, VillageDialog(township_id=township["township"]))
    return _open(qtbot, SiteDialog(village_id=township["village1"], village_name="太平村"))


def test_the_first_field_has_the_focus_and_typing_lands_there(dialog, qtbot):
    assert QApplication.focusWidget() is dialog.name_edit
    qtbot.keyClicks(QApplication.focusWidget(), "abc")
    assert dialog.name_edit.text() == "abc"


def test_tab_walks_the_fields_before_the_buttons(dialog, qtbot):
    seen = [QApplication.focusWidget()]
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    first_button = next(i for i, w in enumerate(seen) if isinstance(w, QPushButton))
    assert first_button > 1
    assert not any(isinstance(w, QPushButton) for w in seen[:first_button])
    assert seen[first_button + 2] is dialog.name_edit  # OK, Cancel, then round to the first field again


def test_a_name_error_goes_once_the_name_is_typed(dialog, qtbot):
    dialog.accept()
    error = dialog.findChild(QLabel, "error_name")
    assert dialog.isVisible() and dialog.errors.message("name")
    assert error is not None and error.isVisible()
    dialog.name_edit.setFocus()
    qtbot.keyClicks(dialog.name_edit, "x")
    assert not error.isVisible()


@pytest.mark.parametrize("kind, shown", [
    ("school", ["students", "classes", "entrances"]),
    ("residential_block", ["households", "residents", "entrances", "elevators"]),
    ("market", ["entrances"]),
    ("other", list(COUNT_ORDER)),
])
def test_the_site_dialog_shows_the_counts_its_kind_uses(qtbot, township, kind, shown):
    dialog = _open(qtbot, SiteDialog(village_id=township["village1"]))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
    assert dialog.ordered_attributes() == shown
    assert [a for a in COUNT_ORDER if dialog.count_boxes[a].isVisible()] == shown


def test_the_site_dialog_keeps_one_order_and_hides_nothing_typed(qtbot, township):
    dialog = _open(qtbot, SiteDialog(village_id=township["village1"]))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("school"))
    dialog.count_boxes["students"].setValue(300)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("residential_block"))
    assert dialog.ordered_attributes() == ["households", "residents", "students", "entrances", "elevators"]
    dialog.kind_combo.setFocus()
    order = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName() or QApplication.focusWidget().parent().objectName())
    assert order == ["households", "residents", "students", "entrances", "elevators"]
