"""Batch pre-annotation throughput of ``annotate`` and ``import`` against plain natasha.

The baseline is what anyone would write with natasha alone: for every paragraph,
segment, morph, NER and normalize the spans. Our code paths do that and more (trimmed
spans, full names for surnames, quotes and speakers, search lemmas, the database), so
the question is what the extra costs: the target is at least 0.9x the baseline's
documents per second in one process, and at least 1.6x with ``--jobs 2`` on 2 cores.
Everything runs in this one process on the same articles (variants of the sample, see
generate.py); models are loaded once; each configuration runs ``--repeat`` times,
interleaved, and its best time counts, since other load on the machine only slows runs.

Run: python benchmarks/bench_throughput.py [--docs 200] [--repeat 2] [--markdown]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import write_articles  # noqa: E402
from models.ner import load_models  # noqa: E402

_BLANK = re.compile(r"\n\s*\n")


def plain_natasha(texts: list[str]) -> int:
    """The baseline: natasha's documented pipeline, paragraph by paragraph."""
    from natasha import Doc

    nlp = load_models()
    spans = 0
    for text in texts:
        for para in _BLANK.split(text):
            if not para.strip():
                continue
            doc = Doc(para)
            doc.segment(nlp.segmenter)
            doc.tag_morph(nlp.morph_tagger)
            doc.tag_ner(nlp.ner_tagger)
            for span in doc.spans:
                span.normalize(nlp.morph_vocab)
            spans += len(doc.spans)
    return spans


def annotate_path(paths: list[Path], jobs: int) -> int:
    """What ``main.py annotate`` does: read, pre-annotate, one JSON line per document."""
    from models.ingest import Document, load_paths
    from models.jsonshape import document_to_json
    from models.pipeline import pre_annotate_many

    sink = io.StringIO()
    docs = (d for d in load_paths(paths) if isinstance(d, Document))
    n = 0
    for _curated, model, _lemmas in pre_annotate_many(docs, jobs):
        sink.write(json.dumps(document_to_json(model), ensure_ascii=False) + "\n")
        n += len(model.entities)
    return n


def import_path(paths: list[Path], jobs: int) -> int:
    """What ``main.py import`` does, into a fresh database file."""
    from models.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        from models.importers import import_files

        report = import_files(store, paths, jobs=jobs)
        assert not report.errors, report.errors[:3]
        n = len(report.added)
        store.close()
    return n


def best_time(fn: Callable[[], int], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    """Measure, then print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="razmetka-throughput-"))
    paths = write_articles(tmp / "articles", args.docs)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    t0 = time.perf_counter()
    load_models()
    load_s = time.perf_counter() - t0
    plain_natasha(texts[:5])  # warm caches before anything is timed
    annotate_path(paths[:5], 1)
    load_before = os.getloadavg()[0]

    configs: list[tuple[str, Callable[[], int], float | None]] = [
        ("plain natasha (baseline)", lambda: plain_natasha(texts), None),
        ("annotate, 1 process", lambda: annotate_path(paths, 1), 0.9),
        ("import, 1 process", lambda: import_path(paths, 1), 0.9),
        ("annotate --jobs 2", lambda: annotate_path(paths, 2), 1.6),
        ("import --jobs 2", lambda: import_path(paths, 2), 1.6),
    ]
    best = {name: float("inf") for name, _, _ in configs}
    for _ in range(args.repeat):  # interleaved, so a busy moment hits every config
        for name, fn, _target in configs:
            best[name] = min(best[name], best_time(fn, 1))
    base = best[configs[0][0]]
    rows = []
    for name, _fn, target in configs:
        ratio = base / best[name]
        verdict = "" if target is None else ("ok" if ratio >= target else "BELOW")
        rows.append((name, best[name], args.docs / best[name], ratio, target, verdict))
    _print(rows, args, load_s, load_before)


def _print(rows: list[tuple[str, float, float, float, float | None, str]],
           args: argparse.Namespace, load_s: float, load_before: float) -> None:
    cores = os.cpu_count()
    print(f"{args.docs} articles (sample variants, ~3,200 characters), best of "
          f"{args.repeat}; {cores} cores; model load {load_s:.1f} s (once); "
          f"load average {load_before:.1f} → {os.getloadavg()[0]:.1f}")
    if args.markdown:
        print("\n| path | seconds | docs/s | vs baseline | target |")
        print("|---|---:|---:|---:|---|")
        for name, sec, rate, ratio, target, verdict in rows:
            goal = "" if target is None else f"≥ {target}x {verdict}"
            print(f"| {name} | {sec:.1f} | {rate:.1f} | {ratio:.2f}x | {goal} |")
        return
    for name, sec, rate, ratio, target, verdict in rows:
        goal = "" if target is None else f"target ≥ {target}x  {verdict}"
        print(f"{name:26} {sec:7.1f} s {rate:7.1f} docs/s {ratio:6.2f}x  {goal}")


if __name__ == "__main__":
    main()
