"""The main window with real stores: the sample, the panels, the list, the worker, layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage

from benchmarks.generate import write_articles
from gui.app import open_window
from gui.article.highlighter import LABEL_PROPERTY
from gui.article.span_styles import COLOR_PROPERTY
from gui.main_window import MainWindow
from gui.panels.document_list_model import DOC_ID_ROLE
from gui.panels.entity_model import LEVEL_ROLE
from main import main
from models import AnnotationService, Document, Entity, Quote, Speaker, Store, load_labels
from models.io.importers import import_files
from models.labels import sample_path

LABELS = load_labels()
SAMPLE_TITLE = "Трудовые мигранты из Киргизии имеют преимущества при въезде на работу в Россию"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the pre-annotated sample (natasha runs once per module)."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    store = Store(path)
    report = import_files(store, [sample_path()])
    assert report.added and not report.errors
    store.close()
    return path


@pytest.fixture
def window(make_window, sample_db: Path):  # type: ignore[no-untyped-def]
    store = Store(sample_db)
    w = make_window(store, remember_layout=True)
    w.open_first()
    yield w
    w.close()
    store.close()


def quoted_document() -> Document:
    text = (
        "Заголовок\n\n«Мы будем вырабатывать новый порядок», — сказал Владимир Путин.\n\n"
        "Юрий Крупнов отметил, что «это важно для экономик обеих стран»."
    )
    per1 = Entity(
        text.index("Владимир"),
        text.index("Владимир") + 14,
        "PER",
        "Владимир Путин",
        "Владимир Путин",
    )
    per2 = Entity(
        text.index("Юрий"), text.index("Юрий") + 12, "PER", "Юрий Крупнов", "Юрий Крупнов"
    )
    q1s, q1e = text.index("«") + 1, text.index("»")
    q2s, q2e = text.index("«это") + 1, text.rindex("»")
    quotes = (
        Quote(q1s, q1e, text[q1s:q1e], Speaker(per1.start, per1.end, per1.text, per1.normal)),
        Quote(q2s, q2e, text[q2s:q2e], Speaker(per2.start, per2.end, per2.text, per2.normal)),
    )
    return Document(
        "quoted", text, {"title": "С цитатами", "date": "2025-01-02"}, "new", (per1, per2), quotes
    )


def test_window_opens_the_sample_with_highlights_at_the_right_offsets(
    window: MainWindow, painted
) -> None:  # type: ignore[no-untyped-def]
    doc = window.current.document
    assert doc is not None and doc.meta["title"] == SAMPLE_TITLE
    assert window.view.toPlainText() == doc.text
    assert SAMPLE_TITLE in window.windowTitle()
    putin = next(e for e in doc.entities if e.text == "Владимир Путин")
    assert doc.text[putin.start : putin.end] == "Владимир Путин"
    for offset in (putin.start, putin.end - 1):
        fmt = painted.format(window.view, offset)
        assert QColor(fmt.property(COLOR_PROPERTY)) == QColor(LABELS.get("PER").color)
        assert fmt.property(LABEL_PROPERTY) == "PER"
    assert painted.format(window.view, putin.end).property(LABEL_PROPERTY) is None
    eaes = next(e for e in doc.entities if e.text == "ЕАЭС")
    assert QColor(painted.format(window.view, eaes.start).property(COLOR_PROPERTY)) == QColor(
        LABELS.get("ORG").color
    )
    assert set(window.legend.chips) >= {"PER", "LOC", "ORG", "QUOTE", "SPEAKER"}


def test_document_list_shows_title_date_status_and_counts(window: MainWindow) -> None:
    model = window.document_list.model
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    doc = window.current.document
    assert row == [SAMPLE_TITLE, "2025-11-26", "new", len(doc.entities), len(doc.quotes)]
    assert model.index(0, 0).data(DOC_ID_ROLE) == doc.id


def _find(model, parent, text: str, level: str):  # type: ignore[no-untyped-def]
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data() == text and index.data(LEVEL_ROLE) == level:
            return index
        found = _find(model, index, text, level)
        if found is not None:
            return found
    return None


def test_clicking_an_entity_mention_selects_exactly_its_span(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    tree, model = window.entity_panel.tree, window.entity_panel.model
    group = _find(model, tree.rootIndex(), "Садыр Жапаров", "group")
    assert group is not None
    assert model.index(group.row(), 1, group.parent()).data() == "2"  # two mentions
    tree.expand(group)
    mention = _find(model, group, "Садыром Жапаровым", "mention")
    tree.scrollTo(mention)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(mention).center()
    )
    assert window.view.textCursor().selectedText() == "Садыром Жапаровым"
    start, end = window.view.selection_span()
    assert window.current.document.text[start:end] == "Садыром Жапаровым"
    # A name selects its first mention.
    putin = _find(model, tree.rootIndex(), "Владимир Путин", "group")
    tree.scrollTo(putin)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(putin).center()
    )
    assert window.view.textCursor().selectedText() == "Владимир Путин"
    # A click on a mention in the article selects its row in the panel (loading its group).
    doc = window.current.document
    krupnov = next(e for e in doc.entities if e.text == "Юрия Крупнова")
    window.view.select_span(krupnov.start + 2, krupnov.start + 2)
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.cursorRect().center()
    )
    current = tree.currentIndex()
    assert current.data() == "Юрия Крупнова" and current.data(LEVEL_ROLE) == "mention"
    assert model.span_of(current) == (krupnov.start, krupnov.end)


def test_entity_groups_load_their_mentions_on_expansion(window: MainWindow) -> None:
    tree, model = window.entity_panel.tree, window.entity_panel.model
    group = _find(model, tree.rootIndex(), "Россия", "group")
    assert model.rowCount(group) == 0 and model.hasChildren(group)
    tree.expand(group)
    assert model.rowCount(group) == int(model.index(group.row(), 1, group.parent()).data())
    assert {model.index(r, 0, group).data() for r in range(model.rowCount(group))} >= {
        "России",
        "Россию",
    }


def test_clicking_a_quote_selects_it_and_clicking_text_points_back(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    store = Store.in_memory()
    store.add_document(quoted_document())
    w = make_window(store)
    w.open_first()
    table, model = w.quote_panel.table, w.quote_panel.model
    assert model.rowCount() == 2
    assert [model.index(1, c).data() for c in range(3)] == [
        "это важно для экономик обеих стран",
        "Юрий Крупнов",
        3,
    ]
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(model.index(1, 0)).center(),
    )
    assert w.view.textCursor().selectedText() == "это важно для экономик обеих стран"
    # A click in the article on the first quote selects its row in the panel.
    doc = w.current.document
    w.view.select_span(doc.quotes[0].start + 2, doc.quotes[0].start + 2)
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=w.view.cursorRect().center())
    assert table.currentIndex().row() == 0


def test_worker_imports_the_sample_on_first_start_without_blocking(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "fresh.db")
    windows: list[Any] = []
    ticks_while_busy: list[bool] = []

    def tick() -> None:  # the event loop turns: is the import still running?
        if windows and windows[0].runner.busy:
            ticks_while_busy.append(True)

    probe = QTimer(interval=20, timeout=tick)
    probe.start()
    w = open_window(AnnotationService(store), [])
    windows.append(w)
    qtbot.addWidget(w)
    assert w.import_status.isVisible() or w.runner.busy
    with qtbot.waitSignal(w.import_finished, timeout=120_000) as blocker:
        pass
    probe.stop()
    report = blocker.args[0]
    assert len(report.added) == 1 and not report.errors
    assert w.current.document.meta["title"] == SAMPLE_TITLE
    assert w.document_list.model.rowCount() == 1
    assert not w.import_status.isVisible()
    assert len(ticks_while_busy) >= 3  # the event loop kept turning while it imported
    w.close()
    store.close()


def test_files_on_the_command_line_are_imported_and_opened(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "cli.db")
    store.add_document(quoted_document())  # not a first start: no sample
    article = tmp_path / "html.txt"
    article.write_text("<b>Путин</b> & <script>alert(1)</script>", encoding="utf-8")
    w = open_window(AnnotationService(store), [article])
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.import_finished, timeout=120_000):
        pass
    assert w.view.toPlainText() == "<b>Путин</b> & <script>alert(1)</script>"
    assert w.document_list.model.rowCount() == 2
    assert w.document_list.current_id() == w.current.id
    store.close()


def test_cancel_keeps_what_was_imported(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    write_articles(folder, 40)  # full articles: the cancel arrives long before the end
    store = Store(tmp_path / "c.db")
    w = make_window(store)
    # Cancel as soon as progress reports a stored article.
    w.runner.progress.connect(
        lambda done, _total, _text: done and w.import_status.cancel_button.click()
    )
    with qtbot.waitSignal(w.import_finished, timeout=120_000) as blocker:
        w.import_files([folder])
    report = blocker.args[0]
    assert 1 <= len(report.added) < 40
    assert store.count_documents() == len(report.added)
    assert w.document_list.model.rowCount() == len(report.added)
    store.close()


def test_document_list_reads_pages_on_demand_and_filters(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    store = Store.in_memory()
    for i in range(450):
        store.add_document(
            Document(
                f"d{i:03}",
                f"Текст номер {i} про Бишкек" if i % 3 == 0 else f"Текст номер {i}",
                {"title": f"Статья {i}"},
            )
        )
    store.set_status("d007", "done")
    w = make_window(store)
    model = w.document_list.model
    assert model.total == model.rowCount() == 450
    assert model.row_of("d420") == 420 and model.summary(420).id == "d420"
    w.document_list.status_box.setCurrentIndex(w.document_list.status_box.findData("done"))
    assert model.rowCount() == 1 and model.summary(0).id == "d007"
    w.document_list.status_box.setCurrentIndex(0)
    w.document_list.search_box.setText("Бишкек")
    qtbot.waitUntil(lambda: model.total == 150, timeout=2000)
    with qtbot.waitSignal(w.document_opened, timeout=1000) as opened:
        w.document_list.table.selectRow(2)
    assert opened.args == ["d006"]
    assert "Бишкек" in w.view.toPlainText()


def test_window_geometry_and_docks_are_restored(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    store = Store.in_memory()
    first = make_window(store, remember_layout=True)
    first.resize(760, 610)  # the offscreen screen is 800x800
    first.quotes_dock.hide()
    qtbot.waitUntil(lambda: first.size().width() == 760)
    first.close()
    second = make_window(store, remember_layout=True)
    assert (second.width(), second.height()) == (760, 610)
    assert not second.quotes_dock.isVisible()
    assert second.entities_dock.isVisible()


def test_bad_database_is_one_line_and_exit_1(tmp_path: Path, capsys, qapp) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    assert main(["--db", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("razmetka: ") and "\n" not in err and "Traceback" not in err


@pytest.mark.slow
@pytest.mark.parametrize("size", [None, (1024, 700)])
def test_screenshot_command_renders_a_png(tmp_path: Path, size, razmetka) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "shot.png"
    extra = ["--size", f"{size[0]}x{size[1]}"] if size else []
    proc = razmetka("screenshot", sample_path(), "--out", out, *extra)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (size or (1400, 900))
    assert "Traceback" not in proc.stderr


def test_screenshot_size_is_width_x_height(capsys) -> None:  # type: ignore[no-untyped-def]
    import cli

    args = cli.parse(["screenshot", "a.txt", "--out", "a.png", "--size", "1024x700"])
    assert args.size == (1024, 700)
    with pytest.raises(SystemExit):
        cli.parse(["screenshot", "a.txt", "--out", "a.png", "--size", "wide"])
    assert "'wide' is not WIDTHxHEIGHT, e.g. 1024x700" in capsys.readouterr().err
