"""brat folders: pairs become documents; bad lines refuse their document, by line."""

from __future__ import annotations

from pathlib import Path

import pytest
from exio_helpers import fake_pre_annotate_many

from models.io.importers import import_files
from models.store.store import Store

TEXT = "Мэр Москвы Сергей Собянин сказал:\n«Парк откроется летом»."


def pair(folder: Path, name: str, ann: str, text: str = TEXT) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")


GOOD = (
    "T1\tLOC 4 10\tМосквы\nT2\tPER 11 25\tСергей Собянин\n"
    "T3\tQuote 35 55\tПарк откроется летом\nR1\tSpeaker Arg1:T3 Arg2:T2\n"
    "A1\tNegation T1\n#1\tAnnotatorNotes T1\tМосква\n"
)


@pytest.fixture
def no_natasha(monkeypatch: pytest.MonkeyPatch) -> None:
    import models.pipeline

    monkeypatch.setattr(models.pipeline, "pre_annotate_many", fake_pre_annotate_many)


def test_a_brat_folder_imports_entities_quotes_and_speakers(
    tmp_path: Path, no_natasha: None
) -> None:
    pair(tmp_path / "b", "one", GOOD)
    store = Store.in_memory()
    report = import_files(store, [tmp_path / "b"])
    assert len(report.added) == 1 and not report.errors
    doc = store.document(report.added[0])
    assert [(e.text, e.normal) for e in doc.entities] == [
        ("Москвы", "Москва"),
        ("Сергей Собянин", "Сергей Собянин"),
    ]
    assert doc.quotes[0].speaker.text == "Сергей Собянин" and doc.status == "done"


def test_bad_lines_refuse_their_document_and_name_the_line(
    tmp_path: Path, no_natasha: None
) -> None:
    pair(tmp_path / "b", "good", GOOD)
    pair(
        tmp_path / "b",
        "bad",
        "T1\tLOC 4 10\tМосквы\nT2\tCITY 11 25\tСергей Собянин\n"
        "T3\tPER 0 3;11 25\tМэр Сергей Собянин\nT4\tLOC 4 10\tТюмень\n",
        TEXT.replace("сказал", "сказал так"),
    )
    report = import_files(Store.in_memory(), [tmp_path / "b"])
    assert len(report.added) == 1
    ann = tmp_path / "b" / "bad.ann"
    assert [e.split(": ")[0] for e in report.errors] == [f"{ann}:2", f"{ann}:3", f"{ann}:4"]
    assert "unknown label 'CITY'" in report.errors[0]
    assert "discontinuous" in report.errors[1] and "Тюмень" in report.errors[2]


def test_crlf_txt_offsets_count_the_cr_and_are_mapped(tmp_path: Path, no_natasha: None) -> None:
    text = TEXT.replace("\n", "\r\n")
    start = text.index("Парк")
    pair(tmp_path / "b", "crlf", f"T1\tQuote {start} {start + 20}\tПарк откроется летом\n", text)
    store = Store.in_memory()
    report = import_files(store, [tmp_path / "b"])
    doc = store.document(report.added[0])
    assert doc.text == TEXT and doc.quotes[0].text == "Парк откроется летом"


def test_a_lone_ann_file_is_reported(tmp_path: Path, no_natasha: None) -> None:
    (tmp_path / "x.ann").write_text(GOOD, encoding="utf-8")
    report = import_files(Store.in_memory(), [tmp_path / "x.ann"])
    assert report.errors == [f"{tmp_path / 'x.ann'}: no x.txt beside it"]
