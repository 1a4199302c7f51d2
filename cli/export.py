"""``export`` and ``backup``: the corpus out, as training data or as a safe copy."""

from __future__ import annotations

import argparse
import sys

from cli.errors import fail


def _refusal(exc: ValueError) -> str:
    from models.io.safe_files import OutputExists

    return f"{exc} (--force replaces it)" if isinstance(exc, OutputExists) else str(exc)


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
            store = Store(args.db, readonly=True)
            report = export(store, args.format, args.out, options, tick, force=args.force)
    except ValueError as exc:
        return fail(_refusal(exc))
    for line in report.notes:
        print(line, file=sys.stderr)
    if report.unselected:
        print(f"{report.unselected_note()} (--status all exports them)", file=sys.stderr)
    print(f"{report.documents} documents exported as {args.format} → {args.out}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    """``backup``: a consistent copy made with SQLite's backup API, put in place whole.

    The copy is written under a temporary name beside ``--out`` and renamed when
    complete; never onto the database itself, onto an existing file only with --force.
    """
    from models.io.safe_files import database_files, write_file
    from models.store.store import Store

    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    store = Store(args.db, readonly=True)
    try:
        write_file(args.out, store.backup_to, database_files(args.db), args.force, "backup")
    except ValueError as exc:
        return fail(_refusal(exc))
    finally:
        store.close()
    print(f"backed up {args.db} → {args.out}")
    return 0
