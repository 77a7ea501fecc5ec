"""The monthly report to the county: one workbook, six printed forms, the engine's own figures.

Sheets: 汇总 (per village figures and township totals, the index bar chart, the dashboard's charts
as pictures), 达标情况 (villages x target rules), 问题清单 (the gap list), 活动台账 (the month's
activities), 问卷调查 and 家长信. Figures come from ``coverage.engine.compute``, ``coverage.gaps``
and the coverage services, so the report, the coverage page and ``outreach-desk coverage`` agree.
Written in write-only (streaming) mode, so a large ledger needs little memory, to a temporary file
that replaces the target only when complete: a cancel or a failure leaves no file behind.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import current_language, translate
from outreach_desk.services import organisation, vocab
from outreach_desk.services.coverage import campaigns, case_measures, engine, gaps, letters, periods, surveys
from outreach_desk.services.coverage.periods import Period
from outreach_desk.services.excel import report_charts, report_data
from outreach_desk.services.excel.files import check_target, save_workbook
from outreach_desk.services.excel.report_form import (INTEGER, NOT_APPLICABLE, PERCENT, UNMET_PERCENT, BandedForm,
                                                      Column, SheetForm, Signatures, band_name, commonest_height,
                                                      fitted)

CONTEXT = "ExcelReport"
log = logging.getLogger(__name__)
PROGRESS_EVERY = 2_000
LEDGER_SAMPLE = 1_000   # the ledger's first rows, whose commonest height becomes the sheet's default
SHEET_TITLES = {
    "汇总": QT_TRANSLATE_NOOP("ExcelReport", "Summary"),
    "活动分类": QT_TRANSLATE_NOOP("ExcelReport", "Records by kind"),
    "图表": QT_TRANSLATE_NOOP("ExcelReport", "Charts"),
    "达标情况": QT_TRANSLATE_NOOP("ExcelReport", "Targets met"),
    "问题清单": QT_TRANSLATE_NOOP("ExcelReport", "What is still missing"),
    "活动台账": QT_TRANSLATE_NOOP("ExcelReport", "Activity ledger"),
    "问卷调查": QT_TRANSLATE_NOOP("ExcelReport", "Awareness surveys"),
    "家长信": QT_TRANSLATE_NOOP("ExcelReport", "Parent letters"),
}

Progress = Callable[[int, int, str], None]


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass
class ReportResult:
    path: Path
    period: Period
    villages: int
    gaps: int
    ledger_rows: int


def _townships(township_id: int | None) -> list:
    return [t for t in organisation.load_tree().townships if township_id is None or t.id == township_id]


def default_file_name(month: Period, township_id: int | None = None) -> str:
    """``<镇名>_反诈宣传月报_<YYYY-MM>.xlsx``; the county's report of several townships ``<县名>_…``."""
    from outreach_desk.services.county import office

    townships = _townships(township_id)
    name = townships[0].name if len(townships) == 1 else office.get().title
    return f"{name}_反诈宣传月报_{month.start:%Y-%m}.xlsx"


def build_report(path: str | Path, month: str | Period, *, township_id: int | None = None,
                 signatures: Signatures | None = None, progress: Progress | None = None) -> ReportResult:
    """Write the monthly report for ``month`` ("YYYY-MM" or a month period) to ``path``."""
    from openpyxl import Workbook

    report = progress or (lambda done, total, text="": None)
    period = periods.parse_month(month) if isinstance(month, str) else month
    campaign = campaigns.require_current(township_id)
    check_target(path)  # a missing folder or a planted link is said before the work, not after it
    report(0, 0, _tr("Computing coverage…"))
    result = engine.compute(period, campaign=campaign, scope=engine.Scope(township_id=township_id))
    gap_list = gaps.gap_list(result)
    if signatures is None:
        stored = organisation.office_identity(township_id)
        signatures = Signatures(stored.unit, stored.preparer, stored.reviewer)
    writer = _Writer(result, signatures, township_id)
    workbook = Workbook(write_only=True)
    try:
        writer.summary(workbook)
        writer.compliance(workbook)
        writer.gaps(workbook, gap_list)
        rows = writer.ledger(workbook, report)
        writer.surveys(workbook)
        writer.letters(workbook)
        from outreach_desk.services.supervision import report_sheets

        report_sheets.write(workbook, result, signatures, township_id)
        from outreach_desk.services.submission import revision_sheet

        revision_sheet.write(workbook, result, signatures, township_id)  # 修订, for a month sent before
        report(rows, rows, _tr("Saving the workbook…"))
        saved = save_workbook(workbook, path, writer.streamed())
    except BaseException:
        _discard(workbook)
        raise
    finally:
        for streamed in writer.streamed():
            streamed.close()
    return ReportResult(saved, period, len(result.villages), len(gap_list), rows)


