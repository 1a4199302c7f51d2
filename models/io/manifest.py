"""The record a folder export keeps of what it wrote, so the next one replaces only that.

``razmetka-export.json`` lists every file the export created, with its size and SHA-256,
and every folder with its own listing. Nothing else in the folder is ever listed. The
next export into the folder removes a listed entry only if it is still exactly what was
written (a file edited by hand, or a link put in its place, stops the export with one
line). A manifest is read as untrusted input: names must be plain child names, so a
forged one cannot reach outside the folder, and one in an older form (names without
hashes) is refused rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from models.io.safe_files import (
    MANIFEST,
    STAGE_PREFIX,
    OutputError,
    check_not_protected,
    kind_of,
)

Entry = dict[str, Any]


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def inventory(folder: Path) -> list[Entry]:
    """Manifest entries for everything in ``folder``: name, size and hash of each file."""
    out: list[Entry] = []
    for name in sorted(os.listdir(folder)):
        path = folder / name
        kind = kind_of(path)
        if kind == "folder":
            out.append({"name": name, "files": inventory(path)})
        elif kind == "file":
            out.append({"name": name, "size": path.stat().st_size, "sha256": digest(path)})
        else:
            raise OutputError(f"{path}: the export wrote something that is not a file")
    return out


def write(folder: Path, data: dict[str, Any]) -> None:
    """Write the manifest (``data`` and the inventory of ``folder``) into ``folder``."""
    body = {**data, "files": inventory(folder)}
    text = json.dumps(body, ensure_ascii=False, indent=1)
    (folder / MANIFEST).write_text(text, encoding="utf-8")


def read(folder: Path) -> list[Entry] | None:
    """The entries of the manifest in ``folder``, None when there is none."""
    path = folder / MANIFEST
    if kind_of(path) is None:
        return None
    if kind_of(path) != "file":
        raise OutputError(f"{path}: is not a regular file; nothing removed")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, RecursionError):
        raise _bad(path, "it is not valid JSON") from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        raise _bad(path, 'it has no "files" list')
    _check_entries(path, files)
    return files


def _bad(path: Path, why: str) -> OutputError:
    return OutputError(
        f"{path}: not a razmetka export manifest ({why}); nothing removed — "
        "choose a new folder for the export"
    )


def _check_entries(path: Path, entries: list[Any]) -> None:
    for e in entries:
        if isinstance(e, str):
            raise OutputError(
                f"{path}: lists files without their sizes and hashes (an older razmetka "
                "wrote it), so they cannot be told from yours; nothing removed — "
                "empty the folder yourself or choose a new one"
            )
        if not isinstance(e, dict):
            raise _bad(path, f"an entry is {type(e).__name__}, not an object")
        name = e.get("name")
        if not _child_name(name):
            raise OutputError(
                f"{path}: names {name!r}, which is not a file in this folder; nothing removed"
            )
        if "files" in e:
            if not isinstance(e["files"], list):
                raise _bad(path, f'"files" of {name!r} is not a list')
            _check_entries(path, e["files"])
        elif not (isinstance(e.get("size"), int) and isinstance(e.get("sha256"), str)):
            raise _bad(path, f"{name!r} has no size and hash")


def _child_name(name: Any) -> bool:
    """A plain name of an entry inside the folder: no separator, no ``..``, no root."""
    return (
        isinstance(name, str)
        and name not in ("", ".", "..", MANIFEST)
        and not any(ch in name for ch in "/\\\x00")
        and not name.startswith(STAGE_PREFIX)
    )


def owned(folder: Path, entries: list[Entry], protected: tuple[Path, ...]) -> list[Path]:
    """The listed entries still in ``folder``, deepest first, each as it was written.

    Raises OutputError naming the first one that changed: a file edited, replaced by a
    link or a folder, or a listed folder that now holds something the export did not
    write.
    """
    found: list[Path] = []
    for e in entries:
        path = folder / e["name"]
        kind = kind_of(path)
        if kind is None:
            continue  # removed by the user: nothing to do
        check_not_protected(path, protected)
        if "files" in e:
            if kind != "folder":
                raise _changed(path)
            found += owned(path, e["files"], protected)
            extra = set(os.listdir(path)) - {x["name"] for x in e["files"]}
            if extra:
                raise _changed(path / sorted(extra)[0], "was added to a folder the export wrote")
        elif kind != "file" or path.stat().st_size != e["size"] or digest(path) != e["sha256"]:
            raise _changed(path)
        found.append(path)
    return found


def _changed(path: Path, what: str = "changed since razmetka exported it") -> OutputError:
    return OutputError(
        f"{path}: {what}; not removed — move it away or choose a new folder for the export"
    )


def remove(paths: list[Path]) -> None:
    """Remove what :func:`owned` returned (files, then the folders they were in)."""
    for path in paths:
        if kind_of(path) == "folder":
            os.rmdir(path)
        else:
            os.unlink(path)
