"""The window at scale: a 1,000-article import, a 1 MB article, a 100,000-document corpus.

Three measurements, each in its own process (so peak memory belongs to one scenario):

- import: 1,000 generated articles (benchmarks/generate.write_articles) imported through
  the window (File > Import's code path: progress bar, Cancel, a child import process).
  A timer on the event loop fires every 10 ms; its longest gap is the longest time the
  window could not repaint or take a click (target: under 100 ms). Then a second batch
  is cancelled part way: what was stored before the cancel must all be there.
- article: the bundled sample and a ~1 MB article with 10,000 entity spans and 500 quotes
  (generate.big_article), in one run: open time, one page-down through the whole article
  and random jumps with a forced ``viewport().repaint()`` after each step, and the edit
  latency of benchmarks/bench_edit.py, each as a big/sample ratio.
- corpus: a 100,000-document database (generate.build_corpus, or ``--corpus-db``): the
  window's open time, one scroll step, the document list scrolled to its end (the last
  row shown), random jumps, the same under a status filter, and the window's peak RSS.

Run: python benchmarks/bench_gui.py [--import-docs 1000] [--corpus-docs 100000]
     [--corpus-db PATH (kept, reused)] [--only import,article,corpus] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_GAP_MS = 100
Result = dict[str, Any]


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB, from /proc."""
    fields = dict(
        line.split(":", 1)
        for line in Path("/proc/self/status").read_text().splitlines()
        if ":" in line
    )
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def ms(seconds: float) -> float:
    """Seconds to milliseconds, rounded for the table."""
    return round(seconds * 1000, 1)