def _discard(workbook) -> None:
    """Close and delete what openpyxl streamed of unsaved write-only sheets (else it stays in the temp folder
    until the program exits)."""
    for sheet in workbook.worksheets:
        if getattr(sheet, "closed", True):
            continue
        try:
            sheet.close()
            sheet._writer.cleanup()  # openpyxl 3.1: the sheet's temporary file
        except (OSError, ValueError, AttributeError):
            pass


def ledger_table(start, end, township_id: int | None = None, with_township: bool = False):
    """The rows of the 活动台账 sheet: every activity in [start, end] as shown (names, labels, dates)."""
    chinese = current_language() == "zh_CN"
    audiences: dict[int, str] = {}
    topics: dict[int, str] = {}
    for row in report_data.ledger_rows(start, end, township_id):
        (day, township, village, site, kind_zh, kind_en, quantity, unit_zh, unit_en, people, member_unit,
         audience_mask, topic_mask, place_note, notes, photos) = row
        if audience_mask not in audiences:
            audiences[audience_mask] = "、".join(vocab.labels_of(vocab.AUDIENCES, audience_mask))
        if topic_mask not in topics:
            topics[topic_mask] = "、".join(vocab.labels_of(vocab.TOPICS, topic_mask))
        yield [report_data.as_date(day)] + ([township] if with_township else []) + [
            village, site, kind_zh if chinese else kind_en, quantity, unit_zh if chinese else unit_en, people,
            member_unit, audiences[audience_mask], topics[topic_mask], place_note, notes, photos]


