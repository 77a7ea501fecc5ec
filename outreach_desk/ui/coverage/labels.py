"""Short column headers for target rules, so a villages × rules matrix fits a clerk's screen.

Rule names are whole sentences from the plans ("每个居民小区、工厂至少悬挂1条横幅"); as headers they
would be cut to nonsense. The default rules get a short label of their own (the full name stays in
the tooltip); a rule the clerk added gets its name broken over a few short lines instead. A second
header line names the units the percentage is taken over (村（社区）, 小区、工厂, 学校 …).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import vocab
from outreach_desk.services.coverage.rules import MEASURE_LABELS, PERIOD_LABELS, Rule, label

CONTEXT = "CoverageLabels"

SHORT_LABELS = {
    "column_per_village": QT_TRANSLATE_NOOP("CoverageLabels", "Columns"),
    "info_point_per_village": QT_TRANSLATE_NOOP("CoverageLabels", "Info points"),
    "column_per_member_unit": QT_TRANSLATE_NOOP("CoverageLabels", "Unit columns"),
    "info_point_per_member_unit": QT_TRANSLATE_NOOP("CoverageLabels", "Unit info points"),
    "banner_per_block": QT_TRANSLATE_NOOP("CoverageLabels", "Banners"),
    "display_window_per_block": QT_TRANSLATE_NOOP("CoverageLabels", "Display windows"),
    "poster_per_entrance_elevator": QT_TRANSLATE_NOOP("CoverageLabels", "Posters"),
    "monthly_event_per_village": QT_TRANSLATE_NOOP("CoverageLabels", "Monthly events"),
    "prize_quiz_per_village": QT_TRANSLATE_NOOP("CoverageLabels", "Prize quizzes"),
    "parent_letters_signed": QT_TRANSLATE_NOOP("CoverageLabels", "Parent letters"),
    "awareness_rate": QT_TRANSLATE_NOOP("CoverageLabels", "Awareness"),
    "household_reach": QT_TRANSLATE_NOOP("CoverageLabels", "Home visits"),
    "class_meeting_per_school": QT_TRANSLATE_NOOP("CoverageLabels", "Class meetings"),
    "board_per_school": QT_TRANSLATE_NOOP("CoverageLabels", "School boards"),
}

UNIT_LABELS = {
    "village": QT_TRANSLATE_NOOP("CoverageLabels", "villages"),
    "member_unit": QT_TRANSLATE_NOOP("CoverageLabels", "member units"),
}
SITE_KIND_LABELS = {
    "residential_block": QT_TRANSLATE_NOOP("CoverageLabels", "blocks"),
    "factory": QT_TRANSLATE_NOOP("CoverageLabels", "factories"),
    "school": QT_TRANSLATE_NOOP("CoverageLabels", "schools"),
    "market": QT_TRANSLATE_NOOP("CoverageLabels", "markets"),
    "business_outlet": QT_TRANSLATE_NOOP("CoverageLabels", "outlets"),
    "public_place": QT_TRANSLATE_NOOP("CoverageLabels", "public places"),
    "other": QT_TRANSLATE_NOOP("CoverageLabels", "other sites"),
}
#: a rule's own name is broken into lines of this many characters (Chinese) for its header
LINE_CHARS = 6
MAX_LINES = 3


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def units_label(rule: Rule) -> str:
    """The units a rule's percentage is taken over, short: "villages", "blocks, factories", "sites"."""
    if rule.applies_to != "site":
        return _tr(UNIT_LABELS.get(rule.applies_to, rule.applies_to))
    if len(rule.site_kinds) > 2:
        return _tr("sites")
    return _tr("{first}, {second}").format(first=_tr(SITE_KIND_LABELS.get(rule.site_kinds[0], "other")),
                                           second=_tr(SITE_KIND_LABELS.get(rule.site_kinds[1], "other"))) \
        if len(rule.site_kinds) == 2 else _tr(SITE_KIND_LABELS.get(rule.site_kinds[0], "other"))


def short_label(rule: Rule) -> str:
    """A few characters naming the rule: the default rules' own, or the rule's name in short lines."""
    if rule.key in SHORT_LABELS:
        return _tr(SHORT_LABELS[rule.key])
    return wrapped(rule.name)


def wrapped(name: str) -> str:
    if " " in name.strip():  # a name with words (English): break at spaces, not inside words
        lines, line = [], ""
        for word in name.split():
            if line and len(line) + 1 + len(word) > LINE_CHARS * 2:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
    else:
        lines = [name[i:i + LINE_CHARS] for i in range(0, len(name), LINE_CHARS)]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][:-1] + "…"
    return "\n".join(lines)


def header(rule: Rule) -> str:
    return f"{short_label(rule)}\n{units_label(rule)}"


def header_tooltip(rule: Rule) -> str:
    """The rule in full: its name, what counts, the quota and the period it is judged over."""
    return _tr("{name}\nMeasured: {measure}; quota per unit: {quota}; judged: {period}\n"
               "Cells show the completion rate: the mean over the units of min(done, required) / required.").format(
        name=rule.name, measure=label(MEASURE_LABELS, rule.measure), quota=quota_text(rule),
        period=label(PERIOD_LABELS, rule.period))


def quota_text(rule: Rule) -> str:
    """The quota expression with the attributes named as the clerk knows them ("出入口 + 电梯")."""
    def named(match: re.Match) -> str:
        word = match.group(0)
        return vocab.attribute_label(word) if word in vocab.SITE_ATTRIBUTE_LABELS else word

    return re.sub(r"[A-Za-z_][A-Za-z0-9_]*", named, rule.quota)
