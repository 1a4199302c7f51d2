"""Terminal progress for batch commands (rich), on stderr so stdout stays data."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, Any], None]]:
    """Yield ``tick(done, _)``; shows count and documents per second on a terminal."""
    if not sys.stderr.isatty():
        yield lambda done, _report=None: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    start = time.monotonic()
    columns = (SpinnerColumn(), TextColumn("{task.description}"),
               TextColumn("{task.completed} docs"), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(description, total=None, rate="")

        def tick(done: int, _report: Any = None) -> None:
            rate = done / max(time.monotonic() - start, 1e-6)
            bar.update(task, completed=done, rate=f"{rate:.1f} docs/s")

        yield tick
