"""Our own DPIA verdict next to the pre-scan's, on the same facts: agree or not, and why.

The two apply different rules. Ours (``sluis.law.dpia``) follows the GDPR: art. 35(3), the
Dutch DPA's list (Stcrt. 2019, 64418) and the EDPB's guidelines (WP248 rev.01: two or more
of nine criteria make a DPIA required as a rule, one makes it advisable). The pre-scan
requires a DPIA for new legislation, for one ticked item of the DPA's list, for two ticked
EDPB items, or for a risk-point total above 4, and recommends one for a single EDPB item.
The explanations below are written in our own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sluis.instruments.rules.assessments import NONE, AssessmentOutcome, Verdicts
from sluis.law.findings import Text, t
from sluis.law.results import Assessment, DpiaResult, DpiaVerdict

PRESCAN_DPIA = "DPIA"
_LEVEL_AS_VERDICT = {
    "required": DpiaVerdict.required,
    "recommended": DpiaVerdict.recommended,
    NONE: DpiaVerdict.not_required,
}
_VERDICT_WORDS = {
    DpiaVerdict.required: ("verplicht", "required"),
    DpiaVerdict.recommended: ("aanbevolen", "recommended"),
    DpiaVerdict.not_required: ("niet nodig", "not needed"),
}


@dataclass(frozen=True)
class Comparison:
    agree: bool
    ours: DpiaVerdict
    prescan: DpiaVerdict
    reasons: tuple[Text, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "agree": self.agree,
            "ours": self.ours.value,
            "prescan": self.prescan.value,
            "reasons": [r.model_dump() for r in self.reasons],
        }


def compare_with_assessment(
    ours: DpiaResult | Assessment, prescan: Verdicts | AssessmentOutcome
) -> Comparison:
    """Compare our DPIA verdict with the pre-scan's DPIA verdict (pure)."""
    dpia = ours.dpia if isinstance(ours, Assessment) else ours
    outcome = prescan.get(PRESCAN_DPIA) if isinstance(prescan, Verdicts) else prescan
    theirs = _LEVEL_AS_VERDICT.get(outcome.level if outcome else NONE, DpiaVerdict.not_required)
    fired = {c.id for c in outcome.fired} if outcome else set()
    reasons = [_summary(dpia.required, theirs)]
    reasons += [_explain_criterion(criterion, dpia) for criterion in sorted(fired)]
    reasons += _our_grounds(dpia, theirs)
    return Comparison(dpia.required == theirs, dpia.required, theirs, tuple(reasons))


def _summary(ours: DpiaVerdict, theirs: DpiaVerdict) -> Text:
    our_nl, our_en = _VERDICT_WORDS[ours]
    their_nl, their_en = _VERDICT_WORDS[theirs]
    if ours == theirs:
        return t(
            f"De pre-scan en onze beoordeling komen op hetzelfde uit: een DPIA is {our_nl}.",
            f"The pre-scan and our assessment reach the same verdict: a DPIA is {our_en}.",
        )
    return t(
        f"De pre-scan en onze beoordeling verschillen: volgens de pre-scan is een DPIA "
        f"{their_nl}, volgens onze beoordeling {our_nl}.",
        f"The pre-scan and our assessment differ: the pre-scan finds a DPIA {their_en}, "
        f"our assessment finds it {our_en}.",
    )


def _met(dpia: DpiaResult) -> list[int]:
    return [c.number for c in dpia.criteria if c.met is True]


