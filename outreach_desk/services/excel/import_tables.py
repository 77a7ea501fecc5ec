"""One row of each entry table → the record it stands for, or every problem with it, per cell.

The services own the rules. A row is checked by the service's own ``validate`` twice over:
once for its values with the references blanked out (so the call costs no query), and once per
distinct village/site, kind, unit or school (memoised: a handful of queries for a whole file).
Names are resolved in memory by :class:`resolve.OrgIndex`. Ten thousand rows therefore cost a
few queries, not forty thousand. Problems in cells that could not be read are not reported a
second time by the service check: the service sees a harmless stand-in value there instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from outreach_desk.i18n import translate
from outreach_desk.services import ledger, vocab
from outreach_desk.services.coverage import letters, surveys
from outreach_desk.services.excel import cells, names
from outreach_desk.services.excel.cells import CellError
from outreach_desk.services.excel.layout import ACTIVITIES, LETTERS, SURVEYS, Table
from outreach_desk.services.excel.resolve import OrgIndex, Resolved, closest

CONTEXT = "ExcelImport"
BAD = object()  # a cell whose value could not be used (its problem is recorded already)


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass
class RowResult:
    """What one row became: the values to insert (None when it has problems), problems by column."""

    values: dict | None
    record_no: str
    village_id: int | None
    problems: list[tuple[str, str]] = field(default_factory=list)


class _Row:
    """Reads the cells of one row by column key, collecting (column key, message) problems."""

    __slots__ = ("cells", "problems", "_required")

    def __init__(self, cells_by_key: dict, required_message: str):
        self.cells = cells_by_key
        self.problems: list[tuple[str, str]] = []
        self._required = required_message

    def problem(self, key: str, message: str) -> None:
        self.problems.append((key, message))

    def get(self, key: str, convert, required: bool = False):
        try:
            value = convert(self.cells.get(key))
        except CellError as exc:
            self.problems.append((key, str(exc)))
            return BAD
        if required and (value is None or value == ""):
            self.problems.append((key, self._required))
            return BAD
        return value

    def resolved(self, key: str, found: Resolved):
        if found.id is None:
            self.problems.append((key, found.message))
            return BAD
        return found.id

    def bad(self) -> set[str]:
        return {key for key, _message in self.problems}


def usable(value) -> bool:
    return value is not BAD and value is not None


def memoised(convert):
    """``convert`` remembered per distinct cell value: a file repeats its dates and choices thousands of times."""
    memo: dict = {}

    def converted(value):
        try:
            hit = memo.get(value)
        except TypeError:  # an unhashable value; never seen from a reader, but stay correct
            return convert(value)
        if hit is None:
            try:
                hit = memo[value] = (True, convert(value))
            except CellError as exc:
                hit = memo[value] = (False, str(exc))
        if hit[0]:
            return hit[1]
        raise CellError(hit[1])

    return converted


class TableRows:
    """Base of the three tables: name lookups, memoised reference checks, service error mapping."""

    table: Table
    field_to_column: dict[str, str] = {}
    reference_fields: frozenset[str] = frozenset()

    def __init__(self, index: OrgIndex, today: dt.date):
        self.index = index
        self.today = today
        self.required_message = _tr("This column must be filled in.")
        self._reference_memo: dict[tuple, list] = {}
        self.date = memoised(cells.date)
        self._masks: dict[tuple[str, str], tuple[int | None, str]] = {}

    def new_row(self, cells_by_key: dict) -> _Row:
        return _Row(cells_by_key, self.required_message)

    def service_errors(self, row: _Row, errors) -> None:
        """Report the service's value errors, except on references and on cells already reported."""
        if not errors:
            return
        skip = row.bad()
        for error in errors:
            column = self.field_to_column.get(error.field, error.field)
            if error.field not in self.reference_fields and column not in skip:
                row.problem(column, error.message)

    def reference_errors(self, row: _Row, key: tuple, check, fields: set[str]) -> None:
        """The service's errors on ``fields`` for one reference, checked once per distinct ``key``."""
        found = self._reference_memo.get(key)
        if found is None:
            found = self._reference_memo[key] = [e for e in check() if e.field in fields]
        for error in found:
            row.problem(self.field_to_column.get(error.field, error.field), error.message)

    def village(self, row: _Row):
        name = row.get("village", cells.text, required=True)
        return BAD if name is BAD else row.resolved("village", self.index.cached("village", name))

    def mask(self, row: _Row, key: str, terms: tuple, choices: names.Choices):
        """A multiple choice (audiences, topics) as the bit mask the ledger stores."""
        typed = row.get(key, cells.text)
        if typed is BAD or not typed:
            return 0 if typed == "" else BAD
        found = self._masks.get((key, typed))
        if found is None:
            codes, unknown = choices.codes(typed)
            found = self._masks[(key, typed)] = ((None, not_in_list(unknown[0], choices)) if unknown
                                                 else (vocab.mask_of(terms, codes), ""))
        if found[0] is None:
            row.problem(key, found[1])
            return BAD
        return found[0]

    def convert(self, cells_by_key: dict) -> RowResult:
        raise NotImplementedError


