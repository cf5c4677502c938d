"""The DPIA document as a value: sections, risks, measures, DPO advice and signatures.

The sections follow what GDPR art. 35(7) asks of a DPIA, in the order the Dutch
government's Model DPIA Rijksdienst (Rapportagemodel 3.0) uses; each section notes which
paragraph of that model it covers. Pure (Pydantic, frozen), no I/O.

Residual risk is never typed in: it is computed from the measures linked to a risk. Each
measure claims by how many steps it lowers a risk's likelihood and impact; the residual
likelihood (impact) is the lowest any linked measure claims, never below 1. Claims do not
add up, because two measures aimed at the same cause seldom halve a risk twice — a
combined effect must be claimed, and justified, by one measure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from sluis.dpia_document.matrix import (
    HIGH_LEVELS,
    PlottedRisk,
    RiskLevel,
    highest,
    level,
    score,
)
from sluis.dpia_document.sections import (
    SECTION_SPECS,
    TEXT_SECTIONS,
    SectionKey,
    SectionSpec,
    section_title,
)
from sluis.law.citations import gdpr
from sluis.law.findings import Text, t
from sluis.law.results import DpiaVerdict

DPIA_FORMAT = "sluis.dpia/1"
#: The open-point marker: prefilled text puts ``[[what is missing]]`` where the profile
#: lacks a fact; a document is not adopted while any section still contains one.
OPEN_POINT = "[["

Line = Annotated[str, StringConstraints(max_length=200, strip_whitespace=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Prose = Annotated[str, StringConstraints(max_length=20_000)]
RiskId = Annotated[str, StringConstraints(pattern=r"^R[0-9]{1,3}$")]
MeasureId = Annotated[str, StringConstraints(pattern=r"^M[0-9]{1,3}$")]
Step = Annotated[int, Field(ge=1, le=4)]
Reduction = Annotated[int, Field(ge=0, le=3)]


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DpiaState(StrEnum):
    """draft → ready_for_advice → advised → adopted (see ``lifecycle``)."""

    draft = "draft"
    ready_for_advice = "ready_for_advice"
    advised = "advised"
    adopted = "adopted"


class Section(_Value):
    key: SectionKey
    title: Text
    prefill: Text = Field(description="What Sluis derived from the profile and assessment.")
    text: Prose = Field(default="", description="The section as the user wrote it.")
    source: Text = Field(description="Where the prefilled text came from.")

    @property
    def number(self) -> int:
        return SECTION_SPECS[self.key].number

    @property
    def has_open_points(self) -> bool:
        return OPEN_POINT in self.text


class Risk(_Value):
    id: RiskId
    title: Name
    description: Prose = ""
    affected_rights: tuple[Line, ...] = ()
    likelihood: Step
    impact: Step
    justification: Prose = Field(default="", description="Why this likelihood and impact.")
    origin: Line | None = Field(
        default=None, description="The assessment finding or criterion that suggested it."
    )
    confirmed: bool = Field(
        default=False, description="The user confirmed the (suggested) estimate."
    )
    residual_justification: Prose = Field(
        default="", description="Why the residual risk is what the measures claim."
    )

    @property
    def score(self) -> int:
        return score(self.likelihood, self.impact)

    @property
    def level(self) -> RiskLevel:
        return level(self.likelihood, self.impact)


class MeasureStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    implemented = "implemented"


class MeasureEffect(_Value):
    """What a measure claims for one risk: how many steps lower likelihood and impact."""

    risk_id: RiskId
    likelihood_reduction: Reduction = 0
    impact_reduction: Reduction = 0


class Measure(_Value):
    id: MeasureId
    description: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    owner: Line = ""
    status: MeasureStatus = MeasureStatus.planned
    effects: tuple[MeasureEffect, ...] = ()

    @property
    def risk_ids(self) -> tuple[str, ...]:
        return tuple(e.risk_id for e in self.effects)

    def effect_on(self, risk_id: str) -> MeasureEffect | None:
        return next((e for e in self.effects if e.risk_id == risk_id), None)

    @model_validator(mode="after")
    def _one_effect_per_risk(self) -> Measure:
        seen = [e.risk_id for e in self.effects]
        if len(seen) != len(set(seen)):
            raise ValueError("effects: each risk may be linked once")
        return self


@dataclass(frozen=True)
class ResidualRisk:
    risk_id: str
    likelihood: int
    impact: int
    measure_ids: tuple[str, ...]

    @property
    def score(self) -> int:
        return score(self.likelihood, self.impact)

    @property
    def level(self) -> RiskLevel:
        return level(self.likelihood, self.impact)


def residual_risk(risk: Risk, measures: tuple[Measure, ...]) -> ResidualRisk:
    """The lowest likelihood and impact the linked measures claim, never below 1."""
    likelihood, impact, linked = risk.likelihood, risk.impact, []
    for measure in measures:
        effect = measure.effect_on(risk.id)
        if effect is None:
            continue
        linked.append(measure.id)
        likelihood = min(likelihood, max(1, risk.likelihood - effect.likelihood_reduction))
        impact = min(impact, max(1, risk.impact - effect.impact_reduction))
    return ResidualRisk(risk.id, likelihood, impact, tuple(linked))


class DpoAdvice(_Value):
    """The DPO's (FG's) advice (art. 35(2)): advice, never an approval."""

    text: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    advisor: Name
    date: date
    given_on_version: int | None = Field(
        default=None, ge=1, description="The DPIA version the advice was given on."
    )
    controller_response: Prose = Field(
        default="", description="How the controller deals with the advice, and why."
    )


class SignatoryRole(StrEnum):
    decision_owner = "decision_owner"  # the controller's representative who adopts
    dpo = "dpo"  # functionaris gegevensbescherming: signs for the advice, not approval
    ciso = "ciso"  # optional: the information security officer


class SignatureDecision(StrEnum):
    adopt = "adopt"
    reject = "reject"
    advice_given = "advice_given"
    agree = "agree"
    object = "object"


ALLOWED_DECISIONS: dict[SignatoryRole, tuple[SignatureDecision, ...]] = {
    SignatoryRole.decision_owner: (SignatureDecision.adopt, SignatureDecision.reject),
    # The DPO monitors and advises (art. 39(1)); adopting is the controller's duty (art. 24).
    SignatoryRole.dpo: (SignatureDecision.advice_given,),
    SignatoryRole.ciso: (SignatureDecision.agree, SignatureDecision.object),
}
REQUIRED_SIGNATORIES = (SignatoryRole.decision_owner, SignatoryRole.dpo)


class Signature(_Value):
    role: SignatoryRole
    name: Name
    function: Line = ""
    date: date
    decision: SignatureDecision
    note: Prose = ""

    @model_validator(mode="after")
    def _decision_fits_role(self) -> Signature:
        allowed = ALLOWED_DECISIONS[self.role]
        if self.decision not in allowed:
            names = ", ".join(d.value for d in allowed)
            raise ValueError(f"decision: a {self.role.value} signs with {names}")
        return self


PRIOR_CONSULTATION_WARNING = t(
    "Er blijft hoog restrisico over. Raadpleeg de Autoriteit Persoonsgegevens voordat de "
    "verwerking begint (art. 36 lid 1 AVG). De AP adviseert binnen acht weken; bij een "
    "complexe verwerking kan dat zes weken langer duren (art. 36 lid 2 AVG).",
    "High residual risk remains. Consult the Dutch DPA (Autoriteit Persoonsgegevens) before "
    "the processing starts (GDPR art. 36(1)). The DPA advises within eight weeks, which it "
    "may extend by six weeks for complex processing (GDPR art. 36(2)).",
)
PRIOR_CONSULTATION_ARTICLES = (gdpr("36(1)"), gdpr("36(2)"))


class DpiaDocument(_Value):
    format: Literal["sluis.dpia/1"] = DPIA_FORMAT
    profile_id: Name
    profile_name: Name
    profile_version: int = Field(ge=1, description="The profile version it was prefilled from.")
    engine_version: Line
    language: Literal["nl", "en"] = "nl"
    dpia_verdict: DpiaVerdict
    dpia_reasons: tuple[Text, ...] = ()
    state: DpiaState = DpiaState.draft
    sections: tuple[Section, ...]
    risks: tuple[Risk, ...] = ()
    measures: tuple[Measure, ...] = ()
    dpo_advice: DpoAdvice | None = None
    signatures: tuple[Signature, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> DpiaDocument:
        keys = [s.key for s in self.sections]
        if keys != list(TEXT_SECTIONS):
            raise ValueError(
                "sections: must be the ten text sections, once each, in order: "
                + ", ".join(TEXT_SECTIONS)
            )
        _unique("risks", [r.id for r in self.risks])
        _unique("measures", [m.id for m in self.measures])
        _unique("signatures", [s.role.value for s in self.signatures], what="role")
        known = {r.id for r in self.risks}
        for i, measure in enumerate(self.measures):
            for j, effect in enumerate(measure.effects):
                if effect.risk_id not in known:
                    raise ValueError(
                        f"measures[{i}].effects[{j}].risk_id: there is no risk {effect.risk_id}"
                    )
        return self

    # -- reading -------------------------------------------------------------------------

    def section(self, key: SectionKey) -> Section:
        return next(s for s in self.sections if s.key == key)

    def risk(self, risk_id: str) -> Risk | None:
        return next((r for r in self.risks if r.id == risk_id), None)

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)

    def signature(self, role: SignatoryRole) -> Signature | None:
        return next((s for s in self.signatures if s.role == role), None)

    def residual(self, risk_id: str) -> ResidualRisk:
        risk = self.risk(risk_id)
        if risk is None:
            raise KeyError(risk_id)
        return residual_risk(risk, self.measures)

    def residuals(self) -> tuple[ResidualRisk, ...]:
        return tuple(residual_risk(r, self.measures) for r in self.risks)

    def measures_for(self, risk_id: str) -> tuple[Measure, ...]:
        return tuple(m for m in self.measures if risk_id in m.risk_ids)

    @property
    def inherent_level(self) -> RiskLevel | None:
        return highest([r.level for r in self.risks])

    @property
    def residual_level(self) -> RiskLevel | None:
        """The overall residual level: the highest residual level over all risks."""
        return highest([r.level for r in self.residuals()])

    @property
    def prior_consultation_warning(self) -> Text | None:
        """Set when any residual risk stays high or very high (GDPR art. 36(1))."""
        if self.residual_level in HIGH_LEVELS:
            return PRIOR_CONSULTATION_WARNING
        return None

    def plotted(self) -> list[PlottedRisk]:
        return [
            PlottedRisk(r.id, r.likelihood, r.impact, res.likelihood, res.impact)
            for r, res in zip(self.risks, self.residuals(), strict=True)
        ]

    def content(self) -> dict[str, Any]:
        """What the user edits: sections, risks and measures (for change detection)."""
        return self.model_dump(mode="json", include={"sections", "risks", "measures"})

    def next_risk_id(self) -> str:
        return f"R{_next_number([r.id for r in self.risks])}"

    def next_measure_id(self) -> str:
        return f"M{_next_number([m.id for m in self.measures])}"


def _unique(field: str, ids: list[str], what: str = "id") -> None:
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"{field}: {what} used more than once: {', '.join(duplicates)}")


def _next_number(ids: list[str]) -> int:
    return max((int(i[1:]) for i in ids), default=0) + 1


__all__ = [
    "SECTION_SPECS",
    "TEXT_SECTIONS",
    "DpiaDocument",
    "SectionKey",
    "SectionSpec",
    "section_title",
]