def _numbers(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def _explain_criterion(criterion: str, dpia: DpiaResult) -> Text:
    met = _met(dpia)
    if criterion == "wetgeving":
        return t(
            "De pre-scan maakt een DPIA verplicht zodra het om nieuwe wet- of regelgeving "
            "gaat. Wij beoordelen de verwerking zoals het profiel die beschrijft, niet een "
            "wetsvoorstel; bij wetgeving hoort de DPIA meestal bij de effectbeoordeling van de "
            "wet zelf (art. 35 lid 10 AVG).",
            "The pre-scan requires a DPIA whenever new legislation is in scope. We assess the "
            "processing the profile describes, not a bill; for legislation the DPIA is "
            "usually part of the impact assessment of the law itself (GDPR art. 35(10)).",
        )
    if criterion == "riskscore":
        return t(
            "De pre-scan telt risicopunten op (soorten gegevens, betrokkenen, omvang, "
            "frequentie, bewaartermijn, doorgifte, basisregistraties, diensten voor kinderen) "
            "en vindt een DPIA verplicht boven 4 punten. Zo'n puntentelling staat niet in de "
            "AVG: wij passen art. 35 lid 3, de AP-lijst en de regel van de EDPB toe dat twee "
            "of meer van de negen criteria een DPIA in de regel verplicht maken "
            f"(voldaan bij ons: {_numbers(met) or 'geen'}).",
            "The pre-scan adds up risk points (kinds of data, data subjects, volume, "
            "frequency, retention, transfers, base registers, services for children) and "
            "requires a DPIA above 4 points. The GDPR has no such point count: we apply art. "
            "35(3), the Dutch DPA's list and the EDPB's rule that two or more of the nine "
            f"criteria make a DPIA required as a rule (met here: {_numbers(met) or 'none'}).",
        )
    if criterion == "aplist":
        if dpia.nl_list:
            titles_nl = ", ".join(c.title.nl for c in dpia.nl_list)
            titles_en = ", ".join(c.title.en for c in dpia.nl_list)
            return t(
                f"Beide zien een soort verwerking van de AP-lijst; wij vonden: {titles_nl}.",
                f"Both see a kind of processing on the Dutch DPA's list; we found: {titles_en}.",
            )
        return t(
            "In de pre-scan is een soort verwerking van de AP-lijst aangevinkt; op de feiten "
            "van het profiel vonden wij geen categorie van die lijst. Controleer of het "
            "profiel die verwerking beschrijft.",
            "In the pre-scan a kind of processing from the Dutch DPA's list is ticked; on the "
            "profile's facts we found no category of that list. Check whether the profile "
            "describes that processing.",
        )
    if criterion in {"edpblist2", "edpblist1"}:
        count_nl, count_en = ("twee of meer", "two or more")
        if criterion == "edpblist1":
            count_nl, count_en = ("precies één", "exactly one")
        return t(
            f"In de pre-scan zijn {count_nl} punten van de EDPB-lijst aangevinkt; op de "
            f"feiten van het profiel zijn bij ons {len(met)} van de negen criteria voldaan"
            f"{f' ({_numbers(met)})' if met else ''}.",
            f"In the pre-scan {count_en} items of the EDPB list are ticked; on the profile's "
            f"facts we find {len(met)} of the nine criteria met"
            f"{f' ({_numbers(met)})' if met else ''}.",
        )
    return t(
        f"Het pre-scancriterium '{criterion}' is van toepassing.",
        f"The pre-scan criterion '{criterion}' applies.",
    )


def _our_grounds(dpia: DpiaResult, theirs: DpiaVerdict) -> list[Text]:
    """What carries our verdict where the pre-scan does not reach the same level."""
    if dpia.required == theirs or dpia.required is DpiaVerdict.not_required:
        return []
    grounds: list[Text] = []
    cases = [c.point for c in dpia.art35_3 if c.applies is True]
    if cases:
        grounds.append(
            t(
                f"Wij vinden een geval van art. 35 lid 3 AVG ({', '.join(cases)}); daarvoor is "
                "een DPIA altijd verplicht.",
                f"We find a case of GDPR art. 35(3) ({', '.join(cases)}), which always "
                "requires a DPIA.",
            )
        )
    if dpia.nl_list and theirs is not DpiaVerdict.required:
        grounds.append(
            t(
                "Wij vinden een categorie van de AP-lijst die in de pre-scan niet is "
                "aangevinkt: " + ", ".join(c.title.nl for c in dpia.nl_list) + ".",
                "We find a category of the Dutch DPA's list that is not ticked in the "
                "pre-scan: " + ", ".join(c.title.en for c in dpia.nl_list) + ".",
            )
        )
    met = _met(dpia)
    if len(met) >= 2:
        grounds.append(
            t(
                f"Bij ons zijn {len(met)} van de negen EDPB-criteria voldaan ({_numbers(met)}); "
                "vanaf twee is een DPIA in de regel verplicht.",
                f"On our side {len(met)} of the nine EDPB criteria are met ({_numbers(met)}); "
                "from two on a DPIA is required as a rule.",
            )
        )
    open_criteria = [c.number for c in dpia.criteria if c.met is None]
    if dpia.required is DpiaVerdict.recommended and open_criteria:
        grounds.append(
            t(
                f"Bij ons staan nog criteria open ({_numbers(open_criteria)}); zijn die "
                "voldaan, dan kan een DPIA verplicht worden.",
                f"Some criteria are still open on our side ({_numbers(open_criteria)}); "
                "if they are met, a DPIA may become required.",
            )
        )
    return grounds
