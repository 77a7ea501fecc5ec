"""Reading the activity ledger a page at a time: filters, totals and keyset pagination.

The ledger may hold a million records, so nothing here reads more than one page. Pages follow by
keyset (a row-value comparison SQLite and PostgreSQL share), not OFFSET, so a late page costs what
the first does. A sort by a name joins the named table and orders by (name, its id, date, id), so
the planner walks the name index and the ledger's (foreign key, date) index; rows with no site or
member unit form a segment of their own. Free text uses the full-text index of
:mod:`services.ledger_search` where there is one, else (and for a common word) ``LIKE``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import peewee

from outreach_desk.i18n import current_language, translate
from outreach_desk.services import ledger_search, organisation_info, vocab
from outreach_desk.services.errors import ServiceError
from outreach_desk.store import DB, batch, server

PAGE_SIZE = 500
#: the longest search text: far beyond any note one would search by, and far below SQLite's limit on a
#: LIKE pattern (50,000 bytes, about 16,000 Chinese characters)
MAX_SEARCH_CHARACTERS = 1000

#: columns the ledger can be sorted by, in the order the table shows them
SORT_COLUMNS = ("date", "village", "site", "kind", "member_unit", "quantity", "people", "place_note")


@dataclass(frozen=True)
class LedgerFilter:
    """Which records to show; ``None`` or an empty text means "no restriction"."""

    village_id: int | None = None
    site_id: int | None = None
    kind_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""

    @property
    def search_text(self) -> str:
        return " ".join((self.text or "").split())


class LedgerTotals(NamedTuple):
    count: int
    quantity: int
    people: int
    #: (unit in the language in use, quantity) per unit of measure, largest first: 户 and 张 do not add up
    by_unit: tuple[tuple[str, int], ...] = ()


class LedgerRow(NamedTuple):
    """One record as the table shows it (names already looked up)."""

    id: int
    date: dt.date
    village_id: int
    village: str
    site_id: int | None
    site: str
    kind_id: int
    kind: str
    unit: str
    member_unit: str
    quantity: int
    people: int
    audiences: str
    topics: str
    place_note: str
    notes: str
    photos: int


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: a segment of the sort and the sort key of the last row shown."""

    segment: int
    key: tuple | None


@dataclass(frozen=True)
class Page:
    rows: list[LedgerRow]
    #: ``None`` when no further rows match
    cursor: Cursor | None


# --- SQL building ---------------------------------------------------------------------------

_ROW_COLUMNS = ("id", "date", "village_id", "site_id", "kind_id", "member_unit_id", "quantity", "people", "audiences",
                "topics", "place_note", "notes")
_ROW_SQL = ", ".join(f"a.{column}" for column in _ROW_COLUMNS)
#: a row's columns, then its photo count, then the sort keys
_ROW_WIDTH = len(_ROW_COLUMNS) + 1
#: a free-text match on more place names than this is tested by subquery instead of a list of ids
_MAX_LISTED_IDS = 500
#: a text in at least this many records is searched by walking the date order with LIKE (a page of
#: such a word turns up within a few ten thousand records) rather than by collecting every match
_WALK_WHEN_MATCHES = 10_000
#: ... and counted (or sorted by another column) by reading the whole table, which beats collecting
#: two hundred thousand matches from the index and the place indexes one by one
_SCAN_WHEN_MATCHES = 200_000


@dataclass(frozen=True)
class _Segment:
    join: str
    where: str
    keys: tuple[str, ...]
    #: sort only ids and keys, then read the page's rows by id (set by _scanning)
    sorted_apart: bool = False


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filter_sql(f: LedgerFilter, off_index: frozenset[str] = frozenset(),
                date_walk: bool = False) -> tuple[list[str], list]:
    """WHERE clauses for ``f``; columns named in ``off_index`` are written so no index is used for them.

    ``date_walk``: the rows will be read by walking the date order until a page is full.
    """
    def column(name: str) -> str:
        return _no_index(name) if name in off_index else name

    clauses: list[str] = []
    params: list = []
    for name, value in (("a.village_id", f.village_id), ("a.site_id", f.site_id), ("a.kind_id", f.kind_id)):
        if value is not None:
            clauses.append(f"{column(name)} = ?")
            params.append(value)
    if f.date_from is not None:
        clauses.append(f"{column('a.date')} >= ?")
        params.append(f.date_from)
    if f.date_to is not None:
        clauses.append(f"{column('a.date')} <= ?")
        params.append(f.date_to)
    text = f.search_text
    if text:
        _refuse_long_text(text)
        clause, text_params = _text_clause(text, date_walk)
        clauses.append(clause)
        params.extend(text_params)
    return clauses, params


