"""Real gold trains as it is: FactRuEval dev documents through import, export and spaCy.

Eight documents of FactRuEval-2016's devset (tests/data/factru_dev_sample.json, copied
from the shared gold; «Лента.ру», «Lenta.ru» and many full names among their 117
entities) are imported as gold and exported to spaCy, CoNLL and HF as an ML engineer
would. spaCy's own ``debug data`` and ``train`` then run on the shipped config.cfg: no
misaligned token, a few training steps on the CPU, a model that loads and tokenizes as
razdel does. The three formats hold the gold's entities and the same sentences, and no
file of any export names the folder it was made in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
datasets = pytest.importorskip("datasets")
from spacy.tokens import DocBin

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "data" / "factru_dev_sample.json"
SPLIT = "train=0.75,dev=0.25"
FORMATS = ("spacy", "conll", "hf", "jsonl", "brat", "labelstudio", "doccano", "prodigy")
# A tiny network, so that a few steps take seconds on one CPU core.
TINY = [
    "--training.max_steps", "4", "--training.eval_frequency", "2",
    "--components.tok2vec.model.encode.width", "32",
    "--components.tok2vec.model.encode.depth", "1",
    "--components.ner.model.hidden_width", "16",
]  # fmt: skip


def gold() -> list[dict]:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Import the gold (as native records, status done), export every format."""
    from main import main

    root = tmp_path_factory.mktemp("factru")
    records = [
        {
            "id": g["id"],
            "text": g["text"],
            "status": "done",
            "entities": [{"start": s, "end": e, "label": lb} for s, e, lb in g["entities"]],
        }
        for g in gold()
    ]
    source = root / "factru_dev.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    db = root / "corpus.db"
    assert main(["import", "--db", str(db), str(source)]) == 0
    for fmt in FORMATS:
        out = root / fmt
        assert (
            main(["export", "--db", str(db), "--format", fmt, "--out", str(out), "--split", SPLIT])
            == 0
        )
    return root


def spacy_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "spacy", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": "", **(env or {})},
    )
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    return run.stdout + run.stderr


def test_debug_data_finds_no_misaligned_tokens(work: Path) -> None:
    out = spacy_cli(
        "debug", "data", "config.cfg", "--code", "razdel_tokenizer.py",
        "--paths.train", "train", "--paths.dev", "dev",
        cwd=work / "spacy",
    )  # fmt: skip
    assert "Corpus is loadable" in out and "6 training docs" in out, out
    assert "misaligned" not in out, out
    assert "No entities crossing sentence boundaries" in out


def test_a_few_training_steps_give_a_model_that_tokenizes_as_razdel(work: Path) -> None:
    folder = work / "spacy"
    out = spacy_cli(
        "train", "config.cfg", "--code", "razdel_tokenizer.py",
        "--paths.train", "train", "--paths.dev", "dev", "--output", str(work / "model"), *TINY,
        cwd=folder,
    )  # fmt: skip
    assert "Saved pipeline" in out, out
    sentence = "По данным Лента.ру, В.Л. Путин прибыл в S&P."
    load = (
        "import runpy, spacy; runpy.run_path('razdel_tokenizer.py'); "
        f"nlp = spacy.load({str(work / 'model' / 'model-last')!r}); "
        f"print([t.text for t in nlp({sentence!r})], nlp.pipe_names)"
    )
    run = subprocess.run(
        [sys.executable, "-c", load], cwd=folder, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-2000:]
    from razdel import tokenize

    razdel = [t.text for t in tokenize(sentence)]
    assert run.stdout.strip() == f"{razdel} ['tok2vec', 'ner']"
    assert razdel != [t.text for t in spacy.blank("ru")(sentence)]  # spaCy's own differs


def test_the_entry_point_in_pyproject_registers_the_tokenizer(work: Path, tmp_path: Path) -> None:
    """What ``pip install razmetka`` declares, without installing: a dist-info made from
    pyproject's entry point, so spaCy finds the tokenizer with no --code."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    points = project["project"]["entry-points"]["spacy_tokenizers"]
    info = tmp_path / "razmetka_probe-0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: razmetka-probe\nVersion: 0.0\n")
    lines = [f"{name} = {target}" for name, target in points.items()]
    (info / "entry_points.txt").write_text("[spacy_tokenizers]\n" + "\n".join(lines) + "\n")
    out = spacy_cli(
        "debug", "data", "config.cfg", "--paths.train", "train", "--paths.dev", "dev",
        cwd=work / "spacy", env={"PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"},
    )  # fmt: skip
    assert "Corpus is loadable" in out and "misaligned" not in out, out


def spacy_docs(folder: Path) -> list:
    vocab = spacy.blank("ru").vocab
    return [
        d
        for shard in sorted(folder.rglob("*.spacy"))
        for d in DocBin().from_disk(shard).get_docs(vocab)
    ]


def conll_sentences(folder: Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    for path in sorted(folder.glob("*.conll")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("-DOCSTART-"):
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cur.append(tuple(line.split("\t")))
    return sents


def hf_rows(folder: Path) -> list[dict]:
    dd = datasets.load_from_disk(str(folder))
    assert sorted(dd) == ["dev", "train"]
    rows = []
    for part in dd.values():
        names = part.features["ner_tags"].feature.names
        rows += [dict(r, tags=[names[i] for i in r["ner_tags"]]) for r in part]
    return rows


def begins(tags: list[str]) -> Counter[str]:
    return Counter(t[2:] for t in tags if t.startswith("B-"))


def test_the_three_formats_hold_the_gold_and_the_same_sentences(work: Path) -> None:
    want = Counter(label for g in gold() for _, _, label in g["entities"])
    docs = spacy_docs(work / "spacy")
    assert len(docs) == len(gold())
    assert Counter(e.label_ for d in docs for e in d.ents) == want
    by_text = {g["text"]: g for g in gold()}
    for d in docs:
        g = by_text[d.text]
        assert {(e.start_char, e.end_char, e.label_) for e in d.ents} == {
            tuple(x) for x in g["entities"]
        }
        assert d.user_data["razmetka"]["meta"]["source_id"] == g["id"]
    conll = conll_sentences(work / "conll")
    assert begins([tag for s in conll for _, tag in s]) == want
    rows = hf_rows(work / "hf")
    assert begins([tag for r in rows for tag in r["tags"]]) == want
    assert {r["source_id"] for r in rows} == {g["id"] for g in gold()}
    spacy_sents = sorted(tuple(t.text for t in s if not t.is_space) for d in docs for s in d.sents)
    assert spacy_sents == sorted(tuple(w for w, _ in s) for s in conll)
    assert spacy_sents == sorted(tuple(r["tokens"]) for r in rows)


def test_no_export_file_names_the_folder_it_was_made_in(work: Path) -> None:
    where = str(work).encode()
    for fmt in FORMATS:
        files = [p for p in (work / fmt).rglob("*") if p.is_file()]
        assert files, fmt
        for path in files:
            assert where not in path.read_bytes(), path


def test_the_card_counts_what_the_export_holds(work: Path) -> None:
    card = (work / "spacy" / "README.md").read_text(encoding="utf-8")
    want = Counter(label for g in gold() for _, _, label in g["entities"])
    total = next(line for line in card.splitlines() if line.startswith("| total |"))
    assert total.split(" | ")[1:5] == ["8", str(want["PER"]), str(want["LOC"]), str(want["ORG"])]
    assert f"--format spacy --out spacy --status done --split {SPLIT} --seed 0" in card
    assert "--paths.train train --paths.dev dev" in card and "FactRuEval" in card
