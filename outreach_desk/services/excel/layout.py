"""The layout of the village entry workbook: sheets, columns, headers, hints. One place for all.

The template writes it, the reader finds it again (also in files other tools made), the import
checks against it and the README documents it. Sheet names and headers are the file format, so
they are fixed Simplified Chinese whatever the interface language; hints and the instructions
sheet go through Qt translation. Headers are matched leniently (spaces, "*", full-width brackets
and the English column keys are accepted), because other offices fill the sheet with other tools.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate

CONTEXT = "EntryWorkbook"
INSTRUCTIONS_SHEET = "填写说明"
LISTS_SHEET = "下拉选项"
HEADER_SEARCH_ROWS = 10
MAX_DATA_ROWS = 50_000
KEY_MAX_LENGTH = 50


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    type: str  # record_key, date, village, site, school, kind, unit, audiences, topics, method, int, text
    required: bool
    width: int
    hint: str  # English source, translated when shown
    minimum: int = 0
    max_length: int = 0
    aliases: tuple[str, ...] = ()

    @property
    def hint_text(self) -> str:
        return translate(CONTEXT, self.hint)


@dataclass(frozen=True)
class Table:
    key: str
    sheet: str
    record_type: str
    title: str  # English source
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def title_text(self) -> str:
        return translate(CONTEXT, self.title)


def _record_key() -> Column:
    return Column("record_no", "编号", "record_key", False, 14, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. Your own number for the row, unique within your village, e.g. 2026-11-001. "
                         "With it, a corrected file sent again is recognised row by row."),
        max_length=KEY_MAX_LENGTH, aliases=("序号编号", "记录编号"))


def _village() -> Column:
    return Column("village", "村/社区", "village", True, 16, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. Choose the village or community from the list."),
        aliases=("村社区", "村(社区)", "村", "社区", "村居"))


def _notes(max_length: int) -> Column:
    """Notes; the limit is the record's own (the ledger takes 5000 characters, surveys and letters 2000)."""
    return Column("notes", "备注", "text", False, 30, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. Anything else worth knowing."), max_length=max_length)


ACTIVITIES = Table("activities", "活动", "activity", QT_TRANSLATE_NOOP("EntryWorkbook", "Outreach activities"), (
    _record_key(),
    Column("date", "日期", "date", True, 12, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. The day of the activity, e.g. 2026-11-05."), aliases=("活动日期",)),
    _village(),
    Column("site", "点位", "site", False, 18, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. The residential block, school, factory or other site, from the list; "
                         "it must belong to the village."), aliases=("地点点位", "小区学校企业")),
    Column("kind", "活动类型", "kind", True, 16, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. Choose the kind of activity from the list."), aliases=("类型", "宣传形式")),
    Column("quantity", "数量", "int", True, 8, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. A whole number of at least 1: pieces hung or put up, events held, copies "
                         "handed out, households visited."), minimum=1),
    Column("people", "覆盖人数", "int", False, 10, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. People reached, a whole number of 0 or more."), aliases=("人数", "参与人数")),
    Column("member_unit", "组织单位", "unit", False, 16, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. The member unit that organised it, from the list."), aliases=("成员单位",)),
    Column("audiences", "宣传对象", "audiences", False, 18, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. One or more audience groups from the list; separate several with 、"),
        aliases=("对象",)),
    Column("topics", "诈骗类型", "topics", False, 20, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. One or more fraud topics from the list; separate several with 、"),
        aliases=("宣传主题", "主题")),
    Column("place_note", "地点说明", "text", False, 20, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. Where exactly, e.g. the gate of the village committee; at most 200 characters."),
        max_length=200, aliases=("具体地点",)),
    _notes(5000),
))

SURVEYS = Table("surveys", "问卷调查", "survey", QT_TRANSLATE_NOOP("EntryWorkbook", "Awareness surveys"), (
    _record_key(),
    Column("date", "调查日期", "date", True, 12, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. The day of the survey, e.g. 2026-11-05."), aliases=("日期",)),
    _village(),
    Column("respondents", "调查人数", "int", True, 10, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. How many people answered, a whole number of 0 or more."),
        aliases=("受访人数",)),
    Column("aware", "知晓人数", "int", True, 10, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. How many answered correctly; not more than the people asked."),
        aliases=("答对人数",)),
    Column("method", "调查方式", "method", False, 14, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. How the survey was done, from the list; a paper questionnaire when empty."),
        aliases=("方式",)),
    _notes(2000),
))

LETTERS = Table("letters", "家长信", "parent_letter", QT_TRANSLATE_NOOP("EntryWorkbook", "Parent letters"), (
    _record_key(),
    Column("date", "发放日期", "date", True, 12, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. The day the letters were handed out, e.g. 2026-11-05."), aliases=("日期",)),
    _village(),
    Column("school", "学校", "school", True, 18, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. The school, from the list; it must belong to the village."),
        aliases=("学校名称", "点位")),
    Column("class_name", "班级", "text", False, 10, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. The class, when letters are counted class by class; at most 50 characters."),
        max_length=50),
    Column("students", "学生数", "int", True, 10, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. Students of the school (or class), a whole number of at least 1."),
        minimum=1, aliases=("学生人数",)),
    Column("issued", "发放份数", "int", True, 10, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Required. Letters handed out; not more than the students."), aliases=("发放数",)),
    Column("signed", "签回份数", "int", False, 10, QT_TRANSLATE_NOOP(
        "EntryWorkbook", "Optional. Letters signed by a parent and returned; not more than the letters handed out."),
        aliases=("签回数", "回执份数")),
    _notes(2000),
))

TABLES = (ACTIVITIES, SURVEYS, LETTERS)

_IGNORED = re.compile(r"[\s*＊:：]+")


def normalise_header(text) -> str:
    """A header as compared: NFKC (full-width to half-width), no spaces, stars or colons, lower case."""
    if text is None:
        return ""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def header_lookup(table: Table) -> dict[str, str]:
    """Every accepted spelling of every header of ``table`` → column key."""
    lookup: dict[str, str] = {}
    for column in table.columns:
        for spelling in (column.header, column.key, *column.aliases):
            lookup.setdefault(normalise_header(spelling), column.key)
    return lookup


def table_for_sheet(name: str) -> Table | None:
    wanted = normalise_header(name)
    for table in TABLES:
        if normalise_header(table.sheet) == wanted or wanted == table.key:
            return table
    return None