class SearchTooLongError(ServiceError):
    """A search text longer than :data:`MAX_SEARCH_CHARACTERS`; ``str()`` is translated."""


def _refuse_long_text(text: str) -> None:
    if len(text) > MAX_SEARCH_CHARACTERS:
        raise SearchTooLongError(translate(
            "Ledger", "The search text is {count:,} characters long; the ledger can be searched for at most {limit:,} "
                      "characters at a time. Search for a shorter part of it.").format(
                          count=len(text), limit=MAX_SEARCH_CHARACTERS))


def _text_clause(text: str, date_walk: bool = False) -> tuple[str, list]:
    """Free text in the place note, the notes, or the name of the village or site.

    The names live in small tables, so the matching villages and sites are looked up first and
    only those ids are tested per record; a word that names no place costs no per-record lookup.
    """
    pattern = _like_pattern(text)
    like = _like_operator()
    parts: list[str] = []
    params: list = []
    indexed = ledger_search.available()
    named = 0  # records of the matching places, counted (with an index) up to the budget below
    budget = _WALK_WHEN_MATCHES if date_walk else _SCAN_WHEN_MATCHES
    places = (("a.village_id", "village"), ("a.site_id", "site"))
    named_places = batch.rows_of_each([(_placeholders(f"SELECT id FROM {table} WHERE name {like} ? ESCAPE '\\'"),
                                        [pattern]) for _, table in places])
    for (column, table), rows in zip(places, named_places):
        ids = [row[0] for row in rows]
        if len(ids) > _MAX_LISTED_IDS:
            parts.append(f"{column} IN (SELECT id FROM {table} WHERE name {like} ? ESCAPE '\\')")
            params.append(pattern)
            named = budget
        elif ids:
            marks = ", ".join("?" for _ in ids)
            parts.append(f"{column} IN ({marks})")
            params.extend(ids)
            if indexed and named < budget:
                named += _execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM activity a WHERE {column} IN ({marks}) "
                                  "LIMIT ?) n", ids + [budget - named])[0][0]
    notes_parts, notes_params = _notes_clause(text, pattern, budget - named if indexed else 0)
    return f"({' OR '.join(notes_parts + parts) or '1 = 0'})", notes_params + params


def _notes_clause(text: str, pattern: str, budget: int) -> tuple[list[str], list]:
    """The place note or notes contain ``text``: through the full-text index when fewer than ``budget``
    records match (0: there is no index); a commoner word is found sooner by reading the table."""
    operator = _like_operator()
    like = ([f"a.place_note {operator} ? ESCAPE '\\'", f"a.notes {operator} ? ESCAPE '\\'"], [pattern, pattern])
    if budget <= 0:
        return like
    try:
        expression = ledger_search.match_expression(text)
    except ledger_search.TooCommon:
        return like
    if expression is None:
        return [], []
    if ledger_search.matches_at_least(expression, budget):
        return like
    return [f"a.id IN (SELECT rowid FROM {ledger_search.TABLE} WHERE {ledger_search.TABLE} MATCH ?)"], [expression]


def _off_index(f: LedgerFilter, sort_column: str) -> frozenset[str]:
    """Filter columns the planner should not reach through an index, for a fast plan without statistics.

    A site or village narrows the ledger to a few thousand rows at most, so their indexes win and
    the kind must not compete. A kind alone still leaves a tenth of a million-row ledger: for a
    sort by a place or unit name, walking the name order and skipping other kinds fills a page far
    sooner than sorting them all. For a numeric or note sort the values may cluster by kind (posters
    reach nobody), so the walk could pass most of the ledger; sorting one kind's rows is bounded
    (see :func:`_sort_by_scanning`).
    """
    if f.search_text:
        return frozenset()
    if f.site_id is not None:
        return frozenset({"a.kind_id", "a.village_id"})
    if f.village_id is not None:
        return frozenset({"a.kind_id"})
    if f.kind_id is not None and sort_column in ("village", "site", "member_unit"):
        return frozenset({"a.kind_id"})
    return frozenset()


def _sort_by_scanning(f: LedgerFilter, sort_column: str) -> bool:
    """Whether to read the matching rows and sort them rather than walk the sort order's index."""
    if f.search_text:
        return sort_column != "date"
    return (f.kind_id is not None and f.village_id is None and f.site_id is None
            and sort_column in ("quantity", "people", "place_note"))


