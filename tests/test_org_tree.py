"""The organisation panel: tree contents, add/rename/edit via dialogs, refused and cascading deletes,
scope selection, reload keeping state, filtering, and the member unit and activity kind dialogs."""

from __future__ import annotations

import datetime as dt

import pytest
from page_driving import shown
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from outreach_desk.services import ledger
from outreach_desk.services import organisation as org
from outreach_desk.store.models import (Activity, ActivityKind, MemberUnit, ParentLetter, Photo, Site, Survey, Township,
                                        Village)
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.org.dialogs import SiteDialog, TownshipDialog, VillageDialog
from outreach_desk.ui.org.tree import OrgTreePanel
from outreach_desk.ui.org.tree_model import SITE, TOWNSHIP, VILLAGE, KeyRole
from waits import WAIT_MS


@pytest.fixture
def context(db_path, store):
    ctx = AppContext(db_path)
    yield ctx
    ctx.deleteLater()


@pytest.fixture
def panel(qtbot, context, township):
    return shown(qtbot, OrgTreePanel(context), 320, 600)


def _activity(ids, village, site=None, unit=None, photos=0, quantity=1):
    activity_id = ledger.create(ledger.ActivityInput(
        date=dt.date(2026, 10, 8), village_id=ids[village], site_id=ids[site] if site else None,
        kind_id=ids["kinds"]["banner"], quantity=quantity, people=30, member_unit_id=unit))
    for n in range(photos):
        Photo.insert(activity=activity_id, sha256=f"{activity_id:04d}{n:060d}", ext=".jpg",
                     original_name=f"现场{n}.jpg").execute()
    return activity_id


def _answer(monkeypatch, method: str, button, seen: list):
    def fake(parent, title, text, *args, **kwargs):
        seen.append(text)
        return button
    monkeypatch.setattr(QMessageBox, method, staticmethod(fake))


def _visible_names(panel) -> list[str]:
    proxy, names = panel.proxy, []

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            names.append(index.data())
            walk(index)
    walk(panel.view.rootIndex())
    return names


def _shown(panel, key):
    """The index of the node ``key`` in the tree as shown (through the panel's filter proxy)."""
    return panel.proxy.mapFromSource(panel.model.index_of(key))


def _accept_and_reload(qtbot, panel, dialog):
    with qtbot.waitSignal(panel.model.modelReset, timeout=WAIT_MS):
        dialog.accept()


# ---------------------------------------------------------------------------------------------- tree
def test_tree_shows_the_township_with_villages_sites_and_counts(panel, township, qtmodeltester):
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    model = panel.model
    assert model.rowCount() == 1
    t_index = model.index(0, 0)
    assert t_index.data() == "平安镇"
    assert t_index.data(KeyRole) == (TOWNSHIP, township["township"])
    assert [model.index(r, 0, t_index).data() for r in range(model.rowCount(t_index))] == ["太平村", "幸福社区"]
    village1 = model.index_of((VILLAGE, township["village1"]))
    assert [model.index(r, 0, village1).data() for r in range(model.rowCount(village1))] == ["格林小学", "太平纺织厂"]
    assert not model.index(0, 0, village1).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert panel.view.isExpanded(panel.proxy.mapFromSource(t_index))
    # tooltips carry the counts: village2 has one block of 4 entrances, 2 elevators; village1 300 students
    tip2 = model.index_of((VILLAGE, township["village2"])).data(Qt.ItemDataRole.ToolTipRole)
    assert "4" in tip2 and "900" in tip2
    tip_t = t_index.data(Qt.ItemDataRole.ToolTipRole)
    for number in ("3", "6", "2", "1220", "300"):  # sites, entrances, elevators, households, students
        assert number in tip_t
    assert "12" in model.index_of((SITE, township["school"])).data(Qt.ItemDataRole.ToolTipRole)


