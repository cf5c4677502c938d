"""Small charts as inline SVG: no JavaScript, no plotting library, the same picture in a
browser and in a WeasyPrint PDF.

Pure functions from values to an SVG string. Every chart is an accessible image: it has
``role="img"``, a ``<title>`` and a ``<desc>`` it is labelled by, and every bar carries a
``<title>`` with its label and value, so screen readers and hover tooltips say what the
picture shows. Callers format the numbers (``Bar.display``) so the language's own notation
is used; the charts only place them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

INK = "#1b1b1b"
MUTED = "#555555"
BAR = "#00568a"
FLAGGED = "#a00000"
GRID = "#d0d0d0"
FONT = "DejaVu Sans, sans-serif"


@dataclass(frozen=True)
class Bar:
    """One bar: ``value`` sets its length, ``display`` is what is written beside it."""

    label: str
    value: float
    display: str
    detail: str = ""  # more for the tooltip, e.g. "n = 200"
    flagged: bool = False  # drawn in the alert colour


@dataclass(frozen=True)
class Marker:
    """A reference line across the bars, e.g. an alert threshold."""

    value: float
    label: str


def horizontal_bars(
    bars: Sequence[Bar],
    *,
    title: str,
    description: str = "",
    maximum: float = 1.0,
    marker: Marker | None = None,
    empty_text: str = "-",
    chart_id: str | None = None,
) -> str:
    """One row per bar, labels on the left, lengths relative to ``maximum``."""
    label_width, plot_width, value_width = 150, 300, 70
    row, top = 22, 28 if marker else 10
    width = label_width + plot_width + value_width
    height = top + max(len(bars), 1) * row + 8
    cid = chart_id or _chart_id("hbar", title, bars)
    parts = [_open(cid, width, height, title, description, "chart chart-hbar")]
    if not bars:
        parts.append(_text(width / 2, top + row / 2 + 4, empty_text, anchor="middle", fill=MUTED))
    for i, bar in enumerate(bars):
        y = top + i * row
        length = _scaled(bar.value, maximum) * plot_width
        parts.append(
            _bar_group(bar)
            + _text(label_width - 6, y + row / 2 + 4, _shorten(bar.label, 22), anchor="end")
            + f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{FLAGGED if bar.flagged else BAR}"/>'
            + _text(label_width + length + 4, y + row / 2 + 4, bar.display)
            + "</g>"
        )
    if marker is not None:
        x = label_width + _scaled(marker.value, maximum) * plot_width
        bottom = top + max(len(bars), 1) * row
        parts.append(
            f'<g class="marker"><title>{escape(marker.label)}</title>'
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{bottom}" stroke="{INK}" '
            'stroke-width="1" stroke-dasharray="4 3"/>'
            + _text(x, top - 8, marker.label, anchor="middle", size=9, fill=MUTED)
            + "</g>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def column_chart(
    columns: Sequence[Bar],
    *,
    title: str,
    description: str = "",
    axis_label: str = "",
    empty_text: str = "-",
    chart_id: str | None = None,
) -> str:
    """Vertical columns side by side (e.g. a histogram), heights relative to the tallest,
    each value written on top and its label underneath."""
    column, gap, plot_height, left, top = 56, 6, 150, 8, 16
    bottom = 40 if axis_label else 24
    width = left * 2 + max(len(columns), 1) * (column + gap)
    height = top + plot_height + bottom
    tallest = max((c.value for c in columns), default=0) or 1
    cid = chart_id or _chart_id("col", title, columns)
    parts = [_open(cid, width, height, title, description, "chart chart-columns")]
    baseline = top + plot_height
    parts.append(
        f'<line x1="{left}" y1="{baseline}" x2="{width - left}" y2="{baseline}" '
        f'stroke="{GRID}" stroke-width="1"/>'
    )
    if not columns:
        parts.append(_text(width / 2, top + plot_height / 2, empty_text, anchor="middle"))
    for i, c in enumerate(columns):
        x = left + i * (column + gap)
        h = _scaled(c.value, tallest) * plot_height
        centre = x + column / 2
        parts.append(
            _bar_group(c)
            + f'<rect x="{x}" y="{baseline - h:.1f}" width="{column}" height="{h:.1f}" '
            f'fill="{FLAGGED if c.flagged else BAR}"/>'
            + _text(centre, baseline - h - 3, c.display, anchor="middle", size=9)
            + _text(centre, baseline + 13, c.label, anchor="middle", size=9, fill=MUTED)
            + "</g>"
        )
    if axis_label:
        parts.append(_text(width / 2, height - 6, axis_label, anchor="middle", size=9, fill=MUTED))
    parts.append("</svg>")
    return "\n".join(parts)


def _open(cid: str, width: float, height: float, title: str, description: str, cls: str) -> str:
    labelled = f"{cid}-title {cid}-desc" if description else f"{cid}-title"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" role="img" aria-labelledby="{labelled}" '
        f'class="{cls}" id="{cid}" font-family="{FONT}" font-size="10">'
        f'<title id="{cid}-title">{escape(title)}</title>'
    )
    if description:
        head += f'<desc id="{cid}-desc">{escape(description)}</desc>'
    return head


def _text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    size: int | None = None,
    fill: str = INK,
) -> str:
    size_attr = f' font-size="{size}"' if size else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}"{size_attr}>'
        f"{escape(content)}</text>"
    )


def _bar_group(bar: Bar) -> str:
    flagged = ' data-flagged="true"' if bar.flagged else ""
    return (
        f'<g class="bar" data-label={quoteattr(bar.label)} data-value="{bar.value:.6g}"{flagged}>'
        f"<title>{escape(_tooltip(bar))}</title>"
    )


def _scaled(value: float, maximum: float) -> float:
    if maximum <= 0:
        return 0.0
    return min(max(value / maximum, 0.0), 1.0)


def _tooltip(bar: Bar) -> str:
    return f"{bar.label}: {bar.display}" + (f" ({bar.detail})" if bar.detail else "")


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _chart_id(kind: str, title: str, bars: Sequence[Bar]) -> str:
    """A stable id from the content, so several charts on one page keep their labels apart
    and the same data always gives the same SVG."""
    digest = hashlib.sha256(repr((kind, title, tuple(bars))).encode()).hexdigest()[:10]
    return f"chart-{digest}"
