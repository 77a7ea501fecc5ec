"""PySide6 without its source scan of every module imported after it (~19 ms of each start-up).

PySide6 hooks ``__import__`` to support ``from __feature__ import snake_case, true_property``:
for every module imported after PySide6 it reads the module's whole source file to see whether
it mentions PySide6, and records the answer for feature switching. The program starts by
importing ~700 modules after PySide6, so the scan costs ~19 ms of a 0.35 s start-up, and more
when the dashboard first imports matplotlib and numpy.

The program uses no ``__feature__``. ``skip()`` makes the hook record nothing until some module
does: PySide6's feature set-up then records every module already imported (it walks
``sys.modules`` itself), and from then on the hook records as before. With a PySide6 that lacks
these internals it changes nothing.
"""

from __future__ import annotations


def skip() -> None:
    try:
        from PySide6.support import feature
    except ImportError:
        return
    scan = getattr(feature, "feature_imported", None)
    if scan is None or getattr(scan, "_until_features_are_used", False) or not hasattr(feature, "_is_initialized"):
        return

    def feature_imported(module):
        if feature._is_initialized:
            scan(module)

    feature_imported._until_features_are_used = True
    feature.feature_imported = feature_imported