def test_sites_are_read_only_when_their_village_is_expanded(qtbot, panel, township, qtmodeltester):
    model, view = panel.model, panel.view
    village1 = model.index(0, 0, model.index(0, 0))
    assert village1.data() == "太平村"
    assert model.rowCount(village1) == 0 and model.hasChildren(village1) and model.canFetchMore(village1)
    assert panel.proxy.hasChildren(panel.proxy.mapFromSource(village1))  # the view draws the expand arrow
    view.setExpanded(panel.proxy.mapFromSource(village1), True)
    qtbot.waitUntil(lambda: model.rowCount(village1) == 2, timeout=WAIT_MS)
    assert not model.canFetchMore(village1)
    assert [model.index(r, 0, village1).data() for r in range(2)] == ["格林小学", "太平纺织厂"]
    village2 = model.index(1, 0, model.index(0, 0))
    assert model.rowCount(village2) == 0  # still not read
    qtmodeltester.check(panel.proxy)


def test_a_site_is_found_and_selected_before_its_village_was_ever_opened(qtbot, panel, township):
    assert panel.select((SITE, township["factory"]))
    assert panel.current_node().info.name == "太平纺织厂"
    panel.filter_edit.setText("幸福小")
    assert _visible_names(panel) == ["平安镇", "幸福社区", "幸福小区"]


def test_several_townships_start_folded(qtbot, context, township):
    org.add_village(org.add_township("安宁镇"), "东岭村")
    widget = OrgTreePanel(context)
    qtbot.addWidget(widget)
    widget.show()
    model = widget.model
    assert model.rowCount() == 2
    assert not any(widget.view.isExpanded(widget.proxy.mapFromSource(model.index(r, 0))) for r in range(2))
    assert widget.select((VILLAGE, township["village2"]))  # still reachable: its township unfolds
    assert widget.view.isExpanded(widget.proxy.mapFromSource(model.index(0, 0)))


def test_an_empty_store_offers_to_add_the_township(qtbot, context):
    widget = OrgTreePanel(context)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.empty_hint.isVisible()
    assert not widget.add_village_action.isEnabled()
    dialog = widget.add_here()
    assert isinstance(dialog, TownshipDialog)
    dialog.name_edit.setText("安乐镇")
    dialog.office_edit.setText("安乐镇综治办")
    _accept_and_reload(qtbot, widget, dialog)
    assert Township.get(Township.name == "安乐镇").office_name == "安乐镇综治办"
    assert widget.current_node().key == (TOWNSHIP, Township.get(Township.name == "安乐镇").id)
    assert not widget.empty_hint.isVisible()
    assert widget.add_village_action.isEnabled()


# ---------------------------------------------------------------------------------------------- adding
def test_add_village_then_site_through_the_dialogs(qtbot, panel, township):
    changes = []
    panel.context.data_changed.connect(changes.append)
    panel.select((TOWNSHIP, township["township"]))
    dialog = panel.add_village()
    assert isinstance(dialog, VillageDialog) and dialog.isVisible()
    dialog.name_edit.setText("长寿村")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("village"))
    dialog.households_box.setValue(410)
    _accept_and_reload(qtbot, panel, dialog)
    village = Village.get(Village.name == "长寿村")
    assert (village.township_id, village.kind, village.households) == (township["township"], "village", 410)
    assert changes == ["organisation"]
    assert panel.current_node().key == (VILLAGE, village.id)

    dialog = panel.add_site()
    assert isinstance(dialog, SiteDialog)
    dialog.name_edit.setText("长寿小学")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("school"))
    assert dialog.ordered_attributes()[:2] == ["students", "classes"]
    dialog.count_boxes["students"].setValue(180)
    dialog.count_boxes["classes"].setValue(6)
    _accept_and_reload(qtbot, panel, dialog)
    site = Site.get(Site.name == "长寿小学")
    assert (site.village_id, site.kind, site.students, site.classes) == (village.id, "school", 180, 6)
    assert panel.current_node().key == (SITE, site.id)
    assert "长寿小学" in _visible_names(panel)


def test_insert_key_adds_below_the_current_node(qtbot, panel, township):
    panel.select((VILLAGE, township["village1"]))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Insert)
    dialog = panel.findChild(SiteDialog)
    assert dialog is not None and dialog.village_id == township["village1"]
    dialog.reject()
    panel.select((TOWNSHIP, township["township"]))
    qtbot.keyClick(panel.view, Qt.Key.Key_Insert)
    assert panel.findChild(VillageDialog) is not None


