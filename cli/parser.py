"""The command line's grammar: one parser per command, as in DESIGN.md, and the default
database. Parsing imports nothing heavy, so ``--help`` answers at once."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.io.exporters import FORMATS


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
    exp.add_argument(
        "--split",
        help="e.g. train=0.8,dev=0.1,test=0.1: --out becomes a folder with one file "
        "(train.jsonl …) or subfolder (train/ …) per part; sizes by largest remainder, "
        "and a document keeps its part when more are imported or marked done",
    )
    exp.add_argument("--seed", type=int, default=0, help="decides ties in the split")
    exp.add_argument(
        "--part",
        default="all",
        help="the name of the one part of an export without --split (default: all)",
    )
    exp.add_argument(
        "--include-model",
        action="store_true",
        help="export the model's snapshot instead of the gold",
    )
    exp.add_argument("--force", action="store_true", help="replace an existing output file")
    exp.add_argument(
        "--keep-noise",
        action="store_true",
        help="keep captions, ad markers, repeated paragraphs and the news header line in "
        "the sentence and token formats (left out by default)",
    )
    exp.add_argument(
        "--keep-paths",
        action="store_true",
        help="keep the full path of each imported file in meta.file (default: its name)",
    )
    st = sub.add_parser("stats", parents=[db], help="corpus counts")
    st.add_argument("--json", action="store_true")
    ev = sub.add_parser("evaluate", parents=[db], help="score the pre-annotation")
    ev.add_argument(
        "--gold",
        type=Path,
        help="score the pre-annotation against gold: razmetka's jsonl export (entities "
        "per label, quotes) or a JSON list of quote cases, as tests/data/quotes_corpus.json; "
        "without it, the model is scored against the documents marked done in --db",
    )
    ev.add_argument("-v", "--verbose", action="store_true")
    bk = sub.add_parser("backup", parents=[db], help="copy the database safely")
    bk.add_argument("--out", required=True, type=Path)
    bk.add_argument("--force", action="store_true", help="replace an existing file")
    # -- reannotate: new model snapshots (and, on request, untouched suggestions) --
    rea = sub.add_parser(
        "reannotate",
        parents=[db],
        help="re-run the pre-annotation: replace each document's model snapshot",
    )
    rea.add_argument(
        "--status",
        default="all",
        help="comma-separated statuses to reannotate, or 'all' (default: all)",
    )
    rea.add_argument(
        "--refresh-suggestions",
        action="store_true",
        help="also update the spans that are still untouched model suggestions (never a "
        "span a person made, changed, confirmed or imported)",
    )
    # -- end reannotate --
    sh = sub.add_parser("screenshot", parents=[db], help="render the window to a PNG")
    sh.add_argument("file", type=Path)
    sh.add_argument("--out", required=True, type=Path)
    sh.add_argument(
        "--size",
        type=_size,
        default=(1400, 900),
        metavar="WxH",
        help="window size in pixels (default: 1400x900)",
    )
    add_team_commands(sub, db)
    return p


def _size(text: str) -> tuple[int, int]:
    """``1024x700`` as (1024, 700); at least 320x240."""
    try:
        width, height = (int(n) for n in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1024x700") from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(f"{text}: at least 320x240")
    return width, height


# -- team work: assign, merge, agreement, stats --html -------------------------------------

TEAM_COMMANDS = ("assign", "merge", "agreement")


def add_team_commands(sub: Any, db: argparse.ArgumentParser) -> None:
    """The team commands, and ``--html`` on ``stats``."""
    asg = sub.add_parser("assign", parents=[db], help="split the corpus among annotators")
    asg.add_argument("--annotators", required=True, help="comma-separated names: anna,boris,vera")
    asg.add_argument(
        "--overlap",
        type=float,
        default=0.2,
        help="fraction of the documents given to several annotators (default 0.2)",
    )
    asg.add_argument(
        "--per-doc", type=int, default=2, help="annotators per shared document (default 2)"
    )
    asg.add_argument("--seed", type=int, default=0)
    asg.add_argument("--out", required=True, type=Path, help="folder for the annotators' files")
    mrg = sub.add_parser("merge", help="bring annotators' files into a team database")
    mrg.add_argument("files", nargs="+", type=Path)
    mrg.add_argument("--into", required=True, type=Path, help="the team database")
    agr = sub.add_parser("agreement", parents=[db], help="inter-annotator agreement")
    agr.add_argument("--json", action="store_true")
    agr.add_argument("--by", choices=("label", "annotator", "document"))
    agr.add_argument(
        "--threshold",
        type=float,
        default=0.5,
        help="overlap match: character IoU at least this (default 0.5)",
    )
    sub.choices["stats"].add_argument(
        "--html", type=Path, help="write a standalone report with charts to this file"
    )


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


COMMANDS = (
    "import",
    "annotate",
    "export",
    "stats",
    "evaluate",
    "backup",
    "reannotate",
    "screenshot",
    *TEAM_COMMANDS,
)


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
