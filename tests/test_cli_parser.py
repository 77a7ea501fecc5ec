"""The command line parser: every command listed, only the one being run imported."""

from __future__ import annotations

import subprocess
import sys

import pytest

from outreach_desk import cli

_SHOW_IMPORTED = ("import sys, contextlib, io\n"
                  "from outreach_desk import cli\n"
                  "with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.suppress(SystemExit):\n"
                  "    cli.parse_arguments(sys.argv[1:])\n"
                  "print(out.getvalue())\n"
                  "print(sorted(m for m in sys.modules if m.startswith('outreach_desk.cli.')))\n")


def _run(*argv: str) -> tuple[str, list[str]]:
    result = subprocess.run([sys.executable, "-c", _SHOW_IMPORTED, *argv], capture_output=True, text=True,
                            check=True)
    *text, imported = result.stdout.rstrip("\n").split("\n")
    return "\n".join(text), eval(imported)


def test_help_lists_every_command_without_importing_any():
    text, imported = _run("--help")
    for name, _module, help_text in cli.COMMANDS:
        assert name in text
        assert help_text.split()[0] in text
    assert imported == []


def test_a_command_imports_its_module_only_and_gets_its_own_arguments_and_help():
    text, imported = _run("demo", "--help")
    assert "--scale" in text and "--seed" in text
    assert imported == ["outreach_desk.cli.demo_cmd"]


def test_options_before_and_after_the_command_are_parsed():
    args = cli.parse_arguments(["--db", "x.db", "--lang", "en", "demo", "--scale", "county", "--seed", "7"])
    assert (args.db, args.lang, args.command, args.scale, args.seed) == ("x.db", "en", "demo", "county", 7)
    assert args._module.__name__ == "outreach_desk.cli.demo_cmd"
    window = cli.parse_arguments(["--smoke", "--db", "y.db"])
    assert window.command is None and window.smoke and window.db == "y.db"


@pytest.mark.parametrize("argv, message", [
    (["--bogus"], "unrecognized arguments: --bogus"),
    (["bogus"], "invalid choice: 'bogus'"),
    (["demo", "--scale", "city"], "invalid choice: 'city'"),
])
def test_mistakes_are_reported_as_before(argv, message, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.parse_arguments(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err
