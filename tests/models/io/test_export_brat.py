"""brat standoff: .ann offsets match the .txt; quotes, speakers and notes are there."""

from __future__ import annotations

from pathlib import Path

from models.io.exporters import ExportOptions, export
from models.io.importers.brat import read_pair
from models.labels import load_labels


def t_lines(ann: Path) -> list[tuple[str, str, list[tuple[int, int]], str]]:
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, head, said = line.split("\t")
            kind, where = head.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in where.split(";")]
            out.append((tid, kind, frags, said))
    return out


def test_every_t_line_matches_the_txt(tmp_path: Path, export_corpus, make_store) -> None:
    export(make_store(), "brat", tmp_path / "b", ExportOptions())
    anns = sorted((tmp_path / "b").glob("*.ann"))
    assert len(anns) == len(export_corpus)
    for ann in anns:
        text = ann.with_suffix(".txt").read_bytes().decode("utf-8")
        for _tid, _kind, frags, said in t_lines(ann):
            assert said == " ".join(text[s:e] for s, e in frags)


def test_quote_across_paragraphs_is_fragmented_at_line_breaks(
    tmp_path: Path, doc_para, make_store
) -> None:
    export(make_store(), "brat", tmp_path / "b", ExportOptions())
    para = next(p for p in (tmp_path / "b").glob("*.txt") if p.read_text() == doc_para.text)
    quotes = [t for t in t_lines(para.with_suffix(".ann")) if t[1] == "Quote"]
    assert len(quotes) == 1 and len(quotes[0][2]) == 2


def test_speaker_relations_point_at_entities_or_speaker_spans(
    tmp_path: Path, export_corpus, make_store
) -> None:
    export(make_store(export_corpus[:1]), "brat", tmp_path / "b", ExportOptions())
    ann = next((tmp_path / "b").glob("*.ann"))
    types = {tid: (kind, said) for tid, kind, _f, said in t_lines(ann)}
    rels = [
        line.split("\t")[1].split() for line in ann.read_text().splitlines() if line.startswith("R")
    ]
    pairs = [(types[a.split(":")[1]], types[b.split(":")[1]]) for _k, a, b in rels]
    assert pairs == [
        (("Quote", "Мы будем работать"), ("PER", "Владимир Путин")),
        (("Quote", "Это важно"), ("Speaker", "глава")),
    ]
    assert "AnnotatorNotes" in ann.read_text() and "\tРоссия" in ann.read_text()


def test_configuration_files_name_every_type(tmp_path: Path, make_store) -> None:
    export(make_store(), "brat", tmp_path / "b", ExportOptions())
    conf = (tmp_path / "b" / "annotation.conf").read_text()
    for name in [*sorted(load_labels().names), "Quote", "Speaker"]:
        assert f"\n{name}\n" in conf
    assert "Speaker\tArg1:Quote, Arg2:" in conf
    assert "bgColor:#" in (tmp_path / "b" / "visual.conf").read_text()


def test_brat_reads_back_into_the_same_annotations(
    tmp_path: Path, export_corpus, make_store, key
) -> None:
    export(make_store(), "brat", tmp_path / "b", ExportOptions())
    labels = load_labels().names
    back = {}
    for ann in (tmp_path / "b").glob("*.ann"):
        rec = read_pair(ann.with_suffix(".txt"), ann, labels)
        back[rec.doc.id] = rec.doc
    for gold in export_corpus:
        assert key(back[gold.id]) == key(gold)


def test_files_are_named_after_the_source_made_safe_and_unique(
    tmp_path: Path, make_store, make_doc, ent
) -> None:
    from dataclasses import replace

    def named(text: str, **meta: str) -> object:
        d = make_doc(text, [ent(text, "Москве", "LOC")])
        return replace(d, meta={"title": text[:10], **meta})

    docs = [
        named("Встреча в Москве.", file="/home/anna/Новости 26.11.txt"),
        named("Парад в Москве.", source_id="book_58"),
        named("Снег в Москве.", source_id="../../etc/passwd"),
        named("Дождь в Москве.", source_id="BOOK_58"),
        named("Ветер в Москве."),
        named("Туман в Москве.", source_id="CON"),
    ]
    export(make_store(docs), "brat", tmp_path / "b", ExportOptions())
    names = sorted(p.stem for p in (tmp_path / "b").glob("*.ann"))
    ids = [d.id for d in docs]
    assert names == sorted(
        ["Новости_26.11", "book_58", "etc_passwd", f"BOOK_58-{ids[3]}", ids[4], ids[5]]
    )
    for name in names:
        assert (tmp_path / "b" / f"{name}.txt").is_file()
    assert not (tmp_path / "etc").exists() and not (tmp_path / "passwd.txt").exists()
