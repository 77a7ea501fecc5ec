"""``outreach-desk campaign``: list campaigns, add one (with the default rules, its phases and deadlines), pick
the current one, copy one to a township. Without ``--phase`` a campaign gets plan 3's three phases (动员部署,
集中攻坚, 总结验收) spread over its dates; phase names are stored as given (the default ones in Chinese, whatever
the locale). In a county database ``--township`` says whose campaign; without it a new one is the county's.
"""

from __future__ import annotations

import argparse
import sys

from outreach_desk.cli.common import chosen_campaign, iso_date, township_option
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
    listed = sub.add_parser("list", help="list campaigns; * marks the current one")
    _township_argument(listed, "only this township's campaigns and the county's")
    add = sub.add_parser("add", help="add a campaign with the default phases and target rules")
    _township_argument(add, "whose campaign it is (default: the only township; in a county database, the county's)")
    add.add_argument("name")
    add.add_argument("--from", dest="start", metavar="DATE", type=iso_date, required=True, help="first day")
    add.add_argument("--to", dest="end", metavar="DATE", type=iso_date, required=True, help="last day")
    add.add_argument("--theme", default="", help='e.g. "防诈骗、不参与"')
    add.add_argument("--current", action="store_true", help="make it the current campaign")
    add.add_argument("--no-default-rules", action="store_true", help="start without the default target rules")
    add.add_argument("--rules", choices=("township", "school", "university", "county"), default="township",
                     help="the default target rules of which kind of office (default: township)")
    add.add_argument("--phase", nargs=3, action="append", metavar=("NAME", "FIRST", "LAST"), default=[],
                     help="a phase, e.g. --phase 动员部署 2026-05-08 2026-06-30 (repeat for each; default: plan 3's "
                          "three phases over the campaign's dates)")
    add.add_argument("--deadline", nargs=2, action="append", metavar=("TITLE", "DATE"), default=[],
                     help="a report deadline, e.g. --deadline 总结报送 2026-12-20 (repeat for each)")
    add.add_argument("--monthly-deadline", nargs=2, action="append", metavar=("TITLE", "DAY"), default=[],
                     help="a report due every month by DAY for the month before, e.g. --monthly-deadline 月报 5 "
                          "(每月5日前报送上月月报; repeat for each)")
    use = sub.add_parser("use", help="make a campaign the current one")
    use.add_argument("name")
    _township_argument(use, "the township whose campaign it is (when several have one of that name)")
    copy = sub.add_parser("copy", help="copy a campaign (the county's or another township's) to a township, "
                                       "with its phases, deadlines and target rules")
    copy.add_argument("name")
    copy.add_argument("--township", metavar="NAME", required=True, help="the township that gets the copy")
    copy.add_argument("--from-township", metavar="NAME", help="whose campaign to copy (default: the county's, or "
                                                               "the only one of that name)")
    copy.add_argument("--as", dest="new_name", metavar="NAME", help="the copy's name (default: the same)")
    listed = sub.add_parser("deadlines", help="every report deadline of the campaign: sent, overdue or due")
    listed.add_argument("--campaign", metavar="NAME", help="default: the current campaign")
    _township_argument(listed, "the township whose campaign (needed when the database holds several)")
    sent = sub.add_parser("sent", help="mark a report deadline sent (a monthly one for one month)")
    sent.add_argument("title")
    sent.add_argument("--month", metavar="YYYY-MM", help="the month the report is on (monthly deadlines)")
    sent.add_argument("--on", dest="sent_on", metavar="DATE", type=iso_date, help="the day it was sent (default today)")
    sent.add_argument("--campaign", metavar="NAME", help="default: the current campaign")
    _township_argument(sent, "the township whose campaign (needed when the database holds several)")


def _township_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--township", metavar="NAME", help=help_text)


