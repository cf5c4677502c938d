"""Who sends a notice and which rights it offers (pure).

The rights a person can use after a decision, each with the article it rests on: the
three of GDPR art. 22(3) (human intervention, giving one's view, contesting; for an
administrative body contesting goes through the Awb objection, art. 6:4 and 7:1), access
(art. 15), rectification (16), erasure (17), restriction (18) and, where the processing
rests on a public task or a legitimate interest, objection to the processing (art. 21(1)).
Every right links to the organisation's portal with the person's reference (the decision
id), so a request reaches the right case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from sluis.i18n import label
from sluis.law.citations import Citation, awb, gdpr
from sluis.profiles.model import AlgorithmProfile, LegalBasis, NoticeSettings

AP_NAME_KEY = "notices.complaint.default_authority"
AP_URL = "https://autoriteitpersoonsgegevens.nl"
DEFAULT_OBJECTION_WEEKS = 6

#: Bases under which a person may object to the processing (GDPR art. 21(1)).
OBJECTION_BASES = frozenset({LegalBasis.public_task, LegalBasis.legitimate_interests})


@dataclass(frozen=True)
class Organisation:
    """The sender of a notice, from the profile's controller and its notice settings."""

    name: str
    postal_address: str | None
    email: str | None
    phone: str | None
    web: str | None
    portal_url: str | None
    dpo: str | None
    signatory: str | None
    administrative_body: bool
    objection_weeks: int
    objection_address: str | None
    authority: str
    authority_url: str | None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "postal_address": self.postal_address,
            "email": self.email,
            "phone": self.phone,
            "web": self.web,
            "portal_url": self.portal_url,
            "dpo": self.dpo,
            "signatory": self.signatory,
            "administrative_body": self.administrative_body,
            "objection_weeks": self.objection_weeks,
            "objection_address": self.objection_address,
            "supervisory_authority": self.authority,
            "supervisory_authority_url": self.authority_url,
        }


def organisation_of(
    profile: AlgorithmProfile, settings: NoticeSettings | None, lang: str
) -> Organisation:
    """The sender: notice settings first, then the controller's own facts. An
    administrative body is taken from the settings, else from the controller."""
    s = settings or NoticeSettings()
    contact = profile.controller.contact
    contact_is_web = bool(contact and "://" in contact)
    contact_is_email = bool(contact and not contact_is_web and "@" in contact)
    administrative = (
        s.administrative_body
        if s.administrative_body is not None
        else bool(profile.controller.administrative_body)
    )
    return Organisation(
        name=s.organisation or profile.controller.name,
        postal_address=s.postal_address,
        email=s.email or (contact if contact_is_email else None),
        phone=s.phone,
        web=contact if contact_is_web else profile.registration.public_page,
        portal_url=s.portal_url.rstrip("/") if s.portal_url else None,
        dpo=profile.controller.dpo_contact,
        signatory=s.signatory,
        administrative_body=administrative,
        objection_weeks=s.objection_weeks,
        objection_address=s.objection_address or s.postal_address,
        authority=s.supervisory_authority or label(AP_NAME_KEY, lang),
        authority_url=s.supervisory_authority_url
        or (AP_URL if s.supervisory_authority is None else None),
    )


def request_link(organisation: Organisation, reference: str, right: str) -> str | None:
    """The portal page for a request about ``reference`` (the decision id), or None."""
    if organisation.portal_url is None:
        return None
    query = urlencode({"ref": reference, "right": right})
    return f"{organisation.portal_url}/requests/new?{query}"


@dataclass(frozen=True)
class Right:
    """One right offered in a notice: a stable ``key``, its wording and article."""

    key: str
    text: str
    citation: Citation
    link: str | None

    def to_json_dict(self, lang: str) -> dict[str, Any]:
        return {
            "right": self.key,
            "text": self.text,
            "article": self.citation.label(lang),
            "link": self.link,
        }


def decision_rights(
    profile: AlgorithmProfile,
    organisation: Organisation,
    reference: str,
    lang: str,
    *,
    final: bool,
) -> tuple[Right, ...]:
    """The rights after a decision (``final``) or while it is still being reviewed. While a
    human reviews the case, asking for one and contesting are moot; giving one's view is
    not: the reviewer must weigh it."""
    keys: list[tuple[str, str, Citation]] = []
    if final:
        keys.append(("human_intervention", "human_intervention", gdpr("22(3)")))
        keys.append(("express_view", "express_view", gdpr("22(3)")))
        if organisation.administrative_body:
            keys.append(("contest", "contest_objection", awb("6:4")))
        else:
            keys.append(("contest", "contest", gdpr("22(3)")))
    else:
        keys.append(("express_view", "express_view_pending", gdpr("22(3)")))
    keys += _data_rights(profile)
    return tuple(
        Right(
            key,
            label(f"notices.right.{wording}", lang),
            citation,
            None
            if key == "contest" and organisation.administrative_body
            else request_link(organisation, reference, key),
        )
        for key, wording, citation in keys
    )


def data_rights(
    profile: AlgorithmProfile, organisation: Organisation, lang: str
) -> tuple[Right, ...]:
    """The rights a privacy notice lists: those about the data, plus consent withdrawal
    (art. 7(3)) and portability (art. 20) where the basis is consent or contract."""
    keys = list(_data_rights(profile))
    basis = profile.legal_basis.article6
    if basis in (LegalBasis.consent, LegalBasis.contract):
        keys.append(("portability", "portability", gdpr("20")))
    if basis is LegalBasis.consent:
        keys.append(("withdraw_consent", "withdraw_consent", gdpr("7(3)")))
    return tuple(
        Right(key, label(f"notices.right.{wording}", lang), citation, None)
        for key, wording, citation in keys
    )


def _data_rights(profile: AlgorithmProfile) -> list[tuple[str, str, Citation]]:
    keys = [
        ("access", "access", gdpr("15")),
        ("rectification", "rectification", gdpr("16")),
        ("erasure", "erasure", gdpr("17")),
        ("restriction", "restriction", gdpr("18")),
    ]
    if profile.legal_basis.article6 in OBJECTION_BASES:
        keys.append(("object_processing", "object_processing", gdpr("21(1)")))
    return keys


__all__ = [
    "AP_URL",
    "DEFAULT_OBJECTION_WEEKS",
    "OBJECTION_BASES",
    "Organisation",
    "Right",
    "data_rights",
    "decision_rights",
    "organisation_of",
    "request_link",
]
