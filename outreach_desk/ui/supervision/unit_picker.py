"""What an inspection looked at or an order names: a village (or one of its sites) or a member unit.

Two combos side by side: the first lists the township's villages and communities, then its member
units; the second, enabled for a village with sites, offers "the whole village" or one of its sites
(小区、楼栋、学校、市场…), each with its kind. ``value()`` gives the (village, site, member unit) ids the
services take; a site always comes with its village.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from outreach_desk.services import organisation, vocab

VILLAGE, MEMBER_UNIT = "village", "member_unit"


class UnitPicker(QWidget):
    def __init__(self, township_id: int, name: str, parent: QWidget | None = None, with_sites: bool = True):
        super().__init__(parent)
        self.setObjectName(name)
        tree = organisation.load_tree()
        self._sites = {village.id: tree.sites.get(village.id, []) for village in tree.villages.get(township_id, [])}
        self.unit = QComboBox(self)
        self.unit.setObjectName(f"{name}Unit")
        for village in tree.villages.get(township_id, []):
            self.unit.addItem(village.name, (VILLAGE, village.id))
        for unit in organisation.list_member_units(township_id):
            self.unit.addItem(unit.name, (MEMBER_UNIT, unit.id))
        self.site = QComboBox(self)
        self.site.setObjectName(f"{name}Site")
        self.site.setToolTip(self.tr("A block, school, market or other site of the village, or the whole village"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.unit, 1)
        row.addWidget(self.site, 1)
        self.site.setVisible(with_sites)  # a decision names a village or a member unit, never a site
        self.unit.currentIndexChanged.connect(self._fill_sites)
        self._fill_sites()

    def _fill_sites(self, *_args) -> None:
        kind, unit_id = self.unit.currentData() or (None, None)
        sites = self._sites.get(unit_id, []) if kind == VILLAGE else []
        self.site.clear()
        self.site.addItem(self.tr("(the whole village or community)") if kind == VILLAGE else "—", None)
        for site in sites:
            self.site.addItem(self.tr("{site} ({kind})").format(site=site.name,
                                                                kind=vocab.label(vocab.SITE_KINDS, site.kind)), site.id)
        self.site.setEnabled(bool(sites) and self.site.isVisibleTo(self))

    def set_value(self, village_id: int | None, site_id: int | None = None, member_unit_id: int | None = None) -> None:
        key = (MEMBER_UNIT, member_unit_id) if member_unit_id is not None else (VILLAGE, village_id)
        found = [row for row in range(self.unit.count()) if tuple(self.unit.itemData(row)) == key]
        self.unit.setCurrentIndex(found[0] if found else 0)
        self.site.setCurrentIndex(max(0, self.site.findData(site_id)) if site_id is not None else 0)

    def names(self) -> tuple[str, str]:
        """The responsible unit's name (the site's, the village's or the member unit's) and its village's (empty for
        a member unit), as the order tables show them."""
        kind, _unit_id = self.unit.currentData() or (None, None)
        if kind != VILLAGE:
            return self.unit.currentText(), ""
        village = self.unit.currentText()
        site = self.site.currentData()
        return (self.site.currentText() if site is not None else village), village

    def value(self) -> tuple[int | None, int | None, int | None]:
        """(village_id, site_id, member_unit_id) of the choice (None where it does not apply)."""
        kind, unit_id = self.unit.currentData() or (None, None)
        if kind == MEMBER_UNIT:
            return None, None, unit_id
        return unit_id, self.site.currentData(), None
