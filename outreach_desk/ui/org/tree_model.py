"""Item model of the organisation: township → villages/communities → sites.

A small custom model over :mod:`services.organisation_tree` so that every node keeps its service
record (kind, counts) and a stable key ``(level, id)`` that survives reloads; the panel uses the
key to keep expansion and selection. Townships and villages are read at once (site counts from
one grouped query), a village's sites when it is expanded (``canFetchMore``/``fetchMore``), when
a key inside it is asked for, or all at once for a search: a county has thousands of sites.
Renaming in place (F2) goes through ``setData`` to the organisation service; a refusal is
reported through :attr:`OrgTreeModel.edit_failed`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from outreach_desk.services import organisation_info as org
from outreach_desk.services import organisation_tree, vocab
from outreach_desk.services.errors import ServiceError

TOWNSHIP, VILLAGE, SITE = "township", "village", "site"

KeyRole = Qt.ItemDataRole.UserRole + 1  # (level, id)
LevelRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3

_KIND_COLOURS = {
    TOWNSHIP: "#b23a48",
    "village": "#2e7d32",
    "community": "#1565c0",
    "residential_block": "#6a1b9a",
    "factory": "#5d4037",
    "school": "#ef6c00",
    "market": "#00838f",
    "business_outlet": "#283593",
    "public_place": "#558b2f",
    "other": "#616161",
}


@dataclass(eq=False)
class OrgNode:
    level: str
    info: object  # TownshipInfo | VillageInfo | SiteInfo
    parent: "OrgNode | None" = None
    row: int = 0
    children: list["OrgNode"] = field(default_factory=list)
    totals: org.SiteTotals = field(default_factory=org.SiteTotals)
    #: a village's sites have been read (townships and sites have nothing to read)
    loaded: bool = True

    @property
    def key(self) -> tuple[str, int]:
        return self.level, self.info.id

    @property
    def kind(self) -> str:
        return TOWNSHIP if self.level == TOWNSHIP else self.info.kind

    def ancestry(self) -> list[tuple[str, int]]:
        """Keys from this node up to its township."""
        keys, node = [], self
        while node is not None:
            keys.append(node.key)
            node = node.parent
        return keys

    def scope(self) -> tuple[int | None, int | None]:
        """(village id, site id) as the ledger filters: None for what does not apply."""
        if self.level == SITE:
            return self.info.village_id, self.info.id
        if self.level == VILLAGE:
            return self.info.id, None
        return None, None

    def township(self) -> "OrgNode":
        node = self
        while node.parent is not None:
            node = node.parent
        return node


class OrgTreeModel(QAbstractItemModel):
    #: a rename was refused; the argument is the ServiceError (message already translated)
    edit_failed = Signal(object)
    #: a node was renamed in place: (level, id)
    renamed = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._roots: list[OrgNode] = []
        self._by_key: dict[tuple[str, int], OrgNode] = {}
        self._icons: dict[str, QIcon] = {}

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        """Read the organisation again: townships, villages and per-village site counts (three queries).

        Villages whose sites were read before get them again (one more query), so what was
        expanded or selected inside them can be shown again.
        """
        tree = organisation_tree.load_villages()
        totals = org.site_totals_by_village()
        opened = [key[1] for key, node in self._by_key.items() if node.level == VILLAGE and node.loaded]
        self.beginResetModel()
        self._roots, self._by_key = [], {}
        for t_row, township in enumerate(tree.townships):
            t_node = self._add(OrgNode(TOWNSHIP, township, None, t_row))
            self._roots.append(t_node)
            for v_row, village in enumerate(tree.villages.get(township.id, [])):
                v_node = self._add(OrgNode(VILLAGE, village, t_node, v_row, loaded=False,
                                           totals=totals.get(village.id, org.SiteTotals())))
                t_node.children.append(v_node)
                t_node.totals = t_node.totals + v_node.totals
        self._attach_sites(organisation_tree.load_sites(opened), opened)
        self.endResetModel()

    def _add(self, node: OrgNode) -> OrgNode:
        self._by_key[node.key] = node
        return node

    def _attach_sites(self, sites: dict[int, list[org.SiteInfo]], village_ids: list[int]) -> None:
        """Give these villages their site nodes without model signals (inside a reset)."""
        for village_id in village_ids:
            node = self._by_key.get((VILLAGE, village_id))
            if node is not None and not node.loaded:
                node.children = [self._add(OrgNode(SITE, site, node, row))
                                 for row, site in enumerate(sites.get(village_id, []))]
                node.loaded = True

    def _insert_sites(self, node: OrgNode, infos: list[org.SiteInfo]) -> None:
        if infos:
            self.beginInsertRows(self.createIndex(node.row, 0, node), 0, len(infos) - 1)
        node.children = [self._add(OrgNode(SITE, site, node, row)) for row, site in enumerate(infos)]
        node.loaded = True
        if infos:
            self.endInsertRows()

    def load_sites(self, village_id: int) -> None:
        """Read one village's sites now (the tree does this when the village is expanded)."""
        node = self._by_key.get((VILLAGE, village_id))
        if node is not None and not node.loaded:
            self._insert_sites(node, organisation_tree.load_sites([village_id]).get(village_id, []))

    def load_all_sites(self) -> None:
        """Read the sites of every village not read yet, in one query (a search must see all names)."""
        waiting = [node for node in self._by_key.values() if node.level == VILLAGE and not node.loaded]
        if waiting:
            sites = organisation_tree.load_sites()
            for node in waiting:
                self._insert_sites(node, sites.get(node.info.id, []))

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        node = self.node(parent)
        return node is not None and not node.loaded

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        node = self.node(parent)
        if node is not None and node.level == VILLAGE:
            self.load_sites(node.info.id)

    # ------------------------------------------------------------------ lookup
    def node(self, index: QModelIndex | QPersistentModelIndex) -> OrgNode | None:
        if not index.isValid():
            return None
        return index.internalPointer()

    def node_by_key(self, key: tuple[str, int]) -> OrgNode | None:
        return self._reveal(tuple(key))

    def index_of(self, key: tuple[str, int]) -> QModelIndex:
        node = self._reveal(tuple(key))
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node)

    def _reveal(self, key: tuple) -> OrgNode | None:
        """The node of ``key``; a site not read yet is read with the rest of its village."""
        node = self._by_key.get(key)
        if node is None and len(key) == 2 and key[0] == SITE:
            village_id = organisation_tree.village_of_site(key[1])
            if village_id is not None:
                self.load_sites(village_id)
                node = self._by_key.get(key)
        return node

    def townships(self) -> list[OrgNode]:
        return list(self._roots)

    def nodes(self):
        """Every node, depth first."""
        stack = list(reversed(self._roots))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    # ------------------------------------------------------------------ structure
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._children_of(parent)
        if siblings is None or row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: D401 (Qt's name)
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        siblings = self._children_of(parent)
        return 0 if siblings is None else len(siblings)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        node = self.node(parent)
        if node is not None and not node.loaded:
            return node.totals.sites > 0
        return self.rowCount(parent) > 0

    def _children_of(self, parent: QModelIndex) -> list[OrgNode] | None:
        if not parent.isValid():
            return self._roots
        if parent.column() != 0:
            return None
        return self.node(parent).children

    # ------------------------------------------------------------------ data
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Name")
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return node.info.name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(node.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(node)
        if role == KeyRole:
            return node.key
        if role == LevelRole:
            return node.level
        if role == IdRole:
            return node.info.id
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole:
            return False
        name = str(value or "").strip()
        if name == node.info.name:
            return True
        from outreach_desk.services import organisation  # the write path, loaded when a name is first changed

        try:
            if node.level == TOWNSHIP:
                organisation.update_township(node.info.id, name=name)
            elif node.level == VILLAGE:
                organisation.update_village(node.info.id, name=name)
            else:
                organisation.update_site(node.info.id, name=name)
        except ServiceError as exc:
            self.edit_failed.emit(exc)
            return False
        node.info.name = name
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                                             Qt.ItemDataRole.ToolTipRole])
        self.renamed.emit(node.level, node.info.id)
        return True

    # ------------------------------------------------------------------ presentation
    def kind_label(self, node: OrgNode) -> str:
        if node.level == TOWNSHIP:
            return self.tr("Township")
        terms = vocab.VILLAGE_KINDS if node.level == VILLAGE else vocab.SITE_KINDS
        return vocab.label(terms, node.info.kind)

    def tooltip(self, node: OrgNode) -> str:
        info, totals = node.info, node.totals
        if node.level == TOWNSHIP:
            households = sum(_village_households(v) for v in node.children)
            return self.tr("{name} ({kind})\nVillages and communities: {villages}\nSites: {sites}\n"
                           "Entrances: {entrances}\nElevators: {elevators}\nHouseholds: {households}\n"
                           "Students: {students}").format(
                name=info.name, kind=self.kind_label(node), villages=len(node.children), sites=totals.sites,
                entrances=totals.entrances, elevators=totals.elevators, households=households,
                students=totals.students)
        if node.level == VILLAGE:
            return self.tr("{name} ({kind})\nSites: {sites}\nEntrances: {entrances}\nElevators: {elevators}\n"
                           "Households: {households}\nStudents: {students}").format(
                name=info.name, kind=self.kind_label(node), sites=totals.sites, entrances=totals.entrances,
                elevators=totals.elevators, households=_village_households(node), students=totals.students)
        return self.tr("{name} ({kind})\nEntrances: {entrances}\nElevators: {elevators}\nHouseholds: {households}\n"
                       "Residents: {residents}\nStudents: {students}\nClasses: {classes}").format(
            name=info.name, kind=self.kind_label(node), entrances=info.entrances, elevators=info.elevators,
            households=info.households, residents=info.residents, students=info.students, classes=info.classes)

    def _icon(self, kind: str) -> QIcon:
        icon = self._icons.get(kind)
        if icon is None:
            if kind == TOWNSHIP:
                glyph = self.tr("T", "one-letter icon of a township")
            else:
                glyph = vocab.label(vocab.VILLAGE_KINDS + vocab.SITE_KINDS, kind)[:1]
            icon = self._icons[kind] = _glyph_icon(glyph, _KIND_COLOURS.get(kind, _KIND_COLOURS["other"]))
        return icon


def _village_households(node: OrgNode) -> int:
    """The village's registered households; the sum over its sites when none was entered."""
    return node.info.households or node.totals.households


def _glyph_icon(glyph: str, colour: str) -> QIcon:
    """A small rounded square with the kind's first character: tells kinds apart at a glance."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 7, 7)
    font = QFont()
    font.setPixelSize(21)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph.upper())
    painter.end()
    return QIcon(pixmap)
