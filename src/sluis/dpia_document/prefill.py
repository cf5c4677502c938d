"""Open a DPIA: a profile and its assessment in, a prefilled draft ``DpiaDocument`` out.

Pure. Only a profile whose assessment says a DPIA is required or recommended gets one;
otherwise :class:`DpiaNotNeeded` carries the assessment's own reasons.
"""

from __future__ import annotations

from sluis.dpia_document.model import DpiaDocument, DpiaState
from sluis.dpia_document.prefill_risks import suggested_risks
from sluis.dpia_document.prefill_sections import prefilled_sections
from sluis.law.findings import Text
from sluis.law.results import Assessment, DpiaVerdict
from sluis.profiles.model import AlgorithmProfile

NEEDED = (DpiaVerdict.required, DpiaVerdict.recommended)


class DpiaNotNeeded(ValueError):
    """The assessment does not call for a DPIA; ``reasons`` says why, in nl and en."""

    def __init__(self, profile_id: str, reasons: tuple[Text, ...]) -> None:
        self.profile_id = profile_id
        self.reasons = reasons
        why = " ".join(r.en for r in reasons)
        super().__init__(f"profile {profile_id!r} needs no DPIA: {why}".strip())


def prefill(
    profile: AlgorithmProfile, assessment: Assessment, language: str = "nl"
) -> DpiaDocument:
    """A draft DPIA with sections and suggested risks drawn from the profile and assessment.

    ``assessment.profile.version`` must be set: the document records which profile version
    it was prefilled from. Raises :class:`DpiaNotNeeded` when no DPIA is called for.
    """
    if assessment.dpia.required not in NEEDED:
        raise DpiaNotNeeded(profile.id, assessment.dpia.reasons)
    if assessment.profile.version is None:
        raise ValueError("prefill needs the assessment of a stored profile version")
    return DpiaDocument(
        profile_id=profile.id,
        profile_name=profile.name,
        profile_version=assessment.profile.version,
        engine_version=assessment.engine_version,
        language="en" if language == "en" else "nl",
        dpia_verdict=assessment.dpia.required,
        dpia_reasons=assessment.dpia.reasons,
        state=DpiaState.draft,
        sections=prefilled_sections(profile, assessment, language),
        risks=tuple(suggested_risks(profile, assessment, language)),
    )
