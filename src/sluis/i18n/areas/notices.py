"""Wording of the decision notice (besluitbrief) and the privacy notice: written for the
person the decision is about, in plain language (GDPR art. 12(1)). Placeholders in braces
are filled in by ``sluis.notices``. Keep sentences short: every notice is checked by
``sluis.notices.readability`` and these texts must pass it."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    # -- the letter around the sections
    "notices.title.final": ("Besluit over {algorithm}", "Decision about {algorithm}"),
    "notices.title.pending": ("Uw zaak wordt beoordeeld", "Your case is being reviewed"),
    "notices.reference": ("Uw kenmerk", "Your reference"),
    "notices.letter_date": ("Datum van deze brief", "Date of this letter"),
    "notices.decision_date": ("Datum van het besluit", "Date of the decision"),
    "notices.status": ("Status", "Status"),
    "notices.status.final": ("besluit genomen", "decision taken"),
    "notices.status.pending_review": (
        "in behandeling: een medewerker beoordeelt uw zaak",
        "in progress: a staff member is reviewing your case",
    ),
    "notices.status.selected_for_review": (
        "in behandeling: uw zaak is geselecteerd voor een controle",
        "in progress: your case was selected for a check",
    ),
    "notices.provenance": (
        "Gemaakt uit profiel {profile} versie {version} ({decision}).",
        "Generated from profile {profile} version {version} ({decision}).",
    ),
    "notices.yes": ("ja", "yes"),
    "notices.no": ("nee", "no"),
    "notices.missing_value": ("niet gebruikt", "not used"),
    "notices.month.1": ("januari", "January"),
    "notices.month.2": ("februari", "February"),
    "notices.month.3": ("maart", "March"),
    "notices.month.4": ("april", "April"),
    "notices.month.5": ("mei", "May"),
    "notices.month.6": ("juni", "June"),
    "notices.month.7": ("juli", "July"),
    "notices.month.8": ("augustus", "August"),
    "notices.month.9": ("september", "September"),
    "notices.month.10": ("oktober", "October"),
    "notices.month.11": ("november", "November"),
    "notices.month.12": ("december", "December"),
    # -- the decision
    "notices.decision.title": ("Ons besluit", "Our decision"),
    "notices.decision.about": (
        "Wij hebben een besluit genomen over: {algorithm}.",
        "We have taken a decision about: {algorithm}.",
    ),
    "notices.decision.outcome": ("Ons besluit: {outcome}.", "Our decision: {outcome}."),
    "notices.decision.date": (
        "Wij namen dit besluit op {date}.",
        "We took this decision on {date}.",
    ),
    "notices.decision.basis": (
        "Dit besluit steunt op: {law}.",
        "This decision is based on: {law}.",
    ),
    "notices.decision.overridden": (
        "Het computerprogramma stelde eerst iets anders voor: {proposal}. Een medewerker "
        "heeft uw zaak beoordeeld en anders besloten.",
        "The computer program first proposed something else: {proposal}. A staff member "
        "reviewed your case and decided otherwise.",
    ),
    # -- the reasons
    "notices.reasons.title": ("Waarom wij zo hebben besloten", "Why we decided this"),
    "notices.reasons.rules": (
        "Wij hebben uw gegevens getoetst aan vaste voorwaarden. Deze voorwaarden bepaalden "
        "de uitkomst:",
        "We checked your data against fixed conditions. These conditions decided the outcome:",
    ),
    "notices.reasons.condition_met": ("{condition}: voldaan.", "{condition}: met."),
    "notices.reasons.condition_not_met": ("{condition}: niet voldaan.", "{condition}: not met."),
    "notices.reasons.your_value": (
        "Uw gegeven: {field} is {value}.",
        "Your data: {field} is {value}.",
    ),
    "notices.reasons.threshold": ("De grens is {threshold}.", "The limit is {threshold}."),
    "notices.reasons.model_score": (
        "Het programma gaf uw zaak een score van {score}. De grens is {threshold}.",
        "The program gave your case a score of {score}. The limit is {threshold}.",
    ),
    "notices.reasons.model_factors": (
        "Deze gegevens van u wogen het zwaarst:",
        "These data of yours weighed most:",
    ),
    "notices.reasons.factor_towards": (
        "{field}: {value}. Dit woog mee in de richting van deze uitkomst.",
        "{field}: {value}. This weighed towards this outcome.",
    ),
    "notices.reasons.factor_against": (
        "{field}: {value}. Dit woog mee tegen deze uitkomst.",
        "{field}: {value}. This weighed against this outcome.",
    ),
    "notices.reasons.proposal_only": (
        "Dit is de uitleg van het voorstel van het programma. De medewerker heeft daarna "
        "anders besloten.",
        "This explains the program's proposal. The staff member then decided otherwise.",
    ),
    "notices.reasons.unavailable": (
        "Wij kunnen de berekening niet meer tonen. Vraag ons om uitleg; zie 'Uw rechten'.",
        "We can no longer show the calculation. Ask us for an explanation; see 'Your rights'.",
    ),
    "notices.counterfactual.found": (
        "Wat had de uitkomst veranderd? Als {changes}, dan was de uitkomst geweest: {outcome}.",
        "What would have changed the outcome? If {changes}, the outcome would have been: "
        "{outcome}.",
    ),
    "notices.counterfactual.change": (
        "{field} {changed} was geweest in plaats van {current}",
        "{field} had been {changed} instead of {current}",
    ),
    "notices.counterfactual.and": (" en ", " and "),
    "notices.counterfactual.none_exists": (
        "Wij hebben nagegaan of een verandering in gegevens die u zelf kunt veranderen de "
        "uitkomst anders had gemaakt. Dat is niet zo.",
        "We checked whether a change in data you can change yourself would have changed "
        "the outcome. It would not.",
    ),
    "notices.counterfactual.budget_exhausted": (
        "Wij konden niet op tijd nagaan welke verandering de uitkomst anders had gemaakt. "
        "U kunt ons daarnaar vragen.",
        "We could not find out in time which change would have changed the outcome. You "
        "can ask us about it.",
    ),
    # -- the algorithm and human review
    "notices.algorithm.title": (
        "Hoe een computerprogramma meebesliste",
        "How a computer program took part",
    ),
    "notices.algorithm.used": (
        "Bij dit besluit hebben wij een computerprogramma gebruikt. Zo'n programma heet ook "
        "een algoritme.",
        "We used a computer program for this decision. Such a program is also called an algorithm.",
    ),
    "notices.algorithm.used_pending": (
        "Een computerprogramma heeft uw gegevens verwerkt. Zo'n programma heet ook een algoritme.",
        "A computer program has processed your data. Such a program is also called an algorithm.",
    ),
    "notices.algorithm.no_review": (
        "Het programma heeft dit besluit genomen zonder dat een medewerker ernaar keek.",
        "The program took this decision without a staff member looking at it.",
    ),
    "notices.algorithm.ask_review": (
        "U kunt vragen dat een medewerker uw zaak opnieuw bekijkt. Zie 'Uw rechten'.",
        "You can ask for a staff member to look at your case again. See 'Your rights'.",
    ),
    "notices.algorithm.reviewed": (
        "Een medewerker heeft uw zaak beoordeeld. Dit is er gebeurd:",
        "A staff member reviewed your case. This is what happened:",
    ),
    "notices.algorithm.review_pending": (
        "Een medewerker beoordeelt uw zaak voordat er een besluit komt.",
        "A staff member reviews your case before any decision is taken.",
    ),
    "notices.review.confirm": (
        "{date}: een medewerker heeft de uitkomst van het programma gecontroleerd en bevestigd.",
        "{date}: a staff member checked the program's outcome and confirmed it.",
    ),
    "notices.review.override": (
        "{date}: een medewerker heeft de zaak beoordeeld en een andere uitkomst gekozen.",
        "{date}: a staff member reviewed the case and chose another outcome.",
    ),
    "notices.review.agree": (
        "{date}: een tweede medewerker heeft de beoordeling gecontroleerd en is het ermee eens.",
        "{date}: a second staff member checked the review and agreed with it.",
    ),
    "notices.review.disagree": (
        "{date}: een tweede medewerker was het niet eens met de eerste beoordeling.",
        "{date}: a second staff member did not agree with the first review.",
    ),
    "notices.review.request_information": (
        "{date}: een medewerker heeft om meer informatie gevraagd.",
        "{date}: a staff member asked for more information.",
    ),
    "notices.review.escalate": (
        "{date}: een medewerker heeft de zaak aan een ervaren collega voorgelegd.",
        "{date}: a staff member passed the case to a more experienced colleague.",
    ),
    "notices.review.other": (
        "{date}: een medewerker heeft de zaak beoordeeld.",
        "{date}: a staff member reviewed the case.",
    ),
    "notices.logic.rules": (
        "Het programma past vaste regels toe. Elke regel toetst één voorwaarde aan uw "
        "gegevens. De regels komen uit: {law}.",
        "The program applies fixed rules. Each rule checks one condition against your data. "
        "The rules come from: {law}.",
    ),
    "notices.logic.rules_no_law": (
        "Het programma past vaste regels toe. Elke regel toetst één voorwaarde aan uw gegevens.",
        "The program applies fixed rules. Each rule checks one condition against your data.",
    ),
    "notices.logic.model": (
        "Het programma gebruikt een statistisch model. Het model vergelijkt uw gegevens met "
        "die van veel eerdere zaken. Daaruit berekent het een score. De score bepaalt de "
        "uitkomst: ligt zij aan de ene of de andere kant van een vaste grens?",
        "The program uses a statistical model. The model compares your data with those of "
        "many earlier cases. From this it calculates a score. The score decides the "
        "outcome: is it on one side of a fixed limit or the other?",
    ),
    "notices.logic.profiling": (
        "Het programma maakt zo een inschatting over u op basis van uw persoonlijke "
        "kenmerken. Dat heet profilering.",
        "In this way the program makes an estimate about you from your personal "
        "characteristics. This is called profiling.",
    ),
    # -- the data
    "notices.data.title": ("Welke gegevens wij gebruikten", "Which data we used"),
    "notices.data.intro": (
        "Voor dit besluit hebben wij deze gegevens van u gebruikt:",
        "For this decision we used these data of yours:",
    ),
    "notices.data.intro_pending": (
        "Het programma heeft deze gegevens van u gebruikt:",
        "The program used these data of yours:",
    ),
    "notices.data.column.field": ("Gegeven", "Data"),
    "notices.data.column.value": ("Uw gegeven", "Your data"),
    "notices.data.column.source": ("Waar het vandaan komt", "Where it comes from"),
    "notices.data.column.purpose": ("Waarom wij het nodig hebben", "Why we need it"),
    "notices.data.correct": (
        "Klopt een gegeven niet? Laat het ons weten. Dan verbeteren wij het en kijken wij "
        "opnieuw naar het besluit.",
        "Is any of these data wrong? Let us know. We will then correct it and look at the "
        "decision again.",
    ),
    "notices.source.data_subject": ("van u zelf", "from you"),
    "notices.source.controller_records": ("uit onze eigen administratie", "from our own records"),
    "notices.source.other_organisation": (
        "van een andere organisatie",
        "from another organisation",
    ),
    "notices.source.other_organisation_named": ("van {name}", "from {name}"),
    "notices.source.public_source": ("uit een openbare bron", "from a public source"),
    "notices.source.derived": ("berekend uit andere gegevens", "calculated from other data"),
    "notices.source.unknown": ("onbekend", "unknown"),
    # -- consequences
    "notices.consequences.title": (
        "Wat dit besluit voor u betekent",
        "What this decision means for you",
    ),
    "notices.consequences.favourable": (
        "Dit besluit valt in uw voordeel uit.",
        "This decision is in your favour.",
    ),
    "notices.consequences.adverse": (
        "Dit besluit valt niet in uw voordeel uit.",
        "This decision is not in your favour.",
    ),
    "notices.consequences.legal": (
        "Het besluit heeft gevolgen voor uw rechten.",
        "The decision affects your rights.",
    ),
    "notices.consequences.significant": (
        "Het besluit kan grote gevolgen hebben voor uw situatie.",
        "The decision can have a large effect on your situation.",
    ),
    "notices.consequences.disagree": (
        "Bent u het niet eens met dit besluit? Hieronder leest u wat u kunt doen.",
        "Do you disagree with this decision? Below you can read what you can do.",
    ),
    # -- pending
    "notices.pending.title": ("Waar uw zaak nu staat", "Where your case stands"),
    "notices.pending.no_decision": (
        "Er is nog geen besluit over uw zaak. Een medewerker beoordeelt uw zaak eerst.",
        "No decision has been taken on your case yet. A staff member reviews your case first.",
    ),
    "notices.pending.selected": (
        "Uw zaak is geselecteerd voor een controle door een medewerker. Deze selectie is "
        "geen besluit. Zij heeft op zichzelf geen gevolgen voor u.",
        "Your case was selected for a check by a staff member. This selection is not a "
        "decision. By itself it has no consequences for you.",
    ),
    "notices.pending.next": (
        "Als er een besluit is, krijgt u een nieuwe brief. Daarin staan het besluit en de redenen.",
        "Once there is a decision, you will get a new letter. It gives the decision and "
        "the reasons.",
    ),
    # -- objection (Awb)
    "notices.objection.title": ("Bezwaar maken", "Making an objection (bezwaar)"),
    "notices.objection.intro": (
        "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Doe dat binnen "
        "{weeks} weken na de dag waarop wij deze brief hebben verstuurd.",
        "Do you disagree with this decision? Then you can make an objection (in Dutch: "
        "bezwaar). Do so within {weeks} weeks after the day we sent this letter.",
    ),
    "notices.objection.where": (
        "Stuur uw bezwaar naar: {where}.",
        "Send your objection to: {where}.",
    ),
    "notices.objection.online": (
        "U kunt ook online bezwaar maken: {link}.",
        "You can also object online: {link}.",
    ),
    "notices.objection.contents": ("Zet in uw bezwaar:", "Put in your objection:"),
    "notices.objection.item.name": ("uw naam en adres", "your name and address"),
    "notices.objection.item.date": ("de datum", "the date"),
    "notices.objection.item.reference": ("het kenmerk {reference}", "the reference {reference}"),
    "notices.objection.item.why": (
        "waarom u het niet eens bent met het besluit",
        "why you disagree with the decision",
    ),
    "notices.objection.item.signature": ("uw handtekening", "your signature"),
    "notices.objection.heard": (
        "Een medewerker die niet bij het besluit betrokken was, kijkt dan opnieuw naar uw "
        "zaak. Meestal mag u uw bezwaar ook komen toelichten.",
        "A staff member who was not involved in the decision then looks at your case "
        "again. Usually you may also explain your objection in person.",
    ),
    # -- rights
    "notices.rights.title": ("Uw rechten", "Your rights"),
    "notices.rights.intro": (
        "U heeft deze rechten. Gebruik de link bij een recht, of neem contact met ons op. "
        "Noem altijd uw kenmerk: {reference}.",
        "You have these rights. Use the link next to a right, or contact us. Always "
        "mention your reference: {reference}.",
    ),
    "notices.rights.how_contact": (
        "Neem contact met ons op en noem uw kenmerk: {reference}.",
        "Contact us and mention your reference: {reference}.",
    ),
    "notices.rights.answer": (
        "Wij antwoorden binnen een maand. Het kost u niets.",
        "We answer within one month. It costs you nothing.",
    ),
    "notices.right.human_intervention": (
        "Een medewerker laten kijken: vraag ons om uw zaak door een medewerker te laten "
        "beoordelen.",
        "Have a staff member look: ask us to have your case reviewed by a staff member.",
    ),
    "notices.right.express_view": (
        "Uw kant van het verhaal geven: vertel ons wat u van het besluit vindt en wat wij "
        "moeten weten.",
        "Give your side of the story: tell us what you think of the decision and what we "
        "should know.",
    ),
    "notices.right.express_view_pending": (
        "Uw kant van het verhaal geven: vertel ons wat de medewerker moet weten. Die neemt "
        "het mee.",
        "Give your side of the story: tell us what the staff member should know. They will "
        "take it into account.",
    ),
    "notices.right.contest": (
        "Het besluit aanvechten: laat ons weten dat u het niet eens bent. Dan beoordeelt "
        "een medewerker het besluit opnieuw.",
        "Contest the decision: tell us that you disagree. A staff member then reviews the "
        "decision again.",
    ),
    "notices.right.contest_objection": (
        "Het besluit aanvechten: dat doet u door bezwaar te maken. Zie 'Bezwaar maken'.",
        "Contest the decision: you do this by making an objection. See 'Making an objection'.",
    ),
    "notices.right.access": (
        "Inzage: vraag welke gegevens wij van u hebben, waar ze vandaan komen en wat wij "
        "ermee doen.",
        "Access: ask which data we hold about you, where they come from and what we do with them.",
    ),
    "notices.right.rectification": (
        "Verbetering: laat onjuiste of onvolledige gegevens verbeteren.",
        "Correction: have wrong or incomplete data corrected.",
    ),
    "notices.right.erasure": (
        "Verwijdering: vraag ons uw gegevens te wissen. Dat doen wij als wij ze niet meer "
        "mogen of hoeven te bewaren.",
        "Erasure: ask us to delete your data. We do so when we may or need not keep them "
        "any longer.",
    ),
    "notices.right.restriction": (
        "Beperking: vraag ons uw gegevens tijdelijk niet te gebruiken, bijvoorbeeld "
        "terwijl wij een fout onderzoeken.",
        "Restriction: ask us not to use your data for a while, for example while we look "
        "into a mistake.",
    ),
    "notices.right.object_processing": (
        "Bezwaar tegen het gebruik van uw gegevens: vraag ons te stoppen met het gebruik "
        "vanwege uw persoonlijke situatie.",
        "Objection to the use of your data: ask us to stop using them because of your "
        "personal situation.",
    ),
    "notices.right.portability": (
        "Overdracht: vraag uw gegevens op in een bestand dat u aan een ander kunt geven.",
        "Portability: get your data in a file that you can pass on to someone else.",
    ),
    "notices.right.withdraw_consent": (
        "Toestemming intrekken: u kunt uw toestemming altijd intrekken.",
        "Withdraw consent: you can always withdraw your consent.",
    ),
    # -- complaint
    "notices.complaint.title": ("Klacht over uw gegevens", "Complaints about your data"),
    "notices.complaint.text": (
        "Vindt u dat wij niet goed omgaan met uw gegevens? Dan kunt u een klacht indienen "
        "bij de {authority}.",
        "Do you think we do not handle your data properly? Then you can complain to the "
        "{authority}.",
    ),
    "notices.complaint.link": ("Dat kan via {url}.", "You can do so at {url}."),
    "notices.complaint.first_us": (
        "U mag ook eerst contact met ons opnemen. Dan zoeken wij samen naar een oplossing.",
        "You may also contact us first. Then we look for a solution together.",
    ),
    "notices.complaint.default_authority": (
        "Autoriteit Persoonsgegevens",
        "Autoriteit Persoonsgegevens (the Dutch Data Protection Authority)",
    ),
    # -- contact
    "notices.contact.title": ("Vragen?", "Questions?"),
    "notices.contact.intro": (
        "Heeft u vragen over deze brief? Neem dan contact met ons op.",
        "Do you have questions about this letter? Then contact us.",
    ),
    "notices.contact.email": ("E-mail: {email}", "E-mail: {email}"),
    "notices.contact.phone": ("Telefoon: {phone}", "Phone: {phone}"),
    "notices.contact.post": ("Post: {address}", "Post: {address}"),
    "notices.contact.web": ("Internet: {url}", "Web: {url}"),
    "notices.contact.dpo": (
        "Functionaris voor gegevensbescherming: {dpo}",
        "Data protection officer: {dpo}",
    ),
    "notices.contact.reference": (
        "Noem altijd uw kenmerk: {reference}.",
        "Always mention your reference: {reference}.",
    ),
    "notices.signature": ("Met vriendelijke groet,", "Kind regards,"),
    # -- errors
    "notices.error.not_found": ("Dit besluit bestaat niet.", "This decision does not exist."),
    "notices.error.erased": (
        "De gegevens van dit besluit zijn gewist. Er kan geen brief meer van worden gemaakt.",
        "The data of this decision have been erased. No letter can be made from it any more.",
    ),
    "notices.error.unavailable": (
        "Van dit besluit kan nu geen brief worden gemaakt: er is geen beslisprocedure "
        "gekoppeld om het uit te leggen.",
        "No letter can be made of this decision now: no decision procedure is bound to explain it.",
    ),
    # -- the privacy notice
    "notices.privacy.title": (
        "Privacyverklaring: {algorithm}",
        "Privacy notice: {algorithm}",
    ),
    "notices.privacy.intro": (
        "In deze verklaring leest u hoe wij uw gegevens gebruiken voor: {algorithm}.",
        "This notice explains how we use your data for: {algorithm}.",
    ),
    "notices.privacy.who.title": ("Wie wij zijn", "Who we are"),
    "notices.privacy.who.text": (
        "{organisation} is verantwoordelijk voor het gebruik van uw gegevens.",
        "{organisation} is responsible for the use of your data.",
    ),
    "notices.privacy.purposes.title": (
        "Waarvoor wij uw gegevens gebruiken",
        "What we use your data for",
    ),
    "notices.privacy.purposes.none": (
        "Het doel is nog niet vastgelegd.",
        "The purpose has not been recorded yet.",
    ),
    "notices.privacy.basis.title": ("Waarom dat mag", "Why we may do this"),
    "notices.privacy.basis.consent": (
        "U heeft ons toestemming gegeven.",
        "You have given us your consent.",
    ),
    "notices.privacy.basis.contract": (
        "Wij hebben uw gegevens nodig voor een overeenkomst met u, of om die te sluiten.",
        "We need your data for a contract with you, or to enter into one.",
    ),
    "notices.privacy.basis.legal_obligation": (
        "Een wet verplicht ons om uw gegevens te gebruiken.",
        "A law obliges us to use your data.",
    ),
    "notices.privacy.basis.vital_interests": (
        "Het is nodig om iemands leven of gezondheid te beschermen.",
        "It is needed to protect someone's life or health.",
    ),
    "notices.privacy.basis.public_task": (
        "Wij hebben uw gegevens nodig voor een taak die de wet ons geeft.",
        "We need your data for a task the law gives us.",
    ),
    "notices.privacy.basis.legitimate_interests": (
        "Wij hebben een gerechtvaardigd belang. Wij hebben dat afgewogen tegen uw belang.",
        "We have a legitimate interest. We have weighed it against your interests.",
    ),
    "notices.privacy.basis.unknown": (
        "De grondslag is nog niet vastgelegd.",
        "The legal basis has not been recorded yet.",
    ),
    "notices.privacy.basis.law": ("Dit steunt op: {law}.", "This rests on: {law}."),
    "notices.privacy.data.title": ("Welke gegevens wij gebruiken", "Which data we use"),
    "notices.privacy.data.column.category": ("Soort gegevens", "Kind of data"),
    "notices.privacy.data.column.fields": ("Gegevens", "Data"),
    "notices.privacy.data.column.source": ("Waar ze vandaan komen", "Where they come from"),
    "notices.privacy.data.column.retention": ("Hoe lang wij ze bewaren", "How long we keep them"),
    "notices.privacy.data.special": (
        "Wij gebruiken ook bijzondere gegevens, zoals over gezondheid. Daarvoor gelden extra "
        "regels.",
        "We also use special data, such as about health. Extra rules apply to them.",
    ),
    "notices.privacy.data.sources": (
        "Gegevens die niet van u zelf komen, krijgen wij van de organisaties in de tabel.",
        "Data that do not come from you we receive from the organisations in the table.",
    ),
    "notices.privacy.retention.months": ("{months} maanden", "{months} months"),
    "notices.privacy.retention.unknown": ("nog niet vastgelegd", "not recorded yet"),
    "notices.privacy.recipients.title": ("Wie uw gegevens krijgt", "Who receives your data"),
    "notices.privacy.recipients.none": (
        "Wij geven uw gegevens niet aan anderen, tenzij een wet ons daartoe verplicht.",
        "We do not pass your data on to others, unless a law obliges us to.",
    ),
    "notices.privacy.recipients.intro": (
        "Wij geven uw gegevens aan:",
        "We pass your data on to:",
    ),
    "notices.privacy.transfers": (
        "Uw gegevens gaan ook naar landen buiten de Europese Unie: {countries}.",
        "Your data also go to countries outside the European Union: {countries}.",
    ),
    "notices.privacy.automated.title": (
        "Besluiten door een computerprogramma",
        "Decisions by a computer program",
    ),
    "notices.privacy.automated.intro": (
        "Wij gebruiken een computerprogramma (een algoritme) bij deze besluiten:",
        "We use a computer program (an algorithm) for these decisions:",
    ),
    "notices.privacy.automated.solely": (
        "Het programma neemt dit besluit zelf, zonder dat een medewerker ernaar kijkt.",
        "The program takes this decision itself, without a staff member looking at it.",
    ),
    "notices.privacy.automated.human": (
        "Een medewerker beoordeelt de zaak voordat het besluit gevolgen heeft.",
        "A staff member reviews the case before the decision has any effect.",
    ),
    "notices.privacy.automated.selection": (
        "Het programma selecteert alleen zaken voor een controle door een medewerker.",
        "The program only selects cases for a check by a staff member.",
    ),
    "notices.privacy.automated.significance.legal": (
        "Het besluit heeft gevolgen voor uw rechten.",
        "The decision affects your rights.",
    ),
    "notices.privacy.automated.significance.similarly_significant": (
        "Het besluit kan grote gevolgen hebben voor uw situatie.",
        "The decision can have a large effect on your situation.",
    ),
    "notices.privacy.automated.significance.none": (
        "Het besluit heeft geen grote gevolgen voor u.",
        "The decision has no large effect on you.",
    ),
    "notices.privacy.automated.outcomes": (
        "Mogelijke uitkomsten: {outcomes}.",
        "Possible outcomes: {outcomes}.",
    ),
    "notices.privacy.automated.explain": (
        "Na elk besluit leggen wij uit welke gegevens de uitkomst bepaalden.",
        "After each decision we explain which data decided the outcome.",
    ),
    "notices.privacy.rights.intro": (
        "U heeft deze rechten. Neem contact met ons op om ze te gebruiken.",
        "You have these rights. Contact us to use them.",
    ),
    "notices.privacy.rights.portal": (
        "U kunt uw rechten ook online gebruiken: {url}.",
        "You can also use your rights online: {url}.",
    ),
    "notices.privacy.extra.title": ("Meer informatie", "More information"),
    "notices.privacy.provenance": (
        "Gemaakt uit profiel {profile} versie {version}.",
        "Generated from profile {profile} version {version}.",
    ),
    # -- web page and downloads
    "notices.page.title": ("Besluitbrief", "Decision notice"),
    "notices.page.intro": (
        "De brief aan de persoon over wie dit besluit gaat. Hij bevat persoonsgegevens.",
        "The letter to the person this decision is about. It contains personal data.",
    ),
    "notices.page.download": ("Downloaden", "Download"),
    "notices.page.readability": ("Leesbaarheid", "Readability"),
    "notices.page.readability_ok": (
        "Gemiddeld {average} woorden per zin; geen zin langer dan {max} woorden en geen "
        "jargon gevonden.",
        "On average {average} words per sentence; no sentence over {max} words and no "
        "jargon found.",
    ),
    "notices.page.readability_findings": (
        "Gemiddeld {average} woorden per zin. Aandachtspunten:",
        "On average {average} words per sentence. Points to improve:",
    ),
    "notices.page.finding.long_sentence": (
        "zin van {words} woorden in '{section}': {excerpt}",
        "sentence of {words} words in '{section}': {excerpt}",
    ),
    "notices.page.finding.long_average": (
        "gemiddelde zinslengte {words} woorden",
        "average sentence length {words} words",
    ),
    "notices.page.finding.jargon": (
        "jargon '{term}' in '{section}'",
        "jargon '{term}' in '{section}'",
    ),
    "notices.page.privacy_title": ("Privacyverklaring", "Privacy notice"),
    "notices.documents.privacy_notice": ("Privacyverklaring", "Privacy notice"),
}
