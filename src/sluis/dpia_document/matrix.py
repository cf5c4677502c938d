"""The risk matrix of a DPIA and a picture of it.

Likelihood and impact are each scored 1-4; the risk score is their product (1-16). The
level follows from the score, so the matrix is symmetric — a rare but grave harm weighs
as much as a frequent but slight one:

============  =====  =====  =====  =====
impact \\ lik.   1      2      3      4
============  =====  =====  =====  =====
4             med.   high   v.h.   v.h.
3             med.   high   v.h.   v.h.
2             low    med.   high   high
1             low    low    med.   med.
============  =====  =====  =====  =====

score 1-2: low; 3-4: medium; 6-8: high; 9-16: very high (5, 7 and 10-11 cannot occur).

A high or very high risk that stays after the measures means the Dutch DPA must be
consulted before the processing starts (GDPR art. 36(1)). The picture is an SVG string,
no plotting library, so WeasyPrint can draw it inside the PDF and browsers inline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from xml.sax.saxutils import escape

from sluis.law.findings import Text, t

SCALE = (1, 2, 3, 4)


class RiskLevel(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"
    very_high = "very_high"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {RiskLevel.low: 0, RiskLevel.medium: 1, RiskLevel.high: 2, RiskLevel.very_high: 3}

#: The levels that keep a DPIA from closing without asking the Dutch DPA (art. 36(1)).
HIGH_LEVELS = frozenset({RiskLevel.high, RiskLevel.very_high})

LEVEL_LABELS: dict[RiskLevel, Text] = {
    RiskLevel.low: t("laag", "low"),
    RiskLevel.medium: t("middel", "medium"),
    RiskLevel.high: t("hoog", "high"),
    RiskLevel.very_high: t("zeer hoog", "very high"),
}
LEVEL_COLOURS: dict[RiskLevel, str] = {
    RiskLevel.low: "#cfe8c9",
    RiskLevel.medium: "#fbe8a6",
    RiskLevel.high: "#f6bf85",
    RiskLevel.very_high: "#ec8f86",
}
LIKELIHOOD_LABELS: dict[int, Text] = {
    1: t("onwaarschijnlijk", "unlikely"),
    2: t("mogelijk", "possible"),
    3: t("waarschijnlijk", "likely"),
    4: t("vrijwel zeker", "almost certain"),
}
IMPACT_LABELS: dict[int, Text] = {
    1: t("beperkt", "limited"),
    2: t("aanzienlijk", "significant"),
    3: t("ernstig", "serious"),
    4: t("zeer ernstig", "very serious"),
}


def score(likelihood: int, impact: int) -> int:
    _check(likelihood, "likelihood")
    _check(impact, "impact")
    return likelihood * impact


def level(likelihood: int, impact: int) -> RiskLevel:
    """The level of a risk by the documented matrix (see the module docstring)."""
    s = score(likelihood, impact)
    if s <= 2:
        return RiskLevel.low
    if s <= 4:
        return RiskLevel.medium
    if s <= 8:
        return RiskLevel.high
    return RiskLevel.very_high


def highest(levels: Sequence[RiskLevel]) -> RiskLevel | None:
    return max(levels, key=lambda lv: lv.rank, default=None)


def _check(value: int, name: str) -> None:
    if value not in SCALE:
        raise ValueError(f"{name} must be 1, 2, 3 or 4")


# --- The picture ---


@dataclass(frozen=True)
class PlottedRisk:
    """One risk on the matrix: where it starts (inherent) and where measures bring it."""

    id: str
    likelihood: int
    impact: int
    residual_likelihood: int
    residual_impact: int


_CELL = 64
_LEFT = 92  # room for the impact labels
_TOP = 34
_BOTTOM = 62  # room for the likelihood labels and the legend
_DOT = 11


def matrix_svg(risks: Sequence[PlottedRisk], lang: str) -> str:
    """A 4×4 grid coloured by level; each risk drawn as a filled dot where it starts and
    an open dot where its residual risk lies, joined by a line when they differ."""
    width = _LEFT + 4 * _CELL + 12
    height = _TOP + 4 * _CELL + _BOTTOM
    title = "Risicomatrix" if lang == "nl" else "Risk matrix"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{title}" '
        'font-family="DejaVu Sans, sans-serif" font-size="10" class="risk-matrix">',
        f"<title>{title}</title>",
    ]
    parts += _grid(lang)
    parts += _plots(risks)
    parts += _legend(lang, height)
    parts.append("</svg>")
    return "\n".join(parts)


def _cell_origin(likelihood: int, impact: int) -> tuple[int, int]:
    return _LEFT + (likelihood - 1) * _CELL, _TOP + (4 - impact) * _CELL


def _grid(lang: str) -> list[str]:
    out: list[str] = []
    for lik in SCALE:
        for imp in SCALE:
            x, y = _cell_origin(lik, imp)
            colour = LEVEL_COLOURS[level(lik, imp)]
            out.append(
                f'<rect x="{x}" y="{y}" width="{_CELL}" height="{_CELL}" fill="{colour}" '
                f'stroke="#ffffff" stroke-width="2" data-level="{level(lik, imp).value}"/>'
            )
    for value in SCALE:
        _, y = _cell_origin(1, value)
        out.append(
            f'<text x="{_LEFT - 6}" y="{y + _CELL / 2 + 3}" text-anchor="end">'
            f"{value} {escape(IMPACT_LABELS[value].get(lang))}</text>"
        )
        x, _ = _cell_origin(value, 1)
        out.append(
            f'<text x="{x + _CELL / 2}" y="{_TOP + 4 * _CELL + 14}" text-anchor="middle">'
            f"{value} {escape(LIKELIHOOD_LABELS[value].get(lang))}</text>"
        )
    axis_likelihood = "Kans" if lang == "nl" else "Likelihood"
    out.append(f'<text x="{_LEFT}" y="{_TOP - 12}" font-weight="bold">↑ Impact</text>')
    out.append(
        f'<text x="{_LEFT + 4 * _CELL}" y="{_TOP + 4 * _CELL + 30}" text-anchor="end" '
        f'font-weight="bold">{axis_likelihood} →</text>'
    )
    return out


def _slots(risks: Sequence[PlottedRisk]) -> dict[tuple[str, bool], tuple[float, float]]:
    """Where each marker goes: markers sharing a cell are spread over a 3×3 raster."""
    per_cell: dict[tuple[int, int], list[tuple[str, bool]]] = {}
    for risk in risks:
        per_cell.setdefault((risk.likelihood, risk.impact), []).append((risk.id, False))
        residual = (risk.residual_likelihood, risk.residual_impact)
        if residual != (risk.likelihood, risk.impact):
            per_cell.setdefault(residual, []).append((risk.id, True))
    slots: dict[tuple[str, bool], tuple[float, float]] = {}
    step = _CELL / 3
    for (lik, imp), markers in per_cell.items():
        x0, y0 = _cell_origin(lik, imp)
        for n, marker in enumerate(markers):
            n = n % 9  # more than nine markers in one cell overlap; the table lists them all
            slots[marker] = (x0 + step * (n % 3) + step / 2, y0 + step * (n // 3) + step / 2)
    return slots


def _plots(risks: Sequence[PlottedRisk]) -> list[str]:
    slots = _slots(risks)
    out: list[str] = []
    for risk in risks:
        start = slots[(risk.id, False)]
        end = slots.get((risk.id, True))
        label = escape(risk.id)
        if end is not None:
            out.append(
                f'<line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" '
                f'y2="{end[1]:.1f}" stroke="#333" stroke-width="1" stroke-dasharray="3 2"/>'
            )
            out.append(_marker(end, label, residual=True))
        out.append(_marker(start, label, residual=False))
    return out


def _marker(at: tuple[float, float], label: str, *, residual: bool) -> str:
    x, y = at
    fill, ink = ("#ffffff", "#1b1b1b") if residual else ("#1b1b1b", "#ffffff")
    kind = "residual" if residual else "inherent"
    return (
        f'<g data-risk="{label}" data-kind="{kind}">'
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_DOT}" fill="{fill}" stroke="#1b1b1b"/>'
        f'<text x="{x:.1f}" y="{y + 3.5:.1f}" text-anchor="middle" font-size="9" '
        f'fill="{ink}">{label}</text></g>'
    )


def _legend(lang: str, height: int) -> list[str]:
    y = height - 12
    inherent = "vóór maatregelen" if lang == "nl" else "before measures"
    residual = "restrisico" if lang == "nl" else "residual risk"
    return [
        f'<circle cx="{_LEFT + 6}" cy="{y - 3}" r="5" fill="#1b1b1b"/>',
        f'<text x="{_LEFT + 15}" y="{y}">{inherent}</text>',
        f'<circle cx="{_LEFT + 130}" cy="{y - 3}" r="5" fill="#ffffff" stroke="#1b1b1b"/>',
        f'<text x="{_LEFT + 139}" y="{y}">{residual}</text>',
    ]
