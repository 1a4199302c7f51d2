"""The quote targets, measured: dev all right, corpus and held-out above the bar."""

from __future__ import annotations

import pytest
from test_quotes_helpers import DATA, DEV, load_cases, predict, shared_scorer

from models.evaluate import format_report, score_quotes, trim

pytestmark = pytest.mark.slow

MIN_F1 = 0.90
MIN_SPEAKER = 0.85


def test_dev_every_quote_and_speaker_right() -> None:
    score = score_quotes(load_cases(DEV), predict)
    assert score.fn == 0 and score.fp == 0, format_report(score, verbose=True)
    assert score.speaker_accuracy == 1.0, format_report(score, verbose=True)


def test_dev_speakers_pass_the_shared_scorer() -> None:
    """The shared script is stricter on short words; our speakers must satisfy it too."""
    tool = shared_scorer()
    if tool is None:
        pytest.skip("../shared/tools/score_quotes.py is not beside the repository")
    for case in load_cases(DEV):
        text = case["text"]
        preds = [(trim(text, q.start, q.end), q) for q in predict(text)]
        for gold in case["quotes"]:
            s = text.find(gold["quote"])
            span = trim(text, s, s + len(gold["quote"]))
            match = max(preds, key=lambda p: tool.iou(span, p[0]))[1]
            sp = match.speaker
            assert sp is not None, case["id"]
            pred = {"normal": sp.normal, "text": sp.text}
            assert tool.speaker_ok(pred, gold["speaker"]), (case["id"], pred, gold["speaker"])


# quotes_lead_holdout.json was written by the lead after the detector, and never tuned on.
# quotes_stress.json: harder unseen cases (long articles, follow-ons, role nouns, captions),
# written before the detector was run on them, then used to find general fixes.
# quotes_stress_holdout.json: written and committed after those fixes, before any run; it
# met the targets on its first run (F1 0.99, speaker 0.97).
# quotes_round3.json: 96 cases on the known weak spots (plural and "там" antecedents,
# speech after an addressee, sloppy marks, dash dialogue, titles), committed before its
# first run (shared scorer: F1 0.96, speaker 0.81), then used to find general fixes.
@pytest.mark.parametrize(
    "name",
    [
        "quotes_corpus.json",
        "quotes_holdout.json",
        "quotes_lead_holdout.json",
        "quotes_stress.json",
        "quotes_stress_holdout.json",
        "quotes_round3.json",
    ],
)
def test_corpus_targets(name: str) -> None:
    score = score_quotes(load_cases(DATA / name), predict)
    report = format_report(score, verbose=True)
    assert score.f1 >= MIN_F1, report
    assert score.speaker_accuracy >= MIN_SPEAKER, report


REAL_DEV = DATA / "quotes_real_dev.json"  # a copy of ../shared/gold/quotes_real_dev.json


def test_real_news_dev_targets() -> None:
    """Real news passages (FactRuEval and public pages), annotated before any run: first
    run F1 0.96, speaker accuracy 0.91; the goal is 0.97 and 0.95."""
    score = score_quotes(load_cases(REAL_DEV), predict)
    report = format_report(score, verbose=True)
    assert score.f1 >= 0.97, report
    assert score.speaker_accuracy >= 0.95, report


# quotes_news_dev.json: the data helper's real passages (its holdout stays unread).
# quotes_news_round2.json: real passages from other sites, annotated before any run; part
# A (r2_*, 91 cases) first ran at F1 0.97 and speaker accuracy 0.88, part B (r2b_*, 17
# cases, annotated after this round's rules) first ran at 1.00 / 1.00.
# quotes_news_round3.json: 60 real passages written for the next round of speaker rules.
# The real-news holdouts were annotated before any run and measured once unseen (first runs:
# holdout 1.00 after its kinds were described, holdout2 1.00 / 0.88, holdout3 0.97 / 0.88,
# holdout4 0.99 / 0.89, holdout5 0.97 / 0.83); the kinds of the first four, never their texts,
# were then described to the rules' authors; nobody has read holdout5's errors. The bars
# below only keep what was reached.
@pytest.mark.parametrize(
    ("name", "min_f1", "min_speaker"),
    [
        ("quotes_news_dev.json", 0.97, 0.95),
        ("quotes_news_round2.json", 0.97, 0.93),
        ("quotes_news_round3.json", 0.97, 0.93),
        ("quotes_news_holdout.json", 0.97, 0.95),
        ("quotes_news_holdout2.json", 0.97, 0.90),
        ("quotes_news_holdout3.json", 0.95, 0.85),
        ("quotes_news_holdout4.json", 0.97, 0.88),
        ("quotes_news_holdout5.json", 0.95, 0.85),
    ],
)
def test_real_news_targets(name: str, min_f1: float, min_speaker: float) -> None:
    score = score_quotes(load_cases(DATA / name), predict)
    report = format_report(score, verbose=True)
    assert score.f1 >= min_f1, report
    assert score.speaker_accuracy >= min_speaker, report


def test_round2_is_large_and_varied() -> None:
    cases = load_cases(DATA / "quotes_news_round2.json")
    assert len(cases) >= 40
    assert sum(1 for c in cases if not c["quotes"]) >= 10  # precision: «names», no quotes
    assert len({c["source"].split("/")[2] for c in cases if "://" in c["source"]}) >= 40


def test_corpus_is_large_and_varied() -> None:
    cases = load_cases(DATA / "quotes_corpus.json")
    assert len(cases) >= 150
    assert sum(1 for c in cases if not c["quotes"]) >= 30
    assert len(load_cases(DATA / "quotes_holdout.json")) >= 50
    for case in cases:
        for q in case["quotes"]:
            assert q["quote"] in case["text"], case["id"]


def test_evaluate_gold_through_the_pipeline(capsys: pytest.CaptureFixture[str]) -> None:
    """What ``main.py evaluate --gold`` runs: ingest, pipeline.predict, the report."""
    from models.evaluate import run_evaluate_gold

    assert run_evaluate_gold(DEV, verbose=True) == 0
    assert "F1=1.00 speaker_acc=1.00" in capsys.readouterr().out
