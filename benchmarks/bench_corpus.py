"""A corpus of 100,000 documents: size on disk, search, stats and list paging.

The window's document list, its search box and ``stats`` must stay instant however big
the corpus grows: targets are a text search under 100 ms and ``stats`` under 1 s. The
corpus is generated from the sample (generate.corpus_documents: paragraphs subsetted,
spans of one natasha run copied, a topic and a unique tag per document), inserted with
``Store.add_document`` 1,000 per transaction, so no model runs per document. Every
operation is also timed on a 1,000-document corpus built the same way in the same run:
the ratio shows how each one scales (1x: it does not grow with the corpus).

Run: python benchmarks/bench_corpus.py [--docs 100000] [--db PATH (kept, reused)]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import build_corpus
from models.store.store import Store


def timed(fn: Callable[[], object], runs: int = 7) -> tuple[float, float]:
    """(first, median) wall time in milliseconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times[0], statistics.median(times)


def operations(store: Store, n: int) -> list[tuple[str, Callable[[], object], float | None]]:
    """The operations the window and the command line perform, with their targets (ms)."""
    deep = max(0, n - 100)
    rare = f"м{n // 2:06d}"

    def search(words: str) -> Callable[[], object]:
        return lambda: (
            store.lists.count(search=words),
            store.lists.summaries(0, 100, search=words),
        )

    first_id = store.document_ids()[0]
    return [
        ("list: first page (100 rows)", lambda: store.lists.summaries(0, 100), None),
        ("list: middle page", lambda: store.lists.summaries(n // 2, 100), None),
        ("list: last page", lambda: store.lists.summaries(deep, 100), None),
        ("list: count", lambda: store.count_documents(), None),
        (
            "list: status filter, first page",
            lambda: (store.count_documents("done"), store.lists.summaries(0, 100, "done")),
            None,
        ),
        ("search: unique tag (1 doc)", search(rare), 100.0),
        ("search: topic word (~4%)", search("экология"), 100.0),
        ("search: common word (~80%)", search("Киргизии"), 100.0),
        ("search: two words", search("Путин Жапаровым"), 100.0),
        (
            "search: lemma groups",
            lambda: store.lists.summaries(0, 100, search=[["Киргизия", "киргизия"], ["мигрант"]]),
            100.0,
        ),
        ("open one document", lambda: store.document(first_id), None),
        ("stats", store.stats, 1000.0),
    ]


def measure(path: Path, n: int) -> dict[str, tuple[float, float, float | None]]:
    """Every operation on the database at ``path``; the store is opened once."""
    t0 = time.perf_counter()
    store = Store(path)
    open_ms = (time.perf_counter() - t0) * 1000
    out: dict[str, tuple[float, float, float | None]] = {
        "open the database": (open_ms, open_ms, None)
    }
    for name, fn, target in operations(store, n):
        first, median = timed(fn)
        out[name] = (first, median, target)
    store.close()
    return out


def main() -> None:
    """Build (or reuse) the corpora, measure, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="keep the big database here (reused if present)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="razmetka-corpus-"))
    atexit.register(shutil.rmtree, tmp, True)
    big = args.db or tmp / "big.db"
    small = tmp / "small.db"
    build_corpus(small, 1000)
    rate = build_corpus(big, args.docs, progress=True)
    size = big.stat().st_size
    small_ops, big_ops = measure(small, 1000), measure(big, args.docs)
    print(
        f"\n{args.docs:,} documents: {size / 2**20:,.0f} MB, "
        f"{size / args.docs / 1024:.1f} KB per document; built at {rate:,.0f} docs/s "
        f"(1,000 per transaction); load average {os.getloadavg()[0]:.1f}\n"
    )
    print(
        f"| operation | {args.docs:,} docs, median (first) | 1,000 docs, median | ratio | target |"
    )
    print("|---|---:|---:|---:|---|")
    for name, (first, median, target) in big_ops.items():
        small_median = small_ops[name][1]
        goal = (
            "" if target is None else (f"< {target:.0f} ms {'ok' if median < target else 'MISSED'}")
        )
        print(
            f"| {name} | {median:.1f} ms ({first:.1f}) | {small_median:.1f} ms | "
            f"{median / max(small_median, 1e-3):.1f}x | {goal} |"
        )


if __name__ == "__main__":
    main()
