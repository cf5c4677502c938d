"""Suggested risks for the WP248 criteria the assessment found met (see ``prefill_risks``
for how suggestions are meant)."""

from __future__ import annotations

from collections.abc import Iterable

from sluis.dpia_document.suggestions import (
    CONTEST,
    FAIRNESS,
    PRIVACY,
    PRIVATE_LIFE,
    SECURITY,
    Suggestion,
    met,
)
from sluis.law.findings import t
from sluis.law.results import Assessment
from sluis.profiles.model import AlgorithmProfile


def criteria_risks(p: AlgorithmProfile, a: Assessment) -> Iterable[Suggestion]:
    if met(a, 7):
        yield Suggestion(
            "wp248.7",
            t(
                "Afhankelijke mensen kunnen zich moeilijk verweren",
                "People in a dependent position can hardly stand up for themselves",
            ),
            t(
                "Mensen die van de organisatie afhankelijk zijn, durven of kunnen hun rechten "
                "minder goed uitoefenen.",
                "People who depend on the organisation dare or manage less to use their rights.",
            ),
            (CONTEST, FAIRNESS),
            3,
            3,
            t(
                "Kans 3: de groep is kwetsbaar (WP248-criterium 7). Impact 3: fouten raken hun "
                "bestaanszekerheid.",
                "Likelihood 3: the group is vulnerable (WP248 criterion 7). Impact 3: errors hit "
                "their livelihood.",
            ),
        )
    if met(a, 5):
        count = p.total_data_subjects()
        many = (f" ({count} mensen)", f" ({count} people)") if count else ("", "")
        yield Suggestion(
            "wp248.5",
            t("Eén fout treft veel mensen tegelijk", "One error affects many people at once"),
            t(
                "Een fout in het model of de gegevens werkt door in alle besluiten" + many[0] + ".",
                "An error in the model or the data carries into every decision" + many[1] + ".",
            ),
            (FAIRNESS, PRIVACY),
            2,
            3,
            t(
                "Kans 2: fouten in modellen en koppelingen komen voor. Impact 3: grote schaal "
                "(WP248-criterium 5).",
                "Likelihood 2: errors in models and data links happen. Impact 3: large scale "
                "(WP248 criterion 5).",
            ),
        )
    if met(a, 4):
        yield Suggestion(
            "wp248.4",
            t(
                "Gevoelige gegevens lekken of worden oneigenlijk gebruikt",
                "Sensitive data leak or are misused",
            ),
            t(
                "Gevoelige of zeer persoonlijke gegevens raken bij onbevoegden of worden voor "
                "een ander doel gebruikt.",
                "Sensitive or highly personal data reach unauthorised people or are used for "
                "another purpose.",
            ),
            (PRIVACY, PRIVATE_LIFE, SECURITY),
            2,
            4,
            t(
                "Kans 2: toegang is beperkt, maar niet uitgesloten. Impact 4: gevoelige gegevens "
                "(WP248-criterium 4) schaden blijvend.",
                "Likelihood 2: access is restricted but not ruled out. Impact 4: sensitive data "
                "(WP248 criterion 4) do lasting harm.",
            ),
        )
    if met(a, 6):
        yield Suggestion(
            "wp248.6",
            t(
                "Koppeling onthult meer dan mensen verwachten",
                "Combining data reveals more than people expect",
            ),
            t(
                "Door gegevens uit verschillende bronnen te combineren ontstaat een beeld dat "
                "mensen niet verwachten en dat voor andere doelen verleidelijk is.",
                "Combining data from several sources gives a picture people do not expect and "
                "that tempts use for other purposes.",
            ),
            (PRIVATE_LIFE, FAIRNESS),
            3,
            2,
            t(
                "Kans 3: gegevens worden gekoppeld (WP248-criterium 6). Impact 2: de inbreuk is "
                "ernstig genoeg om te beperken.",
                "Likelihood 3: data sets are matched (WP248 criterion 6). Impact 2: the intrusion "
                "is serious enough to limit.",
            ),
        )
    if met(a, 8):
        yield Suggestion(
            "wp248.8",
            t("De uitkomst is niet uit te leggen", "The outcome cannot be explained"),
            t(
                "Bij een lerend of nieuw systeem weten behandelaar en betrokkene niet waarom "
                "iemand een uitkomst kreeg, zodat fouten onopgemerkt blijven.",
                "With a learned or new system neither the caseworker nor the person knows why "
                "someone got an outcome, so errors go unnoticed.",
            ),
            (CONTEST, FAIRNESS),
            3,
            3,
            t(
                "Kans 3: nieuwe technologie (WP248-criterium 8). Impact 3: zonder uitleg is "
                "bezwaar maken nauwelijks mogelijk.",
                "Likelihood 3: new technology (WP248 criterion 8). Impact 3: without an "
                "explanation, contesting is hardly possible.",
            ),
        )
    if met(a, 9):
        yield Suggestion(
            "wp248.9",
            t(
                "Ten onrechte een recht of dienst onthouden",
                "Wrongly denied a right, service or contract",
            ),
            t(
                "Een onjuiste uitkomst houdt iemand buiten een recht, dienst of overeenkomst.",
                "A wrong outcome keeps someone from a right, service or contract.",
            ),
            (CONTEST, FAIRNESS),
            2,
            4,
            t(
                "Kans 2: geen model is foutloos. Impact 4: het besluit houdt mensen ergens van "
                "af (WP248-criterium 9).",
                "Likelihood 2: no model is free of errors. Impact 4: the decision keeps people "
                "from something (WP248 criterion 9).",
            ),
        )
    if met(a, 3):
        yield Suggestion(
            "wp248.3",
            t("Mensen voelen zich bekeken", "People feel watched"),
            t(
                "Stelselmatige monitoring remt mensen in hun gedrag.",
                "Systematic monitoring makes people hold back.",
            ),
            (PRIVATE_LIFE,),
            3,
            2,
            t(
                "Kans 3: er is stelselmatige monitoring (WP248-criterium 3). Impact 2.",
                "Likelihood 3: there is systematic monitoring (WP248 criterion 3). Impact 2.",
            ),
        )
