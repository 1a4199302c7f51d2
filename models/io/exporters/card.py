"""The README beside an export: what the data holds, by which conventions, and how it was made.

A data set is published, shared and re-made long after the export: the card gives the
counts per part and label as the format holds them, the annotation conventions
(FactRuEval-2016's), the tokenizer, what was left out and why (the export's notes), and
the command that makes the same export again. It carries no local path: the database
and the output are named by their file names. A folder export gets ``README.md``
inside; a one-file export ``<name>.README.md`` beside it, written only where no file of
someone else's is (the first line marks razmetka's own card).
"""

from __future__ import annotations

from collections import Counter
from importlib import metadata
from pathlib import Path

from models.io.exporters.common import ExportOptions, ExportReport
from models.io.exporters.output import Output
from models.io.safe_files import create_new, kind_of
from models.labels import load_labels

MARK = "<!-- razmetka export card: rewritten by the next export to this place -->"
TOKEN_FORMATS = ("spacy", "conll", "hf", "prodigy")
LATER = ("QUOTE", "SPEAKER", "sentences", "tokens")  # columns after the entity labels
CONVENTIONS = """\
Entities follow FactRuEval-2016, the public gold standard of Russian news NER, as
natasha's own benchmark reads it:

- the span is the name as written ("Садыром Жапаровым"); PER is the whole name without
  titles or roles ("президент");
- LOC is a place name, countries and cities also when they act as states;
- ORG is the organization's name without quotation marks and legal form (`ООО «Ромашка»`
  gives ORG `Ромашка`); an abbreviation in brackets is a span of its own;
- a region's generic noun is part of its name ("Свердловской области").

Quotes are direct speech without the outer quotation marks; the speaker is the mention
that names the source in the attribution clause."""
TOKENS = """\
Tokens are razdel's (natasha's own), sentences split at blank lines first and then by
razdel; a sentence boundary inside an entity is dropped, and a token carries one tag, so
of nested entities the earlier (then the longer) one is tagged."""
SPACY = """\
`config.cfg` is spaCy's NER config for Russian with razdel's tokenizer
(`razmetka.razdel_tokenizer.v1`, in `razdel_tokenizer.py`, needs `pip install razdel`),
so spaCy tokenizes as the data is. Train from this folder:

    python -m spacy train config.cfg --code razdel_tokenizer.py \\
        --paths.train {train} --paths.dev {dev} --output model

To load the model, import `razdel_tokenizer.py` first (or install razmetka, which
registers the tokenizer as an entry point)."""


def command_line(fmt: str, out: Path, options: ExportOptions, db: str) -> str:
    """The ``razmetka export`` command that makes this export again (names, no paths)."""
    status = "all" if options.statuses is None else ",".join(options.statuses)
    args = ["razmetka", "export", "--db", db, "--format", fmt, "--out", out.name]
    args += ["--status", status]
    if options.labels is not None:
        args += ["--labels", ",".join(sorted(options.labels))]
    if options.split:
        args += ["--split", options.split, "--seed", str(options.seed)]
    elif options.part != "all":
        args += ["--part", options.part]
    flags = {
        "--include-model": options.include_model,
        "--keep-noise": options.keep_noise,
        "--keep-paths": options.keep_paths,
    }
    return " ".join(args + [flag for flag, on in flags.items() if on])


def _columns(options: ExportOptions, report: ExportReport) -> list[str]:
    """The entity labels of the export (all of them, even at 0), then what else it holds."""
    labels = [lb.name for lb in load_labels().entities]
    columns = [lb for lb in labels if options.labels is None or lb in options.labels]
    seen = {key for counts in report.counts.values() for key in counts if counts[key]}
    columns += sorted(seen - set(columns) - set(LATER))
    return columns + [c for c in LATER if c in seen]


def _table(options: ExportOptions, report: ExportReport) -> list[str]:
    columns = _columns(options, report)
    lines = [
        "| part | documents | " + " | ".join(columns) + " |",
        "|---|---:|" + "---:|" * len(columns),
    ]
    total = dict.fromkeys(columns, 0)
    for part, docs in report.parts.items():
        counts = report.counts.get(part, Counter())
        cells = [str(counts.get(c, 0)) for c in columns]
        lines.append(f"| {part} | {docs} | " + " | ".join(cells) + " |")
        for c in columns:
            total[c] += counts.get(c, 0)
    if len(report.parts) > 1:
        cells = [str(total[c]) for c in columns]
        lines.append(f"| total | {report.documents} | " + " | ".join(cells) + " |")
    return lines


def card(fmt: str, out: Path, options: ExportOptions, report: ExportReport, db: str) -> str:
    """The card's Markdown text."""
    try:
        version = " " + metadata.version("razmetka")
    except metadata.PackageNotFoundError:
        version = ""
    held = "as tagged (one entity per token)" if fmt in TOKEN_FORMATS else "as written"
    lines = [MARK, f"# {out.name}: {fmt} training data", ""]
    lines += [f"Made by razmetka{version} with:", "", f"    {command_line(fmt, out, options, db)}"]
    lines += ["", "## Contents", "", f"Counts {held}, per part:", "", *_table(options, report)]
    lines += ["", "## Conventions", "", CONVENTIONS]
    if fmt in TOKEN_FORMATS:
        lines += ["", "## Tokens and sentences", "", TOKENS]
        if not options.keep_noise:
            lines += ["", "Captions, ad markers, repeated paragraphs and the news header line"]
            lines += ["are left out (`--keep-noise` keeps them)."]
    lines += ["", "## Left out, adjusted, refused", ""]
    notes = [n for n in report.notes if not n.startswith("split:")]
    notes += [report.unselected_note()] if report.unselected else []
    lines += [f"- {note}" for note in notes] or ["Nothing."]
    if fmt == "spacy":
        parts = list(report.parts) if options.split else []
        train = "train" if "train" in parts else (parts[0] if parts else ".")
        dev = "dev" if "dev" in parts else "DEV"
        lines += ["", "## Training", "", SPACY.format(train=train, dev=dev)]
        if dev == "DEV":
            lines += ["", "(This export has no dev part: export with `--split` to get one.)"]
    return "\n".join(lines) + "\n"


def card_name(out: Path, folder: bool) -> str:
    """``README.md`` inside a folder export, ``<name>.README.md`` beside a one-file one."""
    return "README.md" if folder else out.stem + ".README.md"


def _ours(path: Path) -> bool:
    """Whether ``path`` is a card razmetka wrote (a regular file that starts with MARK)."""
    if kind_of(path) != "file":
        return False
    with path.open("rb") as fh:
        return fh.read(len(MARK.encode())) == MARK.encode()


def write_card(
    output: Output, fmt: str, options: ExportOptions, report: ExportReport, db: str
) -> None:
    """Write the card into the export's private folder, to be published with the data.

    Where the card will go, a file of someone else's is left alone (the card is skipped
    with a note); beside a one-file export, razmetka's own earlier card is replaced. A
    folder export's previous card is in its manifest and goes with the rest of it.
    """
    name = card_name(output.out, output.folder)
    dest = (output.out if output.folder else output.out.parent) / name
    owned = output.folder and name in output.previous_names()
    if kind_of(dest) is not None and not owned:
        if output.folder or not _ours(dest):
            report.notes.append(f"model card not written: {dest.name} is not razmetka's")
            return
        dest.unlink()  # razmetka's own card of an earlier export to this file
    target = output.target if output.folder else output.target.parent
    with create_new(target / name) as fh:
        fh.write(card(fmt, output.out, options, report, db))
    report.files.append(target / name)
