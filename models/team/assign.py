"""Splitting a corpus into one database per annotator.

The plan is reproducible from the seed: the documents are shuffled once, the first
``overlap`` fraction goes to ``per_doc`` annotators each (cycling through every group of
that size, so every pair of annotators shares documents to measure agreement on), and
each remaining document goes to whoever has the fewest so far. Each file is a complete
razmetka database of the same corpus (same corpus id), marked with its annotator, holding
the share's documents as they are in the corpus (spans, model snapshot, search index)
with the status set back to new. Files are written beside their final names and renamed
at the end; nothing existing is ever overwritten.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from models.store import schema
from models.store import team as tables
from models.store.store import Store

_NAME = re.compile(r"[^\W_][\w.-]{0,63}")
_MAX_GROUPS = 10_000


class AssignError(ValueError):
    """Arguments or an output folder that assign cannot use (one line)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """Who gets which documents: each share in corpus order, and the shared documents."""

    shares: dict[str, tuple[str, ...]]
    shared: frozenset[str]

    def owners(self) -> dict[str, list[str]]:
        """``doc_id → the annotators who get it``."""
        out: dict[str, list[str]] = {}
        for name, docs in self.shares.items():
            for doc_id in docs:
                out.setdefault(doc_id, []).append(name)
        return out


def parse_annotators(text: str) -> list[str]:
    """``anna,boris,vera`` → names, each usable as a file name, no two alike."""
    names = [n.strip() for n in text.split(",")]
    for name in names:
        if not _NAME.fullmatch(name) or name.endswith("."):
            raise AssignError(
                f"annotator name {name!r}: use letters, digits, '.', '-' or '_' "
                "(it becomes a file name)"
            )
    folded = [n.casefold() for n in names]
    twice = sorted({n for n in names if folded.count(n.casefold()) > 1})
    if twice:
        raise AssignError(f"annotator {twice[0]} is named twice")
    return names


def plan(
    doc_ids: Sequence[str], annotators: Sequence[str], overlap: float, per_doc: int, seed: int
) -> Plan:
    """Shares for ``annotators``; AssignError when the request cannot be met."""
    n, m = len(doc_ids), len(annotators)
    if not 0 <= overlap <= 1 or math.isnan(overlap):
        raise AssignError(f"--overlap {overlap}: must be between 0 and 1")
    if m > n:
        raise AssignError(f"{m} annotators but only {n} documents: each needs at least one")
    shared_n = math.floor(overlap * n + 0.5)
    if shared_n and m < 2:
        raise AssignError(f"--overlap {overlap}: sharing documents needs two or more annotators")
    if shared_n and not 2 <= per_doc <= m:
        raise AssignError(f"--per-doc {per_doc}: must be between 2 and the {m} annotators")
    rng = random.Random(seed)
    order = list(doc_ids)
    rng.shuffle(order)
    names = list(annotators)
    rng.shuffle(names)
    shares: dict[str, list[str]] = {a: [] for a in names}
    for doc, group in zip(order[:shared_n], _groups(m, per_doc, rng)):
        for i in group:
            shares[names[i]].append(doc)
    for doc in order[shared_n:]:
        least = min(names, key=lambda a: len(shares[a]))  # ties: the shuffled order
        shares[least].append(doc)
    position = {d: i for i, d in enumerate(doc_ids)}
    return Plan(
        {a: tuple(sorted(shares[a], key=position.__getitem__)) for a in annotators},
        frozenset(order[:shared_n]),
    )


def _groups(m: int, k: int, rng: random.Random) -> itertools.cycle[tuple[int, ...]]:
    """Groups of ``k`` of ``m`` annotators, every group once per round, in shuffled order."""
    if math.comb(m, k) <= _MAX_GROUPS:
        groups = list(itertools.combinations(range(m), k))
    else:  # too many groups to list: consecutive runs, which still rotate through everyone
        groups = [tuple((i + j) % m for j in range(k)) for i in range(m)]
    rng.shuffle(groups)
    return itertools.cycle(groups)


def check_output(out: Path, names: Sequence[str]) -> None:
    """``out`` is missing, or a folder of razmetka databases holding none of the names."""
    if out.exists() and not out.is_dir():
        raise AssignError(f"{out}: is not a folder")
    if not out.exists():
        return
    targets = {f"{n}.db" for n in names} | {f"{n}.db.part" for n in names}
    for entry in sorted(out.iterdir()):
        if entry.name in targets:
            raise AssignError(f"{entry}: exists; not overwritten (choose another --out)")
        if not _razmetka_file(entry):
            raise AssignError(
                f"{out}: holds files razmetka did not write ({entry.name}); "
                "give an empty or new folder"
            )


def _razmetka_file(path: Path) -> bool:
    """A razmetka database (by its header), or one's journal or backup."""
    if not path.is_file():
        return False
    for suffix in ("-wal", "-shm", "-journal"):
        if path.name.endswith(suffix):
            return _razmetka_file(path.with_name(path.name.removesuffix(suffix)))
    with path.open("rb") as f:
        header = f.read(100)
    version = int.from_bytes(header[60:64], "big") if len(header) == 100 else 0
    return header.startswith(b"SQLite format 3\x00") and 1 <= version <= schema.SCHEMA_VERSION


def write_shares(
    source: Store,
    shares: Plan,
    out: Path,
    settings: dict[str, Any],
    tick: Callable[[int], None] | None = None,
) -> list[Path]:
    """One database per annotator in ``out``; returns their paths.

    On any failure the partial files this call made are removed and nothing else is
    touched; the error goes on to the caller.
    """
    from models.nlp.lemmas import lemmas

    check_output(out, list(shares.shares))
    out.mkdir(parents=True, exist_ok=True)
    parts = {name: out / f"{name}.db.part" for name in shares.shares}
    info = tables.corpus_info(source)
    settings = {**settings, "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    stores: dict[str, Store] = {}
    try:
        for name, part in parts.items():
            stores[name] = Store(part)
            tables.set_assignment(stores[name], info.corpus_id, name, str(source.path), settings)
        with ExitStack() as stack:
            for store in stores.values():
                stack.enter_context(store.db.atomic())
            owners = shares.owners()
            for done, doc in enumerate(source.iter_documents(), 1):
                if doc.id in owners:
                    model, words = source.predictions(doc.id), lemmas(doc.text)
                    for name in owners[doc.id]:
                        stores[name].add_document(replace(doc, status="new"), model, words)
                if tick is not None:
                    tick(done)
        _close(stores)
        return [_rename(part) for part in parts.values()]
    except BaseException:
        _close(stores)
        for part in parts.values():
            for p in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
                p.unlink(missing_ok=True)
        raise


def _close(stores: dict[str, Store]) -> None:
    for store in stores.values():
        store.close()
    stores.clear()


def _rename(part: Path) -> Path:
    final = part.with_name(part.name.removesuffix(".part"))
    if final.exists():
        raise AssignError(f"{final}: appeared while writing; not overwritten")
    part.rename(final)
    return final
