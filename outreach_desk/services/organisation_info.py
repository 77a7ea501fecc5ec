"""The organisation as the screens read it: its records as dataclasses, the tree, the kinds and member units
offered for entry, one record, the sites' sums per village. Nothing here writes: :mod:`organisation` adds,
changes and deletes (with the audit trail and tombstones) and is imported when a change needs it, so the first
screen does not load the write paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import peewee as pw
from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import current_language, translate
from outreach_desk.services.errors import NotFoundError
from outreach_desk.store.models import ActivityKind, MemberUnit, Site, Township, Village

TOWNSHIP_GONE = QT_TRANSLATE_NOOP("Organisation", "The township no longer exists.")
VILLAGE_GONE = QT_TRANSLATE_NOOP("Organisation", "The village no longer exists.")
SITE_GONE = QT_TRANSLATE_NOOP("Organisation", "The site no longer exists.")
MEMBER_UNIT_GONE = QT_TRANSLATE_NOOP("Organisation", "The member unit no longer exists.")


def _tr(text: str) -> str:
    return translate("Organisation", text)


@dataclass
class TownshipInfo:
    id: int
    name: str
    office_name: str = ""  #: 单位名称, printed as 填报单位 and in every sheet's title
    preparer: str = ""  #: 填报人
    reviewer: str = ""  #: 审核人
    uuid: str = field(default="", compare=False)  #: the stable identity (kept across offices)


@dataclass(frozen=True)
class OfficeIdentity:
    """Who a township's reports come from and are signed by, as its database holds them."""

    unit: str
    preparer: str = ""
    reviewer: str = ""


@dataclass
class VillageInfo:
    id: int
    township_id: int
    name: str
    kind: str = "village"
    households: int = 0
    residents: int = 0
    uuid: str = field(default="", compare=False)  #: the stable identity (kept across offices)


@dataclass
class SiteInfo:
    id: int
    village_id: int
    name: str
    kind: str = "other"
    entrances: int = 0
    elevators: int = 0
    households: int = 0
    residents: int = 0
    students: int = 0
    classes: int = 0
    uuid: str = field(default="", compare=False)  #: the stable identity (kept across offices)


@dataclass
class MemberUnitInfo:
    id: int
    township_id: int
    name: str
    duties: str = ""
    uuid: str = field(default="", compare=False)  #: the stable identity (kept across offices)


@dataclass
class KindInfo:
    id: int
    code: str
    name_zh: str
    name_en: str
    unit_zh: str
    unit_en: str
    builtin: bool
    active: bool
    requires_photo: bool = False  #: each record of the kind needs at least one photo

    @property
    def name(self) -> str:
        return self.name_zh if current_language() == "zh_CN" else self.name_en

    @property
    def unit(self) -> str:
        return self.unit_zh if current_language() == "zh_CN" else self.unit_en


@dataclass
class OrgTree:
    townships: list[TownshipInfo] = field(default_factory=list)
    villages: dict[int, list[VillageInfo]] = field(default_factory=dict)
    sites: dict[int, list[SiteInfo]] = field(default_factory=dict)

    def village(self, village_id: int) -> VillageInfo | None:
        for villages in self.villages.values():
            for village in villages:
                if village.id == village_id:
                    return village
        return None

    def all_villages(self) -> list[VillageInfo]:
        return [v for t in self.townships for v in self.villages.get(t.id, [])]

    def all_sites(self) -> list[SiteInfo]:
        return [s for v in self.all_villages() for s in self.sites.get(v.id, [])]


def load_tree() -> OrgTree:
    """The whole organisation in three queries (see :mod:`organisation_tree`, which reads it in parts)."""
    from outreach_desk.services import organisation_tree  # it builds on this module's dataclasses

    tree = organisation_tree.load_villages()
    tree.sites = organisation_tree.load_sites()
    return tree


def find_township_id(name: str) -> int:
    """The township a clerk names on the command line."""
    township_id = Township.select(Township.id).where(Township.name == name.strip()).scalar()
    if township_id is None:
        raise NotFoundError(_tr("There is no township named {name}.").format(name=name))
    return township_id


def village_ids_named(name: str, township_id: int | None = None) -> list[int]:
    query = Village.select(Village.id).where(Village.name == name.strip())
    if township_id is not None:
        query = query.where(Village.township == township_id)
    return [row[0] for row in query.tuples()]


def get_site(site_id: int) -> SiteInfo:
    return _read(Site, "village", SITE_GONE, site_id, SiteInfo)


def get_village(village_id: int) -> VillageInfo:
    return _read(Village, "township", VILLAGE_GONE, village_id, VillageInfo)


def village_of_selection(village_id: int | None, site_id: int | None) -> VillageInfo | None:
    """The village an organisation-tree selection stands for: the village itself, or a site's village;
    None when the township (or nothing) is chosen. Raises NotFoundError when the record is gone."""
    if village_id is None and site_id is not None:
        village_id = get_site(site_id).village_id
    return get_village(village_id) if village_id is not None else None


def township_of_selection(village_id: int | None, site_id: int | None) -> int | None:
    """The township of a village or site (whose campaign a page measures against); None for none or one gone."""
    try:
        village = village_of_selection(village_id, site_id)
    except NotFoundError:
        return None
    return village.township_id if village is not None else None


def _read(model: type[pw.Model], parent: str | None, gone: str, record_id: int, info: type):
    """One record as its Info dataclass (the parent's id under ``<parent>_id``)."""
    row = model.select().where(model.id == record_id).dicts().first()
    if row is None:
        raise NotFoundError(_tr(gone))
    if parent is not None:
        row[f"{parent}_id"] = row.pop(parent)
    return info(**row)


def get_township(township_id: int) -> TownshipInfo:
    return _read(Township, None, TOWNSHIP_GONE, township_id, TownshipInfo)


@dataclass
class SiteTotals:
    """Sums over the sites of a village (or of a township, when added up)."""

    sites: int = 0
    entrances: int = 0
    elevators: int = 0
    households: int = 0
    residents: int = 0
    students: int = 0
    classes: int = 0

    def __add__(self, other: "SiteTotals") -> "SiteTotals":
        return SiteTotals(**{k: getattr(self, k) + getattr(other, k) for k in self.__dataclass_fields__})


def site_totals_by_village() -> dict[int, SiteTotals]:
    """Per village: number of sites and the sums of their counts, in one grouped query."""
    fn = pw.fn
    query = (Site.select(Site.village, fn.COUNT(Site.id), fn.SUM(Site.entrances), fn.SUM(Site.elevators),
                         fn.SUM(Site.households), fn.SUM(Site.residents), fn.SUM(Site.students), fn.SUM(Site.classes))
             .group_by(Site.village).tuples())
    return {row[0]: SiteTotals(*(int(v or 0) for v in row[1:])) for row in query}


def list_member_units(township_id: int | None = None) -> list[MemberUnitInfo]:
    query = MemberUnit.select().order_by(MemberUnit.id)
    if township_id is not None:
        query = query.where(MemberUnit.township == township_id)
    result = []
    for row in query.dicts():
        row["township_id"] = row.pop("township")
        result.append(MemberUnitInfo(**row))
    return result


def list_kinds(active_only: bool = False) -> list[KindInfo]:
    query = ActivityKind.select().order_by(ActivityKind.sort_order, ActivityKind.id)
    if active_only:
        query = query.where(ActivityKind.active == True)  # noqa: E712 (peewee expression)
    return [KindInfo(**{k: v for k, v in row.items() if k != "sort_order"}) for row in query.dicts()]
