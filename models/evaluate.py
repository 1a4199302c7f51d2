"""Scoring the pre-annotation: quotes against a gold file, or model vs curated documents.

The quote score follows ../shared/tools/score_quotes.py exactly (quotation marks and edge
punctuation trimmed, a match is character IoU >= 0.8, speakers compared token by token
with a loose stem), so ``main.py evaluate --gold`` and the shared script agree. Two
departures, both where the script is stricter than it means to be: equal words shorter
than three letters match ("ГУ", "в"), and a gold quote whose speaker is null counts as
right when the prediction has no speaker either. ``compare_annotations`` measures how
much a team had to change: entities by exact span and label, quotes by IoU with speaker accuracy.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.spans import Document, Quote, Speaker

EDGE = " \t\n«»\"„“”'‘’,.:;!?—–-"
MIN_IOU = 0.8
MIN_F1 = 0.9
MIN_SPEAKER = 0.85


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without quotation marks, spaces and punctuation at the edges."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Intersection over union of two character ranges."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _toks(s: str | None) -> list[str]:
    s = (s or "").lower().replace("ё", "е")
    for ch in '«»"„“”,.':
        s = s.replace(ch, " ")
    return s.split()


def _tok_eq(a: str, b: str) -> bool:
    if a == b:
        return True  # score_quotes.py never matches words under 3 letters, even equal ones
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 3 and n >= min(len(a), len(b)) - 2


def _covers(xs: list[str], ys: list[str]) -> bool:
    return bool(xs) and all(any(_tok_eq(x, y) for y in ys) for x in xs)


def speaker_ok(pred: Speaker | None, gold: str | None) -> bool:
    """Whether a predicted speaker names the gold one (by normal form or surface text)."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    g = _toks(gold)
    for value in (pred.normal, pred.text):
        p = _toks(value)
        if p and (_covers(p, g) or _covers(g, p)):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Issue:
    """One error for the verbose report."""

    case: str
    kind: str  # "missed" | "spurious" | "speaker"
    quote: str
    expected: str | None = None
    got: str | None = None


