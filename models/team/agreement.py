"""Inter-annotator agreement of a team database: per document, annotator pair and label.

Every document with two or more versions marked done is compared, each pair of its
annotators on its entities (per label) and on its quotes; the measures are those of
models.team.metrics. Pooled figures add the counts (F1) or join the token sequences
(kappa, alpha) of every document, so a long document weighs more than a short one. A
quote's speaker is compared on the quotes both annotators found (overlap-matched): the
same when both name none, when the two mentions share a character, or when their normal
forms are equal. Documents are listed worst first (lowest token alpha, then F1).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from statistics import mean
from typing import Any

from models.nlp.tokens import Token, tokens_between
from models.spans import Document, Speaker
from models.team import metrics
from models.team.metrics import Counts, Span

QUOTE = "QUOTE"


@dataclass(frozen=True, slots=True)
class Agreement:
    """Span counts (exact and overlap matches) and token agreement, for one scope."""

    exact: Counts = field(default_factory=Counts)
    overlap: Counts = field(default_factory=Counts)
    kappa: float | None = None
    alpha: float | None = None
    speakers_same: int = 0  # quotes only: of the overlap-matched quotes
    speakers_compared: int = 0

    @property
    def speaker_agreement(self) -> float | None:
        """Share of the quotes both found whose speakers agree."""
        return self.speakers_same / self.speakers_compared if self.speakers_compared else None

    def to_json(self, quotes: bool = False) -> dict[str, Any]:
        """The figures as JSON (rounded to 4 places)."""
        out = {
            "f1_exact": _round(self.exact.f1),
            "f1_overlap": _round(self.overlap.f1),
            "both_exact": self.exact.both,
            "both_overlap": self.overlap.both,
            "only_a_overlap": self.overlap.only_a,
            "only_b_overlap": self.overlap.only_b,
            "kappa": _round(self.kappa),
            "alpha": _round(self.alpha),
        }
        if quotes:
            out["speakers_compared"] = self.speakers_compared
            out["speaker_agreement"] = _round(self.speaker_agreement)
        return out


@dataclass(frozen=True, slots=True)
class PairRow:
    """One pair of annotators over the documents both finished."""

    a: str
    b: str
    documents: int
    entities: Agreement
    labels: Mapping[str, Agreement]
    quotes: Agreement


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One document over all its finished versions."""

    doc_id: str
    title: str
    annotators: tuple[str, ...]
    entities: Agreement
    quotes: Agreement


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Everything ``agreement`` prints: overall, per pair, per label, per document."""

    threshold: float
    annotators: tuple[str, ...]
    entities: Agreement
    quotes: Agreement
    labels: Mapping[str, Agreement]
    pairs: tuple[PairRow, ...]
    documents: tuple[DocumentRow, ...]  # worst first

    def to_json(self) -> dict[str, Any]:
        """The shape of ``agreement --json`` (docs/teams.md)."""
        return {
            "threshold": self.threshold,
            "overlap": f"same label and character IoU >= {self.threshold}, one-to-one",
            "annotators": list(self.annotators),
            "documents_compared": len(self.documents),
            "entities": self.entities.to_json(),
            "quotes": self.quotes.to_json(quotes=True),
            "labels": {k: v.to_json(quotes=k == QUOTE) for k, v in self.labels.items()},
            "pairs": [
                {
                    "annotators": [p.a, p.b],
                    "documents": p.documents,
                    "entities": p.entities.to_json(),
                    "labels": {k: v.to_json() for k, v in p.labels.items()},
                    "quotes": p.quotes.to_json(quotes=True),
                }
                for p in self.pairs
            ],
            "documents": [
                {
                    "id": d.doc_id,
                    "title": d.title,
                    "annotators": list(d.annotators),
                    "entities": d.entities.to_json(),
                    "quotes": d.quotes.to_json(quotes=True),
                }
                for d in self.documents
            ],
        }


@dataclass
class _Doc:
    """One document's versions reduced to what the measures need."""

    doc_id: str
    title: str
    tokens: int
    entities: dict[str, list[Span]] = field(default_factory=dict)
    quotes: dict[str, list[Span]] = field(default_factory=dict)
    speakers: dict[str, list[Speaker | None]] = field(default_factory=dict)
    entity_tokens: dict[str, list[str]] = field(default_factory=dict)
    quote_tokens: dict[str, list[str]] = field(default_factory=dict)

    @property
    def annotators(self) -> tuple[str, ...]:
        return tuple(sorted(self.entities))


