"""The ledger's full-text index on SQLite: which records' place note or notes contain a text.

Migration 7 keeps a contentless FTS5 table ``activity_search`` (trigram tokenizer, so Chinese,
which has no spaces between words, is found by any substring) in step with ``activity`` through
triggers. Each value is indexed with two ``char(1)`` appended, so every character of a note
starts at least one trigram: a text of three or more characters is a phrase of its trigrams; one
of one or two characters is every indexed trigram that begins with it, found by a range on the
index's term list (``activity_search_terms``, an fts5vocab table). Either way the answer equals
``LIKE '%text%'`` (folding case like LIKE does for ASCII, and for other scripts too).

A database without the index (PostgreSQL, an SQLite built without FTS5) is searched with LIKE by
:mod:`services.ledger_query`; :func:`available` says which.
"""

from __future__ import annotations

from contextlib import contextmanager

import peewee

from outreach_desk.services import bulk_triggers
from outreach_desk.store import DB

TABLE = "activity_search"
TERMS = "activity_search_terms"
#: trigram tokens starting with a one- or two-character text above this many: let LIKE search instead
MAX_TERMS = 2_000
_LAST_CHARACTER = "\U0010ffff"


def available() -> bool:
    """Whether the open store has the full-text index (SQLite with migration 7 applied and FTS5)."""
    database = DB.obj
    if not isinstance(database, peewee.SqliteDatabase):
        return False
    return database.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone() is not None


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_expression(text: str) -> str | None:
    """The FTS5 query for records containing ``text``; ``None`` when none can (no such trigram) or
    when a very short text starts too many trigrams to be worth it (then the caller uses LIKE)."""
    if len(text) >= 3:
        return _quoted(text)
    folded = text.lower()
    terms = [row[0] for row in DB.execute_sql(
        f"SELECT term FROM {TERMS} WHERE term >= ? AND term < ? LIMIT ?",
        (folded, folded + _LAST_CHARACTER, MAX_TERMS + 1)).fetchall()]
    if len(terms) > MAX_TERMS:
        raise TooCommon(text)
    return " OR ".join(_quoted(term) for term in terms) or None


class TooCommon(Exception):
    """A one- or two-character text that begins too many different trigrams for an index search."""


def matches_at_least(expression: str, count: int) -> bool:
    """Whether at least ``count`` records match (reads no more than ``count`` entries of the index)."""
    row = DB.execute_sql(
        f"SELECT COUNT(*) FROM (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT ?)", (expression, count)
    ).fetchone()
    return row[0] >= count


@contextmanager
def deferred_index():
    """For bulk loads: the triggers are set aside while rows go in, then the new rows are indexed in
    one statement and the triggers put back exactly as they were (read from the schema)."""
    if not available():
        yield
        return
    last_id = DB.execute_sql("SELECT COALESCE(MAX(id), 0) FROM activity").fetchone()[0]
    with bulk_triggers.set_aside(TABLE):
        yield
        DB.execute_sql(f"INSERT INTO {TABLE} (rowid, place_note, notes) "
                       "SELECT id, place_note || char(1, 1), notes || char(1, 1) FROM activity WHERE id > ?",
                       (last_id,))
