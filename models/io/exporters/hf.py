"""Hugging Face ``datasets``: a saved DatasetDict of sentences with IOB2 ``ner_tags``.

One row per sentence (``id``, ``doc_id``, ``source_id``, ``tokens``, ``ner_tags``), the tags a
``ClassLabel`` whose names are O, B-X, I-X for the label set, so ``load_from_disk`` gives
a dataset a token-classification script trains on directly. The split parts are the
DatasetDict's keys (without ``--split``, the one part ``--part``, default ``all``); all
sentences of a document stay in one part. Rows are produced by ``Dataset.from_generator``
into a temporary Arrow cache, a part at a time, so memory stays flat however large the
corpus.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from models.io.exporters.common import (
    ExportOptions,
    ExportReport,
    Progress,
    note_no_quotes,
    note_normal_forms,
    part_names,
    require,
    select,
)
from models.io.exporters.tokens import count_tagged, tag_names, tagged_sentences
from models.labels import load_labels

SUFFIX = None  # a folder (save_to_disk)


def check() -> None:
    """Fail early, in one line, when datasets is not installed."""
    require("datasets", "hf", "datasets")


def _rows(
    store: Any,
    options: ExportOptions,
    report: ExportReport,
    part: str,
    labels: tuple[str, ...],
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> Iterator[dict[str, Any]]:
    index = {name: i for i, name in enumerate(tag_names(labels))}
    for item in select(
        store, options, report, progress, part=part, prose=True, cancelled=cancelled
    ):
        doc = item.doc
        note_no_quotes(report, doc, "a token-tagging dataset")
        note_normal_forms(report, doc, "hf")
        known = [e for e in doc.entities if e.label in labels]
        report.left_out["entities with a label outside the label set"] += len(doc.entities) - len(
            known
        )
        sents = tagged_sentences(doc.text, known, report, "IOB2")
        count_tagged(report, part, sents)
        for n, (tokens, tags) in enumerate(sents):
            yield {
                "id": f"{doc.id}-{n}",
                "doc_id": doc.id,
                "source_id": str(doc.meta.get("source_id") or ""),
                "tokens": [t.text for t in tokens],
                "ner_tags": [index[t] for t in tags],
            }


def export_all(
    store: Any,
    out: Path,
    options: ExportOptions,
    report: ExportReport,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> None:
    """Write the DatasetDict to the folder ``out`` (already prepared and empty)."""
    datasets = require("datasets", "hf", "datasets")
    from datasets import ClassLabel, Dataset, DatasetDict, Features, Sequence, Value

    labels = [
        lb.name
        for lb in load_labels().entities
        if options.labels is None or lb.name in options.labels
    ]
    features = Features(
        {
            "id": Value("string"),
            "doc_id": Value("string"),
            "source_id": Value("string"),
            "tokens": Sequence(Value("string")),
            "ner_tags": Sequence(ClassLabel(names=tag_names(labels))),
        }
    )
    bars_were_on = datasets.utils.logging.is_progress_bar_enabled()
    datasets.disable_progress_bars()
    try:
        # The Arrow cache lives in the export's own temporary folder, so a killed export
        # leaves nothing behind that the next one does not clear.
        with tempfile.TemporaryDirectory(prefix=".razmetka-hf-", dir=out) as cache:
            parts = {}
            for name in part_names(options):
                before = report.documents
                try:
                    generated = Dataset.from_generator(
                        _rows,
                        features=features,
                        cache_dir=cache,
                        # the builder reserves "all"; the part gets its name below
                        split="part",
                        fingerprint=uuid.uuid4().hex,
                        gen_kwargs={
                            "store": store,
                            "options": options,
                            "report": report,
                            # a tuple: datasets shards list-valued gen_kwargs
                            "part": name,
                            "labels": tuple(labels),
                            "progress": progress,
                            "cancelled": cancelled,
                        },
                    )
                    parts[name] = Dataset(generated.data, info=generated.info, split=name)
                except ValueError:
                    if report.documents != before:
                        raise
                    # datasets cannot generate zero rows; an empty part is still a part.
                    parts[name] = Dataset.from_dict(
                        {k: [] for k in features}, features=features, split=name
                    )
            # An empty part needs one explicit (empty) shard, or load_from_disk fails on it.
            shards = {k: (1 if len(ds) == 0 else None) for k, ds in parts.items()}
            DatasetDict(parts).save_to_disk(str(out), num_shards=shards)
            del parts
    finally:
        if bars_were_on:
            datasets.enable_progress_bars()
