"""``assign``, ``merge``, ``agreement`` and ``stats --html``: team work from the terminal.

The work itself is models.team's; this module parses nothing, prints results, and turns
every refusal into one line (merge goes on with the next file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from cli.errors import fail


def run_assign(args: argparse.Namespace) -> int:
    """``assign``: one database per annotator with their share of the corpus."""
    from cli.progress import progress_bar
    from models.store.store import Store
    from models.team.assign import AssignError, check_output, parse_annotators, plan, write_shares

    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    try:
        names = parse_annotators(args.annotators)
        check_output(args.out, names)
    except AssignError as exc:
        return fail(str(exc))
    source = Store(args.db)
    try:
        shares = plan(source.document_ids(), names, args.overlap, args.per_doc, args.seed)
        settings = {
            "annotators": names,
            "overlap": args.overlap,
            "per_doc": args.per_doc,
            "seed": args.seed,
        }
        with progress_bar("assigning") as tick:
            paths = write_shares(source, shares, args.out, settings, lambda n: tick(n, None))
    except AssignError as exc:
        return fail(str(exc))
    finally:
        source.close()
    for name, path in zip(shares.shares, paths):
        docs = shares.shares[name]
        both = sum(d in shares.shared for d in docs)
        print(f"{path}: {name}, {len(docs)} documents ({both} shared)")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    """``merge``: every file's versions and events into the team database."""
    from models.store.store import Store
    from models.team.merge import MergeReport, merge_files

    def show(report: MergeReport) -> None:
        print(report.line(), file=sys.stderr if report.refused else sys.stdout, flush=True)

    team = Store(args.into)
    try:
        reports = merge_files(team, args.files, done=show)
    finally:
        team.close()
    merged = [r for r in reports if not r.refused]
    print(
        f"{len(merged)} of {len(reports)} files merged into {args.into} "
        f"({sum(r.versions_added + r.versions_updated for r in merged)} versions written, "
        f"{sum(r.events_added for r in merged)} events added)"
    )
    return 0 if len(merged) == len(reports) else 1


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "assign": run_assign,
    "merge": run_merge,
}


def _dump(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1))
