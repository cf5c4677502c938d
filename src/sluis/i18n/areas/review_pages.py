"""Wording of the review desk's web pages (``/review``): the desk, the queue, the case
file, the decision form, the dashboard, the policy form and the control cases. Parameters
in braces are ids, names of reviewers and counts, never data of the people decided about."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "review_pages.nav": ("Beoordelen", "Review"),
    "review_pages.nav_label": ("Beoordelingsbalie", "Review desk"),
    "review_pages.desk_title": ("Beoordelingsbalie", "Review desk"),
    "review_pages.desk_intro": (
        "Besluiten die op een mens wachten, per algoritme. Een beoordelaar neemt een zaak, "
        "bekijkt alles wat het besluit gebruikte en beslist zelf: bevestigen, veranderen of "
        "om meer informatie vragen, altijd met een motivering.",
        "Decisions waiting for a human, per algorithm. A reviewer takes a case, looks at "
        "everything the decision used and decides: confirm, change or ask for more "
        "information, always with written reasons.",
    ),
    "review_pages.no_algorithms": (
        "Nog geen algoritmes geregistreerd.",
        "No algorithms registered yet.",
    ),
    # -- the desk and the queue --
    "review_pages.algorithm": ("Algoritme", "Algorithm"),
    "review_pages.alerts": ("Signalen", "Alerts"),
    "review_pages.overdue": ("Te laat", "Overdue"),
    "review_pages.your_authority": ("Uw bevoegdheid", "Your authority"),
    "review_pages.authorised": ("bevoegd", "authorised"),
    "review_pages.authorised_senior": ("bevoegd (senior)", "authorised (senior)"),
    "review_pages.not_authorised": ("niet bevoegd", "not authorised"),
    "review_pages.thresholds_invalid": ("drempels ongeldig", "thresholds invalid"),
    "review_pages.queue_title": ("Wachtrij", "Queue"),
    "review_pages.take_next": ("Neem de volgende zaak", "Take the next case"),
    "review_pages.take_next_hint": (
        "De zaak met de vroegste termijn die u mag nemen; een zaak die u al heeft, krijgt u terug.",
        "The case with the earliest deadline you may take; a case you already hold comes back.",
    ),
    "review_pages.nothing_to_take": (
        "Er is nu geen zaak die u kunt nemen.",
        "There is no case you can take now.",
    ),
    "review_pages.released": (
        "De zaak is teruggezet in de wachtrij.",
        "The case went back to the queue.",
    ),
    "review_pages.order": ("Volgorde", "Order"),
    "review_pages.order.oldest": ("oudste eerst", "oldest first"),
    "review_pages.order.deadline": ("op termijn", "by deadline"),
    "review_pages.state": ("Stand", "State"),
    "review_pages.state.open": ("open", "open"),
    "review_pages.state.claimed": ("in behandeling", "claimed"),
    "review_pages.state.awaiting_information": ("wacht op informatie", "awaiting information"),
    "review_pages.state.awaiting_second": (
        "wacht op tweede beoordelaar",
        "awaiting a second reviewer",
    ),
    "review_pages.state.decided": ("beslist", "decided"),
    "review_pages.state.erased": ("gewist", "erased"),
    "review_pages.kind": ("Soort", "Kind"),
    "review_pages.kind.initial": ("eerste beoordeling", "initial review"),
    "review_pages.kind.contest": ("aanvechting (art. 22(3))", "contest (art. 22(3))"),
    "review_pages.kind.control": ("controlezaak", "control case"),
    "review_pages.escalated": ("Geëscaleerd", "Escalated"),
    "review_pages.escalated_mark": ("geëscaleerd", "escalated"),
    "review_pages.second_stage": ("vier ogen: tweede beoordeling", "four eyes: second review"),
    "review_pages.any": ("alle", "any"),
    "review_pages.any_unsettled": ("alle onafgehandelde", "all unsettled"),
    "review_pages.choice.any": ("maakt niet uit", "either"),
    "review_pages.choice.yes": ("ja", "yes"),
    "review_pages.choice.no": ("nee", "no"),
    "review_pages.mine": ("alleen mijn zaken", "only my cases"),
    "review_pages.filter": ("Filteren", "Filter"),
    "review_pages.queue_empty": ("Geen zaken met deze filters.", "No cases with these filters."),
    "review_pages.created": ("Aangemaakt", "Created"),
    "review_pages.due": ("Termijn", "Due"),
    "review_pages.decision": ("Besluit", "Decision"),
    "review_pages.round": ("ronde", "round"),
    "review_pages.claimed_by": ("In behandeling bij", "Claimed by"),
    "review_pages.claim_until": ("tot", "until"),
    "review_pages.open_case": ("Openen", "Open"),
    "review_pages.closed": ("Afgehandeld", "Settled"),
    # -- one case --
    "review_pages.case_title": ("Zaak", "Case"),
    "review_pages.missing": ("Deze zaak bestaat niet.", "This case does not exist."),
    "review_pages.notice": ("Besluitbrief", "Decision notice"),
    "review_pages.notice_link": ("Bekijk de besluitbrief", "See the decision notice"),
    "review_pages.not_held": (
        "U heeft deze zaak niet in behandeling. Neem hem om het dossier te openen.",
        "You do not hold this case. Claim it to open the case file.",
    ),
    "review_pages.claim": ("Zaak nemen", "Claim the case"),
    "review_pages.information_received": (
        "De gevraagde informatie is binnen: terug naar de wachtrij",
        "The information asked for is in: back to the queue",
    ),
    "review_pages.closed_text": (
        "Deze zaak is afgehandeld; er kan niets meer aan veranderen.",
        "This case is settled; nothing about it can change any more.",
    ),
    "review_pages.recorded": ("Vastgelegd: {action}.", "Recorded: {action}."),
    "review_pages.now_final": (
        "Het besluit is nu definitief.",
        "The decision is now final.",
    ),
    "review_pages.now_second": (
        "Een tweede beoordelaar moet het nog eens zijn (vier ogen).",
        "A second reviewer still has to agree (four eyes).",
    ),
    "review_pages.erased": (
        "De gegevens van deze persoon zijn gewist; het dossier is leeg.",
        "This person's data was erased; the case file is empty.",
    ),
    "review_pages.what_is_recorded": (
        "Sluis legt vast welke onderdelen u opent en hoe lang u erover doet; dat laat zien "
        "of beoordelen betekenisvol is.",
        "Sluis records which parts you open and how long you take; that shows whether "
        "review is meaningful.",
    ),
    "review_pages.opened_so_far": ("Geopend", "Opened"),
    "review_pages.opened_nothing": (
        "U heeft nog niets geopend.",
        "You have not opened anything yet.",
    ),
    "review_pages.why_human": ("Waarom een mens beslist", "Why a human decides"),
    "review_pages.decision_described": ("Het besluit", "The decision"),
    "review_pages.part.inputs": ("Gegevens die het besluit gebruikte", "Data the decision used"),
    "review_pages.part.explanation": ("Uitleg van de procedure", "The procedure's explanation"),
    "review_pages.part.submissions": ("Wat de persoon inbracht", "What the person submitted"),
    "review_pages.part.history": ("Eerdere handelingen en besluiten", "Earlier acts and decisions"),
    "review_pages.part.recommendation": ("Voorstel van de procedure", "The procedure's proposal"),
    "review_pages.open.inputs": ("Gegevens openen", "Open the data"),
    "review_pages.open.explanation": ("Uitleg openen", "Open the explanation"),
    "review_pages.open.submissions": ("Inbreng openen", "Open the submissions"),
    "review_pages.open.history": ("Geschiedenis openen", "Open the history"),
    "review_pages.open.recommendation": ("Voorstel openen", "Open the proposal"),
    "review_pages.field": ("Gegeven", "Field"),
    "review_pages.value": ("Waarde", "Value"),
    "review_pages.purpose": ("Waarom nodig", "Why needed"),
    "review_pages.source": ("bron", "source"),
    "review_pages.no_inputs": ("Geen gegevens beschikbaar.", "No data available."),
    "review_pages.no_explanation": ("Geen uitleg beschikbaar.", "No explanation available."),
    "review_pages.explanation_after_first_view": (
        "De uitleg verraadt het voorstel: u ziet hem nadat u uw eigen oordeel heeft vastgelegd.",
        "The explanation gives the proposal away: you see it after recording your own view.",
    ),
    "review_pages.explanation.rule_trace": (
        "De regels die de procedure toetste, elk met de grondslag die ze toepast:",
        "The rules the procedure checked, each with the legal basis it applies:",
    ),
    "review_pages.explanation.linear_contributions": (
        "Hoeveel elk gegeven de score van het model omhoog (+) of omlaag (−) bracht, grootste "
        "eerst (exact voor dit lineaire model):",
        "How far each input moved the model's score up (+) or down (−), largest first "
        "(exact for this linear model):",
    ),
    "review_pages.explanation.shap_contributions": (
        "Hoeveel elk gegeven de score van het model omhoog (+) of omlaag (−) bracht, grootste "
        "eerst (SHAP-waarden):",
        "How far each input moved the model's score up (+) or down (−), largest first "
        "(SHAP values):",
    ),
    "review_pages.explanation.other": (
        "De uitleg van de procedure:",
        "The procedure's explanation:",
    ),
    "review_pages.explanation.base_value": (
        "Uitgangswaarde {base}, uitkomst {value} (eenheid: {space}).",
        "Base value {base}, result {value} (unit: {space}).",
    ),
    "review_pages.condition.met": ("voldaan", "met"),
    "review_pages.condition.not_met": ("niet voldaan", "not met"),
    "review_pages.submission.point_of_view": ("zienswijze", "point of view"),
    "review_pages.submission.document": ("document", "document"),
    "review_pages.no_submissions": (
        "De persoon heeft niets ingebracht.",
        "The person has not submitted anything.",
    ),
    "review_pages.earlier_acts": (
        "Eerdere handelingen bij dit besluit",
        "Earlier acts on this decision",
    ),
    "review_pages.acts_after_first_view": (
        "Eerdere handelingen ziet u nadat u uw eigen oordeel heeft vastgelegd.",
        "You see earlier acts after recording your own view.",
    ),
    "review_pages.no_acts": ("Geen eerdere handelingen.", "No earlier acts."),
    "review_pages.earlier_decisions": (
        "Eerdere besluiten over deze persoon (dit algoritme)",
        "Earlier decisions about this person (this algorithm)",
    ),
    "review_pages.no_history": ("Geen eerdere besluiten.", "No earlier decisions."),
    "review_pages.status": ("Status", "Status"),
    "review_pages.outcome": ("Uitkomst", "Outcome"),
    "review_pages.hidden_until_first_view": (
        "Voor dit algoritme ziet u het voorstel pas nadat u uw eigen oordeel heeft vastgelegd: "
        "zo stuurt het voorstel uw oordeel niet.",
        "For this algorithm you see the proposal only after recording your own view, so the "
        "proposal does not steer your judgement.",
    ),
    "review_pages.first_view_label": (
        "Uw eigen oordeel, voordat u het voorstel ziet",
        "Your own view, before you see the proposal",
    ),
    "review_pages.record_first_view": ("Mijn oordeel vastleggen", "Record my view"),
    "review_pages.proposed_outcome": ("Voorgestelde uitkomst", "Proposed outcome"),
    "review_pages.score": ("Score", "Score"),
    "review_pages.first_reviewer_outcome": (
        "Uitkomst van de eerste beoordelaar",
        "The first reviewer's outcome",
    ),
    "review_pages.your_first_view": ("Uw eigen oordeel vooraf", "Your own view beforehand"),
    "review_pages.choose": ("— kies —", "— choose —"),
    # -- deciding --
    "review_pages.decide_title": ("Uw besluit", "Your decision"),
    "review_pages.decide_intro": (
        "Bevestigen, veranderen en om informatie vragen wegen even zwaar; niets is vooraf "
        "gekozen. Elke keuze vraagt een motivering.",
        "Confirming, changing and asking for information carry the same weight; nothing is "
        "chosen beforehand. Every choice needs written reasons.",
    ),
    "review_pages.second_stage_title": (
        "Tweede beoordeling (vier ogen)",
        "Second review (four eyes)",
    ),
    "review_pages.second_stage_intro": (
        "Een eerste beoordelaar heeft beslist. Bent u het eens, of niet? Bij onenigheid gaat de "
        "zaak naar een senior beoordelaar. Elke keuze vraagt een motivering.",
        "A first reviewer has decided. Do you agree or not? If you disagree the case goes to "
        "a senior reviewer. Every choice needs written reasons.",
    ),
    "review_pages.what_do_you_decide": ("Wat beslist u?", "What do you decide?"),
    "review_pages.action.confirm.title": ("Bevestigen", "Confirm"),
    "review_pages.action.confirm.hint": (
        "De voorgestelde uitkomst blijft staan.",
        "The proposed outcome stands.",
    ),
    "review_pages.action.override.title": ("Veranderen", "Change"),
    "review_pages.action.override.hint": (
        "U kiest een andere uitkomst (hieronder).",
        "You choose another outcome (below).",
    ),
    "review_pages.action.request_information.title": ("Informatie vragen", "Ask for information"),
    "review_pages.action.request_information.hint": (
        "U heeft meer nodig om te beslissen; de zaak wacht tot dat binnen is.",
        "You need more to decide; the case waits until it is in.",
    ),
    "review_pages.action.escalate.title": ("Escaleren", "Escalate"),
    "review_pages.action.escalate.hint": (
        "Een senior beoordelaar beslist.",
        "A senior reviewer decides.",
    ),
    "review_pages.action.agree.title": ("Eens", "Agree"),
    "review_pages.action.agree.hint": (
        "De uitkomst van de eerste beoordelaar wordt definitief.",
        "The first reviewer's outcome becomes final.",
    ),
    "review_pages.action.disagree.title": ("Oneens", "Disagree"),
    "review_pages.action.disagree.hint": (
        "Een senior beoordelaar beslist opnieuw.",
        "A senior reviewer decides afresh.",
    ),
    "review_pages.new_outcome": (
        "Nieuwe uitkomst (alleen bij veranderen)",
        "New outcome (only when changing)",
    ),
    "review_pages.reason_label": ("Motivering (verplicht)", "Reasons (required)"),
    "review_pages.reason_hint": (
        "Waarom deze keuze, in eigen woorden (minstens 10 tekens). De motivering wordt "
        "versleuteld bewaard met de sleutel van de persoon.",
        "Why this choice, in your own words (at least 10 characters). The reasons are stored "
        "encrypted with the person's key.",
    ),
    "review_pages.record_decision": ("Besluit vastleggen", "Record the decision"),
    "review_pages.other_acts": ("Anders", "Otherwise"),
    "review_pages.escalate_reason": (
        "Waarom een senior moet beslissen (verplicht)",
        "Why a senior must decide (required)",
    ),
    "review_pages.escalate": ("Escaleren naar een senior", "Escalate to a senior"),
    "review_pages.release": ("Teruggeven aan de wachtrij", "Give back to the queue"),
    "review_pages.release_hint": (
        "Wat u opende en uw eigen oordeel vervallen met uw claim.",
        "What you opened and your own view lapse with your claim.",
    ),
    "review_pages.refused": (
        "Niet vastgelegd; er is niets veranderd:",
        "Not recorded; nothing was changed:",
    ),
    # -- problems the pages find themselves --
    "review_pages.problem.action_required": (
        "Kies wat u beslist: bevestigen, veranderen of informatie vragen.",
        "Choose what you decide: confirm, change or ask for information.",
    ),
    "review_pages.problem.outcome_required": (
        "Kies een uitkomst.",
        "Choose an outcome.",
    ),
    "review_pages.problem.reviewer_inactive": (
        "Deze beoordelaar is niet (meer) actief.",
        "This reviewer is not active.",
    ),
    "review_pages.problem.choice": (
        "Geen van de mogelijke waarden ({allowed}).",
        "Not one of the possible values ({allowed}).",
    ),
    "review_pages.problem.date_form": (
        "Geen geldige datum (JJJJ-MM-DD).",
        "Not a valid date (YYYY-MM-DD).",
    ),
    "review_pages.problem.since_after_until": (
        "De begindatum ligt na de einddatum.",
        "The first day is after the last day.",
    ),
    "review_pages.problem.whole_number": ("Vul een geheel getal in.", "Enter a whole number."),
    "review_pages.problem.number": ("Vul een getal in.", "Enter a number."),
    "review_pages.problem.unknown_profile": (
        "Dit algoritme is niet geregistreerd.",
        "This algorithm is not registered.",
    ),
    "review_pages.problem.unknown_decision": (
        "Het profiel kent dit besluit niet.",
        "The profile declares no such decision.",
    ),
    "review_pages.problem.no_procedure": (
        "Aan dit besluit is geen procedure gekoppeld.",
        "No procedure is bound to this decision.",
    ),
    "review_pages.problem.procedure_outdated": (
        "De procedure past niet meer bij de nieuwste versie van het profiel.",
        "The procedure no longer fits the newest version of the profile.",
    ),
    # -- the gateway's problems with a control case's inputs --
    "review_pages.input.undeclared": (
        "Dit gegeven is niet in het profiel opgenomen (dataminimalisatie).",
        "This field is not declared in the profile (data minimisation).",
    ),
    "review_pages.input.special_category": (
        "Bijzonder persoonsgegeven dat dit besluit niet mag gebruiken.",
        "Special-category data this decision may not use.",
    ),
    "review_pages.input.missing": (
        "Nodig voor dit besluit, maar niet ingevuld.",
        "Needed for this decision but not given.",
    ),
    "review_pages.input.type": (
        "Niet het soort waarde dat het profiel vraagt.",
        "Not the kind of value the profile declares.",
    ),
    "review_pages.input.minimum": (
        "Lager dan het minimum in het profiel.",
        "Below the minimum the profile declares.",
    ),
    "review_pages.input.maximum": (
        "Hoger dan het maximum in het profiel.",
        "Above the maximum the profile declares.",
    ),
    "review_pages.input.allowed_values": (
        "Geen van de waarden die het profiel toestaat.",
        "Not one of the values the profile allows.",
    ),
    "review_pages.input.duplicate": ("Dubbel opgegeven.", "Given twice."),
    # -- why the gateway sent a decision to a human (codes of sluis.gateway.routing) --
    "review_pages.route.human_review_before_effect": (
        "Volgens het profiel beslist een mens voordat het besluit gevolgen heeft; de uitkomst "
        "van de procedure is een voorstel.",
        "According to the profile a human decides before the decision takes effect; the "
        "procedure's outcome is a proposal.",
    ),
    "review_pages.route.prohibited": (
        "Een uitsluitend geautomatiseerd besluit is hier verboden: een mens moet beslissen.",
        "A solely automated decision is prohibited here: a human must decide.",
    ),
    "review_pages.route.unknown": (
        "Er ontbreken feiten om geautomatiseerd te mogen beslissen: een mens beslist.",
        "Facts are missing to allow an automated decision: a human decides.",
    ),
    "review_pages.route.risk_selection": (
        "Een risicoselectie: alleen een signaal om de zaak door een mens te laten bekijken.",
        "A risk selection: only a signal for a human to look at the case.",
    ),
    "review_pages.route.risk_selection_outside_doctrine": (
        "Een risicoselectie die niet aan alle voorwaarden voldoet: eerst beoordeelt een mens.",
        "A risk selection that does not meet every condition: a human reviews first.",
    ),
    "review_pages.route.review_requested": (
        "Er is om menselijke beoordeling gevraagd.",
        "Human review was asked for.",
    ),
    "review_pages.route.refused_final": (
        "Er werd gevraagd het besluit direct definitief te maken; dat staat de wet niet toe.",
        "It was asked to make the decision final at once; the law does not allow that.",
    ),
    "review_pages.route.exception_allows": (
        "Een uitzondering van art. 22(2) AVG staat een geautomatiseerd besluit toe.",
        "An exception of GDPR art. 22(2) allows an automated decision.",
    ),
    "review_pages.route.no_significant_effect": (
        "Het besluit heeft geen rechtsgevolg of aanmerkelijk effect.",
        "The decision has no legal or similarly significant effect.",
    ),
    # -- the dashboard --
    "review_pages.dashboard_title": ("Is beoordelen betekenisvol?", "Is review meaningful?"),
    "review_pages.dashboard_intro": (
        "De maatstaven van menselijke beoordeling per beoordelaar, maand en groep, met hun "
        "signalen; dezelfde cijfers als het rapport voor de DPIA.",
        "The measures of human review per reviewer, month and group, with their alerts; the "
        "same numbers as the report for the DPIA.",
    ),
    "review_pages.all_algorithms": ("alle algoritmes", "all algorithms"),
    "review_pages.since": ("Vanaf", "From"),
    "review_pages.until": ("Tot en met", "Until"),
    "review_pages.show": ("Tonen", "Show"),
    "review_pages.download": ("Downloaden", "Download"),
    # -- the policy --
    "review_pages.policy_title": ("Beoordelingsbeleid", "Review policy"),
    "review_pages.policy_intro": (
        "Hoe de zaken van dit algoritme worden beoordeeld, en wanneer de maatstaven een "
        "signaal geven.",
        "How this algorithm's cases are reviewed, and when the measures raise an alert.",
    ),
    "review_pages.policy_review": ("Beoordelen", "Reviewing"),
    "review_pages.policy_thresholds": ("Drempels voor signalen", "Thresholds for alerts"),
    "review_pages.policy_saved": ("Het beleid is opgeslagen.", "The policy was saved."),
    "review_pages.policy.hide_recommendation": (
        "Voorstel verbergen tot de beoordelaar een eigen oordeel vastlegt",
        "Hide the proposal until the reviewer records a view of their own",
    ),
    "review_pages.policy.hide_recommendation_hint": (
        "Tegen automatiseringsvooroordeel (AI-verordening art. 14(4)(b)).",
        "Against automation bias (AI Act art. 14(4)(b)).",
    ),
    "review_pages.policy.four_eyes": ("Vier ogen", "Four eyes"),
    "review_pages.policy.four_eyes_hint": (
        "Een tweede beoordelaar moet het met de eerste eens zijn voordat het besluit "
        "definitief is.",
        "A second reviewer must agree with the first before the decision becomes final.",
    ),
    "review_pages.policy.claim_minutes": (
        "Hoe lang een genomen zaak vastligt (minuten)",
        "How long a claim holds (minutes)",
    ),
    "review_pages.policy.due_days": (
        "Termijn van een nieuwe zaak (dagen)",
        "Deadline of a new case (days)",
    ),
    "review_pages.policy.group_field": ("Groepsgegeven", "Group field"),
    "review_pages.policy.no_group": ("(geen)", "(none)"),
    "review_pages.policy.group_field_hint": (
        "Een gegeven uit het profiel waarmee de maatstaven per groep mensen worden vergeleken.",
        "A field of the profile by which the measures compare groups of people.",
    ),
    "review_pages.policy.thresholds_hint": (
        "Leeg laten houdt de standaardwaarde. Aandelen als getal tussen 0 en 1 (0,98 = 98%). "
        "Vult u een minimum voor geopende onderdelen in, dan gelden alleen de ingevulde.",
        "Left empty, the default holds. Shares as a number between 0 and 1 (0.98 = 98%). "
        "If you fill in a minimum for opened parts, only those filled in apply.",
    ),
    "review_pages.threshold.max_agreement": (
        "Hoogste aandeel eens met het voorstel",
        "Highest share agreeing with the proposal",
    ),
    "review_pages.threshold.min_decisions_for_agreement": (
        "Minimum aantal besluiten om instemming te beoordelen",
        "Fewest decisions to judge agreement",
    ),
    "review_pages.threshold.min_median_seconds": (
        "Kortste mediane beoordelingstijd",
        "Shortest median review time",
    ),
    "review_pages.threshold.max_fast_share": (
        "Hoogste aandeel snelle beoordelingen",
        "Highest share of fast reviews",
    ),
    "review_pages.threshold.min_decisions_for_time": (
        "Minimum aantal besluiten om tijd te beoordelen",
        "Fewest decisions to judge time",
    ),
    "review_pages.threshold.min_catch_rate": (
        "Laagste aandeel goed beoordeelde controlezaken",
        "Lowest share of control cases got right",
    ),
    "review_pages.threshold.min_control_cases": (
        "Minimum aantal controlezaken",
        "Fewest control cases",
    ),
    "review_pages.threshold.min_decisions_for_opened": (
        "Minimum aantal besluiten om geopende onderdelen te beoordelen",
        "Fewest decisions to judge opened parts",
    ),
    "review_pages.threshold.fast_seconds": (
        "Wat telt als snel (seconden)",
        "What counts as fast (seconds)",
    ),
    "review_pages.threshold.min_opened_share": (
        "Laagste aandeel dat opent: {item}",
        "Lowest share opening: {item}",
    ),
    "review_pages.unit.share": ("aandeel 0–1", "share 0–1"),
    "review_pages.unit.count": ("aantal", "count"),
    "review_pages.unit.seconds": ("seconden", "seconds"),
    "review_pages.default": ("standaard", "default"),
    "review_pages.save": ("Opslaan", "Save"),
    # -- control cases --
    "review_pages.controls_title": ("Controlezaken", "Control cases"),
    "review_pages.controls_intro": (
        "Een controlezaak is een verzonnen zaak waarvan u de juiste uitkomst kent. In de "
        "wachtrij lijkt hij op elke andere zaak; de maatstaven tonen hoe vaak beoordelaars "
        "hem goed beoordelen.",
        "A control case is a made-up case whose right outcome you know. In the queue it "
        "looks like any other; the measures show how often reviewers get it right.",
    ),
    "review_pages.no_bound_decision": (
        "Aan geen besluit van dit algoritme is een procedure gekoppeld.",
        "No decision of this algorithm has a procedure bound to it.",
    ),
    "review_pages.control_inputs": ("Verzonnen gegevens", "Made-up data"),
    "review_pages.control_inputs_hint": (
        "Vul de gegevens in die het besluit gebruikt; lege velden worden weggelaten.",
        "Fill in the data the decision uses; empty fields are left out.",
    ),
    "review_pages.expected_outcome": ("Juiste uitkomst", "Right outcome"),
    "review_pages.planted_by": ("Geplaatst door", "Planted by"),
    "review_pages.plant": ("Controlezaak plaatsen", "Plant the control case"),
    "review_pages.control_planted": (
        "De controlezaak staat in de wachtrij.",
        "The control case is in the queue.",
    ),
    "review_pages.planted": ("Geplaatste controlezaken", "Planted control cases"),
    "review_pages.no_controls": ("Nog geen controlezaken.", "No control cases yet."),
    "review_pages.planted_at": ("Geplaatst", "Planted"),
    "review_pages.reached": ("Uitkomst beoordeling", "Outcome of the review"),
    "review_pages.caught": ("goed", "right"),
    "review_pages.missed": ("gemist", "missed"),
}