def _like_operator() -> str:
    """SQLite's LIKE ignores the case of Latin letters; PostgreSQL's does not, its ILIKE does (and its
    trigram indexes serve both)."""
    return "ILIKE" if isinstance(DB.obj, peewee.PostgresqlDatabase) else "LIKE"


def _no_index(expression: str) -> str:
    """``expression`` written so SQLite's planner cannot use an index for it, for a fast plan without statistics.

    SQLite reads ``+column`` as "do not use an index here", for text and dates too. PostgreSQL has no
    unary plus on text or dates and keeps statistics to plan for itself: it gets the plain column.
    """
    if isinstance(DB.obj, peewee.SqliteDatabase):
        return f"+{expression}"
    return expression


def _kind_name_column() -> str:
    return "k.name_zh" if current_language() == "zh_CN" else "k.name_en"


def _segments(sort_column: str) -> list[_Segment]:
    """The ascending sort as a list of segments, each ordered by its key expressions."""
    if sort_column == "date":
        return [_Segment("", "", ("a.date", "a.id"))]
    if sort_column in ("quantity", "people", "place_note"):
        return [_Segment("", "", (f"a.{sort_column}", "a.date", "a.id"))]
    if sort_column == "village":
        return [_Segment("JOIN village v ON v.id = a.village_id", "", ("v.name", "v.id", "a.date", "a.id"))]
    if sort_column == "kind":
        return [_Segment("JOIN activity_kind k ON k.id = a.kind_id", "",
                         (_kind_name_column(), "k.id", "a.date", "a.id"))]
    if sort_column == "site":
        return [_Segment("", "a.site_id IS NULL", ("a.date", "a.id")),
                _Segment("JOIN site s ON s.id = a.site_id", "", ("s.name", "s.id", "a.date", "a.id"))]
    if sort_column == "member_unit":
        return [_Segment("", "a.member_unit_id IS NULL", ("a.date", "a.id")),
                _Segment("JOIN member_unit m ON m.id = a.member_unit_id", "", ("m.name", "m.id", "a.date", "a.id"))]
    raise ValueError(f"cannot sort the ledger by {sort_column!r}; expected one of {SORT_COLUMNS}")


def _scanning(segment: _Segment) -> _Segment:
    """The same segment planned as reading the matching rows and sorting them.

    Most rows fail a free-text filter, so walking a name or number index in sort order could visit
    nearly every row by random access before a page is full (seconds on a million rows); one scan
    of the table is bounded. The date order is exempt: records are written roughly in date order,
    so its index walk reads the table almost sequentially and stops as soon as a page is found.
    Only ids and sort keys go through the sort (a deferred join): sorting whole rows costs several
    times more when many rows match.
    """
    join = segment.join
    if join:
        table_key, ledger_key = join.split(" ON ")[1].split(" = ")
        join = join.replace(f"{table_key} = {ledger_key}", f"{table_key} = {_no_index(ledger_key)}")
    return _Segment(join, segment.where, tuple(_no_index(key) for key in segment.keys), sorted_apart=True)


def _placeholders(sql: str) -> str:
    """Portable SQL written with ``?`` placeholders in the spelling of the database ``DB`` holds."""
    return sql.replace("?", DB.param) if DB.param != "?" else sql


def _execute(sql: str, params: list) -> list[tuple]:
    """Run portable SQL written with ``?`` placeholders on whatever database ``DB`` holds, on a server planned for
    its values each time: a search word or a page's keys decide the plan."""
    with server.planned_for_values():
        return DB.execute_sql(_placeholders(sql), params).fetchall()


def _photo_count(id_column: str) -> str:
    return f"(SELECT COUNT(*) FROM photo ph WHERE ph.activity_id = {id_column})"


