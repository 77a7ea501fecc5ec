"""The clerk whose name signs every following change in the audit trail (from the settings).

A module-level value, so worker threads sign with it too; kept apart from :mod:`services.audit` so
that the window can set it at start-up without loading the audit trail's code.
"""

from __future__ import annotations

MAX_NAME = 100

_name = ""


def set_name(name: str | None) -> None:
    """Blanks collapsed, cut to MAX_NAME characters; "" when none is set."""
    global _name
    _name = " ".join(str(name or "").split())[:MAX_NAME]


def name() -> str:
    return _name
