"""Charts of the dashboard and the monthly report: pure builders (data in, matplotlib Figure out).

Nothing here is imported at start-up: ``fonts``, ``figures`` and ``export`` import matplotlib,
and only the dashboard page (when first shown) and the report writer import them.
"""