def _segment_rows(segment: _Segment, f: LedgerFilter, off_index: frozenset[str], descending: bool,
                  after: tuple | None, limit: int) -> list[tuple]:
    clauses, params = _filter_sql(f, off_index, date_walk=not segment.sorted_apart)
    if segment.where:
        clauses.append(segment.where)
    keys = ", ".join(segment.keys)
    if after is not None:
        marks = ", ".join("?" for _ in segment.keys)
        clauses.append(f"({keys}) {'<' if descending else '>'} ({marks})")
        params.extend(after)
    direction = " DESC" if descending else ""
    order = ", ".join(key + direction for key in segment.keys)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    if not segment.sorted_apart:
        # The page first, then its photo counts, in one statement: a round trip less on a server, and the
        # counts are taken for the page's rows only (never for rows a sort passes over).
        named = ", ".join(f"{key} AS k{i}" for i, key in enumerate(segment.keys))
        page_keys = [f"page.k{i}" for i in range(len(segment.keys))]
        sql = (f"SELECT {', '.join(f'page.{column}' for column in _ROW_COLUMNS)}, {_photo_count('page.id')}, "
               f"{', '.join(page_keys)} FROM (SELECT {_ROW_SQL}, {named} FROM activity a {segment.join}{where} "
               f"ORDER BY {order} LIMIT ?) page ORDER BY {', '.join(key + direction for key in page_keys)}")
        return _execute(sql, params + [limit])
    sql = f"SELECT a.id, {keys} FROM activity a {segment.join}{where} ORDER BY {order} LIMIT ?"
    ranked = _execute(sql, params + [limit])
    rows = {row[0]: row for row in _by_ids(
        f"SELECT {_ROW_SQL}, {_photo_count('a.id')} FROM activity a WHERE a.id IN ({{ids}})", [r[0] for r in ranked])}
    return [tuple(rows[r[0]]) + tuple(r[1:]) for r in ranked if r[0] in rows]


# --- the public queries ---------------------------------------------------------------------

def totals(f: LedgerFilter) -> LedgerTotals:
    """Number of records, the sums of quantity and people reached, and the quantity per unit of measure,
    in one aggregate query grouped by kind: over the kind index when nothing is filtered, else without it,
    so the plan stays the filter's (a text search walked the kind index and took four times as long)."""
    clauses, params = _filter_sql(f, _off_index(f, "date"))
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = _execute(f"SELECT a.kind_id, COUNT(*), COALESCE(SUM(a.quantity), 0), COALESCE(SUM(a.people), 0) "
                    f"FROM activity a{where} GROUP BY {_no_index('a.kind_id') if clauses else 'a.kind_id'}", params)
    units = _kind_units({row[0] for row in rows})
    by_unit: dict[str, int] = {}
    for kind_id, _count, quantity, _people in rows:
        unit = units.get(kind_id, "")
        by_unit[unit] = by_unit.get(unit, 0) + int(quantity)
    return LedgerTotals(sum(int(r[1]) for r in rows), sum(int(r[2]) for r in rows), sum(int(r[3]) for r in rows),
                        tuple(sorted(by_unit.items(), key=lambda item: (-item[1], item[0]))))


def _kind_units(kind_ids: set[int]) -> dict[int, str]:
    if not kind_ids:
        return {}
    column = "unit_zh" if current_language() == "zh_CN" else "unit_en"
    marks = ", ".join("?" * len(kind_ids))
    found = _execute(f"SELECT id, {column}, unit_zh FROM activity_kind WHERE id IN ({marks})", sorted(kind_ids))
    return {kind_id: (unit or fallback or "") for kind_id, unit, fallback in found}


