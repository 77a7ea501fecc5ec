"""The ledger query service against a real SQLite file: filters, every sort order, keyset pages, totals."""

from __future__ import annotations

import datetime as dt
import runpy

import pytest
from ledger_data import make_records

from outreach_desk.services import ledger, ledger_query, ledger_search, organisation as org, vocab
from outreach_desk.services.ledger_query import Cursor, LedgerFilter
from outreach_desk.store import DB
from outreach_desk.store.models import ActivityKind


@pytest.fixture
def records(township):
    return make_records(township)


def _names():
    tree = org.load_tree()
    villages = {v.id: v.name for v in tree.all_villages()}
    sites = {s.id: s.name for s in tree.all_sites()}
    units = {u.id: u.name for u in org.list_member_units()}
    kinds = {k.id: k for k in org.list_kinds()}
    return villages, sites, units, kinds


def _matches(data: ledger.ActivityInput, f: LedgerFilter, villages, sites) -> bool:
    if f.village_id is not None and data.village_id != f.village_id:
        return False
    if f.site_id is not None and data.site_id != f.site_id:
        return False
    if f.kind_id is not None and data.kind_id != f.kind_id:
        return False
    if f.date_from is not None and data.date < f.date_from:
        return False
    if f.date_to is not None and data.date > f.date_to:
        return False
    text = f.search_text
    if text:
        haystacks = [data.place_note, data.notes, villages[data.village_id],
                     sites[data.site_id] if data.site_id else ""]
        return any(text in h for h in haystacks)
    return True


def _reference_key(sort_column: str, activity_id: int, data: ledger.ActivityInput, names):
    """The documented order: (name, its id, date, id), empty site/unit first; numbers then date, id."""
    villages, sites, units, kinds = names
    if sort_column == "date":
        return (data.date, activity_id)
    if sort_column in ("quantity", "people", "place_note"):
        return (getattr(data, sort_column), data.date, activity_id)
    if sort_column == "village":
        return (villages[data.village_id], data.village_id, data.date, activity_id)
    if sort_column == "kind":
        return (kinds[data.kind_id].name, data.kind_id, data.date, activity_id)
    fk = data.site_id if sort_column == "site" else data.member_unit_id
    table = sites if sort_column == "site" else units
    if fk is None:
        return (0, "", 0, data.date, activity_id)
    return (1, table[fk], fk, data.date, activity_id)


def _expected_ids(records, f: LedgerFilter, sort_column="date", descending=True):
    names = _names()
    chosen = [(a, d) for a, d in records["stored"].items() if _matches(d, f, names[0], names[1])]
    chosen.sort(key=lambda item: _reference_key(sort_column, item[0], item[1], names), reverse=descending)
    return [a for a, _ in chosen]


def _all_ids(f: LedgerFilter, sort_column="date", descending=True, limit=500) -> list[int]:
    return [row.id for row in ledger_query.fetch_all(f, sort_column, descending, limit)]


@pytest.mark.parametrize("limit", [1, 7, 150, 500])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort_column", ledger_query.SORT_COLUMNS)
def test_pages_cover_every_row_once_in_the_documented_order(records, sort_column, descending, limit):
    ids = _all_ids(LedgerFilter(), sort_column, descending, limit)
    assert len(ids) == len(set(ids)) == 150
    assert ids == _expected_ids(records, LedgerFilter(), sort_column, descending)


@pytest.mark.parametrize("sort_column", ["site", "member_unit", "kind"])
def test_pages_cover_filtered_rows_in_every_order(records, sort_column):
    f = LedgerFilter(village_id=records["village1"], date_from=dt.date(2026, 3, 1))
    for descending in (False, True):
        assert _all_ids(f, sort_column, descending, 4) == _expected_ids(records, f, sort_column, descending)


