"""The command line: one parser for every command; the non-GUI commands run here.

Errors a user can cause (bad files, bad databases) print one line and set the exit
code; they never show a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from models.store.schema import StoreError

FORMATS = ("jsonl", "spacy", "conll", "brat", "labelstudio", "doccano", "prodigy", "hf")


def default_db() -> Path:
    """``RAZMETKA_DB``, else razmetka.db in the user's data folder (platformdirs)."""
    if os.environ.get("RAZMETKA_DB"):
        return Path(os.environ["RAZMETKA_DB"])
    from platformdirs import user_data_path

    return user_data_path("razmetka", appauthor=False) / "razmetka.db"


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, as in DESIGN.md."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        type=Path,
        default=None,
        help="database file (default: RAZMETKA_DB or the user data folder)",
    )
    p = argparse.ArgumentParser(
        prog="razmetka",
        parents=[db],
        description="Annotate named entities and quotes in Russian news.",
    )
    p.add_argument("--annotator", help="your name for the edit log (remembered)")
    sub = p.add_subparsers(dest="command")
    imp = sub.add_parser("import", parents=[db], help="import and pre-annotate files")
    imp.add_argument("paths", nargs="+", type=Path)
    imp.add_argument("--jobs", type=int, default=1)
    imp.add_argument(
        "--format",
        default="auto",
        choices=("auto", "jsonl", "labelstudio", "doccano", "brat"),
        help="input format (default: recognized per file and record)",
    )
    imp.add_argument(
        "--merge",
        action="store_true",
        help="replace the annotations of documents already in the database",
    )
    ann = sub.add_parser("annotate", help="pre-annotate files to JSON lines, no database")
    ann.add_argument("paths", nargs="+", type=Path)
    ann.add_argument("--jobs", type=int, default=1)
    exp = sub.add_parser("export", parents=[db], help="export the corpus")
    exp.add_argument("--format", required=True, choices=FORMATS)
    exp.add_argument("--out", required=True, type=Path)
    exp.add_argument(
        "--status",
        default="done",
        help="comma-separated statuses to export, or 'all' (default: done)",
    )
    exp.add_argument("--labels", help="comma-separated entity labels to keep")
    exp.add_argument("--split", help="e.g. train=0.8,dev=0.1,test=0.1")
    exp.add_argument("--seed", type=int, default=0)
    exp.add_argument(
        "--include-model",
        action="store_true",
        help="export the model's snapshot instead of the gold",
    )
    st = sub.add_parser("stats", parents=[db], help="corpus counts")
    st.add_argument("--json", action="store_true")
    ev = sub.add_parser("evaluate", parents=[db], help="score the pre-annotation")
    ev.add_argument("--gold", type=Path, help="a gold file in the shape of quotes_dev.json")
    ev.add_argument("-v", "--verbose", action="store_true")
    bk = sub.add_parser("backup", parents=[db], help="copy the database safely")
    bk.add_argument("--out", required=True, type=Path)
    sh = sub.add_parser("screenshot", parents=[db], help="render the window to a PNG")
    sh.add_argument("file", type=Path)
    sh.add_argument("--out", required=True, type=Path)
    return p


def build_window_parser() -> argparse.ArgumentParser:
    """``python main.py [--db PATH] [FILE…]``: the window, opening FILEs if given."""
    p = argparse.ArgumentParser(
        prog="razmetka",
        epilog="commands: " + ", ".join(COMMANDS) + " (see razmetka COMMAND --help)",
        description="Annotate named entities and quotes in Russian news.",
    )
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help="database file (default: RAZMETKA_DB or the user data folder)",
    )
    p.add_argument("--annotator", help="your name for the edit log (remembered)")
    p.add_argument("files", nargs="*", type=Path, help="files to import and open")
    return p


COMMANDS = ("import", "annotate", "export", "stats", "evaluate", "backup", "screenshot")


