"""Citations: every rule in ``sluis.law`` names the article or source it rests on.

A citation renders in Dutch or English; the JSON output uses the English label, which is
stable and meant for machines as much as for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Instrument(StrEnum):
    gdpr = "gdpr"
    uavg = "uavg"
    awb = "awb"
    ai_act = "ai_act"
    wp248 = "wp248"
    wp251 = "wp251"
    cjeu = "cjeu"
    ap_dpia_list = "ap_dpia_list"
    ap_risk_selection = "ap_risk_selection"
    ap_human_intervention = "ap_human_intervention"
    ap_discrimination = "ap_discrimination"
    algoritmeregister = "algoritmeregister"
    sluis_policy = "sluis_policy"
    reg_1182_71 = "reg_1182_71"
    atw = "atw"
    atw_decree = "atw_decree"
    grondwet = "grondwet"
    awgb = "awgb"


_LABELS: dict[Instrument, tuple[str, str]] = {
    # (nl, en) formats; "{ref}" is replaced by the article reference.
    Instrument.gdpr: ("AVG art. {ref}", "GDPR art. {ref}"),
    Instrument.uavg: ("UAVG art. {ref}", "UAVG art. {ref}"),
    Instrument.awb: ("Awb art. {ref}", "Awb art. {ref}"),
    Instrument.ai_act: ("AI-verordening art. {ref}", "AI Act art. {ref}"),
    Instrument.wp248: ("WP248 rev.01 {ref}", "WP248 rev.01 {ref}"),
    Instrument.wp251: ("WP251 rev.01 {ref}", "WP251 rev.01 {ref}"),
    Instrument.cjeu: ("HvJ EU {ref}", "CJEU {ref}"),
    Instrument.ap_dpia_list: (
        "AP-lijst DPIA-plicht (Stcrt. 2019, 64418) {ref}",
        "Dutch DPA DPIA list (Stcrt. 2019, 64418) {ref}",
    ),
    Instrument.ap_risk_selection: (
        "AP-advies risicoselectie (okt. 2024){ref}",
        "Dutch DPA advice on risk selection (Oct. 2024){ref}",
    ),
    Instrument.ap_human_intervention: (
        "AP-handvatten betekenisvolle menselijke tussenkomst (2025){ref}",
        "Dutch DPA guidance on meaningful human intervention (2025){ref}",
    ),
    Instrument.ap_discrimination: (
        "AP-onderzoek kinderopvangtoeslag (2020){ref}",
        "Dutch DPA childcare-benefit investigation (2020){ref}",
    ),
    Instrument.algoritmeregister: (
        "Algoritmeregister, publicatiestandaard 1.0{ref}",
        "Algoritmeregister publication standard 1.0{ref}",
    ),
    Instrument.sluis_policy: ("Sluis-beleid: {ref}", "Sluis policy: {ref}"),
    Instrument.reg_1182_71: (
        "Verordening (EEG, Euratom) nr. 1182/71 art. {ref}",
        "Regulation (EEC, Euratom) No 1182/71 art. {ref}",
    ),
    Instrument.atw: ("Algemene termijnenwet art. {ref}", "Algemene termijnenwet art. {ref}"),
    Instrument.atw_decree: (
        "Gelijkstellingsbesluit {ref} (art. 3 lid 3 Algemene termijnenwet)",
        "Equating decree {ref} (Algemene termijnenwet art. 3(3))",
    ),
    Instrument.grondwet: ("Grondwet art. {ref}", "Dutch Constitution (Grondwet) art. {ref}"),
    Instrument.awgb: (
        "Algemene wet gelijke behandeling art. {ref}",
        "Equal Treatment Act (AWGB) art. {ref}",
    ),
}

_RECITAL_LABELS: dict[Instrument, tuple[str, str]] = {
    Instrument.gdpr: ("AVG overweging {ref}", "GDPR recital {ref}"),
    Instrument.ai_act: ("AI-verordening overweging {ref}", "AI Act recital {ref}"),
}


@dataclass(frozen=True, order=True)
class Citation:
    instrument: Instrument
    ref: str = ""

    def label(self, lang: str = "en") -> str:
        if self.ref.startswith("recital ") and self.instrument in _RECITAL_LABELS:
            nl, en = _RECITAL_LABELS[self.instrument]
            number = self.ref.removeprefix("recital ")
            return (nl if lang == "nl" else en).format(ref=number)
        nl, en = _LABELS[self.instrument]
        return (nl if lang == "nl" else en).format(ref=self.ref).strip()

    def __str__(self) -> str:
        return self.label("en")


def gdpr(ref: str) -> Citation:
    return Citation(Instrument.gdpr, ref)


def uavg(ref: str) -> Citation:
    return Citation(Instrument.uavg, ref)


def awb(ref: str) -> Citation:
    return Citation(Instrument.awb, ref)


def ai_act(ref: str) -> Citation:
    return Citation(Instrument.ai_act, ref)


def wp248(ref: str = "") -> Citation:
    return Citation(Instrument.wp248, ref)


def wp251(ref: str = "") -> Citation:
    return Citation(Instrument.wp251, ref)


def cjeu(ref: str) -> Citation:
    return Citation(Instrument.cjeu, ref)


SCHUFA = cjeu("C-634/21 (SCHUFA)")
DUN_AND_BRADSTREET = cjeu("C-203/22 (Dun & Bradstreet Austria)")
AP_RISK_SELECTION = Citation(Instrument.ap_risk_selection)
AP_HUMAN_INTERVENTION = Citation(Instrument.ap_human_intervention)
AP_DISCRIMINATION = Citation(Instrument.ap_discrimination)


def ap_dpia_list(number: int) -> Citation:
    return Citation(Instrument.ap_dpia_list, f"no. {number}")


def sluis_policy(ref: str) -> Citation:
    return Citation(Instrument.sluis_policy, ref)


def reg_1182_71(ref: str) -> Citation:
    """Regulation (EEC, Euratom) No 1182/71: the EU's rules for periods, dates and time
    limits, which govern the GDPR's own periods."""
    return Citation(Instrument.reg_1182_71, ref)


def atw(ref: str) -> Citation:
    """The Dutch Algemene termijnenwet (general act on time limits)."""
    return Citation(Instrument.atw, ref)


def atw_decree(ref: str) -> Citation:
    """A decree under art. 3(3) Atw that equates days with public holidays."""
    return Citation(Instrument.atw_decree, ref)


def grondwet(ref: str) -> Citation:
    """The Dutch Constitution; art. 1 forbids discrimination on any ground."""
    return Citation(Instrument.grondwet, ref)


def awgb(ref: str) -> Citation:
    """The Dutch Equal Treatment Act (Algemene wet gelijke behandeling)."""
    return Citation(Instrument.awgb, ref)


ALGORITMEREGISTER = Citation(Instrument.algoritmeregister)
