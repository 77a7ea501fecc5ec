"""Stable row keys: why importing the same workbook twice imports nothing the second time.

A row's key is a UUID5, so it can be computed again from the same file at any time:

- a row with a 编号 (record number) is keyed by (record type, village, 编号). The number is the
  cadre's own, so a corrected file sent again is recognised row by row: rows already imported are
  skipped, and rows whose content changed since are reported (not applied: the township's ledger
  is the master copy and the clerk may have corrected it already);
- a row without 编号 is keyed by its content (resolved ids, so a stray space in a name does not
  matter) plus how many identical rows came before it in the same sheet, so two genuinely
  identical activities both count, and the same two rows sent again are both recognised. Editing
  such a row makes it a new row; the README tells cadres to use 编号 when they will re-send.

Keys of imported rows live in ``imported_row`` (with a hash of the content); activity records
also carry the key as their ``uuid``.
"""

from __future__ import annotations

import hashlib
import uuid

from outreach_desk.services.excel.names import normalise_name
from outreach_desk.store.models import ImportedRow

NAMESPACE = uuid.UUID("6f0c1f52-3b7e-5a8e-9d1c-0a7d3c2e4b19")
QUERY_CHUNK = 500


def content_hash(record_type: str, values: dict) -> str:
    """A digest of the checked values (ids, numbers, ISO dates, text), independent of key order."""
    canonical = "\x1f".join([record_type, *(f"{key}={values[key]}" for key in sorted(values))])
    return hashlib.md5(canonical.encode("utf-8")).hexdigest()


def uuid5(name: str) -> str:
    """``str(uuid.uuid5(NAMESPACE, name))`` without building UUID objects (ten thousand a file)."""
    digest = bytearray(hashlib.sha1(NAMESPACE.bytes + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def numbered_key(record_type: str, village_id: int, record_no: str) -> str:
    return uuid5(f"{record_type}|v{village_id}|no:{normalise_name(record_no)}")


def content_key(record_type: str, digest: str, occurrence: int) -> str:
    return uuid5(f"{record_type}|c:{digest}|{occurrence}")


def imported(keys: list[str]) -> dict[str, tuple[str, object]]:
    """For the keys already imported: key → (content hash, when), one plain query per chunk."""
    from outreach_desk.store import DB

    found: dict[str, tuple[str, object]] = {}
    table = ImportedRow._meta.table_name
    for start in range(0, len(keys), QUERY_CHUNK):
        chunk = keys[start:start + QUERY_CHUNK]
        sql = (f"SELECT row_key, content_hash, imported_at FROM {table} "
               f"WHERE row_key IN ({', '.join([DB.param] * len(chunk))})")
        found.update({key: (digest, when) for key, digest, when in DB.execute_sql(sql, chunk).fetchall()})
    return found
