"""The day the supervision page judges on: orders overdue, the month of the gap list and the ranking (tests
replace ``today``)."""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    return dt.date.today()
