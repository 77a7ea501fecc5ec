"""Turning the names a cadre typed into organisation ids, with the closest name when one is wrong.

The organisation is loaded once (three queries through the organisation service) and looked up
in memory, so ten thousand rows cost no query each. Names are compared after NFKC, without
whitespace and case-folded; an unknown name gets the closest existing one (difflib) as a hint.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from outreach_desk.i18n import translate
from outreach_desk.services import organisation
from outreach_desk.services.excel.names import normalise_name

CONTEXT = "ExcelImport"
SUGGESTION_CUTOFF = 0.5


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class Resolved:
    id: int | None
    message: str = ""


def closest(name: str, candidates: dict[str, str]) -> str | None:
    """The display name of the candidate closest to ``name`` (candidates: normalised → display)."""
    found = difflib.get_close_matches(normalise_name(name), list(candidates), n=1, cutoff=SUGGESTION_CUTOFF)
    return candidates[found[0]] if found else None


class OrgIndex:
    """Villages, sites, kinds and member units by normalised name, optionally within one township."""

    def __init__(self, township_id: int | None = None):
        tree = organisation.load_tree()
        townships = [t for t in tree.townships if township_id is None or t.id == township_id]
        self.township_names = {t.id: t.name for t in townships}
        self.villages: dict[str, list] = {}
        self.village_by_id = {}
        self.sites: dict[int, dict[str, object]] = {}
        self.site_by_id = {}
        self.site_names: dict[str, list] = {}
        for township in townships:
            for village in tree.villages.get(township.id, []):
                self.villages.setdefault(normalise_name(village.name), []).append(village)
                self.village_by_id[village.id] = village
                own = self.sites.setdefault(village.id, {})
                for site in tree.sites.get(village.id, []):
                    own[normalise_name(site.name)] = site
                    self.site_by_id[site.id] = site
                    self.site_names.setdefault(normalise_name(site.name), []).append(site)
        self.kinds: dict[str, int] = {}
        self.kind_list = organisation.list_kinds()
        for kind in self.kind_list:
            for spelling in (kind.name_zh, kind.name_en, kind.code):
                if spelling:
                    self.kinds.setdefault(normalise_name(spelling), kind.id)
        self.kind_names = {normalise_name(k.name_zh): k.name_zh for k in self.kind_list}
        self.units: dict[str, list] = {}
        self._memo: dict[tuple, Resolved] = {}
        self.unit_list = [u for u in organisation.list_member_units() if u.township_id in self.township_names]
        for unit in self.unit_list:
            self.units.setdefault(normalise_name(unit.name), []).append(unit)

    # --- lookups (memoised: a file names the same few villages thousands of times) -------------

    def cached(self, what: str, *args) -> Resolved:
        key = (what, *args)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = getattr(self, what)(*args)
        return found

    def village(self, name: str) -> Resolved:
        found = self.villages.get(normalise_name(name), [])
        if len(found) == 1:
            return Resolved(found[0].id)
        if found:
            return Resolved(None, _tr("{count} villages or communities are named “{name}” (in {townships}); "
                                      "import the file into one township at a time.").format(
                count=len(found), name=name,
                townships="、".join(self.township_names.get(v.township_id, "") for v in found)))
        suggestion = closest(name, {k: v[0].name for k, v in self.villages.items()})
        if suggestion:
            return Resolved(None, _tr("There is no village or community named “{name}”. Did you mean “{suggestion}”?")
                            .format(name=name, suggestion=suggestion))
        return Resolved(None, _tr("There is no village or community named “{name}”.").format(name=name))

    def site(self, village_id: int, name: str, school: bool = False) -> Resolved:
        own = self.sites.get(village_id, {})
        site = own.get(normalise_name(name))
        if site is not None:
            if school and site.kind != "school":
                return Resolved(None, _tr("“{name}” is not a school; parent letters are recorded for schools.")
                                .format(name=name))
            return Resolved(site.id)
        village_name = self.village_by_id[village_id].name
        elsewhere = [s for s in self.site_names.get(normalise_name(name), []) if s.village_id != village_id]
        if elsewhere:
            return Resolved(None, _tr("“{name}” belongs to {other}, not to {village}.").format(
                name=name, other=self.village_by_id[elsewhere[0].village_id].name, village=village_name))
        candidates = {k: s.name for k, s in own.items() if not school or s.kind == "school"}
        suggestion = closest(name, candidates)
        if suggestion:
            return Resolved(None, _tr("{village} has no site named “{name}”. Did you mean “{suggestion}”?").format(
                village=village_name, name=name, suggestion=suggestion))
        return Resolved(None, _tr("{village} has no site named “{name}”.").format(village=village_name, name=name))

    def kind(self, name: str) -> Resolved:
        kind_id = self.kinds.get(normalise_name(name))
        if kind_id is not None:
            return Resolved(kind_id)
        suggestion = closest(name, self.kind_names)
        if suggestion:
            return Resolved(None, _tr("There is no activity kind named “{name}”. Did you mean “{suggestion}”?")
                            .format(name=name, suggestion=suggestion))
        return Resolved(None, _tr("There is no activity kind named “{name}”.").format(name=name))

    def member_unit(self, name: str, village_id: int | None) -> Resolved:
        found = self.units.get(normalise_name(name), [])
        if village_id is not None and len(found) > 1:
            township_id = self.village_by_id[village_id].township_id
            found = [u for u in found if u.township_id == township_id] or found
        if found:
            return Resolved(found[0].id)
        suggestion = closest(name, {normalise_name(u.name): u.name for u in self.unit_list})
        if suggestion:
            return Resolved(None, _tr("There is no member unit named “{name}”. Did you mean “{suggestion}”?")
                            .format(name=name, suggestion=suggestion))
        return Resolved(None, _tr("There is no member unit named “{name}”.").format(name=name))

    # --- drop-down lists for the template -----------------------------------------------------

    def village_names(self) -> list[str]:
        return _unique(v.name for vs in self.villages.values() for v in vs)

    def site_display_names(self, school: bool = False) -> list[str]:
        return _unique(s.name for s in self.site_by_id.values() if not school or s.kind == "school")

    def active_kind_names(self) -> list[str]:
        return [k.name_zh for k in self.kind_list if k.active]

    def unit_names(self) -> list[str]:
        return _unique(u.name for u in self.unit_list)


def _unique(names) -> list[str]:
    return list(dict.fromkeys(names))
