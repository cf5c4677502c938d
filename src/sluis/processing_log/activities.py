"""Which of Sluis's operations process personal data, and which processing activity of
the register each belongs to. Pure: no I/O.

Every processing of personal data belongs to a processing activity in the controller's
record of processing activities (GDPR art. 30(1)); the Logboek Dataverwerkingen standard
asks each log record to point at it (``dpl.core.processing_activity_id``, a URI) and the
register to give every relevant change a new identifier, so that a record points at one
version of the activity. In Sluis an algorithm's profile *is* its register entry: the
art. 30 record is generated from it, per version (``sluis.register.art30``). The activity
id is therefore the address of that version's art. 30 record in Sluis's own read-only
API, which resolves it for whoever reads the log later.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote

from sluis.law.citations import Citation, gdpr
from sluis.law.findings import Text, t


class Operation(StrEnum):
    """The operations that process personal data; the value is the record's ``name``."""

    decide = "decide"
    decide_batch = "decide-batch"
    decide_row = "decide-row"
    open_case_file = "review-open-case-file"
    review_decision = "review-decide"
    build_notice = "build-decision-notice"
    rights_access = "rights-access-package"
    rights_erasure = "rights-erasure"
    rights_rectification = "rights-rectification"
    rights_restriction = "rights-restriction"
    rights_objection = "rights-objection"
    retention_run = "retention-run"
    retention_erasure = "retention-erasure"
    rights_contest = "rights-contest"
    reveal_decision = "reveal-decision"


@dataclass(frozen=True)
class OperationInfo:
    """Why an operation is in the log: what it does with whose data, and the article
    that makes Sluis do it."""

    what: Text
    articles: tuple[Citation, ...]


# In our own words; the articles are the duties the operation fulfils.
OPERATIONS: dict[Operation, OperationInfo] = {
    Operation.decide: OperationInfo(
        t(
            "Een besluit over één persoon: invoer gecontroleerd, beoordeeld, versleuteld "
            "opgeslagen.",
            "A decision about one person: inputs checked, evaluated, stored encrypted.",
        ),
        (gdpr("6(1)"), gdpr("22")),
    ),
    Operation.decide_batch: OperationInfo(
        t(
            "Een reeks besluiten in één opdracht; per persoon een eigen regel.",
            "A batch of decisions in one run; one line of its own per person.",
        ),
        (gdpr("6(1)"), gdpr("22")),
    ),
    Operation.decide_row: OperationInfo(
        t(
            "Het besluit over één persoon in een reeks.",
            "The decision about one person in a batch.",
        ),
        (gdpr("6(1)"), gdpr("22")),
    ),
    Operation.open_case_file: OperationInfo(
        t(
            "Een beoordelaar opent het dossier van een besluit (invoer, uitleg).",
            "A reviewer opens a decision's case file (inputs, explanation).",
        ),
        (gdpr("22(3)"),),
    ),
    Operation.review_decision: OperationInfo(
        t(
            "Een beoordelaar beslist over een besluit, met een reden.",
            "A reviewer decides on a decision, with a reason.",
        ),
        (gdpr("22(3)"),),
    ),
    Operation.build_notice: OperationInfo(
        t(
            "De besluitbrief met de gegevens en de uitleg van de persoon wordt opgesteld.",
            "The decision notice with the person's data and explanation is built.",
        ),
        (gdpr("13(2)(f)"), gdpr("14(2)(g)"), gdpr("15(1)(h)")),
    ),
    Operation.rights_access: OperationInfo(
        t(
            "Het inzagepakket van een persoon wordt samengesteld.",
            "A person's access package is built.",
        ),
        (gdpr("15"),),
    ),
    Operation.rights_erasure: OperationInfo(
        t("De gegevens van een persoon worden gewist.", "A person's data are erased."),
        (gdpr("17"),),
    ),
    Operation.rights_rectification: OperationInfo(
        t("Gegevens van een persoon worden gecorrigeerd.", "A person's data are corrected."),
        (gdpr("16"),),
    ),
    Operation.rights_restriction: OperationInfo(
        t(
            "De verwerking voor een persoon wordt beperkt of weer vrijgegeven.",
            "Processing for a person is restricted or the restriction lifted.",
        ),
        (gdpr("18"),),
    ),
    Operation.rights_objection: OperationInfo(
        t("Het bezwaar van een persoon wordt gewogen.", "A person's objection is weighed."),
        (gdpr("21"),),
    ),
    Operation.retention_run: OperationInfo(
        t(
            "Een bewaarronde: besluiten waarvan de termijn is verstreken worden gewist; per "
            "besluit een eigen regel.",
            "A retention run: decisions whose period has ended are erased; one line of its "
            "own per decision.",
        ),
        (gdpr("5(1)(e)"),),
    ),
    Operation.retention_erasure: OperationInfo(
        t(
            "Een besluit waarvan de bewaartermijn is verstreken wordt gewist.",
            "A decision whose retention period has ended is erased.",
        ),
        (gdpr("5(1)(e)"),),
    ),
    Operation.rights_contest: OperationInfo(
        t(
            "Een persoon betwist een besluit: een nieuwe beoordeling wordt geopend met wat "
            "die persoon inbracht.",
            "A person contests a decision: a new review is opened with what they submitted.",
        ),
        (gdpr("22(3)"),),
    ),
    Operation.reveal_decision: OperationInfo(
        t(
            "Een medewerker leest de invoer en uitleg van een besluit over één persoon.",
            "A member of staff reads the inputs and explanation of a decision about one person.",
        ),
        (gdpr("5(2)"), gdpr("32")),
    ),
}


def processing_activity_id(public_url: str, profile_id: str, version: int) -> str:
    """The URI of one version of an algorithm's register entry: its art. 30 record in
    Sluis's API (``GET /api/v1/register/art30?profile=..&version=..``)."""
    base = public_url.rstrip("/")
    return f"{base}/api/v1/register/art30?profile={quote(profile_id, safe='')}&version={version}"


__all__ = ["OPERATIONS", "Operation", "OperationInfo", "processing_activity_id"]
