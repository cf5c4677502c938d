"""The human-involvement report's tables and charts, in one language, shared by the
Markdown, HTML and PDF renderings (and meant for the web dashboard too), so every format
shows the same numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sluis.i18n import label
from sluis.i18n.numbers import format_decimal, format_percent, format_seconds
from sluis.reports.charts import Bar, Marker, column_chart, horizontal_bars
from sluis.review.alerts import Alert, AlertCode, Evaluation, TooFew
from sluis.review.facts import OpenedItem
from sluis.review.metrics import Dimension, GroupMetrics, Scope
from sluis.review.statistics import Proportion, bucket_bounds
from sluis.review.thresholds import ReviewThresholds

#: The groupings the report shows for each decision, in this order.
GROUPINGS = (Dimension.reviewer, Dimension.month, Dimension.group)


@dataclass(frozen=True)
class Cell:
    text: str
    flagged: bool = False  # the value raised an alert
    detail: str = ""  # what the value rests on, e.g. "199/200"

    def plain(self) -> str:
        return f"{self.text} ({self.detail})" if self.detail else self.text


@dataclass(frozen=True)
class Table:
    key: str
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def scope_label(scope: Scope, lang: str, *, skip: Sequence[Dimension] = ()) -> str:
    """The scope in words, leaving out the dimensions the reader already knows."""
    parts = [
        f"{label(f'review_metrics.dim.{d.value}', lang)} {value_label(d, v, lang)}"
        for d, v in scope.parts
        if d not in skip
    ]
    return ", ".join(parts) or label("review_metrics.whole_decision", lang)


def value_label(dimension: Dimension, value: str | None, lang: str) -> str:
    if value is None:
        return label("review_metrics.no_group", lang) if dimension is Dimension.group else "-"
    return value


def check_label(code: AlertCode, item: OpenedItem | None, lang: str) -> str:
    text = label(f"review_metrics.alert.{code.value}", lang)
    if item is not None:
        text = text.format(item=label(f"review_metrics.item.{item.value}", lang))
    return text


def subject_label(code: AlertCode, item: OpenedItem | None, lang: str) -> str:
    """What a check looks at, e.g. "agreement with the model"."""
    text = label(f"review_metrics.check.{code.value}", lang)
    if item is not None:
        text = text.format(item=label(f"review_metrics.item.{item.value}", lang))
    return text


def scope_rank(scope: Scope, order: Sequence[Dimension]) -> tuple[int, int, tuple[object, ...]]:
    """Report order: the whole first, then by ``order`` of the last dimension."""
    last = scope.dimensions[-1] if scope.parts else None
    position = order.index(last) if last in order else -1
    return (len(scope.parts), position, scope.sort_key())


def share_cell(p: Proportion, lang: str, flagged: bool = False) -> Cell:
    """The rate, with the counts it rests on as detail."""
    if not p.total:
        return Cell("-")
    return Cell(format_percent(p.rate, lang), flagged, f"{p.count}/{p.total}")


def interval(p: Proportion, lang: str) -> str:
    bounds = p.interval
    if bounds is None:
        return "-"
    return f"{format_percent(bounds[0], lang)}–{format_percent(bounds[1], lang)}"


def alert_value(alert: Alert | None, lang: str, *, threshold: bool = False) -> str:
    if alert is None:
        return "-"
    value = alert.threshold if threshold else alert.measured
    return (
        format_seconds(value, lang)
        if alert.unit.value == "seconds"
        else format_percent(value, lang)
    )


def _flags(evaluation: Evaluation) -> set[tuple[Scope, str]]:
    return {(a.scope, a.key) for a in evaluation.alerts}


def _row_label(m: GroupMetrics, dimension: Dimension | None, lang: str) -> Cell:
    if dimension is None or dimension not in m.scope.dimensions:
        return Cell(label("review_metrics.all_rows", lang))
    return Cell(value_label(dimension, m.scope.value(dimension), lang))


def _header(dimension: Dimension | None, lang: str) -> str:
    key = dimension.value if dimension else "algorithm"
    return label(f"review_metrics.dim.{key}", lang)


def outcome_table(
    rows: Sequence[GroupMetrics],
    dimension: Dimension | None,
    evaluation: Evaluation,
    lang: str,
    key: str,
) -> Table:
    flags = _flags(evaluation)
    h = [
        _header(dimension, lang),
        *(
            label(f"review_metrics.col.{c}", lang)
            for c in (
                "acts",
                "decisions",
                "agreement",
                "interval",
                "to_favourable",
                "to_unfavourable",
                "other_overrides",
                "endorsement",
            )
        ),
    ]
    body = tuple(
        (
            _row_label(m, dimension, lang),
            Cell(str(m.acts)),
            Cell(str(m.decisions)),
            share_cell(m.agreement, lang, (m.scope, "agreement_high") in flags),
            Cell(interval(m.agreement, lang)),
            Cell(str(m.overrides.to_favourable)),
            Cell(str(m.overrides.to_unfavourable)),
            Cell(str(m.overrides.other)),
            share_cell(m.four_eyes_endorsement, lang),
        )
        for m in rows
    )
    return Table(key, label("review_metrics.outcomes", lang), tuple(h), body)


def effort_table(
    rows: Sequence[GroupMetrics],
    dimension: Dimension | None,
    evaluation: Evaluation,
    lang: str,
    key: str,
) -> Table:
    flags = _flags(evaluation)
    fast_seconds = rows[0].fast_seconds if rows else 0
    shown_items = (OpenedItem.inputs, OpenedItem.explanation, OpenedItem.submissions)
    h = [
        _header(dimension, lang),
        label("review_metrics.col.median", lang),
        label("review_metrics.col.p10_p90", lang),
        label("review_metrics.col.mean", lang),
        label("review_metrics.col.fast", lang).format(seconds=format_seconds(fast_seconds, lang)),
        *(
            label("review_metrics.col.opened", lang).format(
                item=label(f"review_metrics.item.{item.value}", lang)
            )
            for item in shown_items
        ),
        label("review_metrics.col.information", lang),
        label("review_metrics.col.escalations", lang),
    ]
    body = tuple(
        (
            _row_label(m, dimension, lang),
            Cell(format_seconds(m.time.median, lang), (m.scope, "median_time_low") in flags),
            Cell(_spread(m, lang)),
            Cell(format_seconds(m.time.mean, lang)),
            share_cell(m.fast, lang, (m.scope, "fast_share_high") in flags),
            *(
                share_cell(m.opened[item], lang, (m.scope, f"opened_low.{item.value}") in flags)
                for item in shown_items
            ),
            share_cell(m.information_requests, lang),
            share_cell(m.escalations, lang),
        )
        for m in rows
    )
    return Table(key, label("review_metrics.effort", lang), tuple(h), body)


def first_view_table(rows: Sequence[GroupMetrics], dimension: Dimension | None, lang: str) -> Table:
    """Where the recommendation was hidden until the reviewer's own first view; no rows
    when no first view was recorded."""
    h = (
        _header(dimension, lang),
        label("review_metrics.col.blind_agreement", lang),
        label("review_metrics.col.switched_to_model", lang),
    )
    body = tuple(
        (
            _row_label(m, dimension, lang),
            share_cell(m.blind_agreement, lang),
            share_cell(m.switched_to_model, lang),
        )
        for m in rows
        if m.blind_agreement.total
    )
    return Table("first-views", label("review_metrics.first_views", lang), h, body)


def _spread(m: GroupMetrics, lang: str) -> str:
    if m.time.p10 is None or m.time.p90 is None:
        return "-"
    return f"{format_decimal(m.time.p10, lang)}–{format_seconds(m.time.p90, lang)}"


def control_table(
    rows: Sequence[GroupMetrics],
    dimension: Dimension | None,
    evaluation: Evaluation,
    lang: str,
    key: str,
) -> Table:
    flags = _flags(evaluation)
    cols = ("control_acts", "caught", "missed", "catch_rate", "kept_right", "changed_right")
    h = [_header(dimension, lang), *(label(f"review_metrics.col.{c}", lang) for c in cols)]
    h.append(label("review_metrics.col.undecided", lang))
    body = tuple(
        (
            _row_label(m, dimension, lang),
            Cell(str(m.control.acts)),
            Cell(str(m.control.caught)),
            Cell(str(m.control.missed)),
            share_cell(m.control.catch_rate, lang, (m.scope, "control_catch_low") in flags),
            Cell(str(m.control.kept_right)),
            Cell(str(m.control.changed_right)),
            Cell(str(m.control.undecided)),
        )
        for m in rows
        if m.control.acts
    )
    return Table(key, label("review_metrics.controls", lang), tuple(h), body)


def agreement_chart(
    by_reviewer: Sequence[GroupMetrics],
    evaluation: Evaluation,
    thresholds: ReviewThresholds,
    lang: str,
) -> str:
    flags = _flags(evaluation)
    bars = [
        Bar(
            label=value_label(Dimension.reviewer, m.scope.value(Dimension.reviewer), lang),
            value=m.agreement.rate or 0.0,
            display=format_percent(m.agreement.rate, lang),
            detail=f"n = {m.agreement.total}",
            flagged=(m.scope, "agreement_high") in flags,
        )
        for m in by_reviewer
        if m.agreement.total
    ]
    return horizontal_bars(
        bars,
        title=label("review_metrics.chart.agreement", lang),
        description=label("review_metrics.chart.agreement_desc", lang),
        marker=Marker(thresholds.max_agreement, format_percent(thresholds.max_agreement, lang)),
        empty_text=label("review_metrics.chart.empty", lang),
    )


def time_chart(overall: GroupMetrics, lang: str) -> str:
    columns = []
    for (low, high), count in zip(bucket_bounds(), overall.time.histogram, strict=True):
        span = f"{low:g}–{high:g}" if high is not None else f"≥ {low:g}"
        columns.append(
            Bar(
                label=span,
                value=count,
                display=str(count),
                detail=label("review_metrics.chart.seconds", lang),
                flagged=high is not None and high <= overall.fast_seconds,
            )
        )
    return column_chart(
        columns if overall.time.count else [],
        title=label("review_metrics.chart.time", lang),
        description=label("review_metrics.chart.time_desc", lang),
        axis_label=label("review_metrics.chart.seconds", lang),
        empty_text=label("review_metrics.chart.empty", lang),
    )


def too_few_lines(items: Sequence[TooFew], lang: str) -> list[str]:
    """One line per scope: which checks it is too small for. A part of the decision with
    nothing at all to count for a check (e.g. a reviewer without control cases) is left
    out: the whole decision's line already says what was not measured."""
    by_scope: dict[Scope, list[TooFew]] = {}
    for item in items:
        if item.size or Dimension.algorithm in item.scope.dimensions[-1:]:
            by_scope.setdefault(item.scope, []).append(item)
    lines = []
    for scope, found in by_scope.items():
        checks = "; ".join(
            label("review_metrics.too_few_item", lang).format(
                check=subject_label(tf.code, tf.item, lang), size=tf.size, minimum=tf.minimum
            )
            for tf in found
        )
        lines.append(f"{scope_label(scope, lang, skip=(Dimension.algorithm,))}: {checks}")
    return lines


def threshold_lines(thresholds: ReviewThresholds, fast_seconds: float, lang: str) -> list[str]:
    th = thresholds
    lines = [
        label("review_metrics.threshold.agreement", lang).format(
            limit=format_percent(th.max_agreement, lang), minimum=th.min_decisions_for_agreement
        ),
        label("review_metrics.threshold.median", lang).format(
            limit=format_seconds(th.min_median_seconds, lang), minimum=th.min_decisions_for_time
        ),
        label("review_metrics.threshold.fast", lang).format(
            limit=format_percent(th.max_fast_share, lang),
            seconds=format_seconds(fast_seconds, lang),
            minimum=th.min_decisions_for_time,
        ),
        label("review_metrics.threshold.control", lang).format(
            limit=format_percent(th.min_catch_rate, lang), minimum=th.min_control_cases
        ),
    ]
    lines += [
        label("review_metrics.threshold.opened", lang).format(
            item=label(f"review_metrics.item.{item.value}", lang),
            limit=format_percent(limit, lang),
            minimum=th.min_decisions_for_opened,
        )
        for item, limit in th.min_opened_share
    ]
    return lines
