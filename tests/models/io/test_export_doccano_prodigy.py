"""doccano JSONL (UTF-16 offsets, relations) and Prodigy JSONL (token-indexed spans)."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

from models.io.exporters import ExportOptions, export
from models.io.importers.doccano import read_record
from models.labels import load_labels


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def utf16_slice(text: str, start: int, end: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def test_doccano_offsets_are_utf16_units_as_doccano_counts(
    tmp_path: Path, doc_emoji, make_store
) -> None:
    export(make_store(), "doccano", tmp_path / "d.jsonl", ExportOptions())
    for rec in lines(tmp_path / "d.jsonl"):
        for e in rec["entities"]:
            assert utf16_slice(rec["text"], e["start_offset"], e["end_offset"]).strip()
    emoji = next(r for r in lines(tmp_path / "d.jsonl") if r["text"] == doc_emoji.text)
    first = emoji["entities"][0]
    assert utf16_slice(emoji["text"], first["start_offset"], first["end_offset"]) == "Москвы"
    assert first["start_offset"] == doc_emoji.text.index("Москвы") + 1  # 😀 is two units


def test_doccano_relations_link_quotes_to_speakers(
    tmp_path: Path, export_corpus, make_store
) -> None:
    export(make_store(export_corpus[:1]), "doccano", tmp_path / "d.jsonl", ExportOptions())
    rec = lines(tmp_path / "d.jsonl")[0]
    by_id = {e["id"]: e for e in rec["entities"]}
    pairs = [
        (by_id[r["from_id"]]["label"], by_id[r["to_id"]]["label"], r["type"])
        for r in rec["relations"]
    ]
    assert pairs == [("QUOTE", "PER", "speaker"), ("QUOTE", "SPEAKER", "speaker")]
    assert rec["razmetka_id"] == export_corpus[0].id and rec["source"] == "URA.RU"


def test_doccano_reads_back_into_the_same_annotations(
    tmp_path: Path, export_corpus, doc_emoji, make_store, key
) -> None:
    report = export(make_store(), "doccano", tmp_path / "d.jsonl", ExportOptions())
    labels = load_labels().names
    for gold, rec in zip(export_corpus, lines(tmp_path / "d.jsonl")):
        back = read_record(rec, labels).doc
        assert back.status == gold.status
        assert {(e.start, e.end, e.label) for e in back.entities} == {
            (e.start, e.end, e.label) for e in gold.entities
        }
        assert [(q.text, q.speaker and q.speaker.text) for q in back.quotes] == [
            (q.text, q.speaker and q.speaker.text) for q in gold.quotes
        ]
    assert any("normal forms (doccano" in n for n in report.notes)
    assert key(read_record(lines(tmp_path / "d.jsonl")[1], labels).doc)[0] == doc_emoji.text


def test_prodigy_tokens_and_spans_agree(tmp_path: Path, export_corpus, make_store) -> None:
    report = export(make_store(), "prodigy", tmp_path / "p.jsonl", ExportOptions())
    for task in lines(tmp_path / "p.jsonl"):
        tokens = task["tokens"]
        assert [t["id"] for t in tokens] == list(range(len(tokens)))
        for t in tokens:
            assert task["text"][t["start"] : t["end"]] == t["text"]
        for s in task["spans"]:
            assert tokens[s["token_start"]]["start"] == s["start"]
            assert tokens[s["token_end"]]["end"] == s["end"]
        ends = [(s["start"], s["end"]) for s in sorted(task["spans"], key=lambda s: s["start"])]
        assert all(a[1] <= b[0] for a, b in pairwise(ends))  # Prodigy NER: no overlap
    first = lines(tmp_path / "p.jsonl")[0]
    assert {first["text"][s["start"] : s["end"]] for s in first["spans"]} == {
        "РФ",
        "Владимир Путин",
        "ООО «Ромашка»",
        "Иван Петров",
        "Москве",
    }
    assert first["answer"] == "accept" and first["meta"]["id"] == export_corpus[0].id
    notes = " | ".join(report.notes)
    assert "left out: 1 nested" in notes and "left out: 3 quotes (a Prodigy" in notes