def test_free_text_pages_follow_the_same_order(records):
    f = LedgerFilter(text="村")
    expected = _expected_ids(records, f, "village", False)
    assert expected
    assert _all_ids(f, "village", False, 9) == expected
    assert _all_ids(f, "site", True, 9) == _expected_ids(records, f, "site", True)


def test_page_cursor_marks_the_end(records):
    page = ledger_query.fetch_page(LedgerFilter(), limit=150)
    assert len(page.rows) == 150 and page.cursor is None
    page = ledger_query.fetch_page(LedgerFilter(), limit=149)
    assert len(page.rows) == 149 and page.cursor is not None
    last = ledger_query.fetch_page(LedgerFilter(), cursor=page.cursor, limit=149)
    assert len(last.rows) == 1 and last.cursor is None


def test_a_page_that_ends_exactly_at_a_segment_boundary_continues_with_the_next(records):
    empty_site = sum(1 for d in records["stored"].values() if d.site_id is None)
    page = ledger_query.fetch_page(LedgerFilter(), "site", False, limit=empty_site)
    assert all(row.site_id is None for row in page.rows)
    assert page.cursor == Cursor(1, None)
    rest = list(ledger_query.fetch_page(LedgerFilter(), "site", False, page.cursor, limit=500).rows)
    assert len(rest) == 150 - empty_site and all(row.site_id is not None for row in rest)


@pytest.mark.parametrize("make_filter", [
    lambda r: LedgerFilter(village_id=r["village1"]),
    lambda r: LedgerFilter(site_id=r["school"]),
    lambda r: LedgerFilter(kind_id=r["kinds"]["lecture"]),
    lambda r: LedgerFilter(date_from=dt.date(2026, 4, 1), date_to=dt.date(2026, 4, 30)),
    lambda r: LedgerFilter(date_from=dt.date(2026, 6, 1)),
    lambda r: LedgerFilter(date_to=dt.date(2026, 2, 1)),
    lambda r: LedgerFilter(village_id=r["village2"], kind_id=r["kinds"]["poster"]),
    lambda r: LedgerFilter(site_id=r["factory"], date_from=dt.date(2026, 5, 1)),
    lambda r: LedgerFilter(kind_id=r["kinds"]["banner"], date_to=dt.date(2026, 9, 1)),
], ids=["village", "site", "kind", "month", "from", "to", "village+kind", "site+from", "kind+to"])
def test_filters_select_exactly_the_matching_records_and_totals_add_them_up(records, make_filter):
    f = make_filter(records)
    expected = _expected_ids(records, f)
    assert _all_ids(f, limit=11) == expected
    chosen = [records["stored"][a] for a in expected]
    assert ledger_query.totals(f)[:3] == (len(chosen), sum(d.quantity for d in chosen), sum(d.people for d in chosen))
    units = {k.id: k.unit_en or k.unit_zh for k in ActivityKind.select()}
    by_unit: dict[str, int] = {}
    for d in chosen:
        by_unit[units[d.kind_id]] = by_unit.get(units[d.kind_id], 0) + d.quantity
    assert dict(ledger_query.totals(f).by_unit) == by_unit


@pytest.mark.parametrize("text", ["广场", "冒充公检法", "幸福社区", "格林小学", "太平", "100%", "%", "a_b", "_"])
def test_free_text_matches_place_notes_village_and_site_names(records, text):
    f = LedgerFilter(text=text)
    expected = _expected_ids(records, f)
    assert _all_ids(f, limit=13) == expected
    assert ledger_query.totals(f).count == len(expected)


def test_free_text_wildcards_are_literal_and_spaces_are_trimmed(records):
    percent = _all_ids(LedgerFilter(text="%"))
    assert percent and all("%" in records["stored"][a].place_note + records["stored"][a].notes for a in percent)
    assert _all_ids(LedgerFilter(text="  广场  ")) == _all_ids(LedgerFilter(text="广场"))
    assert _all_ids(LedgerFilter(text="没有这种说法")) == []


