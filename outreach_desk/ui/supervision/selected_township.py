"""The township of what the organisation tree selected, which the supervision pages follow."""

from __future__ import annotations

from outreach_desk.services import organisation
from outreach_desk.services.errors import NotFoundError


def township_of_selection(village_id: int | None, site_id: int | None) -> int | None:
    """The township of the selected village or site; None when the tree selected neither (or it is gone)."""
    try:
        village = organisation.village_of_selection(village_id, site_id)
    except NotFoundError:
        return None
    return village.township_id if village is not None else None


class FollowsSelectedTownship:
    """For a page showing one township (``_township_id``, ``reload()``): switch to the township of what the tree
    selects, and reload on ``reload_on`` kinds of data change."""

    reload_on: tuple[str, ...] = ("organisation",)

    def _on_scope_selected(self, village_id, site_id) -> None:
        township_id = township_of_selection(village_id, site_id)
        if township_id is not None and township_id != self._township_id:
            self._township_id = township_id
            self.reload()

    def _on_data_changed(self, what: str) -> None:
        if what in self.reload_on:
            self.reload()
