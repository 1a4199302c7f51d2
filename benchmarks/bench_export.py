"""Export benchmark: time and peak memory for 1,000 vs 10,000 documents (jsonl, spaCy).

Why: the exporters promise memory that stays flat as the corpus grows (documents stream
from the store; spaCy output is sharded). This measures it. The sample articles are
pre-annotated once with natasha, then copied with a numbered suffix (distinct text, so a
distinct document; the spans stay valid) straight into a database with
``Store.add_document``. Each export runs in a fresh subprocess, measured twice: wall
time and peak RSS (``VmHWM``, and its growth over the RSS just before the export),
then the peak of Python allocations under ``tracemalloc``.

    python benchmarks/bench_export.py [--sizes 1000,10000] [--formats jsonl,spacy]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, sys, time, tracemalloc
sys.path.insert(0, {root!r})
from models.io.exporters import ExportOptions, export
from models.store.store import Store
if {fmt!r} == "spacy":
    import spacy  # imported before the baseline, like the store
store = Store({db!r})
def status_kb(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1])
trace = {trace!r}
before = status_kb("VmRSS")
if trace:
    tracemalloc.start()
t0 = time.perf_counter()
report = export(store, {fmt!r}, {out!r}, ExportOptions(statuses=["done"]))
seconds = time.perf_counter() - t0
peak_py = tracemalloc.get_traced_memory()[1] if trace else 0
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec (the parent's natasha).
peak = status_kb("VmHWM")
print(json.dumps({{"documents": report.documents, "seconds": seconds, "rss_before_kb": before,
                  "peak_rss_kb": peak, "peak_python_bytes": peak_py}}))
"""


def build(db: Path, n: int) -> None:
    """A database of ``n`` done documents, copies of the pre-annotated samples."""
    from models.bundled import bundled
    from models.io.ingest import decode, document_from_text
    from models.io.jsonshape import content_id
    from models.pipeline import pre_annotate
    from models.store.store import Store

    samples = []
    for path in sorted(bundled("samples").glob("*.txt")):
        samples.append(pre_annotate(document_from_text(decode(path.read_bytes()), str(path))))
    store = Store(db)
    for i in range(n):
        curated, model, lemmas = samples[i % len(samples)]
        text = f"{curated.text}\n\nКопия № {i}."
        copy = replace(curated, id=content_id(text), text=text, status="done")
        store.add_document(copy, replace(model, id=copy.id, text=text), lemmas)
    store.close()


def measure(db: Path, fmt: str, out: Path, trace: bool) -> dict:
    """Run one export in a fresh interpreter and return its figures."""
    code = CHILD.format(root=str(ROOT), fmt=fmt, db=str(db), out=str(out), trace=trace)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    """Build the databases, run the exports, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--formats", default="jsonl,spacy")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    rows = []
    with tempfile.TemporaryDirectory(prefix="razmetka-bench-") as tmp:
        for n in sizes:
            db = Path(tmp) / f"{n}.db"
            t0 = time.perf_counter()
            build(db, n)
            print(
                f"built {n} documents in {time.perf_counter() - t0:.1f} s "
                f"({db.stat().st_size / 1e6:.0f} MB)",
                file=sys.stderr,
            )
            for fmt in formats:
                out = Path(tmp) / f"{n}.{fmt}"
                plain = measure(db, fmt, out, trace=False)
                traced = measure(db, fmt, Path(tmp) / f"{n}.t.{fmt}", trace=True)
                rows.append((fmt, n, plain, traced))
    print(
        "| format | documents | time, s | docs/s | peak RSS, MB | RSS growth during export,"
        " MB | peak Python allocations (tracemalloc), MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for fmt, _n, plain, traced in rows:
        growth = (plain["peak_rss_kb"] - plain["rss_before_kb"]) / 1024
        print(
            f"| {fmt} | {plain['documents']:,} | {plain['seconds']:.1f} | "
            f"{plain['documents'] / plain['seconds']:.0f} | {plain['peak_rss_kb'] / 1024:.0f} |"
            f" {growth:.0f} | {traced['peak_python_bytes'] / 2**20:.1f} |"
        )


if __name__ == "__main__":
    main()
