"""The dashboard in one language: its small charts (inline SVG, ``sluis.reports.charts``)
and the words the page needs beyond the tiles' numbers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sluis.dashboard.tiles import Dashboard
from sluis.i18n import label
from sluis.i18n.numbers import format_percent
from sluis.reports.charts import Bar, column_chart, horizontal_bars
from sluis.rights.timing import Urgency


@dataclass(frozen=True)
class DashboardView:
    decisions_chart: str
    review_chart: str
    rights_chart: str
    fairness_chart: str
    months_chart: str
    totals: dict[str, Any]


def _number(n: int, lang: str) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


def dashboard_view(board: Dashboard, lang: str) -> DashboardView:
    def _(key: str) -> str:
        return label(f"dashboard.{key}", lang)

    tiles = board.algorithms
    busiest = max((t.total for t in tiles), default=0) or 1
    decisions = horizontal_bars(
        [
            Bar(
                t.name,
                t.total,
                _number(t.total, lang),
                detail=", ".join(
                    f"{label('dashboard.status.' + s, lang)} {_number(n, lang)}"
                    for s, n in sorted(t.decisions.items())
                ),
            )
            for t in tiles
        ],
        title=_("chart.decisions"),
        description=_("chart.decisions_desc"),
        maximum=busiest,
        empty_text=_("none"),
    )
    waiting = max((t.open_cases for t in tiles), default=0) or 1
    review = horizontal_bars(
        [
            Bar(
                t.name,
                t.open_cases,
                _number(t.open_cases, lang),
                detail=f"{_('overdue')} {_number(t.review_overdue, lang)}",
                flagged=t.review_overdue > 0,
            )
            for t in tiles
        ],
        title=_("chart.review"),
        description=_("chart.review_desc"),
        maximum=waiting,
        empty_text=_("none"),
    )
    rights = board.rights
    on_time = rights.open - rights.due_soon - rights.overdue
    levels = [
        (Urgency.overdue, rights.overdue, True),
        (Urgency.due_soon, rights.due_soon, False),
        (Urgency.on_time, on_time, False),
    ]
    rights_chart = column_chart(
        [
            Bar(label(f"rights.urgency.{u.value}", lang), n, _number(n, lang), flagged=f and n > 0)
            for u, n, f in levels
        ],
        title=_("chart.rights"),
        description=_("chart.rights_desc"),
    )
    counted = [t for t in tiles if t.fairness is not None]
    most = max((t.fairness.alerts_high + t.fairness.alerts_medium for t in counted), default=0)
    fairness = horizontal_bars(
        [
            Bar(
                t.name,
                t.fairness.alerts_high + t.fairness.alerts_medium,
                _number(t.fairness.alerts_high + t.fairness.alerts_medium, lang),
                detail=f"{_('high')} {t.fairness.alerts_high}, "
                f"{_('medium')} {t.fairness.alerts_medium}",
                flagged=t.fairness.alerts_high > 0,
            )
            for t in counted
            if t.fairness is not None
        ],
        title=_("chart.fairness"),
        description=_("chart.fairness_desc"),
        maximum=most or 1,
        empty_text=_("no_snapshots"),
    )
    months = column_chart(
        [
            Bar(
                m["month"][2:],
                m["decisions"],
                _number(m["decisions"], lang),
                detail=f"{_('favourable')} "
                + format_percent(m["favourable"] / m["judged"] if m["judged"] else None, lang),
            )
            for m in board.months
        ],
        title=_("chart.months"),
        description=_("chart.months_desc"),
        empty_text=_("no_snapshots"),
    )
    return DashboardView(
        decisions_chart=decisions,
        review_chart=review,
        rights_chart=rights_chart,
        fairness_chart=fairness,
        months_chart=months,
        totals=board.to_json_dict()["totals"],
    )


__all__ = ["DashboardView", "dashboard_view"]