def not_in_list(value: str, choices: names.Choices) -> str:
    suggestion = closest(value, {names.normalise_name(label): label for label in choices.labels})
    if suggestion:
        return _tr("“{value}” is not in the list. Did you mean “{suggestion}”?").format(
            value=cells.shown(value), suggestion=suggestion)
    return _tr("“{value}” is not in the list; choose from: {choices}.").format(
        value=cells.shown(value), choices="、".join(choices.labels))


def _result(row: _Row, record_no, village_id, values: dict) -> RowResult:
    number = record_no if isinstance(record_no, str) else ""
    if row.problems:
        return RowResult(None, number, village_id if isinstance(village_id, int) else None, row.problems)
    return RowResult(values, number, village_id)


class ActivityRows(TableRows):
    """References are checked one by one (village with site, kind, unit), so the memo stays small."""

    table = ACTIVITIES
    reference_fields = frozenset({"village", "site", "kind", "member_unit"})

    def __init__(self, index: OrgIndex, today: dt.date):
        super().__init__(index, today)
        self._combined: dict[tuple, list[tuple[str, str]]] = {}

    def _probe(self, **references) -> ledger.ActivityInput:
        return ledger.ActivityInput(**{"date": self.today, "village_id": 0, "kind_id": 0, **references})

    def _reference_problems(self, village_id, site_id, kind_id, unit_id) -> list[tuple[str, str]]:
        """The ledger's verdict on one combination of references, built from one check per reference."""
        probe = self.new_row({})
        if village_id is not BAD and site_id is not BAD:
            self.reference_errors(probe, ("place", village_id, site_id), lambda: ledger.validate(
                self._probe(village_id=village_id, site_id=site_id)), {"village", "site"})
        if usable(kind_id):
            self.reference_errors(probe, ("kind", kind_id), lambda: ledger.validate(self._probe(kind_id=kind_id)),
                                  {"kind"})
        if usable(unit_id):
            self.reference_errors(probe, ("unit", unit_id), lambda: ledger.validate(
                self._probe(member_unit_id=unit_id)), {"member_unit"})
        return probe.problems

    def convert(self, cells_by_key: dict) -> RowResult:
        row = self.new_row(cells_by_key)
        record_no = row.get("record_no", cells.record_number)
        day = row.get("date", self.date, required=True)
        village_id = self.village(row)
        site_name = row.get("site", cells.text)
        site_id = None
        if site_name and site_name is not BAD and village_id is not BAD:
            site_id = row.resolved("site", self.index.cached("site", village_id, site_name))
        kind_name = row.get("kind", cells.text, required=True)
        kind_id = BAD if kind_name is BAD else row.resolved("kind", self.index.cached("kind", kind_name))
        quantity = row.get("quantity", cells.whole_number, required=True)
        people = row.get("people", cells.whole_number)
        unit_name = row.get("member_unit", cells.text)
        unit_id = None
        if unit_name and unit_name is not BAD:
            unit_id = row.resolved("member_unit", self.index.cached(
                "member_unit", unit_name, village_id if village_id is not BAD else None))
        audiences = self.mask(row, "audiences", vocab.AUDIENCES, names.audiences())
        topics = self.mask(row, "topics", vocab.TOPICS, names.topics())
        place_note = row.get("place_note", cells.text)
        notes = row.get("notes", cells.text)
        self.service_errors(row, ledger.validate(ledger.ActivityInput(
            date=day if usable(day) else self.today, village_id=0, kind_id=0,
            quantity=quantity if usable(quantity) else 1, people=people if usable(people) else 0,
            place_note=place_note if place_note is not BAD else "", notes=notes if notes is not BAD else ""),
            today=self.today))
        references = (village_id, site_id, kind_id, unit_id)
        found = self._combined.get(references)
        if found is None:
            found = self._combined[references] = self._reference_problems(village_id, site_id, kind_id, unit_id)
        row.problems.extend(found)
        return _result(row, record_no, village_id, {
            "date": day, "village": village_id, "site": site_id, "member_unit": unit_id, "kind": kind_id,
            "quantity": quantity, "people": people or 0, "audiences": audiences, "topics": topics,
            "place_note": place_note, "notes": notes})


