"""``store.batch.rows_of_each``: independent reads answered as one by one (on a server in one pipeline)."""

from __future__ import annotations

import peewee
import pytest


def _statements():
    from outreach_desk.store import DB

    p = DB.param
    return [("SELECT id, name FROM village ORDER BY id", []),
            (f"SELECT COUNT(*) FROM site WHERE village_id = {p}", [1]),
            (f"SELECT id FROM village WHERE name = {p}", ["没有这个村"]),
            ("SELECT name FROM township ORDER BY id", [])]


def test_each_statement_gets_its_own_rows_in_order(township):
    from outreach_desk.store import DB
    from outreach_desk.store.batch import rows_of_each

    statements = _statements()
    one_by_one = [[tuple(row) for row in DB.execute_sql(sql, args).fetchall()] for sql, args in statements]
    found = rows_of_each(statements)
    assert [[tuple(row) for row in rows] for rows in found] == one_by_one
    assert found[2] == [] and len(found[0]) == 2 and rows_of_each([]) == []


def test_a_failing_statement_is_peewees_error_and_the_store_answers_afterwards(township):
    from outreach_desk.store.batch import rows_of_each

    with pytest.raises((peewee.OperationalError, peewee.ProgrammingError)) as caught:
        rows_of_each([*_statements(), ("SELECT id FROM no_such_table", [])])
    assert not isinstance(caught.value.__cause__, peewee.PeeweeException)
    assert [len(rows) for rows in rows_of_each(_statements())] == [2, 1, 0, 1]


def test_inside_a_transaction_the_reads_see_its_own_writes(township):
    from outreach_desk.services import organisation
    from outreach_desk.store import DB
    from outreach_desk.store.batch import rows_of_each

    with DB.atomic() as transaction:
        organisation.add_village(township["township"], "新村")
        assert [r[1] for r in rows_of_each(_statements())[0]] == ["太平村", "幸福社区", "新村"]
        transaction.rollback()
    assert len(rows_of_each(_statements())[0]) == 2
