"""Guard against PySide6 6.12 on CPython 3.11 leaking references to None, True and False.

On 3.11, every PySide call that returns None or a bool (``QLabel.clear()``, ``QComboBox.itemData()``
on a None item, …) drops one reference it never took, and after a few thousand calls CPython
aborts with "none_dealloc". CPython 3.12 made these singletons immortal (PEP 683), which is why
the same wheel is harmless there. On 3.11 we give them the same protection: a reference count so
large that no session can drain it. ``ob_refcnt`` is the first field of every object in a
release build of CPython.

pyproject.toml keeps 6.12.0 out (6.11.3 has no such leak); the guard stays for a build or an
environment that brings a leaking release anyway.
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40


def make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