def _first_positional(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--db", "--annotator"):
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse arguments; ``--db`` falls back to the default database."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if _first_positional(argv) in COMMANDS:
        args = build_parser().parse_args(argv)
    else:
        args = build_window_parser().parse_args(argv)
        args.command = None
    args.db = args.db or default_db()
    return args


def fail(message: str) -> int:
    """Print one line on stderr and return the failing exit code."""
    print(f"razmetka: {message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    """Run a non-GUI command; returns the exit code."""
    handlers = {
        "import": cmd_import,
        "annotate": cmd_annotate,
        "export": cmd_export,
        "stats": cmd_stats,
        "evaluate": cmd_evaluate,
        "backup": cmd_backup,
    }
    try:
        return handlers[args.command](args)
    except StoreError as exc:
        return fail(str(exc))
    except sqlite3.DatabaseError as exc:  # damage found after opening, mid-command
        from models.store.dbopen import describe

        return fail(f"{args.db}: {describe(exc)}")
    except KeyboardInterrupt:
        return fail("interrupted; everything finished before that is saved")
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head); nothing more to say
        return 0


def cmd_import(args: argparse.Namespace) -> int:
    """``import``: add files to the database, pre-annotated, with a progress bar."""
    from cli.progress import progress_bar
    from models.io.importers import import_files
    from models.store.store import Store

    store = Store(args.db)
    with progress_bar("importing") as tick:
        report = import_files(store, args.paths, args.format, args.merge, args.jobs, tick)
    for err in report.errors:
        print(err, file=sys.stderr)
    merged = f"{len(report.merged)} merged, " if args.merge else ""
    hint = (
        f" ({len(report.not_merged)} with annotations: --merge updates them)"
        if report.not_merged
        else ""
    )
    print(
        f"{len(report.added)} imported, {merged}{len(report.already)} already in the "
        f"database{hint}, {len(report.errors)} failed → {args.db}"
    )
    return 1 if report.errors else 0


def cmd_annotate(args: argparse.Namespace) -> int:
    """``annotate``: one JSON line per input document on stdout, in input order."""
    from models.io.ingest import IngestError, load_paths
    from models.io.jsonshape import document_to_json
    from models.pipeline import pre_annotate_many

    failed = 0

    def docs():  # type: ignore[no-untyped-def]
        nonlocal failed
        for item in load_paths(args.paths):
            if isinstance(item, IngestError):
                failed += 1
                print(item, file=sys.stderr)
            else:
                yield item

    for _curated, model, _lemmas in pre_annotate_many(docs(), args.jobs):
        print(json.dumps(document_to_json(model), ensure_ascii=False), flush=True)
    return 1 if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
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
    )
    try:
        with progress_bar("exporting") as tick:
            report = export(Store(args.db, readonly=True), args.format, args.out, options, tick)
    except ValueError as exc:
        return fail(str(exc))
    for line in report.notes:
        print(line, file=sys.stderr)
    print(f"{report.documents} documents exported as {args.format} → {args.out}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """``stats``: corpus counts, as a table or JSON."""
    from models.store.store import Store

    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    stats = Store(args.db, readonly=True).stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
        return 0
    print(f"documents: {stats['documents']}")
    for key in ("by_status", "by_label"):
        for name, n in sorted(stats[key].items()):
            print(f"  {name:12} {n}")
    print(f"quotes: {stats['quotes']}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """``evaluate``: score quotes against a gold file, or the model against the db."""
    from models import evaluate

    if args.gold:
        if not args.gold.exists():
            return fail(f"{args.gold}: no such file")
        return evaluate.run_evaluate_gold(args.gold, args.verbose)
    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    return evaluate.run_evaluate_db(args.db, args.verbose)


def cmd_backup(args: argparse.Namespace) -> int:
    """``backup``: a consistent copy made with SQLite's backup API."""
    from models.store.store import Store

    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    Store(args.db, readonly=True).backup_to(args.out)
    print(f"backed up {args.db} → {args.out}")
    return 0
