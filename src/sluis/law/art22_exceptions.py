"""GDPR art. 22(2): the exceptions to the ban, including the Dutch art. 40 UAVG route.

Each exception is tested on its own and returns a tri-state answer with reasons; the
verdict module picks the first that carries the decision, in the order of art. 22(2).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sluis.law.citations import Citation, gdpr, uavg
from sluis.law.findings import Finding, FindingKind, Severity, Text, finding, open_question, t
from sluis.law.results import Art22Exception
from sluis.profiles.model import AlgorithmProfile, Decision, Necessity


@dataclass
class ExceptionTest:
    exception: Art22Exception
    available: bool | None
    reason: Text
    articles: tuple[Citation, ...]
    route: str  # which legal route carries it: 'contract', 'uavg40', 'sector_law', 'consent'
    findings: list[Finding] = field(default_factory=list)
    missing_fact: str | None = None  # the decision attribute whose absence leaves it open


def contract_exception(decision: Decision) -> ExceptionTest:
    """Art. 22(2)(a): necessary to enter into or perform a contract with the person."""
    if decision.necessity is Necessity.contract:
        return ExceptionTest(
            Art22Exception.contract,
            True,
            t(
                "Het besluit is nodig om een overeenkomst met de persoon aan te gaan of uit te "
                "voeren.",
                "The decision is necessary to enter into or perform a contract with the person.",
            ),
            (gdpr("22(2)(a)"),),
            "contract",
        )
    return ExceptionTest(
        Art22Exception.contract,
        None if decision.necessity is None else False,
        t(
            "Niet aangetoond dat het besluit nodig is voor een overeenkomst met de persoon.",
            "It is not shown that the decision is necessary for a contract with the person.",
        ),
        (gdpr("22(2)(a)"),),
        "contract",
        missing_fact="necessity" if decision.necessity is None else None,
    )


def consent_exception(profile: AlgorithmProfile, decision: Decision) -> ExceptionTest:
    """Art. 22(2)(c): the person's explicit consent."""
    findings: list[Finding] = []
    if decision.explicit_consent and profile.controller.administrative_body:
        findings.append(
            finding(
                f"art22.{decision.id}.consent_imbalance",
                Severity.warning,
                FindingKind.risk,
                [gdpr("7(4)"), gdpr("recital 43")],
                t(
                    "Een bestuursorgaan steunt op uitdrukkelijke toestemming. Door de ongelijke "
                    "verhouding is toestemming zelden vrij gegeven; onderbouw waarom dat hier "
                    "wel zo is.",
                    "An administrative body relies on explicit consent. Given the imbalance of "
                    "power, consent is rarely freely given; show why it is here.",
                ),
                f"decisions[{decision.id}].explicit_consent",
            )
        )
    available = decision.explicit_consent
    reason = (
        t(
            "De persoon heeft uitdrukkelijk toestemming gegeven voor dit geautomatiseerde besluit.",
            "The person has given explicit consent to this automated decision.",
        )
        if available
        else t(
            "Er is geen uitdrukkelijke toestemming voor dit besluit.",
            "There is no explicit consent to this decision.",
        )
    )
    return ExceptionTest(
        Art22Exception.explicit_consent,
        available,
        reason,
        (gdpr("22(2)(c)"),),
        "consent",
        findings,
        missing_fact="explicit_consent" if available is None else None,
    )


def sector_law_exception(decision: Decision) -> ExceptionTest | None:
    """Art. 22(2)(b) through a specific law that authorises the decision."""
    law = decision.authorising_law
    if law is None:
        return None
    articles = (gdpr("22(2)(b)"),)
    if decision.profiling and law.permits_profiling is not True:
        return ExceptionTest(
            Art22Exception.law,
            None if law.permits_profiling is None else False,
            t(
                f"Het besluit steunt op profilering en niet vaststaat dat {law.name} dat toestaat.",
                f"The decision relies on profiling and it is not established that {law.name} "
                "allows that.",
            ),
            articles,
            "sector_law",
            missing_fact="authorising_law.permits_profiling"
            if law.permits_profiling is None
            else None,
        )
    if law.lays_down_safeguards is not True:
        return ExceptionTest(
            Art22Exception.law,
            None if law.lays_down_safeguards is None else False,
            t(
                f"{law.name} moet zelf passende waarborgen bevatten; dat is niet aangetoond.",
                f"{law.name} must itself lay down suitable safeguards; that is not shown.",
            ),
            articles,
            "sector_law",
            missing_fact=(
                "authorising_law.lays_down_safeguards" if law.lays_down_safeguards is None else None
            ),
        )
    return ExceptionTest(
        Art22Exception.law,
        True,
        t(
            f"{law.name} staat dit geautomatiseerde besluit toe en bevat passende waarborgen.",
            f"{law.name} authorises this automated decision and lays down suitable safeguards.",
        ),
        articles,
        "sector_law",
    )


