"""build/i18n.py finds the project's translation calls and round-trips missing → fill → .qm."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def tool(tmp_path, monkeypatch):
    """The tool pointed at a scratch project: package folder and translations under tmp_path."""
    spec = importlib.util.spec_from_file_location("i18n_tool_under_test", ROOT / "build" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    package = tmp_path / "outreach_desk"
    package.mkdir()
    translations = tmp_path / "resources" / "translations"
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "PACKAGE", package)
    monkeypatch.setattr(module, "TRANSLATIONS", translations)
    monkeypatch.setattr(module, "TS_FILE", translations / "outreach_desk_zh_CN.ts")
    monkeypatch.setattr(module, "QM_FILE", translations / "outreach_desk_zh_CN.qm")
    return module


def write(tool, name: str, code: str) -> None:
    path = tool.PACKAGE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(code), encoding="utf-8")


SAMPLE = '''
    from functools import partial
    from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
    from PySide6.QtWidgets import QWidget
    from outreach_desk.i18n import translate

    CONTEXT = "Report"
    LABELS = (QT_TRANSLATE_NOOP("Vocab", "Banner"),)

    def _tr(text, n=-1):
        """Module helper with a fixed context."""
        return translate("Ledger", text, None, n)

    _lt = lambda text: translate(CONTEXT, text)
    _pt = partial(translate, "Partial")

    class Page(QWidget):
        def build(self):
            self.setWindowTitle(self.tr("Ledger page"))
            self.tr("Open", "menu")
            self.tr("%n record(s)", None, 3)

    def messages(count):
        tr = QCoreApplication.translate
        tr("Errors", "Disk full")
        _tr("Enter a date.")
        _tr("%n photo(s)", count)
        _lt("Monthly report")
        _pt("Via partial")
        translate(CONTEXT, "Tab\\there")
        translate("Ledger", "Dynamic {x}".upper())
        translate("Ledger", f"bad {count}")
        "abc".translate({})
'''


def test_extract_understands_the_project_helpers(tool):
    write(tool, "sample.py", SAMPLE)
    write(tool, "other.py", "from outreach_desk.sample import _tr\n_tr('Imported helper')\n")
    found, warnings, skipped = tool.extract(tool.source_files())
    got = {(m.context, m.source, m.comment, m.numerus) for m in found}
    assert got == {
        ("Vocab", "Banner", "", False),
        ("Page", "Ledger page", "", False),
        ("Page", "Open", "menu", False),
        ("Page", "%n record(s)", "", True),
        ("Errors", "Disk full", "", False),
        ("Ledger", "Enter a date.", "", False),
        ("Ledger", "%n photo(s)", "", True),
        ("Ledger", "Imported helper", "", False),
        ("Report", "Monthly report", "", False),
        ("Partial", "Via partial", "", False),
        ("Report", "Tab\there", "", False),
    }
    assert len(warnings) == 1 and "f-string" in warnings[0]
    assert any("sample.py" in line for line in skipped)


def test_update_missing_fill_round_trip(tool, tmp_path, capsys):
    write(tool, "sample.py", SAMPLE)
    tool.update()
    capsys.readouterr()
    tool.missing()
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert ["Report", "Tab\\there", ""] in rows
    assert ["Page", "Open", "", "menu"] in rows
    assert len(rows) == 10

    translations = {"Tab\\there": "制表\\t符", "%n record(s)": "%n 条记录", "%n photo(s)": "%n 张照片", "Open": "打开"}
    tsv = tmp_path / "fill.tsv"
    tsv.write_text("".join("\t".join(row[:2] + [translations.get(row[1], "译文")] + row[3:]) + "\n" for row in rows),
                   encoding="utf-8")
    assert tool.fill(tsv) == 0
    capsys.readouterr()
    tool.missing()
    assert capsys.readouterr().out == ""

    messages = {(c, m.findtext("source")): m for c, m in tool.iter_messages(tool.read_ts(tool.TS_FILE))}
    assert messages[("Report", "Tab\there")].findtext("translation") == "制表\t符"
    plural = messages[("Page", "%n record(s)")]
    assert plural.get("numerus") == "yes"
    assert [f.text for f in plural.find("translation").findall("numerusform")] == ["%n 条记录"]

    compiled = tmp_path / "check.qm"
    tool.release(tool.TS_FILE, compiled)
    assert compiled.read_bytes() == tool.QM_FILE.read_bytes()

    before = tool.TS_FILE.read_bytes()
    tool.update()
    assert tool.TS_FILE.read_bytes() == before, "a second update must not churn the file"


def test_fill_refuses_a_lost_placeholder(tool, tmp_path, capsys):
    write(tool, "sample.py", 'from outreach_desk.i18n import translate\ntranslate("Store", "Cannot open {path}")\n')
    tool.update()
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("Store\tCannot open {path}\t无法打开\n", encoding="utf-8")
    assert tool.fill(tsv) == 1
    assert "{path}" in capsys.readouterr().err
    assert list(tool.unfinished_messages())


def test_removed_strings_leave_the_ts(tool):
    write(tool, "sample.py",
          'from outreach_desk.i18n import translate\ntranslate("A", "Old")\ntranslate("A", "Kept")\n')
    tool.update()
    write(tool, "sample.py", 'from outreach_desk.i18n import translate\ntranslate("A", "Kept")\n')
    tool.update()
    sources = [m.findtext("source") for _, m in tool.iter_messages(tool.read_ts(tool.TS_FILE))]
    assert sources == ["Kept"]


def test_help_runs():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "build" / "i18n.py"), "--help"], capture_output=True,
                            text=True, check=True)
    for command in ("update", "missing", "fill", "release"):
        assert command in result.stdout
