"""A suggested risk, the rights it touches, and the small questions rules ask of the
assessment; shared by the modules that derive suggestions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sluis.law.findings import Text, t
from sluis.law.results import Assessment
from sluis.profiles.model import AlgorithmProfile

EQUALITY = t(
    "gelijke behandeling (Grondwet art. 1; Handvest art. 21)",
    "equal treatment (Dutch Constitution art. 1; EU Charter art. 21)",
)
FAIRNESS = t("behoorlijke verwerking (art. 5 lid 1 onder a AVG)", "fairness (GDPR art. 5(1)(a))")
ART22 = t(
    "geen uitsluitend geautomatiseerd besluit (art. 22 AVG)",
    "not to be subject to a solely automated decision (GDPR art. 22)",
)
CONTEST = t("bezwaar en beroep (Awb; art. 22 lid 3 AVG)", "contest (Awb; GDPR art. 22(3))")
PRIVACY = t(
    "bescherming van persoonsgegevens (Handvest art. 8)",
    "protection of personal data (EU Charter art. 8)",
)
PRIVATE_LIFE = t("privéleven (EVRM art. 8)", "private life (ECHR art. 8)")
SECURITY = t(
    "integriteit en vertrouwelijkheid (art. 5 lid 1 onder f AVG)",
    "integrity and confidentiality (GDPR art. 5(1)(f))",
)


@dataclass(frozen=True)
class Suggestion:
    origin: str
    title: Text
    description: Text
    rights: tuple[Text, ...]
    likelihood: int
    impact: int
    justification: Text


Rule = Callable[[AlgorithmProfile, Assessment], Iterable[Suggestion]]


def met(a: Assessment, number: int) -> bool:
    return number in a.dpia.criteria_met


def finding_ids(a: Assessment, prefix: str) -> list[str]:
    return [f.id for f in a.findings if f.id.startswith(prefix)]
