"""The window's last tidy-up: photo files that nothing can bring back any more are removed.

While the window is open, a photo whose record was deleted or whose add was undone keeps its
file, because undo and redo may bring the record back. When the window closes its undo history
ends, so that is the safe moment to sweep: only in the process that holds the writer's lock
(a read-only window must leave the files alone, the other window's undo stack may need them),
and never past what a backup still names (``photos.sweep_orphans`` keeps those).
"""

from __future__ import annotations

import logging

from outreach_desk.services import instance_lock, photos
from outreach_desk.ui.shell.context import AppContext

log = logging.getLogger("outreach_desk")


def sweep_unused_photos(context: AppContext) -> int:
    """Remove photo files no record, undo step or backup uses; how many went.

    Nothing is removed while the undo stack still holds a step or this process does not hold the
    writer's lock. A failure is logged, never raised: the window is closing either way.
    """
    if (context.undo_stack.count() or context.database_path is None
            or not instance_lock.held_here(context.database_path)):
        return 0
    try:
        removed = photos.sweep_orphans()
    except Exception:  # a locked folder or a vanished store must not stop the window from closing
        log.exception("sweeping unused photo files failed")
        return 0
    if removed:
        log.info("removed %d unused photo file(s)", removed)
    return removed


def end_undo_history(context: AppContext) -> int:
    """At shutdown: clear the undo stack (it ends with the window), then sweep unused photo files."""
    context.undo_stack.clear()
    return sweep_unused_photos(context)
