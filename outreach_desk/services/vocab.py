"""Fixed vocabularies: village and site kinds, audience groups and fraud topics.

Codes are stored; labels are English source strings translated through Qt. Audiences and
topics are stored as bit masks so that SQL can aggregate them (``audiences & bit``) on SQLite
and PostgreSQL alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate

CONTEXT = "Vocab"


@dataclass(frozen=True)
class Term:
    code: str
    label_source: str
    bit: int = 0

    @property
    def label(self) -> str:
        return translate(CONTEXT, self.label_source)


VILLAGE_KINDS = (
    Term("village", QT_TRANSLATE_NOOP("Vocab", "Village")),
    Term("community", QT_TRANSLATE_NOOP("Vocab", "Community")),
)

SITE_KINDS = (
    Term("residential_block", QT_TRANSLATE_NOOP("Vocab", "Residential block")),
    Term("factory", QT_TRANSLATE_NOOP("Vocab", "Factory / enterprise")),
    Term("school", QT_TRANSLATE_NOOP("Vocab", "School")),
    Term("market", QT_TRANSLATE_NOOP("Vocab", "Market")),
    Term("business_outlet", QT_TRANSLATE_NOOP("Vocab", "Business outlet")),
    Term("public_place", QT_TRANSLATE_NOOP("Vocab", "Public place")),
    Term("other", QT_TRANSLATE_NOOP("Vocab", "Other")),
)

AUDIENCES = (
    Term("rural_residents", QT_TRANSLATE_NOOP("Vocab", "Rural residents"), 1),
    Term("self_employed", QT_TRANSLATE_NOOP("Vocab", "Self-employed"), 2),
    Term("students", QT_TRANSLATE_NOOP("Vocab", "Students"), 4),
    Term("migrant_workers", QT_TRANSLATE_NOOP("Vocab", "Migrant workers"), 8),
    Term("elderly", QT_TRANSLATE_NOOP("Vocab", "Elderly"), 16),
)

TOPICS = (
    Term("fake_poverty_relief", QT_TRANSLATE_NOOP("Vocab", "Fake poverty relief"), 1),
    Term("impersonating_officials", QT_TRANSLATE_NOOP("Vocab", "Impersonating police or officials"), 2),
    Term("high_return_fundraising", QT_TRANSLATE_NOOP("Vocab", "High-return fundraising"), 4),
    Term("wechat_sms_scams", QT_TRANSLATE_NOOP("Vocab", "WeChat / SMS scams"), 8),
    Term("impersonating_relatives", QT_TRANSLATE_NOOP("Vocab", "Impersonating relatives"), 16),
    Term("elderly_health_products", QT_TRANSLATE_NOOP("Vocab", "Health products for the elderly"), 32),
)

SITE_ATTRIBUTES = ("entrances", "elevators", "households", "residents", "students", "classes")
SITE_ATTRIBUTE_LABELS = {
    "entrances": QT_TRANSLATE_NOOP("Vocab", "Entrances"),
    "elevators": QT_TRANSLATE_NOOP("Vocab", "Elevators"),
    "households": QT_TRANSLATE_NOOP("Vocab", "Households"),
    "residents": QT_TRANSLATE_NOOP("Vocab", "Residents"),
    "students": QT_TRANSLATE_NOOP("Vocab", "Students"),
    "classes": QT_TRANSLATE_NOOP("Vocab", "Classes"),
}


def attribute_label(attribute: str) -> str:
    return translate(CONTEXT, SITE_ATTRIBUTE_LABELS[attribute])


def label(terms: tuple[Term, ...], code: str) -> str:
    for term in terms:
        if term.code == code:
            return term.label
    return code


def mask_of(terms: tuple[Term, ...], codes) -> int:
    bits = {t.code: t.bit for t in terms}
    mask = 0
    for code in codes:
        if code not in bits:
            raise ValueError(f"unknown code {code!r}")
        mask |= bits[code]
    return mask


def codes_of(terms: tuple[Term, ...], mask: int) -> list[str]:
    return [t.code for t in terms if mask & t.bit]


def labels_of(terms: tuple[Term, ...], mask: int) -> list[str]:
    return [t.label for t in terms if mask & t.bit]
