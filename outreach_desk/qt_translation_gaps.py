"""Qt's own strings that Qt's Chinese translation (qtbase_zh_CN) lacks in the Qt release in use.

Qt 6 renamed some of its file dialog's labels ("Look in:" became "&Look in:"), and the shipped
qtbase_zh_CN.qm still holds only the old ones, so the dialog read English under a Chinese
translation. Listed here, they are extracted into our own translation file, which Qt asks first.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_OWN = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
