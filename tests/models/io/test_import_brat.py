"""brat folders: pairs become documents; bad lines refuse their document, by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, export
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


def test_a_duplicate_t_id_is_refused_not_silently_replaced(
    tmp_path: Path, no_natasha: None
) -> None:
    pair(tmp_path / "b", "dup", "T1\tLOC 4 10\tМосквы\nT1\tPER 11 25\tСергей Собянин\n")
    report = import_files(Store.in_memory(), [tmp_path / "b"])
    assert report.added == []
    assert report.errors == [f"{tmp_path / 'b' / 'dup.ann'}:2: T1 is defined twice"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\f", "\v", "\x1c"])
def test_spans_holding_line_separators_other_than_newline_round_trip(
    tmp_path: Path, no_natasha: None, make_store, key, make_doc, ent, quote, separator: str
) -> None:
    text = f"Мэр Москвы{separator}Сергей Собянин сказал: «Парк{separator}откроется летом»."
    ents = [ent(text, f"Москвы{separator}Сергей Собянин", "ORG"), ent(text, "Собянин", "PER")]
    quotes = [quote(text, f"Парк{separator}откроется летом", "Собянин")]
    gold = make_doc(text, ents, quotes)
    export(make_store([gold]), "brat", tmp_path / "out", ExportOptions())
    store = Store.in_memory()
    report = import_files(store, [tmp_path / "out"])  # the folder as exported, manifest too
    assert report.errors == [] and report.added == [gold.id]
    assert key(store.document(gold.id)) == key(gold)


def test_an_upper_case_txt_pairs_with_its_ann(tmp_path: Path, no_natasha: None) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "x.TXT").write_text(TEXT, encoding="utf-8")
    (folder / "x.ann").write_text(GOOD, encoding="utf-8")
    (folder / "y.txt").write_text(TEXT + " ещё", encoding="utf-8")
    (folder / "y.ANN").write_text(GOOD, encoding="utf-8")
    for paths in ([folder], [folder / "x.TXT", folder / "y.ANN"]):
        store = Store.in_memory()
        report = import_files(store, paths)
        assert report.errors == [] and len(report.added) == 2
        assert all(store.document(i).quotes for i in report.added)
