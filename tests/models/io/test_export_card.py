"""The README card beside each export: counts per part and label, the command, the notes."""

from __future__ import annotations

from pathlib import Path

from models.io.exporters import ExportOptions, export


def test_a_folder_export_has_a_card_with_counts_per_part_and_label(
    tmp_path: Path, many_store
) -> None:
    store = many_store(10)
    options = ExportOptions(split="train=0.8,test=0.2", seed=3)
    export(store, "brat", tmp_path / "b", options)
    card = (tmp_path / "b" / "README.md").read_text(encoding="utf-8")
    assert "razmetka export --db razmetka.db --format brat --out b --status all" in card
    assert "--split train=0.8,test=0.2 --seed 3" in card
    assert "| train | 8 | 8 | 8 | 0 |" in card and "| test | 2 | 2 | 2 | 0 |" in card
    assert "| total | 10 | 10 | 10 | 0 |" in card
    assert "FactRuEval-2016" in card


def test_a_file_export_gets_its_card_beside_it_with_what_was_left_out(
    tmp_path: Path, make_store
) -> None:
    options = ExportOptions(statuses=["done"])
    export(make_store(), "conll", tmp_path / "c.conll", options)
    card = (tmp_path / "c.README.md").read_text(encoding="utf-8")
    assert "--format conll --out c.conll --status done" in card
    assert "- left out: 1 nested or overlapping entities" in card
    assert "- not selected by status: 1 new, 1 in_progress, 1 skipped" in card
    assert "razdel" in card and "--keep-noise" in card


def test_a_card_never_replaces_a_file_razmetka_did_not_write(tmp_path: Path, make_store) -> None:
    mine = tmp_path / "c.README.md"
    mine.write_text("my notes", encoding="utf-8")
    report = export(make_store(), "conll", tmp_path / "c.conll", ExportOptions())
    assert mine.read_text(encoding="utf-8") == "my notes"
    assert any("model card not written" in n for n in report.notes)
    export(make_store(), "conll", tmp_path / "d.conll", ExportOptions())
    export(
        make_store(), "conll", tmp_path / "d.conll", ExportOptions(statuses=["done"]), force=True
    )
    assert "--status done" in (tmp_path / "d.README.md").read_text(encoding="utf-8")
