"""What the review desk's pages show, in one language: the case file's inputs with their
field labels, the explanation as rows, the outcomes a reviewer can choose, and refusals
as messages. Pure: the pages hand in what the services returned."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sluis.i18n import label
from sluis.i18n.catalog import message_keys
from sluis.notices.formatting import format_score, format_value, humanise
from sluis.profiles.model import AlgorithmProfile, Decision, NoticeSettings
from sluis.review.problems import ProblemKind, ReviewRefused

#: The HTTP status a page answers a refusal with (as the JSON API does).
STATUS = {
    ProblemKind.not_found: 404,
    ProblemKind.forbidden: 403,
    ProblemKind.conflict: 409,
    ProblemKind.invalid: 422,
}


@dataclass(frozen=True)
class PageError:
    """One reason a form was refused: the field it is about, the message, its sources."""

    field: str
    message: str
    sources: str = ""


def refusal_errors(refused: ReviewRefused, lang: str) -> list[PageError]:
    return [
        PageError(p.field, p.message(lang), "; ".join(a.label(lang) for a in p.articles))
        for p in refused.problems
    ]


def page_error(field: str, rule: str, lang: str, **params: Any) -> PageError:
    """A problem the page itself finds in a form (before any service is asked)."""
    return PageError(field, label(f"review_pages.problem.{rule}", lang).format(**params))


@dataclass(frozen=True)
class InputRow:
    name: str
    label: str
    value: str
    purpose: str | None
    source: str | None


def _settings(profile: AlgorithmProfile | None) -> NoticeSettings:
    return (profile.notice if profile is not None else None) or NoticeSettings()


def field_label(profile: AlgorithmProfile | None, name: str, lang: str) -> str:
    wording = _settings(profile).field_labels.get(name)
    return (wording.get(lang) if wording else None) or humanise(name)


def input_rows(
    profile: AlgorithmProfile | None, inputs: Mapping[str, object], lang: str
) -> list[InputRow]:
    """The decision's inputs in the order the profile declares its fields, each with the
    organisation's words for the field and its value, why it is needed and its source."""
    settings = _settings(profile)
    declared = [f.name for f in profile.data_fields] if profile is not None else []
    order = [n for n in declared if n in inputs] + sorted(set(inputs) - set(declared))
    rows = []
    for name in order:
        value = inputs[name]
        worded = settings.value_labels.get(name, {}).get(value) if isinstance(value, str) else None
        shown = (worded.get(lang) if worded else None) or format_value(value, lang)
        field = profile.field(name) if profile is not None else None
        source = None
        if field is not None and field.source is not None:
            source = field.source_name or humanise(field.source.value)
        rows.append(
            InputRow(name, field_label(profile, name, lang), shown, field and field.purpose, source)
        )
    return rows


@dataclass(frozen=True)
class ExplanationRow:
    name: str
    label: str
    value: str
    basis: str = ""
    detail: str = ""
    direction: str = ""  # for a model: "up" or "down"


@dataclass(frozen=True)
class ExplanationView:
    kind: str
    intro: str
    rows: tuple[ExplanationRow, ...]
    summary: str = ""


def explanation_view(
    profile: AlgorithmProfile | None, explanation: Mapping[str, Any] | None, lang: str
) -> ExplanationView | None:
    """A rule trace as the conditions checked (met or not, with their legal basis); a
    model's contributions largest first, with the direction they pushed the score."""
    if not explanation:
        return None
    kind = str(explanation.get("kind"))
    entries = explanation.get("entries") or []
    intro = label(f"review_pages.explanation.{_kind_key(kind)}", lang)
    if kind == "rule_trace":
        conditions = _settings(profile).conditions
        rows = tuple(
            ExplanationRow(
                name=str(e.get("name")),
                label=_condition(conditions, str(e.get("name")), lang),
                value=label(
                    f"review_pages.condition.{'met' if e.get('value') else 'not_met'}", lang
                ),
                basis=str(e.get("basis") or ""),
                detail=str(e.get("detail") or ""),
            )
            for e in entries
        )
        return ExplanationView(kind, intro, rows)
    ordered = sorted(entries, key=lambda e: -abs(float(e.get("contribution") or 0.0)))
    rows = tuple(
        ExplanationRow(
            name=str(e.get("feature")),
            label=field_label(profile, str(e.get("feature")), lang),
            value=_signed(float(e.get("contribution") or 0.0), lang),
            direction="up" if float(e.get("contribution") or 0.0) >= 0 else "down",
        )
        for e in ordered
    )
    summary = label("review_pages.explanation.base_value", lang).format(
        base=format_score(explanation.get("base"), lang),
        value=format_score(explanation.get("value"), lang),
        space=explanation.get("space") or "-",
    )
    return ExplanationView(kind, intro, rows, summary)


def _kind_key(kind: str) -> str:
    return kind if kind in ("rule_trace", "linear_contributions", "shap_contributions") else "other"


def _condition(conditions: Mapping[str, Any], name: str, lang: str) -> str:
    wording = conditions.get(name)
    return (wording.get(lang) if wording else None) or humanise(name)


def _signed(value: float, lang: str) -> str:
    text = format_score(abs(value), lang)
    return f"+{text}" if value >= 0 else f"−{text}"


@dataclass(frozen=True)
class OutcomeChoice:
    value: str
    label: str
    favourable: bool | None


def outcome_choices(
    profile: AlgorithmProfile | None,
    declared: Mapping[str, bool | None],
    lang: str,
) -> list[OutcomeChoice]:
    """The outcomes the decision declares, in the organisation's words where it has them."""
    wording = _settings(profile).outcomes
    choices = []
    for value, favourable in declared.items():
        worded = wording.get(value)
        text = worded.label.get(lang) if worded and worded.label else None
        choices.append(OutcomeChoice(value, f"{text} ({value})" if text else value, favourable))
    return choices


def decision_of(profile: AlgorithmProfile | None, decision_id: str) -> Decision | None:
    if profile is None:
        return None
    return next((d for d in profile.decisions if d.id == decision_id), None)


def route_reason_label(code: str, lang: str) -> str:
    key = f"review_pages.route.{code}"
    return label(key, lang) if key in message_keys() else humanise(code)


def route_reasons(reasons: Sequence[Mapping[str, Any]], lang: str) -> list[tuple[str, str]]:
    """Why the gateway sent the decision to a human: (words, sources) per reason."""
    return [
        (route_reason_label(str(r.get("code")), lang), "; ".join(r.get("articles") or ()))
        for r in reasons
    ]


__all__ = [
    "STATUS",
    "ExplanationRow",
    "ExplanationView",
    "InputRow",
    "OutcomeChoice",
    "PageError",
    "decision_of",
    "explanation_view",
    "field_label",
    "input_rows",
    "outcome_choices",
    "page_error",
    "refusal_errors",
    "route_reasons",
]
