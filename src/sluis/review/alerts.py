"""Alerts: where the meaningfulness metrics suggest review is a rubber stamp.

Human involvement keeps a decision out of art. 22(1) GDPR, and satisfies the right to
human intervention of art. 22(3), only when the reviewer can and does change outcomes
after weighing the case (recital 71; CJEU C-634/21 SCHUFA; the Dutch DPA's 2025 guidance
on meaningful human intervention). No number proves that, but some numbers make it
unlikely: near-total agreement with the model, decisions taken in seconds, explanations
and data left unopened, planted errors left standing.

Each check needs a minimum number of observations. Below it the check raises no alert and
says so (:class:`TooFew`): a small group can neither be accused nor cleared. Values are
compared as measured (the point estimate); the Wilson interval is shown beside them.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sluis.i18n.numbers import format_percent, format_seconds
from sluis.law.citations import AP_HUMAN_INTERVENTION, SCHUFA, Citation, gdpr
from sluis.law.findings import Text, t
from sluis.review.facts import OpenedItem
from sluis.review.metrics import GroupMetrics, Scope
from sluis.review.statistics import Proportion
from sluis.review.thresholds import AlertSettings, ReviewThresholds, ThresholdsInvalid


class AlertCode(StrEnum):
    agreement_high = "agreement_high"
    median_time_low = "median_time_low"
    fast_share_high = "fast_share_high"
    control_catch_low = "control_catch_low"
    opened_low = "opened_low"


class Unit(StrEnum):
    share = "share"  # a rate in [0, 1]
    seconds = "seconds"


@dataclass(frozen=True)
class Alert:
    """A metric past its threshold in one scope, with the reason it matters in law."""

    code: AlertCode
    scope: Scope
    measured: float
    threshold: float
    unit: Unit
    size: int  # how many decisions (or control cases) the value rests on
    reason: Text
    articles: tuple[Citation, ...]
    item: OpenedItem | None = None

    @property
    def key(self) -> str:
        return self.code.value if self.item is None else f"{self.code.value}.{self.item.value}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code.value,
            "key": self.key,
            "scope": {d.value: v for d, v in self.scope.parts},
            "measured": self.measured,
            "threshold": self.threshold,
            "unit": self.unit.value,
            "size": self.size,
            "reason": {"nl": self.reason.nl, "en": self.reason.en},
            "articles": [c.label("en") for c in self.articles],
        }


@dataclass(frozen=True)
class TooFew:
    """A check that was not made because the scope holds too few observations."""

    code: AlertCode
    scope: Scope
    size: int
    minimum: int
    reason: Text
    item: OpenedItem | None = None

    @property
    def key(self) -> str:
        return self.code.value if self.item is None else f"{self.code.value}.{self.item.value}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code.value,
            "key": self.key,
            "scope": {d.value: v for d, v in self.scope.parts},
            "size": self.size,
            "minimum": self.minimum,
            "reason": {"nl": self.reason.nl, "en": self.reason.en},
        }


@dataclass(frozen=True)
class Evaluation:
    alerts: tuple[Alert, ...]
    too_few: tuple[TooFew, ...]


ARTICLES: dict[AlertCode, tuple[Citation, ...]] = {
    AlertCode.agreement_high: (gdpr("22(1)"), gdpr("22(3)"), SCHUFA, AP_HUMAN_INTERVENTION),
    AlertCode.median_time_low: (
        gdpr("22(1)"),
        gdpr("22(3)"),
        gdpr("recital 71"),
        AP_HUMAN_INTERVENTION,
    ),
    AlertCode.fast_share_high: (
        gdpr("22(1)"),
        gdpr("22(3)"),
        gdpr("recital 71"),
        AP_HUMAN_INTERVENTION,
    ),
    AlertCode.control_catch_low: (gdpr("22(1)"), gdpr("22(3)"), AP_HUMAN_INTERVENTION),
    AlertCode.opened_low: (
        gdpr("22(1)"),
        gdpr("22(3)"),
        gdpr("recital 71"),
        SCHUFA,
        AP_HUMAN_INTERVENTION,
    ),
}

#: What a reviewer sees when opening each part, for the reasons.
ITEM_PHRASES: dict[OpenedItem, Text] = {
    OpenedItem.inputs: t("de gegevens die het model gebruikte", "the data the model used"),
    OpenedItem.explanation: t(
        "de uitleg bij het voorstel van het model", "the explanation of the model's proposal"
    ),
    OpenedItem.submissions: t("wat de persoon zelf inbracht", "what the person submitted"),
    OpenedItem.history: t("de voorgeschiedenis van de zaak", "the history of the case"),
    OpenedItem.recommendation: t("het advies", "the recommendation"),
}


def alerts(
    metrics: Iterable[GroupMetrics], thresholds: ReviewThresholds | None = None
) -> list[Alert]:
    """Every alert raised by these metrics, ordered by scope and check."""
    return list(evaluate(metrics, thresholds).alerts)


def evaluate(
    metrics: Iterable[GroupMetrics], thresholds: ReviewThresholds | None = None
) -> Evaluation:
    """The alerts, and the checks left unmade because a scope was too small."""
    thresholds = thresholds or ReviewThresholds()
    raised: list[Alert] = []
    too_few: list[TooFew] = []
    for m in sorted(metrics, key=lambda m: m.scope.sort_key()):
        for outcome in _checks(m, thresholds):
            (raised if isinstance(outcome, Alert) else too_few).append(outcome)
    return Evaluation(alerts=tuple(raised), too_few=tuple(too_few))


def _checks(m: GroupMetrics, th: ReviewThresholds) -> list[Alert | TooFew]:
    out: list[Alert | TooFew | None] = [
        _share_check(
            AlertCode.agreement_high,
            m,
            m.agreement,
            th.max_agreement,
            th.min_decisions_for_agreement,
            above=True,
        ),
        _median_check(m, th),
        _share_check(
            AlertCode.fast_share_high,
            m,
            m.fast,
            th.max_fast_share,
            th.min_decisions_for_time,
            above=True,
        ),
        _share_check(
            AlertCode.control_catch_low,
            m,
            m.control.catch_rate,
            th.min_catch_rate,
            th.min_control_cases,
            above=False,
        ),
    ]
    for item, limit in th.min_opened_share:
        out.append(
            _share_check(
                AlertCode.opened_low,
                m,
                m.opened[item],
                limit,
                th.min_decisions_for_opened,
                above=False,
                item=item,
            )
        )
    return [o for o in out if o is not None]


def _share_check(
    code: AlertCode,
    m: GroupMetrics,
    proportion: Proportion,
    limit: float,
    minimum: int,
    *,
    above: bool,
    item: OpenedItem | None = None,
) -> Alert | TooFew | None:
    if proportion.total < minimum:
        return _too_few(code, m.scope, proportion.total, minimum, item)
    rate = proportion.rate
    assert rate is not None  # total >= minimum >= 1
    if (rate > limit) if above else (rate < limit):
        return Alert(
            code=code,
            scope=m.scope,
            measured=rate,
            threshold=limit,
            unit=Unit.share,
            size=proportion.total,
            reason=_reason(code, rate, proportion.total, limit, m.fast_seconds, item),
            articles=ARTICLES[code],
            item=item,
        )
    return None


def _median_check(m: GroupMetrics, th: ReviewThresholds) -> Alert | TooFew | None:
    code = AlertCode.median_time_low
    if m.time.count < th.min_decisions_for_time:
        return _too_few(code, m.scope, m.time.count, th.min_decisions_for_time, None)
    median = m.time.median
    assert median is not None
    if median < th.min_median_seconds:
        return Alert(
            code=code,
            scope=m.scope,
            measured=median,
            threshold=th.min_median_seconds,
            unit=Unit.seconds,
            size=m.time.count,
            reason=_reason(code, median, m.time.count, th.min_median_seconds, m.fast_seconds, None),
            articles=ARTICLES[code],
        )
    return None


def _too_few(
    code: AlertCode, scope: Scope, size: int, minimum: int, item: OpenedItem | None
) -> TooFew:
    what = (
        t("beslissingen", "decisions")
        if code is not AlertCode.control_catch_low
        else t("controlezaken met een fout voorstel", "control cases with a wrong proposal")
    )
    reason = t(
        f"Te weinig {what.nl} om te beoordelen ({size}, minimaal {minimum} nodig): er volgt "
        "geen signaal, maar er valt ook niets uit te sluiten.",
        f"Too few {what.en} to judge ({size}, at least {minimum} needed): no alert is "
        "raised, and none can be ruled out either.",
    )
    return TooFew(code=code, scope=scope, size=size, minimum=minimum, reason=reason, item=item)


def _reason(
    code: AlertCode,
    value: float,
    size: int,
    limit: float,
    fast_seconds: float,
    item: OpenedItem | None,
) -> Text:
    def text(lang: str) -> str:
        pct = format_percent(value, lang)
        secs = format_seconds(value, lang)
        lim_pct = format_percent(limit, lang)
        lim_secs = format_seconds(limit, lang)
        fast = format_seconds(fast_seconds, lang)
        phrase = ITEM_PHRASES[item].get(lang) if item is not None else ""
        sentence = _WORDING[code][0 if lang == "nl" else 1].format(
            pct=pct, secs=secs, n=size, lim_pct=lim_pct, lim_secs=lim_secs, fast=fast, item=phrase
        )
        return sentence[0].upper() + sentence[1:]

    return t(text("nl"), text("en"))


# Our own words; {placeholders} are filled per alert. (nl, en)
_WORDING: dict[AlertCode, tuple[str, str]] = {
    AlertCode.agreement_high: (
        "In {pct} van {n} beslissingen bleef de uitkomst die het model voorstelde staan "
        "(signaal boven {lim_pct}). Wie vrijwel nooit van het model afwijkt, neemt de "
        "uitkomst waarschijnlijk routinematig over. Zo'n menselijke rol maakt een besluit niet "
        "minder uitsluitend geautomatiseerd: geeft de geautomatiseerde uitkomst in de praktijk "
        "de doorslag, dan valt het besluit onder art. 22 lid 1 AVG (HvJ EU C-634/21, SCHUFA), "
        "en wordt het recht op menselijke tussenkomst van art. 22 lid 3 niet echt geboden. Ga "
        "na of beoordelaars de tijd, de informatie en de bevoegdheid hebben om anders te "
        "beslissen.",
        "The outcome the model proposed was kept in {pct} of {n} decisions (alert above "
        "{lim_pct}). A reviewer who almost never departs from the model is probably applying "
        "its output as a routine. Such a human role does not make a decision any less solely "
        "automated: when the automated result settles the outcome in practice, the decision "
        "falls under GDPR art. 22(1) (CJEU C-634/21, SCHUFA), and the right to human "
        "intervention of art. 22(3) is not really offered. Check whether reviewers have the "
        "time, the information and the authority to decide otherwise.",
    ),
    AlertCode.median_time_low: (
        "De mediane tijd per beslissing was {secs} (signaal onder {lim_secs}): de helft van "
        "de {n} beslissingen kostte niet meer dan dat. In zo weinig tijd kan een "
        "beoordelaar de zaak en de eigen inbreng van de persoon nauwelijks wegen. Een "
        "beoordeling die de uitkomst in de praktijk niet kan veranderen, telt niet als "
        "menselijke tussenkomst (art. 22 lid 1 en 3 AVG, overweging 71).",
        "The median time per decision was {secs} (alert below {lim_secs}): half of the {n} "
        "decisions took no longer than that. So little time hardly lets a reviewer weigh "
        "the case and what the person put forward. Review that cannot change the outcome in "
        "practice does not count as human intervention (GDPR art. 22(1) and (3), recital "
        "71).",
    ),
    AlertCode.fast_share_high: (
        "{pct} van {n} beslissingen kostte minder dan {fast} (signaal boven {lim_pct}). Zulke "
        "snelle beslissingen wijzen op afvinken in plaats van wegen; menselijke tussenkomst "
        "moet een echte nieuwe beoordeling zijn (art. 22 lid 1 en 3 AVG, overweging 71).",
        "{pct} of {n} decisions took less than {fast} (alert above {lim_pct}). Decisions this "
        "fast point to ticking boxes rather than weighing the case; human intervention must "
        "be a real fresh assessment (GDPR art. 22(1) and (3), recital 71).",
    ),
    AlertCode.control_catch_low: (
        "Van {n} geplante controlezaken met een fout voorstel werd {pct} gecorrigeerd "
        "(signaal onder {lim_pct}). Wie bekende fouten laat staan, verandert ook een verkeerde "
        "uitkomst niet betrouwbaar, en juist dat moet menselijke tussenkomst kunnen (art. 22 "
        "lid 3 AVG). Blijft de fout staan, dan is de beoordeling in feite geautomatiseerd "
        "(art. 22 lid 1).",
        "Of {n} planted control cases with a wrong proposal, {pct} were corrected (alert below "
        "{lim_pct}). Reviewers who leave known errors standing do not reliably change a wrong "
        "outcome either, and that is exactly what human intervention must be able to do (GDPR "
        "art. 22(3)). Where the error stands, the decision is in effect automated (art. "
        "22(1)).",
    ),
    AlertCode.opened_low: (
        "Bij {pct} van {n} beslissingen werd {item} geopend (signaal onder {lim_pct}). Wie "
        "dat niet bekijkt, weegt niet alle relevante gegevens en kan het voorstel van het model "
        "niet toetsen; dan geeft de geautomatiseerde uitkomst de doorslag (art. 22 lid 1 en 3 "
        "AVG, overweging 71; HvJ EU C-634/21, SCHUFA).",
        "{item} was opened in {pct} of {n} decisions (alert below {lim_pct}). A reviewer who "
        "does not look at it does not weigh all relevant data and cannot test the model's "
        "proposal, so the automated result decides (GDPR art. 22(1) and (3), recital 71; CJEU "
        "C-634/21, SCHUFA).",
    ),
}


__all__ = [
    "Alert",
    "AlertCode",
    "AlertSettings",
    "Evaluation",
    "ReviewThresholds",
    "ThresholdsInvalid",
    "TooFew",
    "Unit",
    "alerts",
    "evaluate",
]
