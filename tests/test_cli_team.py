"""assign, merge, agreement and stats --html as a user runs them: results on stdout, every
refusal one line on stderr, never a traceback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest


def one_line(run: subprocess.CompletedProcess[str], *words: str) -> None:
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    (line,) = run.stderr.strip().splitlines()
    for word in words:
        assert word in line


@pytest.fixture(scope="module")
def work_dir(
    tmp_path_factory: pytest.TempPathFactory, team_names, make_team_corpus, scripted_work, razmetka
) -> Path:
    """A corpus, assigned to the scripted team (everyone gets everything) and worked on."""
    tmp = tmp_path_factory.mktemp("cli")
    make_team_corpus(tmp / "corpus.db")
    run = razmetka(
        "assign", "--db", tmp / "corpus.db", "--annotators", ",".join(team_names),
        "--overlap", "1", "--per-doc", "3", "--seed", "4", "--out", tmp / "out",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        f"{tmp / 'out' / name}.db: {name}, 3 documents (3 shared)" for name in team_names
    ]
    for name in team_names:
        scripted_work(tmp / "out" / f"{name}.db", name)
    return tmp


@pytest.fixture(scope="module")
def team_db(work_dir: Path, team_names, razmetka) -> Path:
    files = [work_dir / "out" / f"{n}.db" for n in team_names]
    run = razmetka("merge", *files, "--into", work_dir / "team.db")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1].startswith("3 of 3 files merged")
    return work_dir / "team.db"


def test_assign_splits_reproducibly(tmp_path: Path, make_team_corpus, razmetka) -> None:
    corpus = make_team_corpus(tmp_path / "corpus.db")
    outs = []
    for out in ("a", "b"):
        run = razmetka(
            "assign", "--db", corpus, "--annotators", "anna,boris", "--overlap", "0.34",
            "--seed", "9", "--out", tmp_path / out,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        outs.append([line.split(": ", 1)[1] for line in run.stdout.splitlines()])
    assert outs[0] == outs[1]


def test_merge_twice_adds_nothing(team_db: Path, work_dir: Path, team_names, razmetka) -> None:
    files = [work_dir / "out" / f"{n}.db" for n in team_names]
    run = razmetka("merge", *files, "--into", team_db)
    assert run.returncode == 0
    assert all(", 0 of " in line for line in run.stdout.splitlines()[:3])
    assert "(0 versions written, 0 events added)" in run.stdout


def test_merge_refuses_a_bad_file_and_goes_on(
    team_db: Path, work_dir: Path, tmp_path: Path, razmetka
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\0" * 5000)
    run = razmetka(
        "merge", junk, work_dir / "corpus.db", work_dir / "out" / "anna.db", "--into", team_db
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    errors = run.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"{junk}: ") and errors[0].endswith("; refused")
    assert "has no annotator" in errors[1]
    assert "1 of 3 files merged" in run.stdout


def test_merge_into_an_assigned_file_is_refused(work_dir: Path, razmetka) -> None:
    one_line(
        razmetka("merge", work_dir / "out" / "boris.db", "--into", work_dir / "out" / "anna.db"),
        "anna's assigned file",
    )


def test_agreement_json_and_tables(team_db: Path, team_names, razmetka) -> None:
    run = razmetka("agreement", "--db", team_db, "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["documents_compared"] == 3 and data["annotators"] == list(team_names)
    assert data["labels"]["ORG"]["f1_exact"] == 1.0
    assert data["labels"]["LOC"]["f1_exact"] == 0.8
    pairs = {tuple(p["annotators"]): p for p in data["pairs"]}
    assert pairs["anna", "vera"]["entities"]["kappa"] == 1.0
    assert data["documents"][0]["entities"]["alpha"] == pytest.approx(0.7451, abs=1e-4)
    table = razmetka("agreement", "--db", team_db, "--by", "label")
    assert table.returncode == 0
    assert (
        "label" in table.stdout and "LOC" in table.stdout and "annotator pair" not in table.stdout
    )
    strict = json.loads(
        razmetka("agreement", "--db", team_db, "--json", "--threshold", "0.6").stdout
    )
    assert strict["labels"]["PER"]["f1_overlap"] == strict["labels"]["PER"]["f1_exact"]
    one_line(razmetka("agreement", "--db", team_db, "--threshold", "0"), "--threshold 0")


def test_stats_html_and_plain_stats(team_db: Path, tmp_path: Path, razmetka) -> None:
    out = tmp_path / "report.html"
    run = razmetka("stats", "--db", team_db, "--html", out)
    assert run.returncode == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") >= 4 and "<script" not in page
    assert razmetka("stats", "--db", team_db, "--html", out).returncode == 0  # its own report
    plain = json.loads(razmetka("stats", "--db", team_db, "--json").stdout)
    assert plain["documents"] == 3 and plain["quotes"] == 1
    assert razmetka("stats", "--db", team_db).returncode == 0
    mine = tmp_path / "notes.html"
    mine.write_text("<p>мои заметки</p>", encoding="utf-8")
    one_line(razmetka("stats", "--db", team_db, "--html", mine), "not a razmetka report")
    assert mine.read_text(encoding="utf-8") == "<p>мои заметки</p>"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--annotators", "a,b,c,d", "--overlap", "0"), ("4 annotators but only 3 documents",)),
        (("--annotators", "a,b", "--overlap", "1.5"), ("--overlap 1.5", "between 0 and 1")),
        (("--annotators", "a,b", "--overlap", "-0.2"), ("between 0 and 1",)),
        (("--annotators", "a,b,c", "--per-doc", "4"), ("--per-doc 4",)),
        (("--annotators", "a,a"), ("named twice",)),
    ],
)
def test_assign_bad_input_is_one_line(
    work_dir: Path, tmp_path: Path, args: tuple, words: tuple, razmetka
) -> None:
    run = razmetka("assign", "--db", work_dir / "corpus.db", *args, "--out", tmp_path / "new")
    one_line(run, *words)
    assert not (tmp_path / "new").exists()


def test_assign_never_writes_over_files(work_dir: Path, tmp_path: Path, razmetka) -> None:
    corpus = work_dir / "corpus.db"
    one_line(
        razmetka("assign", "--db", corpus, "--annotators", "anna,boris", "--out", work_dir / "out"),
        "anna.db: exists; not overwritten",
    )
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "thesis.docx").write_bytes(b"PK")
    one_line(
        razmetka("assign", "--db", corpus, "--annotators", "anna,boris", "--out", tmp_path / "out"),
        "razmetka did not write", "thesis.docx",
    )  # fmt: skip
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["thesis.docx"]
    one_line(
        razmetka(
            "assign", "--db", tmp_path / "none.db", "--annotators", "a", "--out", tmp_path / "x"
        ),
        "no such database",
    )