def fetch_page(f: LedgerFilter, sort_column: str = "date", descending: bool = True, cursor: Cursor | None = None,
               limit: int = PAGE_SIZE) -> Page:
    """Up to ``limit`` rows after ``cursor`` (from the start when ``None``) in the requested order."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    segments = _segments(sort_column)
    if _sort_by_scanning(f, sort_column):
        segments = [_scanning(segment) for segment in segments]
    if descending:
        segments.reverse()
    off_index = _off_index(f, sort_column)
    raw: list[tuple] = []
    start = cursor.segment if cursor is not None else 0
    for index in range(start, len(segments)):
        after = cursor.key if cursor is not None and index == cursor.segment else None
        wanted = limit - len(raw)
        if wanted == 0:
            more = _segment_rows(segments[index], f, off_index, descending, after, 1)
            return Page(_display(raw), Cursor(index, after) if more else None)
        found = _segment_rows(segments[index], f, off_index, descending, after, wanted + 1)
        if len(found) > wanted:
            raw.extend(found[:wanted])
            return Page(_display(raw), Cursor(index, tuple(raw[-1][_ROW_WIDTH:])))
        raw.extend(found)
    return Page(_display(raw), None)


def fetch_all(f: LedgerFilter, sort_column: str = "date", descending: bool = True, limit: int = PAGE_SIZE):
    """Every matching row, a page at a time (for exports and tests; the table fetches lazily)."""
    cursor = None
    while True:
        page = fetch_page(f, sort_column, descending, cursor, limit)
        yield from page.rows
        if page.cursor is None:
            return
        cursor = page.cursor


# --- choices for filter widgets ---------------------------------------------------------------

def village_choices() -> list[tuple[int, str, str]]:
    """(village id, village name, township name) of every village, township by township."""
    return [tuple(row) for row in _execute(
        "SELECT v.id, v.name, t.name FROM village v JOIN township t ON t.id = v.township_id "
        "ORDER BY v.township_id, v.id", [])]


def site_choices(village_id: int) -> list[tuple[int, str]]:
    """(site id, name) of the sites of one village."""
    return [tuple(row) for row in _execute("SELECT id, name FROM site WHERE village_id = ? ORDER BY id", [village_id])]


def site_village(site_id: int) -> int | None:
    rows = _execute("SELECT village_id FROM site WHERE id = ?", [site_id])
    return rows[0][0] if rows else None


def kind_choices() -> list[tuple[int, str]]:
    """(kind id, name in the current language) of every kind, retired ones too (old records use them)."""
    return [(kind.id, kind.name) for kind in organisation_info.list_kinds()]


# --- ids to display values ------------------------------------------------------------------

class _Names:
    """Id → name lookups that grow with the ids the pages show (a county has 5,000 sites; a page uses few)."""

    def __init__(self) -> None:
        self.database = None
        self.language = ""
        self.villages: dict[int, str] = {}
        self.sites: dict[int, str] = {}
        self.units: dict[int, str] = {}
        self.kinds: dict[int, tuple[str, str]] = {}
        self.masks: dict[tuple[str, int], str] = {}
        self.dates: dict[object, dt.date] = {}

    def reset(self) -> None:
        self.database = DB.obj
        self.language = current_language()
        self.villages, self.sites, self.units, self.masks = {}, {}, {}, {}
        self.kinds = {k.id: (k.name, k.unit) for k in organisation_info.list_kinds()}

    def ensure(self, rows: list[tuple]) -> None:
        if self.database is not DB.obj or self.language != current_language():
            self.reset()
        if any(row[4] not in self.kinds for row in rows):
            self.kinds = {k.id: (k.name, k.unit) for k in organisation_info.list_kinds()}
        wanted: list[tuple[dict, list]] = []  # the names still unknown, asked together (one round trip on a server)
        for table, column, known in (("village", 2, self.villages), ("site", 3, self.sites),
                                     ("member_unit", 5, self.units)):
            missing = sorted({row[column] for row in rows if row[column] is not None} - known.keys())
            for start in range(0, len(missing), 500):
                chunk = missing[start:start + 500]
                wanted.append((known, [_placeholders(f"SELECT id, name FROM {table} WHERE id IN "
                                                     f"({', '.join('?' for _ in chunk)})"), chunk]))
        if wanted:
            with server.planned_for_values():
                found = batch.rows_of_each([statement for _known, statement in wanted])
            for (known, _statement), names in zip(wanted, found):
                known.update(names)

    def mask_text(self, terms: tuple[vocab.Term, ...], kind: str, mask: int) -> str:
        key = (kind, mask)
        text = self.masks.get(key)
        if text is None:
            separator = translate("LedgerQuery", ", ", "separator between audience or topic labels")
            text = self.masks[key] = separator.join(vocab.labels_of(terms, mask))
        return text

    def date(self, value) -> dt.date:
        found = self.dates.get(value)
        if found is None:
            found = self.dates[value] = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        return found


_names = _Names()


def reload_names() -> None:
    """Forget cached names (call after villages, sites, member units or kinds were renamed)."""
    _names.database = None


def _by_ids(sql: str, ids: list) -> list[tuple]:
    """Run ``sql`` (with ``IN ({ids})``) for ``ids`` in chunks that every database accepts."""
    found: list[tuple] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.extend(_execute(sql.format(ids=", ".join("?" for _ in chunk)), chunk))
    return found


def _display(raw: list[tuple]) -> list[LedgerRow]:
    names = _names
    names.ensure(raw)
    rows = []
    for (id_, date, village_id, site_id, kind_id, unit_id, quantity, people, audiences, topics, place_note,
         notes, photos, *_keys) in raw:
        kind_name, kind_unit = names.kinds[kind_id]
        rows.append(LedgerRow(
            id_, names.date(date), village_id, names.villages[village_id], site_id,
            names.sites[site_id] if site_id is not None else "", kind_id, kind_name, kind_unit,
            names.units[unit_id] if unit_id is not None else "", quantity, people,
            names.mask_text(vocab.AUDIENCES, "a", audiences), names.mask_text(vocab.TOPICS, "t", topics),
            place_note, notes, photos,
        ))
    return rows
