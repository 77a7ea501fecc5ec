"""What the entry form's choice lists offer, read through the services and kept until the organisation changes.

Villages, activity kinds and member units are read at once; a village's sites (and its township,
which decides the member units offered) only when that village is chosen: at county scale the
whole tree's 5,000 sites would add a tenth of a second to start-up, and the form only ever lists
one village's sites.
"""

from __future__ import annotations

from outreach_desk.services import ledger_query
from outreach_desk.services import organisation_info as org


class EntryChoices:
    def __init__(self):
        self.villages: list[tuple[int, str, str]] = []  # (id, name, township name)
        self.kinds: dict[int, org.KindInfo] = {}
        self._village_names: dict[int, str] = {}
        self._units: list[org.MemberUnitInfo] = []
        self._sites: dict[int, list[tuple[int, str]]] = {}
        self._township_of: dict[int, int] = {}

    def reload(self) -> None:
        """Read villages, kinds and member units again; forget the sites read so far."""
        self.villages = ledger_query.village_choices()
        self.kinds = {k.id: k for k in org.list_kinds()}
        self._units = org.list_member_units()
        self._village_names = {village_id: name for village_id, name, _township in self.villages}
        self._sites.clear()
        self._township_of.clear()

    def several_townships(self) -> bool:
        return len({township for _id, _name, township in self.villages}) > 1

    def village_name(self, village_id: int | None) -> str:
        return self._village_names.get(village_id, "")

    def kind(self, kind_id: int | None) -> org.KindInfo | None:
        return self.kinds.get(kind_id)

    def sites(self, village_id: int | None) -> list[tuple[int, str]]:
        """(site id, name) of the village's sites; none without a village."""
        if village_id and village_id not in self._sites:
            self._sites[village_id] = ledger_query.site_choices(village_id)
            self._township_of[village_id] = org.get_village(village_id).township_id
        return self._sites.get(village_id, [])

    def member_units(self, village_id: int | None) -> list[org.MemberUnitInfo]:
        """The member units of the village's township (all of them before a village is chosen)."""
        township_id = self._township_of.get(village_id)
        return [u for u in self._units if township_id is None or u.township_id == township_id]
