"""The progress report as one standalone HTML page: inline CSS, inline SVG, no script.

It opens offline in any browser and can be mailed as it is. The line after the doctype
is a marker, so that ``stats --html`` overwrites only a report it wrote itself.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from models.team.agreement import Agreement
from models.team.report import ReportData
from models.team.svg import bar_chart, line_chart

MARKER = "<!-- razmetka report -->"
_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 760px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .6em 0; }
td, th { padding: 2px 10px; text-align: right; }
th:first-child, td:first-child { text-align: left; } th { border-bottom: 1px solid #bbb; }
.chart { display: block; margin: .6em 0; } .chart-title { font-weight: 600; font-size: 13px; }
.tick, .legend { font-size: 11px; fill: #555; } .grid { stroke: #eee; } .note { color: #777; }
"""


class ReportError(Exception):
    """Why a report cannot be written where asked, in one line naming the file."""


def is_report(head: bytes) -> bool:
    """Whether a file's first bytes are those of a page ``render`` made."""
    return head.startswith(b"<!DOCTYPE html>\n" + MARKER.encode())


def check_target(out: Path) -> None:
    """ReportError unless ``out`` is nothing yet, an empty file or a report made here."""
    if out.is_dir():
        raise ReportError(f"{out}: is a folder; give a file name for the report")
    if out.exists() and out.stat().st_size:
        with out.open("rb") as f:
            if not is_report(f.read(64)):
                raise ReportError(f"{out}: exists and is not a razmetka report; not overwritten")


def save(page: str, out: Path) -> None:
    """Write ``page`` to ``out`` (through ``out.part``) where ``check_target`` allows."""
    check_target(out)
    part = out.with_name(out.name + ".part")
    try:
        part.write_text(page, encoding="utf-8")
        part.replace(out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise ReportError(f"{out}: cannot write the report ({exc.strerror or exc})") from None


def render(data: ReportData) -> str:
    """The whole page."""
    body = [
        f"<h1>razmetka: {escape(data.name)}</h1>",
        f'<p class="note">made {escape(data.generated)} from the database and its event logs</p>',
        _counts(data),
        _progress(data),
        _rates(data),
        _labels(data),
        _agreement(data),
        _model(data),
    ]
    return (
        f'<!DOCTYPE html>\n{MARKER}\n<html lang="ru"><head><meta charset="utf-8">'
        f"<title>razmetka: {escape(data.name)}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _table(head: list[str], rows: list[list[Any]]) -> str:
    cells = "".join(f"<th>{escape(h)}</th>" for h in head)
    lines = [f"<tr>{cells}</tr>"]
    for row in rows:
        lines.append("<tr>" + "".join(f"<td>{escape(_cell(v))}</td>" for v in row) + "</tr>")
    return f"<table>{''.join(lines)}</table>"


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _note(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'


def _counts(data: ReportData) -> str:
    s = data.stats
    rows = [["documents", s["documents"]], *([k, v] for k, v in sorted(s["by_status"].items()))]
    return "<h2>Corpus</h2>" + _table(["", "count"], [*rows, ["quotes", s["quotes"]]])


def _progress(data: ReportData) -> str:
    out = ["<h2>Documents by status over time</h2>"]
    if data.statuses.x:
        out.append(line_chart("Documents by status", data.statuses.x, data.statuses.series))
    else:
        out.append(_note("the event log is empty"))
    if data.done.series:
        out.append(line_chart("Documents done, per annotator", data.done.x, data.done.series))
    return "".join(out)


def _rates(data: ReportData) -> str:
    out = ["<h2>Span edits per hour</h2>"]
    if not data.rates:
        return out[0] + _note("no span edits in the event logs yet")
    people = list(data.rates)
    per_hour = [edits / hours for edits, hours in data.rates.values()]
    out.append(bar_chart("Span edits per active hour", people, {"edits per hour": per_hour}))
    rows = [[p, e, h, e / h] for p, (e, h) in data.rates.items()]
    out.append(_table(["person", "span edits", "active hours", "per hour"], rows))
    return "".join(out)


def _labels(data: ReportData) -> str:
    labels = sorted({lb for counts in data.labels.values() for lb in counts})
    series = {who: [float(c.get(lb, 0)) for lb in labels] for who, c in data.labels.items()}
    chart = bar_chart("Spans per label (gold and each annotator's versions)", labels, series)
    rows = [[lb, *(data.labels[w].get(lb, 0) for w in data.labels)] for lb in labels]
    return "<h2>Label distribution</h2>" + chart + _table(["label", *data.labels], rows)


def _agreement(data: ReportData) -> str:
    head = "<h2>Agreement per label</h2>"
    report = data.agreement
    if report is None:
        return head + _note("no document has two or more finished versions yet")
    items: list[tuple[str, Agreement]] = list(report.labels.items())
    names = [k for k, _ in items]
    series = {
        "F1 exact": [a.exact.f1 for _, a in items],
        f"F1 IoU≥{report.threshold}": [a.overlap.f1 for _, a in items],
        "alpha": [None if a.alpha is None else max(0.0, a.alpha) for _, a in items],
    }
    chart = bar_chart(f"Agreement over {len(report.documents)} documents", names, series, 1.0)
    rows = [[k, a.exact.f1, a.overlap.f1, a.kappa, a.alpha] for k, a in items]
    table = _table(["label", "F1 exact", "F1 overlap", "kappa", "alpha"], rows)
    return head + chart + table


def _model(data: ReportData) -> str:
    head = "<h2>The model against the reviewed gold</h2>"
    m = data.model
    if not m["documents"]:
        return head + _note("no document is marked done yet")
    scores = {k: v for k, v in m["entities"].items() if k != "ALL"}
    scores["QUOTE"] = m["quotes"]
    names = list(scores)
    series = {
        "precision": [float(scores[k]["precision"]) for k in names],
        "recall": [float(scores[k]["recall"]) for k in names],
    }
    chart = bar_chart(f"Pre-annotation on {m['documents']} done documents", names, series, 1.0)
    rows = [
        [k, v["precision"], v["recall"], v["f1"], v["tp"], v["fp"], v["fn"]]
        for k, v in scores.items()
    ]
    table = _table(["label", "precision", "recall", "F1", "tp", "fp", "fn"], rows)
    return head + chart + table
