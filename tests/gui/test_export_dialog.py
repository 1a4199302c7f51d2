"""File > Export… in the window: options, background export with progress, Cancel, notes."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

import gui.jobs.jobs
import models.service.corpus
from gui.dialogs.export_dialog import ExportDialog
from models import Document, Entity, Quote, Speaker, Store
from models.io.exporters import MissingDependency


def article(i: int, status: str) -> Document:
    text = f"«Работа идёт по плану», — сказал Алексей Орлов в Перми. Выпуск {i}."
    s = text.index("Алексей")
    per = Entity(s, s + 13, "PER", "Алексей Орлов", "Алексей Орлов")
    loc = Entity(text.index("Перми"), text.index("Перми") + 5, "LOC", "Перми", "Пермь")
    quote = Quote(
        1,
        text.index("»"),
        text[1 : text.index("»")],
        Speaker(per.start, per.end, per.text, per.normal),
    )
    return Document(f"doc{i:05}", text, {"title": f"Выпуск {i}"}, status, (per, loc), (quote,))


@pytest.fixture
def corpus_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "corpus.db")
    with store.db.atomic():
        for i in range(12):
            store.add_document(article(i, "done" if i % 3 == 0 else "new"))
    yield store
    store.close()


@pytest.fixture
def dialog(make_window, corpus_store: Store):  # type: ignore[no-untyped-def]
    window = make_window(corpus_store)
    window.menu_actions.export.trigger()
    assert window.export_dialog is not None and window.export_dialog.isVisible()
    yield window.export_dialog  # the window lives as long as its dialog is used


def choose(dialog: ExportDialog, fmt: str, out: Path) -> None:
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
    dialog.out_edit.setText(str(out))


def test_export_to_jsonl_writes_the_done_documents_with_their_spans(
    qtbot, dialog: ExportDialog, corpus_store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out" / "corpus.jsonl"
    choose(dialog, "jsonl", out)
    assert dialog.count_label.text() == "4 documents to export"
    seen: list[tuple[int, int]] = []
    dialog.runner.progress.connect(lambda done, total, _t: seen.append((done, total)))
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        dialog.export_button.click()
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == [f"doc{i:05}" for i in (0, 3, 6, 9)]
    for record in lines:
        stored = corpus_store.document(record["id"])
        assert [(e["start"], e["end"], e["label"]) for e in record["entities"]] == [
            (e.start, e.end, e.label) for e in stored.entities
        ]
        assert record["quotes"][0]["speaker"]["normal"] == "Алексей Орлов"
    assert seen and seen[-1] == (4, 4)
    assert dialog.message.text().startswith("4 documents exported as jsonl")
    assert dialog.notes.toPlainText() == "Nothing was left out."
    assert dialog.form.isEnabled() and not dialog.bar.isVisible()


def test_what_the_format_cannot_hold_is_listed(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, "conll", tmp_path / "corpus.conll")
    dialog.status_box.setCurrentIndex(dialog.status_box.findText("all statuses"))
    assert dialog.count_label.text() == "12 documents to export"
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000) as done:
        dialog.export_button.click()
    assert done.args[0].documents == 12
    notes = dialog.notes.toPlainText().splitlines()
    assert any(n.startswith("left out: 12 quotes") for n in notes), notes
    assert (tmp_path / "corpus.conll").read_text(encoding="utf-8").count("B-PER") == 12


def test_split_writes_a_folder_with_a_file_per_part(
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, "jsonl", tmp_path / "parts.jsonl")
    dialog.status_box.setCurrentIndex(dialog.status_box.findText("all statuses"))
    dialog.split_edit.setText("train=0.5,test=0.5")
    dialog.split_edit.editingFinished.emit()
    assert dialog.out_edit.text() == str(tmp_path / "parts")  # a split is a folder
    dialog.seed_box.setValue(7)
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        dialog.export_button.click()
    train = (tmp_path / "parts" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    test = (tmp_path / "parts" / "test.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(train) + len(test) == 12 and train and test
    assert "split: train" in dialog.notes.toPlainText()


def test_a_missing_library_is_its_one_line(
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from models.io.exporters import spacy_docbin

    def missing() -> None:
        raise MissingDependency("the spacy format needs spacy: pip install spacy")

    monkeypatch.setattr(spacy_docbin, "check", missing)
    choose(dialog, "spacy", tmp_path / "docbin")
    assert dialog.out_edit.text() == str(tmp_path / "docbin")
    with qtbot.waitSignal(dialog.runner.failed, timeout=30_000):
        dialog.export_button.click()
    assert dialog.message.text() == "the spacy format needs spacy: pip install spacy"
    assert not (tmp_path / "docbin").exists()
    assert dialog.export_button.isEnabled()  # fix it and try again


def test_cancel_stops_the_export_and_keeps_what_was_written(
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(gui.jobs.jobs, "PROGRESS_INTERVAL_S", 0.0)  # every document reported
    real_export = models.service.corpus.export

    def paused_export(store, fmt, out, options, progress, cancelled, force=False):  # type: ignore[no-untyped-def]
        def tick(done: int, report: object) -> None:
            progress(done, report)
            if done == 2:  # hold the worker until the GUI has pressed Cancel (or 20 s)
                end = time.monotonic() + 20
                while not cancelled() and time.monotonic() < end:
                    time.sleep(0.01)

        return real_export(store, fmt, out, options, tick, cancelled, force)

    monkeypatch.setattr(models.service.corpus, "export", paused_export)
    choose(dialog, "jsonl", tmp_path / "partial.jsonl")
    dialog.status_box.setCurrentIndex(dialog.status_box.findText("all statuses"))
    dialog.runner.progress.connect(
        lambda done, _total, _text: done == 2 and dialog.cancel_button.click()
    )
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000) as finished:
        dialog.export_button.click()
    report = finished.args[0]
    assert report.cancelled and report.documents == 2
    assert len((tmp_path / "partial.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert "cancelled" in dialog.notes.toPlainText()
    assert dialog.cancel_button.text() == "Close"
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_dialog_buttons_have_tooltips(dialog: ExportDialog) -> None:
    for button in dialog.buttons.findChildren(type(dialog.export_button)):
        assert button.toolTip(), button.text()
    assert dialog.buttons.buttonRole(dialog.export_button) == QDialogButtonBox.ButtonRole.AcceptRole


def test_an_existing_file_is_replaced_only_when_the_user_says_so(
    qtbot, dialog: ExportDialog, tmp_path: Path, answer
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "corpus.jsonl"
    out.write_text("my own notes\n", encoding="utf-8")
    choose(dialog, "jsonl", out)
    seen = answer("No")
    dialog.export_button.click()
    assert not dialog.runner.busy
    assert seen and seen[0].startswith(f"Replace {out}?")
    assert out.read_text(encoding="utf-8") == "my own notes\n"  # not a byte changed
    assert dialog.message.text().startswith("Not exported")
    answer("Yes")
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        dialog.export_button.click()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4  # the done documents


def test_a_folder_that_holds_files_is_asked_about(
    qtbot, dialog: ExportDialog, tmp_path: Path, answer
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "brat"
    choose(dialog, "brat", folder)
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        dialog.export_button.click()  # a new folder: nothing to ask
    seen = answer("No")
    dialog.export_button.click()
    assert seen and seen[0].startswith(f"Export into {folder}?")
    assert not dialog.runner.busy


def test_keep_noise_keep_paths_and_part_name(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.noise_check.setChecked(True)
    dialog.paths_check.setChecked(True)
    dialog.part_edit.setText("gold")
    options = dialog.options()
    assert (options.keep_noise, options.keep_paths, options.part) == (True, True, "gold")
    dialog.split_edit.setText("train=0.5,test=0.5")
    dialog.split_edit.editingFinished.emit()
    assert not dialog.part_edit.isEnabled() and dialog.options().part == "all"
    dialog.split_edit.setText("")
    dialog.split_edit.editingFinished.emit()
    choose(dialog, "jsonl", tmp_path / "gold.jsonl")
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000) as done:
        dialog.export_button.click()
    assert done.args[0].parts == {"gold": 4}
