"""Which interface language a start picks: --lang, then the saved setting, then the system's."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from outreach_desk import i18n


def test_lang_option_beats_the_setting_which_beats_the_system():
    assert i18n.resolve_language("en", "zh_CN") == "en"
    assert i18n.resolve_language(None, "en") == "en"
    assert i18n.resolve_language("fr", "zh_CN") == "zh_CN"      # unsupported values are passed over


def test_system_language_is_chinese_unless_the_system_names_another_language():
    assert i18n.system_language(QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh_CN"
    assert i18n.system_language(QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == "zh_CN"
    assert i18n.system_language(QLocale.c()) == "zh_CN"             # LANG=C: no language named
    assert i18n.system_language(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "en"
    assert i18n.system_language(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "en"
