"""The assessment's result types: the stable, documented JSON shape (``sluis.assessment/1``).

Field names here are a public contract for other tools; add fields, never rename or remove
them without bumping ``ASSESSMENT_FORMAT``.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, field_serializer

from sluis.law.citations import Citation
from sluis.law.findings import Finding, FindingKind, Text

ASSESSMENT_FORMAT = "sluis.assessment/1"


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class _Cited(_Result):
    articles: tuple[Citation, ...] = ()

    @field_serializer("articles")
    def _labels(self, articles: tuple[Citation, ...]) -> list[str]:
        return [c.label("en") for c in articles]


class Reasoned(_Cited):
    """A tri-state conclusion (true, false, or null when facts are missing) with reasons."""

    value: bool | None
    reasons: tuple[Text, ...] = ()


class Art22Exception(StrEnum):
    contract = "contract"  # art. 22(2)(a)
    law = "law"  # art. 22(2)(b), in NL also via UAVG art. 40
    explicit_consent = "explicit_consent"  # art. 22(2)(c)


class Art22Verdict(StrEnum):
    not_applicable = "not_applicable"
    prohibited = "prohibited"
    allowed_with_safeguards = "allowed_with_safeguards"
    unknown = "unknown"


# Order of gravity when several decisions are combined: the worst one governs.
VERDICT_GRAVITY = {
    Art22Verdict.prohibited: 3,
    Art22Verdict.unknown: 2,
    Art22Verdict.allowed_with_safeguards: 1,
    Art22Verdict.not_applicable: 0,
}


class Safeguard(_Cited):
    id: str
    text: Text


class Art22Conditions(_Result):
    decision: Reasoned
    solely_automated: Reasoned
    significant_effect: Reasoned


class DecisionArt22(_Result):
    """Art. 22 for one decision the algorithm takes part in."""

    decision_id: str
    applies: bool | None
    conditions: Art22Conditions
    exception: Art22Exception | None
    exception_reasoning: Reasoned
    verdict: Art22Verdict
    risk_selection_doctrine: bool
    safeguards: tuple[Safeguard, ...] = ()


class Art22Result(_Result):
    """Art. 22 for the whole algorithm: the gravest decision governs the summary fields."""

    applies: bool | None
    conditions: Art22Conditions | None
    exception: Art22Exception | None
    verdict: Art22Verdict
    safeguards: tuple[Safeguard, ...]
    governing_decision: str | None
    decisions: tuple[DecisionArt22, ...]


class DpiaVerdict(StrEnum):
    required = "required"
    recommended = "recommended"
    not_required = "not_required"


class DpiaCriterion(_Cited):
    """One of the nine criteria of WP248 rev.01, numbered as there."""

    number: int
    key: str
    title: Text
    met: bool | None
    reasons: tuple[Text, ...] = ()


class Art35Case(_Cited):
    """A case of GDPR art. 35(3) where a DPIA is always required."""

    point: str
    applies: bool | None
    reasons: tuple[Text, ...] = ()


class NlListCategory(_Cited):
    """A category of the Dutch DPA's list of processing that always needs a DPIA."""

    number: int
    key: str
    title: Text
    reasons: tuple[Text, ...] = ()


class DpiaResult(_Result):
    required: DpiaVerdict
    reasons: tuple[Text, ...]
    criteria: tuple[DpiaCriterion, ...]
    criteria_met: tuple[int, ...]
    art35_3: tuple[Art35Case, ...]
    nl_list: tuple[NlListCategory, ...]


class PriorConsultation(_Cited):
    required: bool | None
    reasons: tuple[Text, ...] = ()


class Duty(_Cited):
    """A transparency or documentation duty that follows from the profile."""

    id: str
    text: Text


class ProfileRef(_Result):
    id: str
    name: str
    version: int | None = None


class Assessment(_Result):
    format: str = ASSESSMENT_FORMAT
    engine_version: str
    profile: ProfileRef
    art22: Art22Result
    dpia: DpiaResult
    prior_consultation: PriorConsultation
    transparency: tuple[Duty, ...]
    findings: tuple[Finding, ...]

    @property
    def open_questions(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind is FindingKind.open_question)

    def to_json_dict(self) -> dict:
        data = self.model_dump(mode="json")
        data["open_questions"] = [f["id"] for f in data["findings"] if f["kind"] == "open_question"]
        return data
