"""打印预览… beside export in the report dialog: the printed pages in a QPrintPreviewDialog, made off the GUI thread.

With LibreOffice the preview holds the pages of the PDF it prints (skipped when it cannot convert
.xlsx); without it, pages the window lays out from the written workbook; when neither gives a page,
a Chinese sentence. The preview is never blank, and a cancelled preview leaves no temporary files.
"""

from __future__ import annotations

import re
import subprocess
import time

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QMessageBox

from outreach_desk.services.excel import print_pages
from outreach_desk.services.excel.report_form import Signatures
from outreach_desk.ui.excel.actions import ExcelActions
from outreach_desk.ui.shell.context import AppContext
from waits import WAIT_MS

MONTH = "2026-10"


@pytest.fixture(autouse=True)
def zh_cn(qapp):
    from outreach_desk import i18n

    yield i18n.install(qapp, "zh_CN")
    i18n.install(qapp, "en")


@pytest.fixture
def context(db_path, tmp_path):
    return AppContext(db_path, "zh_CN", settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def actions(qtbot, context, store, tmp_path, monkeypatch):
    from test_coverage_engine import build_town

    build_town()
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))    # the preview's folder, to see it removed
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return ExcelActions(context, window)


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *args: shown.append(args[1:]) or QMessageBox.StandardButton.Ok)
    return shown


def _preview(qtbot, actions) -> QPrintPreviewDialog:
    actions.preview_report(MONTH, Signatures("平安镇综治办", "张三", "李四"))
    qtbot.waitUntil(lambda: actions.preview is not None and actions.preview.dialog.isVisible(), timeout=60_000)
    dialog = actions.preview.dialog
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0, timeout=WAIT_MS)
    return dialog


def _folders(tmp_path) -> list:
    return list(tmp_path.glob("outreach-desk-preview-*"))


def test_the_report_dialog_offers_print_preview_beside_export(qtbot, context, store):
    from test_coverage_engine import build_town

    from outreach_desk.ui.excel.report_dialog import ReportOptionsDialog

    build_town()
    dialog = ReportOptionsDialog(context)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert dialog.preview.text().replace("&", "") == "打印预览(V)…"
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "") == "导出(E)…"
    dialog.preview.click()
    assert dialog.preview_wanted and dialog.result() == dialog.DialogCode.Accepted


def test_without_libreoffice_the_window_lays_out_the_pages_itself(qtbot, actions, tmp_path, monkeypatch, boxes):
    monkeypatch.setattr(print_pages, "find_office", lambda: None)
    dialog = _preview(qtbot, actions)
    pages = actions.preview.drawn
    assert pages >= 11 and not boxes                 # one page or more for each of the report's sheets
    assert not actions.preview.pages.from_office
    names = [s.name for s in actions.preview.pages.sheets]
    assert names[:3] == ["汇总", "活动分类", "图表"] and len(actions.preview.pages.sheets[2].pictures) == 2
    assert actions.preview.pages.sheets[0].rows[0][0] in ("太平村", "幸福社区")
    dialog.close()
    qtbot.waitUntil(lambda: not _folders(tmp_path), timeout=WAIT_MS)


def test_with_libreoffice_the_preview_shows_the_pdf_pages_it_prints(qtbot, actions, tmp_path, boxes):
    if print_pages.find_office() is None or print_pages.find_rasteriser() is None:
        pytest.skip("LibreOffice or poppler's pdftoppm is not installed")
    dialog = _preview(qtbot, actions)
    if not actions.preview.pages.from_office:
        pytest.skip("this LibreOffice cannot convert .xlsx: install libreoffice-calc-nogui")
    folder = actions.preview.folder
    pdf = folder / "report.pdf"
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                              text=True).stdout).group(1))
    assert actions.preview.drawn == len(actions.preview.pages.images) == count >= 11
    dialog.close()
    qtbot.waitUntil(lambda: not _folders(tmp_path), timeout=WAIT_MS)


def test_when_no_page_can_be_made_a_chinese_sentence_says_so(qtbot, actions, tmp_path, monkeypatch, boxes):
    monkeypatch.setattr(print_pages, "find_office", lambda: None)

    def unreadable(*_args):
        raise ValueError("坏文件")

    monkeypatch.setattr(print_pages, "read_sheets", unreadable)
    shown = []
    monkeypatch.setattr("outreach_desk.ui.shell.errors.show_exception", lambda parent, exc, details: shown.append(exc))
    actions.preview_report(MONTH, Signatures("平安镇综治办"))
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert isinstance(shown[0], print_pages.PrintError) and "预览" in str(shown[0]) and "WPS" in str(shown[0])
    assert actions.preview is None and not _folders(tmp_path)


def test_a_cancelled_preview_stops_and_leaves_no_files(qtbot, actions, tmp_path, monkeypatch):
    started = []

    def slow_pages(month, signatures, folder, progress, township_id=None):
        (folder / "report.xlsx").write_bytes(b"partial")
        started.append(folder)
        while True:
            progress(0, 0, "")   # raises once cancelled
            time.sleep(0.02)

    monkeypatch.setattr(print_pages, "make_pages", slow_pages)
    actions.preview_report(MONTH, Signatures("平安镇综治办"))
    qtbot.waitUntil(lambda: bool(started), timeout=WAIT_MS)
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    qtbot.waitUntil(lambda: actions.window.findChild(QProgressDialog) is not None, timeout=WAIT_MS)
    actions.window.findChild(QProgressDialog).findChild(QPushButton).click()   # 取消
    qtbot.waitUntil(lambda: not _folders(tmp_path), timeout=WAIT_MS)
    assert actions.preview is None