def run(args: argparse.Namespace) -> int:
    from outreach_desk.services.coverage import campaigns, rules
    from outreach_desk.services.errors import ServiceError

    try:
        if args.action == "add":
            phases = ([campaigns.PhaseInfo(name, _day(first), _day(last)) for name, first, last in args.phase]
                      or campaigns.default_phases(args.start, args.end))
            deadlines = [campaigns.DeadlineInfo(title, _day(due)) for title, due in args.deadline]
            deadlines += [campaigns.DeadlineInfo(title, _monthly_first(args.start, day), repeats="monthly")
                          for title, day in args.monthly_deadline]
            info = campaigns.CampaignInfo(args.name, args.start, args.end, theme=args.theme, is_current=args.current,
                                          phases=phases, deadlines=deadlines, rule_set=args.rules,
                                          township_id=township_option(args))
            campaign_id = campaigns.create(info, with_default_rules=not args.no_default_rules)
            created = campaigns.get(campaign_id)
            print(_tr("Campaign {name} added with {rules} target rules.").format(
                name=created.name, rules=len(rules.list_rules(campaign_id))))
            for phase in created.phases:
                print(f"  {phase.name}: {phase.start.isoformat()} – {phase.end.isoformat()}")
            for deadline in created.deadlines:
                if deadline.repeats:
                    print("  " + _tr("{title}: on day {day} of every month, from {date}").format(
                        title=deadline.title, day=deadline.due.day, date=deadline.due.isoformat()))
                else:
                    print(f"  {deadline.title}: {deadline.due.isoformat()}")
            if created.is_current:
                print(_tr("It is the current campaign."))
            return 0
        if args.action in ("deadlines", "sent"):
            return _deadlines(args)
        if args.action == "use":
            campaigns.set_current(campaigns.find(args.name, township_option(args)).id)
            print(_tr("{name} is now the current campaign.").format(name=args.name))
            return 0
        if args.action == "copy":
            return _copy(args)
        found = campaigns.list_campaigns(township_option(args))
        if not found:
            print(_tr("No campaign yet. Add one with: "
                      "outreach-desk campaign add NAME --from YYYY-MM-DD --to YYYY-MM-DD"))
        owners = _owners(found)
        for campaign in found:
            mark = "*" if campaign.is_current else " "
            dates = f"{campaign.start.isoformat()} – {campaign.end.isoformat()}"
            owner = f"[{owners[campaign.township_id]}]  " if owners else ""
            print(f"{mark} {owner}{campaign.name}  {dates}  {campaign.theme}")
            for phase in campaign.phases:
                print(f"      {phase.name}: {phase.start.isoformat()} – {phase.end.isoformat()}")
        return 0
    except (ServiceError, _BadDate) as exc:
        print(str(exc), file=sys.stderr)
        return 2


def _owners(found) -> dict:
    """Whose each campaign is, by township id (None: the county's), when the database holds several townships."""
    from outreach_desk.services.coverage import campaigns

    names = campaigns.township_names()
    return {None: _tr("county"), **names} if len(names) > 1 else {}


def _copy(args: argparse.Namespace) -> int:
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import campaigns

    target = organisation.find_township_id(args.township)
    if args.from_township:
        source = campaigns.find(args.name, organisation.find_township_id(args.from_township))
    else:
        source = campaigns.find(args.name)
    copied = campaigns.get(campaigns.copy_to(source.id, target, args.new_name))
    print(_tr("{township} now has the campaign {name} (copied with its phases, deadlines and target rules).").format(
        township=args.township.strip(), name=copied.name))
    if copied.is_current:
        print(_tr("It is the current campaign."))
    return 0


def _monthly_first(start, text: str):
    """The first due date of a monthly deadline: day ``text`` of the month after the campaign's first month."""
    import calendar
    import datetime as dt

    if not text.strip().isdigit() or not 1 <= int(text) <= 31:
        raise _BadDate(_tr("\"{value}\" is not a day of the month; write a number from 1 to 31.").format(value=text))
    year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    return dt.date(year, month, min(int(text), calendar.monthrange(year, month)[1]))


def _deadlines(args: argparse.Namespace) -> int:
    import datetime as dt

    from outreach_desk.services.coverage import campaigns, deadlines

    campaign = chosen_campaign(args, township_option(args))
    today = dt.date.today()
    if args.action == "sent":
        deadline = deadlines.find(campaign, args.title)
        month = args.month or (deadline.due if not deadline.repeats else None)
        if month is None:
            print(_tr("{title} is due every month: say which month's report was sent, e.g. --month 2026-11.").format(
                title=deadline.title), file=sys.stderr)
            return 2
        marked = deadlines.mark_deadline_sent(deadline, month, args.sent_on)
        occurrence = next(o for o in deadlines.occurrences(campaigns.get(campaign.id))
                          if o.deadline_id == deadline.id and o.month == deadlines.month_key(month))
        template = _tr("{label} marked as sent on {date}.") if marked else _tr("{label} was already marked as sent "
                                                                             "on {date}.")
        print(template.format(label=occurrence.label, date=occurrence.sent_on.isoformat()))
        return 0
    found = deadlines.occurrences(campaign)
    if not found:
        print(_tr("The campaign has no report deadline."))
        return 0
    for o in found:
        status = o.status(today)
        if status == deadlines.SENT:
            state = _tr("sent {date}").format(date=o.sent_on.isoformat())
        elif status == deadlines.OVERDUE:
            state = _tr("OVERDUE by {days} days").format(days=(today - o.due).days)
        else:
            state = _tr("due in {days} days").format(days=(o.due - today).days)
        print(f"{o.due.isoformat()}  {o.label}  {state}")
    return 0
