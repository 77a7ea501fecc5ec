"""What a choice list matches typed text against: the name, its pinyin initials and its full pinyin.

Clerks type pinyin: "xc" or "xicun" finds 西村. A name's key is worked out once (and kept), not per
keystroke; a character with several readings contributes each of them (长乐村 matches "cl" and "zl"),
so pypinyin's phrase dictionary, which would pick one reading and is most of its import, is not loaded
(its documented PYPINYIN_NO_PHRASES switch).
"""

from __future__ import annotations

import functools
import itertools
import os

MAX_READINGS = 8  # a name of many polyphonic characters keeps the first few spellings, not all of them


@functools.lru_cache(maxsize=4096)
def search_key(name: str) -> str:
    """``name``, its pinyin initials and its full pinyin, lower case, separated by spaces."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    try:
        from pypinyin import Style, pinyin
    except ImportError:  # matching by the name itself still works
        return name.casefold()
    readings = pinyin(name, style=Style.NORMAL, heteronym=True, errors=lambda chars: [c for c in chars])
    spellings = itertools.islice(itertools.product(*[sorted(set(r)) for r in readings]), MAX_READINGS)
    parts = [name.casefold()]
    for spelling in spellings:
        parts.append("".join(s[:1] for s in spelling).casefold())
        parts.append("".join(spelling).casefold())
    return " ".join(dict.fromkeys(parts))


def matches(query: str, key: str) -> bool:
    return query.casefold() in key
