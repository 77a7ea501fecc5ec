"""Charts of the dashboard and the monthly report: pure builders (data in, matplotlib Figure out).

Nothing here is imported at start-up: ``fonts``, ``figures`` and ``export`` import matplotlib,
and only the dashboard page (when first shown) and the report writer import them. Importing
the package first makes matplotlib's artist classes skip their generated help text
(``lean_artists``), before any module here creates them.
"""

from outreach_desk.services.charts import lean_artists

lean_artists.use()
