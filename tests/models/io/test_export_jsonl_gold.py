"""razmetka's own jsonl export is a gold file: ``evaluate --gold`` reads it back and scores
a model against it per label."""

from __future__ import annotations

from pathlib import Path

import pytest

import models.pipeline
from models.evaluate import evaluate_gold
from models.io.exporters import ExportOptions, export
from models.spans import Document


def test_evaluate_gold_scores_razmetkas_own_jsonl_export_per_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export_corpus, make_store
) -> None:
    export(make_store(), "jsonl", tmp_path / "gold.jsonl", ExportOptions(statuses=["done"]))

    def only_persons(doc: Document) -> Document:
        return doc.with_annotations([e for e in doc.entities if e.label == "PER"], [])

    gold_docs = {d.text: d for d in export_corpus}
    monkeypatch.setattr(models.pipeline, "predict", lambda d: only_persons(gold_docs[d.text]))
    report, code = evaluate_gold(tmp_path / "gold.jsonl")
    rows = {line.split()[0]: line.split() for line in report.splitlines()[2:]}
    assert code == 0 and report.startswith("documents: 2")
    assert rows["PER"][1:4] == ["1.000", "1.000", "1.000"]
    assert rows["LOC"][1:4] == ["0.000", "0.000", "0.000"] and rows["LOC"][6] == "4"
    assert rows["QUOTE"][4:7] == ["0", "0", "2"]
