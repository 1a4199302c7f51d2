"""Terminal progress for batch commands (rich), on stderr so stdout stays data."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def _silent(done: int, _report: Any = None) -> None:
    """The tick when stderr is not a terminal: a log file gets no spinner."""


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, Any], None]]:
    """Yield ``tick(done, _)``; shows count and documents per second on a terminal."""
    if not sys.stderr.isatty():
        yield _silent
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} docs"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(description, total=None, rate="")

        first: list[tuple[int, float]] = []

        def tick(done: int, _report: Any = None) -> None:
            # The rate counts from the first document, not from the start: loading the
            # models takes a second or two and would understate a long run's speed.
            now = time.monotonic()
            if not first:
                first.append((done, now))
            since, t0 = first[0]
            rate = f"{(done - since) / (now - t0):.1f} docs/s" if now - t0 > 0.5 else ""
            bar.update(task, completed=done, rate=rate)

        yield tick
