"""Qt user interface: widgets, item models and dialogs. Talks to services, never to the store.

Importing it first spares every later import PySide6's source scan (``feature_scan``).
"""

from outreach_desk.ui.shell import feature_scan

feature_scan.skip()
