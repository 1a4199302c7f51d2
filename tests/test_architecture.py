"""The dependency rules (DESIGN.md): models/ never imports Qt or gui/; gui/ reaches the
core only through the service and the public types, never the store, SQL or natasha."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "shiboken6", "gui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_models_import_no_qt_or_gui() -> None:
    bad = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in (ROOT / "models").rglob("*.py")
        for name in _imports(p)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert bad == []


def test_importing_every_model_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in (ROOT / "models").rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'gui'))]\n"
        "assert not bad, bad\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def _gui_imports(*prefixes: str) -> list[str]:
    return [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in (ROOT / "gui").rglob("*.py")
        for name in _imports(p)
        if any(name == pre or name.startswith(pre + ".") for pre in prefixes)
    ]


def test_gui_writes_no_sql() -> None:
    assert _gui_imports("sqlite3", "sqlite_utils") == []


def test_gui_reads_no_store_and_calls_no_language_code() -> None:
    # TYPE_CHECKING imports count too: a type from the store is a way into it.
    assert _gui_imports("models.store", "natasha", "models.nlp", "cli") == []


def test_the_window_is_given_its_service_not_a_store() -> None:
    """main.py builds Store -> AnnotationService -> window; gui/ never opens a store."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "gui").rglob("*.py"))
    assert "Store(" not in text and "AnnotationService(" not in text


def test_models_exports_its_public_names() -> None:
    import models

    for name in models.__all__:
        assert getattr(models, name).__name__ == name
