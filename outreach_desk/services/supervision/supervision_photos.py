"""Photo rows of inspections and of the re-inspections that close rectification orders.

The picture files live in the activities' managed photo folder (:mod:`services.photos` copies them
there beforehand, in a worker); this module only writes and reads the rows that tie them to an
inspection or an order. A record's photos are part of its input: a write puts exactly the given set
on the record, inside the caller's transaction, so undoing a change is writing the earlier set back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from outreach_desk.services.photos import PhotoInfo, StoredFile
from outreach_desk.store.supervision_models import SupervisionPhoto

INSPECTION, ORDER = "inspection", "order"


def as_infos(stored: Iterable[StoredFile]) -> tuple[PhotoInfo, ...]:
    """The photo references of files :func:`services.photos.store_files` has just put in the folder."""
    return tuple(PhotoInfo(item.sha256, item.ext, item.original_name) for item in stored)


def _owner(owner: str):
    if owner not in (INSPECTION, ORDER):
        raise ValueError(f"photos belong to an inspection or an order, not {owner!r}")
    return SupervisionPhoto.inspection if owner == INSPECTION else SupervisionPhoto.order


def put(owner: str, owner_id: int, infos: Sequence[PhotoInfo]) -> None:
    """Make ``infos`` (each picture once, in this order) the photos of one record; call inside a transaction."""
    column = _owner(owner)
    SupervisionPhoto.delete().where(column == owner_id).execute()
    seen: set[str] = set()
    for info in infos:
        if info.sha256 in seen:
            continue
        seen.add(info.sha256)
        values = {"sha256": info.sha256, "ext": info.ext, "original_name": info.original_name[:255],
                  column.name: owner_id}
        if info.added_at is not None:
            values["added_at"] = info.added_at
        SupervisionPhoto.insert(**values).execute()


def photos_of(owner: str, owner_ids: Iterable[int]) -> dict[int, tuple[PhotoInfo, ...]]:
    """The photos of each of these records, in the order they were put on (one query)."""
    column = _owner(owner)
    ids = list(owner_ids)
    found: dict[int, list[PhotoInfo]] = defaultdict(list)
    if not ids:
        return {}
    query = (SupervisionPhoto.select(column, SupervisionPhoto.sha256, SupervisionPhoto.ext,
                                     SupervisionPhoto.original_name, SupervisionPhoto.added_at)
             .where(column.in_(ids)).order_by(SupervisionPhoto.id).tuples())
    for owner_id, *info in query:
        found[owner_id].append(PhotoInfo(*info))
    return {owner_id: tuple(infos) for owner_id, infos in found.items()}


def names(infos: Iterable[PhotoInfo]) -> list[str]:
    """The file names the audit trail and the exports show."""
    return [info.original_name or f"{info.sha256[:12]}.{info.ext}" for info in infos]

