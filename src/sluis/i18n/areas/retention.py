"""Wording of the retention job and legal holds (``sluis retention``). Placeholders in
braces are filled in by ``sluis.cli.retention_commands``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "retention.run.done": (
        "Bewaartermijnen gehandhaafd: {erased} besluiten gewist, {keys} sleutels vernietigd.",
        "Retention enforced: {erased} decision records erased, {keys} keys destroyed.",
    ),
    "retention.run.dry": (
        "Proefdraai, niets gewist: {erased} besluiten zouden nu worden gewist.",
        "Dry run, nothing erased: {erased} decision records would be erased now.",
    ),
    "retention.run.held": (
        "{count} verlopen besluiten blijven bewaard door een juridische bewaarplicht (legal hold).",
        "{count} expired records are kept by a legal hold.",
    ),
    "retention.run.waiting": (
        "{count} verlopen besluiten wachten op een lopende beoordeling of een open verzoek.",
        "{count} expired records wait for a review or a request still open.",
    ),
    "retention.run.undetermined": (
        "{count} besluiten hebben geen bewaartermijn voor elke gegevenscategorie die ze "
        "gebruiken: niets gewist (vul de termijnen aan in het profiel).",
        "{count} records use a data category without a retention period: nothing erased "
        "(add the periods to the profile).",
    ),
    "retention.run.anchor": (
        "Audittrail verankerd: anker {anchor}.",
        "Audit trail anchored: anchor {anchor}.",
    ),
    "retention.hold.placed": ("Legal hold {id} geplaatst.", "Legal hold {id} placed."),
    "retention.hold.lifted": ("Legal hold {id} opgeheven.", "Legal hold {id} lifted."),
    "retention.hold.lifted_on": ("opgeheven op", "lifted on"),
    "retention.hold.none": ("Geen legal holds.", "No legal holds."),
    "retention.hold.reason_hint": (
        "Noem in de reden een zaaknummer en waarom, geen persoonsgegevens.",
        "Give a case reference and why as the reason, no personal data.",
    ),
    "retention.problem.required": ("is verplicht", "is required"),
    "retention.problem.too_long": ("is te lang", "is too long"),
    "retention.problem.one_of_algorithm_or_subject": (
        "geef precies een van --algorithm en --subject",
        "give exactly one of --algorithm and --subject",
    ),
    "retention.problem.unknown_profile": ("onbekend algoritme", "unknown algorithm"),
    "retention.problem.unknown_hold": ("onbekende legal hold", "unknown legal hold"),
    "retention.problem.already_lifted": ("is al opgeheven", "was lifted already"),
    "retention.problem.subject_id": (
        "een id van 1 tot 1000 tekens",
        "an id of 1 to 1000 characters",
    ),
}
