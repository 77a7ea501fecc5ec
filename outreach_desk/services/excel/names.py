"""Names in the entry workbook: fixed vocabularies in Chinese, and how typed names are compared.

The workbook is a Chinese file format whatever the clerk's interface language, so its drop-down
values come from the shipped Simplified Chinese translation (read with a translator of its own,
not the installed one). Reading accepts the Chinese label, the English label and the code.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from outreach_desk.services import vocab

_SPACES = re.compile(r"\s+")
MULTI_SEPARATORS = re.compile(r"[、，,;；/|\n]+")


@functools.lru_cache(maxsize=8192)
def normalise_name(text) -> str:
    """How names are compared: NFKC (full-width to half-width), no whitespace, case-folded."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", str(text))).casefold()


@functools.lru_cache(maxsize=1)
def _chinese_translator():
    from PySide6.QtCore import QTranslator

    from outreach_desk.paths import resources_dir

    translator = QTranslator()
    translator.load("outreach_desk_zh_CN", str(resources_dir() / "translations"))
    return translator


def chinese(context: str, source: str) -> str:
    """The shipped Chinese for an English source string (the source itself when untranslated)."""
    return _chinese_translator().translate(context, source) or source


def _spellings(context: str, code: str, source: str) -> set[str]:
    return {normalise_name(s) for s in (code, source, chinese(context, source)) if s}


class Choices:
    """A fixed vocabulary: Chinese labels for the workbook, every accepted spelling for reading."""

    def __init__(self, context: str, items: list[tuple[str, str]]):
        self.labels = [chinese(context, source) for _code, source in items]
        self.code_list = [code for code, _source in items]
        self._lookup: dict[str, str] = {}
        for code, source in items:
            for spelling in _spellings(context, code, source):
                self._lookup.setdefault(spelling, code)
        self._label_of = dict(zip(self.code_list, self.labels))
        joined = {unicodedata.normalize("NFKC", label): code for code, label in self._label_of.items()
                  if MULTI_SEPARATORS.search(unicodedata.normalize("NFKC", label))}
        self._joined = sorted(joined.items(), key=lambda item: -len(item[0]))

    def code(self, text: str) -> str | None:
        return self._lookup.get(normalise_name(text))

    def codes(self, text: str) -> tuple[list[str], list[str]]:
        """(codes, unknown parts) of a multiple choice such as "老年人、在校学生".

        Labels that themselves hold a separator (微信、短信诈骗) are taken out whole before splitting.
        """
        remaining = unicodedata.normalize("NFKC", text)
        found = []
        for label, code in self._joined:
            if label in remaining:
                found.append(code)
                remaining = remaining.replace(label, "、")
        unknown = []
        for part in split_multi(remaining):
            code = self.code(part)
            if code is None:
                unknown.append(part)
            elif code not in found:
                found.append(code)
        return found, unknown

    def label(self, code: str) -> str:
        return self._label_of.get(code, code)


@functools.lru_cache(maxsize=1)
def audiences() -> Choices:
    return Choices(vocab.CONTEXT, [(t.code, t.label_source) for t in vocab.AUDIENCES])


@functools.lru_cache(maxsize=1)
def topics() -> Choices:
    return Choices(vocab.CONTEXT, [(t.code, t.label_source) for t in vocab.TOPICS])


@functools.lru_cache(maxsize=1)
def survey_methods() -> Choices:
    from outreach_desk.services.coverage import surveys

    return Choices(surveys.CONTEXT, list(surveys.METHODS.items()))


def split_multi(text: str) -> list[str]:
    return [part for part in (p.strip() for p in MULTI_SEPARATORS.split(text)) if part]
