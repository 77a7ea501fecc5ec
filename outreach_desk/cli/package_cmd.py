"""``outreach-desk package --month YYYY-MM -o FILE.zip [--limit-mb 20] [--village NAME]``: the month's upward
package (上报包).

One zip with the monthly report, the photos renamed per village with their index, the 总结 draft,
the bulletin and the month's rectification orders, and a manifest of SHA-256 hashes. The size limit
defaults to the office's setting (the package window saves it); photos are scaled down to fit.
``--village`` writes a village's package for its township instead: that village's records and photos only.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from outreach_desk.cli.common import print_failure, township_option
from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("PackageCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", default=dt.date.today().strftime("%Y-%m"),
                        help="the month to send (default: this month)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write the zip (default: <镇名>_反诈宣传上报包_<YYYY-MM>.zip here)")
    parser.add_argument("--township", metavar="NAME", help="the township (needed when the database holds several)")
    parser.add_argument("--village", metavar="NAME",
                        help="a village's package for its township: that village's records and photos only")
    parser.add_argument("--limit-mb", type=float, metavar="MB",
                        help="largest package in MB, photos scaled down to fit (default: the office's setting, "
                             "20; 0: no limit)")


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.period_options import UsageError, scope_of
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.services.safe_files import format_size
    from outreach_desk.services.submission import package
    from outreach_desk.services.supervision.bulletin import choose_township

    target = Path(args.output or ".")
    try:
        month = periods.parse_month(args.month)
        township_id = township_option(args)
        village_id = scope_of(args).village_id if args.village else None
        if village_id is not None and township_id is None:
            township_id = organisation.get_village(village_id).township_id
        if not args.output:
            village = organisation.get_village(village_id).name if village_id is not None else ""
            target = Path(package.default_file_name(month, choose_township(township_id).name, village))
        result = package.build_package(target, month, township_id=township_id, village_id=village_id,
                                       limit_mb=args.limit_mb)
    except (ServiceError, OSError, UsageError) as exc:
        return print_failure(exc, target.parent)
    who = result.township if not result.village else _tr("{village} of {township}").format(
        village=result.village, township=result.township)
    print(_tr("Package of {township} for {period} written to {path} ({size}, sequence {sequence}): {files} files, "
              "{photos} photos ({scaled} scaled down to fit), {missing} records without the photo they need, "
              "{far} photos taken more than a week from their record's date.").format(
        township=who, period=result.period.label, path=result.path, size=format_size(result.size),
        sequence=result.sequence, files=len(result.files), photos=result.photos, scaled=result.photos_scaled,
        missing=result.missing_photos, far=result.far_photos))
    print(_tr("SHA-256 of the package: {sha}").format(sha=result.sha256))
    return 0
