"""Where shipped data and per-user data live, for a source checkout and an installed wheel alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "OutreachDesk"


def _data_root() -> Path:
    """The wheel maps resources/ and db/ into _data/; a checkout has them beside the package."""
    bundled = PACKAGE_DIR / "_data"
    if bundled.is_dir():
        return bundled
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "resources").is_dir():
        return Path(frozen)
    return PACKAGE_DIR.parent


def resources_dir() -> Path:
    return _data_root() / "resources"


def db_dir() -> Path:
    return _data_root() / "db"


def user_data_dir() -> Path:
    """Per-user data folder, following each platform's convention (no Qt needed, so the CLI stays light)."""
    override = os.environ.get("OUTREACH_DESK_HOME")
    if override:
        return Path(override)
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_database_path() -> Path:
    return user_data_dir() / "outreach.db"


def demo_database_path() -> Path:
    return user_data_dir() / "demo-township.db"