@dataclass
class QuoteScore:
    """Counts and error lists of a quote evaluation; rates are properties."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_right: int = 0
    missed: list[Issue] = field(default_factory=list)
    spurious: list[Issue] = field(default_factory=list)
    misattributed: list[Issue] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.tp if self.tp else 0.0

    @property
    def end_to_end_f1(self) -> float:
        """F1 where a quote counts only with the right speaker."""
        p = self.speaker_right / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.speaker_right / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def passed(self) -> bool:
        return self.f1 >= MIN_F1 and self.speaker_accuracy >= MIN_SPEAKER


def _speaker_label(sp: Speaker | None) -> str | None:
    if sp is None:
        return None
    return sp.text if sp.normal in ("", sp.text) else f"{sp.text} ({sp.normal})"


def _match(golds: list[tuple[int, int]], preds: list[tuple[int, int]]) -> list[int | None]:
    """Greedy IoU matching as in score_quotes.py: for each gold, the best unused prediction."""
    used: set[int] = set()
    out: list[int | None] = []
    for g in golds:
        best, bi = 0.0, None
        for i, p in enumerate(preds):
            if i not in used and iou(g, p) > best:
                best, bi = iou(g, p), i
        if bi is not None and best >= MIN_IOU:
            used.add(bi)
            out.append(bi)
        else:
            out.append(None)
    return out


def _score_case(score: QuoteScore, case: dict[str, Any], predicted: list[Quote]) -> None:
    text, cid = case["text"], str(case.get("id", "?"))
    golds, gold_quotes = [], []
    for q in case.get("quotes", []):
        s = text.find(q["quote"])
        if s < 0:
            raise ValueError(f"{cid}: gold quote not in the text: «{q['quote'][:40]}»")
        golds.append(trim(text, s, s + len(q["quote"])))
        gold_quotes.append(q)
    preds = [trim(text, q.start, q.end) for q in predicted]
    matches = _match(golds, preds)
    for gq, bi in zip(gold_quotes, matches):
        if bi is None:
            if not gq.get("optional"):
                score.fn += 1
                score.missed.append(Issue(cid, "missed", gq["quote"], gq.get("speaker")))
            continue
        if gq.get("optional"):
            continue
        score.tp += 1
        sp = predicted[bi].speaker
        if gq.get("speaker_optional") or speaker_ok(sp, gq.get("speaker")):
            score.speaker_right += 1
        else:
            score.misattributed.append(
                Issue(cid, "speaker", gq["quote"], gq.get("speaker"), _speaker_label(sp))
            )
    used = {bi for bi in matches if bi is not None}
    for i, q in enumerate(predicted):
        if i not in used:
            score.fp += 1
            score.spurious.append(
                Issue(
                    cid, "spurious", text[preds[i][0] : preds[i][1]], got=_speaker_label(q.speaker)
                )
            )


def score_quotes(cases: list[dict[str, Any]], predict: Callable[[str], list[Quote]]) -> QuoteScore:
    """Score ``predict`` on gold cases ``[{"id", "text", "quotes": [{"quote", "speaker"}]}]``."""
    score = QuoteScore()
    for case in cases:
        _score_case(score, case, list(predict(case["text"])))
    return score


def format_report(score: QuoteScore, verbose: bool = False) -> str:
    """The summary line, and with ``verbose`` every missed, spurious and misattributed case."""
    lines = []
    if verbose:
        for i in score.missed:
            lines.append(f"  {i.case}: missed «{i.quote[:60]}» ({i.expected})")
        for i in score.spurious:
            lines.append(f"  {i.case}: spurious «{i.quote[:60]}»")
        for i in score.misattributed:
            lines.append(f"  {i.case}: speaker {i.got} != {i.expected} for «{i.quote[:40]}»")
    lines.append(
        f"quotes P={score.precision:.2f} R={score.recall:.2f} F1={score.f1:.2f} "
        f"speaker_acc={score.speaker_accuracy:.2f} quote+speaker F1={score.end_to_end_f1:.2f} "
        f"(tp={score.tp} fp={score.fp} fn={score.fn})"
    )
    return "\n".join(lines)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def _speaker_same(model: Speaker | None, gold: Speaker | None) -> bool:
    if gold is None or model is None:
        return gold is model
    if (model.start, model.end) == (gold.start, gold.end):
        return True
    return speaker_ok(model, gold.normal or gold.text)


def compare_annotations(pairs: Iterable[tuple[Document, Document]]) -> dict[str, Any]:
    """Model vs gold for ``(gold, model)`` document pairs.

    Returns ``{"documents": n, "entities": {label: {tp, fp, fn, precision, recall, f1}},
    "quotes": {tp, fp, fn, precision, recall, f1, speaker_accuracy}}``; entities match by
    exact offsets and label (``"ALL"`` is the micro average), quotes by trimmed IoU.
    """
    counts: dict[str, list[int]] = {}
    q = [0, 0, 0, 0]  # tp, fp, fn, right speaker
    n = 0
    for gold, model in pairs:
        n += 1
        g_ents = {(e.start, e.end, e.label) for e in gold.entities}
        m_ents = {(e.start, e.end, e.label) for e in model.entities}
        for label in {x[2] for x in g_ents | m_ents}:
            c = counts.setdefault(label, [0, 0, 0])
            g = {x for x in g_ents if x[2] == label}
            m = {x for x in m_ents if x[2] == label}
            c[0] += len(g & m)
            c[1] += len(m - g)
            c[2] += len(g - m)
        text = gold.text
        golds = [trim(text, x.start, x.end) for x in gold.quotes]
        preds = [trim(text, x.start, x.end) for x in model.quotes]
        matches = _match(golds, preds)
        for gq, bi in zip(gold.quotes, matches):
            if bi is None:
                q[2] += 1
            else:
                q[0] += 1
                q[3] += _speaker_same(model.quotes[bi].speaker, gq.speaker)
        q[1] += len(preds) - sum(1 for bi in matches if bi is not None)
    entities = {label: _prf(*c) for label, c in sorted(counts.items())}
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    entities["ALL"] = _prf(*total)
    quotes: dict[str, float | int] = dict(_prf(q[0], q[1], q[2]))
    quotes["speaker_accuracy"] = round(q[3] / q[0], 4) if q[0] else 0.0
    return {"documents": n, "entities": entities, "quotes": quotes}


def pipeline_predict(text: str) -> list[Quote]:
    """Quotes as ``main.py annotate`` finds them: ingest noise, NER, names, quotes."""
    from models.io.ingest import document_from_text
    from models.pipeline import predict

    return list(predict(document_from_text(text)).quotes)


def evaluate_gold(path: str | Path, verbose: bool = False) -> tuple[str, int]:
    """``evaluate --gold FILE``: the report and the exit code.

    Quote cases are scored as score_quotes.py does (exit 0 when F1 and speaker accuracy
    pass); razmetka's native records get the model-vs-gold table per label (exit 0).
    Raises GoldError (one line) for a file in neither shape.
    """
    from models.gold_file import GoldError, read_gold

    gold = read_gold(path)
    if gold.cases is not None:
        try:
            score = score_quotes(gold.cases, pipeline_predict)
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}: {exc}") from None
        return format_report(score, verbose), 0 if score.passed() else 1
    from models.io.ingest import document_from_text
    from models.pipeline import predict

    docs = gold.documents or []
    result = compare_annotations((d, predict(document_from_text(d.text))) for d in docs)
    return _comparison_report(result, verbose), 0


def run_evaluate_gold(path: str | Path, verbose: bool = False) -> int:
    """Print ``evaluate_gold``'s report; a bad file is one line on stderr and exit 2."""
    try:
        report, code = evaluate_gold(path, verbose)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(report)
    return code


