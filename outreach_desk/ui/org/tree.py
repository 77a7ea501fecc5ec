"""The organisation panel on the left of the main window: find, add, rename, edit and delete.

Selecting a village or site tells the rest of the program through ``scope_selected`` (the ledger
filters by it). Every change is announced as ``data_changed("organisation")``; the panel reloads
on that signal too (from anyone, itself included), keeping what was expanded and selected.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QLabel, QLineEdit, QMenu, QMessageBox, QPushButton,
                               QToolBar, QToolButton, QTreeView, QVBoxLayout, QWidget)

from outreach_desk.services import organisation_info as org
from outreach_desk.services.errors import InUseError, ServiceError
from outreach_desk.ui.shell.context import AppContext
from outreach_desk.ui.shell.error_reporting import show_exception
from outreach_desk.ui.org.tree_model import SITE, TOWNSHIP, VILLAGE, OrgNode, OrgTreeModel


class OrgTreePanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("orgTreePanel")
        self.context = context
        self._scope: tuple[int | None, int | None] = (None, None)
        self._pending_key: tuple[str, int] | None = None
        self._filter_expansion: set[tuple[str, int]] | None = None
        self._restoring = False

        self.model = OrgTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("orgFilter")
        self.filter_edit.setPlaceholderText(self.tr("Find a village or site…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)

        self.view = QTreeView(self)
        self.view.setObjectName("orgTree")
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.filter_edit.returnPressed.connect(self.view.setFocus)

        self.empty_hint = QWidget(self)
        self.empty_hint.setObjectName("orgEmptyHint")
        hint_layout = QVBoxLayout(self.empty_hint)
        hint = QLabel(self.tr("No township yet. Start by adding your township, then its villages, "
                              "communities and sites."), self.empty_hint)
        hint.setWordWrap(True)
        hint_layout.addWidget(hint)

        self._build_actions()
        start = QPushButton(self.add_township_action.text(), self.empty_hint)
        start.clicked.connect(self.add_township_action.trigger)
        hint_layout.addWidget(start)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.view, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self.model.edit_failed.connect(lambda exc: show_exception(self, exc))
        self.model.renamed.connect(lambda *_: self.context.data_changed.emit("organisation"))
        context.data_changed.connect(self._on_data_changed)

        self.model.reload()
        townships = self.model.townships()
        if len(townships) == 1:  # a township office; a county's many townships start folded (and faster)
            self.view.setExpanded(self._view_index((TOWNSHIP, townships[0].info.id)), True)
        self._update_actions()

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        return action

    def _build_actions(self) -> None:
        self.add_township_action = self._action(self.tr("Add &township…"), self.add_township)
        self.add_village_action = self._action(
            self.tr("Add &village/community…"), self.add_village,
            tip=self.tr("Add a village or community to the township (Insert on a township)"))
        self.add_site_action = self._action(
            self.tr("Add &site…"), self.add_site,
            tip=self.tr("Add a site to the village or community (Insert on a village or site)"))
        self.add_here_action = self._action(self.tr("Add below"), self.add_here, Qt.Key.Key_Insert)
        self.rename_action = self._action(self.tr("&Rename"), self.rename_current, Qt.Key.Key_F2)
        self.edit_action = self._action(self.tr("&Attributes…"), self.edit_current, "Alt+Return",
                                        tip=self.tr("Edit kind, entrances, households, students and other counts"))
        self.delete_action = self._action(self.tr("&Delete…"), self.delete_current, Qt.Key.Key_Delete)
        self.member_units_action = self._action(self.tr("&Member units…"), self.open_member_units)
        self.assigned_action = self._action(self.tr("Assi&gned targets (任务数)…"), self.open_assigned_targets)
        self.kinds_action = self._action(self.tr("Activity &kinds…"), self.open_kinds)
        self.county_action = self._action(self.tr("C&ounty office…"), self.open_county_office,
                                          tip=self.tr("The county's name, office and signers for its own report"))

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("orgToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.add_village_action, self.add_site_action, self.edit_action, self.delete_action):
            action.setIconText(_shown_on_a_button(action.text()))  # a toolbar has no Alt keys: no "(V)" promised
            self.toolbar.addAction(action)
        more = QToolButton(self.toolbar)
        more.setObjectName("orgMore")
        more.setText(self.tr("More"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_menu = QMenu(more)
        more_menu.addActions([self.rename_action, self.add_township_action, self.county_action, _separator(more_menu),
                              self.member_units_action, self.assigned_action, self.kinds_action])
        more.setMenu(more_menu)
        self.toolbar.addWidget(more)

    def menu_actions(self) -> list[QAction]:
        """The panel's actions for the main window's Organisation menu (separators included)."""
        return [self.add_township_action, self.county_action, self.add_village_action, self.add_site_action,
                _separator(self),
                self.rename_action, self.edit_action, self.delete_action, _separator(self),
                self.member_units_action, self.assigned_action, self.kinds_action]

    def _context_menu(self, position) -> None:
        menu = QMenu(self)
        menu.addActions(self.menu_actions())
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _update_actions(self) -> None:
        node = self.current_node()
        has_townships = bool(self.model.townships())
        self.county_action.setVisible(len(self.model.townships()) > 1)  # a county database's own identity
        self.empty_hint.setVisible(not has_townships)
        self.add_village_action.setEnabled(self._target_township() is not None)
        self.add_site_action.setEnabled(node is not None and node.level in (VILLAGE, SITE))
        for action in (self.rename_action, self.edit_action, self.delete_action):
            action.setEnabled(node is not None)

    # ------------------------------------------------------------------ selection
    def current_node(self) -> OrgNode | None:
        return self.model.node(self.proxy.mapToSource(self.view.currentIndex()))

    def _view_index(self, key: tuple[str, int]) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_of(key))

    def select(self, key: tuple[str, int]) -> bool:
        """Make the node with ``key`` current (expanding its parents); False if it is not shown."""
        index = self._view_index(key)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.view.setExpanded(parent, True)
            parent = parent.parent()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _on_current_changed(self, *_args) -> None:
        if self._restoring:
            return
        self._update_actions()
        self._emit_scope()

    def _emit_scope(self) -> None:
        node = self.current_node()
        scope = node.scope() if node is not None else (None, None)
        if scope != self._scope:
            self._scope = scope
            self.context.scope_selected.emit(*scope)

    def _target_township(self) -> int | None:
        node = self.current_node()
        if node is not None:
            return node.township().info.id
        townships = self.model.townships()
        return townships[0].info.id if len(townships) == 1 else None

    def _target_village(self) -> OrgNode | None:
        node = self.current_node()
        if node is None or node.level == TOWNSHIP:
            return None
        return node if node.level == VILLAGE else node.parent

    # ------------------------------------------------------------------ reloading
    def _on_data_changed(self, what: str) -> None:
        if what == "organisation":
            self._reload_timer.start()

    def _expanded_keys(self) -> set[tuple[str, int]]:
        keys = set()
        for node in self.model.nodes():
            if node.children and self.view.isExpanded(self._view_index(node.key)):
                keys.add(node.key)
        return keys

    def _restore_expansion(self, keys: set[tuple[str, int]]) -> None:
        for key in keys:
            index = self._view_index(key)
            if index.isValid():
                self.view.setExpanded(index, True)

    def reload(self) -> None:
        """Read the tree again; keep expansion and selection (or move to the nearest surviving parent)."""
        self._reload_timer.stop()
        current = self.current_node()
        wanted = ([self._pending_key] if self._pending_key else []) + (current.ancestry() if current else [])
        self._pending_key = None
        expanded = self._expanded_keys()
        self._restoring = True
        try:
            self.model.reload()
            if self.proxy.filterRegularExpression().pattern():
                self.view.expandAll()
            else:
                self._restore_expansion(expanded)
            for key in wanted:
                if self.select(key):
                    break
        finally:
            self._restoring = False
        self._update_actions()
        self._emit_scope()

    def set_filter(self, text: str) -> None:
        """Show only names containing ``text`` (with their parents and children), all expanded."""
        text = text.strip()
        if text and self._filter_expansion is None:
            self._filter_expansion = self._expanded_keys()
        if text:
            self.model.load_all_sites()
        if not text:
            self.view.collapseAll()  # before the rows come back: re-showing them expanded is slow at county scale
        self.proxy.setFilterFixedString(text)
        if text:
            self.view.expandAll()
        elif self._filter_expansion is not None:
            self._restore_expansion(self._filter_expansion)
            self._filter_expansion = None
        if self.view.currentIndex().isValid():
            self.view.scrollTo(self.view.currentIndex())
        self._update_actions()

    def _changed(self, select_key: tuple[str, int] | None = None) -> None:
        if select_key is not None:
            self._pending_key = select_key
        self.context.data_changed.emit("organisation")

    # ------------------------------------------------------------------ adding and editing
    def _open(self, dialog: QDialog, level: str) -> QDialog:
        """Show ``dialog`` window-modal; once it saved, select what it saved."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._changed((level, dialog.saved_id)))
        dialog.open()
        return dialog

    def add_township(self) -> QDialog:
        from outreach_desk.ui.org.dialogs import TownshipDialog

        return self._open(TownshipDialog(self), TOWNSHIP)

    def add_village(self) -> QDialog | None:
        from outreach_desk.ui.org.dialogs import VillageDialog

        township_id = self._target_township()
        if township_id is None:
            return None
        return self._open(VillageDialog(self, township_id=township_id), VILLAGE)

    def add_site(self) -> QDialog | None:
        from outreach_desk.ui.org.dialogs import SiteDialog

        village = self._target_village()
        if village is None:
            return None
        return self._open(SiteDialog(self, village_id=village.info.id, village_name=village.info.name), SITE)

    def add_here(self) -> QDialog | None:
        """Insert: a township when there is none, else a village under a township, else a site."""
        node = self.current_node()
        if not self.model.townships():
            return self.add_township()
        if node is None or node.level == TOWNSHIP:
            return self.add_village()
        return self.add_site()

    def rename_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    def edit_current(self) -> QDialog | None:
        from outreach_desk.ui.org.dialogs import SiteDialog, TownshipDialog, VillageDialog

        node = self.current_node()
        if node is None:
            return None
        try:
            if node.level == TOWNSHIP:
                dialog = TownshipDialog(self, org.get_township(node.info.id))
            elif node.level == VILLAGE:
                dialog = VillageDialog(self, village=org.get_village(node.info.id))
            else:
                dialog = SiteDialog(self, site=org.get_site(node.info.id), village_name=node.parent.info.name)
        except ServiceError as exc:
            show_exception(self, exc)
            self._changed()
            return None
        return self._open(dialog, node.level)

    # ------------------------------------------------------------------ deleting
    def delete_current(self) -> bool:
        """Delete the current node: asked first; when records depend on it, only as an explicit cascade."""
        node = self.current_node()
        if node is None:
            return False
        from outreach_desk.services import organisation  # the write path, loaded when first needed

        delete = {TOWNSHIP: organisation.delete_township, VILLAGE: organisation.delete_village,
                  SITE: organisation.delete_site}[node.level]
        dependents = {TOWNSHIP: organisation.township_dependents, VILLAGE: organisation.village_dependents,
                      SITE: organisation.site_dependents}[node.level]
        title = self.tr("Delete {name}").format(name=node.info.name)
        try:
            if node.level == TOWNSHIP:
                organisation.require_deletable_township(node.info.id)
            if dependents(node.info.id).total == 0:
                answer = QMessageBox.question(
                    self, title, self.tr("Delete {name}? Nothing else depends on it.").format(name=node.info.name),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    return False
            try:
                removed = delete(node.info.id)
            except InUseError as refusal:
                answer = QMessageBox.warning(self, title, self._cascade_question(node, refusal),
                                             QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                             QMessageBox.StandardButton.Cancel)
                if answer != QMessageBox.StandardButton.Yes:
                    return False
                removed = delete(node.info.id, cascade=True)
        except ServiceError as exc:
            show_exception(self, exc)
            self._changed()
            return False
        if removed.activities:
            # Undo commands of the ledger may point at records that are gone now.
            self.context.undo_stack.clear()
            self.context.data_changed.emit("activity")
        self._changed()
        return True

    def _cascade_question(self, node: OrgNode, refusal: InUseError) -> str:
        deps = refusal.dependents
        counts = {"refusal": refusal, "villages": deps.villages, "sites": deps.sites, "activities": deps.activities,
                  "photos": deps.photos, "surveys": deps.extra.get("surveys", 0),
                  "letters": deps.extra.get("parent_letters", 0), "units": deps.extra.get("member_units", 0)}
        if node.level == SITE:
            return self.tr("{refusal}\n\nDelete it anyway? This also deletes {activities} activity record(s), "
                           "{photos} photo(s) and {letters} parent letter record(s), and cannot be undone.").format(
                **counts)
        if node.level == VILLAGE:
            return self.tr("{refusal}\n\nDelete it anyway? This also deletes {sites} site(s), {activities} activity "
                           "record(s), {photos} photo(s), {surveys} survey(s) and {letters} parent letter record(s), "
                           "and cannot be undone.").format(**counts)
        return self.tr("{refusal}\n\nDelete it anyway? This also deletes {villages} village(s) or communities, "
                       "{sites} site(s), {activities} activity record(s), {photos} photo(s), {surveys} survey(s), "
                       "{letters} parent letter record(s) and {units} member unit(s), and cannot be undone.").format(
            **counts)

    # ------------------------------------------------------------------ catalogue dialogs
    def open_assigned_targets(self) -> QDialog:
        from outreach_desk.ui.org.assigned_dialog import AssignedTargetsDialog

        dialog = AssignedTargetsDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_member_units(self) -> QDialog:
        from outreach_desk.ui.org.member_units_dialog import MemberUnitsDialog

        node = self.current_node()
        dialog = MemberUnitsDialog(self.context, self, node.township().info.id if node else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_county_office(self) -> QDialog:
        from outreach_desk.ui.org.dialogs import CountyOfficeDialog

        dialog = CountyOfficeDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.context.data_changed.emit("organisation"))
        dialog.open()
        return dialog

    def open_kinds(self) -> QDialog:
        from outreach_desk.ui.campaign.kinds_dialog import KindsDialog

        dialog = KindsDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def _separator(parent) -> QAction:
    action = QAction(parent)
    action.setSeparator(True)
    return action


def _shown_on_a_button(text: str) -> str:
    """A menu text without its mnemonic ("添加村/社区(&V)…" → "添加村/社区", "&Add village…" → "Add village")."""
    return re.sub(r"\(&[^&)]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
