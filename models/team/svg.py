"""Small SVG charts written by hand, so the report is one file that needs no network.

Two kinds are enough for the report: grouped bars (categories × series) and lines over
time. Each returns an ``<svg>`` element as a string with its axes, ticks, legend and a
``<title>`` per bar or point (hover shows the value). Every text is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#9c755f", "#edc948")
WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 34, 64


def _nice_max(value: float) -> float:
    """A round upper bound for an axis: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def _number(value: float) -> str:
    return f"{value:.2f}" if value < 10 and value != int(value) else f"{value:,.0f}"


def _frame(title: str, y_max: float, body: list[str], legend: Sequence[str]) -> str:
    """The chart's box: title, y axis with five ticks, legend, then ``body``."""
    plot_h = HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" '
        f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img">',
        f"<title>{escape(title)}</title>",
        f'<text x="{LEFT}" y="18" class="chart-title">{escape(title)}</text>',
    ]
    for i in range(6):
        y = TOP + plot_h - plot_h * i / 5
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">'
            f"{_number(y_max * i / 5)}</text>"
        )
    for i, name in enumerate(legend):  # under the x labels, left to right
        x, y = LEFT + 120 * i, HEIGHT - 22
        parts.append(
            f'<rect x="{x}" y="{y}" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{x + 14}" y="{y + 9}" class="legend">{escape(name[:16])}</text>'
        )
    return "".join([*parts, *body, "</svg>"])


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    y_max: float | None = None,
) -> str:
    """Grouped bars: one group per category, one bar per series (None: no bar)."""
    values = [v for vs in series.values() for v in vs if v is not None]
    top = y_max if y_max is not None else _nice_max(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group = plot_w / max(1, len(categories))
    bar = group * 0.8 / max(1, len(series))
    body = []
    for c, category in enumerate(categories):
        x0 = LEFT + c * group + group * 0.1
        for s, (name, vs) in enumerate(series.items()):
            value = vs[c]
            if value is None:
                continue
            h = plot_h * min(value, top) / top
            x, y = x0 + s * bar, TOP + plot_h - h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar * 0.92:.1f}" height="{h:.1f}" '
                f'fill="{PALETTE[s % len(PALETTE)]}"><title>{escape(name)} · '
                f"{escape(category)}: {_number(value)}</title></rect>"
            )
        body.append(
            f'<text x="{x0 + group * 0.4:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'class="tick">{escape(category[:18])}</text>'
        )
    return _frame(title, top, body, list(series) if len(series) > 1 else [])


def line_chart(title: str, x_labels: Sequence[str], series: Mapping[str, Sequence[float]]) -> str:
    """Lines over the same x positions (times), with a few x labels."""
    values = [v for vs in series.values() for v in vs]
    top = _nice_max(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = len(x_labels)

    def at(i: int, v: float) -> tuple[float, float]:
        x = LEFT + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)
        return x, TOP + plot_h - plot_h * v / top

    body = []
    for s, (name, vs) in enumerate(series.items()):
        colour = PALETTE[s % len(PALETTE)]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (at(i, v) for i, v in enumerate(vs)))
        body.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for i, v in enumerate(vs):
            x, y = at(i, v)
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}"><title>'
                f"{escape(name)} · {escape(x_labels[i])}: {_number(v)}</title></circle>"
            )
    step = max(1, math.ceil(n / 6))
    for i in range(0, n, step):
        x, _ = at(i, 0)
        anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
        body.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="{anchor}" class="tick">'
            f"{escape(x_labels[i])}</text>"
        )
    return _frame(title, top, body, list(series))
