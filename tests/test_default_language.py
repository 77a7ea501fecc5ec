"""A session whose locale names no language (LANG=C.UTF-8: a bare Linux session, a remote desktop) starts in
Chinese, window and command line alike; English only when English or --lang en is asked for. Qt's own
dialogs and dates read Chinese too."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFileDialog, QLabel

from outreach_desk import i18n


def _run(lang: str, *argv: str, language: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE=language)
    return subprocess.run([sys.executable, *argv], env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("lang, language, expected", [
    ("C.UTF-8", "", "zh_CN"),
    ("POSIX", "", "zh_CN"),
    ("zh_CN.UTF-8", "", "zh_CN"),
    ("en_US.UTF-8", "", "en"),
    ("C.UTF-8", "en_GB", "en"),
])
def test_the_language_a_session_starts_in(lang, language, expected):
    done = _run(lang, "-c", "from outreach_desk import i18n; print(i18n.resolve_language(None))", language=language)
    assert done.stdout.strip() == expected, done.stderr


def test_the_command_line_speaks_chinese_in_a_bare_locale_and_english_when_asked(tmp_path):
    argv = ["-m", "outreach_desk", "--db", str(tmp_path / "台账.db"), "report", "--month", "2026-13",
            "-o", str(tmp_path / "月报.xlsx")]
    bare = _run("C.UTF-8", *argv)
    assert bare.returncode == 2 and "不是月份" in bare.stderr
    english = _run("C.UTF-8", argv[0], argv[1], "--lang", "en", *argv[2:])
    assert english.returncode == 2 and "is not a month" in english.stderr


def test_qt_own_dialogs_and_dates_read_chinese(qapp, qtbot):
    before = i18n.current_language()
    try:
        assert i18n.install(qapp, "zh_CN") == "zh_CN"
        dialog = QFileDialog(None, "", str(os.getcwd()))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        look_in = dialog.findChild(QLabel, "lookInLabel")
        assert look_in is not None and "查找" in look_in.text()
        assert "文件类型" in dialog.findChild(QLabel, "fileTypeLabel").text()
        assert QLocale().toString(QDate(2026, 12, 7), QLocale.FormatType.ShortFormat) == "2026/12/7"
    finally:
        i18n.install(qapp, before)