def _comparison_report(result: dict[str, Any], verbose: bool) -> str:
    text = format_comparison(result)
    return text + "\n" + json.dumps(result, ensure_ascii=False, indent=1) if verbose else text


def format_comparison(result: dict[str, Any]) -> str:
    """A table of ``compare_annotations`` output."""
    lines = [f"documents: {result['documents']}", "label    P      R      F1     tp   fp   fn"]
    for label, r in result["entities"].items():
        lines.append(
            f"{label:8} {r['precision']:.3f}  {r['recall']:.3f}  {r['f1']:.3f}  "
            f"{r['tp']:4} {r['fp']:4} {r['fn']:4}"
        )
    qr = result["quotes"]
    lines.append(
        f"{'QUOTE':8} {qr['precision']:.3f}  {qr['recall']:.3f}  {qr['f1']:.3f}  "
        f"{qr['tp']:4} {qr['fp']:4} {qr['fn']:4}  speaker_acc={qr['speaker_accuracy']:.3f}"
    )
    return "\n".join(lines)


class NothingReviewed(ValueError):
    """No document is done: the model would be compared with itself."""


def evaluate_db(db: str | Path, verbose: bool = False) -> str:
    """``evaluate --db PATH``: model snapshot vs curated spans of the documents marked done.

    Raises NothingReviewed when none is done: before a review the curated spans are the
    model's own, and the comparison would say 1.000 everywhere.
    """
    from models.store.store import Store

    store = Store(db, readonly=True)
    try:
        docs = list(store.iter_documents(["done"]))
        if not docs:
            raise NothingReviewed(
                f"{db}: nothing reviewed to compare: no document is marked done yet "
                "(the model would be compared with itself)"
            )
        result = compare_annotations((d, store.predictions(d.id)) for d in docs)
    finally:
        store.close()
    return _comparison_report(result, verbose)


def run_evaluate_db(db: str | Path, verbose: bool = False) -> int:
    """Print ``evaluate_db``'s report; nothing reviewed is one line on stderr and exit 1."""
    try:
        print(evaluate_db(db, verbose))
    except NothingReviewed as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0
