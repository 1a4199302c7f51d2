"""Line and grouped-bar charts on pyqtgraph PlotItems, for the dashboard.

The same two kinds of chart as the HTML report's SVG (models.team.svg): series over
time buckets as lines, and values per category as grouped bars, each series in an
Okabe-Ito colour (readable for colour-blind users) and named in a legend. Category and
time labels become the x axis's ticks (thinned so they do not overlap).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyqtgraph as pg

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")
MAX_TICKS = 6
BAR_SPACE = 0.8  # of each category's width, shared by its bars
HEADROOM = 1.3  # the y range over the highest value: the legend's row sits above the data

pg.setConfigOptions(antialias=True, background="w", foreground="#333")


def _ticks(plot: pg.PlotItem, labels: Sequence[str], every: int = 1) -> None:
    ticks = [(i, text) for i, text in enumerate(labels) if i % every == 0]
    plot.getAxis("bottom").setTicks([ticks, []])


def _reset(plot: pg.PlotItem, empty: str | None, names: int = 1) -> None:
    plot.clear()
    if plot.legend is None:
        plot.addLegend(offset=(6, 2), labelTextSize="8pt")
    plot.legend.clear()
    plot.legend.setColumnCount(max(names, 1))  # one row along the top
    if empty:
        note = pg.TextItem(empty, color="#888", anchor=(0.5, 0.5))
        plot.addItem(note)
        note.setPos(0.5, 0.5)
        plot.setRange(xRange=(0, 1), yRange=(0, 1))


def lines(plot: pg.PlotItem, x: Sequence[str], series: Mapping[str, Sequence[float]]) -> None:
    """One line per series over the time buckets ``x``."""
    shown = {k: v for k, v in series.items() if len(v)}
    _reset(plot, None if shown and x else "no events yet", len(shown))
    if not shown or not x:
        return
    for n, (name, values) in enumerate(shown.items()):
        color = PALETTE[n % len(PALETTE)]
        plot.plot(
            list(range(len(values))),
            list(values),
            name=name,
            pen=pg.mkPen(color, width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush=color,
            symbolPen=None,
        )
    days = {label.split(" ")[0] for label in x}
    hourly = len(days) == 1 and all(" " in label for label in x)
    shown_x = [label.split(" ", 1)[1] for label in x] if hourly else list(x)
    _ticks(plot, shown_x, max(1, -(-len(x) // MAX_TICKS)))
    plot.setLabel("bottom", next(iter(days)) if hourly else "")  # one day: hours on the axis
    top = max((max(v) for v in shown.values()), default=0.0)
    plot.setXRange(-0.3, len(x) - 0.7, padding=0)
    plot.setYRange(0, max(top, 1.0) * HEADROOM, padding=0)


def bars(
    plot: pg.PlotItem,
    categories: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    y_max: float | None = None,
) -> None:
    """Grouped bars: for each category one bar per series (None: no bar)."""
    _reset(plot, None if categories and series else "nothing to show yet", len(series))
    if not categories or not series:
        return
    width = BAR_SPACE / len(series)
    for n, (name, values) in enumerate(series.items()):
        xs = [i - BAR_SPACE / 2 + width * (n + 0.5) for i, v in enumerate(values) if v is not None]
        heights = [float(v) for v in values if v is not None]
        color = PALETTE[n % len(PALETTE)]
        plot.addItem(
            pg.BarGraphItem(
                x=xs, height=heights, width=width * 0.9, brush=color, pen=None, name=name
            )
        )
    _ticks(plot, categories)
    plot.setXRange(-0.6, len(categories) - 0.4, padding=0)
    top = y_max or max((float(v) for vs in series.values() for v in vs if v is not None), default=1)
    plot.setYRange(0, (top or 1.0) * HEADROOM, padding=0)