def test_a_refused_add_stays_open_with_the_message_beside_the_field(qtbot, panel, township):
    panel.select((VILLAGE, township["village1"]))
    dialog = panel.add_site()
    dialog.name_edit.setText("格林小学")  # exists already in this village
    dialog.accept()
    assert dialog.isVisible()
    assert "格林小学" in dialog.errors.message("name")
    dialog.name_edit.setText("   ")
    dialog.accept()
    assert dialog.isVisible() and dialog.errors.message("name")
    assert Site.select().count() == 3


# ---------------------------------------------------------------------------------------------- editing
def test_f2_renames_in_place(qtbot, panel, township):
    changes = []
    panel.context.data_changed.connect(changes.append)
    panel.select((VILLAGE, township["village1"]))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = panel.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("太平新村")
    with qtbot.waitSignal(panel.model.modelReset, timeout=WAIT_MS):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert Village.get_by_id(township["village1"]).name == "太平新村"
    assert "organisation" in changes
    assert panel.current_node().info.name == "太平新村"


def test_a_refused_rename_shows_the_message_and_keeps_the_name(panel, township, monkeypatch):
    seen = []
    _answer(monkeypatch, "warning", QMessageBox.StandardButton.Ok, seen)
    index = panel.model.index_of((VILLAGE, township["village1"]))
    assert not panel.model.setData(index, "幸福社区")
    assert len(seen) == 1 and "幸福社区" in seen[0]
    assert Village.get_by_id(township["village1"]).name == "太平村"
    assert index.data() == "太平村"


def test_edit_attributes_of_a_site(qtbot, panel, township):
    panel.select((SITE, township["block"]))
    dialog = panel.edit_current()
    assert isinstance(dialog, SiteDialog)
    assert dialog.name_edit.text() == "幸福小区"
    assert dialog.ordered_attributes()[:4] == ["households", "residents", "entrances", "elevators"]
    assert dialog.count_boxes["entrances"].value() == 4
    dialog.count_boxes["entrances"].setValue(6)
    dialog.count_boxes["residents"].setValue(700)
    _accept_and_reload(qtbot, panel, dialog)
    site = Site.get_by_id(township["block"])
    assert (site.entrances, site.elevators, site.residents, site.households) == (6, 2, 700, 240)
    assert "6" in panel.model.index_of((SITE, site.id)).data(Qt.ItemDataRole.ToolTipRole)


def test_edit_attributes_of_a_village_and_the_township(qtbot, panel, township):
    panel.select((VILLAGE, township["village2"]))
    dialog = panel.edit_current()
    assert dialog.kind_combo.currentData() == "community"
    dialog.residents_box.setValue(2700)
    _accept_and_reload(qtbot, panel, dialog)
    assert Village.get_by_id(township["village2"]).residents == 2700
    panel.select((TOWNSHIP, township["township"]))
    dialog = panel.edit_current()
    assert isinstance(dialog, TownshipDialog)
    dialog.office_edit.setText("平安镇反诈领导小组办公室")
    _accept_and_reload(qtbot, panel, dialog)
    assert Township.get_by_id(township["township"]).office_name == "平安镇反诈领导小组办公室"


# ---------------------------------------------------------------------------------------------- deleting
def test_refused_delete_shows_the_counts_and_keeps_everything(panel, township, monkeypatch):
    for _ in range(7):
        _activity(township, "village2", "block", photos=0)
    _activity(township, "village2", "block", photos=5)
    seen = []
    _answer(monkeypatch, "warning", QMessageBox.StandardButton.Cancel, seen)
    panel.select((SITE, township["block"]))
    assert not panel.delete_current()
    assert len(seen) == 1 and "8" in seen[0] and "5" in seen[0] and "幸福小区" in seen[0]
    assert Site.get_or_none(Site.id == township["block"]) is not None
    assert Activity.select().count() == 8 and Photo.select().count() == 5


