"""Modules loaded on first use, so that start-up does not pay for code only edits and reports need.

``lazy_import("outreach_desk.services.audit")`` returns the module object at once and runs its code
when an attribute is first read (importlib's LazyLoader). Only for modules of this package whose
import has no side effects; a module already imported is returned as it is. Two threads touching a
lazy module for the first time at once is unsafe on Python 3.11, so every worker start (ui/shell/tasks.py)
first loads the ones still waiting (:func:`load_all`).
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

_pending: list[str] = []


def lazy_import(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    _pending.append(name)
    return module


def load_all() -> None:
    """Run every module still waiting (reading an attribute makes LazyLoader execute it)."""
    while _pending:
        getattr(sys.modules[_pending.pop()], "__name__")
