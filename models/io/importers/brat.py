"""brat standoff folders: a ``.txt`` and its ``.ann`` make one document.

T lines are spans (entity labels, ``Quote``, ``Speaker``), ``Speaker`` R lines link a
quote to its speaker, ``AnnotatorNotes`` carry normal forms. A span brat split into
fragments at line breaks is joined back when only whitespace lies between the pieces;
a truly discontinuous span has no equivalent here and is refused. Attribute,
normalization and equivalence lines (A, M, N, *) say nothing about offsets and are
ignored. Offsets are code points of the .txt as it is on disk (brat counts a CR too).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from models.io.importers.common import Record, Region, build_document
from models.io.ingest import IngestError
from models.io.jsonshape import RecordError
from models.io.printable import storable
from models.labels import load_labels


def _span(rid: str, rest: str, raw: str, kinds: dict[str, str], labels: frozenset[str]) -> Region:
    head, _, said = rest.partition("\t")
    kind, _, where = head.partition(" ")
    label = kinds.get(kind.lower(), kind)
    if label not in labels and label not in kinds.values():
        raise RecordError(f"{rid} has unknown label {kind!r}")
    try:
        frags = [tuple(int(x) for x in piece.split()) for piece in where.split(";")]
    except ValueError:
        raise RecordError(f"{rid}: bad offsets {where!r}") from None
    if any(len(f) != 2 for f in frags):
        raise RecordError(f"{rid}: bad offsets {where!r}")
    start, end = frags[0][0], frags[-1][1]
    for (_, a_end), (b_start, _) in pairwise(frags):
        if raw[a_end:b_start].strip():
            raise RecordError(f"{rid}: discontinuous span {where!r} is not supported")
    if 0 <= start < end <= len(raw) and said != " ".join(raw[s:e] for s, e in frags):
        raise RecordError(
            f"{rid} {where} says {said!r} but the text there is "
            f"{' '.join(raw[s:e] for s, e in frags)!r}"
        )
    return Region(rid, start, end, label)


def read_pair(txt: Path, ann: Path, labels: frozenset[str]) -> Record | list[IngestError]:
    """One document from a .txt/.ann pair, or the errors (file and line) that refuse it."""
    try:
        raw = txt.read_bytes().decode("utf-8")
        # Only \n ends a line: a span's text may hold \u2028, \x85, \f or \v.
        lines = [
            line.removesuffix("\r") for line in ann.read_bytes().decode("utf-8-sig").split("\n")
        ]
    except (OSError, UnicodeDecodeError) as exc:
        return [IngestError(str(ann), f"cannot read the pair ({exc})")]
    ls = load_labels()
    kinds = {"quote": ls.quote.name, "speaker": ls.speaker.name}
    regions: dict[str, Region] = {}
    relations: list[tuple[str, str]] = []
    normals: dict[str, str] = {}
    errors: list[IngestError] = []
    for n, line in enumerate(lines, 1):
        rid, _, rest = line.partition("\t")
        try:
            if rid.startswith("T"):
                if rid in regions:
                    raise RecordError(f"{rid} is defined twice")
                regions[rid] = _span(rid, rest, raw, kinds, labels)
            elif rid.startswith("R"):
                kind, *args = rest.split("\t")[0].split()
                if kind.lower() != "speaker" or len(args) != 2:
                    raise RecordError(f"{rid}: unknown relation {kind!r}")
                ends = dict(a.split(":", 1) for a in args if ":" in a)
                relations.append((ends.get("Arg1", ""), ends.get("Arg2", "")))
            elif rid.startswith("#"):
                kind, _, target = rest.partition("\t")[0].partition(" ")
                if kind == "AnnotatorNotes":
                    normals[target.strip()] = rest.partition("\t")[2].strip()
            elif rid[:1] not in ("A", "M", "N", "*", ""):
                raise RecordError(f"unsupported annotation line {rid!r}")
        except RecordError as exc:
            errors.append(IngestError(str(ann), str(exc), n))
    if errors:
        return errors
    spans = [
        Region(r.rid, r.start, r.end, r.label, normals.get(r.rid, "")) for r in regions.values()
    ]
    try:
        doc = build_document(
            raw,
            spans,
            relations,
            labels,
            status=None,
            meta={"file": storable(str(txt))},
            state="imported",
        )
    except RecordError as exc:
        return [IngestError(str(ann), str(exc))]
    return Record(doc)
