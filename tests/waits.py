"""Waits for GUI tests: one generous timeout for a busy two-core machine, and a failure that names what was awaited.

A test waits on a state or a signal, never for a fixed time; how long the wait may last only decides
how long a broken test takes to fail, so it is set for the slowest machine the suite runs on.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

#: milliseconds: a loaded two-core machine running two suites side by side
WAIT_MS = 60_000


def wait_until(qtbot, condition: Callable[[], object], what: str, timeout: int = WAIT_MS) -> None:
    """Run the event loop until ``condition()`` is true; fail naming ``what`` if it never becomes so."""
    try:
        qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)
    except qtbot.TimeoutError:
        pytest.fail(f"waited {timeout / 1000:.0f} s for {what}")
