"""No Alt mnemonic clashes within one window: the main window (menu bar, organisation panel, every page),
each menu and each dialog. Alt+O was both the 组织架构 menu and the 组织单位 field, Alt+E 编辑 and 覆盖人数,
the panel's toolbar showed 添加村/社区(V) beside the 村/社区(&V) field, and the File menu had two R."""

from __future__ import annotations

import pytest
from mnemonics import clashes, menu_mnemonics, window_mnemonics
from PySide6.QtWidgets import QMenu

from outreach_desk import i18n
from outreach_desk.ui.org.tree_model import SITE
from outreach_desk.ui.shell import main_window


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp):
    before = i18n.current_language()
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, before)


@pytest.fixture
def window(qtbot, store, db_path, township, language):
    window = main_window.MainWindow(db_path, language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def _menus(menu: QMenu, path: str):
    yield path, menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menus(action.menu(), f"{path} › {action.text()}")


def test_every_page_of_the_main_window(window, qtbot, township):
    window.tree_panel.select((SITE, township["block"]))  # every button of the panel's toolbar shown
    for index, (name, _factory, _title) in enumerate(main_window.PAGES):
        window.tabs.setCurrentIndex(index)
        window.page(name)
        qtbot.wait(10)
        assert clashes(window_mnemonics(window)) == {}, name


def test_every_menu(window):
    for top in window.menuBar().actions():
        if top.menu() is not None:
            for path, menu in _menus(top.menu(), top.text()):
                assert clashes(menu_mnemonics(menu)) == {}, path


def _dialogs(window, township):
    from outreach_desk.ui.campaign.dialog import CampaignDialog
    from outreach_desk.ui.campaign.kinds_dialog import KindsDialog
    from outreach_desk.ui.excel.report_dialog import ReportOptionsDialog
    from outreach_desk.ui.org.dialogs import SiteDialog, TownshipDialog, VillageDialog
    from outreach_desk.ui.org.member_units_dialog import MemberUnitsDialog
    from outreach_desk.ui.audit.history_dialog import RecordHistoryDialog
    from outreach_desk.ui.campaign.rules_editor import RulesEditor
    from outreach_desk.ui.org.assigned_dialog import AssignedTargetsDialog
    from outreach_desk.ui.settings.dialog import SettingsDialog
    from outreach_desk.ui.shell.first_run import FirstRunDialog

    context = window.context
    return [RulesEditor(context, window), AssignedTargetsDialog(context, window), FirstRunDialog(window),
            RecordHistoryDialog("activity", 1, window), TownshipDialog(window),
            VillageDialog(window, township_id=township["township"]),
            SiteDialog(window, village_id=township["village1"], village_name="太平村"),
            ReportOptionsDialog(context, window), SettingsDialog(context, window), KindsDialog(context, window),
            CampaignDialog(context, window), MemberUnitsDialog(context, window, township["township"])]


def test_every_dialog(window, qtbot, township):
    for dialog in _dialogs(window, township):
        dialog.show()
        qtbot.waitExposed(dialog)
        assert clashes(window_mnemonics(dialog)) == {}, type(dialog).__name__
        dialog.reject()
