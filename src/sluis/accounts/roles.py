"""Roles, permissions and the one decision of who may do what.

A principal (a signed-in account, a system's API token, or a person holding the token of
their own request) holds grants: a role, optionally limited to one algorithm. Every route
of the web app names the permission it needs (``sluis.web.access``); :func:`may` decides.
Pure: no I/O.

Why these roles: the GDPR makes the controller accountable (art. 5(2), 24) and asks for
access on a need-to-know basis as a security measure (art. 32(1)(b), 32(4)); the privacy
officer (DPO) must be able to do their tasks (art. 38, 39) and advises on the DPIA
(art. 35(2)); the human who reviews an automated decision must have the authority to change
it (art. 22(3)), for the algorithms they are trained for; the person may see only their own
data (art. 15), never another's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    administrator = "administrator"
    privacy_officer = "privacy_officer"
    decision_owner = "decision_owner"
    reviewer = "reviewer"
    auditor = "auditor"
    person = "person"


class Permission(StrEnum):
    #: The registry, documents, dashboards and metrics: nothing about one person.
    read = "read"
    #: Assess a profile sent along (nothing is stored).
    assess = "assess"
    #: Register and change profiles.
    profiles_write = "profiles.write"
    #: Work on an algorithm's documents: Algoritmekader measures and evidence, DPIA drafts.
    documents_write = "documents.write"
    #: The privacy officer's advice on a DPIA (art. 35(2)).
    dpia_advise = "dpia.advise"
    #: Sign and adopt a DPIA: the controller's act (art. 24).
    dpia_adopt = "dpia.adopt"
    #: Take decisions through the gateway.
    decide = "decisions.decide"
    #: Read what is about one person: notices, requests, access packages.
    personal_read = "personal.read"
    #: Claim and decide review cases (art. 22(3)).
    review_act = "review.act"
    #: Register reviewers and authorise them.
    review_manage = "review.manage"
    #: Review policies and control cases: watching that review is meaningful.
    review_oversee = "review.oversee"
    #: Handle the requests of data subjects (art. 12-22).
    rights_handle = "rights.handle"
    #: Record fairness attributes and ground truth.
    fairness_write = "fairness.write"
    #: Recompute snapshots, run jobs.
    operate = "operate"
    #: Create accounts, grant roles, issue API tokens.
    accounts_manage = "accounts.manage"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.administrator: frozenset(Permission),
    Role.privacy_officer: frozenset(
        {
            Permission.read,
            Permission.assess,
            Permission.documents_write,
            Permission.dpia_advise,
            Permission.personal_read,
            Permission.review_oversee,
            Permission.rights_handle,
            Permission.fairness_write,
            Permission.operate,
        }
    ),
    Role.decision_owner: frozenset(
        {
            Permission.read,
            Permission.assess,
            Permission.profiles_write,
            Permission.documents_write,
            Permission.dpia_adopt,
            Permission.decide,
            Permission.personal_read,
            Permission.fairness_write,
        }
    ),
    # Least privilege: a reviewer works in the review desk only; what a case needs comes
    # with the case file.
    Role.reviewer: frozenset({Permission.review_act}),
    # Read-only, and nothing about one person.
    Role.auditor: frozenset({Permission.read}),
    # A person reaches only their own request; that is no permission but a binding.
    Role.person: frozenset(),
}

#: Roles that may be limited to one algorithm. The others hold for the organisation.
SCOPABLE = frozenset({Role.reviewer, Role.decision_owner})
#: Roles an account can hold (a person is never an account here: see ``Principal.request_id``).
ACCOUNT_ROLES = tuple(r for r in Role if r is not Role.person)


@dataclass(frozen=True, order=True)
class Grant:
    """A role, for every algorithm (``algorithm`` None) or for one."""

    role: Role
    algorithm: str | None = None

    def label(self) -> str:
        return self.role.value if self.algorithm is None else f"{self.role.value}@{self.algorithm}"

    @classmethod
    def parse(cls, text: str) -> Grant:
        """``role`` or ``role@algorithm`` (the form the CLI and the token list use)."""
        role, _, algorithm = text.strip().partition("@")
        return cls(Role(role), algorithm or None)


@dataclass(frozen=True)
class Principal:
    """Who is asking. ``kind`` says how they proved it: ``session`` (signed in through the
    browser), ``token`` (a system's API token) or ``person`` (the token of one request)."""

    kind: str
    grants: tuple[Grant, ...] = ()
    account_id: str | None = None
    name: str = ""
    reviewer_id: str | None = None
    request_id: str | None = None
    token_id: str | None = None

    @property
    def is_person(self) -> bool:
        return self.kind == "person"

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(g.role for g in self.grants)


def may(principal: Principal | None, permission: Permission, algorithm: str | None = None) -> bool:
    """Whether ``principal`` holds ``permission``: for ``algorithm`` when one is named, else
    for at least one algorithm (the service then checks the object itself)."""
    if principal is None:
        return False
    return any(
        permission in ROLE_PERMISSIONS[g.role]
        and (g.algorithm is None or algorithm is None or g.algorithm == algorithm)
        for g in principal.grants
    )


def owns_request(principal: Principal | None, request_id: str) -> bool:
    """Whether ``principal`` is the person whose request ``request_id`` is."""
    return principal is not None and principal.is_person and principal.request_id == request_id


def normalise(grants: Iterable[Grant]) -> tuple[Grant, ...]:
    """Grants without duplicates, an organisation-wide role swallowing its scoped ones; a
    role that cannot be scoped is refused with a scope (ValueError naming the role)."""
    found = set(grants)
    for g in found:
        if g.role is Role.person:
            raise ValueError("role: a person is not granted; they prove their own request")
        if g.algorithm is not None and g.role not in SCOPABLE:
            raise ValueError(f"role: {g.role.value} holds for every algorithm, not for one")
    wide = {g.role for g in found if g.algorithm is None}
    return tuple(sorted(g for g in found if g.algorithm is None or g.role not in wide))


def within(token: Iterable[Grant], account: Iterable[Grant]) -> tuple[Grant, ...]:
    """The grants of a token that its account still holds (revoking the account's role
    takes it from its tokens too)."""
    held = tuple(account)
    return tuple(
        g
        for g in token
        if any(
            h.role is g.role and (h.algorithm is None or h.algorithm == g.algorithm) for h in held
        )
    )


__all__ = [
    "ACCOUNT_ROLES",
    "ROLE_PERMISSIONS",
    "SCOPABLE",
    "Grant",
    "Permission",
    "Principal",
    "Role",
    "may",
    "normalise",
    "owns_request",
    "within",
]
