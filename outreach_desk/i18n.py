"""Qt's translation machinery for every layer: English source strings, Simplified Chinese shipped.

Services and the CLI call :func:`translate` (QtCore only, no widgets); lupdate finds the calls
because they read ``translate("Context", "text")``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from outreach_desk.paths import resources_dir

SUPPORTED = ("zh_CN", "en")
_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def system_language() -> str:
    """English when the session asks for English; Chinese otherwise, also for a locale that names no
    language (LANG=C.UTF-8 on a bare Linux session or a remote desktop): the program is made for Chinese offices."""
    system = QLocale.system()
    asked = [system.name(), *system.uiLanguages()]
    english = next((i for i, name in enumerate(asked) if name.replace("-", "_").startswith("en")), None)
    chinese = next((i for i, name in enumerate(asked) if name.startswith("zh")), None)
    if english is not None and (chinese is None or english < chinese):
        return "en"
    return "zh_CN"


def resolve_language(requested: str | None, saved: str | None = None) -> str:
    """--lang beats the saved setting, which beats the system locale."""
    for candidate in (requested, saved):
        if candidate in SUPPORTED:
            return candidate
    return system_language()


def install(app: QCoreApplication, language: str) -> str:
    """Install Qt's own and our translators for ``language``; return the language in force."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return "en"
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_zh_CN", qt_dir), ("outreach_desk_zh_CN", str(resources_dir() / "translations"))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return "zh_CN"


def current_language() -> str:
    return "zh_CN" if _installed else "en"
