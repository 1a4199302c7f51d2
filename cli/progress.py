"""Terminal progress for batch commands (rich), on stderr so stdout stays data."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Bar:
    """``bar(done, _report)`` counts documents; ``bar.paragraphs(done, total)`` shows how
    far a long document has got, until the next document is counted."""

    def __init__(self, progress: Any = None, task: Any = None) -> None:
        self._bar, self._task = progress, task
        self._first: tuple[int, float] | None = None

    def __call__(self, done: int, _report: Any = None) -> None:
        if self._bar is None:
            return
        # The rate counts from the first document, not from the start: loading the
        # models takes a second or two and would understate a long run's speed.
        now = time.monotonic()
        since, t0 = self._first = self._first or (done, now)
        rate = f"{(done - since) / (now - t0):.1f} docs/s" if now - t0 > 0.5 else ""
        self._bar.update(self._task, completed=done, rate=rate, part="")

    def paragraphs(self, done: int, total: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, part=f"· long document: paragraph {done:,} of {total:,}")


@contextmanager
def progress_bar(description: str) -> Iterator[Bar]:
    """Yield a :class:`Bar`; shows count and documents per second on a terminal."""
    if not sys.stderr.isatty():
        yield Bar()
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} docs"),
        TextColumn("{task.fields[rate]}"),
        TextColumn("{task.fields[part]}"),
        TimeElapsedColumn(),
    )
    # On stderr, and stdout left alone: ``annotate`` writes its JSON lines there.
    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=True, redirect_stdout=False) as progress:
        yield Bar(progress, progress.add_task(description, total=None, rate="", part=""))
