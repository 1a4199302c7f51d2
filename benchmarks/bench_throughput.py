"""Batch pre-annotation throughput of ``annotate`` and ``import`` against plain natasha.

The baseline is what anyone would write with natasha alone: for every paragraph,
segment, morph, NER and normalize the spans. Our code paths do that and more (trimmed
spans, full names for surnames, quotes and speakers, search lemmas, the database), so
the question is what the extra costs: the target is at least 0.9x the baseline's
documents per second in one process, and at least 1.6x with ``--jobs 2`` on 2 cores.
Everything runs in this one process on the same articles (variants of the sample, see
generate.py); models are loaded once. The configurations take turns on slices of the
articles, so a burst of other load on the machine hits all of them alike; the best of
``--repeat`` rounds counts. CPU time (with the workers') per document is printed too: when
the machine is busy, wall time exceeds it and the ``--jobs 2`` ratio says more about the
other load than about razmetka; so does the row "plain natasha, 2 processes" (the same
baseline in a pool forked after loading), the ceiling that ``--jobs 2`` can reach.

Run: python benchmarks/bench_throughput.py [--docs 200] [--repeat 2] [--slice 50] [--markdown]
"""

from __future__ import annotations

import argparse
import atexit
import io
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import write_articles
from models.nlp.ner import load_models

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


def annotate_path(paths: list[Path], jobs: int, _store: object = None) -> int:
    """What ``main.py annotate`` does: read, pre-annotate, one JSON line per document."""
    from models.io.ingest import Document, load_paths
    from models.io.jsonshape import document_to_json
    from models.pipeline import pre_annotate_many

    sink = io.StringIO()
    docs = (d for d in load_paths(paths) if isinstance(d, Document))
    n = 0
    for _curated, model, _lemmas in pre_annotate_many(docs, jobs):
        sink.write(json.dumps(document_to_json(model), ensure_ascii=False) + "\n")
        n += len(model.entities)
    return n


def import_path(paths: list[Path], jobs: int, store: object = None) -> int:
    """What ``main.py import`` does, into the given store."""
    try:
        from models.io.importers import import_files

        report = import_files(store, paths, jobs=jobs)
    except ImportError:
        from models.importer import import_paths

        report = import_paths(store, paths, jobs)  # type: ignore[arg-type]
    assert not report.errors and report.added, report.errors[:3]
    return len(report.added)


def baseline_path(paths: list[Path], _jobs: int, _store: object = None) -> int:
    """The baseline on the same files (read as plain UTF-8, as natasha users do)."""
    return plain_natasha([p.read_text(encoding="utf-8") for p in paths])


def _natasha_one(path: Path) -> int:
    return plain_natasha([path.read_text(encoding="utf-8")])


def baseline_pool(paths: list[Path], jobs: int, _store: object = None) -> int:
    """The baseline in ``jobs`` processes forked after loading: the machine's ceiling."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return sum(pool.imap(_natasha_one, paths, chunksize=4))


Config = tuple[str, Callable[[list[Path], int, object], int], int, float | None]
CONFIGS: list[Config] = [
    ("plain natasha (baseline)", baseline_path, 1, None),
    ("plain natasha, 2 processes", baseline_pool, 2, None),
    ("annotate, 1 process", annotate_path, 1, 0.9),
    ("import, 1 process", import_path, 1, 0.9),
    ("annotate --jobs 2", annotate_path, 2, 1.6),
    ("import --jobs 2", import_path, 2, 1.6),
]


def _cpu() -> float:
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_round(
    paths: list[Path], slice_size: int, tmp: Path, round_no: int
) -> dict[str, tuple[float, float]]:
    """Every configuration over all articles, in slices taken in turn, so a burst of
    other load on the machine hits every configuration alike. ``{name: (wall, cpu)}``."""
    from models.store.store import Store

    stores = {
        name: Store(tmp / f"r{round_no}-{i}.db")
        for i, (name, fn, _j, _t) in enumerate(CONFIGS)
        if fn is import_path
    }
    spent = {name: (0.0, 0.0) for name, *_ in CONFIGS}
    for start in range(0, len(paths), slice_size):
        part = paths[start : start + slice_size]
        for name, fn, jobs, _target in CONFIGS:
            w0, c0 = time.perf_counter(), _cpu()
            fn(part, jobs, stores.get(name))
            wall, cpu = spent[name]
            spent[name] = (wall + time.perf_counter() - w0, cpu + _cpu() - c0)
    for store in stores.values():
        store.close()
    return spent


def main() -> None:
    """Measure, then print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--slice", type=int, default=50, help="articles per turn")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="razmetka-throughput-"))
    atexit.register(shutil.rmtree, tmp, True)
    paths = write_articles(tmp / "articles", args.docs)
    t0 = time.perf_counter()
    load_models()
    load_s = time.perf_counter() - t0
    baseline_path(paths[:5], 1)  # warm caches before anything is timed
    annotate_path(paths[:5], 1)
    load_before = os.getloadavg()[0]
    best: dict[str, tuple[float, float]] = {}
    for r in range(args.repeat):
        for name, (wall, cpu) in run_round(paths, args.slice, tmp, r).items():
            if name not in best or wall < best[name][0]:
                best[name] = (wall, cpu)
    base = best[CONFIGS[0][0]][0]
    rows = []
    for name, _fn, _jobs, target in CONFIGS:
        wall, cpu = best[name]
        ratio = base / wall
        verdict = "" if target is None else ("ok" if ratio >= target else "BELOW")
        rows.append((name, wall, args.docs / wall, 1000 * cpu / args.docs, ratio, target, verdict))
    _print(rows, args, load_s, load_before)


def _print(
    rows: list[tuple[str, float, float, float, float, float | None, str]],
    args: argparse.Namespace,
    load_s: float,
    load_before: float,
) -> None:
    cores = os.cpu_count()
    print(
        f"{args.docs} articles (sample variants, ~3,200 characters), in turns of "
        f"{args.slice}, best of {args.repeat}; {cores} cores; model load {load_s:.1f} s "
        f"(once); load average {load_before:.1f} → {os.getloadavg()[0]:.1f}"
    )
    if args.markdown:
        print("\n| path | seconds | docs/s | CPU ms/doc | vs baseline | target |")
        print("|---|---:|---:|---:|---:|---|")
        for name, sec, rate, cpu, ratio, target, verdict in rows:
            goal = "" if target is None else f"≥ {target}x {verdict}"
            print(f"| {name} | {sec:.1f} | {rate:.1f} | {cpu:.0f} | {ratio:.2f}x | {goal} |")
        return
    for name, sec, rate, cpu, ratio, target, verdict in rows:
        goal = "" if target is None else f"target ≥ {target}x  {verdict}"
        print(
            f"{name:26} {sec:7.1f} s {rate:7.1f} docs/s {cpu:5.0f} CPU ms/doc {ratio:6.2f}x  {goal}"
        )


if __name__ == "__main__":
    main()