def uavg40_exception(profile: AlgorithmProfile, decision: Decision) -> ExceptionTest:
    """Art. 22(2)(b) through art. 40(1) UAVG (Netherlands only).

    Art. 40(1) lifts the ban for decisions necessary for a legal obligation or a public
    task, but never for decisions based on profiling. We also read it, as the legislature
    and the Algoritmekader (avg-10) do, as meant for bound powers where a human adds
    nothing: with room for judgement the exception does not carry the decision.
    """
    articles = (gdpr("22(2)(b)"), uavg("40(1)"))
    if profile.controller.country != "NL":
        return _uavg40(False, "not_nl", articles)
    if decision.necessity not in (Necessity.legal_obligation, Necessity.public_task):
        return _uavg40(None if decision.necessity is None else False, "necessity", articles)
    if decision.profiling is not False:
        return _uavg40(None if decision.profiling is None else False, "profiling", articles)
    if decision.bound_power is not True:
        return _uavg40(None if decision.bound_power is None else False, "discretion", articles)
    return _uavg40(True, "fits", articles)


_UAVG40_REASONS: dict[str, Text] = {
    "not_nl": t(
        "Art. 40 UAVG geldt alleen voor verwerkingsverantwoordelijken in Nederland.",
        "Art. 40 UAVG only covers controllers in the Netherlands.",
    ),
    "necessity": t(
        "Art. 40 UAVG vraagt dat het besluit nodig is voor een wettelijke verplichting of een "
        "taak van algemeen belang; dat is niet (aangetoond) het geval.",
        "Art. 40 UAVG requires the decision to be necessary for a legal obligation or a task "
        "in the public interest; that is not (shown to be) the case.",
    ),
    "profiling": t(
        "Art. 40 UAVG sluit besluiten op basis van profilering uit; niet vastgesteld is dat er "
        "geen profilering is.",
        "Art. 40 UAVG excludes decisions based on profiling; it is not established that no "
        "profiling takes place.",
    ),
    "discretion": t(
        "Art. 40 UAVG is bedoeld voor gebonden bevoegdheden zonder beoordelingsruimte; hier is "
        "die ruimte er (of het is niet opgegeven), dus moet een mens betekenisvol beslissen.",
        "Art. 40 UAVG is meant for bound powers without room for judgement; here there is such "
        "room (or it is not stated), so a human must decide meaningfully.",
    ),
    "fits": t(
        "Een gebonden besluit zonder profilering, nodig voor een wettelijke plicht of publieke "
        "taak: art. 40 UAVG heft het verbod op.",
        "A bound decision without profiling, necessary for a legal obligation or public task: "
        "art. 40 UAVG lifts the ban.",
    ),
}

_UAVG40_FACTS = {"necessity": "necessity", "profiling": "profiling", "discretion": "bound_power"}


def _uavg40(available: bool | None, key: str, articles: tuple[Citation, ...]) -> ExceptionTest:
    missing = _UAVG40_FACTS.get(key) if available is None else None
    return ExceptionTest(
        Art22Exception.law,
        available,
        _UAVG40_REASONS[key],
        articles,
        "uavg40",
        missing_fact=missing,
    )


def missing_fact_question(decision: Decision, test: ExceptionTest) -> Finding | None:
    """An open question for the fact whose absence leaves an exception undecided."""
    if test.missing_fact is None:
        return None
    attribute = test.missing_fact
    return open_question(
        f"art22.{decision.id}.open.{attribute}",
        list(test.articles),
        t(
            f"Vul '{attribute}' in: daarvan hangt af of deze uitzondering het besluit kan dragen.",
            f"Fill in '{attribute}': whether this exception can carry the decision depends on it.",
        ),
        f"decisions[{decision.id}].{attribute}",
    )


def exception_tests(profile: AlgorithmProfile, decision: Decision) -> list[ExceptionTest]:
    """All exception routes in the order of art. 22(2): (a), (b), (c)."""
    tests = [contract_exception(decision)]
    sector = sector_law_exception(decision)
    if sector is not None:
        tests.append(sector)
    tests.append(uavg40_exception(profile, decision))
    tests.append(consent_exception(profile, decision))
    return tests
