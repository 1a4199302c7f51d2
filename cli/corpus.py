"""``import`` and ``annotate``: documents in, pre-annotated, with a progress bar."""

from __future__ import annotations

import argparse
import json
import sys


def run_import(args: argparse.Namespace) -> int:
    """``import``: add files to the database, pre-annotated, with a progress bar."""
    from cli.progress import progress_bar
    from models.io.importers import import_files
    from models.store.store import Store

    store = Store(args.db)
    with progress_bar("importing") as bar:
        report = import_files(
            store, args.paths, args.format, args.merge, args.jobs, bar, paragraphs=bar.paragraphs
        )
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


def run_annotate(args: argparse.Namespace) -> int:
    """``annotate``: one JSON line per input document on stdout, in input order."""
    from cli.progress import progress_bar
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

    with progress_bar("annotating") as bar:
        results = pre_annotate_many(docs(), args.jobs, bar.paragraphs, search=False)
        for done, (_curated, model, _lemmas) in enumerate(results, 1):
            print(json.dumps(document_to_json(model), ensure_ascii=False), flush=True)
            bar(done)
    return 1 if failed else 0
