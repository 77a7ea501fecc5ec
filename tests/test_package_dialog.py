"""The package dialog: writes the zip off the GUI thread with progress in the dialog, keeps the office's
size limit, and with "send and close" ticked records the sending with the package's SHA-256."""

from __future__ import annotations

import datetime as dt
import hashlib

from PySide6.QtCore import QSettings, Qt

from outreach_desk.services.submission import closing, manifest, package
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.submission.package_dialog import PackageDialog
from package_samples import attach, picture
from test_coverage_engine import build_town
from waits import wait_until


def _dialog(qtbot, db_path, tmp_path):
    context = AppContext(db_path, "en", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = PackageDialog(context)
    qtbot.addWidget(dialog)
    dialog.month.setCurrentIndex(dialog.month.findData("2026-10"))
    return dialog


def test_the_dialog_writes_the_package_and_records_the_sending(qtbot, db_path, store, tmp_path):
    build_town()
    attach(1, tmp_path / "照片", [picture(1, taken=dt.date(2026, 10, 1))])
    dialog = _dialog(qtbot, db_path, tmp_path)
    assert dialog.target.text().endswith("平安镇_反诈宣传上报包_2026-10.zip")
    target = tmp_path / "出去" / "上报包.zip"
    dialog.target.setText(str(target))
    dialog.limit.setValue(5)
    assert dialog.send.isChecked() and dialog.recipient.isEnabled()  # 报送本月: recorded as sent unless unticked
    assert "sending no. 1" in dialog.state.text()
    dialog.recipient.setText("县反诈中心")
    dialog.clerk.setText("")
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert "by whom" in dialog.status.text() and dialog.task is None
    dialog.clerk.setText("张三")
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert not dialog.write_button.isEnabled()
    wait_until(qtbot, lambda: dialog.task is None, "the package to be written and the month closed")
    assert dialog.sending is not None, dialog.status.text()
    assert manifest.verify(target)["month"] == "2026-10"
    sent = closing.last_sending(None, "2026-10")
    assert sent.package_sha256 == hashlib.sha256(target.read_bytes()).hexdigest() == dialog.result.sha256
    assert sent.report_sha256 == dialog.result.report_sha256 and sent.recipient == "县反诈中心"
    assert closing.is_closed(None, "2026-10") and package.office_limit_mb() == 5
    assert "closed" in dialog.status.text()


def test_a_limit_too_small_is_said_in_the_dialog_and_nothing_is_written(qtbot, db_path, store, tmp_path):
    build_town()
    attach(1, tmp_path / "照片", [picture(2, (1600, 1200), noise=True)])
    dialog = _dialog(qtbot, db_path, tmp_path)
    target = tmp_path / "上报包.zip"
    dialog.target.setText(str(target))
    dialog.limit.setValue(0.1)
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: dialog.write_button.isEnabled(), "the package to be refused")
    assert "too much" in dialog.status.text() and not target.exists() and dialog.sending is None


def test_a_package_only_is_written_unticked_and_a_report_alone_is_handed_to_the_close_dialog(qtbot, db_path, store,
                                                                                             tmp_path):
    build_town()
    dialog = _dialog(qtbot, db_path, tmp_path)
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    assert not dialog.send.isChecked() and not dialog.recipient.isEnabled()
    dialog.target.setText(str(tmp_path / "只看看.zip"))
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: dialog.task is None, "the package to be written")
    assert (tmp_path / "只看看.zip").is_file() and not closing.is_closed(None, "2026-10")
    again = _dialog(qtbot, db_path, tmp_path)
    close = again.report_only.click() or again.handed_over
    qtbot.addWidget(close)
    assert close.chosen_month() == "2026-10" and close.isVisible()


def test_a_village_keeping_its_own_copy_writes_its_package_without_recording_a_sending(qtbot, db_path, store,
                                                                                      tmp_path):
    import json
    import zipfile

    from outreach_desk.services.submission import data_part

    build_town()
    dialog = _dialog(qtbot, db_path, tmp_path)
    assert [dialog.village.itemText(i) for i in range(dialog.village.count())][:2] == [
        "the whole township", "太平村 (a village's package for the township)"]
    dialog.village.setCurrentIndex(1)
    assert not dialog.send.isChecked() and not dialog.send.isEnabled() and not dialog.report_only.isEnabled()
    assert dialog.target.text().endswith("平安镇_太平村_反诈宣传上报包_2026-10.zip")
    target = tmp_path / "太平村.zip"
    dialog.target.setText(str(target))
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: dialog.task is None, "the village's package to be written")
    assert dialog.result is not None and dialog.result.village == "太平村" and dialog.sending is None
    with zipfile.ZipFile(target) as archive:
        document = json.loads(archive.read(data_part.NAME))
    assert [v["name"] for v in document["organisation"]["village"]] == ["太平村"]
    assert not closing.is_closed(None, "2026-10")
    again = _dialog(qtbot, db_path, tmp_path)
    assert again.chosen_village() == dialog.chosen_village()  # the copy's village is kept for next time
