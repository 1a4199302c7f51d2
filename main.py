"""razmetka: the entry point. Runs a command (cli/), or builds the window over a store.

The window and ``screenshot`` are put together here in the order the layers stack: a
Store (the database file, or a throw-away one for a screenshot), the AnnotationService
over it, then gui/'s window on the service. What cannot start is one line on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command named on the command line (the window when none is)."""
    import cli

    args = cli.parse(argv)
    if args.command not in (None, "screenshot"):
        return cli.run(args)
    shot = args.command == "screenshot"
    if shot and not args.file.exists():
        return cli.fail(f"{args.file}: no such file")
    from gui import app
    from models import AnnotationService, Store, StoreError

    try:
        store = Store.in_memory() if shot else Store(args.db)
    except StoreError as exc:
        return cli.fail(str(exc))
    try:
        if shot:
            return app.screenshot(AnnotationService(store), args.file, args.out, args.size)
        service = AnnotationService(store, app.annotator(args.annotator))
        return app.run_window(service, args.files)
    except (app.StartupError, StoreError) as exc:
        return cli.fail(str(exc))
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
