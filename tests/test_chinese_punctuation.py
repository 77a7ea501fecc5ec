"""Chinese text uses Chinese punctuation: full-width colons and brackets in the translations (gap texts
read "西村：还缺…（户数 280，已有 0）", not "西村: 还缺… (户数 280, 已有 0)"), 反诈 throughout, and the
title bar names the program once."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QApplication

from outreach_desk.paths import resources_dir
from outreach_desk.services.coverage import periods
from outreach_desk.services.excel import report
from outreach_desk.ui.shell import main_window

CJK = "[\u4e00-\u9fff“”（）：，。]"
#: ASCII kept on purpose: mnemonics (&X), file-dialog filters (*.xlsx), formulas and function calls a clerk types
KEPT = re.compile(r"\(&[^&)]\)|\}\(\)|\([^()]*\*\.[^()]*\)|\w+\([^()]*\)|\(\{patterns\}\)|\(\*\)")
ASCII_NEXT_TO_CHINESE = re.compile(rf"{CJK}\s*[:(]|\)\s*{CJK}|[(:]\s*{CJK}|{CJK}\)|\}}: |\}} \(")


def _translations():
    tree = ET.parse(resources_dir() / "translations" / "outreach_desk_zh_CN.ts")
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform")
            for text in [f.text for f in forms] if forms else [translation.text]:
                if text and re.search("[\u4e00-\u9fff]", text):
                    yield context.findtext("name"), message.findtext("source"), text


def test_chinese_translations_use_full_width_colons_and_brackets():
    offending = [(context, text) for context, _source, text in _translations()
                 if ASCII_NEXT_TO_CHINESE.search(KEPT.sub("", text))]
    assert offending == []


def test_the_program_says_fan_zha_throughout(store):
    assert [text for _c, _s, text in _translations() if "防诈宣传" in text] == []
    assert "反诈" in report.default_file_name(periods.parse_month("2026-11"))


def test_the_title_bar_names_the_program_once(qtbot, store, db_path):
    app = QApplication.instance()
    before = app.applicationDisplayName()
    app.setApplicationDisplayName("反诈宣传工作台")
    try:
        window = main_window.MainWindow(db_path, "zh_CN")
        qtbot.addWidget(window)
        assert window.windowTitle() == db_path.name  # Qt adds " — 反诈宣传工作台" after it
        assert "反诈宣传工作台" not in window.windowTitle() and "Outreach Desk" not in window.windowTitle()
    finally:
        app.setApplicationDisplayName(before)