def measure(
    versions: Sequence[tuple[str, Mapping[str, Document]]], threshold: float = 0.5
) -> AgreementReport:
    """Agreement over ``(title, {annotator: version})`` per document (two or more each)."""
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold {threshold}: must be above 0 and at most 1")
    docs = [_reduce(title, vs) for title, vs in versions if len(vs) >= 2]
    names = tuple(sorted({a for d in docs for a in d.entities}))
    labels = sorted({s[2] for d in docs for spans in d.entities.values() for s in spans})
    pairs = tuple(_pair(docs, a, b, labels, threshold) for a, b in combinations(names, 2))
    pairs = tuple(p for p in pairs if p.documents)
    rows = [_document(d, threshold) for d in docs]
    rows.sort(key=lambda r: (_worst(r.entities.alpha), _worst(r.entities.overlap.f1)))
    by_label = {lb: _label(docs, names, pairs, lb) for lb in labels}
    by_label[QUOTE] = _merge([p.quotes for p in pairs], _alpha(docs, names, "quote_tokens"))
    return AgreementReport(
        threshold,
        names,
        _merge([p.entities for p in pairs], _alpha(docs, names, "entity_tokens")),
        by_label[QUOTE],
        by_label,
        pairs,
        tuple(rows),
    )


def _reduce(title: str, versions: Mapping[str, Document]) -> _Doc:
    first = next(iter(versions.values()))
    tokens: list[Token] = tokens_between(first.text, 0, len(first.text))
    doc = _Doc(first.id, title, len(tokens))
    for name, version in versions.items():
        ents = [(e.start, e.end, e.label) for e in version.entities]
        quotes = sorted(version.quotes, key=lambda q: (q.start, q.end))
        doc.entities[name] = ents
        doc.quotes[name] = [(q.start, q.end, QUOTE) for q in quotes]
        doc.speakers[name] = [q.speaker for q in quotes]
        doc.entity_tokens[name] = metrics.token_labels(tokens, ents)
        doc.quote_tokens[name] = metrics.token_labels(tokens, doc.quotes[name])
    return doc


def _compare(doc: _Doc, a: str, b: str, label: str | None, threshold: float) -> Agreement:
    """Pair ``a``, ``b`` on one document: entities of ``label`` (all when None), or quotes."""
    if label == QUOTE:
        xa, xb, ta, tb = doc.quotes[a], doc.quotes[b], doc.quote_tokens[a], doc.quote_tokens[b]
    else:
        xa = [s for s in doc.entities[a] if label in (None, s[2])]
        xb = [s for s in doc.entities[b] if label in (None, s[2])]
        ta, tb = doc.entity_tokens[a], doc.entity_tokens[b]
        if label is not None:
            ta, tb = metrics.binary(ta, label), metrics.binary(tb, label)
    matched = metrics.overlap_pairs(xa, xb, threshold)
    same = 0
    if label == QUOTE:
        same = sum(_same_speaker(doc.speakers[a][i], doc.speakers[b][j]) for i, j in matched)
    both = len(matched)
    return Agreement(
        metrics.exact_counts(xa, xb),
        Counts(both, len(xa) - both, len(xb) - both),
        metrics.cohen_kappa(ta, tb),
        metrics.krippendorff_alpha(list(zip(ta, tb))),
        same,
        both if label == QUOTE else 0,
    )


