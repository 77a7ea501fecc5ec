"""File › 材料归档…: the documents by phase with the overdue ones in red, files attached by the file dialog and by
dropping them on the window, opened, removed, and both taken back by the window's undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from outreach_desk.services.submission import documents
from outreach_desk.ui.submission.documents_dialog import OVERDUE_COLOR, DocumentsDialog
from test_documents import campaign, files  # noqa: F401 - fixtures
from test_entry_form import _drop, context, settings_file  # noqa: F401 - fixtures

TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def dialog(qtbot, campaign, context):  # noqa: F811 - fixtures
    shown = DocumentsDialog(context, today=TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _titles(dialog) -> list[tuple[str, str, list[str]]]:
    tree = dialog.tree
    return [(tree.topLevelItem(r).text(0), tree.topLevelItem(r).text(3),
             [tree.topLevelItem(r).child(c).text(0) for c in range(tree.topLevelItem(r).childCount())])
            for r in range(tree.topLevelItemCount())]


def test_documents_are_listed_with_the_overdue_ones_in_red(dialog):
    assert [t[0] for t in _titles(dialog)] == ["典型案例报送", "经验做法报送", "专项行动总结"]
    first = dialog.tree.topLevelItem(0)
    assert first.text(1) == "集中攻坚" and first.text(3) == "Overdue by 37 days"
    assert first.foreground(0).color() == OVERDUE_COLOR
    assert dialog.tree.topLevelItem(2).foreground(0).color() != OVERDUE_COLOR
    assert dialog.selected_document().title == "典型案例报送"  # the first overdue one, ready for its file
    assert dialog.attach_button.isEnabled() and not dialog.remove_button.isEnabled()


def test_a_drop_attaches_to_the_selected_document_and_undo_takes_it_back(dialog, files, context, qtbot):  # noqa: F811
    dialog.tree.clearSelection()
    assert _drop(dialog, [files["典型案例.docx"]])
    assert "Select the document" in dialog.status.text()
    assert documents.find("典型案例报送").files == ()
    dialog.select_document("典型案例报送")
    _drop(dialog, [files["典型案例.docx"], files["案例补充.pdf"]])
    assert _titles(dialog)[0] == ("典型案例报送", "Attached", ["典型案例.docx", "案例补充.pdf"])
    assert dialog.tree.topLevelItem(0).foreground(0).color() != OVERDUE_COLOR
    context.undo_stack.undo()
    assert _titles(dialog)[0] == ("典型案例报送", "Overdue by 37 days", [])
    context.undo_stack.redo()
    assert [f.original_name for f in documents.find("典型案例报送").files] == ["典型案例.docx", "案例补充.pdf"]


def test_the_file_dialog_attaches_then_a_file_opens_and_is_removed_undoably(dialog, files, context,  # noqa: F811
                                                                            monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(files["总结.wps"])], ""))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    dialog.select_document("专项行动总结")
    dialog.attach_button.click()
    assert _titles(dialog)[2] == ("专项行动总结", "Attached", ["总结.wps"])
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(2).child(0))
    assert dialog.open_button.isEnabled()
    dialog.open_button.click()
    [stored] = documents.find("专项行动总结").files
    assert opened == [QUrl.fromLocalFile(str(stored.path))]
    dialog.remove_button.click()
    assert _titles(dialog)[2] == ("专项行动总结", "Due in 34 days", []) and "Ctrl+Z" in dialog.status.text()
    context.undo_stack.undo()
    assert _titles(dialog)[2] == ("专项行动总结", "Attached", ["总结.wps"])


def test_a_refused_file_is_said_and_nothing_attached(dialog, files, db_path, monkeypatch):  # noqa: F811
    said = []
    monkeypatch.setattr("outreach_desk.ui.shell.errors.show_exception", lambda parent, exc, *a: said.append(str(exc)))
    dialog.select_document("经验做法报送")
    assert not dialog.attach_files([str(db_path)])
    assert "database" in said[0] and documents.find("经验做法报送").files == ()


def test_in_a_county_database_it_shows_the_chosen_townships_archive(qtbot, campaign, context):  # noqa: F811
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import campaigns

    chengguan = organisation.add_township("城关镇")
    campaigns.create(campaigns.CampaignInfo("城关冬季行动", dt.date(2026, 9, 1), dt.date(2026, 12, 31),
                                            township_id=chengguan,
                                            deadlines=[campaigns.DeadlineInfo("城关总结", dt.date(2026, 12, 20))]),
                     with_default_rules=False)
    shown = DocumentsDialog(context, today=TODAY)
    qtbot.addWidget(shown)
    assert shown.township.isVisibleTo(shown)
    assert [t[0] for t in _titles(shown)] == ["典型案例报送", "经验做法报送", "专项行动总结"]
    shown.township.combo.setCurrentIndex(shown.township.combo.findData(chengguan))
    assert [t[0] for t in _titles(shown)] == ["城关总结"]