class _Writer:
    """Writes the six sheets of one coverage result."""

    def __init__(self, result: engine.CoverageResult, signatures: Signatures, township_id: int | None):
        self.result = result
        self.signatures = signatures
        self.period = result.period
        self.start, self.end = result.period.start, result.period.end
        self.township_id = township_id
        self.several = len(result.townships) > 1
        self.township_names = {t.id: t.name for t in result.townships}
        self.county = None  # the 全县合计 row's area and the months each township has not sent, in a county's report
        self.not_sent: dict[int, list[str]] = {}
        if self.several:
            from outreach_desk.services.county import status

            self.county = engine.county_area(result.townships, _tr("County total"))
            self.not_sent = status.townships_missing(f"{self.start:%Y-%m}", list(self.township_names))
        self.office = signatures.unit
        self.no_data = _tr("no data")
        self.forms: list[SheetForm] = []

    def form(self, workbook, sheet: str, columns, part: int = 0, **options) -> SheetForm:
        label = _tr(SHEET_TITLES[sheet])
        if part:
            label = _tr("{sheet} (continued)").format(sheet=label) if part == 1 else _tr(
                "{sheet} (continued, {n})").format(sheet=label, n=part)
        title = _tr("{office} anti-fraud outreach monthly report: {sheet} ({period})").format(
            office=self.office, sheet=label, period=self.period.label)
        form = SheetForm(workbook, band_name(sheet, part), title, columns, self.signatures, **options)
        self.forms.append(form)
        return form

    def streamed(self) -> list:
        """The rows of long tables written by ``streamed_rows`` (the ledger's, a long gap list's)."""
        return [form.streamed for form in self.forms if form.streamed is not None]

    def place_columns(self, names) -> list:
        columns = [fitted(_tr("Township"), self.township_names.values())] if self.several else []
        return columns + [fitted(_tr("Village / community"), names)]

    def place(self, township_id: int, name: str) -> list:
        return ([self.township_names.get(township_id, "")] if self.several else []) + [name]

    # --- 汇总 ---------------------------------------------------------------------------------

    def summary(self, workbook) -> None:
        """汇总 (records, people, index and awareness per village), 活动分类 (records per kind) and 图表."""
        totals = report_data.activity_totals(self.start, self.end, self.township_id)
        awareness = surveys.figures_by_village(self.start, self.end, self.township_id)
        villages = self.result.villages
        places = self.place_columns([v.name for v in villages])
        columns = places + [
            fitted(_tr("Records"), minimum=9), fitted(_tr("People reached"), minimum=10),
            fitted(_tr("Compliance index"), minimum=10), fitted(_tr("Awareness rate"), minimum=10),
            fitted(_tr("Respondents"), minimum=9)]
        if self.not_sent:
            from outreach_desk.services.county.status import months_text

            sent_texts = {t: _tr("not sent: {months}").format(months=months_text(m)) for t, m in self.not_sent.items()}
            columns.append(fitted(_tr("Packages"), sent_texts.values(), minimum=12, maximum=30))
        form = self.form(workbook, "汇总", columns)
        first = len(places)
        formats = {first: INTEGER, first + 1: INTEGER, first + 2: PERCENT, first + 3: PERCENT, first + 4: INTEGER}
        first_row = form.row + 1
        extra = [""] if self.not_sent else []
        for village in villages:
            data = totals.get(village.id, report_data.VillageTotals())
            figures = awareness.get(village.id, surveys.AwarenessFigures(0, 0))
            form.add(self.place(village.township_id, village.name)
                     + [data.records, data.people, village.index, self._rate(figures), figures.respondents] + extra,
                     formats)
        last_row = form.row
        for area, members in self._total_areas():
            pooled = surveys.AwarenessFigures(sum(awareness[v.id].respondents for v in members if v.id in awareness),
                                              sum(awareness[v.id].aware for v in members if v.id in awareness))
            sent = ([sent_texts.get(area.id, "")] if area is not self.county else [""]) if self.not_sent else []
            form.add(self._total_place(area) + [
                sum(totals[v.id].records for v in members if v.id in totals),
                sum(totals[v.id].people for v in members if v.id in totals),
                area.index, self._rate(pooled), pooled.respondents] + sent, formats, total=True,
                warn=[len(columns) - 1] if sent and sent[0] else ())
        note = _tr("The compliance index is the mean fulfilment of the campaign's targets (see 达标情况); the "
                   "awareness rate pools the surveys of the month. Records by kind: see 活动分类; charts: 图表.")
        if self.county is not None:
            note += _tr(" County total: records and people are the townships' sums, the index is the mean of the "
                        "townships' indexes (each township weighs the same) and the awareness rate pools every "
                        "township's surveys.")
        if self.not_sent:
            note += _tr(" A township whose packages of earlier months were never imported lacks their records: "
                        "its figures over the campaign are low until they are.")
        form.finish(note)
        self.by_kind(workbook, totals)
        report_charts.write(self.form(workbook, "图表", [Column("", 10)] * 14, headers=False), self.result,
                            self.township_id, (form.sheet, first + 3, first, first_row, last_row))

    def _total_areas(self) -> list:
        """(area, its villages) of the total rows: each township's, then the county's when there are several."""
        villages = self.result.villages
        found = [(t, [v for v in villages if v.township_id == t.id]) for t in self.result.townships]
        return found + ([(self.county, villages)] if self.county is not None else [])

    def _total_place(self, area) -> list:
        if area is self.county:
            return [self.county.name, ""]
        return ([area.name] if self.several else []) + [_tr("{township} total").format(township=area.name)]

    def banded(self, workbook, sheet: str, columns: list, keep: int, tail: int = 0, **options) -> BandedForm:
        """``columns`` on as many sheets as the printed page needs (``report_form.bands``)."""
        return BandedForm(lambda number, part: self.form(workbook, sheet, part, part=number, **options),
                          columns, keep, tail)

    def by_kind(self, workbook, totals: dict) -> None:
        """活动分类: the month's records per village and kind, in as many column bands as the page needs."""
        used = {kind for village in totals.values() for kind in village.records_by_kind}
        kinds = [k for k in organisation.list_kinds() if k.id in used]
        villages = self.result.villages
        places = self.place_columns([v.name for v in villages])
        columns = places + [fitted(k.name, minimum=8, maximum=10) for k in kinds] + [
            fitted(_tr("Records"), minimum=9)]
        form = self.banded(workbook, "活动分类", columns, len(places), tail=1)
        formats = {i: INTEGER for i in range(len(places), len(columns))}
        for village in villages:
            data = totals.get(village.id, report_data.VillageTotals())
            form.add(self.place(village.township_id, village.name)
                     + [data.records_by_kind.get(k.id, 0) for k in kinds] + [data.records], formats)
        for area, members in self._total_areas():
            found = [totals[v.id] for v in members if v.id in totals]
            records = [sum(m.records_by_kind.get(k.id, 0) for m in found) for k in kinds]
            form.add(self._total_place(area) + records + [sum(records)], formats, total=True)
        form.finish(_tr("Activity records of the month by kind."))

    def _rate(self, figures: surveys.AwarenessFigures):
        return figures.rate if figures.has_data else self.no_data

    # --- 达标情况 -----------------------------------------------------------------------------

    def compliance(self, workbook) -> None:
        rules = self.result.rules
        places = self.place_columns([v.name for v in self.result.villages])
        columns = places + [fitted(r.name, minimum=13, maximum=13) for r in rules] + [
            fitted(_tr("Compliance index"), minimum=10)]
        form = self.banded(workbook, "达标情况", columns, len(places), tail=1)
        rates = self._awareness_pools()
        for village in self.result.villages:
            self._compliance_row(form, self.place(village.township_id, village.name), village, len(places),
                                 rates.get(("village", village.id), {}))
        for township in self.result.townships:
            self._compliance_row(form, self._total_place(township), township, len(places),
                                 rates.get(("township", township.id), {}), total=True)
        if self.county is not None:
            self._compliance_row(form, self._total_place(self.county), self.county, len(places),
                                 rates.get(("county", 0), {}), total=True)
        form.finish(_tr("Each cell is the fulfilment of the target in that village (min(done, required) / required, "
                        "averaged over its units); an awareness target shows the surveyed rate itself, as on 问卷调查 "
                        "(pooled for the township); × and red mark a target not met; — means not applicable."))

    def _awareness_pools(self) -> dict:
        """(area kind, area id) -> rule key -> [respondents, aware, quota] of the awareness targets, pooled from
        the engine's own assessments (so the rate is that of 问卷调查 and the gap list)."""
        pools: dict = {}
        keys = {r.key for r in self.result.rules if r.measure == "awareness"}
        for unit in self.result.units:
            if unit.rule_key not in keys:
                continue
            for assessment in unit.assessments:
                if not assessment.applicable:
                    continue
                for area in (("village", unit.village_id), ("township", unit.township_id), ("county", 0)):
                    pool = pools.setdefault(area, {}).setdefault(unit.rule_key, [0, 0, assessment.quota])
                    pool[0] += assessment.details.get("respondents") or 0
                    pool[1] += assessment.details.get("aware") or 0
        return pools

    def _compliance_row(self, form: BandedForm, place: list, area, first: int, rates: dict,
                        total: bool = False) -> None:
        values, formats, warn = list(place), {}, []
        for position, rule in enumerate(self.result.rules, first):
            cell = area.cell(rule.key)
            if cell is None or not cell.assessed:
                values.append(NOT_APPLICABLE)
                continue
            if rule.key in rates:
                respondents, aware, quota = rates[rule.key]
                values.append(aware / respondents if respondents else self.no_data)
                unmet = not respondents or 100 * aware < quota * respondents
            else:
                values.append(cell.fulfilment)
                unmet = cell.met < cell.assessed
            formats[position] = UNMET_PERCENT if unmet else PERCENT
            if unmet:
                warn.append(position)
        values.append(area.index)
        formats[len(values) - 1] = PERCENT
        form.add(values, formats, warn=warn, total=total)

    # --- 问题清单 -----------------------------------------------------------------------------

    def gaps(self, workbook, gap_list: list) -> None:
        columns = [fitted(_tr("No."), minimum=5)] + self.place_columns([g.village_name for g in gap_list[:500]]) + [
            fitted(_tr("Target"), [g.rule_name for g in gap_list[:500]], maximum=30),
            fitted(_tr("Unit"), [g.unit_name for g in gap_list[:500]], maximum=18),
            fitted(_tr("Period"), [g.window_label for g in gap_list[:500]], maximum=13),
            fitted(_tr("Done"), minimum=7), fitted(_tr("Required"), minimum=7), fitted(_tr("Missing"), minimum=7),
            fitted(_tr("What is missing, and where"), minimum=44, maximum=44)]
        form = self.form(workbook, "问题清单", columns, cell_borders=len(gap_list) <= 5_000)
        offset = 1 + (1 if self.several else 0)
        case_rules = {r.key: r for r in self.result.rules if case_measures.is_case_measure(r.measure)}
        for number, gap in enumerate(gap_list, 1):
            done, required, missing = (self.no_data if gap.measure is None else gap.measure, gap.quota,
                                       "" if gap.missing is None else gap.missing)
            if gap.rule_key in case_rules:  # the figures are in the text (本期12起，去年同期10起), not a quota of 1
                done = case_measures.no_data_text() if gap.measure is None else ""
                required, missing = case_measures.required_text(case_rules[gap.rule_key]), ""
            values = [number, *self.place(gap.township_id, gap.village_name), gap.rule_name, gap.unit_name,
                      gap.window_label, done, required, missing, gap.text]
            if form.cell_borders:
                form.add(values, {offset + 4: "0.##", offset + 5: INTEGER, offset + 6: "0.##"})
            else:
                form.stream_plain(values)
        if not gap_list:
            form.add([_tr("Every target is met.")] + [""] * (len(columns) - 1))
        form.finish()

    # --- 活动台账 -----------------------------------------------------------------------------

    def ledger(self, workbook, report: Progress) -> int:
        total = report_data.ledger_count(self.start, self.end, self.township_id)
        columns = [fitted(_tr("Date"), ["2026-11-30"])]
        if self.several:
            columns.append(fitted(_tr("Township"), self.township_names.values()))
        columns += [fitted(header, minimum=width, maximum=width) for header, width in (
            (_tr("Village / community"), 12), (_tr("Site"), 12), (_tr("Kind"), 11), (_tr("Quantity"), 6),
            (_tr("Unit of count"), 5), (_tr("People reached"), 6), (_tr("Organised by"), 12), (_tr("Audiences"), 16),
            (_tr("Fraud topics"), 32), (_tr("Place"), 10), (_tr("Notes"), 14), (_tr("Photos"), 5))]
        table = ledger_table(self.start, self.end, self.township_id, self.several)
        first = list(itertools.islice(table, LEDGER_SAMPLE))
        form = self.form(workbook, "活动台账", columns, cell_borders=False,
                         row_height=commonest_height(columns, first))
        done = 0
        for values in itertools.chain(first, table):
            form.stream_plain(values)
            done += 1
            if done % PROGRESS_EVERY == 0:
                report(done, total, _tr("Writing the activity ledger: {done} of {total} records…").format(
                    done=f"{done:,}", total=f"{total:,}"))
        form.finish(_tr("{count} activity records.").format(count=f"{done:,}"))
        return done

    # --- 问卷调查 -----------------------------------------------------------------------------

    def surveys(self, workbook) -> None:
        figures = surveys.figures_by_village(self.start, self.end, self.township_id)
        villages = self.result.villages
        places = self.place_columns([v.name for v in villages])
        columns = places + [fitted(_tr("Respondents"), minimum=8), fitted(_tr("Aware"), minimum=8),
                            fitted(_tr("Awareness rate"), minimum=10), fitted(_tr("95% interval from"), minimum=10),
                            fitted(_tr("95% interval to"), minimum=10), fitted(_tr("Against 80%"), minimum=12)]
        form = self.form(workbook, "问卷调查", columns)
        for village in villages:
            self._survey_row(form, self.place(village.township_id, village.name),
                             figures.get(village.id, surveys.AwarenessFigures(0, 0)), len(places))
        for township in self.result.townships:
            members = [v.id for v in villages if v.township_id == township.id and v.id in figures]
            pooled = surveys.AwarenessFigures(sum(figures[i].respondents for i in members),
                                              sum(figures[i].aware for i in members))
            self._survey_row(form, ([township.name] if self.several else []) + [
                _tr("{township} total").format(township=township.name)], pooled, len(places), total=True)
        form.finish(_tr("Surveys of the month pooled per village; the 95% interval is Wilson's."))

    def _survey_row(self, form: SheetForm, place: list, figures: surveys.AwarenessFigures, first: int,
                    total: bool = False) -> None:
        if not figures.has_data:
            form.add(place + [figures.respondents, figures.aware, self.no_data, "", "", self.no_data],
                     {first: INTEGER, first + 1: INTEGER}, total=total)
            return
        interval = figures.interval
        met = figures.rate >= surveys.TARGET_RATE
        form.add(place + [figures.respondents, figures.aware, figures.rate, interval.low, interval.high,
                          _tr("reached") if met else _tr("below")],
                 {first: INTEGER, first + 1: INTEGER, first + 2: PERCENT, first + 3: PERCENT, first + 4: PERCENT},
                 warn=[] if met else [first + 2, first + 5], total=total)

    # --- 家长信 -------------------------------------------------------------------------------

    def letters(self, workbook) -> None:
        tree = organisation.load_tree()
        by_id = {v.id: v for v in self.result.villages}
        schools = [s for s in tree.all_sites() if s.kind == "school" and s.village_id in by_id]
        figures = letters.figures_by_school(self.start, self.end)
        places = self.place_columns([by_id[s.village_id].name for s in schools])
        columns = places + [fitted(_tr("School"), [s.name for s in schools], minimum=12),
                            fitted(_tr("Students"), minimum=8),
                            fitted(_tr("Letters issued"), [_tr("no letters this month")], minimum=10),
                            fitted(_tr("Signed back"), minimum=10), fitted(_tr("Signed rate"), minimum=10),
                            fitted(_tr("Not signed back"), minimum=10), fitted(_tr("Not issued"), minimum=10)]
        form = self.form(workbook, "家长信", columns)
        first = len(places) + 1
        for school in schools:
            village = by_id[school.village_id]
            place = self.place(village.township_id, village.name) + [school.name]
            found = figures.get(school.id)
            if found is None:
                form.add(place + [school.students, _tr("no letters this month"), "", "", "", ""],
                         {first: INTEGER})
                continue
            rate = found.signed_rate
            form.add(place + [found.students, found.issued, found.signed, "" if rate is None else rate,
                              found.not_signed, found.not_issued],
                     {first: INTEGER, first + 1: INTEGER, first + 2: INTEGER, first + 3: PERCENT, first + 4: INTEGER,
                      first + 5: INTEGER}, warn=[first + 3] if rate is not None and rate < 1 else [])
        if not schools:
            form.add([_tr("No schools are recorded.")] + [""] * (len(columns) - 1))
        form.finish(_tr("Letters issued in the month; the signed rate is counted against the students (target 100%)."))

