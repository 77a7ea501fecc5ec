"""``outreach-desk ranking``: villages (or member units) ranked by the compliance index or by one target.

The same ranking the window's Ranking page shows, with the change of rank against the previous
period of the same length and the top/bottom N marks (N from ``--mark``, else the office's
setting). ``--json`` names the target by its stable key.
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


def _tr(text: str) -> str:
    return translate("RankingCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_period_options(parser)
    parser.add_argument("--by", metavar="RULE", help="rank by this target (its key) instead of the compliance index")
    parser.add_argument("--units", action="store_true", help="rank member units instead of villages and communities")
    parser.add_argument("--mark", type=int, metavar="N",
                        help="mark the top and bottom N (default: the office's setting)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def saved_mark_count() -> int:
    """The office's N from the settings the window saves."""
    from outreach_desk.services.supervision.rankings import office_mark_count

    return office_mark_count()


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.supervision import rankings

    try:
        scope = scope_of(args)
        campaign = campaign_of(args, scope)
        period = period_of(args, campaign)
        mark = saved_mark_count() if args.mark is None else max(0, args.mark)
        ranking = rankings.rank(period, campaign=campaign, scope=scope,
                                unit_type=rankings.MEMBER_UNITS if args.units else rankings.VILLAGES,
                                rule_key=args.by, mark_count=mark)
    except (ServiceError, UsageError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.json:
        json.dump(ranking.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(render_text(ranking))
    return 0


def _dated(period) -> str:
    """"2026年11月 (2026-11-01 to 2026-11-30)"; a date range is its dates already."""
    if period.kind == "range":
        return period.label
    return _tr("{label} ({start} to {end})").format(label=period.label, start=period.start.isoformat(),
                                                   end=period.end.isoformat())


def render_text(ranking) -> str:
    """A plain table: rank, name, value, change, mark, and the reason of rows without data."""
    from outreach_desk.services.supervision.rankings import tenth_percent

    lines = [_tr("Ranking by {measure}: {period}").format(measure=ranking.measure_name,
                                                           period=_dated(ranking.period))]
    if ranking.previous is not None:
        lines.append(_tr("Change against {period}").format(period=_dated(ranking.previous)))
    else:
        lines.append(_tr("No previous period to compare with."))
    lines.append("")
    if not ranking.rows:
        lines.append(_tr("Nothing to rank."))
        return "\n".join(lines)
    name_width = max([width(_tr("Name"))] + [width(r.name) for r in ranking.rows]) + 2
    lines.append(pad(_tr("Rank"), 6) + pad(_tr("Name"), name_width) + pad(_tr("Value"), 9, right=True) + "  "
                 + pad(_tr("Change"), 6) + _tr("Note"))
    for row in ranking.rows:
        lines.append(pad(str(row.rank), 6) + pad(row.name, name_width) + pad(tenth_percent(row.value), 9, right=True)
                     + "  " + pad(row.change_text, 6) + ranking.note(row))
    if ranking.streaks or not ranking.streaks_counted:
        lines += ["", ranking.streaks_explained()]
    return "\n".join(lines)
