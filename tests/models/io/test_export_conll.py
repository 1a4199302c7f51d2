"""CoNLL IOB2: seqeval reads the tags back into the same entity spans."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, export
from models.io.exporters.tokens import sentences

seqeval = pytest.importorskip("seqeval.metrics.sequence_labeling")


def read_conll(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents → sentences → (tokens, tags)."""
    docs: list[list[tuple[list[str], list[str]]]] = []
    sent: tuple[list[str], list[str]] = ([], [])
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            docs.append([])
        elif not line:
            if sent[0]:
                docs[-1].append(sent)
            sent = ([], [])
        else:
            token, tag = line.split("\t")
            sent[0].append(token)
            sent[1].append(tag)
    return docs


def spans_back(text: str, doc_sents: list[tuple[list[str], list[str]]]) -> set[tuple]:
    """Entity char spans from the file's tags, via the document's razdel tokens."""
    flat = [t for s in sentences(text) for t in s]
    tokens = [t for s in doc_sents for t in s[0]]
    assert tokens == [t.text for t in flat]
    out, base = set(), 0
    for toks, tags in doc_sents:
        for label, first, last in seqeval.get_entities(tags):
            out.add((flat[base + first].start, flat[base + last].end, label))
        base += len(toks)
    return out


def test_seqeval_reads_back_the_same_spans(tmp_path: Path, export_corpus, make_store) -> None:
    report = export(make_store(), "conll", tmp_path / "c.conll", ExportOptions())
    docs = read_conll(tmp_path / "c.conll")
    assert len(docs) == len(export_corpus)
    for gold, doc_sents in zip(export_corpus, docs):
        expected = {(e.start, e.end, e.label) for e in gold.entities if e.text != "Ромашка"}
        assert spans_back(gold.text, doc_sents) == expected
    notes = " | ".join(report.notes)
    assert "left out: 1 nested or overlapping entities" in notes
    assert "left out: 3 quotes (CoNLL" in notes and "left out: 3 speakers" in notes


def test_blank_lines_end_sentences_and_tags_are_valid_iob2(tmp_path: Path, make_store) -> None:
    export(make_store(), "conll", tmp_path / "c.conll", ExportOptions())
    first = read_conll(tmp_path / "c.conll")[0]
    assert first[0][0][-1] == "."  # the first paragraph is its own sentence
    for _tokens, tags in (s for d in read_conll(tmp_path / "c.conll") for s in d):
        assert not tags[0].startswith("I-")
        for prev, tag in pairwise(tags):
            if tag.startswith("I-"):
                assert prev[2:] == tag[2:] and prev != "O"


def test_entity_cut_by_a_sentence_boundary_keeps_one_sentence(
    tmp_path: Path, make_store, make_doc, ent
) -> None:
    text = "Это Москва. Кремль стоит. Дальше."  # razdel ends a sentence inside the span
    store = make_store([make_doc(text, [ent(text, "Москва. Кремль", "LOC")])])
    export(store, "conll", tmp_path / "c.conll", ExportOptions())
    sents = read_conll(tmp_path / "c.conll")[0]
    assert len(sents) == 2 and sents[0][0][-1] == "."
    assert [lb for lb, *_ in seqeval.get_entities(sents[0][1])] == ["LOC"]
    assert spans_back(text, sents) == {(4, 18, "LOC")}


def test_entity_inside_a_token_is_widened_and_noted(
    tmp_path: Path, make_store, make_doc, ent
) -> None:
    text = "Он приехал в Ростов-на-Дону вчера."
    store = make_store([make_doc(text, [ent(text, "Ростов", "LOC")])])
    report = export(store, "conll", tmp_path / "c.conll", ExportOptions())
    assert "Ростов-на-Дону\tB-LOC" in (tmp_path / "c.conll").read_text(encoding="utf-8")
    assert any(n.startswith("adjusted: 1 entities widened") for n in report.notes)
