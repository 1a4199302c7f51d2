"""Making background jobs deterministic in tests: every progress step, a held worker.

A worker thread races the GUI thread; a test that cancels "after the first document"
would otherwise pass or fail with the machine's load. These helpers report every step
(no throttling) and hold the worker after its first stored document until the GUI has
pressed Cancel, so exactly one document is done when the cancel arrives.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

import gui.jobs.jobs
import gui.jobs.workers

HOLD_S = 20.0  # never hang a test run for ever if Cancel is not pressed


def wait_for(flag: Callable[[], bool], seconds: float = HOLD_S) -> None:
    """Sleep in the worker thread until ``flag()`` or the time is up."""
    end = time.monotonic() + seconds
    while not flag() and time.monotonic() < end:
        time.sleep(0.005)


def hold_after_first_import(monkeypatch: pytest.MonkeyPatch, after: int = 1) -> None:
    """The window's import reports every step and waits after ``after`` documents added.

    Only the first import that gets there waits; later ones in the test run freely.
    """
    monkeypatch.setattr(gui.jobs.jobs, "PROGRESS_INTERVAL_S", 0.0)
    real = gui.jobs.workers.import_files
    held_once: list[bool] = []

    def held(
        store: Any,
        paths: Any,
        fmt: str,
        merge: bool,
        jobs: int,
        progress: Callable[[int, Any], None],
        cancelled: Callable[[], bool],
    ) -> Any:
        def tick(done: int, report: Any) -> None:
            progress(done, report)
            if len(report.added) == after and not held_once:
                held_once.append(True)
                wait_for(cancelled)

        return real(store, paths, fmt, merge, jobs, tick, cancelled)

    monkeypatch.setattr(gui.jobs.workers, "import_files", held)