def test_totals_of_everything_and_of_nothing(records):
    stored = records["stored"].values()
    assert ledger_query.totals(LedgerFilter())[:3] == (150, sum(d.quantity for d in stored),
                                                       sum(d.people for d in stored))
    assert ledger_query.totals(LedgerFilter(text="查无此项")) == (0, 0, 0, ())


def test_rows_carry_display_values(records):
    villages, sites, units, kinds = _names()
    by_id = {row.id: row for row in ledger_query.fetch_all(LedgerFilter())}
    for activity_id, data in records["stored"].items():
        row = by_id[activity_id]
        assert row.date == data.date and isinstance(row.date, dt.date)
        assert row.village == villages[data.village_id]
        assert row.site == (sites[data.site_id] if data.site_id else "")
        assert row.member_unit == (units[data.member_unit_id] if data.member_unit_id else "")
        assert (row.kind, row.unit) == (kinds[data.kind_id].name, kinds[data.kind_id].unit)
        assert (row.quantity, row.people, row.place_note, row.notes) == (
            data.quantity, data.people, data.place_note, data.notes)
        assert row.photos == records["photos"].get(activity_id, 0)
        for label in vocab.labels_of(vocab.AUDIENCES, data.audiences):
            assert label in row.audiences
        for label in vocab.labels_of(vocab.TOPICS, data.topics):
            assert label in row.topics
        assert bool(row.audiences) == bool(data.audiences)


def test_names_follow_renames_and_new_places(records):
    target = records["village1"]
    org.update_village(target, name="太平新村")
    ledger_query.reload_names()
    rows = list(ledger_query.fetch_all(LedgerFilter(village_id=target)))
    assert rows and {row.village for row in rows} == {"太平新村"}
    fresh = org.add_village(records["township"], "新建村")
    ledger.create(ledger.ActivityInput(date=dt.date(2026, 11, 1), village_id=fresh, kind_id=records["kinds"]["poster"]))
    assert [row.village for row in ledger_query.fetch_all(LedgerFilter(village_id=fresh))] == ["新建村"]


def test_an_unknown_sort_column_is_refused(records):
    with pytest.raises(ValueError):
        ledger_query.fetch_page(LedgerFilter(), "uuid")
    with pytest.raises(ValueError):
        ledger_query.fetch_page(LedgerFilter(), limit=0)


# ---------------------------------------------------------------------------------------------- full-text index
SEARCHED = ["广场", "冒充公检法", "村", "场", "门", "谷", "晒谷", "a", "A_B", "100%", "%", "_", '"', '"防', "查无此项",
            "发放", "老人", "赶集日", "东门", "50%以", "b 路", "app"]


def _drop_search_index() -> None:
    for trigger in ("activity_search_insert", "activity_search_delete", "activity_search_update"):
        DB.execute_sql(f"DROP TRIGGER {trigger}")
    DB.execute_sql("DROP TABLE activity_search_terms")
    DB.execute_sql("DROP TABLE activity_search")


def _searches() -> dict:
    found = {}
    for text in SEARCHED:
        f = LedgerFilter(text=text)
        found[text] = (_all_ids(f), _all_ids(f, "village"), _all_ids(f, "quantity", False, 7), ledger_query.totals(f))
    return found


def _short_notes(records) -> None:
    """Notes of one or two characters, a quote and mixed case: the edges of the index."""
    base = next(iter(records["stored"].values()))
    for place, notes in (("场", "门"), ("晒谷", '悬挂"防诈骗"横幅'), ("A", "App 下载")):
        data = ledger.copy_input(base, place_note=place, notes=notes)
        records["stored"][ledger.create(data)] = data


def test_the_index_finds_exactly_what_like_finds(records, township):
    _short_notes(records)
    assert ledger_search.available()
    with_index = _searches()
    _drop_search_index()
    assert not ledger_search.available()
    assert _searches() == with_index
    assert with_index["场"][0] and with_index["晒谷"][0] and with_index["查无此项"][0] == []
    assert len(with_index['"'][0]) == 1 and len(with_index["app"][0]) == 1  # a quote; case folded


