"""Wording of the review desk: why a request is refused (one message per rule), and the
reviewer command line. Parameters in braces are ids, counts and declared names, never
personal data."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    # -- who may act --
    "review.problem.reviewer_header": (
        "Geef de beoordelaar op in de kop X-Sluis-Reviewer (nog geen inlog: dit is geen "
        "authenticatie).",
        "Name the reviewer in the X-Sluis-Reviewer header (no log-in yet: this is not "
        "authentication).",
    ),
    "review.problem.reviewer_unknown": (
        "Deze beoordelaar is niet geregistreerd.",
        "This reviewer is not registered.",
    ),
    "review.problem.reviewer_inactive": (
        "Deze beoordelaar is niet (meer) actief.",
        "This reviewer is not active.",
    ),
    "review.problem.not_authorised": (
        "Deze beoordelaar is niet bevoegd voor dit algoritme: alleen wie bevoegd is en de "
        "uitkomst kan veranderen, beoordeelt betekenisvol.",
        "This reviewer is not authorised for this algorithm: only someone with the authority "
        "to change the outcome reviews meaningfully.",
    ),
    "review.problem.senior_required": (
        "Deze zaak is geëscaleerd: alleen een senior beoordelaar mag haar nemen.",
        "This case was escalated: only a senior reviewer may take it.",
    ),
    "review.problem.excluded_reviewer": (
        "Deze beoordelaar werkte al mee aan dit besluit; bij bezwaar tegen het besluit "
        "beoordeelt iemand anders het opnieuw.",
        "This reviewer already took part in this decision; a contested decision is reviewed "
        "again by someone else.",
    ),
    "review.problem.same_reviewer": (
        "Vier ogen: de tweede beoordelaar moet een ander zijn dan de eerste.",
        "Four eyes: the second reviewer must be someone other than the first.",
    ),
    # -- the state of the case --
    "review.problem.case_unknown": ("Deze zaak bestaat niet.", "This case does not exist."),
    "review.problem.already_decided": (
        "Over deze zaak is al beslist.",
        "This case has already been decided.",
    ),
    "review.problem.case_erased": (
        "De gegevens van deze persoon zijn gewist; de zaak kan niet meer worden beoordeeld.",
        "This person's data were erased; the case can no longer be reviewed.",
    ),
    "review.problem.awaiting_information": (
        "Deze zaak wacht op aanvullende informatie.",
        "This case is waiting for more information.",
    ),
    "review.problem.not_awaiting_information": (
        "Deze zaak wacht niet op informatie.",
        "This case is not waiting for information.",
    ),
    "review.problem.claimed_by_other": (
        "Een andere beoordelaar heeft deze zaak in behandeling.",
        "Another reviewer has claimed this case.",
    ),
    "review.problem.not_claimed": (
        "Neem de zaak eerst in behandeling: alleen wie haar in behandeling heeft, handelt.",
        "Claim the case first: only the reviewer who holds it acts on it.",
    ),
    "review.problem.first_stage_action": (
        "Deze handeling past niet bij de eerste beoordeling: kies bevestigen, wijzigen, "
        "informatie vragen of escaleren.",
        "This act does not fit the first review: confirm, override, request information or "
        "escalate.",
    ),
    "review.problem.second_stage_action": (
        "Vier ogen: de tweede beoordelaar stemt in of niet.",
        "Four eyes: the second reviewer agrees or disagrees.",
    ),
    "review.problem.already_escalated": (
        "Deze zaak is al geëscaleerd.",
        "This case has already been escalated.",
    ),
    "review.problem.first_view_required": (
        "Leg eerst uw eigen oordeel vast; het voorstel van het algoritme is verborgen tot "
        "dan (tegen automatiseringsvooroordeel).",
        "Record your own view first; the algorithm's proposal is hidden until then (against "
        "automation bias).",
    ),
    "review.problem.first_view_recorded": (
        "Uw eerste oordeel is al vastgelegd.",
        "Your first view has already been recorded.",
    ),
    "review.problem.recommendation_hidden": (
        "Het voorstel blijft verborgen tot u uw eigen oordeel hebt vastgelegd.",
        "The proposal stays hidden until you have recorded your own view.",
    ),
    "review.problem.nothing_to_confirm": (
        "Er is geen voorgestelde uitkomst om te bevestigen.",
        "There is no proposed outcome to confirm.",
    ),
    # -- the act itself --
    "review.problem.action_unknown": (
        "Onbekende handeling; kies uit: {allowed}.",
        "Unknown act; choose from: {allowed}.",
    ),
    "review.problem.reason_required": (
        "Een schriftelijke motivering is verplicht, welke kant het besluit ook op gaat.",
        "A written reason is required, whichever way the decision goes.",
    ),
    "review.problem.reason_too_short": (
        "De motivering is te kort (minstens {min} tekens).",
        "The reason is too short (at least {min} characters).",
    ),
    "review.problem.reason_too_long": (
        "De motivering is te lang (hoogstens {max} tekens).",
        "The reason is too long (at most {max} characters).",
    ),
    "review.problem.outcome_required": (
        "Geef de uitkomst die u in plaats van het voorstel kiest.",
        "Give the outcome you choose instead of the proposal.",
    ),
    "review.problem.outcome_unchanged": (
        "Deze uitkomst is gelijk aan het voorstel: kies bevestigen.",
        "This outcome equals the proposal: confirm it instead.",
    ),
    "review.problem.outcome_differs": (
        "Bevestigen houdt de voorgestelde uitkomst aan; kies wijzigen voor een andere.",
        "Confirming keeps the proposed outcome; override to choose another.",
    ),
    "review.problem.outcome_not_taken": (
        "Bij '{action}' hoort geen uitkomst.",
        "'{action}' takes no outcome.",
    ),
    "review.problem.outcome_undeclared": (
        "Dit besluit kent deze uitkomst niet; mogelijk zijn: {declared}.",
        "This decision does not declare this outcome; possible are: {declared}.",
    ),
    "review.problem.outcome_length": (
        "Geef een uitkomst van 1 tot {max} tekens.",
        "Give an outcome of 1 to {max} characters.",
    ),
    # -- staff and policies --
    "review.problem.reviewer_id_form": (
        "Een kenmerk bestaat uit kleine letters, cijfers, - en _ (hoogstens 80).",
        "An id consists of lower-case letters, digits, - and _ (at most 80).",
    ),
    "review.problem.name_length": (
        "Geef een naam van 1 tot {max} tekens.",
        "Give a name of 1 to {max} characters.",
    ),
    "review.problem.reviewer_exists": (
        "Er is al een beoordelaar met dit kenmerk.",
        "A reviewer with this id already exists.",
    ),
    "review.problem.profile_unknown": (
        "Dit algoritme is niet geregistreerd.",
        "This algorithm is not registered.",
    ),
    "review.problem.authorisation_unknown": (
        "Deze beoordelaar is niet bevoegd voor dit algoritme.",
        "This reviewer holds no authorisation for this algorithm.",
    ),
    "review.problem.range": (
        "Geef een geheel getal van {min} tot en met {max}.",
        "Give a whole number from {min} to {max}.",
    ),
    "review.problem.field_undeclared": (
        "Het profiel declareert dit gegevensveld niet.",
        "The profile declares no such data field.",
    ),
    "review.problem.threshold_name": (
        "Een drempel heeft een naam van kleine letters, cijfers, - en _.",
        "A threshold is named with lower-case letters, digits, - and _.",
    ),
    "review.problem.threshold_value": (
        "Een drempel is een getal van 0 of meer.",
        "A threshold is a number of 0 or more.",
    ),
    # -- submissions, contests, control cases --
    "review.problem.decision_unknown": (
        "Dit besluit bestaat niet.",
        "This decision does not exist.",
    ),
    "review.problem.subject_erased": (
        "De gegevens van deze persoon zijn gewist.",
        "This person's data were erased.",
    ),
    "review.problem.review_open": (
        "Een beoordeling van dit besluit loopt nog.",
        "A review of this decision is still open.",
    ),
    "review.problem.not_final": (
        "Alleen een definitief besluit kan worden aangevochten; dit besluit wacht nog op "
        "beoordeling.",
        "Only a final decision can be contested; this one still awaits review.",
    ),
    "review.problem.submission_kind": (
        "Kies point_of_view (een zienswijze) of document.",
        "Choose point_of_view or document.",
    ),
    "review.problem.point_of_view_length": (
        "Een zienswijze is tekst van 1 tot {max} tekens.",
        "A point of view is text of 1 to {max} characters.",
    ),
    "review.problem.document_size": (
        "Een document is niet leeg en hoogstens {max} bytes groot.",
        "A document is not empty and at most {max} bytes.",
    ),
    "review.problem.filename_length": (
        "Een bestandsnaam heeft 1 tot {max} tekens.",
        "A file name has 1 to {max} characters.",
    ),
    "review.problem.media_type_form": (
        "Geef een mediatype zoals application/pdf.",
        "Give a media type such as application/pdf.",
    ),
    "review.problem.submission_unknown": (
        "Deze inzending bestaat niet bij deze zaak.",
        "This case has no such submission.",
    ),
    # -- the command line --
    "review.cli.added": ("Beoordelaar {id} toegevoegd.", "Reviewer {id} added."),
    "review.cli.authorised": (
        "{id} is bevoegd voor {profile}{senior}.",
        "{id} is authorised for {profile}{senior}.",
    ),
    "review.cli.senior": (" (senior)", " (senior)"),
    "review.cli.none": ("Nog geen beoordelaars.", "No reviewers yet."),
    "review.cli.id": ("Kenmerk", "Id"),
    "review.cli.name": ("Naam", "Name"),
    "review.cli.active": ("Actief", "Active"),
    "review.cli.authorisations": ("Bevoegd voor", "Authorised for"),
    "review.cli.not_authentication": (
        "Koppel een account aan deze beoordelaar om te kunnen werken: sluis account create "
        "LOGIN --name NAAM --reviewer ID --role reviewer@ALGORITME.",
        "Link an account to this reviewer to work: sluis account create LOGIN --name NAME "
        "--reviewer ID --role reviewer@ALGORITHM.",
    ),
    "review.demo.cases": (
        "Beoordelingszaken klaargezet: {count} voor {profile}; beoordelaar {reviewer}.",
        "Review cases ready: {count} for {profile}; reviewer {reviewer}.",
    ),
}