def test_cascade_delete_of_a_village_removes_what_it_counted(qtbot, panel, township, monkeypatch, context):
    for _ in range(6):
        _activity(township, "village1", "school")
    _activity(township, "village1", None, photos=4)
    kept = _activity(township, "village2", "block", photos=1)
    context.undo_stack.push(_NoOpCommand())
    seen, changes = [], []
    context.data_changed.connect(changes.append)
    _answer(monkeypatch, "warning", QMessageBox.StandardButton.Yes, seen)
    panel.select((SITE, township["school"]))
    panel.select((VILLAGE, township["village1"]))
    with qtbot.waitSignal(panel.model.modelReset, timeout=WAIT_MS):
        assert panel.delete_current()
    assert "2" in seen[0] and "7" in seen[0] and "4" in seen[0]  # sites, activities, photos
    assert Village.get_or_none(Village.id == township["village1"]) is None
    assert Site.select().count() == 1
    assert [a.id for a in Activity.select()] == [kept]
    assert Photo.select().count() == 1
    assert set(changes) == {"activity", "organisation"}
    assert context.undo_stack.count() == 0
    assert panel.current_node().key == (TOWNSHIP, township["township"])
    assert "太平村" not in _visible_names(panel)


def test_delete_of_an_unused_site_asks_first(qtbot, panel, township, monkeypatch):
    seen = []
    _answer(monkeypatch, "question", QMessageBox.StandardButton.No, seen)
    panel.select((SITE, township["factory"]))
    assert not panel.delete_current()
    assert Site.get_or_none(Site.id == township["factory"]) is not None
    _answer(monkeypatch, "question", QMessageBox.StandardButton.Yes, seen)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.model.modelReset, timeout=WAIT_MS):
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert len(seen) == 2 and "太平纺织厂" in seen[1]
    assert Site.get_or_none(Site.id == township["factory"]) is None
    assert panel.current_node().key == (VILLAGE, township["village1"])


def test_surveys_and_parent_letters_count_as_dependents(qtbot, panel, township, monkeypatch):
    Survey.insert(village=township["village1"], date=dt.date(2026, 10, 20), respondents=50, aware=43).execute()
    for class_name in ("一年级1班", "一年级2班", "二年级1班"):
        ParentLetter.insert(site=township["school"], class_name=class_name, date=dt.date(2026, 10, 9),
                            students=40, issued=40, signed=38).execute()
    deps = org.village_dependents(township["village1"])
    assert (deps.sites, deps.activities, deps.extra["surveys"], deps.extra["parent_letters"]) == (2, 0, 1, 3)
    assert org.site_dependents(township["school"]).extra["parent_letters"] == 3
    seen = []
    _answer(monkeypatch, "warning", QMessageBox.StandardButton.Cancel, seen)
    panel.select((SITE, township["school"]))
    assert not panel.delete_current()  # letters only: still refused, not a plain "nothing depends on it"
    assert "3" in seen[0] and ParentLetter.select().count() == 3
    _answer(monkeypatch, "warning", QMessageBox.StandardButton.Yes, seen)
    panel.select((VILLAGE, township["village1"]))
    with qtbot.waitSignal(panel.model.modelReset, timeout=WAIT_MS):
        assert panel.delete_current()
    assert Survey.select().count() == 0 and ParentLetter.select().count() == 0
    assert Site.select().count() == 1


def test_township_delete_is_refused_then_cascades(township):
    _activity(township, "village1", "school", unit=township["unit"], photos=2)
    with pytest.raises(org.InUseError) as info:
        org.delete_township(township["township"])
    deps = info.value.dependents
    assert (deps.villages, deps.sites, deps.activities, deps.photos, deps.extra["member_units"]) == (2, 3, 1, 2, 1)
    assert deps.extra["surveys"] == deps.extra["parent_letters"] == 0
    assert Township.select().count() == 1
    org.delete_township(township["township"], cascade=True)
    for model in (Township, Village, Site, MemberUnit, Activity, Photo):
        assert model.select().count() == 0