def test_index_and_table_search_agree_with_the_reference(records, township):
    for text in ("广场", "冒充公检法", "场", "东山", "格林小学"):
        assert _all_ids(LedgerFilter(text=text)) == _expected_ids(records, LedgerFilter(text=text)), text


def test_the_index_follows_new_changed_and_deleted_records(records, township):
    base = next(iter(records["stored"].values()))
    new_id = ledger.create(ledger.copy_input(base, place_note="村东晒谷场", notes=""))
    for text in ("晒谷场", "谷场", "晒"):
        assert _all_ids(LedgerFilter(text=text)) == [new_id], text
    ledger.update(new_id, ledger.copy_input(base, place_note="", notes="在祠堂前讲解"))
    assert _all_ids(LedgerFilter(text="晒谷场")) == [] and _all_ids(LedgerFilter(text="晒")) == []
    assert _all_ids(LedgerFilter(text="祠堂")) == [new_id]
    ledger.delete(new_id)
    assert _all_ids(LedgerFilter(text="祠堂")) == [] and ledger_query.totals(LedgerFilter(text="祠")) == (0, 0, 0, ())


def test_common_words_walk_the_date_order_and_rare_ones_use_the_index(records, monkeypatch):
    """Either way the same rows: the choice is only about speed (see _WALK_WHEN_MATCHES)."""
    f = LedgerFilter(text="发放")
    by_index = _all_ids(f)
    monkeypatch.setattr(ledger_query, "_WALK_WHEN_MATCHES", 1)
    monkeypatch.setattr(ledger_query, "_SCAN_WHEN_MATCHES", 1)
    assert _all_ids(f) == by_index and ledger_query.totals(f).count == len(by_index)
    clauses, _params = ledger_query._filter_sql(f, date_walk=True)
    assert "LIKE" in clauses[0] and "MATCH" not in clauses[0]
    monkeypatch.undo()
    clauses, _params = ledger_query._filter_sql(f, date_walk=True)
    assert "MATCH" in clauses[0] and "place_note LIKE" not in clauses[0]


def test_migration_7_indexes_the_records_already_there(records):
    from outreach_desk.store import migrations

    _drop_search_index()
    step = next(s for s in migrations.steps() if s.version == 7)  # later steps are applied already
    runpy.run_path(str(step.path))["upgrade"](DB.obj, None)
    assert ledger_search.available()
    for text in ("广场", "场", "冒充公检法"):
        assert _all_ids(LedgerFilter(text=text)) == _expected_ids(records, LedgerFilter(text=text)), text


def test_a_search_text_of_seventeen_thousand_chinese_characters_is_refused_in_chinese(records, qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    try:
        huge = LedgerFilter(text="反诈宣传进村入户" * 2_125)
        with pytest.raises(ledger_query.SearchTooLongError) as caught:
            ledger_query.fetch_page(huge)
        with pytest.raises(ledger_query.SearchTooLongError):
            ledger_query.totals(huge)
    finally:
        i18n.install(qapp, "en")
    message = str(caught.value)
    assert "17,000" in message and "LIKE" not in message and "搜索" in message


def test_the_longest_search_text_allowed_is_searched_by_sqlite(records):
    longest = "诈" * ledger_query.MAX_SEARCH_CHARACTERS
    assert ledger_query.fetch_page(LedgerFilter(text=longest)).rows == []
    assert ledger_query.totals(LedgerFilter(text=longest)).count == 0


def test_the_no_index_mark_is_sqlite_only(store):
    import peewee

    assert ledger_query._no_index("v.name") == "+v.name"
    sqlite = DB.obj
    DB.initialize(peewee.PostgresqlDatabase("outreach", host="127.0.0.1"))  # never connected
    try:
        assert ledger_query._no_index("v.name") == "v.name"
    finally:
        DB.initialize(sqlite)
