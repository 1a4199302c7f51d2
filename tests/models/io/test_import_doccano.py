"""doccano JSONL import: both span shapes, UTF-16 offsets, overlap and relation checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.io.importers import import_files
from models.io.importers.doccano import read_record
from models.io.jsonshape import RecordError
from models.labels import load_labels
from models.store.store import Store

LABELS = load_labels().names
TEXT = "🎉 Мэр Москвы Сергей Собянин сказал: «Парк откроется»."


def u16(text: str, words: str) -> tuple[int, int]:
    start = len(text[: text.index(words)].encode("utf-16-le")) // 2
    return start, start + len(words.encode("utf-16-le")) // 2


def test_sequence_labeling_shape_with_utf16_offsets() -> None:
    rec = {
        "id": 7,
        "text": TEXT,
        "label": [[*u16(TEXT, "Москвы"), "LOC"], [*u16(TEXT, "Сергей Собянин"), "PER"]],
        "Comments": [],
    }
    doc = read_record(rec, LABELS).doc
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Москвы", "LOC"),
        ("Сергей Собянин", "PER"),
    ]
    assert doc.status == "done"


def test_relation_shape_gives_quotes_with_speakers() -> None:
    rec = {
        "text": TEXT,
        "entities": [
            {
                "id": 1,
                "label": "PER",
                "start_offset": u16(TEXT, "Сергей Собянин")[0],
                "end_offset": u16(TEXT, "Сергей Собянин")[1],
            },
            {
                "id": 2,
                "label": "QUOTE",
                "start_offset": u16(TEXT, "Парк откроется")[0],
                "end_offset": u16(TEXT, "Парк откроется")[1],
            },
        ],
        "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "speaker"}],
    }
    doc = read_record(rec, LABELS).doc
    assert doc.quotes[0].text == "Парк откроется"
    assert doc.quotes[0].speaker.text == "Сергей Собянин"


@pytest.mark.parametrize(
    ("rec", "why"),
    [
        ({"text": TEXT, "label": [[4, 10, "LOC"], [8, 20, "PER"]]}, "overlap"),
        ({"text": TEXT, "label": [[1, 5, "LOC"]]}, "not on character boundaries"),
        ({"text": TEXT, "label": [[4, 400, "LOC"]]}, "not on character boundaries"),
        ({"text": "Москва", "label": [[0, 60, "LOC"]]}, "outside the text"),
        ({"text": TEXT, "label": [[3, 9, "CITY"]]}, "unknown label 'CITY'"),
        (
            {
                "text": TEXT,
                "entities": [],
                "relations": [{"from_id": 1, "to_id": 2, "type": "knows"}],
            },
            "unknown type",
        ),
    ],
)
def test_bad_records_are_refused(rec: dict, why: str) -> None:
    with pytest.raises(RecordError, match=why):
        read_record(rec, LABELS)


def test_file_import_reports_bad_lines(tmp_path: Path, no_natasha: None) -> None:
    good = {"text": TEXT, "label": [[*u16(TEXT, "Москвы"), "LOC"]]}
    bad = {"text": TEXT + "!", "label": [[3, 9, "CITY"]]}
    path = tmp_path / "doccano.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (good, bad)) + "\n", encoding="utf-8"
    )
    report = import_files(Store.in_memory(), [path], fmt="doccano")
    assert len(report.added) == 1 and report.errors[0].startswith(f"{path}:2: ")