def _kept_row(kind: str, township_id: int) -> tuple[object, str]:
    """One record of ``kind`` that keeps a township in the database, and the words the refusal uses for it."""
    from outreach_desk.store.models import Campaign
    from outreach_desk.store.submission_models import ReceivedPackage, Sending
    from outreach_desk.store.supervision_models import (FraudCaseMonth, Inspection, RectificationOrder,
                                                        SupervisionDecision)

    day, now = dt.date(2026, 11, 5), dt.datetime(2026, 12, 1, 9, 0)
    rows = {
        "campaign": (Campaign, dict(name="冬季行动", scoped_name=f"{township_id}/冬季行动", start_date=day,
                                    end_date=day), "自己的专项行动 1 个"),
        "sending": (Sending, dict(month="2026-11", sequence=1, report_sha256="0" * 64, coverage_json="{}",
                                  counts_json="{}", sent_at=now, recipient="县反诈中心"), "报送记录 1 次"),
        "package": (ReceivedPackage, dict(month="2026-11", sequence=1, package_sha256="1" * 64, data_sha256="2" * 64,
                                          written_at=now, received_at=now, counts_json="{}"), "收到的上报包 1 个"),
        "cases": (FraudCaseMonth, dict(year=2026, month=11, cases=3), "案件情况 1 条"),
        "inspection": (Inspection, dict(date=day), "督导检查 1 次"),
        "order": (RectificationOrder, dict(task="补挂横幅", issued=day, deadline=day), "整改通知 1 份"),
        "decision": (SupervisionDecision, dict(kind="commend", decided=day), "表扬与批评 1 条"),
    }
    model, fields, words = rows[kind]
    return model, model.insert(township=township_id, **fields).execute(), words


@pytest.mark.parametrize("kind", ["campaign", "sending", "package", "cases", "inspection", "order", "decision"])
def test_the_tree_refuses_to_delete_a_township_that_holds_records_of_its_own(qapp, panel, township, monkeypatch,
                                                                             kind):
    from outreach_desk import i18n

    model, row_id, words = _kept_row(kind, township["township"])
    warnings, questions = [], []
    _answer(monkeypatch, "warning", QMessageBox.StandardButton.Yes, warnings)  # even "yes" to a cascade must not delete
    _answer(monkeypatch, "question", QMessageBox.StandardButton.Yes, questions)
    panel.select((TOWNSHIP, township["township"]))
    i18n.install(qapp, "zh_CN")
    try:
        assert not panel.delete_current()
    finally:
        i18n.install(qapp, "en")
    assert questions == []
    assert warnings == [f"不能删除平安镇：它有{words}。这些记录须随乡镇保留，因此该乡镇不能从数据库中删除。"]
    assert model.get_or_none(model.id == row_id) is not None
    assert (Township.select().count(), Village.select().count(), Site.select().count()) == (1, 2, 3)
    assert panel.current_node().key == (TOWNSHIP, township["township"])


# ---------------------------------------------------------------------------------------------- scope, reload, filter
def test_selection_emits_the_scope(qtbot, panel, township, context):
    with qtbot.waitSignal(context.scope_selected, timeout=WAIT_MS) as blocker:
        panel.select((SITE, township["school"]))
    assert blocker.args == [township["village1"], township["school"]]
    with qtbot.waitSignal(context.scope_selected, timeout=WAIT_MS) as blocker:
        panel.select((VILLAGE, township["village2"]))
    assert blocker.args == [township["village2"], None]
    with qtbot.waitSignal(context.scope_selected, timeout=WAIT_MS) as blocker:
        panel.select((TOWNSHIP, township["township"]))
    assert blocker.args == [None, None]


def test_reload_from_elsewhere_keeps_expansion_and_selection(qtbot, panel, township, context):
    panel.select((SITE, township["school"]))
    panel.view.setExpanded(_shown(panel, (VILLAGE, township["village2"])), False)
    scopes = []
    context.scope_selected.connect(lambda *args: scopes.append(args))
    new_site = org.add_site(township["village1"], "太平农贸市场", "market", entrances=3)
    with qtbot.waitSignal(panel.model.modelReset, timeout=WAIT_MS):
        context.data_changed.emit("organisation")
    assert panel.current_node().key == (SITE, township["school"])
    assert panel.view.isExpanded(_shown(panel, (VILLAGE, township["village1"])))
    assert not panel.view.isExpanded(_shown(panel, (VILLAGE, township["village2"])))
    assert _shown(panel, (SITE, new_site)).isValid()
    assert scopes == []  # the same scope is not announced again