class SurveyRows(TableRows):
    table = SURVEYS
    reference_fields = frozenset({"village"})

    def convert(self, cells_by_key: dict) -> RowResult:
        row = self.new_row(cells_by_key)
        record_no = row.get("record_no", cells.record_number)
        day = row.get("date", self.date, required=True)
        village_id = self.village(row)
        respondents = row.get("respondents", cells.whole_number, required=True)
        aware = row.get("aware", cells.whole_number, required=True)
        method_text = row.get("method", cells.text)
        method = "questionnaire"
        if method_text and method_text is not BAD:
            method = names.survey_methods().code(method_text) or BAD
            if method is BAD:
                row.problem("method", not_in_list(method_text, names.survey_methods()))
        notes = row.get("notes", cells.text)
        probe_aware = aware if usable(aware) else 0
        self.service_errors(row, surveys.validate(surveys.SurveyInput(
            village_id=0, date=day if usable(day) else self.today,
            respondents=respondents if usable(respondents) else probe_aware, aware=probe_aware,
            method=method if method is not BAD else "questionnaire", notes=notes if notes is not BAD else "")))
        if village_id is not BAD:
            self.reference_errors(row, (village_id,), lambda: surveys.validate(surveys.SurveyInput(
                village_id=village_id, date=self.today, respondents=0, aware=0)), {"village"})
        return _result(row, record_no, village_id, {
            "village": village_id, "date": day, "respondents": respondents, "aware": aware, "method": method,
            "notes": notes})


class LetterRows(TableRows):
    table = LETTERS
    field_to_column = {"site": "school"}
    reference_fields = frozenset({"site"})

    def convert(self, cells_by_key: dict) -> RowResult:
        row = self.new_row(cells_by_key)
        record_no = row.get("record_no", cells.record_number)
        day = row.get("date", self.date, required=True)
        village_id = self.village(row)
        school = row.get("school", cells.text, required=True)
        site_id = BAD
        if school is not BAD and village_id is not BAD:
            site_id = row.resolved("school", self.index.cached("site", village_id, school, True))
        class_name = row.get("class_name", cells.text)
        students = row.get("students", cells.whole_number, required=True)
        issued = row.get("issued", cells.whole_number, required=True)
        signed = row.get("signed", cells.whole_number)
        notes = row.get("notes", cells.text)
        probe_signed = signed if usable(signed) else 0
        probe_issued = issued if usable(issued) else probe_signed
        self.service_errors(row, letters.validate(letters.LetterInput(
            site_id=0, date=day if usable(day) else self.today,
            students=students if usable(students) else max(probe_issued, 1), issued=probe_issued,
            signed=probe_signed, class_name=class_name if class_name is not BAD else "",
            notes=notes if notes is not BAD else "")))
        if site_id is not BAD:
            self.reference_errors(row, (site_id,), lambda: letters.validate(letters.LetterInput(
                site_id=site_id, date=self.today, students=1, issued=0)), {"site"})
        return _result(row, record_no, village_id, {
            "site": site_id, "class_name": class_name, "date": day, "students": students, "issued": issued,
            "signed": signed or 0, "notes": notes})


IMPORTERS = {ACTIVITIES.key: ActivityRows, SURVEYS.key: SurveyRows, LETTERS.key: LetterRows}
