"""The organisation read in parts, for a tree that opens before its 5,000 sites are needed.

:func:`organisation_info.load_tree` reads everything at once; the tree panel instead reads townships and
villages at start-up and the sites of a village when it is expanded (or all of them for a search).
"""

from __future__ import annotations

from outreach_desk.services.organisation_info import OrgTree, SiteInfo, TownshipInfo, VillageInfo
from outreach_desk.store.models import Site, Township, Village

_SITE_FIELDS = (Site.id, Site.village, Site.name, Site.kind, Site.entrances, Site.elevators, Site.households,
                Site.residents, Site.students, Site.classes)


def load_villages() -> OrgTree:
    """Townships and their villages (``sites`` stays empty), in two queries."""
    tree = OrgTree()
    for row in Township.select(Township.id, Township.name, Township.office_name, Township.preparer,
                              Township.reviewer).order_by(Township.id).tuples():
        tree.townships.append(TownshipInfo(*row))
    village_fields = (Village.id, Village.township, Village.name, Village.kind, Village.households, Village.residents)
    for row in Village.select(*village_fields).order_by(Village.id).tuples():
        tree.villages.setdefault(row[1], []).append(VillageInfo(*row))
    return tree


def load_sites(village_ids: list[int] | None = None) -> dict[int, list[SiteInfo]]:
    """Sites by village id: of ``village_ids`` only, or of every village when ``None``."""
    query = Site.select(*_SITE_FIELDS).order_by(Site.id)
    if village_ids is not None:
        if not village_ids:
            return {}
        query = query.where(Site.village.in_(list(village_ids)))
    sites: dict[int, list[SiteInfo]] = {}
    for row in query.tuples():
        sites.setdefault(row[1], []).append(SiteInfo(*row))
    return sites


def village_of_site(site_id: int) -> int | None:
    row = Site.select(Site.village).where(Site.id == site_id).tuples().first()
    return row[0] if row else None
