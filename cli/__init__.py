"""The command line: parse (``cli.parser``), then run one command (a module per group).

Errors a user can cause (bad files, bad databases) print one line and set the exit
code; they never show a traceback. The window and ``screenshot`` are not run here: main.py
hands them to gui/.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys

from cli.errors import fail
from cli.parser import parse
from models.store.schema import StoreError

__all__ = ["fail", "parse", "run"]


def run(args: argparse.Namespace) -> int:
    """Run a non-GUI command; returns the exit code."""
    from cli import corpus, export, reannotate, report, team

    handlers = {
        "import": corpus.run_import,
        "annotate": corpus.run_annotate,
        "export": export.run_export,
        "stats": report.run_stats,
        "evaluate": report.run_evaluate,
        "backup": export.run_backup,
        "reannotate": reannotate.run_reannotate,
        **team.HANDLERS,
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
