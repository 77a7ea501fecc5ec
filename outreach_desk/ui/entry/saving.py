"""What the entry form does in a worker before a record is written: the slow half of a save.

The duplicate query and the photo copying (hashing into the managed folder) run off the GUI
thread through ``run_task``, with progress and cancel; the write itself is the undo command's
first ``redo()`` on the GUI thread, one short transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from outreach_desk.services import ledger, photos
from outreach_desk.services.ledger import ActivityInput
from outreach_desk.services.photos import StoredFile
from outreach_desk.ui.shell.tasks import Progress


@dataclass(frozen=True)
class Prepared:
    """The worker's answer: likely double entries (then nothing was copied), or the stored photo files."""

    duplicates: list[int] = field(default_factory=list)
    photo_files: list[StoredFile] = field(default_factory=list)


def preparation(data: ActivityInput, photo_paths: list[Path], exclude_id: int | None,
                ask_about_duplicates: bool) -> Callable[[Progress], Prepared]:
    """The job for ``run_task``: look for double entries unless the clerk confirmed one, then copy the photos."""

    def prepare(progress: Progress) -> Prepared:
        if ask_about_duplicates:
            duplicates = ledger.find_duplicates(data, exclude_id=exclude_id)
            if duplicates:
                return Prepared(duplicates=duplicates)
        return Prepared(photo_files=photos.store_files(photo_paths, progress))

    return prepare
