"""``stats`` and ``evaluate``: what the corpus holds and how good the pre-annotation is."""

from __future__ import annotations

import argparse
import json

from cli.errors import fail


def run_stats(args: argparse.Namespace) -> int:
    """``stats``: corpus counts, as a table or JSON."""
    from models.store.store import Store

    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    if getattr(args, "html", None):
        from cli.team import run_html_report

        return run_html_report(args)
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


def run_evaluate(args: argparse.Namespace) -> int:
    """``evaluate``: score quotes against a gold file, or the model against the db."""
    from models import evaluate

    if args.gold:
        if not args.gold.exists():
            return fail(f"{args.gold}: no such file")
        return evaluate.run_evaluate_gold(args.gold, args.verbose)
    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    return evaluate.run_evaluate_db(args.db, args.verbose)
