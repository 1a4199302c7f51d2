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


def run_agreement(args: argparse.Namespace) -> int:
    """``agreement``: tables per pair, per label and per document (worst first), or JSON."""
    from models.store.store import Store
    from models.team.queries import TeamQueries

    if not args.db.exists():
        return fail(f"{args.db}: no such database")
    if not 0 < args.threshold <= 1:
        return fail(f"--threshold {args.threshold}: must be above 0 and at most 1")
    store = Store(args.db, readonly=True)
    try:
        report = TeamQueries(store).agreement(args.threshold)
    finally:
        store.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
        return 0
    if not report.documents:
        print(f"{args.db}: no document has two or more finished versions yet")
        return 0
    print(
        f"{len(report.documents)} documents finished by two or more of "
        f"{', '.join(report.annotators)}\noverlap: same label and character IoU >= "
        f"{report.threshold}; kappa and alpha on razdel tokens (O outside every span)"
    )
    _table("", [("entities", report.entities), ("quotes", report.quotes)])
    if args.by in (None, "annotator"):
        rows = [(f"{p.a} – {p.b} ({p.documents})", p.entities, p.quotes) for p in report.pairs]
        _table("annotator pair (documents)", rows)
    if args.by in (None, "label"):
        _table("label", list(report.labels.items()))
    if args.by in (None, "document"):
        docs = report.documents if args.by else report.documents[:10]
        rows = [(f"{d.title[:40]} [{', '.join(d.annotators)}]", d.entities, d.quotes) for d in docs]
        _table("document, worst first", rows)
    return 0


def _table(title: str, rows: list) -> None:
    """Rows of (name, entity Agreement[, quote Agreement]) as aligned columns."""
    width = max([len(title), *(len(r[0]) for r in rows)]) + 2
    quotes = any(len(r) > 2 or r[1].speakers_compared for r in rows)
    head = f"{title:{width}}F1 exact  F1 overlap  kappa   alpha"
    print("\n" + head + ("   quote F1  speakers" if quotes else ""))
    for name, ent, *rest in rows:
        line = f"{name:{width}}{_n(ent.exact.f1):>8}  {_n(ent.overlap.f1):>10}  "
        line += f"{_n(ent.kappa):>5}   {_n(ent.alpha):>5}"
        if rest or ent.speakers_compared:
            quote = rest[0] if rest else ent
            line += f"   {_n(quote.overlap.f1):>8}  {_n(quote.speaker_agreement):>5}"
            line += f" of {quote.speakers_compared}" if quote.speakers_compared else ""
        print(line)


def _n(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def run_html_report(args: argparse.Namespace) -> int:
    """``stats --html FILE``: the progress report as one standalone page."""
    from models.store.store import Store
    from models.team.html import ReportError, check_target, render, save
    from models.team.report import collect

    out = args.html
    try:
        check_target(out)  # before the report is gathered: a mistake costs no time
    except ReportError as exc:
        return fail(str(exc))
    store = Store(args.db, readonly=True)
    try:
        page = render(collect(store, args.db.name))
    finally:
        store.close()
    try:
        save(page, out)
    except ReportError as exc:
        return fail(str(exc))
    print(f"report → {out}")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "assign": run_assign,
    "merge": run_merge,
    "agreement": run_agreement,
}
