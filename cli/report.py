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
    for key, title in (("by_status", "by status"), ("by_label", "entities by label")):
        print(f"\n{title}:")
        for name, n in sorted(stats[key].items()) or [("(none)", "")]:
            print(f"  {name:12} {n}")
    print(f"\nquotes: {stats['quotes']}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    """``evaluate``: score against a gold file, or the model against the reviewed db."""
    from models import evaluate

    try:
        if args.gold:
            if not args.gold.exists():
                return fail(f"{args.gold}: no such file")
            report, code = evaluate.evaluate_gold(args.gold, args.verbose)
        else:
            if not args.db.exists():
                return fail(f"{args.db}: no such database")
            report, code = evaluate.evaluate_db(args.db, args.verbose), 0
    except ValueError as exc:
        return fail(str(exc))
    print(report)
    return code
