"""tests/test_ledger_query.py once more on a real PostgreSQL server (see server_fixtures.repeat_on_server),
and the ledger's text search on the server: any sort order, through the trigram index."""

import datetime as dt

import pytest
from server_fixtures import repeat_on_server
from test_ledger_query import _all_ids, _expected_ids

from outreach_desk.services import ledger_query
from outreach_desk.services.ledger_query import LedgerFilter
from outreach_desk.store import DB

repeat_on_server("test_ledger_query", globals(), {
    "test_the_index_finds_exactly_what_like_finds": "FTS5 trigram table",
    "test_common_words_walk_the_date_order_and_rare_ones_use_the_index": "FTS5 MATCH against LIKE",
    "test_migration_7_indexes_the_records_already_there": "FTS5 table and its triggers",
    "test_the_no_index_mark_is_sqlite_only": "SQLite's unary plus; the server runs the same queries below",
}, fewer={"test_pages_cover_every_row_once_in_the_documented_order": "-7]"})


@pytest.mark.parametrize("sort_column", [c for c in ledger_query.SORT_COLUMNS if c != "date"])
def test_a_text_search_sorted_by_anything_but_the_date_runs_on_the_server(records, sort_column):
    """PostgreSQL rejects a unary plus on text ("operator does not exist: + character varying"), which the
    ledger once put before text columns for SQLite's planner in exactly these searches."""
    f = LedgerFilter(text="广场")
    for descending in (False, True):
        expected = _expected_ids(records, f, sort_column, descending)
        assert expected and _all_ids(f, sort_column, descending, 9) == expected


def test_latin_letters_are_found_whatever_their_case_as_on_sqlite(township):
    from outreach_desk.services import ledger

    ledger.create(ledger.ActivityInput(dt.date(2026, 10, 1), township["village1"], township["kinds"]["banner"],
                                       place_note="LED屏 Square", notes="APP注册"))
    for text in ("square", "SQUARE", "led屏", "app"):
        assert ledger_query.totals(LedgerFilter(text=text)).count == 1, text


def test_the_notes_are_searched_through_the_trigram_indexes(records):
    """pg_trgm's GIN indexes (migration 7 on the server) serve ILIKE '%text%', the ledger's own condition."""
    indexes = {row[0] for row in DB.execute_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'activity'")}
    assert {"activity_place_note_trigrams", "activity_notes_trigrams"} <= indexes
    with DB.atomic():
        DB.execute_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(row[0] for row in DB.execute_sql(
            "EXPLAIN SELECT a.id FROM activity a WHERE a.place_note ILIKE %s ESCAPE '\\' "
            "OR a.notes ILIKE %s ESCAPE '\\'", ["%广场%", "%广场%"]))
    assert "activity_place_note_trigrams" in plan and "activity_notes_trigrams" in plan


def test_the_ledgers_reads_are_planned_for_their_values_while_other_reads_stay_prepared(records):
    """A prepared statement run five times may get PostgreSQL's generic plan, made without the values: for a search
    pattern it cannot tell a rare word from a common one. The ledger's reads are sent unprepared; others are not."""
    for _ in range(7):
        ledger_query.fetch_page(LedgerFilter(text="广场"))
        ledger_query.fetch_page(LedgerFilter())
        DB.execute_sql("SELECT COUNT(*) FROM village WHERE id > %s", (0,)).fetchone()
    prepared = [row[0] for row in DB.execute_sql("SELECT statement FROM pg_prepared_statements")]
    assert any("FROM village WHERE id >" in statement for statement in prepared)
    assert not [statement for statement in prepared if "FROM activity a" in statement]
