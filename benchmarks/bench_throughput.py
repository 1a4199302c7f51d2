"""Pre-annotation throughput of ``annotate`` and ``import`` against natasha's own call.

The baseline is natasha used the way its documentation shows, one ``Doc`` per article:
segment, tag_morph, tag_ner, normalize every span. The second row is the same per
paragraph, the way razmetka called natasha before it batched. ``annotate`` and ``import``
run the real code paths on the same files: read and decode, NER (batched across
documents), trimmed spans and full names, «»-named organizations, quotes and speakers,
search lemmas, then a JSON line per document (``annotate``) or one database
transaction per document (``import``). Targets: at least 1.1x the baseline's documents
per second in one process and at least 1.9x with ``--jobs 2`` on two free cores.

Everything runs in this one process (models loaded once; ``--jobs 2`` forks its
workers per call, as one command would). The configurations take turns on slices of
the articles, so a burst of other load hits them alike; the best of ``--repeat`` rounds
counts. Each turn also times a pure-Python loop in two processes at once against one:
that ratio, the machine's parallel ceiling at that moment, is printed beside the
``--jobs 2`` rows. On an idle 2-core machine it is about 2.0x; when other programs hold
a core it falls, and the ``--jobs 2`` ratios with it.

``--big MB`` measures one long article instead (real news and sample paragraphs, each
made unique, until the file has MB megabytes): ``main.py import`` of it in a child
process, its time, its peak resident memory, and how often it reported paragraphs.

Run: python benchmarks/bench_throughput.py [--quick] [--docs 200] [--repeat 2] [--slice 50]
     [--real] [--markdown]
     python benchmarks/bench_throughput.py --big 50
"""

from __future__ import annotations

import argparse
import atexit
import io
import json
import multiprocessing
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import news_variants, write_articles
from models.nlp.ner import load_models

_BLANK = re.compile(r"\n\s*\n")
ROOT = Path(__file__).resolve().parents[1]
LOOP = 3_000_000  # iterations of the pure-Python loop per turn (about 0.2 s)


def whole_documents(paths: list[Path], _jobs: int = 1, _store: object = None) -> int:
    """The baseline: natasha's documented pipeline, one ``Doc`` per article."""
    from natasha import Doc

    nlp = load_models()
    spans = 0
    for path in paths:
        doc = Doc(path.read_text(encoding="utf-8"))
        doc.segment(nlp.segmenter)
        doc.tag_morph(nlp.morph_tagger)
        doc.tag_ner(nlp.ner_tagger)
        for span in doc.spans:
            span.normalize(nlp.morph_vocab)
        spans += len(doc.spans)
    return spans


def paragraphs(paths: list[Path], _jobs: int = 1, _store: object = None) -> int:
    """The same calls on every paragraph (split at blank lines) instead."""
    from natasha import Doc

    nlp = load_models()
    spans = 0
    for path in paths:
        for para in _BLANK.split(path.read_text(encoding="utf-8")):
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
    for _curated, model, _lemmas in pre_annotate_many(docs, jobs, search=False):
        sink.write(json.dumps(document_to_json(model), ensure_ascii=False) + "\n")
        n += len(model.entities)
    return n


def import_path(paths: list[Path], jobs: int, store: object = None) -> int:
    """What ``main.py import`` does, into the given store."""
    from models.io.importers import import_files

    report = import_files(store, paths, jobs=jobs)
    assert not report.errors and report.added, report.errors[:3]
    return len(report.added)


Config = tuple[str, Callable[[list[Path], int, object], int], int, float | None]
CONFIGS: list[Config] = [
    ("natasha, one Doc per article (baseline)", whole_documents, 1, None),
    ("natasha, one Doc per paragraph", paragraphs, 1, None),
    ("annotate, 1 process", annotate_path, 1, 1.1),
    ("import, 1 process", import_path, 1, 1.1),
    ("annotate --jobs 2", annotate_path, 2, 1.9),
    ("import --jobs 2", import_path, 2, 1.9),
]


