"""``store.bulk.insert_rows``: many rows by ``executemany``, a driver's error raised as peewee's class."""

from __future__ import annotations

import peewee
import pytest

COLUMNS = ("row_key", "record_type", "content_hash", "source_name", "imported_at")


def _rows(keys):
    return [(key, "activity", "0" * 32, "太平村.xlsx", "2026-12-07 10:00:00") for key in keys]


def test_rows_in_several_chunks_all_go_in(store):
    from outreach_desk.store import DB
    from outreach_desk.store.bulk import insert_rows
    from outreach_desk.store.models import ImportedRow

    with DB.atomic():
        assert insert_rows("imported_row", COLUMNS, _rows(f"k{i}" for i in range(7)), chunk=3) == 7
    assert sorted(r.row_key for r in ImportedRow.select()) == sorted(f"k{i}" for i in range(7))
    assert insert_rows("imported_row", COLUMNS, []) == 0


def test_a_broken_constraint_is_peewees_integrity_error_and_the_transaction_takes_all_back(store):
    from outreach_desk.store import DB
    from outreach_desk.store.bulk import insert_rows
    from outreach_desk.store.models import ImportedRow

    with pytest.raises(peewee.IntegrityError) as caught, DB.atomic():
        insert_rows("imported_row", COLUMNS, _rows(["a", "b", "c", "a"]), chunk=2)
    driver_error = caught.value.__cause__
    assert driver_error is not None and not isinstance(driver_error, peewee.PeeweeException)
    assert "IntegrityError" in {klass.__name__ for klass in type(driver_error).__mro__}
    assert ImportedRow.select().count() == 0


def test_a_missing_table_is_an_operational_or_programming_error(store):
    from outreach_desk.store import DB
    from outreach_desk.store.bulk import insert_rows

    with pytest.raises((peewee.OperationalError, peewee.ProgrammingError)), DB.atomic():
        insert_rows("no_such_table", ("a",), [(1,)])
