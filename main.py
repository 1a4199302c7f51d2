"""razmetka: the entry point. Parses the command line and hands over to gui/ or models/."""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_COMMANDS = (None, "screenshot")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command named on the command line (the window when none is)."""
    import cli

    args = cli.parse(argv)
    if args.command in GUI_COMMANDS:
        from gui.app import run

        return run(args)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
