"""The bulletin preview opened from the ranking page: drafted in the background, edited, saved as .docx."""

from __future__ import annotations

import datetime as dt

import pytest
from test_supervision_rankings import build_small_town

from outreach_desk.services.coverage import periods
from outreach_desk.ui.supervision import ranking_page
from waits import WAIT_MS

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def dialog(qtbot, store, monkeypatch):
    from outreach_desk.ui.shell.context import AppContext

    build_small_town()
    monkeypatch.setattr(ranking_page, "today", lambda: TODAY)
    page = ranking_page.RankingPage(AppContext(store.database))
    qtbot.addWidget(page)
    page.show()
    page.picker.set_period(periods.month(2026, 11))
    dialog = page.open_bulletin()
    qtbot.waitUntil(lambda: dialog.bulletin is not None and not dialog.is_busy(), timeout=WAIT_MS)
    return dialog


def test_the_preview_shows_the_draft_and_the_ranking(dialog):
    assert dialog.month == periods.month(2026, 11)
    assert dialog.title_edit.text() == "关于2026年11月防范电信网络诈骗宣传工作情况的通报"
    assert dialog.number_edit.text() == "和平镇反诈办〔2026〕11号"
    table = dialog.findChild(type(dialog._table(dialog.bulletin.section("ranking").table)), "bulletinRankingTable")
    assert table.rowCount() == 5 and table.item(0, 1).text() == "东村"
    overview = dialog._editors["overview"][1].toPlainText()
    assert "共开展各类宣传活动8次" in overview
    assert dialog.save_button.isEnabled()
    from PySide6.QtWidgets import QLabel

    note = dialog.findChild(QLabel, "bulletinNote_commend")       # proposals from the ranking are said to be so
    assert note is not None and note.text() == dialog.bulletin.section("commend").note != ""
    assert dialog.findChild(QLabel, "bulletinNote_overview") is None


def test_a_period_to_date_gives_the_last_whole_month(dialog):
    page = dialog.parent()
    page.picker.set_period(periods.to_date(page._campaign, dt.date(2026, 12, 7)))
    assert page.bulletin_month() == periods.month(2026, 11)
    page.picker.set_period(periods.date_range(dt.date(2026, 10, 1), dt.date(2026, 10, 31)))
    assert page.bulletin_month() == periods.month(2026, 10)


def test_edits_go_into_the_saved_document(dialog, tmp_path):
    import docx

    heading, text = dialog._editors["next"]
    text.setPlainText("（一）12月10日前完成整改。\n\n（二）下月起每周通报一次。")
    dialog.number_edit.setText("和平镇反诈办〔2026〕9号")
    path = dialog.save(tmp_path / "预览 保存" / "通报.docx")
    assert path is not None and path.exists() and dialog.saved_path == path
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "（一）12月10日前完成整改。" in texts and "（二）下月起每周通报一次。" in texts
    assert "和平镇反诈办〔2026〕9号" in texts
    assert not any("抓好问题整改" in t for t in texts)
    assert str(path) in dialog.status.text()
