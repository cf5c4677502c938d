"""The fairness report in one language: the view every format of the report renders
(``report``), built from a snapshot's result document, so Markdown, HTML and PDF show the
same numbers. Only aggregates: counts and shares per group."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sluis.i18n import label, translator
from sluis.i18n.numbers import format_decimal, format_percent
from sluis.reports.charts import Bar, Marker, horizontal_bars
from sluis.review.alerts import AlertCode
from sluis.review.facts import OpenedItem
from sluis.review.report_tables import Cell, Table, check_label

Result = dict[str, Any]


@dataclass(frozen=True)
class AlertView:
    id: str
    severity: str
    title: str
    text: str
    sources: str


@dataclass(frozen=True)
class AttributeView:
    attribute: str
    tables: tuple[Table, ...]
    chart: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class DecisionView:
    decision_id: str
    description: str
    facts: tuple[str, ...]
    attributes: tuple[AttributeView, ...]
    cluster: tuple[str, ...]
    cluster_table: Table | None


@dataclass(frozen=True)
class ReportView:
    title: str
    algorithm: str
    meta: str
    alerts: tuple[AlertView, ...]
    data: tuple[str, ...]
    basis: tuple[str, ...]
    attributes: Table
    thresholds: tuple[str, ...]
    decisions: tuple[DecisionView, ...]
    reviewers: tuple[Table, ...]
    review_alerts: tuple[AlertView, ...]
    months: Table
    method: str
    footer: str
    extra: dict[str, Any] = field(default_factory=dict)


def _points(value: float | None, lang: str) -> str:
    if value is None:
        return "-"
    sign = "+" if value > 0 else ""
    return f"{sign}{format_decimal(value * 100, lang)}"


def _alert(a: Result, lang: str) -> AlertView:
    sources = a.get("articles_nl" if lang == "nl" else "articles") or []
    return AlertView(
        id=a["id"],
        severity=label(f"fairness.alert.severity.{a['severity']}", lang),
        title=label(f"fairness.alert.kind.{a['kind']}", lang),
        text=a["text"][lang],
        sources="; ".join(sources),
    )


def _review_alert(a: Result, lang: str) -> AlertView:
    item = a["key"].partition(".")[2]
    return AlertView(
        id=f"{a.get('decision_id')}:{a['key']}",
        severity="",
        title=check_label(AlertCode(a["code"]), OpenedItem(item) if item else None, lang),
        text=a["reason"][lang],
        sources="; ".join(a.get("articles", [])),
    )


def _comparison_row(c: Result, lang: str) -> tuple[Cell, ...]:
    rate = format_percent(c["rate"], lang)
    bounds = ""
    if c["rate_low"] is not None and c["rate_high"] is not None:
        bounds = f"{format_percent(c['rate_low'], lang)}–{format_percent(c['rate_high'], lang)}"
    difference = _points(c["difference"], lang)
    if c["difference_low"] is not None:
        interval = f"{_points(c['difference_low'], lang)} … {_points(c['difference_high'], lang)}"
    else:
        interval = label("fairness_report.small", lang)
    ratio = "-" if c["disparity_ratio"] is None else format_decimal(c["disparity_ratio"], lang, 2)
    worse = c["worse"]
    return (
        Cell(c["group"]),
        Cell(str(c["n"])),
        Cell(rate, flagged=worse, detail=bounds),
        Cell(format_percent(c["rest_rate"], lang)),
        Cell(difference, flagged=worse, detail=interval),
        Cell(ratio, flagged=worse),
    )


def _headers(lang: str, first: str) -> tuple[str, ...]:
    _ = translator(lang)
    return (
        first,
        _("fairness_report.n"),
        _("fairness_report.rate"),
        _("fairness_report.rest_rate"),
        _("fairness_report.difference"),
        _("fairness.disparity_ratio"),
    )


def _chart(attribute: Result, lang: str) -> str:
    rows = attribute["favourable"]
    total_n = sum(c["n"] for c in rows)
    overall = sum(c["successes"] for c in rows) / total_n if total_n else 0.0
    bars = [
        Bar(
            label=c["group"],
            value=c["rate"] or 0.0,
            display=format_percent(c["rate"], lang),
            detail=f"n = {c['n']}",
            flagged=c["worse"],
        )
        for c in rows
    ]
    title = label("fairness_report.favourable_caption", lang).format(
        attribute=attribute["attribute"]
    )
    return horizontal_bars(
        bars,
        title=title,
        description=label("fairness_report.chart", lang),
        marker=Marker(overall, format_percent(overall, lang)),
    )


def _attribute(a: Result, lang: str) -> AttributeView:
    _ = translator(lang)
    name = a["attribute"]
    tables = [
        Table(
            key=f"favourable-{name}",
            caption=_("fairness_report.favourable_caption").format(attribute=name),
            headers=_headers(lang, _("fairness.group")),
            rows=tuple(_comparison_row(c, lang) for c in a["favourable"]),
        )
    ]
    if a["errors"]:
        rows = tuple(
            (Cell(label(f"fairness.metric.{c['metric']}", lang)), *_comparison_row(c, lang))
            for c in a["errors"]
        )
        headers = (_("fairness_report.metric"), *_headers(lang, _("fairness.group")))
        caption = _("fairness_report.errors_caption").format(attribute=name)
        tables.append(Table(f"errors-{name}", caption, headers, rows))
    notes = []
    if a["unknown"]:
        notes.append(_("fairness_report.unknown").format(n=a["unknown"]))
    if a["small_groups"]:
        notes.append(f"{_('fairness.small_group')}: {', '.join(a['small_groups'])}")
    summary = [
        f"{_('fairness.summary.' + k)}: {format_decimal(v, lang, 3)}"
        for k, v in a["summary"].items()
        if v is not None
    ]
    if summary:
        notes.append(f"{_('fairness_report.summary')}: " + "; ".join(summary))
    return AttributeView(name, tuple(tables), _chart(a, lang), tuple(notes))


def _cluster(d: Result, lang: str) -> tuple[tuple[str, ...], Table | None]:
    _ = translator(lang)
    if d.get("cluster_note"):
        return (_(f"fairness_report.cluster_skipped.{d['cluster_note']}"),), None
    c = d.get("cluster")
    if not c:
        return (), None
    p = c["p_value"]
    if p is None:
        p_text = "= -"
    elif p < 1e-4:
        p_text = f"< {format_decimal(1e-4, lang, 4)}"
    else:
        p_text = f"= {format_decimal(p, lang, 4)}"
    lines = [
        _("fairness_report.cluster_result").format(
            n=c["cluster_size"],
            mean=format_decimal(c["cluster_mean"] or 0.0, lang, 3),
            rest=format_decimal(c["rest_mean"] or 0.0, lang, 3),
            p=p_text,
        )
    ]
    if not c["worse"]:
        lines.append(_("fairness_report.cluster_none"))
        return tuple(lines), None
    rows = tuple(
        (
            Cell(f"{f['feature']} = {f['value']}" if f["value"] is not None else f["feature"]),
            Cell(format_percent(f["cluster"], lang)),
            Cell(format_percent(f["rest"], lang)),
        )
        for f in c["features"]
        if f["significant"]
    )
    headers = (_("fairness_report.feature"), _("fairness_report.in_cluster"), _("fairness.rest"))
    return tuple(lines), Table("cluster", _("fairness.cluster.features"), headers, rows)


def _decision(d: Result, lang: str) -> DecisionView:
    _ = translator(lang)
    facts = (
        f"{_('fairness_report.decisions')}: {d['decisions']}",
        f"{_('fairness_report.monitored')}: {d['monitored']}",
        f"{_('fairness_report.judged')}: {d['judged']}",
        f"{_('fairness_report.labelled')}: {d['labelled']}",
    )
    lines, table = _cluster(d, lang)
    if d.get("unlabelled_attributes"):
        unlabelled = ", ".join(d["unlabelled_attributes"])
        facts = (*facts, f"{_('fairness_report.unlabelled')}: {unlabelled}")
    return DecisionView(
        decision_id=d["decision_id"],
        description=d.get("description") or "",
        facts=facts,
        attributes=tuple(_attribute(a, lang) for a in d["attributes"]),
        cluster=lines,
        cluster_table=table,
    )


def _reviewers(r: Result, lang: str) -> tuple[Table, ...]:
    _ = translator(lang)
    tables = []
    wanted = ("adverse_override_rate", "favourable_override_rate")
    for a in r.get("attributes", []):
        rows = tuple(
            (Cell(label(f"fairness.metric.{c['metric']}", lang)), *_comparison_row(c, lang))
            for c in a["comparisons"]
            if c["metric"] in wanted and c["n"]
        )
        if rows:
            caption = _("fairness_report.reviewers_caption").format(attribute=a["attribute"])
            headers = (_("fairness_report.metric"), *_headers(lang, _("fairness.group")))
            tables.append(Table(f"reviewers-{a['attribute']}", caption, headers, rows))
    return tuple(tables)


def _basis(r: Result, lang: str) -> tuple[tuple[str, ...], Table]:
    _ = translator(lang)
    b = r["basis"]
    basis = b["legal_basis"]
    lines = [_("fairness_report.basis_text")]
    if basis.get("article6"):
        lines.append(f"{_('fairness_report.article6')}: {_('art30.basis.' + basis['article6'])}")
    if basis.get("law"):
        lines.append(f"{_('fairness_report.law')}: {basis['law']}")
    if b.get("art9_exception"):
        lines.append(f"{_('fairness_report.art9')}: {b['art9_exception']}")
    lines.append(
        f"{_('fairness_report.retention')}: {b['retention_months']} {_('fairness_report.months')}"
    )
    purged = r["purged"]
    lines.append(
        f"{_('fairness_report.purged')}: {purged['attributes']} / {purged['ground_truth']}"
    )
    lines.append(
        f"{_('fairness_report.sources')}: "
        + "; ".join(b["articles_nl" if lang == "nl" else "articles"])
    )
    rows = tuple(
        (
            Cell(a["name"]),
            Cell(label(f"fairness_report.ground.{a['ground']}", lang)),
            Cell(", ".join(a["groups"])),
        )
        for a in b["attributes"]
    )
    headers = (_("fairness.attribute"), _("fairness_report.ground"), _("fairness_report.groups"))
    return tuple(lines), Table("attributes", _("fairness_report.attributes"), headers, rows)


def _months(r: Result, lang: str) -> Table:
    _ = translator(lang)
    rows = tuple(
        (
            Cell(m["month"]),
            Cell(str(m["decisions"])),
            Cell(format_percent(m["favourable"] / m["judged"] if m["judged"] else None, lang)),
        )
        for m in r["months"]
    )
    headers = (
        _("fairness_report.month"),
        _("fairness_report.decisions"),
        _("fairness_report.favourable_share"),
    )
    return Table("months", _("fairness_report.per_month"), headers, rows)


def _moment(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return iso


def report_view(result: Result, computed_at: str, lang: str) -> ReportView:
    """The report in one language, from a snapshot's result document."""
    _ = translator(lang)
    t = result["thresholds"]
    totals = result["totals"]
    basis, attributes = _basis(result, lang)
    return ReportView(
        title=_("fairness_report.title"),
        algorithm=f"{result['profile_name']} ({result['algorithm']})",
        meta=(
            f"{_('fairness_report.computed_at')} {_moment(computed_at)} · "
            f"{_('fairness_report.profile_version')} {result['profile_version']}"
        ),
        alerts=tuple(_alert(a, lang) for a in result["alerts"]),
        data=(
            f"{_('fairness_report.decisions')}: {totals['decisions']}",
            f"{_('fairness_report.monitored')}: {totals['monitored']}",
            f"{_('fairness_report.judged')}: {totals['judged']}",
            f"{_('fairness_report.labelled')}: {totals['labelled']}",
        ),
        basis=basis,
        attributes=attributes,
        thresholds=(
            f"{_('fairness_report.min_group_size')}: {t['min_group_size']}",
            f"{_('fairness_report.ratio')}: {format_decimal(t['ratio'], lang, 2)}",
            f"{_('fairness_report.alpha')}: {format_percent(t['alpha'], lang)}",
            f"{_('fairness_report.min_difference')}: {_points(t['min_difference'], lang)}",
        ),
        decisions=tuple(_decision(d, lang) for d in result["decisions"]),
        reviewers=_reviewers(result["reviewers"], lang),
        review_alerts=tuple(_review_alert(a, lang) for a in result["review_alerts"]),
        months=_months(result, lang),
        method=_("fairness_report.method"),
        footer=_("fairness_report.no_personal_data"),
    )


__all__ = ["AlertView", "AttributeView", "DecisionView", "ReportView", "report_view"]
