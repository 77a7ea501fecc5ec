"""The shipped Chinese translation is complete, up to date with the code, and compiled as shipped.

Fails on purpose when someone adds a user-visible string without Chinese: run
``build/i18n.py update``, ``missing`` and ``fill`` (see README, developer notes).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "outreach_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")
HAN = re.compile(r"[\u4e00-\u9fff]")


def load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "build" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def ts_messages():
    for context in ET.parse(TS).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
            yield name, message, translation, forms


def label(context: str, message: ET.Element) -> str:
    return f"{context} / {message.findtext('source')!r}"


def test_every_message_is_translated():
    untranslated = [label(c, m) for c, m, t, forms in ts_messages()
                    if t.get("type") in ("unfinished", "obsolete", "vanished") or not all(f.strip() for f in forms)]
    assert not untranslated, "messages without Chinese (run build/i18n.py missing/fill):\n" + "\n".join(untranslated)


def test_translations_keep_placeholders():
    broken = []
    for context, message, _, forms in ts_messages():
        source = message.findtext("source") or ""
        wanted = set(PLACEHOLDER.findall(source))
        for form in forms:
            if wanted - set(PLACEHOLDER.findall(form)):
                broken.append(f"{label(context, message)} → {form!r}")
            if message.get("numerus") == "yes" and "%n" in source and "%n" not in form:
                broken.append(f"{label(context, message)} → {form!r} (no %n)")
    assert not broken, "translations that lose a placeholder:\n" + "\n".join(broken)


def test_ts_holds_every_string_of_the_code():
    tool = load_tool()
    found, warnings, _ = tool.extract(tool.source_files())
    assert not warnings, warnings
    in_ts = {(c, m.findtext("source") or "", m.findtext("comment") or "") for c, m, _, _ in ts_messages()}
    absent = sorted(f"{m.context} / {m.source!r}" for m in found if (m.context, m.source, m.comment) not in in_ts)
    assert not absent, "strings in the code but not in the .ts (run build/i18n.py update):\n" + "\n".join(absent)


def test_shipped_qm_is_compiled_from_the_ts(tmp_path):
    tool = load_tool()
    fresh = tmp_path / "fresh.qm"
    tool.release(TS, fresh)
    assert QM.read_bytes() == fresh.read_bytes(), "the .qm is stale: run build/i18n.py release and commit it"


@pytest.fixture
def chinese(qapp):
    from PySide6.QtCore import QLocale

    from outreach_desk import i18n

    before = QLocale()
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield qapp
    i18n.install(qapp, "en")
    QLocale.setDefault(before)


def test_install_translates_our_strings_and_qt_dialogs(chinese):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from outreach_desk.i18n import translate

    assert QCoreApplication.translate("MainWindow", "Activity ledger") == "活动台账"
    assert translate("Ledger", "Enter a date.") == "请填写日期。"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    texts = [box.button(b).text() for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel)]
    assert all(HAN.search(text) for text in texts), texts
    box.deleteLater()


def test_english_leaves_source_strings(qapp):
    from outreach_desk import i18n

    assert i18n.install(qapp, "en") == "en"
    assert i18n.translate("MainWindow", "Activity ledger") == "Activity ledger"
