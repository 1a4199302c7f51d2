"""A batch import in a child process, so the caller's threads never wait for natasha.

The window cannot pre-annotate in one of its own threads without cost: Python runs one
thread at a time, and while natasha works the window's event loop waits its turn for
the interpreter lock; on a busy machine (two cores, other jobs) those waits pass 100 ms
and the window stutters. A child interpreter (``python -m models.io.import_process``: it
inherits no GUI threads, locks or ``__main__``) loads the models, imports into the
database file through its own connection, and writes one JSON line per event to its
stdout; the caller only forwards them. A line on the child's stdin (or its end: the
parent is gone) stops it at the next document (within a long one, at its next window
of paragraphs). Every document is committed on its own
(``import_files``), so what was done before a cancel or a crash is kept.
"""

from __future__ import annotations

import json
import os
import queue as queue_module
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from models.io.importers import ImportReport
from models.store.schema import StoreError

Progress = Callable[[int, int], None]
"""``progress(inputs_done, documents_added)``; (0, 0) once the models are loaded."""
Paragraphs = Callable[[int, int], None]
"""``paragraphs(done, total)`` while a long document is pre-annotated."""

POLL_S = 0.05
STOP_WAIT_S = 30.0


class ImportProcessError(Exception):
    """The child failed or ended without a report; the message is one line."""


def import_in_process(
    db: str | Path,
    paths: Sequence[str | Path],
    fmt: str = "auto",
    merge: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    paragraphs: Paragraphs | None = None,
) -> ImportReport:
    """Run ``import_files`` on the database file ``db`` in a child process.

    A cancel stops the child after its current document, or within a long one after
    its current window of paragraphs.

    Raises
    ------
    StoreError
        The database cannot be opened or written (one line, from the child).
    ImportProcessError
        The child failed or died without a report; documents it stored stay stored.
    """
    root = str(Path(__file__).resolve().parents[2])  # where the models package lives
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p),
    }
    job = json.dumps({"db": str(db), "paths": [str(p) for p in paths], "fmt": fmt, "merge": merge})
    child = subprocess.Popen(  # our own module, run by our own interpreter
        [sys.executable, "-m", "models.io.import_process", job],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
        encoding="utf-8",
    )
    try:
        return _follow(child, progress, cancelled, paragraphs)
    finally:
        _stop(child)
        try:
            child.wait(STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        assert child.stdout is not None
        child.stdout.close()


def _stop(child: subprocess.Popen[str]) -> None:
    """Ask the child to stop after its current document (a line on its stdin)."""
    try:
        assert child.stdin is not None
        child.stdin.write("stop\n")
        child.stdin.close()
    except (OSError, ValueError):
        pass  # it has ended already, or was told before


def _lines(stream: IO[str], out: queue_module.Queue[str | None]) -> None:
    for line in stream:
        out.put(line)
    out.put(None)


def _follow(
    child: subprocess.Popen[str],
    progress: Progress | None,
    cancelled: Callable[[], bool],
    paragraphs: Paragraphs | None = None,
) -> ImportReport:
    """Forward the child's messages until its report (or its end) arrives."""
    lines: queue_module.Queue[str | None] = queue_module.Queue()
    assert child.stdout is not None
    threading.Thread(target=_lines, args=(child.stdout, lines), daemon=True).start()
    asked = False
    while True:
        if not asked and cancelled():
            asked = True
            _stop(child)
        try:
            line = lines.get(timeout=POLL_S)
        except queue_module.Empty:
            continue
        if line is None:
            raise ImportProcessError(
                f"the import process stopped (exit code "
                f"{child.wait()}); documents it stored are kept"
            )
        kind, payload = json.loads(line)
        if kind == "progress":
            if progress is not None:
                progress(*payload)
        elif kind == "paragraphs":
            if paragraphs is not None:
                paragraphs(*payload)
        elif kind == "report":
            return ImportReport(**payload)
        elif kind == "store_error":
            raise StoreError(payload)
        else:
            raise ImportProcessError(payload)


def _send(kind: str, payload: Any) -> None:
    # ASCII escapes: a message holding an undecodable file name still goes through.
    sys.stdout.write(json.dumps([kind, payload]) + "\n")
    sys.stdout.flush()


def _watch_stdin(stop: threading.Event) -> None:
    """Any line, or the end of stdin (the parent is gone), means stop."""
    sys.stdin.readline()
    stop.set()


def _child(job: dict[str, Any]) -> None:
    """The child's body: models, then the import; every outcome is one message."""
    from models.io.importers import import_files
    from models.nlp.ner import load_models
    from models.store.store import Store

    stop = threading.Event()
    threading.Thread(target=_watch_stdin, args=(stop,), daemon=True).start()
    try:
        load_models()
        _send("progress", (0, 0))
        store = Store(Path(job["db"]))
        try:
            report = import_files(
                store,
                job["paths"],
                job["fmt"],
                job["merge"],
                1,
                lambda done, rep: _send("progress", (done, len(rep.added))),
                stop.is_set,
                paragraphs=lambda done, total: _send("paragraphs", (done, total)),
            )
        finally:
            store.close()
        _send("report", asdict(report))
    except StoreError as exc:
        _send("store_error", str(exc))
    except Exception as exc:
        _send("error", f"import failed: {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    _child(json.loads(sys.argv[1]))
    # Freeing natasha's models object by object takes a few hundred milliseconds that
    # the window would wait for after a cancel; the store is closed, stdout flushed.
    os._exit(0)
