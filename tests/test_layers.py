"""The layers (brief: "UI and CLI call services; no widget runs a query or imports a peewee model").

Every module of the window and of the command line is read, imports inside functions included:
none imports the database driver, peewee, the models or the connection proxy. Workers get their
connection and their query stopper from ``store.threads``; error messages ask ``store.failures``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "outreach_desk"
FORBIDDEN_MODULES = ("peewee", "sqlite3", "psycopg", "psycopg2", "playhouse", "outreach_desk.store.models")
FORBIDDEN_NAMES = {("outreach_desk.store", "DB"), ("outreach_desk.store.connection", "DB"),
                   ("outreach_desk.store", "models")}


def imports_of(path: Path) -> list[tuple[int, str, str | None]]:
    """(line, module, imported name or None) of every import statement in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.lineno, node.module, alias.name) for alias in node.names]
    return found


def _violations(path: Path, root: Path = PACKAGE) -> list[str]:
    bad = []
    for line, module, name in imports_of(path):
        if (module.split(".")[0] in FORBIDDEN_MODULES or module in FORBIDDEN_MODULES
                or (module, name) in FORBIDDEN_NAMES):
            bad.append(f"{path.relative_to(root)}:{line} imports {module}{'.' + name if name else ''}")
    return bad


LAYER_FILES = sorted((PACKAGE / "ui").rglob("*.py")) + sorted((PACKAGE / "cli").rglob("*.py"))


@pytest.mark.parametrize("path", LAYER_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_ui_and_cli_modules_reach_the_database_only_through_services_and_the_store_api(path):
    assert _violations(path) == []


def test_the_check_sees_an_import_hidden_in_a_function(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import peewee\n    from outreach_desk.store import DB\n", encoding="utf-8")
    assert _violations(sample, tmp_path) == ["sample.py:2 imports peewee", "sample.py:3 imports outreach_desk.store.DB"]
