"""``outreach-desk campaign``: list campaigns, add one (with the default rules, its phases and deadlines), pick
the current one. Without ``--phase`` a campaign gets plan 3's three phases (动员部署, 集中攻坚, 总结验收) spread
over its dates; phase names are stored as given (the default ones in Chinese, whatever the locale)."""

from __future__ import annotations

import argparse
import sys

from outreach_desk.cli.common import iso_date
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("CampaignCommand", text)


class _BadDate(ValueError):
    pass


def _day(text: str):
    """A phase's or deadline's date as typed on the command line (YYYY-MM-DD)."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise _BadDate(_tr("\"{value}\" is not a date; write it as 2026-05-08.").format(value=text)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help="list campaigns; * marks the current one")
    add = sub.add_parser("add", help="add a campaign with the default phases and target rules")
    add.add_argument("name")
    add.add_argument("--from", dest="start", metavar="DATE", type=iso_date, required=True, help="first day")
    add.add_argument("--to", dest="end", metavar="DATE", type=iso_date, required=True, help="last day")
    add.add_argument("--theme", default="", help='e.g. "防诈骗、不参与"')
    add.add_argument("--current", action="store_true", help="make it the current campaign")
    add.add_argument("--no-default-rules", action="store_true", help="start without the default target rules")
    add.add_argument("--rules", choices=("township", "school", "university"), default="township",
                     help="the default target rules of which kind of office (default: township)")
    add.add_argument("--phase", nargs=3, action="append", metavar=("NAME", "FIRST", "LAST"), default=[],
                     help="a phase, e.g. --phase 动员部署 2026-05-08 2026-06-30 (repeat for each; default: plan 3's "
                          "three phases over the campaign's dates)")
    add.add_argument("--deadline", nargs=2, action="append", metavar=("TITLE", "DATE"), default=[],
                     help="a report deadline, e.g. --deadline 总结报送 2026-12-20 (repeat for each)")
    use = sub.add_parser("use", help="make a campaign the current one")
    use.add_argument("name")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.coverage import campaigns, rules
    from outreach_desk.services.errors import ServiceError

    try:
        if args.action == "add":
            phases = ([campaigns.PhaseInfo(name, _day(first), _day(last)) for name, first, last in args.phase]
                      or campaigns.default_phases(args.start, args.end))
            deadlines = [campaigns.DeadlineInfo(title, _day(due)) for title, due in args.deadline]
            info = campaigns.CampaignInfo(args.name, args.start, args.end, theme=args.theme, is_current=args.current,
                                          phases=phases, deadlines=deadlines, rule_set=args.rules)
            campaign_id = campaigns.create(info, with_default_rules=not args.no_default_rules)
            created = campaigns.get(campaign_id)
            print(_tr("Campaign {name} added with {rules} target rules.").format(
                name=created.name, rules=len(rules.list_rules(campaign_id))))
            for phase in created.phases:
                print(f"  {phase.name}: {phase.start.isoformat()} – {phase.end.isoformat()}")
            for deadline in created.deadlines:
                print(f"  {deadline.title}: {deadline.due.isoformat()}")
            if created.is_current:
                print(_tr("It is the current campaign."))
            return 0
        if args.action == "use":
            campaigns.set_current(campaigns.find(args.name).id)
            print(_tr("{name} is now the current campaign.").format(name=args.name))
            return 0
        found = campaigns.list_campaigns()
        if not found:
            print(_tr("No campaign yet. Add one with: "
                      "outreach-desk campaign add NAME --from YYYY-MM-DD --to YYYY-MM-DD"))
        for campaign in found:
            mark = "*" if campaign.is_current else " "
            dates = f"{campaign.start.isoformat()} – {campaign.end.isoformat()}"
            print(f"{mark} {campaign.name}  {dates}  {campaign.theme}")
            for phase in campaign.phases:
                print(f"      {phase.name}: {phase.start.isoformat()} – {phase.end.isoformat()}")
        return 0
    except (ServiceError, _BadDate) as exc:
        print(str(exc), file=sys.stderr)
        return 2
