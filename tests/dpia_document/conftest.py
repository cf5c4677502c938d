"""Fixtures for the DPIA document: the example profiles, their assessments, a prefilled
draft, and a helper that completes a draft the way a privacy officer would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from sluis.dpia_document.model import (
    DpiaDocument,
    DpoAdvice,
    Measure,
    MeasureEffect,
    SignatoryRole,
    Signature,
    SignatureDecision,
)
from sluis.dpia_document.prefill import prefill
from sluis.law.assess import assess
from sluis.law.results import Assessment
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import parse_profile_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WELFARE = "welfare-fraud-risk-selection"


def load_example(name: str) -> AlgorithmProfile:
    return parse_profile_text((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def example() -> Callable[[str], tuple[AlgorithmProfile, Assessment]]:
    """An example profile and its assessment as stored version 1."""

    def load(name: str) -> tuple[AlgorithmProfile, Assessment]:
        profile = load_example(name)
        return profile, assess(profile, version=1)

    return load


@pytest.fixture
def draft(example: Callable[[str], tuple[AlgorithmProfile, Assessment]]) -> DpiaDocument:
    """The welfare example's prefilled draft, in Dutch."""
    return prefill(*example(WELFARE), language="nl")


def completed(doc: DpiaDocument) -> DpiaDocument:
    """Every section written (open points resolved), every risk confirmed and justified,
    one measure linked to the first risk."""
    sections = tuple(
        s.model_copy(
            update={"text": (s.text.replace("[[", "(").replace("]]", ")") or "Aanvaardbaar.")}
        )
        for s in doc.sections
    )
    risks = tuple(
        r.model_copy(update={"confirmed": True, "residual_justification": "Na de maatregel."})
        for r in doc.risks
    )
    measure = Measure(
        id="M1",
        description="Kwartaaltoets op ongelijke selectie",
        owner="Team Data",
        effects=(MeasureEffect(risk_id=risks[0].id, likelihood_reduction=1),),
    )
    return DpiaDocument.model_validate(
        doc.model_copy(
            update={"sections": sections, "risks": risks, "measures": (measure,)}
        ).model_dump()
    )


@pytest.fixture
def complete() -> Callable[[DpiaDocument], DpiaDocument]:
    return completed


ADVICE = DpoAdvice(
    text="Voer de bias-toets elk kwartaal uit.", advisor="F. Gegevens", date=date(2025, 3, 1)
)
OWNER = Signature(
    role=SignatoryRole.decision_owner,
    name="B. Besluit",
    date=date(2025, 3, 2),
    decision=SignatureDecision.adopt,
)
DPO = Signature(
    role=SignatoryRole.dpo,
    name="F. Gegevens",
    date=date(2025, 3, 2),
    decision=SignatureDecision.advice_given,
)


@pytest.fixture
def advice() -> DpoAdvice:
    return ADVICE


@pytest.fixture
def signatures() -> tuple[Signature, Signature]:
    return OWNER, DPO
