"""The File menu's recent databases: the database opened goes first, and an unchanged list is not written again
(every start would otherwise rewrite the settings file while the window is being shown)."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from outreach_desk.ui.shell.recent_files import recent_databases, remember_database


def test_the_database_opened_goes_first_and_an_unchanged_list_leaves_the_settings_file_alone(tmp_path):
    first, second = tmp_path / "古城乡.db", tmp_path / "新安镇.db"
    first.touch()
    second.touch()
    ini = tmp_path / "设置.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)

    remember_database(settings, first)
    remember_database(settings, second)
    settings.sync()
    written = os.stat(ini).st_ino  # QSettings writes a new file and renames it over the old one

    assert remember_database(settings, second) == [second.resolve(), first.resolve()]
    settings.sync()
    assert os.stat(ini).st_ino == written

    assert remember_database(settings, first) == [first.resolve(), second.resolve()]
    settings.sync()
    assert os.stat(ini).st_ino != written
    assert recent_databases(QSettings(str(ini), QSettings.Format.IniFormat)) == [first.resolve(), second.resolve()]
