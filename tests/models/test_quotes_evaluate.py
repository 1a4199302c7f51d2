"""models.evaluate: the scorer agrees with score_quotes.py; model-vs-gold comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.evaluate import (
    compare_annotations,
    format_report,
    iou,
    run_evaluate_gold,
    score_quotes,
    speaker_ok,
    trim,
)
from models.spans import Document, Entity, Quote, Speaker

TEXT = "«Мы готовы», — сказал Иван Петров. Компания «Ромашка» работает."
CASE = {"id": "t1", "text": TEXT, "quotes": [{"quote": "Мы готовы", "speaker": "Иван Петров"}]}


def quote(text: str, words: str, speaker: Speaker | None = None) -> Quote:
    s = text.index(words)
    return Quote(s, s + len(words), words, speaker)


def petrov(normal: str = "Иван Петров") -> Speaker:
    s = TEXT.index("Иван Петров")
    return Speaker(s, s + 11, "Иван Петров", normal)


def test_trim_and_iou() -> None:
    assert trim("«Да!»", 0, 5) == (1, 3)
    assert iou((0, 10), (5, 15)) == pytest.approx(1 / 3)
    assert iou((0, 0), (0, 0)) == 0.0


def test_speaker_matching_is_loose_on_endings() -> None:
    assert speaker_ok(Speaker(0, 5, "Петрова", "Иван Петров"), "Иван Петров")
    assert speaker_ok(Speaker(0, 5, "пресс-службе аэропорта", ""), "пресс-служба аэропорта")
    assert speaker_ok(Speaker(0, 2, "ГУ", "ГУ"), "ГУ")
    assert not speaker_ok(Speaker(0, 5, "Сидоров", "Олег Сидоров"), "Иван Петров")
    assert not speaker_ok(None, "Иван Петров")
    assert speaker_ok(None, None)


def test_perfect_prediction() -> None:
    score = score_quotes([CASE], lambda t: [quote(t, "Мы готовы", petrov())])
    assert (score.precision, score.recall, score.f1, score.speaker_accuracy) == (1, 1, 1, 1)
    assert score.passed()


def test_quote_marks_and_edge_punctuation_are_trimmed() -> None:
    score = score_quotes([CASE], lambda t: [quote(t, "«Мы готовы»,", petrov())])
    assert score.tp == 1 and score.fp == 0


def test_missed_spurious_and_misattributed_are_listed() -> None:
    wrong = Speaker(0, 2, "Мы", "Мы")
    score = score_quotes(
        [CASE, {"id": "t2", "text": TEXT, "quotes": []}],
        lambda t: [quote(t, "Мы готовы", wrong), quote(t, "Ромашка")],
    )
    assert score.tp == 1 and score.fp == 3 and score.fn == 0  # t2 has no gold quotes
    assert score.speaker_accuracy == 0
    assert [i.case for i in score.misattributed] == ["t1"]
    report = format_report(score, verbose=True)
    assert "spurious «Ромашка»" in report and "speaker Мы" in report
    assert "F1=" in format_report(score).splitlines()[-1]
    missed = score_quotes([CASE], lambda t: [])
    assert missed.fn == 1 and missed.missed[0].quote == "Мы готовы"
    assert "missed «Мы готовы»" in format_report(missed, verbose=True)


def test_low_overlap_is_no_match() -> None:
    score = score_quotes([CASE], lambda t: [quote(t, "Мы", petrov())])
    assert score.tp == 0 and score.fp == 1 and score.fn == 1


def test_optional_gold_quotes() -> None:
    case = {
        "id": "o",
        "text": TEXT,
        "quotes": [{"quote": "Мы готовы", "speaker": "Иван Петров", "optional": True}],
    }
    assert score_quotes([case], lambda t: []).fn == 0
    with_it = score_quotes([case], lambda t: [quote(t, "Мы готовы")])
    assert (with_it.tp, with_it.fp) == (0, 0)


def test_gold_quote_not_in_text_is_an_error() -> None:
    bad = {"id": "b", "text": TEXT, "quotes": [{"quote": "нет такого", "speaker": "X"}]}
    with pytest.raises(ValueError, match="not in the text"):
        score_quotes([bad], lambda t: [])


def test_run_evaluate_gold_reports_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gold.json"
    for bad in (
        "{not json",
        json.dumps({"id": 1}),
        json.dumps([{"text": "x", "entities": [[0, 1, "PER"]]}]),
    ):
        path.write_text(bad, encoding="utf-8")
        assert run_evaluate_gold(path) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and "not a gold file: expected razmetka's jsonl export" in err


def test_evaluate_gold_names_the_line_of_a_bad_record(tmp_path: Path) -> None:
    from models.evaluate import evaluate_gold
    from models.gold_file import GoldError

    good = {"text": "Иван Петров", "entities": [{"start": 0, "end": 11, "label": "PER"}]}
    bad = {"text": "Иван", "entities": [{"start": 0, "end": 40, "label": "PER"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:2: entity 1 offsets 0-40 outside"):
        evaluate_gold(path)


def _doc(entities: list[Entity], quotes: list[Quote]) -> Document:
    return Document("d", TEXT).with_annotations(entities, quotes)


def test_compare_annotations_per_label() -> None:
    per = Entity(TEXT.index("Иван"), TEXT.index("Иван") + 11, "PER", "Иван Петров")
    org = Entity(TEXT.index("Ромашка"), TEXT.index("Ромашка") + 7, "ORG", "Ромашка")
    bad = Entity(TEXT.index("«Ромашка»"), TEXT.index("«Ромашка»") + 9, "ORG", "«Ромашка»")
    gold = _doc([per, org], [quote(TEXT, "Мы готовы", petrov())])
    model = _doc([per, bad], [quote(TEXT, "«Мы готовы»", petrov("Петров"))])
    result = compare_annotations([(gold, model)])
    assert result["documents"] == 1
    assert result["entities"]["PER"]["f1"] == 1.0
    assert (
        result["entities"]["ORG"]["tp"],
        result["entities"]["ORG"]["fp"],
        result["entities"]["ORG"]["fn"],
    ) == (0, 1, 1)
    assert result["entities"]["ALL"]["precision"] == 0.5
    assert result["quotes"]["f1"] == 1.0 and result["quotes"]["speaker_accuracy"] == 1.0


def test_compare_annotations_counts_quotes_and_wrong_speakers() -> None:
    gold = _doc([], [quote(TEXT, "Мы готовы", petrov())])
    other = Speaker(0, 2, "Мы", "Мы")
    model = _doc([], [quote(TEXT, "Мы готовы", other), quote(TEXT, "Ромашка")])
    q = compare_annotations([(gold, model), (gold, _doc([], []))])["quotes"]
    assert (q["tp"], q["fp"], q["fn"], q["speaker_accuracy"]) == (1, 1, 1, 0.0)


def test_run_evaluate_db_compares_done_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from models.store.store import Store

    per = Entity(TEXT.index("Иван"), TEXT.index("Иван") + 11, "PER", "Иван Петров")
    model = _doc([per], [quote(TEXT, "Мы готовы", petrov())])
    gold = Document("d", TEXT, status="done").with_annotations([per], [])
    path = tmp_path / "eval.db"
    store = Store(path)
    store.add_document(gold, model)
    store.close()
    from models.evaluate import run_evaluate_db

    assert run_evaluate_db(path) == 0
    out = capsys.readouterr().out
    assert "documents: 1" in out and "PER" in out and "QUOTE" in out


def test_evaluate_db_with_nothing_reviewed_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from models.evaluate import run_evaluate_db
    from models.store.store import Store

    per = Entity(TEXT.index("Иван"), TEXT.index("Иван") + 11, "PER", "Иван Петров")
    path = tmp_path / "eval.db"
    store = Store(path)
    store.add_document(Document("d", TEXT).with_annotations([per], []))
    store.close()
    assert run_evaluate_db(path) == 1
    out = capsys.readouterr()
    assert out.out == "" and "nothing reviewed to compare" in out.err
    assert "1.000" not in out.err