class Probe:
    """A 10 ms timer on the GUI thread; records the gaps between its firings."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.gaps: list[int] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(lambda: self.gaps.append(self.clock.restart()))

    def start(self) -> Probe:
        self.clock.start()
        self.timer.start()
        return self

    def stop(self) -> None:
        self.timer.stop()

    def summary(self) -> Result:
        g = sorted(self.gaps) or [0]
        return {
            "max_gap_ms": g[-1],
            "p99_gap_ms": g[int(len(g) * 0.99)],
            "median_gap_ms": statistics.median(g),
            "gaps_over_target": sum(x > TARGET_GAP_MS for x in g),
            "ticks": len(g),
        }


def window_for(store: Any) -> Any:
    """A shown main window of the usual size, with its events processed."""
    from gui.app import application
    from gui.main_window import MainWindow
    from models import AnnotationService

    app = application()
    window = MainWindow(AnnotationService(store, "bench"), remember_layout=False)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    return window


def run_import(
    window: Any, paths: list[Path], on_progress: Callable[..., None] | None = None
) -> tuple[Any, float]:
    """Import through the window (its runner and status bar); (report, seconds)."""
    from gui.app import application

    app = application()
    done: list[Any] = []

    def finished(report: Any) -> None:
        done.append(report)
        app.quit()

    window.import_finished.connect(finished)
    if on_progress is not None:
        window.runner.progress.connect(on_progress)
    t0 = time.perf_counter()
    window.import_files(paths)
    app.exec()
    seconds = time.perf_counter() - t0
    window.import_finished.disconnect(finished)
    if on_progress is not None:
        window.runner.progress.disconnect(on_progress)
    return done[0], seconds


# -- scenarios (each runs in a child process of this script) --------------------------


def section_import(n: int) -> Result:
    """A batch import of ``n`` articles in the window; then a cancelled one."""
    from benchmarks.generate import write_articles
    from models.store.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="razmetka-gui-import-"))
    write_articles(tmp / "batch", n)
    store = Store(tmp / "import.db")
    window = window_for(store)
    before = rss_mb()[0]
    load = os.getloadavg()[0]
    probe = Probe().start()
    report, seconds = run_import(window, [tmp / "batch"])
    probe.stop()
    out: Result = {
        "docs": len(report.added),
        "errors": len(report.errors),
        "seconds": round(seconds, 1),
        "docs_per_s": round(len(report.added) / seconds, 1),
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "window_rss_mb": round(before),
        "window_peak_mb": round(rss_mb()[1]),
        "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "list_total": window.document_list.model.total,
        **probe.summary(),
    }
    # Cancel a second batch once 20 of its articles are stored.
    write_articles(tmp / "more", 200, seed=1)
    clicked: list[float] = []

    def cancel(done: int, _total: int, _text: str) -> None:
        if done >= 20 and not clicked:
            clicked.append(time.perf_counter())
            window.import_status.cancel_button.click()

    cancel_probe = Probe().start()
    cancelled, _ = run_import(window, [tmp / "more"], cancel)
    stopped = time.perf_counter()
    cancel_probe.stop()
    out.update(
        cancel_kept=len(cancelled.added),
        cancel_stored=store.count_documents() - len(report.added),
        cancel_latency_ms=ms(stopped - clicked[0]) if clicked else None,
        cancel_max_gap_ms=cancel_probe.summary()["max_gap_ms"],
    )
    window.close()
    store.close()
    return out


def _scroll_steps(window: Any, jumps: int, seed: int = 0) -> tuple[list[float], list[float]]:
    """Seconds per page-down step (whole article) and per random jump, repaint forced."""
    from PySide6.QtWidgets import QAbstractSlider

    from gui.app import application

    app, view = application(), window.view
    bar = view.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    steps: list[float] = []
    while bar.value() < bar.maximum():
        t0 = time.perf_counter()
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        app.processEvents()
        view.viewport().repaint()
        steps.append(time.perf_counter() - t0)
    rng = random.Random(seed)
    leaps: list[float] = []
    for _ in range(jumps):
        t0 = time.perf_counter()
        bar.setValue(rng.randint(0, bar.maximum()))
        app.processEvents()
        view.viewport().repaint()
        leaps.append(time.perf_counter() - t0)
    return steps, leaps


def _article(path: Path, jumps: int) -> Result:
    from gui.app import application
    from models.store.store import Store

    app = application()
    store = Store(path)
    window = window_for(store)
    doc_id = store.document_ids()[0]
    opens = []
    for _ in range(3):
        t0 = time.perf_counter()
        window.open_document(doc_id)
        app.processEvents()
        window.view.viewport().repaint()
        opens.append(time.perf_counter() - t0)
    steps, leaps = _scroll_steps(window, jumps)
    doc = window.current.document
    out = {
        "chars": len(doc.text),
        "entities": len(doc.entities),
        "quotes": len(doc.quotes),
        "open_first_ms": ms(opens[0]),
        "open_ms": ms(statistics.median(opens)),
        "steps": len(steps),
        "step_max_ms": ms(max(steps)),
        "step_median_ms": ms(statistics.median(steps)),
        "jump_max_ms": ms(max(leaps)),
        "jump_median_ms": ms(statistics.median(leaps)),
    }
    window.close()
    store.close()
    return out


def section_article(edits: int, jumps: int) -> Result:
    """The sample and the 1 MB article, measured the same way in one run."""
    from benchmarks import bench_edit
    from benchmarks.generate import big_article
    from models.io.importers import import_files
    from models.labels import sample_path
    from models.store.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="razmetka-gui-article-"))
    paths = {"sample": tmp / "sample.db", "big": tmp / "big.db"}
    store = Store(paths["sample"])
    import_files(store, [sample_path()])
    store.close()
    store = Store(paths["big"])
    store.add_document(big_article())
    store.close()
    out: Result = {name: _article(path, jumps) for name, path in paths.items()}
    for name, path in paths.items():
        times = bench_edit.run(path, edits)
        out[name].update(
            {f"edit_{op}_ms": ms(statistics.median(times[op])) for op in bench_edit.OPS}
        )
    return out


def _filtered_jump(window: Any, app: Any, bar: Any) -> Result:
    """The status filter "done": its count, then the end and a middle row of the list."""
    table, model = window.document_list.table, window.document_list.model
    t0 = time.perf_counter()
    model.set_filter(status="done")
    app.processEvents()
    table.viewport().repaint()
    filter_s = time.perf_counter() - t0
    times = []
    for value in (bar.maximum(), bar.maximum() // 2):  # OFFSET pages: the deepest cost most
        t0 = time.perf_counter()
        bar.setValue(value)
        app.processEvents()
        table.viewport().repaint()
        times.append(time.perf_counter() - t0)
    out = {
        "filtered_rows": model.total,
        "filter_ms": ms(filter_s),
        "filtered_end_ms": ms(times[0]),
        "filtered_middle_ms": ms(times[1]),
    }
    model.set_filter()
    return out


def section_corpus(path: Path, jumps_n: int) -> Result:
    """Open the window on a big corpus, scroll its list to the end and jump about."""
    from PySide6.QtWidgets import QAbstractSlider

    from gui.app import application
    from gui.panels.document_list_model import DOC_ID_ROLE
    from models.store.store import Store

    app = application()
    t0 = time.perf_counter()
    store = Store(path)
    window = window_for(store)
    window.open_first()
    app.processEvents()
    open_s = time.perf_counter() - t0
    after_open = rss_mb()[0]
    table, model = window.document_list.table, window.document_list.model
    bar = table.verticalScrollBar()
    t0 = time.perf_counter()
    bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    app.processEvents()
    table.viewport().repaint()
    page_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    table.scrollToBottom()  # the scroll bar spans every row: one step to the end
    app.processEvents()
    table.viewport().repaint()
    to_end_s = time.perf_counter() - t0
    last_shown = table.rowAt(table.viewport().height() - 2)
    assert model.index(last_shown, 0).data(DOC_ID_ROLE) == model.summary(model.total - 1).id
    rng = random.Random(0)
    jumps: list[float] = []
    for _ in range(jumps_n):
        t0 = time.perf_counter()
        bar.setValue(rng.randrange(bar.maximum()))
        app.processEvents()
        table.viewport().repaint()
        jumps.append(time.perf_counter() - t0)
    pages_read, pages_cached = model.pages_read, model.pages_cached
    filtered = _filtered_jump(window, app, bar)
    out = {
        "documents": model.total,
        "db_mb": round(path.stat().st_size / 2**20),
        "open_ms": ms(open_s),
        "page_down_ms": ms(page_s),
        "to_end_ms": ms(to_end_s),
        "jump_median_ms": ms(statistics.median(jumps)),
        "jump_max_ms": ms(max(jumps)),
        "pages_read": pages_read,
        "pages_cached": pages_cached,
        **filtered,
        "rss_after_open_mb": round(after_open),
        "peak_rss_mb": round(rss_mb()[1]),
    }
    window.close()
    store.close()
    return out


# -- driver ---------------------------------------------------------------------------


def child(section: str, args: argparse.Namespace) -> Result:
    """Run one section in a fresh process; its last stdout line is the JSON result."""
    cmd = [
        sys.executable,
        __file__,
        "--section",
        section,
        "--import-docs",
        str(args.import_docs),
        "--edits",
        str(args.edits),
        "--jumps",
        str(args.jumps),
    ]
    if section == "corpus":
        cmd += ["--corpus-db", str(args.corpus_db)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(results: Result, args: argparse.Namespace) -> str:
    """The markdown table for docs/benchmarks.md."""
    rows = ["| measurement | result | target / baseline |", "|---|---:|---|"]
    if "import" in results:
        r = results["import"]
        ok = "ok" if r["max_gap_ms"] < TARGET_GAP_MS else "MISSED"
        rows += [
            (
                f"| import {r['docs']:,} articles in the window | {r['seconds']} s, "
                f"{r['docs_per_s']} docs/s | load average {r['load_before']} → {r['load_after']} |"
            ),
            (
                f"| event loop: longest gap during the import | {r['max_gap_ms']} ms | "
                f"< {TARGET_GAP_MS} ms {ok} |"
            ),
            (
                f"| event loop: 99th percentile / median gap | {r['p99_gap_ms']} / "
                f"{r['median_gap_ms']} ms | timer every 10 ms |"
            ),
            f"| gaps over {TARGET_GAP_MS} ms | {r['gaps_over_target']} of {r['ticks']:,} | 0 |",
            (
                f"| cancel after 20 of 200: kept / stored | {r['cancel_kept']} / "
                f"{r['cancel_stored']} | equal |"
            ),
            (
                f"| cancel: click to finished | {r['cancel_latency_ms']} ms | "
                f"longest gap {r['cancel_max_gap_ms']} ms |"
            ),
            (
                f"| peak RSS: window / import process | {r['window_peak_mb']} MB / "
                f"{r['worker_peak_mb']} MB | window before import {r['window_rss_mb']} MB |"
            ),
        ]
    if "article" in results:
        s, b = results["article"]["sample"], results["article"]["big"]
        rows.append(
            f"| article: sample vs big | {s['chars']:,} chars, {s['entities']} "
            f"entities, {s['quotes']} quotes | {b['chars']:,} chars, "
            f"{b['entities']:,} entities, {b['quotes']} quotes |"
        )
        for key, what in (
            ("open_ms", "open (median of 3)"),
            ("open_first_ms", "first open"),
            ("step_median_ms", "page down + repaint, median"),
            ("step_max_ms", "page down + repaint, max"),
            ("jump_median_ms", "random jump + repaint, median"),
            ("jump_max_ms", "random jump + repaint, max"),
            ("edit_add_ms", "edit: add a span (median)"),
            ("edit_relabel_ms", "edit: relabel (median)"),
            ("edit_delete_ms", "edit: delete (median)"),
        ):
            ratio = b[key] / max(s[key], 0.1)
            rows.append(
                f"| 1 MB article: {what} | {b[key]} ms ({ratio:.1f}x the sample) | "
                f"sample {s[key]} ms |"
            )
        rows.append(
            f"| 1 MB article: page-down steps through the whole text | {b['steps']} | "
            f"sample {s['steps']} |"
        )
    if "corpus" in results:
        c = results["corpus"]
        rows += [
            (
                f"| {c['documents']:,}-document database: open the window | {c['open_ms']} ms | "
                f"{c['db_mb']:,} MB file |"
            ),
            f"| list: one page down | {c['page_down_ms']} ms | |",
            (
                f"| list: scroll to the end, last row shown | {c['to_end_ms']} ms | "
                f"one step: every row is counted at open |"
            ),
            (
                f"| list: {args.jumps} random jumps + repaint, median / max | "
                f"{c['jump_median_ms']} / {c['jump_max_ms']} ms | pages of 200 read "
                f"{c['pages_read']}, kept {c['pages_cached']} (at most 50) |"
            ),
            (
                f'| list filtered to "done" ({c["filtered_rows"]:,} rows): filter / end / '
                f"middle | {c['filter_ms']} / {c['filtered_end_ms']} / "
                f"{c['filtered_middle_ms']} ms | pages by OFFSET |"
            ),
            (
                f"| window RSS after open / peak | "
                f"{c['rss_after_open_mb']} MB / {c['peak_rss_mb']} MB | |"
            ),
        ]
    return "\n".join(rows)


def main() -> int:
    """Run the chosen sections, each in its own process, and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--import-docs", type=int, default=1000)
    ap.add_argument("--corpus-docs", type=int, default=100_000)
    ap.add_argument("--corpus-db", type=Path, help="the big database (built if missing)")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--jumps", type=int, default=50)
    ap.add_argument("--only", default="import,article,corpus")
    ap.add_argument("--section", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.section:
        runners: dict[str, Callable[[], Result]] = {
            "import": lambda: section_import(args.import_docs),
            "article": lambda: section_article(args.edits, args.jumps),
            "corpus": lambda: section_corpus(args.corpus_db, args.jumps),
        }
        print(json.dumps(runners[args.section]()))
        return 0
    sections = args.only.split(",")
    if "corpus" in sections:
        if args.corpus_db is None:
            args.corpus_db = Path(tempfile.mkdtemp(prefix="razmetka-gui-corpus-")) / "big.db"
        from benchmarks.generate import build_corpus
        from models.store.store import Store

        store = Store(args.corpus_db)
        have = store.count_documents()
        store.close()
        if have < args.corpus_docs:
            build_corpus(args.corpus_db, args.corpus_docs, progress=True)
    results = {}
    for section in sections:
        print(f"running {section}…", file=sys.stderr, flush=True)
        results[section] = child(section, args)
        print(json.dumps(results[section]), file=sys.stderr, flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(table(results, args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
