"""``export`` and ``backup``: the corpus out, as training data or as a safe copy."""

from __future__ import annotations

import argparse
import sys

from cli.errors import fail


def run_export(args: argparse.Namespace) -> int:
    """``export``: write the corpus in one of the training formats."""
    from cli.progress import progress_bar
    from models.io.exporters import ExportOptions, export
    from models.store.store import Store

    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    statuses = None if args.status == "all" else args.status.split(",")
    options = ExportOptions(
        statuses=statuses,
        labels=frozenset(args.labels.split(",")) if args.labels else None,
        split=args.split,
        seed=args.seed,
        include_model=args.include_model,
        part=args.part,
        keep_noise=args.keep_noise,
        keep_paths=args.keep_paths,
    )
    try:
        with progress_bar("exporting") as tick:
            report = export(Store(args.db, readonly=True), args.format, args.out, options, tick)
    except ValueError as exc:
        return fail(str(exc))
    for line in report.notes:
        print(line, file=sys.stderr)
    if report.unselected:
        print(f"{report.unselected_note()} (--status all exports them)", file=sys.stderr)
    print(f"{report.documents} documents exported as {args.format} → {args.out}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    """``backup``: a consistent copy made with SQLite's backup API."""
    from models.store.store import Store

    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    Store(args.db, readonly=True).backup_to(args.out)
    print(f"backed up {args.db} → {args.out}")
    return 0
