"""``outreach-desk demo``: fill the chosen (empty) database with a synthetic township or county."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from outreach_desk.i18n import translate


def _tr(text: str) -> str:
    return translate("DemoCommand", text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scale", choices=("township", "county"), default="township",
                        help="township: 25 villages, 6,000 records; county: 20 townships, 1,000,000 records")
    parser.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same data")


def _file_megabytes(path: Path) -> float:
    files = [path, path.with_name(path.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1_000_000


def _describe(url: str) -> str:
    from outreach_desk.store.server import describe

    return describe(url)


def run(args: argparse.Namespace) -> int:
    from outreach_desk.cli.common import database_argument, server_argument, terminal_progress
    from outreach_desk.services import demo

    progress = terminal_progress()
    try:
        summary = demo.generate(args.scale, seed=args.seed, progress=progress)
    except demo.DemoRefusedError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        if progress is not None:
            print(file=sys.stderr)
    path, server = database_argument(args), server_argument(args)
    lines = [
        _tr("Demo data for {scale} (seed {seed}) generated in {seconds:.1f} s.").format(
            scale=demo.SCALES[args.scale].label, seed=args.seed, seconds=summary.seconds),
        _tr("Townships: {count}").format(count=len(summary.township_ids)),
        _tr("Villages and communities: {count}").format(count=len(summary.villages)),
        _tr("Sites: {count}").format(count=len(summary.sites)),
        _tr("Member units: {count}").format(count=summary.member_unit_count),
        _tr("Activity records: {count}").format(count=summary.activities),
        *(_tr("{label}: {count}").format(label=label, count=count) for label, count in summary.extra),
        _tr("Database: {path} ({size:.1f} MB)").format(path=path, size=_file_megabytes(path)) if server is None
        else _tr("Database: {server}").format(server=_describe(server)),
    ]
    print("\n".join(lines))
    return 0
