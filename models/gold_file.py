"""Reading a gold file for ``evaluate --gold``: quote cases, or razmetka's own jsonl export.

Two shapes are gold: the quote cases the quote rules are tuned on (a JSON list of
``{"id", "text", "quotes": [{"quote", "speaker"}]}``, as tests/data/quotes_corpus.json),
and razmetka's native records (the jsonl export, one document a line, or a JSON list of
them) whose entities and quotes are scored per label. Anything else is refused in one
line that says what was expected, and a bad record is named by its line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.io.jsonshape import RecordError, document_from_json
from models.spans import Document

EXPECTED = (
    "expected razmetka's jsonl export (one document a line, with entities and quotes) "
    'or a JSON list of quote cases [{"id", "text", "quotes": [{"quote", "speaker"}]}]'
)


class GoldError(ValueError):
    """A gold file that cannot be scored against; the message is one line."""


@dataclass(frozen=True)
class Gold:
    """What a gold file holds: quote cases, or annotated documents."""

    cases: list[dict[str, Any]] | None = None
    documents: list[Document] | None = None


def _is_case(obj: Any) -> bool:
    if not isinstance(obj, dict) or "entities" in obj or not isinstance(obj.get("text"), str):
        return False
    quotes = obj.get("quotes")
    return isinstance(quotes, list) and all(
        isinstance(q, dict) and isinstance(q.get("quote"), str) for q in quotes
    )


def _is_record(obj: Any) -> bool:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return False
    entities, quotes = obj.get("entities"), obj.get("quotes", [])
    if not isinstance(entities, list) or not isinstance(quotes, list):
        return False
    return all(isinstance(s, dict) and "start" in s for s in [*entities, *quotes])


def _records(text: str) -> tuple[bool, list[tuple[int, Any]]]:
    """Whether the file is one JSON list, and its ``(line, object)`` records.

    A JSON value's records have line 0; JSON lines that do not parse give no records.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        pass
    else:
        return isinstance(data, list), [
            (0, x) for x in (data if isinstance(data, list) else [data])
        ]
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                out.append((n, json.loads(line)))
            except json.JSONDecodeError:
                return False, []
    return False, out


def read_gold(path: str | Path) -> Gold:
    """The gold in ``path``; GoldError (one line) when it is not in a gold shape."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot be read ({exc})") from None
    is_list, records = _records(text)
    objs = [obj for _, obj in records]
    if is_list and objs and all(_is_case(o) for o in objs):
        return Gold(cases=objs)
    if not objs or not all(_is_record(o) for o in objs):
        raise GoldError(f"{path}: not a gold file: {EXPECTED}")
    docs = []
    for line, obj in records:
        try:
            docs.append(document_from_json(obj))
        except RecordError as exc:
            where = f"{path}:{line}" if line else f"{path}: record {len(docs) + 1}"
            raise GoldError(f"{where}: {exc}") from None
    return Gold(documents=docs)
