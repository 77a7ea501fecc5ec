"""Running the ``outreach-desk`` command line inside the test process, as the CLI tests do.

``run_cli`` calls ``outreach_desk.cli.main`` on a database and returns its exit code and what it printed.
Modules using it mark their tests with ``pytestmark = CLI_NEEDS_QAPP``: the command line makes a
QCoreApplication when none exists, and widget tests run later in the same process need a QApplication.
"""

from __future__ import annotations

import pytest

CLI_NEEDS_QAPP = pytest.mark.usefixtures("qapp")


def run_cli(capsys, db_path, *argv, lang: str | None = None) -> tuple[int, str, str]:
    """``outreach-desk --db DB [--lang LANG] ARGV…``: (exit code, stdout, stderr)."""
    language = ["--lang", lang] if lang else []
    return run_argv(capsys, "--db", str(db_path), *language, *argv)


def run_argv(capsys, *argv) -> tuple[int, str, str]:
    """``outreach-desk ARGV…`` as given: (exit code, stdout, stderr)."""
    from outreach_desk.cli import main

    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
