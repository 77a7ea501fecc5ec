"""Refuse, at start, a PySide6 release known to crash on the running Python.

PySide6 6.12.0 on CPython 3.11 drops a reference to None, True or False on each call that returns
one, so CPython aborts after a few thousand calls (3.12 made these objects immortal). pyproject.toml
keeps that release out; this check catches an environment that brings it anyway, before any window
or command starts, with a sentence the clerk can act on instead of a crash minutes later.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QTranslator

from outreach_desk.paths import resources_dir

#: (PySide6 major, minor, patch), (Python major, minor)
KNOWN_BAD: frozenset[tuple[tuple[int, int, int], tuple[int, int]]] = frozenset({((6, 12, 0), (3, 11))})

_MESSAGE = QT_TRANSLATE_NOOP(
    "Startup", "Outreach Desk cannot run with PySide6 {qt} on Python {python}: this pair makes the program crash "
               "after a few minutes of use. Install another PySide6 release "
               "(pip install \"PySide6-Essentials!=6.12.0\") or another Python, then start again.")


def is_known_bad(qt_version: tuple, python_version: tuple) -> bool:
    return (tuple(qt_version[:3]), tuple(python_version[:2])) in KNOWN_BAD


def refusal(language: str | None = None) -> str | None:
    """The sentence refusing the running PySide6/Python pair, or None when the pair is fine.

    No application exists yet, so the Chinese comes from a translator used directly.
    """
    import PySide6

    qt_version = tuple(PySide6.__version_info__[:3])
    if not is_known_bad(qt_version, sys.version_info):
        return None
    text = _MESSAGE
    chinese = language == "zh_CN" or (language is None and QLocale.system().name().startswith("zh"))
    translator = QTranslator()
    if chinese and translator.load("outreach_desk_zh_CN", str(resources_dir() / "translations")):
        text = translator.translate("Startup", _MESSAGE) or _MESSAGE
    return text.format(qt=".".join(map(str, qt_version)), python=".".join(map(str, sys.version_info[:3])))
