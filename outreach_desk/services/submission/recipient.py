"""The office a township sends its month to (报送单位): one setting for the close, the package window and the
salutation of the 总结, so the three never name different offices.

Kept in the user's settings beside the package's size limit (Preferences, or the last one a sending used);
县反诈中心 until the clerk names another (many counties' joint office, 联席办, sits there).
"""

from __future__ import annotations

SETTING = "submission/recipient"
DEFAULT = "县反诈中心"
MAX_LENGTH = 200


def _settings():
    from PySide6.QtCore import QSettings

    from outreach_desk.paths import APP_NAME

    return QSettings(APP_NAME, APP_NAME)


def office_recipient() -> str:
    """The office's recipient, blanks collapsed; the default when none is set."""
    name = " ".join(str(_settings().value(SETTING, "") or "").split())
    return name[:MAX_LENGTH] or DEFAULT


def keep_office_recipient(name: str) -> None:
    """Remember ``name`` (blank: back to the default)."""
    settings = _settings()
    settings.setValue(SETTING, " ".join(str(name or "").split())[:MAX_LENGTH])
    settings.sync()
