"""The package a user installs: the wheel holds resources/, and an install works on its own.

A checkout hides packaging mistakes, because the repository root is on ``sys.path`` and the
shared venv's editable finder maps ``models`` back to a checkout. So the wheel is built from
a copy of the tree without build leftovers, installed into a bare folder, and run with
``python -S`` from a directory outside the checkout: no site-packages processing (no
editable finder, no .pth), only that folder and the venv's third-party packages on the path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from cli import parse, run
from models.store.store import Store

ROOT = Path(__file__).resolve().parents[1]
# What a fresh clone does not have: build leftovers and local state.
NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "*.db*"
)
WHEEL_TOP_LEVEL = {"models", "gui", "cli", "resources", "main.py"}

# Run inside the installed copy: every module of ours must come from there.
CHECK = """
import json, sys
from pathlib import Path
from models.labels import load_labels, sample_path
from models.io.decoding import decode, normalize_newlines
site = Path(sys.argv[1]).resolve()
sample = sample_path()
text = decode(sample.read_bytes())
# Telling cp1251 from koi8-r takes the bundled letter-pair table.
legacy = {}
for codec in ("cp1251", "koi8_r"):
    raw = text.encode(codec, errors="replace")
    legacy[codec] = decode(raw) == normalize_newlines(raw.decode(codec))
ours = {n: m.__file__ for n, m in sys.modules.items()
        if n.split(".")[0] in {"models", "gui", "cli", "resources", "main"}
        and getattr(m, "__file__", None)}
print(json.dumps({
    "labels": sorted(load_labels().names),
    "sample": str(sample),
    "sample_chars": len(text),
    "legacy": legacy,
    "outside": sorted(f for f in ours.values() if not Path(f).resolve().is_relative_to(site)),
    "finders": [repr(f) for f in sys.meta_path],
}))
"""


def pip(*args: str) -> None:
    """pip of the running venv, offline: nothing here may need the network."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args, "--no-index", "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel pip builds from a clean copy of the checkout, offline."""
    base = tmp_path_factory.mktemp("wheel")
    tree = base / "tree"
    shutil.copytree(ROOT, tree, ignore=NOT_IN_A_CLONE)
    pip("wheel", str(tree), "--no-deps", "--no-build-isolation", "-w", str(base / "dist"))
    (found,) = (base / "dist").glob("razmetka-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path) -> Path:
    """The wheel unpacked by pip into a bare folder, as site-packages would hold it."""
    site = wheel.parent.parent / "site"
    pip("install", "--no-deps", "--target", str(site), str(wheel))
    return site


def run_installed(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -S`` outside the checkout: the install first, then the venv's libraries."""
    elsewhere = site.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), sysconfig.get_paths()["purelib"]])
    return subprocess.run(
        [sys.executable, "-S", *args],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=300,
    )


@pytest.mark.slow
def test_wheel_holds_the_resources_and_only_the_program(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for want in ["labels.json", "ru_bigrams.json", "samples/000_ab57c9abfbad8233.txt"]:
        assert f"resources/{want}" in names
    top = {n.split("/")[0] for n in names if ".dist-info/" not in n}
    assert top == WHEEL_TOP_LEVEL


@pytest.mark.slow
def test_installed_package_reads_its_labels_and_sample_outside_the_checkout(
    installed: Path,
) -> None:
    done = run_installed(installed, "-c", CHECK, str(installed))
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["outside"] == []
    assert not any("editable" in f.lower() for f in seen["finders"])
    assert seen["labels"] == ["LOC", "ORG", "PER"]
    assert Path(seen["sample"]).is_relative_to(installed)
    assert seen["sample_chars"] > 3000
    assert seen["legacy"] == {"cp1251": True, "koi8_r": True}


@pytest.mark.slow
def test_installed_command_annotates_the_bundled_sample(installed: Path) -> None:
    code = "import sys; from main import main; sys.exit(main(sys.argv[1:]))"
    sample = next((installed / "resources" / "samples").glob("*.txt"))
    done = run_installed(installed, "-c", code, "annotate", str(sample))
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    doc = json.loads(line)
    assert ("PER", "Владимир Путин") in {(e["label"], e["normal"]) for e in doc["entities"]}


@pytest.mark.parametrize(("fmt", "library"), [("spacy", "spacy"), ("hf", "datasets")])
def test_export_without_its_library_names_the_extra(
    fmt: str,
    library: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """One line that says which extra to install, and that extra exists and brings it."""
    monkeypatch.setitem(sys.modules, library, None)  # import fails as if not installed
    db = tmp_path / "corpus.db"
    Store(db)
    out = tmp_path / "out"
    assert run(parse(["export", "--db", str(db), "--format", fmt, "--out", str(out)])) == 1
    err = capsys.readouterr().err
    assert err == f"razmetka: the {fmt} format needs {library}: pip install 'razmetka[{fmt}]'\n"
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(req.startswith(library) for req in extras[fmt])
    assert not out.exists()
