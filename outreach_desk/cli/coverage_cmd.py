"""``outreach-desk coverage``: the coverage engine's figures for a month, a phase, a range or to date.

Prints exactly what the coverage page and the monthly report show (all three call the same
engine); ``--json`` names every rule by its stable key.
"""

from __future__ import annotations

import argparse
import json
import sys

from outreach_desk.cli.period_options import (
    UsageError,
    add_period_options,
    campaign_of,
    pad,
    period_of,
    scope_of,
    width,
)
from outreach_desk.i18n import translate

DEFAULT_GAPS = 30


def _tr(text: str) -> str:
    return translate("CoverageCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_period_options(parser)
    parser.add_argument("--village", metavar="NAME", help="only this village or community")
    parser.add_argument("--gaps", type=int, default=DEFAULT_GAPS, metavar="N",
                        help=f"print at most N gaps (default {DEFAULT_GAPS}; 0 = all)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _percent(value: float | None) -> str:
    from outreach_desk.services.percent import whole_percent

    return whole_percent(value)


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.coverage import engine, gaps
    from outreach_desk.services.errors import ServiceError

    try:
        scope = scope_of(args)
        campaign = campaign_of(args, scope)
        period = period_of(args, campaign)
        result = engine.compute(period, campaign=campaign, scope=scope)
    except (ServiceError, UsageError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    gap_list = gaps.gap_list(result)
    if args.json:
        # compact and without indent: an indent makes CPython run its pure-Python encoder instead of the C one
        print(json.dumps(gaps.document(result, gap_list), ensure_ascii=False, default=str, separators=(",", ":")))
        return 0
    print(render_text(result, gap_list, args.gaps))
    return 0


def render_text(result, gap_list, gap_limit: int = DEFAULT_GAPS) -> str:
    """The plain-text report: rules with their township totals, the villages x rules matrix, gaps."""
    from outreach_desk.services.coverage.rules import PERIOD_LABELS, label

    campaign, period = result.campaign, result.period
    county = None
    if len(result.townships) > 1:
        from outreach_desk.services.county import office
        from outreach_desk.services.coverage.engine import county_area

        county = county_area(result.townships, _tr("County total"))
    lines = ([_tr("County: {name}").format(name=office.get().title)] if county is not None else []) + [
        _tr("Campaign: {name} ({start} to {end})").format(name=campaign.name, start=campaign.start.isoformat(),
                                                         end=campaign.end.isoformat()),
        _tr("Period: {label} ({start} to {end})").format(label=period.label, start=period.start.isoformat(),
                                                        end=period.end.isoformat()),
        "",
    ]
    if not result.rules:
        lines.append(_tr("The campaign has no enabled rules."))
        return "\n".join(lines)
    lines.append(_tr("Targets"))
    for number, rule in enumerate(result.rules, 1):
        lines.append(f"{number:>3}  {rule.key}  {rule.name}  [{label(PERIOD_LABELS, rule.period)}]")
        for township in result.townships + ([county] if county is not None else []):
            cell = township.cell(rule.key)
            if cell is None or not cell.assessed:
                continue
            lines.append("       " + _tr("{area}: {met} of {assessed} units met ({share}), fulfilment {fulfilment}")
                         .format(area=township.name, met=cell.met, assessed=cell.assessed,
                                 share=_percent(cell.share_met), fulfilment=_percent(cell.fulfilment)))
    lines.append("")
    lines += _matrix(result, county)
    lines.append("")
    shown = gap_list if gap_limit <= 0 else gap_list[:gap_limit]
    lines.append(_tr("Gaps ({count})").format(count=len(gap_list)))
    lines += [f"  {gap.text}" for gap in shown]
    if len(shown) < len(gap_list):
        lines.append("  " + _tr("… and {count} more (use --gaps 0 to list all).").format(
            count=len(gap_list) - len(shown)))
    return "\n".join(lines)


def _matrix(result, county=None) -> list[str]:
    keys = [r.key for r in result.rules]
    areas = ([(county.name, county)] if county is not None else []) + [(t.name, t) for t in result.townships] + [
        (v.name, v) for v in result.villages]
    name_width = max([width(_tr("Village / township"))] + [width(name) for name, _ in areas]) + 2
    header = pad(_tr("Village / township"), name_width) + pad(_tr("Index"), 7, right=True)
    header += "".join(pad(str(n), 6, right=True) for n in range(1, len(keys) + 1))
    lines = [_tr("Fulfilment by village (columns are the target numbers above)"), header]
    for name, area in areas:
        row = pad(name, name_width) + pad(_percent(area.index), 7, right=True)
        for key in keys:
            cell = area.cell(key)
            row += pad(_percent(cell.fulfilment if cell else None), 6, right=True)
        lines.append(row)
    return lines
