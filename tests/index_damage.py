"""Damage inside an index of a real database file, the kind SQLite's quick check does not see.

The index's root page comes from ``sqlite_master.rootpage``; interior pages are followed down to a
leaf, where the last character of a few stored keys is changed to another hex digit: the index then
holds keys no table row has ("row N missing from index"), while every page stays well formed.
Only call this on a file no connection has open.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
INTERIOR_INDEX, LEAF_INDEX = 0x02, 0x0A


def uuid_index(path: Path) -> tuple[str, int, int]:
    """(name, root page, page size) of the unique index on activity.uuid (an automatic index: no SQL)."""
    connection = sqlite3.connect(path)
    try:
        indexes = connection.execute(
            "SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activity'").fetchall()
        name, root = next((name, root) for name, root in indexes
                          if [row[2] for row in connection.execute(f'PRAGMA index_info("{name}")')] == ["uuid"])
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    return name, root, page_size


def damage_index(path: Path, keys: int = 3) -> str:
    """Change ``keys`` keys in a leaf page of the activity uuid index; return the index's name."""
    name, page, page_size = uuid_index(path)
    data = bytearray(path.read_bytes())
    while True:
        start = (page - 1) * page_size
        header = start + (100 if page == 1 else 0)
        kind = data[header]
        if kind == LEAF_INDEX:
            break
        assert kind == INTERIOR_INDEX, f"page {page} is not an index page ({kind:#x})"
        page = int.from_bytes(data[header + 8:header + 12], "big")  # the right-most child
    changed = 0
    for match in UUID.finditer(bytes(data[start:start + page_size])):
        last = start + match.end() - 1
        data[last] = ord("0") if data[last] != ord("0") else ord("1")
        changed += 1
        if changed == keys:
            break
    assert changed == keys, f"found only {changed} keys on page {page}"
    path.write_bytes(bytes(data))
    return name
