"""Wording of the rights desk: the portal, the answers to requests, mail and the staff
desk. Answers are written for the person in plain language (GDPR art. 12(1)); placeholders
in braces are filled in by ``sluis.rights``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    # -- kinds of request
    "rights.kind.access": ("Inzage in uw gegevens", "Access to your data"),
    "rights.kind.rectification": ("Verbetering van uw gegevens", "Correction of your data"),
    "rights.kind.erasure": ("Verwijdering van uw gegevens", "Erasure of your data"),
    "rights.kind.restriction": ("Beperking van het gebruik", "Restriction of use"),
    "rights.kind.objection": ("Bezwaar tegen het gebruik", "Objection to the use"),
    "rights.kind.human_intervention": (
        "Beoordeling door een mens",
        "Review by a human",
    ),
    "rights.kind.express_view": ("Uw standpunt geven", "Giving your point of view"),
    "rights.kind.contest": ("Het besluit aanvechten", "Contesting the decision"),
    "rights.kind.explanation": ("Uitleg over het besluit", "Explanation of the decision"),
    # -- states and urgency
    "rights.state.identity_pending": (
        "wacht op controle van uw identiteit",
        "awaiting identity check",
    ),
    "rights.state.identity_locked": (
        "identiteit niet bevestigd: een medewerker neemt contact op",
        "identity not confirmed: a staff member will contact you",
    ),
    "rights.state.in_progress": ("in behandeling", "in progress"),
    "rights.state.in_review": (
        "een andere medewerker beoordeelt het besluit",
        "another staff member is reviewing the decision",
    ),
    "rights.state.answered": ("beantwoord", "answered"),
    "rights.state.refused": ("afgewezen", "refused"),
    "rights.urgency.overdue": ("te laat", "overdue"),
    "rights.urgency.due_soon": ("bijna verlopen", "due soon"),
    "rights.urgency.on_time": ("op tijd", "on time"),
    "rights.urgency.closed": ("afgehandeld", "closed"),
    # -- problems
    "rights.problem.kind_unknown": (
        "Onbekend soort verzoek; kies uit: {allowed}.",
        "Unknown kind of request; choose from: {allowed}.",
    ),
    "rights.problem.channel_unknown": (
        "Onbekend kanaal; kies uit: {allowed}.",
        "Unknown channel; choose from: {allowed}.",
    ),
    "rights.problem.lang_unknown": ("Kies nl of en.", "Choose nl or en."),
    "rights.problem.person_unnamed": (
        "Geef het kenmerk uit uw besluitbrief of uw klantnummer.",
        "Give the reference from your decision letter or your customer number.",
    ),
    "rights.problem.reference_needed": (
        "Dit verzoek gaat over één besluit: geef het kenmerk uit de besluitbrief.",
        "This request is about one decision: give the reference from the decision letter.",
    ),
    "rights.problem.too_long": (
        "Te lang: hoogstens {max} tekens.",
        "Too long: at most {max} characters.",
    ),
    "rights.problem.email_form": (
        "Dit is geen geldig e-mailadres.",
        "This is not a valid e-mail address.",
    ),
    "rights.problem.email_needed": (
        "Geef een e-mailadres voor ons antwoord.",
        "Give an e-mail address for our answer.",
    ),
    "rights.problem.message_needed": (
        "Schrijf wat u ons wilt laten weten.",
        "Write what you want to tell us.",
    ),
    "rights.problem.received_on_portal": (
        "Alleen medewerkers geven een datum van ontvangst op.",
        "Only staff give a date of receipt.",
    ),
    "rights.problem.received_in_future": (
        "De datum van ontvangst ligt in de toekomst (vandaag is {today}).",
        "The date of receipt lies in the future (today is {today}).",
    ),
    "rights.problem.received_before_gdpr": (
        "De datum van ontvangst ligt voor 25 mei 2018.",
        "The date of receipt is before 25 May 2018.",
    ),
    "rights.problem.date_form": (
        "Dit is geen bestaande datum (gebruik JJJJ-MM-DD).",
        "This is not a real date (use YYYY-MM-DD).",
    ),
    "rights.problem.identity_by_staff_only": (
        "Alleen medewerkers bevestigen een identiteit zelf.",
        "Only staff confirm an identity themselves.",
    ),
    "rights.problem.reference_unknown": (
        "Wij kennen dit kenmerk niet. Controleer het kenmerk in uw brief.",
        "We do not know this reference. Check the reference in your letter.",
    ),
    "rights.problem.reference_mismatch": (
        "Het kenmerk en het klantnummer horen niet bij elkaar.",
        "The reference and the customer number do not belong together.",
    ),
    "rights.problem.request_unknown": ("Dit verzoek bestaat niet.", "This request does not exist."),
    "rights.problem.state_forbids": (
        "Dat kan niet in deze stand van het verzoek ({state}).",
        "That is not possible in this state of the request ({state}).",
    ),
    "rights.problem.no_known_address": (
        "Wij kennen geen e-mailadres van u om een code naar te sturen.",
        "We know no e-mail address of yours to send a code to.",
    ),
    "rights.problem.codes_exhausted": (
        "Er zijn te veel codes verstuurd. Een medewerker neemt contact met u op.",
        "Too many codes were sent. A staff member will contact you.",
    ),
    "rights.problem.mail_unavailable": (
        "De e-mail kon niet worden verstuurd. Probeer het later opnieuw.",
        "The e-mail could not be sent. Please try again later.",
    ),
    "rights.problem.code_form": ("De code bestaat uit 6 cijfers.", "The code has 6 digits."),
    "rights.problem.code_wrong": (
        "Deze code klopt niet. U kunt het nog {left} keer proberen.",
        "This code is not right. You can try {left} more times.",
    ),
    "rights.problem.code_used": (
        "Deze code is al gebruikt. Vraag een nieuwe code aan. Nog {left} pogingen.",
        "This code was used already. Ask for a new code. {left} tries left.",
    ),
    "rights.problem.code_expired": (
        "Deze code is verlopen. Vraag een nieuwe code aan. Nog {left} pogingen.",
        "This code has expired. Ask for a new code. {left} tries left.",
    ),
    "rights.problem.identity_locked": (
        "Te veel mislukte pogingen. Een medewerker neemt contact met u op.",
        "Too many failed tries. A staff member will contact you.",
    ),
    "rights.problem.identity_done": (
        "Uw identiteit is al bevestigd.",
        "Your identity has been confirmed already.",
    ),
    "rights.problem.no_facts": (
        "Voor dit verzoek kunnen wij geen vragen stellen. Een medewerker neemt contact op.",
        "We cannot ask questions for this request. A staff member will contact you.",
    ),
    "rights.problem.fact_needed": ("Vul dit in.", "Fill this in."),
    "rights.problem.facts_wrong": (
        "Deze gegevens kloppen niet met wat wij van u weten. Nog {left} pogingen.",
        "These details do not match what we know about you. {left} tries left.",
    ),
    "rights.problem.request_closed": (
        "Dit verzoek is al afgehandeld.",
        "This request has been closed already.",
    ),
    "rights.problem.identity_unconfirmed": (
        "De identiteit van de persoon is nog niet bevestigd.",
        "The person's identity has not been confirmed yet.",
    ),
    "rights.problem.text_needed": ("Schrijf een tekst.", "Write a text."),
    "rights.problem.refusal_unknown": (
        "Onbekende reden; kies uit: {allowed}.",
        "Unknown reason; choose from: {allowed}.",
    ),
    "rights.problem.already_extended": (
        "De termijn is al eens verlengd; dat kan maar één keer.",
        "The period was extended already; that is possible only once.",
    ),
    "rights.problem.extension_too_late": (
        "Te laat om te verlengen: dat moest uiterlijk op {notify_by} (nu {on}).",
        "Too late to extend: that had to be done by {notify_by} (now {on}).",
    ),
    "rights.problem.extension_before_receipt": (
        "De verlenging ligt voor de ontvangst ({received}).",
        "The extension lies before the receipt ({received}).",
    ),
    "rights.problem.extension_no_reasons": (
        "Een verlenging heeft redenen nodig; de persoon krijgt ze te horen.",
        "An extension needs reasons; the person is told them.",
    ),
    "rights.problem.kind_mismatch": (
        "Dit past niet bij dit soort verzoek ({kind}).",
        "This does not fit this kind of request ({kind}).",
    ),
    "rights.problem.not_restricted": (
        "Het gebruik is niet beperkt.",
        "Processing is not restricted.",
    ),
    "rights.problem.no_decision": (
        "Dit verzoek noemt geen besluit.",
        "This request names no decision.",
    ),
    "rights.problem.correction_type": (
        "Deze waarde past niet bij het soort gegeven.",
        "This value does not fit the kind of data.",
    ),
    "rights.problem.no_answer_yet": (
        "Dit verzoek is nog niet beantwoord.",
        "This request has not been answered yet.",
    ),
    "rights.problem.answer_not_kept": (
        "De tekst van dit antwoord is niet bewaard (de gegevens zijn gewist).",
        "The text of this answer was not kept (the data were erased).",
    ),
    "rights.letter.date": ("Datum", "Date"),
    "rights.letter.reference": ("Ons kenmerk", "Our reference"),
    "rights.page.answer_pdf": ("Antwoord als brief (PDF)", "Answer as a letter (PDF)"),
    "rights.page.rectify_title": ("Gegevens verbeteren", "Correct the data"),
    "rights.page.rectify_intro": (
        "Pas de gegevens aan die niet kloppen; wat gelijk blijft, verandert niet. Met het "
        "klantnummer van de persoon wordt meteen opnieuw besloten met de verbeterde "
        "gegevens; zonder wordt een nieuw besluit aangeboden.",
        "Change the data that are wrong; what stays the same is not changed. With the "
        "person's customer number, a new decision is taken at once on the corrected data; "
        "without it, one is offered.",
    ),
    "rights.page.rectify_subject": (
        "Klantnummer van de persoon (voor een nieuw besluit)",
        "The person's customer number (for a new decision)",
    ),
    "rights.page.rectify": ("Verbeter en beantwoord", "Correct and answer"),
    "rights.page.holds": (
        "Juridische bewaarplicht (AVG art. 17(3)(e)): wissen wordt geweigerd",
        "Legal hold (GDPR art. 17(3)(e)): erasure will be refused",
    ),
    "rights.page.hold_subject": ("op deze persoon", "on this person"),
    "rights.page.objection_title": ("Bezwaar wegen", "Weigh the objection"),
    "rights.page.objection_intro": (
        "Weeg de bijzondere situatie van de persoon tegen uw dwingende gerechtvaardigde "
        "gronden (AVG art. 21(1)). Toegewezen: de verwerking stopt. Afgewezen: noem de "
        "gronden; de persoon hoort ook over klacht en rechter.",
        "Weigh the person's particular situation against your compelling legitimate grounds "
        "(GDPR art. 21(1)). Upheld: processing stops. Rejected: state the grounds; the "
        "person is also told about complaint and court.",
    ),
    "rights.problem.corrections_needed": ("Geef de verbeteringen.", "Give the corrections."),
    "rights.problem.field_unknown": (
        "Dit gegeven hoort niet bij het besluit.",
        "This field does not belong to the decision.",
    ),
    "rights.problem.subject_mismatch": (
        "Dit klantnummer hoort niet bij het verzoek.",
        "This customer number does not belong to the request.",
    ),
    "rights.problem.correction_refused": (
        "Deze verbetering past niet bij de regels voor dit gegeven.",
        "This correction does not fit the rules for this field.",
    ),
    "rights.problem.redecision_unavailable": (
        "Er kan nu geen nieuw besluit worden genomen.",
        "No new decision can be taken now.",
    ),
    "rights.problem.data_erased": (
        "De gegevens van dit besluit zijn gewist.",
        "The data of this decision were erased.",
    ),
    "rights.problem.not_yours": (
        "U kunt alleen uw eigen verzoek bekijken. Bevestig eerst wie u bent.",
        "You can only see your own request. Confirm who you are first.",
    ),
    # -- refusals
    "rights.refusal.manifestly_unfounded": (
        "Wij wijzen uw verzoek af omdat het kennelijk ongegrond is.",
        "We refuse your request because it is manifestly unfounded.",
    ),
    "rights.refusal.excessive": (
        "Wij wijzen uw verzoek af omdat het buitensporig is, bijvoorbeeld omdat het steeds wordt "
        "herhaald.",
        "We refuse your request because it is excessive, for example because it is repeated again "
        "and again.",
    ),
    "rights.refusal.identity_not_confirmed": (
        "Wij konden niet vaststellen dat het verzoek van u komt. Daarom kunnen wij het niet "
        "uitvoeren.",
        "We could not establish that the request comes from you. So we cannot carry it out.",
    ),
    "rights.refusal.retention_duty": (
        "Een wettelijke plicht om de gegevens te bewaren gaat nu voor op wissen.",
        "A legal duty to keep the data comes before erasure for now.",
    ),
    "rights.refusal.legal_hold": (
        "De gegevens zijn nodig voor een juridische procedure; zolang die loopt, gaat bewaren "
        "voor op wissen.",
        "The data are needed for legal proceedings; while those run, keeping them comes before "
        "erasure.",
    ),
    "rights.refusal.compelling_grounds": (
        "Wij hebben dwingende redenen om uw gegevens toch te gebruiken. Die wegen zwaarder dan uw "
        "belangen.",
        "We have compelling reasons to go on using your data. They outweigh your interests.",
    ),
    "rights.refusal.data_accurate": (
        "Wij hebben uw gegevens gecontroleerd. Ze kloppen, dus wij verbeteren ze niet.",
        "We checked your data. They are correct, so we do not change them.",
    ),
    "rights.refusal.not_automated": (
        "Over dit besluit heeft al een mens beslist. Het is geen besluit van alleen een computer.",
        "A human already decided on this decision. It is not a decision by a computer alone.",
    ),
    "rights.refusal.other": (
        "Wij kunnen uw verzoek niet uitvoeren.",
        "We cannot carry out your request.",
    ),
    # -- answers
    "rights.answer.greeting": ("Geachte heer of mevrouw,", "Dear Sir or Madam,"),
    "rights.answer.greeting_named": ("Beste {name},", "Dear {name},"),
    "rights.answer.intro": (
        "U stuurde ons op {received} een verzoek: {kind}. Uw kenmerk is {reference}.",
        "On {received} you sent us a request: {kind}. Your reference is {reference}.",
    ),
    "rights.answer.articles": (
        "Dit antwoord steunt op: {articles}.",
        "This answer rests on: {articles}.",
    ),
    "rights.answer.remedies": (
        "Bent u het niet met ons eens? Dan kunt u een klacht indienen bij {authority} ({url}). U "
        "kunt ook naar de rechter gaan.",
        "Do you disagree with us? Then you can complain to {authority} ({url}). You can also go to"
        " court.",
    ),
    "rights.answer.follow": (
        "U kunt uw verzoek volgen op {link}. U bevestigt daar eerst wie u bent.",
        "You can follow your request at {link}. You confirm who you are there first.",
    ),
    "rights.answer.closing": (
        "Met vriendelijke groet,\n{organisation}",
        "Kind regards,\n{organisation}",
    ),
    "rights.answer.organisation_default": ("De organisatie", "The organisation"),
    "rights.answer.received": (
        "Wij hebben uw verzoek ontvangen. U krijgt uiterlijk op {due} antwoord.",
        "We have received your request. You will get an answer by {due} at the latest.",
    ),
    "rights.answer.access_ready": (
        "Uw gegevens staan voor u klaar. U ziet welke besluiten wij over u namen, met welke "
        "gegevens, waar die vandaan komen, hoe het besluit tot stand kwam en hoe lang wij de "
        "gegevens bewaren. U kunt alles downloaden als PDF en als JSON.",
        "Your data are ready for you. You see which decisions we took about you, with which data, "
        "where they come from, how the decision came about and how long we keep the data. You can "
        "download everything as PDF and as JSON.",
    ),
    "rights.answer.explanation_ready": (
        "In de bijlage staat het besluit met de uitleg. U leest welke gegevens wij gebruikten en "
        "hoe die tot de uitkomst leidden.",
        "The attachment holds the decision with its explanation. You read which data we used and "
        "how they led to the outcome.",
    ),
    "rights.answer.review_changed": (
        "Een andere medewerker heeft het besluit opnieuw beoordeeld. Uw standpunt is daarbij "
        "meegewogen. Het besluit is veranderd. Het nieuwe besluit staat in de bijlage.",
        "Another staff member has reviewed the decision again. Your point of view was weighed. The"
        " decision has changed. The new decision is attached.",
    ),
    "rights.answer.review_confirmed": (
        "Een andere medewerker heeft het besluit opnieuw beoordeeld. Uw standpunt is daarbij "
        "meegewogen. Het besluit blijft hetzelfde. Het besluit met de redenen staat in de bijlage.",
        "Another staff member has reviewed the decision again. Your point of view was weighed. The"
        " decision stays the same. The decision with its reasons is attached.",
    ),
    "rights.answer.view_weighed": (
        "Een medewerker heeft uw standpunt meegewogen bij het besluit. Het besluit staat in de "
        "bijlage.",
        "A staff member weighed your point of view in the decision. The decision is attached.",
    ),
    "rights.answer.notice_follows": (
        "Het besluit zelf sturen wij u apart.",
        "We send you the decision itself separately.",
    ),
    "rights.answer.extended": (
        "Wij hebben meer tijd nodig voor uw verzoek. U krijgt uiterlijk op {due} antwoord. De "
        "reden: {reasons}",
        "We need more time for your request. You will get an answer by {due} at the latest. The "
        "reason: {reasons}",
    ),
    "rights.answer.erased": (
        "Wij hebben uw gegevens gewist. Het ging om {records} besluiten. Niemand kan ze nog lezen,"
        " ook wij niet.",
        "We have erased your data. It concerned {records} decisions. Nobody can read them any "
        "more, not even we.",
    ),
    "rights.answer.duties_intro": (
        "Wij mogen uw gegevens nog niet wissen. De wet verplicht ons ze te bewaren:",
        "We may not erase your data yet. The law obliges us to keep them:",
    ),
    "rights.answer.holds_intro": (
        "Wij mogen uw gegevens nu niet wissen. Ze zijn nodig om een rechtsvordering vast te "
        "stellen, uit te oefenen of te verdedigen, en daarom staan ze onder een juridische "
        "bewaarplicht (legal hold):",
        "We may not erase your data now. They are needed to establish, exercise or defend a "
        "legal claim, so they are under a legal hold:",
    ),
    "rights.answer.hold_subject": ("al uw gegevens bij ons", "all your data with us"),
    "rights.answer.hold_algorithm": (
        "de gegevens van {algorithm}",
        "the data of {algorithm}",
    ),
    "rights.answer.holds_after": (
        "Zodra de bewaarplicht is opgeheven, kunt u opnieuw om wissen vragen. Tot die tijd "
        "gebruiken wij de gegevens alleen daarvoor.",
        "Once the hold is lifted, you can ask again for erasure. Until then we use the data "
        "only for that purpose.",
    ),
    "rights.answer.duty": (
        "{algorithm}: gegevens over {category}, tot en met {until}. Reden: {justification}",
        "{algorithm}: data on {category}, until {until}. Reason: {justification}",
    ),
    "rights.answer.duties_after": (
        "Daarna wissen wij ze. Tot die tijd gebruiken wij ze alleen voor die plicht.",
        "After that we erase them. Until then we use them only for that duty.",
    ),
    "rights.answer.restricted": (
        "Wij gebruiken uw gegevens niet meer, behalve om ze te bewaren. Wij nemen geen nieuwe "
        "besluiten over u. Voordat wij dit opheffen, laten wij het u weten.",
        "We no longer use your data, except to keep them. We take no new decisions about you. "
        "Before we lift this, we will let you know.",
    ),
    "rights.answer.restriction_lifted": (
        "Wij heffen de beperking van het gebruik van uw gegevens op. Vanaf nu kunnen wij ze weer "
        "gebruiken.",
        "We lift the restriction on the use of your data. From now on we can use them again.",
    ),
    "rights.answer.objection_upheld": (
        "Wij hebben uw bezwaar gewogen en geven u gelijk. Wij stoppen met het gebruik van uw "
        "gegevens en nemen geen nieuwe besluiten over u.",
        "We weighed your objection and agree with you. We stop using your data and take no new "
        "decisions about you.",
    ),
    "rights.answer.rectified": (
        "Wij hebben uw gegevens verbeterd: {fields}.",
        "We have corrected your data: {fields}.",
    ),
    "rights.answer.redecided": (
        "Wij hebben opnieuw besloten met de verbeterde gegevens. Het nieuwe besluit heeft kenmerk "
        "{reference}.",
        "We took a new decision with the corrected data. The new decision has reference "
        "{reference}.",
    ),
    "rights.answer.redecision_offered": (
        "Wilt u een nieuw besluit met de verbeterde gegevens? Laat het ons weten, dan besluiten "
        "wij opnieuw.",
        "Do you want a new decision with the corrected data? Let us know and we will decide again.",
    ),
    # -- mail
    "rights.mail.subject.received": (
        "Uw verzoek is ontvangen: {kind}",
        "Your request was received: {kind}",
    ),
    "rights.mail.subject.answered": (
        "Antwoord op uw verzoek: {kind}",
        "Answer to your request: {kind}",
    ),
    "rights.mail.subject.refused": (
        "Antwoord op uw verzoek: {kind}",
        "Answer to your request: {kind}",
    ),
    "rights.mail.subject.extended": (
        "Meer tijd voor uw verzoek: {kind}",
        "More time for your request: {kind}",
    ),
    "rights.mail.subject.lifted": ("Beperking opgeheven: {kind}", "Restriction lifted: {kind}"),
    "rights.mail.code.subject": ("Uw code", "Your code"),
    "rights.mail.code.body": (
        "Uw code is {code}. De code is {minutes} minuten geldig en werkt één keer.\n\nHeeft u geen"
        " verzoek gedaan? Dan kunt u deze e-mail negeren.",
        "Your code is {code}. The code is valid for {minutes} minutes and works once.\n\nDid you "
        "not make a request? Then you can ignore this e-mail.",
    ),
    "rights.mail.reminder.subject": (
        "{count} verzoeken van betrokkenen zijn bijna of al te laat",
        "{count} requests of data subjects are due soon or overdue",
    ),
    "rights.mail.reminder.body": (
        "Deze verzoeken zijn te laat of verlopen binnen {days} dagen:\n\n{lines}\n",
        "These requests are overdue or due within {days} days:\n\n{lines}\n",
    ),
    "rights.mail.reminder.line": (
        "- {urgency}: uiterlijk {due}, {kind} ({state}) {link}",
        "- {urgency}: by {due}, {kind} ({state}) {link}",
    ),
    # -- the access package
    "rights.package.title": ("Uw gegevens", "Your data"),
    "rights.package.intro": (
        "Dit zijn alle gegevens die wij over u hebben, met wat wij ermee doen (artikel 15 AVG).",
        "These are all the data we hold about you, with what we do with them (GDPR article 15).",
    ),
    "rights.package.reference": ("Kenmerk van uw verzoek", "Reference of your request"),
    "rights.package.restricted": (
        "Het gebruik van uw gegevens is beperkt: wij nemen geen nieuwe besluiten over u.",
        "The use of your data is restricted: we take no new decisions about you.",
    ),
    "rights.package.contact": ("Uw e-mailadres bij ons", "Your e-mail address with us"),
    "rights.package.no_decisions": (
        "Wij hebben geen besluiten over u die nog leesbaar zijn.",
        "We hold no decisions about you that can still be read.",
    ),
    "rights.package.decision": ("Besluit", "Decision"),
    "rights.package.status": ("Stand", "Status"),
    "rights.package.outcome": ("Uitkomst", "Outcome"),
    "rights.package.controller": ("Verantwoordelijke", "Controller"),
    "rights.package.dpo": ("functionaris gegevensbescherming", "data protection officer"),
    "rights.package.purposes": ("Doelen", "Purposes"),
    "rights.package.basis": ("Grondslag", "Legal basis"),
    "rights.package.recipients": ("Ontvangers", "Recipients"),
    "rights.package.data": ("Gebruikte gegevens", "Data used"),
    "rights.package.field": ("Gegeven", "Field"),
    "rights.package.value": ("Waarde", "Value"),
    "rights.package.source": ("Bron", "Source"),
    "rights.package.purpose": ("Waarom nodig", "Why needed"),
    "rights.package.logic": ("Hoe het besluit tot stand kwam", "How the decision came about"),
    "rights.package.reviews": ("Beoordelingen door mensen", "Reviews by humans"),
    "rights.package.submissions": ("Wat u ons stuurde", "What you sent us"),
    "rights.package.retention": ("Hoe lang wij de gegevens bewaren", "How long we keep the data"),
    "rights.package.months": ("maanden", "months"),
    "rights.package.until": ("tot", "until"),
    "rights.package.requests": ("Uw verzoeken", "Your requests"),
    # -- pages
    "rights.page.new_title": ("Een verzoek over uw gegevens", "A request about your data"),
    "rights.page.new_intro": (
        "Hier vraagt u ons iets over uw gegevens of over een besluit over u. Het is gratis. Wij "
        "antwoorden binnen een maand.",
        "Here you ask us something about your data or about a decision about you. It is free. We "
        "answer within a month.",
    ),
    "rights.page.fix": ("Verbeter dit eerst:", "Please fix this first:"),
    "rights.page.kind": ("Wat wilt u?", "What do you want?"),
    "rights.page.kind_help.access": (
        "U krijgt al uw gegevens en wat wij ermee doen.",
        "You get all your data and what we do with them.",
    ),
    "rights.page.kind_help.rectification": (
        "Een gegeven klopt niet. Schrijf wat het moet zijn.",
        "A detail is wrong. Write what it should be.",
    ),
    "rights.page.kind_help.erasure": (
        "Wij wissen uw gegevens, tenzij de wet ons verplicht ze te bewaren.",
        "We erase your data, unless the law obliges us to keep them.",
    ),
    "rights.page.kind_help.restriction": (
        "Wij bewaren uw gegevens, maar gebruiken ze niet.",
        "We keep your data but do not use them.",
    ),
    "rights.page.kind_help.objection": (
        "U wilt niet dat wij uw gegevens nog gebruiken.",
        "You do not want us to use your data any more.",
    ),
    "rights.page.kind_help.human_intervention": (
        "Een medewerker bekijkt het besluit opnieuw.",
        "A staff member looks at the decision again.",
    ),
    "rights.page.kind_help.express_view": (
        "U vertelt ons wat u van het besluit vindt.",
        "You tell us what you think of the decision.",
    ),
    "rights.page.kind_help.contest": (
        "U bent het niet eens met het besluit. Een andere medewerker beoordeelt het opnieuw.",
        "You disagree with the decision. Another staff member reviews it again.",
    ),
    "rights.page.kind_help.explanation": (
        "U krijgt uitleg over hoe het besluit tot stand kwam.",
        "You get an explanation of how the decision came about.",
    ),
    "rights.page.reference": ("Kenmerk uit uw besluitbrief", "Reference from your decision letter"),
    "rights.page.reference_help": (
        "Heeft u geen brief? Vul dan uw klantnummer in.",
        "No letter? Then fill in your customer number.",
    ),
    "rights.page.subject_id": (
        "Uw klantnummer (als u geen kenmerk heeft)",
        "Your customer number (if you have no reference)",
    ),
    "rights.page.name": ("Uw naam", "Your name"),
    "rights.page.email": ("Uw e-mailadres voor ons antwoord", "Your e-mail address for our answer"),
    "rights.page.message": ("Uw toelichting of standpunt", "Your explanation or point of view"),
    "rights.page.message_help": (
        "Vertel waarom u het niet eens bent, of wat er niet klopt. Een medewerker leest dit.",
        "Tell us why you disagree, or what is wrong. A staff member reads this.",
    ),
    "rights.page.submit": ("Verzoek versturen", "Send request"),
    "rights.page.free": (
        "Wij vragen alleen wat nodig is om te weten dat u het bent. Nooit een kopie van uw "
        "paspoort.",
        "We only ask what we need to know it is you. Never a copy of your passport.",
    ),
    "rights.page.verify_title": ("Bevestig dat u het bent", "Confirm it is you"),
    "rights.page.reference_is": ("Kenmerk van uw verzoek", "Reference of your request"),
    "rights.page.code_sent": (
        "Wij stuurden een code van 6 cijfers naar het e-mailadres dat wij van u kennen "
        "({address}).",
        "We sent a 6-digit code to the e-mail address we know for you ({address}).",
    ),
    "rights.page.code_resent": ("Er is een nieuwe code verstuurd.", "A new code has been sent."),
    "rights.page.code": ("Code", "Code"),
    "rights.page.confirm": ("Bevestigen", "Confirm"),
    "rights.page.resend": ("Stuur een nieuwe code", "Send a new code"),
    "rights.page.codes_left": ("Nog {count} codes mogelijk.", "{count} codes left."),
    "rights.page.facts_intro": (
        "Vul deze gegevens in zoals u ze bij uw aanvraag gaf. Zo weten wij dat u het bent.",
        "Fill in these details as you gave them in your application. That way we know it is you.",
    ),
    "rights.page.staff_check": (
        "Wij kunnen uw identiteit hier niet controleren. Een medewerker neemt binnen enkele "
        "werkdagen contact met u op.",
        "We cannot check your identity here. A staff member will contact you within a few working "
        "days.",
    ),
    "rights.page.tries_left": ("Nog {count} pogingen.", "{count} tries left."),
    "rights.page.why_check": (
        "Wij controleren dit zodat niemand anders uw gegevens ziet (artikel 12 lid 6 AVG).",
        "We check this so that nobody else sees your data (GDPR article 12(6)).",
    ),
    "rights.page.status_title": ("Uw verzoek", "Your request"),
    "rights.page.state": ("Stand", "Status"),
    "rights.page.received": ("Ontvangen", "Received"),
    "rights.page.due": ("Antwoord uiterlijk", "Answer by"),
    "rights.page.extended": ("verlengd", "extended"),
    "rights.page.you_wrote": ("Wat u schreef", "What you wrote"),
    "rights.page.answer": ("Ons antwoord", "Our answer"),
    "rights.page.see_notice": ("Bekijk het besluit", "See the decision"),
    "rights.page.package_pdf": ("Uw gegevens als PDF", "Your data as PDF"),
    "rights.page.package_json": ("Uw gegevens als JSON", "Your data as JSON"),
    "rights.page.forbidden_title": ("Niet beschikbaar", "Not available"),
    "rights.page.sign_in": ("Bevestig dat u het bent", "Confirm it is you"),
    "rights.page.desk_title": ("Verzoeken van betrokkenen", "Requests of data subjects"),
    "rights.page.desk_open_access": (
        "Let op: accounts en rollen komen later. Zet deze pagina's achter uw eigen "
        "toegangsbeveiliging.",
        "Note: accounts and roles come later. Put these pages behind your own access control.",
    ),
    "rights.page.views": ("Overzichten", "Views"),
    "rights.page.view.open": ("Open", "Open"),
    "rights.page.view.due_soon": ("Bijna verlopen", "Due soon"),
    "rights.page.view.overdue": ("Te laat", "Overdue"),
    "rights.page.view.closed": ("Afgehandeld", "Closed"),
    "rights.page.view.all": ("Alle", "All"),
    "rights.page.register": ("Verzoek registreren", "Register a request"),
    "rights.page.none": ("Geen verzoeken.", "No requests."),
    "rights.page.channel": ("Kanaal", "Channel"),
    "rights.page.identity_checked": (
        "Ik heb de identiteit van de persoon gecontroleerd",
        "I checked the person's identity",
    ),
    "rights.page.decision": ("Besluit", "Decision"),
    "rights.page.review_case": ("Beoordeling", "Review case"),
    "rights.page.erased": (
        "De persoonsgegevens van dit verzoek zijn gewist.",
        "The personal data of this request were erased.",
    ),
    "rights.page.duties": (
        "Bewaarplichten die wissen nu tegenhouden",
        "Retention duties that stop erasure now",
    ),
    "rights.page.actions": ("Afhandelen", "Handle"),
    "rights.page.confirm_identity": ("Identiteit bevestigd", "Identity confirmed"),
    "rights.page.erase": ("Wissen (sleutel vernietigen)", "Erase (destroy the key)"),
    "rights.page.restrict": ("Gebruik beperken", "Restrict processing"),
    "rights.page.lift": ("Beperking opheffen", "Lift the restriction"),
    "rights.page.upheld": ("Bezwaar terecht: gebruik stopt", "Objection upheld: processing stops"),
    "rights.page.rejected": ("Dwingende redenen wegen zwaarder", "Compelling grounds prevail"),
    "rights.page.reasons": ("Redenen (de persoon leest dit)", "Reasons (the person reads this)"),
    "rights.page.weigh": ("Afweging versturen", "Send the weighing"),
    "rights.page.extend_reasons": (
        "Redenen voor verlenging met twee maanden",
        "Reasons for extending by two months",
    ),
    "rights.page.extend": ("Verlengen", "Extend"),
    "rights.page.answer_text": ("Antwoord aan de persoon", "Answer to the person"),
    "rights.page.send_answer": ("Antwoord versturen", "Send answer"),
    "rights.page.refusal_reason": ("Reden van afwijzing", "Reason for refusal"),
    "rights.page.refuse": ("Afwijzen", "Refuse"),
    "rights.page.events": ("Verloop", "History"),
}
