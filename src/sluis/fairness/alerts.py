"""Fairness alerts: where the monitoring shows a group, or a cluster, clearly worse off.

A comparison raises an alert only when all of these hold:

- the group and the rest it is compared with are at least ``min_group_size`` people in the
  metric's denominator (small groups are never alerted on: they can neither be accused nor
  cleared);
- the data show the group worse off beyond chance: the difference's interval, corrected
  for the number of comparisons the report makes (Bonferroni), lies wholly on the worse
  side, so a report on data without real disparities raises a false alarm with
  probability at most ``alpha``;
- the gap is at least ``min_difference``.

Severity ``high`` when the disparity ratio also crosses the four-fifths threshold
(``ratio``), else ``medium``: a clear but smaller gap.

Why it matters in law, in our words: fair processing (GDPR art. 5(1)(a)) rules out
processing that disadvantages people unjustifiably, which the Dutch DPA found in the
childcare-benefit risk model's use of nationality; solely automated decisions need
measures against discriminatory effects (art. 22(3), recital 71); a high-risk AI system's
data must be examined for bias (AI Act art. 10(2)(f)-(g)); an administrative body may not
discriminate on any ground (art. 1 Grondwet); and indirect distinction on a ground of the
Equal Treatment Act is allowed only with an objective justification (AWGB art. 1, 2(1)).
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sluis.fairness.clusters import ClusterReport, FeatureDifference
from sluis.fairness.comparison import GroupComparison, Metric
from sluis.fairness.groups import GroupReport
from sluis.fairness.reviewers import ReviewerFairnessReport
from sluis.fairness.thresholds import Thresholds
from sluis.i18n import label
from sluis.i18n.numbers import format_decimal, format_percent
from sluis.law.citations import (
    AP_DISCRIMINATION,
    AP_HUMAN_INTERVENTION,
    Citation,
    ai_act,
    awgb,
    gdpr,
    grondwet,
)
from sluis.law.findings import Text, t


class ProtectedGround(StrEnum):
    """The protected ground a group attribute stands for (or stands in for)."""

    sex = "sex"
    race_or_origin = "race_or_origin"
    nationality = "nationality"
    religion = "religion"
    belief = "belief"
    political_opinion = "political_opinion"
    sexual_orientation = "sexual_orientation"
    civil_status = "civil_status"
    age = "age"
    disability = "disability"
    other = "other"


#: The grounds of the Equal Treatment Act (AWGB art. 1).
AWGB_GROUNDS = frozenset(
    {
        ProtectedGround.sex,
        ProtectedGround.race_or_origin,
        ProtectedGround.nationality,
        ProtectedGround.religion,
        ProtectedGround.belief,
        ProtectedGround.political_opinion,
        ProtectedGround.sexual_orientation,
        ProtectedGround.civil_status,
    }
)


@dataclass(frozen=True)
class LegalContext:
    """What the law needs to know about the algorithm to cite the right articles; a later
    service fills it from the profile and its assessment. Unknown (None) facts add no
    citation: Sluis does not assume them.

    ``administrative_body``: the controller is a bestuursorgaan (administrative body).
    ``solely_automated``: its decisions fall under GDPR art. 22.
    ``high_risk_ai``: a high-risk AI system under the AI Act (Annex III).
    ``grounds``: per group attribute, the protected ground it stands for.
    """

    administrative_body: bool | None = None
    solely_automated: bool | None = None
    high_risk_ai: bool | None = None
    grounds: Mapping[str, ProtectedGround] = field(default_factory=dict)


class AlertKind(StrEnum):
    group_disparity = "group_disparity"  # outcomes differ between groups
    error_disparity = "error_disparity"  # errors differ between groups (ground truth)
    cluster_disparity = "cluster_disparity"  # a cluster found without naming groups
    reviewer_disparity = "reviewer_disparity"  # human reviewers treat groups differently


class Severity(StrEnum):
    high = "high"  # clear and past the four-fifths threshold
    medium = "medium"  # clear, smaller


@dataclass(frozen=True)
class Alert:
    """One alert: what, about whom (an attribute and group, or a cluster), the figures it
    rests on, the reason in both languages and the articles behind it."""

    id: str
    kind: AlertKind
    severity: Severity
    metric: Metric | None
    attribute: str | None
    group: str | None
    figures: Mapping[str, float | int | None]
    text: Text
    articles: tuple[Citation, ...]


def _articles(context: LegalContext, ground: ProtectedGround | None) -> list[Citation]:
    out = [gdpr("5(1)(a)")]
    if context.solely_automated:
        out += [gdpr("22(3)"), gdpr("recital 71")]
    if context.high_risk_ai:
        out += [ai_act("10(2)(f)"), ai_act("10(2)(g)")]
    if context.administrative_body:
        out.append(grondwet("1"))
    if ground in AWGB_GROUNDS:
        out += [awgb("1"), awgb("2(1)")]
    if ground in (ProtectedGround.nationality, ProtectedGround.race_or_origin):
        out.append(AP_DISCRIMINATION)
    return out


def _raises(c: GroupComparison, thresholds: Thresholds) -> bool:
    return (
        c.eligible
        and c.worse
        and c.difference is not None
        and abs(c.difference) >= thresholds.min_difference
    )


def _severity(disparity_ratio: float | None, thresholds: Thresholds) -> Severity:
    crossed = disparity_ratio is not None and disparity_ratio < thresholds.ratio
    return Severity.high if crossed else Severity.medium


def _points(value: float | None, lang: str) -> str:
    """A difference of rates in percentage points, signed."""
    if value is None:
        return "-"
    sign = "+" if value > 0 else ""
    return f"{sign}{format_decimal(value * 100, lang)}"


def _comparison_text(c: GroupComparison, thresholds: Thresholds, advice: Text) -> Text:
    def say(lang: str) -> str:
        metric = label(f"fairness.metric.{c.metric.value}", lang)
        level = format_decimal(c.confidence * 100, lang, 2)
        rate, rest = format_percent(c.rate, lang), format_percent(c.rest_rate, lang)
        low, high = _points(c.difference_low, lang), _points(c.difference_high, lang)
        ratio = format_decimal(c.disparity_ratio or 0.0, lang, 2)
        limit = format_decimal(thresholds.ratio, lang, 2)
        crossed = c.disparity_ratio is not None and c.disparity_ratio < thresholds.ratio
        if lang == "nl":
            text = (
                f"Groep '{c.group}' ({c.attribute}): {metric} {rate} tegen {rest} bij de rest "
                f"(n = {c.n}; verschil {_points(c.difference, lang)} procentpunt, "
                f"{level}%-interval {low} tot {high}). "
            )
            if crossed:
                text += f"De vier-vijfde-verhouding {ratio} ligt onder de grens van {limit}. "
        else:
            text = (
                f"Group '{c.group}' ({c.attribute}): {metric} {rate} against {rest} for the "
                f"rest (n = {c.n}; difference {_points(c.difference, lang)} points, "
                f"{level}% interval {low} to {high}). "
            )
            if crossed:
                text += f"The four-fifths ratio {ratio} is below the threshold of {limit}. "
        return text + advice.get(lang)

    return t(say("nl"), say("en"))


_GROUP_ADVICE = t(
    "Ga na waardoor het verschil ontstaat en of het objectief te rechtvaardigen is; zo "
    "niet, dan is de verwerking niet eerlijk en kan zij discrimineren.",
    "Find out what causes the difference and whether it can be objectively justified; if "
    "not, the processing is not fair and may discriminate.",
)
_ERROR_ADVICE = t(
    "Het algoritme vergist zich bij deze groep vaker in haar nadeel. Ga na waardoor, en "
    "of de gegevens of het model de groep slechter beschrijven.",
    "The algorithm errs more often to this group's disadvantage. Find out why, and whether "
    "the data or the model describe the group less well.",
)
_REVIEW_ADVICE = t(
    "Beoordelaars behandelen deze groep anders dan het algoritme voorstelde, in haar "
    "nadeel. Menselijke tussenkomst moet fouten herstellen, niet nieuwe ongelijkheid "
    "toevoegen: bespreek de beoordelingen en de instructies.",
    "Reviewers treat this group differently from what the algorithm proposed, to its "
    "disadvantage. Human intervention should correct errors, not add unequal treatment: "
    "discuss the reviews and the instructions.",
)


def _figures(c: GroupComparison) -> dict[str, float | int | None]:
    return {
        "n": c.n,
        "rate": c.rate,
        "rest_n": c.rest_n,
        "rest_rate": c.rest_rate,
        "difference": c.difference,
        "difference_low": c.difference_low,
        "difference_high": c.difference_high,
        "disparity_ratio": c.disparity_ratio,
        "confidence": c.confidence,
    }


def _from_comparisons(
    comparisons: Iterable[GroupComparison],
    thresholds: Thresholds,
    context: LegalContext,
    prefix: str,
    kind_for: dict[Metric, AlertKind],
    extra: tuple[Citation, ...] = (),
) -> list[Alert]:
    out = []
    for c in comparisons:
        if c.metric not in kind_for or not _raises(c, thresholds):
            continue
        kind = kind_for[c.metric]
        advice = {
            AlertKind.group_disparity: _GROUP_ADVICE,
            AlertKind.error_disparity: _ERROR_ADVICE,
            AlertKind.reviewer_disparity: _REVIEW_ADVICE,
        }[kind]
        ground = context.grounds.get(c.attribute)
        out.append(
            Alert(
                id=f"{prefix}.{c.attribute}.{c.group}.{c.metric.value}",
                kind=kind,
                severity=_severity(c.disparity_ratio, thresholds),
                metric=c.metric,
                attribute=c.attribute,
                group=c.group,
                figures=_figures(c),
                text=_comparison_text(c, thresholds, advice),
                articles=tuple(dict.fromkeys([*_articles(context, ground), *extra])),
            )
        )
    return sorted(out, key=lambda a: (a.severity != Severity.high, a.id))


def group_alerts(report: GroupReport, context: LegalContext | None = None) -> list[Alert]:
    """Alerts from group monitoring, high severity first."""
    kinds = {
        Metric.favourable_rate: AlertKind.group_disparity,
        Metric.false_adverse_rate: AlertKind.error_disparity,
        Metric.false_favourable_rate: AlertKind.error_disparity,
        Metric.adverse_hit_rate: AlertKind.error_disparity,
    }
    return _from_comparisons(
        report.comparisons(), report.thresholds, context or LegalContext(), "fairness.group", kinds
    )


def reviewer_alerts(
    report: ReviewerFairnessReport, context: LegalContext | None = None
) -> list[Alert]:
    """Alerts on reviewers treating groups differently, high severity first."""
    kinds = {
        Metric.adverse_override_rate: AlertKind.reviewer_disparity,
        Metric.favourable_override_rate: AlertKind.reviewer_disparity,
    }
    return _from_comparisons(
        report.comparisons,
        report.thresholds,
        context or LegalContext(),
        "fairness.review",
        kinds,
        extra=(gdpr("22(3)"), AP_HUMAN_INTERVENTION),
    )


def _p_value(p: float | None, lang: str) -> str:
    if p is None:
        return "p = -"
    if p < 0.0001:
        return f"p < {format_decimal(0.0001, lang, 4)}"
    return f"p = {format_decimal(p, lang, 4)}"


def _feature_phrase(d: FeatureDifference, lang: str) -> str:
    if d.value is None:
        cluster, rest = format_decimal(d.cluster, lang, 2), format_decimal(d.rest, lang, 2)
        return f"{d.feature} {cluster} / {rest}"
    share, rest = format_percent(d.cluster, lang), format_percent(d.rest, lang)
    return f"{d.feature} = {d.value} {share} / {rest}"


def cluster_alerts(
    report: ClusterReport, context: LegalContext | None = None, features_shown: int = 3
) -> list[Alert]:
    """An alert when the held-out test shows the cluster clearly worse off (see
    ``clusters``), described by its most distinctive features."""
    thresholds = report.thresholds
    context = context or LegalContext()
    difference = report.difference
    if not report.worse or difference is None or abs(difference) < thresholds.min_difference:
        return []
    shown = [d for d in report.features if d.significant][:features_shown]

    def say(lang: str) -> str:
        mean, rest = report.cluster_mean or 0.0, report.rest_mean or 0.0
        traits = "; ".join(_feature_phrase(d, lang) for d in shown) or "-"
        p = _p_value(report.p_value, lang)
        if lang == "nl":
            return (
                f"Zonder vooraf groepen te benoemen vond Sluis een cluster van mensen met een "
                f"lagere gemiddelde uitkomst: {format_decimal(mean, lang, 3)} tegen "
                f"{format_decimal(rest, lang, 3)} bij de rest (n = {report.cluster_size} in de "
                f"toetsdata, {p}). Kenmerkend (cluster / rest): {traits}. Ga na of deze "
                "kenmerken voor een beschermde grond staan en of het verschil objectief te "
                "rechtvaardigen is."
            )
        return (
            f"Without naming groups in advance, Sluis found a cluster of people with a lower "
            f"mean outcome: {format_decimal(mean, lang, 3)} against "
            f"{format_decimal(rest, lang, 3)} for the rest (n = {report.cluster_size} in the "
            f"held-out data, {p}). Distinctive (cluster / rest): {traits}. Check whether "
            "these features stand in for a protected ground and whether the difference can be "
            "objectively justified."
        )

    return [
        Alert(
            id=f"fairness.cluster.{report.most_deviating}",
            kind=AlertKind.cluster_disparity,
            severity=_severity(report.disparity_ratio, thresholds),
            metric=None,
            attribute=None,
            group=None,
            figures={
                "n": report.cluster_size,
                "cluster_mean": report.cluster_mean,
                "rest_mean": report.rest_mean,
                "difference": report.difference,
                "p_value": report.p_value,
                "disparity_ratio": report.disparity_ratio,
            },
            text=t(say("nl"), say("en")),
            articles=tuple(_articles(context, None)),
        )
    ]


__all__ = [
    "AWGB_GROUNDS",
    "Alert",
    "AlertKind",
    "LegalContext",
    "ProtectedGround",
    "Severity",
    "cluster_alerts",
    "group_alerts",
    "reviewer_alerts",
]
