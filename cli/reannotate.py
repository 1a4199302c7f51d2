"""``reannotate``: new model snapshots for stored documents, after the rules changed.

Only the snapshot is replaced unless ``--refresh-suggestions`` is given; then the spans
still untouched since the model made them follow it too. Every span a person made,
changed, confirmed or imported stays as it is. The counts say what was done, or what
the flag would do.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from cli.errors import fail

if TYPE_CHECKING:
    from models.service.reannotate import ReannotateReport


def run_reannotate(args: argparse.Namespace) -> int:
    """``reannotate``: re-run the pre-annotation over the database's documents."""
    from cli.progress import progress_bar
    from models.service.annotation import AnnotationService
    from models.service.reannotate import reannotate
    from models.spans import STATUSES
    from models.store.store import Store

    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    statuses = None if args.status == "all" else args.status.split(",")
    unknown = sorted(set(statuses or ()) - set(STATUSES))
    if unknown:
        return fail(f"--status {','.join(unknown)}: not a status ({', '.join(STATUSES)}, all)")
    store = Store(args.db)
    try:
        service = AnnotationService(store, args.annotator)
        with progress_bar("reannotating") as tick:
            report = reannotate(
                service, statuses, args.refresh_suggestions, progress=lambda n: tick(n, None)
            )
    finally:
        store.close()
    for err in report.errors:
        print(err, file=sys.stderr)
    print(_summary(report, args.refresh_suggestions), f"→ {args.db}")
    return 1 if report.errors else 0


def _summary(report: ReannotateReport, refreshed: bool) -> str:
    """Two or three lines: the snapshots, the suggestions, the spans left alone."""
    c = report.counts
    same = report.documents - report.snapshots_changed
    lines = [
        f"{_n(report.documents, 'document')} reannotated: "
        f"{_n(report.snapshots_changed, 'model snapshot')} changed, {same} the same"
    ]
    kinds = [
        f"{kind} {c[f'{kind} updated']} updated, {c[f'{kind} added']} added, "
        f"{c[f'{kind} removed']} removed"
        for kind in ("entities", "quotes")
    ]
    if refreshed:
        lines.append(
            f"untouched suggestions refreshed in {_n(report.refreshed_documents, 'document')}: "
            + "; ".join(kinds)
        )
    elif report.refreshed_documents:
        lines.append(
            f"untouched suggestions differ from the new snapshot in "
            f"{_n(report.refreshed_documents, 'document')} ({'; '.join(kinds)}); "
            "--refresh-suggestions updates them"
        )
    lines.append(f"{_n(report.human_spans, 'span')} a person made or reviewed: left as they were")
    return "\n".join(lines)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
