"""Writing outputs without ever losing a file razmetka did not write.

Everything an export (or a backup) writes goes first into a fresh hidden folder made
for this run alone (``.razmetka-tmp-<pid>-<random>``, beside the output), so a planted
link cannot redirect a writer and a killed run leaves nothing that looks complete. Only
when the output is whole is it moved into place, each name checked first: never onto
the database being read or its -wal/-shm, never onto a file that is there already
unless the caller forces it (and never onto a device or a folder even then). A folder
export records what it wrote, with sizes and hashes, in ``razmetka-export.json``; the
next export into that folder removes exactly those files, and only if they are
unchanged. Temporary folders of runs that died are removed on the next run.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

MANIFEST = "razmetka-export.json"
STAGE_PREFIX = ".razmetka-tmp-"
_STAGE = re.compile(rf"{re.escape(STAGE_PREFIX)}(\d+)-[0-9a-f]{{8}}")
_SIDECARS = ("", "-wal", "-shm", "-journal")


class OutputError(ValueError):
    """An output that is refused or cannot be written; the message is one line."""


class OutputExists(OutputError):
    """The output is an existing file, kept because overwriting was not asked for."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(f"{path}: exists; not overwritten")
        self.path = Path(path)


def database_files(db: Path | None) -> tuple[Path, ...]:
    """The database file and the journal files SQLite keeps beside it."""
    return () if db is None else tuple(Path(f"{db}{s}") for s in _SIDECARS)


def _same(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)  # a hard link
    except OSError:
        return False


def check_not_protected(path: Path, protected: Iterable[Path]) -> None:
    """Refuse ``path`` if it is (or links to) one of the ``protected`` files."""
    for p in protected:
        if _same(path, p):
            raise OutputError(
                f"{path}: is the database being read ({p.name}); an output never "
                "goes onto the database or its journal files"
            )


def check_replaceable(path: Path, force: bool, what: str) -> None:
    """Refuse a one-file output onto a folder or a device, or an existing file unforced."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; the {what} is one file")
    kind = kind_of(path)
    if kind == "other":
        raise OutputError(f"{path}: exists and is not a regular file; not overwritten")
    if kind is not None and not force:
        raise OutputExists(path)


def create_new(path: Path) -> IO[str]:
    """A text file created for writing, failing if anything (a link too) is there."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    return open(fd, "w", encoding="utf-8", newline="")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def clean_stale(folder: Path) -> None:
    """Remove the temporary folders that dead razmetka runs left in ``folder``."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        m = _STAGE.fullmatch(entry.name)
        if m and entry.is_dir(follow_symlinks=False) and not _alive(int(m[1])):
            shutil.rmtree(entry.path, ignore_errors=True)


def kind_of(path: Path) -> str | None:
    """'file', 'folder', 'link', 'other', or None when nothing is there."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISREG(mode):
        return "file"
    return "folder" if stat.S_ISDIR(mode) else "other"


def _move_new(src: Path, dst: Path) -> None:
    """Move ``src`` to ``dst``, failing with FileExistsError if ``dst`` appeared."""
    if src.is_dir():
        if kind_of(dst) is not None:
            raise FileExistsError(errno.EEXIST, "exists", str(dst))
        os.rename(src, dst)
        return
    try:
        os.link(src, dst)  # atomic: fails on any existing name, a dangling link too
    except FileExistsError:
        raise
    except OSError:  # a filesystem without hard links
        if kind_of(dst) is not None:
            raise FileExistsError(errno.EEXIST, "exists", str(dst)) from None
        os.rename(src, dst)
        return
    os.unlink(src)


class Stage:
    """A private folder in ``dest`` where an output is written before it is published."""

    def __init__(self, dest: Path, protected: Iterable[Path] = ()) -> None:
        self.dest = dest
        self.protected = tuple(protected)
        clean_stale(dest)
        self.dir = dest / f"{STAGE_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        os.mkdir(self.dir, 0o700)

    def names(self) -> list[str]:
        """What was written: top-level names, the manifest last (it marks completion)."""
        return sorted(os.listdir(self.dir), key=lambda n: (n == MANIFEST, n))

    def check(self, force: bool, freed: Iterable[str] = ()) -> None:
        """Refuse, before anything moves, a name that may not be published.

        ``freed`` names are removed before publishing (a previous export's own files).
        """
        gone = set(freed)
        for name in self.names():
            target = self.dest / name
            check_not_protected(target, self.protected)
            kind = kind_of(target)
            if kind is None or name in gone:
                continue
            if kind in ("folder", "other"):
                raise OutputError(f"{target}: exists and is not a regular file; not overwritten")
            if not force:
                raise OutputExists(target)

    def publish(self, force: bool = False) -> None:
        """Move every written name into ``dest`` (all or none); the stage is removed."""
        self.check(force)
        moved: list[tuple[Path, Path]] = []
        try:
            for name in self.names():
                src, dst = self.dir / name, self.dest / name
                if force and kind_of(dst) in ("file", "link"):
                    os.replace(src, dst)
                else:
                    _move_new(src, dst)
                moved.append((src, dst))
        except FileExistsError as exc:
            for src, dst in reversed(moved):
                os.rename(dst, src)
            raise OutputExists(exc.filename) from None
        self.discard()

    def discard(self) -> None:
        """Remove the stage and whatever is still in it."""
        shutil.rmtree(self.dir, ignore_errors=True)


@contextmanager
def writing(path: Path, what: str) -> Iterator[None]:
    """Turn an OSError while writing ``path`` into one line naming it."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"{path}: cannot write the {what} ({reason})") from None


def write_file(
    out: Path,
    write: Callable[[Path], object],
    protected: Iterable[Path],
    force: bool,
    what: str,
) -> None:
    """Make the file ``out`` by ``write(path)``: written aside, then moved onto ``out``."""
    protected = tuple(protected)
    with writing(out, what):
        check_not_protected(out, protected)
        check_replaceable(out, force, what)
        out.parent.mkdir(parents=True, exist_ok=True)
        stage = Stage(out.parent, protected)
        try:
            write(stage.dir / out.name)
            stage.publish(force)
        except BaseException:
            stage.discard()
            raise
