"""A batch import in a child process, so the caller's threads never wait for natasha.

The window cannot pre-annotate in one of its own threads without cost: Python runs one
thread at a time, and while natasha works the window's event loop waits its turn for
the interpreter lock; on a busy machine (two cores, other jobs) those waits pass 100 ms
and the window stutters. A spawned child process (a fresh interpreter: no GUI threads,
no locks inherited from them) loads the models, imports into the database file through
its own connection, and sends progress through a queue; the caller only forwards
messages. The child stops at the next document when asked, or when its parent dies, so
it never writes on for a window that is gone. Every document is committed on its own
(``import_files``), so what was done before a cancel or a crash is kept.
"""

from __future__ import annotations

import multiprocessing
import os
import queue as queue_module
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from models.importers import ImportReport
from models.schema import StoreError

Progress = Callable[[int, int], None]
"""``progress(inputs_done, documents_added)``; (0, 0) once the models are loaded."""

POLL_S = 0.05
STOP_WAIT_S = 30.0


class ImportProcessError(Exception):
    """The child stopped without a report; the message is one line."""


def import_in_process(
    db: str | Path, paths: Sequence[str | Path], fmt: str = "auto", merge: bool = False,
    progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Run ``import_files`` on the database file ``db`` in a child process.

    Raises
    ------
    StoreError
        The database cannot be opened or written (one line, from the child).
    ImportProcessError
        The child failed or died without a report; documents it stored stay stored.
    """
    ctx = multiprocessing.get_context("spawn")
    messages: Any = ctx.Queue()
    stop = ctx.Event()
    child = ctx.Process(target=_child, name="razmetka-import", daemon=True,
                        args=(str(db), [str(p) for p in paths], fmt, merge, messages, stop,
                              os.getpid()))
    child.start()
    try:
        return _follow(child, messages, stop, progress, cancelled)
    finally:
        stop.set()
        child.join(STOP_WAIT_S)
        if child.is_alive():
            child.terminate()
            child.join()
        messages.close()


def _follow(child: Any, messages: Any, stop: Any, progress: Progress | None,
            cancelled: Callable[[], bool]) -> ImportReport:
    """Forward the child's messages until its report (or its end) arrives."""
    while True:
        if cancelled():
            stop.set()
        try:
            kind, payload = messages.get(timeout=POLL_S)
        except queue_module.Empty:
            if child.is_alive():
                continue
            try:  # it may have sent its last words just before ending
                kind, payload = messages.get(timeout=POLL_S)
            except queue_module.Empty:
                raise ImportProcessError(
                    f"the import process stopped (exit code {child.exitcode}); "
                    "documents it stored are kept") from None
        if kind == "progress":
            if progress is not None:
                progress(*payload)
        elif kind == "report":
            return payload  # type: ignore[no-any-return]
        elif kind == "store_error":
            raise StoreError(payload)
        else:
            raise ImportProcessError(payload)


def _child(db: str, paths: list[str], fmt: str, merge: bool, messages: Any, stop: Any,
           parent: int) -> None:
    """The child's body: models, then the import; every outcome is one message."""
    from models.importers import import_files
    from models.ner import load_models
    from models.store import Store

    def halt() -> bool:
        return stop.is_set() or os.getppid() != parent  # asked, or orphaned

    try:
        load_models()
        messages.put(("progress", (0, 0)))
        store = Store(Path(db))
        try:
            report = import_files(
                store, paths, fmt, merge, 1,
                lambda done, rep: messages.put(("progress", (done, len(rep.added)))), halt)
        finally:
            store.close()
        messages.put(("report", report))
    except StoreError as exc:
        messages.put(("store_error", str(exc)))
    except Exception as exc:  # noqa: BLE001 - the parent must hear why, in one line
        messages.put(("error", f"import failed: {type(exc).__name__}: {exc}"))
