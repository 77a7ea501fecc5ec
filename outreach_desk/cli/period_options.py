"""The period and area options that coverage and ranking share, and their reading into a period and a scope.

``--month``, ``--from``/``--to`` or ``--phase`` (default: the campaign to date), ``--campaign`` and
``--township``; a command that judges one village adds ``--village`` itself. Also the column padding
their tables use, which counts a Chinese character as two columns.
"""

from __future__ import annotations

import argparse
import unicodedata

from outreach_desk.cli.common import chosen_campaign, iso_date, township_option
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("CoverageCommand", text)


class UsageError(Exception):
    """Options that do not fit together; the message says how to mend them."""


def add_period_options(parser: argparse.ArgumentParser) -> None:
    period = parser.add_mutually_exclusive_group()
    period.add_argument("--month", metavar="YYYY-MM", help="one month (default: the campaign to date)")
    period.add_argument("--from", dest="start", metavar="DATE", type=iso_date, help="first day of a date range")
    period.add_argument("--phase", metavar="NAME", help="one phase of the campaign")
    parser.add_argument("--to", dest="end", metavar="DATE", type=iso_date,
                        help="last day of a date range (with --from)")
    parser.add_argument("--campaign", metavar="NAME", help="campaign (default: the current one)")
    parser.add_argument("--township", metavar="NAME", help="only this township")


def period_of(args: argparse.Namespace, campaign):
    """The period the options name within ``campaign``."""
    from outreach_desk.services.coverage import periods

    if args.end is not None and args.start is None:
        raise UsageError(_tr("--to needs --from."))
    if args.month:
        return periods.parse_month(args.month)
    if args.start is not None:
        if args.end is None:
            raise UsageError(_tr("--from needs --to."))
        return periods.date_range(args.start, args.end)
    if args.phase:
        for phase in campaign.phases:
            if phase.name == args.phase.strip():
                return periods.phase(campaign, phase.id)
        names = ", ".join(p.name for p in campaign.phases) or "—"
        raise UsageError(_tr("The campaign has no phase named {name}. Its phases: {names}.").format(
            name=args.phase, names=names))
    return periods.to_date(campaign)


def scope_of(args: argparse.Namespace):
    """The township, or the one village (``args.village``, when the command has it), the options name."""
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage.engine import Scope

    township_id = township_option(args)
    village = getattr(args, "village", None)
    if not village:
        return Scope(township_id=township_id)
    found = organisation.village_ids_named(village, township_id)
    if not found:
        raise UsageError(_tr("There is no village or community named {name}.").format(name=village))
    if len(found) > 1:
        raise UsageError(_tr("{count} villages are named {name}; add --township to choose one.").format(
            count=len(found), name=village))
    return Scope(village_id=found[0])


def campaign_of(args: argparse.Namespace, scope):
    """The campaign ``--campaign`` names, else the current one of the scope's township."""
    from outreach_desk.services.coverage import campaigns

    return chosen_campaign(args, campaigns.township_of_scope(scope.township_id, scope.village_id))


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for a Chinese character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    space = " " * max(0, columns - width(text))
    return space + text if right else text + space