def _pair(docs: list[_Doc], a: str, b: str, labels: list[str], threshold: float) -> PairRow:
    shared = [d for d in docs if a in d.entities and b in d.entities]
    parts = {lb: [_compare(d, a, b, lb, threshold) for d in shared] for lb in [*labels, QUOTE]}
    entities = [_compare(d, a, b, None, threshold) for d in shared]

    def pooled(key: str, label: str | None) -> tuple[float | None, float | None]:
        ta = [v for d in shared for v in getattr(d, key)[a]]
        tb = [v for d in shared for v in getattr(d, key)[b]]
        if label is not None and label != QUOTE:
            ta, tb = metrics.binary(ta, label), metrics.binary(tb, label)
        return metrics.cohen_kappa(ta, tb), metrics.krippendorff_alpha(list(zip(ta, tb)))

    return PairRow(
        a,
        b,
        len(shared),
        _sum(entities, *pooled("entity_tokens", None)),
        {lb: _sum(parts[lb], *pooled("entity_tokens", lb)) for lb in labels},
        _sum(parts[QUOTE], *pooled("quote_tokens", QUOTE)),
    )


def _document(doc: _Doc, threshold: float) -> DocumentRow:
    pairs = list(combinations(doc.annotators, 2))
    ents = [_compare(doc, a, b, None, threshold) for a, b in pairs]
    quotes = [_compare(doc, a, b, QUOTE, threshold) for a, b in pairs]
    units = list(zip(*(doc.entity_tokens[a] for a in doc.annotators)))
    q_units = list(zip(*(doc.quote_tokens[a] for a in doc.annotators)))
    return DocumentRow(
        doc.doc_id,
        doc.title,
        doc.annotators,
        _merge(ents, metrics.krippendorff_alpha(units)),
        _merge(quotes, metrics.krippendorff_alpha(q_units)),
    )


def _label(
    docs: list[_Doc], names: tuple[str, ...], pairs: tuple[PairRow, ...], label: str
) -> Agreement:
    return _merge([p.labels[label] for p in pairs], _alpha(docs, names, "entity_tokens", label))


def _alpha(
    docs: list[_Doc], names: tuple[str, ...], key: str, label: str | None = None
) -> float | None:
    """Alpha with every annotator a coder, every token of every document a unit."""
    units: list[tuple[str | None, ...]] = []
    for d in docs:
        seqs = [getattr(d, key).get(a) for a in names]
        if label is not None:
            seqs = [None if s is None else metrics.binary(s, label) for s in seqs]
        units += zip(*(s if s is not None else [None] * d.tokens for s in seqs))
    return metrics.krippendorff_alpha(units)


def _sum(parts: list[Agreement], kappa: float | None, alpha: float | None) -> Agreement:
    """Counts added up; kappa and alpha as given (computed on the pooled tokens)."""
    exact, overlap, same, compared = Counts(), Counts(), 0, 0
    for p in parts:
        exact, overlap = exact + p.exact, overlap + p.overlap
        same, compared = same + p.speakers_same, compared + p.speakers_compared
    return Agreement(exact, overlap, kappa, alpha, same, compared)


def _merge(parts: list[Agreement], alpha: float | None) -> Agreement:
    """Counts added up, kappa the mean of the parts' (pairs'), alpha as given."""
    kappas = [p.kappa for p in parts if p.kappa is not None]
    return _sum(parts, mean(kappas) if kappas else None, alpha)


def _same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    if a is None or b is None:
        return a is b
    if min(a.end, b.end) > max(a.start, b.start):
        return True
    fold = [(s.normal or s.text).casefold().replace("ё", "е").strip() for s in (a, b)]
    return bool(fold[0]) and fold[0] == fold[1]


def _worst(value: float | None) -> float:
    return 2.0 if value is None else value


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