def _loop(n: int = LOOP) -> None:
    total = 0
    for i in range(n):
        total += i * i


def cpu_loop(copies: int) -> float:
    """Wall time of ``copies`` processes each running the same pure-Python loop."""
    ctx = multiprocessing.get_context("fork")
    t0 = time.perf_counter()
    procs = [ctx.Process(target=_loop) for _ in range(copies)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return time.perf_counter() - t0


def _cpu() -> float:
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_round(
    paths: list[Path], slice_size: int, tmp: Path, round_no: int
) -> tuple[dict[str, tuple[float, float]], float]:
    """Every configuration over all articles, in slices taken in turn, and the parallel
    ceiling timed in the same turns. ``({name: (wall, cpu)}, ceiling)``."""
    from models.store.store import Store

    stores = {
        name: Store(tmp / f"r{round_no}-{i}.db")
        for i, (name, fn, _j, _t) in enumerate(CONFIGS)
        if fn is import_path
    }
    spent = {name: (0.0, 0.0) for name, *_ in CONFIGS}
    one = two = 0.0
    for start in range(0, len(paths), slice_size):
        part = paths[start : start + slice_size]
        for name, fn, jobs, _target in CONFIGS:
            w0, c0 = time.perf_counter(), _cpu()
            fn(part, jobs, stores.get(name))
            wall, cpu = spent[name]
            spent[name] = (wall + time.perf_counter() - w0, cpu + _cpu() - c0)
        one += cpu_loop(1)
        two += cpu_loop(2)
    for store in stores.values():
        store.close()
    return spent, 2 * one / two


def _articles(folder: Path, n: int, real: bool) -> list[Path]:
    if not real:
        return write_articles(folder, n)
    data = json.loads((ROOT / "tests/data/news_real_dev_texts.json").read_text(encoding="utf-8"))
    folder.mkdir(parents=True)
    paths = []
    for i in range(n):
        path = folder / f"real_{i:05d}.txt"
        text = data[i % len(data)]["text"]
        path.write_text(text if i < len(data) else f"{text}\n\nКопия {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def long_article(path: Path, megabytes: float) -> int:
    """Write one article of real news and sample paragraphs, each made unique (so none
    is dropped as a repeat), until it has ``megabytes``; returns its characters."""
    from models.io.ingest import paragraphs

    data = json.loads((ROOT / "tests/data/news_real_dev_texts.json").read_text(encoding="utf-8"))
    texts = [d["text"] for d in data] + list(news_variants(20, seed=3))
    paras = [t[s:e] for t in texts for s, e in paragraphs(t)]
    size, n, parts = 0, 0, ["date 2025-11-26 Очень длинная статья: все новости года"]
    while size < megabytes * 1_000_000:
        parts.append(f"{paras[n % len(paras)]} (Абзац {n + 1}.)")
        size += len(parts[-1].encode()) + 2
        n += 1
    text = "\n\n".join(parts) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text)


def big_import(megabytes: float) -> None:
    """``main.py import`` of one long article: time, peak RSS, progress lines."""
    from models.store.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="razmetka-big-"))
    atexit.register(shutil.rmtree, tmp, True)
    article, db = tmp / "long.txt", tmp / "long.db"
    chars = long_article(article, megabytes)
    cmd = [sys.executable, str(ROOT / "main.py"), "import", "--db", str(db), str(article)]
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _rss_kb(proc.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(proc.stderr.read().decode() if proc.stderr else "import failed")
    store = Store(db, readonly=True)
    doc = store.document(store.document_ids()[0])
    print(
        f"one article of {article.stat().st_size / 1e6:.1f} MB ({chars:,} characters): "
        f"main.py import in {wall:.0f} s ({chars / wall / 1000:.0f}k characters/s), peak RSS "
        f"{peak / 1024:.0f} MB; {len(doc.entities):,} entities, {len(doc.quotes):,} quotes; "
        f"load average {load:.1f} → {os.getloadavg()[0]:.1f}"
    )


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
    except OSError:
        return 0


def main() -> None:
    """Measure, then print the table and the verdicts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--slice", type=int, default=50, help="articles per turn")
    ap.add_argument("--quick", action="store_true", help="60 articles, one round")
    ap.add_argument("--real", action="store_true", help="real news (tests/data) instead")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--big", type=float, metavar="MB", help="one long article instead")
    args = ap.parse_args()
    if args.big:
        big_import(args.big)
        return
    if args.quick:
        args.docs, args.repeat, args.slice = 60, 1, 30

    tmp = Path(tempfile.mkdtemp(prefix="razmetka-throughput-"))
    atexit.register(shutil.rmtree, tmp, True)
    paths = _articles(tmp / "articles", args.docs, args.real)
    t0 = time.perf_counter()
    load_models()
    load_s = time.perf_counter() - t0
    whole_documents(paths[:5])  # warm caches before anything is timed
    annotate_path(paths[:5], 1)
    load_before = os.getloadavg()[0]
    best: dict[str, tuple[float, float]] = {}
    ceilings = []
    for r in range(args.repeat):
        spent, ceiling = run_round(paths, args.slice, tmp, r)
        ceilings.append(ceiling)
        for name, (wall, cpu) in spent.items():
            if name not in best or wall < best[name][0]:
                best[name] = (wall, cpu)
    _print(best, args, load_s, load_before, ceilings, sum(len(p.read_text()) for p in paths))


def _print(
    best: dict[str, tuple[float, float]],
    args: argparse.Namespace,
    load_s: float,
    load_before: float,
    ceilings: list[float],
    chars: int,
) -> None:
    base = best[CONFIGS[0][0]][0]
    ceiling = max(ceilings)
    kind = "real news texts" if args.real else "generated articles"
    print(
        f"{args.docs} {kind} ({chars / args.docs:,.0f} characters on average), in turns of "
        f"{args.slice}, best of {args.repeat}; {os.cpu_count()} cores; models loaded once in "
        f"{load_s:.1f} s; load average {load_before:.1f} → {os.getloadavg()[0]:.1f}"
    )
    print(
        f"parallel ceiling (a pure-Python loop, 2 processes vs 1, same turns): "
        f"{' / '.join(f'{c:.2f}x' for c in ceilings)}\n"
    )
    md = args.markdown
    if md:
        print("| path | seconds | docs/s | CPU ms/doc | vs baseline | target |")
        print("|---|---:|---:|---:|---:|---|")
    verdicts = []
    for name, _fn, jobs, target in CONFIGS:
        wall, cpu = best[name]
        ratio = base / wall
        goal = ""
        if target is not None:
            ok = "ok" if ratio >= target else "BELOW"
            goal = f"≥ {target}x {ok}" + (f" (ceiling {ceiling:.2f}x)" if jobs > 1 else "")
            verdicts.append(f"{name}: {ratio:.2f}x the baseline, target {target}x: {ok}")
        cells = (name, f"{wall:.1f}", f"{args.docs / wall:.1f}", f"{1000 * cpu / args.docs:.0f}")
        if md:
            print(f"| {' | '.join(cells)} | {ratio:.2f}x | {goal} |")
        else:
            print(
                f"{cells[0]:40} {cells[1]:>6} s {cells[2]:>6} docs/s {cells[3]:>4} CPU ms/doc "
                f"{ratio:5.2f}x  {goal}"
            )
    print()
    for line in verdicts:
        print(line)
    if ceiling < 1.9:
        print(
            f"The machine's parallel ceiling was {ceiling:.2f}x, under the 2.0x of two idle "
            "cores: other programs held part of a core, and the --jobs 2 rows are held back "
            "with it; rerun on an idle machine."
        )


if __name__ == "__main__":
    main()
