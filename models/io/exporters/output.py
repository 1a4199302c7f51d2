"""Where an export's writers write, and how the finished export is put in place.

Writers always write into a fresh private folder (``safe_files.Stage``); ``target`` is
the path they get. A one-file export is then moved onto ``--out`` (an existing file only
with ``force``, never the database); a folder export replaces the previous export's own
files in ``--out`` (as its manifest lists them, unchanged), keeps everything else there,
moves the new files in and writes the new manifest last. A failure or an interrupt
anywhere removes the private folder and leaves ``--out`` as it was.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from models.io import manifest
from models.io.safe_files import (
    MANIFEST,
    STAGE_PREFIX,
    OutputError,
    OutputExists,
    Stage,
    check_not_protected,
    check_replaceable,
    clean_stale,
    kind_of,
)


class Output:
    """An export in progress: ``target`` for the writers, then ``publish`` or ``discard``."""

    def __init__(
        self, out: Path, protected: tuple[Path, ...], *, folder: bool, force: bool, fmt: str
    ) -> None:
        check_not_protected(out, protected)
        self.out, self.folder, self.force = out, folder, force
        self.protected = protected
        self.created = folder and kind_of(out) is None
        if folder:
            self._open_folder()
            self.stage = Stage(out, protected)
            self.target = self.stage.dir
        else:
            self._open_file(fmt)
            self.stage = Stage(out.parent, protected)
            self.target = self.stage.dir / out.name

    def _open_folder(self) -> None:
        out = self.out
        if kind_of(out) is not None and not out.is_dir():
            raise OutputError(f"{out}: exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
        clean_stale(out)
        entries = manifest.read(out)
        if entries is None:
            if any(not p.name.startswith(STAGE_PREFIX) for p in out.iterdir()):
                raise OutputError(f"{out}: folder is not empty; choose a new folder for the export")
            return
        manifest.owned(out, entries, self.protected)  # fail now, not after the export

    def _open_file(self, fmt: str) -> None:
        check_replaceable(self.out, self.force, f"{fmt} export")
        self.out.parent.mkdir(parents=True, exist_ok=True)

    def previous_names(self) -> list[str]:
        """The names the previous export into this folder wrote (its manifest), if any."""
        return [e["name"] for e in manifest.read(self.out) or []] if self.folder else []

    def published(self, path: Path) -> Path:
        """Where a path under ``target`` ends up once published."""
        return self.stage.dest / path.relative_to(self.stage.dir)

    def publish(self, data: dict[str, Any]) -> None:
        """Put the finished export in place; ``data`` goes into a folder's manifest."""
        if not self.folder:
            self.stage.publish(self.force)
            return
        manifest.write(self.stage.dir, data)
        old = manifest.read(self.out) or []
        mine = manifest.owned(self.out, old, self.protected)
        try:
            self.stage.check(False, [e["name"] for e in old] + [MANIFEST])
        except OutputExists as exc:
            raise OutputError(
                f"{exc.path}: exists and is not from a razmetka export; not overwritten — "
                "move it away or choose a new folder for the export"
            ) from None
        manifest.remove(mine)
        (self.out / MANIFEST).unlink(missing_ok=True)
        self.stage.publish(False)

    def discard(self) -> None:
        """Throw the unfinished export away (and the folder, if it made it for this)."""
        self.stage.discard()
        if self.created:
            with contextlib.suppress(OSError):
                self.out.rmdir()  # only if empty
