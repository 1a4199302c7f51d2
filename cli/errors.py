"""How a command tells the user it failed: one line on stderr, never a traceback."""

from __future__ import annotations

import sys


def fail(message: str) -> int:
    """Print one line on stderr and return the failing exit code."""
    print(f"razmetka: {message}", file=sys.stderr)
    return 1
