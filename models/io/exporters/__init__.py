"""Exporters: the corpus as training data, one module per format, streamed.

``export`` is what the CLI and the window (in a worker thread, with a progress callback
and a cancel flag) call. Documents stream from the store one at a time through
``common.select`` (status, labels, model snapshot, offset check, split) into one writer
per split part, so memory does not grow with the corpus. The report lists what the
format could not hold, what was adjusted and which documents were refused.

Outputs: without ``--split`` a single-file format writes ``out`` itself and a folder
format (spacy, brat, hf) fills the folder ``out``; with ``--split`` ``out`` is a folder
holding one file (``train.jsonl``) or one subfolder (``train/``) per part. Beside the
data go the format's own files (spaCy's ``config.cfg``), the README card and, for a
folder, the manifest. Writers write into a private temporary folder; the export is put
in place only when complete, never onto the database or a file it did not write
(``output.Output``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from models.io.exporters.card import write_card
from models.io.exporters.common import (
    ExportOptions,
    ExportReport,
    MissingDependency,
    count_spans,
    parse_split,
    part_names,
    select,
)
from models.io.exporters.output import Output
from models.io.safe_files import OutputError, OutputExists, database_files, writing
from models.labels import load_labels
from models.spans import STATUSES

__all__ = [
    "FORMATS",
    "ExportOptions",
    "ExportReport",
    "MissingDependency",
    "OutputError",
    "OutputExists",
    "count",
    "export",
]

MODULES = {
    "jsonl": "jsonl",
    "spacy": "spacy_docbin",
    "conll": "conll",
    "brat": "brat",
    "labelstudio": "labelstudio",
    "doccano": "doccano",
    "prodigy": "prodigy",
    "hf": "hf",
}
FORMATS = tuple(MODULES)


def _module(fmt: str) -> ModuleType:
    if fmt not in MODULES:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    module = importlib.import_module(f"models.io.exporters.{MODULES[fmt]}")
    if hasattr(module, "check"):
        module.check()
    return module


def _validate(options: ExportOptions) -> None:
    parse_split(options.split)
    if not options.part.isidentifier():
        raise ValueError(f"--part: {options.part!r} is not a name (letters, digits, _)")
    if options.split and options.part != "all":
        raise ValueError("--part names the one part of an export without --split")
    for status in options.statuses or ():
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r} (known: {', '.join(STATUSES)}, all)")
    known = load_labels().names
    unknown = sorted((options.labels or frozenset()) - known)
    if unknown:
        raise ValueError(
            f"unknown label {', '.join(unknown)} in --labels (known: {', '.join(sorted(known))})"
        )


def count(store: Any, options: ExportOptions | None = None) -> int:
    """How many documents an export with ``options`` reads (a progress bar's total)."""
    statuses = (options or ExportOptions()).statuses
    if statuses is None:
        return int(store.count_documents())
    return sum(int(store.count_documents(status=s)) for s in dict.fromkeys(statuses))


def target(out: Path, part: str, suffix: str | None) -> Path:
    """Where one split part goes: ``out/<part><suffix>`` or the folder ``out/<part>``."""
    return out / f"{part}{suffix}" if suffix else out / part


def export(
    store: Any,
    fmt: str,
    out: str | Path,
    options: ExportOptions | None = None,
    progress: Callable[[int, Any], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    force: bool = False,
) -> ExportReport:
    """Write the selected documents to ``out`` in format ``fmt``.

    Parameters
    ----------
    store : Store
        The database to read; only read, never changed.
    fmt : str
        One of ``FORMATS``.
    out : Path
        A file or a folder, depending on the format and the split (see the module doc).
        Never the database or its journal files.
    options : ExportOptions
        Statuses, labels, split and seed, model snapshot instead of gold.
    progress : callable, optional
        Called as ``progress(documents_done, report)`` after every document.
    cancelled : callable, optional
        Polled between documents; when it returns True the export stops (and says so).
    force : bool
        Replace an existing file (a one-file export); without it that is refused.

    Raises
    ------
    ValueError
        Bad options, an unusable ``out`` (``OutputError``, ``OutputExists`` when it is
        an existing file), or a missing reader library (one line).
    """
    options = options or ExportOptions()
    out = Path(out)
    module = _module(fmt)
    _validate(options)
    folder = bool(options.split) or module.SUFFIX is None
    protected = database_files(getattr(store, "path", None))
    with writing(out, "export"):
        output = Output(out, protected, folder=folder, force=force, fmt=fmt)
        try:
            report = _write(module, store, output.target, options, progress, cancelled)
            _finish(module, store, output, fmt, options, report)
            output.publish(_summary(fmt, options, report))
        except BaseException:
            output.discard()
            raise
    report.files = [output.published(p) for p in report.files]
    return report


def _write(
    module: ModuleType,
    store: Any,
    out: Path,
    options: ExportOptions,
    progress: Callable[[int, Any], None] | None,
    cancelled: Callable[[], bool],
) -> ExportReport:
    report = ExportReport()
    report.parts.update(dict.fromkeys(part_names(options), 0))
    if options.statuses is not None:
        others = [s for s in STATUSES if s not in options.statuses]
        report.unselected = {s: n for s in others if (n := int(store.count_documents(status=s)))}
    if hasattr(module, "export_all"):
        module.export_all(store, out, options, report, progress, cancelled)
    else:
        _stream(module, store, out, options, report, progress, cancelled)
    report.finish()
    return report


def _finish(
    module: ModuleType,
    store: Any,
    output: Output,
    fmt: str,
    options: ExportOptions,
    report: ExportReport,
) -> None:
    """What goes beside the data: the format's own files (a folder's) and the card."""
    if output.folder and hasattr(module, "finish"):
        module.finish(output.target, options, report)
    db = Path(store.path).name if getattr(store, "path", None) else "razmetka.db"
    write_card(output, fmt, options, report, db)


def _summary(fmt: str, options: ExportOptions, report: ExportReport) -> dict[str, Any]:
    """What a folder export's manifest says about it, beside the list of its files."""
    return {
        "format": fmt,
        "documents": report.documents,
        "parts": dict(report.parts),
        "seed": options.seed,
        "split": options.split,
        "include_model": options.include_model,
        "notes": report.notes,
    }


def _stream(
    module: ModuleType,
    store: Any,
    out: Path,
    options: ExportOptions,
    report: ExportReport,
    progress: Callable[[int, Any], None] | None,
    cancelled: Callable[[], bool],
) -> None:
    writers = {
        part: module.Writer(
            target(out, part, module.SUFFIX) if options.split else out, options, report
        )
        for part in part_names(options)
    }
    try:
        with_model = getattr(module, "WITH_MODEL", False)
        prose = getattr(module, "PROSE", False)
        for item in select(
            store,
            options,
            report,
            progress,
            with_model=with_model,
            prose=prose,
            cancelled=cancelled,
        ):
            writers[item.part].write(item)
            if not prose:
                count_spans(report, item)
    finally:
        for writer in writers.values():
            writer.close()