def test_filter_finds_a_name_and_restores_the_tree(qtbot, panel, township, qtmodeltester):
    panel.view.setExpanded(_shown(panel, (VILLAGE, township["village1"])), False)
    panel.filter_edit.setText("小区")
    assert _visible_names(panel) == ["平安镇", "幸福社区", "幸福小区"]
    assert panel.view.isExpanded(_shown(panel, (VILLAGE, township["village2"])))
    qtmodeltester.check(panel.proxy)
    panel.filter_edit.setText("太平")  # a village that matches shows all its sites
    assert _visible_names(panel) == ["平安镇", "太平村", "格林小学", "太平纺织厂"]
    panel.filter_edit.clear()
    assert len(_visible_names(panel)) == 6
    assert not panel.view.isExpanded(_shown(panel, (VILLAGE, township["village1"])))


# ---------------------------------------------------------------------------------------------- catalogues
def test_member_units_dialog_adds_edits_and_refuses_delete_while_used(qtbot, panel, township, monkeypatch):
    dialog = panel.open_member_units()
    assert dialog.unit_list.count() == 1
    dialog.start_new()
    dialog.name_edit.setText("平安司法所")
    dialog.duties_edit.setPlainText("法治宣传、人民调解")
    assert dialog.save()
    unit = MemberUnit.get(MemberUnit.name == "平安司法所")
    assert (unit.township_id, unit.duties) == (township["township"], "法治宣传、人民调解")
    assert dialog.unit_list.count() == 2 and dialog.current_unit_id() == unit.id

    dialog.duties_edit.setPlainText("法治宣传、人民调解、社区矫正")
    assert dialog.save()
    assert MemberUnit.get_by_id(unit.id).duties == "法治宣传、人民调解、社区矫正"

    dialog.start_new()
    dialog.name_edit.setText("平安派出所")  # taken
    assert not dialog.save()
    assert "平安派出所" in dialog.errors.message("name")

    _activity(township, "village1", unit=township["unit"])
    dialog.unit_list.setCurrentRow(0)
    assert dialog.current_unit_id() == township["unit"]
    questions, warnings = [], []
    _answer(monkeypatch, "question", QMessageBox.StandardButton.Yes, questions)
    _answer(monkeypatch, "warning", QMessageBox.StandardButton.Ok, warnings)
    assert not dialog.delete_current()
    assert len(warnings) == 1 and "1" in warnings[0]
    assert MemberUnit.get_or_none(MemberUnit.id == township["unit"]) is not None

    dialog.unit_list.setCurrentRow(1)
    assert dialog.delete_current()
    assert MemberUnit.get_or_none(MemberUnit.id == unit.id) is None
    assert dialog.unit_list.count() == 1


def test_kinds_dialog_adds_and_deactivates_kinds(qtbot, panel, township, qtmodeltester):
    dialog = panel.open_kinds()
    qtmodeltester.check(dialog.model)
    builtin = dialog.model.rowCount()
    assert builtin == ActivityKind.select().count()
    changes = []
    panel.context.data_changed.connect(changes.append)
    dialog.name_zh_edit.setText("反诈知识讲座进企业")
    dialog.name_en_edit.setText("Company lecture")
    dialog.unit_zh_edit.setText("场")
    kind_id = dialog.add_kind()
    kind = ActivityKind.get_by_id(kind_id)
    assert (kind.name_zh, kind.name_en, kind.unit_zh, kind.builtin, kind.active) == (
        "反诈知识讲座进企业", "Company lecture", "场", False, True)
    assert dialog.model.rowCount() == builtin + 1
    assert dialog.current_kind().id == kind_id
    assert changes == ["organisation"]

    assert dialog.add_kind() is None  # empty form
    assert dialog.errors.message("name")

    dialog.toggle_current()
    assert not ActivityKind.get_by_id(kind_id).active
    assert kind_id not in {k.id for k in org.list_kinds(active_only=True)}
    dialog.toggle_current()
    assert ActivityKind.get_by_id(kind_id).active
    qtmodeltester.check(dialog.model)


class _NoOpCommand:
    """Stand-in undo entry: built lazily so the import of QtGui stays with the other Qt imports."""

    def __new__(cls):
        from PySide6.QtGui import QUndoCommand

        return QUndoCommand("ledger edit")
