"""Wording of the letters a person sends to any organisation to exercise their rights
(``sluis.rights.letters``): the letter itself, written in the first person for the sender,
and the notes that tell the person what happens next. Written in our own words; each
paragraph's articles are cited by the code that uses it. Placeholders in braces are
filled in by ``sluis.rights.letters``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    # -- the kinds of letter: a short name and the letter's subject line
    "letters.kind.access": ("Inzage", "Access"),
    "letters.kind.human_intervention": ("Menselijke tussenkomst", "Human intervention"),
    "letters.kind.express_view": ("Mijn standpunt", "My point of view"),
    "letters.kind.contest": ("Besluit aanvechten", "Contesting a decision"),
    "letters.kind.rectification": ("Verbetering", "Rectification"),
    "letters.kind.erasure": ("Verwijdering", "Erasure"),
    "letters.kind.restriction": ("Beperking", "Restriction"),
    "letters.kind.objection": ("Bezwaar tegen gebruik", "Objection"),
    "letters.kind_help.access": (
        "Vraag welke gegevens zij van u hebben, een kopie, en hoe een algoritme over u besliste.",
        "Ask what data they hold on you, a copy, and how an algorithm decided about you.",
    ),
    "letters.kind_help.human_intervention": (
        "Vraag dat een mens het automatische besluit opnieuw bekijkt.",
        "Ask for a human to look at the automated decision again.",
    ),
    "letters.kind_help.express_view": (
        "Geef uw kant van het verhaal bij een automatisch besluit.",
        "Give your side of the story on an automated decision.",
    ),
    "letters.kind_help.contest": (
        "Zeg dat u het niet eens bent met een automatisch besluit en vraag herziening.",
        "Say you disagree with an automated decision and ask for it to be reconsidered.",
    ),
    "letters.kind_help.rectification": (
        "Laat onjuiste gegevens verbeteren of onvolledige aanvullen.",
        "Have wrong data corrected or incomplete data completed.",
    ),
    "letters.kind_help.erasure": (
        "Vraag dat uw gegevens worden gewist.",
        "Ask for your data to be erased.",
    ),
    "letters.kind_help.restriction": (
        "Vraag dat uw gegevens bewaard maar niet gebruikt worden, bijvoorbeeld tijdens een "
        "geschil.",
        "Ask for your data to be kept but not used, for example during a dispute.",
    ),
    "letters.kind_help.objection": (
        "Maak bezwaar tegen het gebruik van uw gegevens vanwege uw eigen situatie.",
        "Object to the use of your data because of your own situation.",
    ),
    "letters.subject.access": (
        "Verzoek om inzage in mijn persoonsgegevens",
        "Request for access to my personal data",
    ),
    "letters.subject.human_intervention": (
        "Verzoek om menselijke tussenkomst bij een geautomatiseerd besluit",
        "Request for human intervention in an automated decision",
    ),
    "letters.subject.express_view": (
        "Mijn standpunt over een geautomatiseerd besluit",
        "My point of view on an automated decision",
    ),
    "letters.subject.contest": (
        "Ik betwist een geautomatiseerd besluit",
        "I contest an automated decision",
    ),
    "letters.subject.rectification": (
        "Verzoek om verbetering van mijn persoonsgegevens",
        "Request to rectify my personal data",
    ),
    "letters.subject.erasure": (
        "Verzoek om verwijdering van mijn persoonsgegevens",
        "Request to erase my personal data",
    ),
    "letters.subject.restriction": (
        "Verzoek om beperking van de verwerking van mijn persoonsgegevens",
        "Request to restrict the processing of my personal data",
    ),
    "letters.subject.objection": (
        "Bezwaar tegen de verwerking van mijn persoonsgegevens",
        "Objection to the processing of my personal data",
    ),
    # -- the letter's frame
    "letters.date": ("Datum: {date}", "Date: {date}"),
    "letters.subject_line": ("Betreft: {subject}", "Subject: {subject}"),
    "letters.salutation": ("Geachte heer, mevrouw,", "Dear Sir or Madam,"),
    "letters.intro": (
        "Met deze brief maak ik gebruik van mijn rechten uit de Algemene verordening "
        "gegevensbescherming (AVG).",
        "With this letter I exercise my rights under the General Data Protection "
        "Regulation (GDPR).",
    ),
    "letters.about_decision": (
        "Het gaat om uw besluit over mij{dated}{referenced}.",
        "It concerns your decision about me{dated}{referenced}.",
    ),
    "letters.about_decision.dated": (" van {date}", " of {date}"),
    "letters.about_decision.referenced": (
        " met kenmerk {reference}",
        " with reference {reference}",
    ),
    "letters.asks": ("Ik vraag u:", "I ask you:"),
    # -- access (art. 15)
    "letters.access.lead": (
        "Ik wil weten of u persoonsgegevens over mij verwerkt, en zo ja welke (artikel 15, "
        "lid 1 AVG).",
        "I want to know whether you process personal data about me, and if so which "
        "(article 15(1) GDPR).",
    ),
    "letters.access.ask.copy": (
        "mij een kopie te sturen van alle persoonsgegevens die u over mij hebt (artikel 15, "
        "lid 3); stuurt u die elektronisch als ik per e-mail vraag;",
        "to send me a copy of all personal data you hold about me (article 15(3)); "
        "electronically when I ask by e-mail;",
    ),
    "letters.access.ask.purposes": (
        "waarvoor u ze gebruikt, welke soorten gegevens het zijn, aan wie u ze geeft of gaf, "
        "hoe lang u ze bewaart en waar u ze vandaan hebt;",
        "what you use them for, which kinds of data they are, to whom you give or gave them, "
        "how long you keep them and where you got them;",
    ),
    "letters.access.ask.automated": (
        "of u over mij besluit zonder dat een mens daar inhoudelijk naar kijkt, of mij "
        "profileert (artikel 15, lid 1, onder h);",
        "whether you decide about me without a human looking at it in substance, or profile "
        "me (article 15(1)(h));",
    ),
    "letters.access.ask.logic": (
        "zo ja: begrijpelijke uitleg over hoe dat werkt, welke van mijn gegevens meetelden en "
        "hoe zwaar, en welke uitkomst die gegevens bij mij gaven. Een formule of broncode "
        "alleen is geen uitleg; laat liever zien welke verandering in mijn gegevens tot een "
        "andere uitkomst had geleid;",
        "if so: an explanation I can follow of how it works, which of my data counted and "
        "how much, and what outcome they led to in my case. A formula or source code alone "
        "is not an explanation; rather show me what change in my data would have led to "
        "another outcome;",
    ),
    "letters.access.ask.consequences": (
        "wat dit besluiten voor mij betekent en welke gevolgen u ervan verwacht.",
        "what this way of deciding means for me and what consequences you expect from it.",
    ),
    "letters.access.dun": (
        "Het Hof van Justitie heeft bevestigd dat u de gevolgde werkwijze zo moet uitleggen "
        "dat ik kan nagaan hoe mijn gegevens zijn gebruikt en het besluit kan aanvechten "
        "(zaak C-203/22).",
        "The Court of Justice confirmed that you must explain the procedure you followed so "
        "that I can check how my data were used and can contest the decision "
        "(case C-203/22).",
    ),
    # -- art. 22(3)
    "letters.art22.lead": (
        "U nam dit besluit geautomatiseerd, zonder dat een mens het inhoudelijk beoordeelde, "
        "en het raakt mij in aanmerkelijke mate (artikel 22, lid 1 AVG). Bij zo'n besluit "
        "heb ik recht op menselijke tussenkomst, op het geven van mijn standpunt en op het "
        "aanvechten van het besluit (artikel 22, lid 3).",
        "You took this decision automatically, without a human judging it in substance, "
        "and it affects me significantly (article 22(1) GDPR). For such a decision I have "
        "the right to human intervention, to give my point of view and to contest the "
        "decision (article 22(3)).",
    ),
    "letters.art22.law": (
        "Berust het besluit op een wet in plaats van op een overeenkomst of mijn "
        "toestemming, dan vraag ik om de waarborgen die die wet moet bieden (artikel 22, "
        "lid 2, onder b).",
        "If the decision rests on a law rather than on a contract or my consent, I ask for "
        "the safeguards that law must offer (article 22(2)(b)).",
    ),
    "letters.human_intervention.ask.human": (
        "het besluit te laten beoordelen door een medewerker die de bevoegdheid en de kennis "
        "heeft om het te veranderen, en die alle gegevens en mijn standpunt meeweegt;",
        "to have the decision judged by a staff member who has the authority and the "
        "knowledge to change it, and who weighs all the data and my point of view;",
    ),
    "letters.human_intervention.ask.outcome": (
        "mij de uitkomst te laten weten, met de redenen.",
        "to tell me the outcome, with its reasons.",
    ),
    "letters.express_view.ask.weigh": (
        "mijn standpunt hieronder bij het besluit te voegen en te laten wegen door een "
        "medewerker die het besluit kan veranderen;",
        "to add my point of view below to the decision and have it weighed by a staff "
        "member who can change the decision;",
    ),
    "letters.express_view.ask.outcome": (
        "mij te laten weten wat u met mijn standpunt hebt gedaan, met de redenen.",
        "to tell me what you did with my point of view, with your reasons.",
    ),
    "letters.contest.ask.reconsider": (
        "het besluit opnieuw te nemen door een medewerker die er nog niet bij betrokken was "
        "en die het kan veranderen;",
        "to take the decision again by a staff member who was not involved before and who "
        "can change it;",
    ),
    "letters.contest.ask.explain": (
        "mij uit te leggen hoe het besluit tot stand kwam (artikel 15, lid 1, onder h), zodat "
        "ik mijn bezwaren goed kan onderbouwen;",
        "to explain to me how the decision came about (article 15(1)(h)), so that I can "
        "support my objections;",
    ),
    "letters.contest.ask.outcome": (
        "mij het nieuwe besluit te sturen, met de redenen.",
        "to send me the new decision, with its reasons.",
    ),
    # -- articles 16 to 21
    "letters.rectification.lead": (
        "Gegevens die u over mij hebt kloppen niet of zijn onvolledig. Ik heb recht op "
        "verbetering en aanvulling (artikel 16 AVG).",
        "Data you hold about me are wrong or incomplete. I have the right to have them "
        "corrected and completed (article 16 GDPR).",
    ),
    "letters.rectification.ask.correct": (
        "de gegevens hieronder te verbeteren of aan te vullen;",
        "to correct or complete the data below;",
    ),
    "letters.rectification.ask.redecide": (
        "een besluit dat op de onjuiste gegevens berust opnieuw te nemen met de juiste;",
        "to take again any decision that rests on the wrong data, with the right data;",
    ),
    "letters.erasure.lead": (
        "Ik vraag u mijn persoonsgegevens te wissen (artikel 17, lid 1 AVG), bijvoorbeeld "
        "omdat u ze niet meer nodig hebt voor het doel waarvoor u ze kreeg, of omdat ik "
        "bezwaar maak en er geen zwaarder wegende grond is om door te gaan.",
        "I ask you to erase my personal data (article 17(1) GDPR), for example because you "
        "no longer need them for the purpose you got them for, or because I object and there "
        "is no overriding ground to go on.",
    ),
    "letters.erasure.ask.erase": (
        "alle persoonsgegevens over mij te wissen;",
        "to erase all personal data about me;",
    ),
    "letters.erasure.ask.keep": (
        "als u iets moet bewaren: te zeggen wat, op grond van welke plicht en tot wanneer;",
        "if you must keep anything: to tell me what, under which duty and until when;",
    ),
    "letters.restriction.lead": (
        "Ik vraag u het gebruik van mijn persoonsgegevens te beperken (artikel 18, lid 1 AVG): "
        "u mag ze bewaren, maar niet gebruiken, bijvoorbeeld zolang niet vaststaat of ze "
        "kloppen of zolang mijn bezwaar wordt beoordeeld.",
        "I ask you to restrict the use of my personal data (article 18(1) GDPR): you may "
        "keep them but not use them, for example while it is not settled whether they are "
        "right or while my objection is being weighed.",
    ),
    "letters.restriction.ask.stop": (
        "mijn gegevens niet meer te gebruiken, ook niet voor nieuwe besluiten, tot de "
        "beperking is opgeheven;",
        "to stop using my data, also for new decisions, until the restriction is lifted;",
    ),
    "letters.restriction.ask.tell": (
        "mij te laten weten voordat u de beperking opheft (artikel 18, lid 3);",
        "to tell me before you lift the restriction (article 18(3));",
    ),
    "letters.objection.lead": (
        "Ik maak bezwaar tegen het gebruik van mijn persoonsgegevens vanwege mijn "
        "specifieke situatie (artikel 21, lid 1 AVG). Gaat het om direct marketing, dan "
        "moet u er in elk geval mee stoppen (artikel 21, lid 2 en 3).",
        "I object to the use of my personal data because of my particular situation "
        "(article 21(1) GDPR). Where it is direct marketing, you must stop in any case "
        "(article 21(2) and (3)).",
    ),
    "letters.objection.ask.stop": (
        "te stoppen met het gebruik van mijn gegevens, tenzij u dwingende gerechtvaardigde "
        "gronden aantoont die zwaarder wegen dan mijn belangen;",
        "to stop using my data, unless you show compelling legitimate grounds that outweigh "
        "my interests;",
    ),
    "letters.objection.ask.grounds": (
        "als u doorgaat: die gronden precies te noemen.",
        "if you go on: to state those grounds precisely.",
    ),
    "letters.recipients": (
        "mij te laten weten aan wie u de gegevens hebt gegeven, en hen van de verbetering, "
        "wissing of beperking op de hoogte te brengen (artikel 19).",
        "to tell me to whom you gave the data, and to let them know of the correction, "
        "erasure or restriction (article 19).",
    ),
    # -- what the person adds, introduced per kind
    "letters.details.access": ("Wat ik verder wil weten:", "What else I want to know:"),
    "letters.details.human_intervention": ("Toelichting:", "Explanation:"),
    "letters.details.express_view": ("Mijn standpunt:", "My point of view:"),
    "letters.details.contest": (
        "Waarom ik het niet eens ben met het besluit:",
        "Why I disagree with the decision:",
    ),
    "letters.details.rectification": (
        "Wat niet klopt, en hoe het wel is:",
        "What is wrong, and what is right:",
    ),
    "letters.details.erasure": ("Waarom ik om verwijdering vraag:", "Why I ask for erasure:"),
    "letters.details.restriction": ("Waarom ik om beperking vraag:", "Why I ask for restriction:"),
    "letters.details.objection": (
        "Mijn specifieke situatie:",
        "My particular situation:",
    ),
    # -- what every letter says
    "letters.free": (
        "Dit verzoek is kosteloos (artikel 12, lid 5 AVG). Hebt u redelijke twijfel over wie "
        "ik ben, vraag dan alleen wat nodig is om dat vast te stellen (artikel 12, lid 6).",
        "This request is free of charge (article 12(5) GDPR). If you have reasonable doubts "
        "about who I am, ask only for what is needed to establish it (article 12(6)).",
    ),
    "letters.deadline": (
        "U moet binnen een maand na ontvangst antwoorden (artikel 12, lid 3 AVG). Als u deze "
        "brief op {sent} ontvangt, is dat uiterlijk {due}. Hebt u meer tijd nodig, dan mag u "
        "met twee maanden verlengen, maar alleen als u mij dat binnen die eerste maand laat "
        "weten, met de redenen.",
        "You must answer within one month of receipt (article 12(3) GDPR). If you receive "
        "this letter on {sent}, that is {due} at the latest. If you need more time, you may "
        "extend by two months, but only if you tell me within that first month, with your "
        "reasons.",
    ),
    "letters.no_answer": (
        "Krijg ik geen of een onvoldoende antwoord, dan kan ik een klacht indienen bij de "
        "toezichthouder (artikel 77 AVG) en naar de rechter gaan (artikel 79 AVG).",
        "If I receive no answer, or an insufficient one, I can complain to the supervisory "
        "authority (article 77 GDPR) and go to court (article 79 GDPR).",
    ),
    "letters.closing": ("Met vriendelijke groet,", "Kind regards,"),
    # -- notes for the person (not part of the letter)
    "letters.notes.title": ("Wat nu?", "What now?"),
    "letters.notes.send": (
        "Stuur de brief per e-mail of post naar de organisatie, bij voorkeur naar hun "
        "privacyadres of functionaris gegevensbescherming. Bewaar een kopie en een bewijs "
        "van verzending.",
        "Send the letter by e-mail or post to the organisation, preferably to its privacy "
        "address or data protection officer. Keep a copy and proof of sending.",
    ),
    "letters.notes.due": (
        "Antwoord uiterlijk op {due}: een maand na {sent}, verschoven naar de eerstvolgende "
        "werkdag als die dag in een weekend of op een feestdag valt (Verordening 1182/71).",
        "Answer due by {due}: one month after {sent}, moved to the next working day when "
        "that day falls in a weekend or on a public holiday (Regulation 1182/71).",
    ),
    "letters.notes.receipt": (
        "De termijn loopt vanaf de dag dat de organisatie uw brief ontvangt. Per post komt "
        "die later aan dan de verzenddatum; de termijn schuift dan mee.",
        "The period runs from the day the organisation receives your letter. By post it "
        "arrives later than the day you send it; the period then moves with it.",
    ),
    "letters.notes.extended": (
        "Verlengt de organisatie op tijd en met redenen, dan moet het antwoord er uiterlijk "
        "op {due} zijn (twee maanden extra, artikel 12, lid 3 AVG).",
        "If the organisation extends in time and with reasons, the answer is due by {due} "
        "at the latest (two more months, article 12(3) GDPR).",
    ),
    "letters.notes.no_answer": (
        "Geen antwoord op tijd, een weigering of een antwoord waar u het niet mee eens bent? "
        "Dien een klacht in bij de Autoriteit Persoonsgegevens "
        "(autoriteitpersoonsgegevens.nl) of de toezichthouder in uw land (artikel 77 AVG), "
        "of ga naar de rechter (artikel 79 AVG).",
        "No answer in time, a refusal or an answer you disagree with? Complain to the Dutch "
        "Data Protection Authority (autoriteitpersoonsgegevens.nl) or the authority in your "
        "country (article 77 GDPR), or go to court (article 79 GDPR).",
    ),
    "letters.notes.government": (
        "Is de organisatie een Nederlandse overheidsinstantie (bestuursorgaan), dan is haar "
        "schriftelijke antwoord een besluit: u kunt binnen zes weken bezwaar maken "
        "(artikel 34 UAVG, artikel 6:7 Awb). Bij een bedrijf kunt u binnen zes weken na het "
        "antwoord de rechtbank om een beslissing vragen (artikel 35 UAVG).",
        "If the organisation is a Dutch public body (bestuursorgaan), its written answer is "
        "a formal decision: you can object (bezwaar) within six weeks (article 34 UAVG, "
        "article 6:7 Awb). With a company you can ask the district court to decide within "
        "six weeks after the answer (article 35 UAVG).",
    ),
    "letters.notes.private": (
        "Sluis bewaart niets van wat u hier invult: de brief wordt gemaakt en meteen aan u "
        "teruggegeven.",
        "Sluis keeps nothing of what you fill in here: the letter is made and handed straight "
        "back to you.",
    ),
    "letters.notes.articles": ("Artikelen: {articles}", "Articles: {articles}"),
    # -- the calendar reminder
    "letters.ics.summary": (
        "Antwoord verwacht van {controller} ({kind})",
        "Answer due from {controller} ({kind})",
    ),
    "letters.ics.description": (
        "Uiterlijk vandaag moet {controller} antwoorden op uw brief van {sent} (artikel 12, "
        "lid 3 AVG). Verlengd met redenen: uiterlijk {extended}. Geen antwoord? Dien een "
        "klacht in bij de Autoriteit Persoonsgegevens (artikel 77 AVG) of ga naar de rechter "
        "(artikel 79 AVG).",
        "Today is the last day for {controller} to answer your letter of {sent} (article "
        "12(3) GDPR). If extended with reasons: by {extended}. No answer? Complain to the "
        "data protection authority (article 77 GDPR) or go to court (article 79 GDPR).",
    ),
    "letters.ics.alarm": (
        "Morgen verloopt de termijn voor het antwoord van {controller}.",
        "Tomorrow the period for {controller}'s answer ends.",
    ),
    # -- the portal page
    "letters.page.title": (
        "Een brief aan een organisatie over uw gegevens",
        "A letter to an organisation about your data",
    ),
    "letters.page.intro": (
        "Maak een brief om uw privacyrechten uit te oefenen bij elke organisatie: bedrijf, "
        "gemeente of instantie. U krijgt de brief met de termijn waarbinnen zij moeten "
        "antwoorden, en een herinnering voor uw agenda.",
        "Make a letter to exercise your privacy rights with any organisation: a company, a "
        "municipality or an agency. You get the letter with the date by which they must "
        "answer, and a reminder for your calendar.",
    ),
    "letters.page.kind": ("Wat wilt u vragen?", "What do you want to ask?"),
    "letters.page.to": ("Naam van de organisatie", "Name of the organisation"),
    "letters.page.to_address": ("Adres van de organisatie", "Address of the organisation"),
    "letters.page.name": ("Uw naam", "Your name"),
    "letters.page.address": ("Uw adres", "Your address"),
    "letters.page.email": ("Uw e-mailadres", "Your e-mail address"),
    "letters.page.reference": (
        "Kenmerk van het besluit (als u dat hebt)",
        "Reference of the decision (if you have one)",
    ),
    "letters.page.decision_date": ("Datum van het besluit", "Date of the decision"),
    "letters.page.sent": ("Datum van verzending", "Date of sending"),
    "letters.page.details": (
        "Uw toelichting (bijvoorbeeld wat er niet klopt, of uw standpunt)",
        "Your explanation (for example what is wrong, or your point of view)",
    ),
    "letters.page.lang": ("Taal van de brief", "Language of the letter"),
    "letters.page.make": ("Maak de brief", "Make the letter"),
    "letters.page.fix": ("Verbeter dit eerst:", "Please fix this first:"),
    "letters.page.result": ("Uw brief", "Your letter"),
    "letters.page.download_pdf": ("Download als PDF", "Download as PDF"),
    "letters.page.download_ics": (
        "Herinnering voor uw agenda (.ics)",
        "Reminder for your calendar (.ics)",
    ),
    "letters.page.download_txt": ("Download als tekst", "Download as text"),
    "letters.page.again": ("Opnieuw beginnen", "Start again"),
    "rights.page.letter_link": (
        "Wilt u een andere organisatie iets vragen over uw gegevens? Maak daar een brief voor.",
        "Want to ask another organisation about your data? Make a letter for it.",
    ),
    # -- problems (the rights area's problem ids)
    "rights.problem.letter_kind_unknown": (
        "Kies wat u wilt vragen: {allowed}.",
        "Choose what you want to ask: {allowed}.",
    ),
    "rights.problem.letter_controller_needed": (
        "Noem de organisatie waaraan u schrijft.",
        "Name the organisation you write to.",
    ),
    "rights.problem.letter_name_needed": (
        "Vul uw naam in: de organisatie moet weten wie het vraagt.",
        "Fill in your name: the organisation must know who asks.",
    ),
    "rights.problem.letter_sent_before_gdpr": (
        "De AVG geldt pas vanaf 25 mei 2018; kies een latere datum.",
        "The GDPR applies from 25 May 2018; choose a later date.",
    ),
    "rights.problem.letter_sent_far_ahead": (
        "Deze datum ligt meer dan een jaar vooruit (vandaag is {today}).",
        "This date is more than a year ahead (today is {today}).",
    ),
    "rights.problem.letter_decision_after_sent": (
        "Het besluit kan niet na de verzending van uw brief zijn genomen ({sent}).",
        "The decision cannot have been taken after you send your letter ({sent}).",
    ),
    "rights.problem.letter_format_unknown": (
        "Onbekend formaat; kies uit: {allowed}.",
        "Unknown format; choose from: {allowed}.",
    ),
}
