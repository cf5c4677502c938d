"""Who may reach which route: ONE table, checked for every request (``sluis.web.auth``).

Every route of the app (method and path template, as FastAPI knows it) has exactly one
entry here: public, the person's own data, or a permission (``sluis.accounts.roles``),
possibly for the algorithm named in the path. A route without an entry is refused for
everyone (fail-closed), and ``tests/web/test_access_matrix.py`` fails until it has one: a
new route cannot slip through unguarded.

Objects below the route are checked by the services: a reviewer's authority for the case's
algorithm (``sluis.review``), the algorithm of a decision taken (``sluis.web.api.decisions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sluis.accounts.roles import Permission, Principal, may, owns_request


class Verdict(StrEnum):
    allow = "allow"
    #: Nobody known: 401.
    unknown = "unknown"
    #: Known, but not allowed: 403 (whether the thing exists or not).
    forbidden = "forbidden"


@dataclass(frozen=True)
class Rule:
    """``public``; else a ``permission`` (for the algorithm in path parameter
    ``algorithm``); or the person's own request / decision named by path parameter
    ``own`` (``own_kind`` "request" or "decision"), which staff with ``permission`` may
    reach too."""

    permission: Permission | None = None
    algorithm: str | None = None
    own: str | None = None
    own_kind: str = "request"
    public: bool = False

    def describe(self) -> str:
        if self.public:
            return "public"
        parts = []
        if self.own:
            parts.append(f"own {self.own_kind}")
        if self.permission:
            scope = f"@{{{self.algorithm}}}" if self.algorithm else ""
            parts.append(self.permission.value + scope)
        return " | ".join(parts)


PUBLIC = Rule(public=True)


def need(permission: Permission, algorithm: str | None = None) -> Rule:
    return Rule(permission=permission, algorithm=algorithm)


def own_request(staff: Permission | None = None) -> Rule:
    return Rule(permission=staff, own="request_id", own_kind="request")


def own_decision(staff: Permission) -> Rule:
    return Rule(permission=staff, own="decision_uuid", own_kind="decision")


P = Permission
READ = need(P.read)
ALG = "profile_id"

ACCESS: dict[str, Rule] = {
    # -- the app's own ------------------------------------------------------------------
    "GET /api/v1/openapi.json": PUBLIC,
    "GET /api/v1/docs": PUBLIC,
    "GET /docs/oauth2-redirect": PUBLIC,
    "GET /static/{path}": PUBLIC,
    "GET /": PUBLIC,  # a redirect to /profiles
    # -- signing in ---------------------------------------------------------------------
    "GET /login": PUBLIC,
    "POST /login": PUBLIC,
    "POST /logout": PUBLIC,
    "GET /login/oidc": PUBLIC,
    "GET /login/oidc/callback": PUBLIC,
    "GET /accounts": need(P.accounts_manage),
    "POST /accounts": need(P.accounts_manage),
    "POST /accounts/{account_id}/{action}": need(P.accounts_manage),
    # -- profiles and assessments -------------------------------------------------------
    "POST /api/v1/assessments": need(P.assess),
    "POST /api/v1/profiles": need(P.profiles_write),
    "GET /api/v1/profiles": READ,
    "GET /api/v1/profiles/{profile_id}": READ,
    "GET /api/v1/profiles/{profile_id}/versions": READ,
    "GET /api/v1/profiles/{profile_id}/assessment": READ,
    "GET /api/v1/schemas/profile": PUBLIC,  # the format, nothing stored
    "GET /profiles": READ,
    "GET /profiles/new": need(P.profiles_write),
    "POST /profiles": need(P.profiles_write),
    "GET /profiles/{profile_id}": READ,
    "GET /profiles/{profile_id}/edit": need(P.profiles_write, ALG),
    "GET /profiles/{profile_id}/report.pdf": READ,
    # -- Algoritmekader -----------------------------------------------------------------
    "GET /api/v1/kader/items": READ,
    "GET /api/v1/kader/imports": READ,
    "GET /api/v1/kader/imports/latest": READ,
    "GET /api/v1/profiles/{profile_id}/kader": READ,
    "PUT /api/v1/profiles/{profile_id}/kader/measures/{measure_urn}": need(P.documents_write, ALG),
    "POST /api/v1/profiles/{profile_id}/kader/measures/{measure_urn}/evidence": need(
        P.documents_write, ALG
    ),
    "GET /api/v1/profiles/{profile_id}/kader/evidence/{evidence_id}": READ,
    "GET /kader": READ,
    "GET /profiles/{profile_id}/kader": READ,
    "POST /profiles/{profile_id}/kader/measures/{measure_urn}/evidence": need(
        P.documents_write, ALG
    ),
    "POST /profiles/{profile_id}/kader/measures/{measure_urn}": need(P.documents_write, ALG),
    # -- the art. 30 record and the Algoritmeregister -----------------------------------
    "GET /api/v1/register/art30": READ,
    "GET /api/v1/register/art30.csv": READ,
    "GET /api/v1/register/art30.xlsx": READ,
    "GET /api/v1/register/art30.pdf": READ,
    "GET /register/art30": READ,
    "GET /api/v1/profiles/{profile_id}/algoritmeregister": READ,
    "GET /api/v1/profiles/{profile_id}/algoritmeregister/export": READ,
    "GET /api/v1/algoritmeregister.csv": READ,
    "GET /profiles/{profile_id}/algoritmeregister": READ,
    # -- the DPIA -----------------------------------------------------------------------
    "POST /api/v1/profiles/{profile_id}/dpia": need(P.documents_write, ALG),
    "GET /api/v1/profiles/{profile_id}/dpia": READ,
    "PUT /api/v1/profiles/{profile_id}/dpia": need(P.documents_write, ALG),
    "POST /api/v1/profiles/{profile_id}/dpia/ready": need(P.documents_write, ALG),
    "POST /api/v1/profiles/{profile_id}/dpia/advice": need(P.dpia_advise, ALG),
    "POST /api/v1/profiles/{profile_id}/dpia/sign": need(P.documents_write, ALG),
    "POST /api/v1/profiles/{profile_id}/dpia/adopt": need(P.dpia_adopt, ALG),
    "GET /api/v1/profiles/{profile_id}/dpia/versions": READ,
    "GET /api/v1/profiles/{profile_id}/dpia.pdf": READ,
    "GET /api/v1/profiles/{profile_id}/dpia.md": READ,
    "GET /profiles/{profile_id}/dpia": READ,
    "POST /profiles/{profile_id}/dpia/open": need(P.documents_write, ALG),
    "POST /profiles/{profile_id}/dpia/save": need(P.documents_write, ALG),
    "POST /profiles/{profile_id}/dpia/ready": need(P.documents_write, ALG),
    "POST /profiles/{profile_id}/dpia/advice": need(P.dpia_advise, ALG),
    "POST /profiles/{profile_id}/dpia/sign": need(P.documents_write, ALG),
    "POST /profiles/{profile_id}/dpia/adopt": need(P.dpia_adopt, ALG),
    "GET /profiles/{profile_id}/dpia/document.pdf": READ,
    "GET /profiles/{profile_id}/dpia/document.md": READ,
    # -- the questionnaires' pages (pre-scan, Model DPIA, IAMA) -------------------------
    "GET /profiles/{profile_id}/instruments": READ,
    "POST /profiles/{profile_id}/instruments/open": need(P.documents_write, ALG),
    "GET /profiles/{profile_id}/instruments/{instance_id}": READ,
    "POST /profiles/{profile_id}/instruments/{instance_id}/save": need(P.documents_write, ALG),
    "POST /profiles/{profile_id}/instruments/{instance_id}/complete": need(P.documents_write, ALG),
    "POST /profiles/{profile_id}/instruments/{instance_id}/preview": READ,
    "GET /profiles/{profile_id}/instruments/{instance_id}/export.json": READ,
    "GET /profiles/{profile_id}/instruments/{instance_id}/export.md": READ,
    "GET /profiles/{profile_id}/instruments/{instance_id}/export.pdf": READ,
    # -- decisions (the algorithm in the body is checked by the route) ------------------
    "POST /api/v1/decisions": need(P.decide),
    "GET /api/v1/decisions/{decision_uuid}": READ,
    # -- the review desk ----------------------------------------------------------------
    "GET /api/v1/reviews/reviewers": READ,
    "POST /api/v1/reviews/reviewers": need(P.review_manage),
    "GET /api/v1/reviews/reviewers/{reviewer_id}": READ,
    "PATCH /api/v1/reviews/reviewers/{reviewer_id}": need(P.review_manage),
    "PUT /api/v1/reviews/reviewers/{reviewer_id}/authorisations/{profile_id}": need(
        P.review_manage
    ),
    "DELETE /api/v1/reviews/reviewers/{reviewer_id}/authorisations/{profile_id}": need(
        P.review_manage
    ),
    "GET /api/v1/reviews/policies/{profile_id}": READ,
    "PUT /api/v1/reviews/policies/{profile_id}": need(P.review_oversee, ALG),
    "GET /api/v1/reviews/queue/{profile_id}": need(P.review_act, ALG),
    "POST /api/v1/reviews/queue/{profile_id}/claim": need(P.review_act, ALG),
    "POST /api/v1/reviews/cases/{case_id}/claim": need(P.review_act),
    "POST /api/v1/reviews/cases/{case_id}/release": need(P.review_act),
    "GET /api/v1/reviews/cases/{case_id}": need(P.review_act),
    "GET /api/v1/reviews/cases/{case_id}/submissions/{submission_id}": need(P.review_act),
    "POST /api/v1/reviews/cases/{case_id}/opened": need(P.review_act),
    "POST /api/v1/reviews/cases/{case_id}/first-view": need(P.review_act),
    "POST /api/v1/reviews/cases/{case_id}/decision": need(P.review_act),
    "POST /api/v1/reviews/cases/{case_id}/information-received": need(P.review_act),
    "POST /api/v1/reviews/contests": need(P.rights_handle),
    "POST /api/v1/reviews/submissions": need(P.rights_handle),
    "POST /api/v1/reviews/control-cases": need(P.review_oversee),
    "GET /api/v1/reviews/control-cases": need(P.review_oversee),
    "GET /api/v1/reviews/facts": READ,
    "GET /review/dashboard": READ,
    "GET /review/dashboard.{fmt}": READ,
    "GET /review/{profile_id}/policy": READ,
    "POST /review/{profile_id}/policy": need(P.review_oversee, ALG),
    "GET /review/{profile_id}/control-cases": need(P.review_oversee, ALG),
    "POST /review/{profile_id}/control-cases": need(P.review_oversee, ALG),
    "GET /review": need(P.review_act),
    "GET /review/{profile_id}": need(P.review_act, ALG),
    "POST /review/{profile_id}/claim": need(P.review_act, ALG),
    "GET /review/cases/{case_id}": need(P.review_act),
    "POST /review/cases/{case_id}/claim": need(P.review_act),
    "POST /review/cases/{case_id}/release": need(P.review_act),
    "POST /review/cases/{case_id}/information-received": need(P.review_act),
    "POST /review/cases/{case_id}/open/{item}": need(P.review_act),
    "POST /review/cases/{case_id}/first-view": need(P.review_act),
    "POST /review/cases/{case_id}/decide": need(P.review_act),
    "GET /review/cases/{case_id}/submissions/{submission_id}": need(P.review_act),
    # -- notices ------------------------------------------------------------------------
    "GET /api/v1/decisions/{decision_uuid}/notice": own_decision(P.personal_read),
    "GET /api/v1/notices.zip": need(P.personal_read),
    # The privacy notice is written for the people themselves (art. 13/14): public.
    "GET /api/v1/profiles/{profile_id}/privacy-notice": PUBLIC,
    "GET /decisions/{decision_uuid}/notice": own_decision(P.personal_read),
    "GET /profiles/{profile_id}/privacy-notice": PUBLIC,
    # -- the rights desk: the portal is public until the identity check, then the
    #    person's own; the desk is staff's ----------------------------------------------
    "POST /api/v1/rights/requests": PUBLIC,
    "GET /api/v1/rights/requests": need(P.rights_handle),
    "GET /api/v1/rights/requests/{request_id}": own_request(P.rights_handle),
    "GET /api/v1/rights/requests/{request_id}/identity": PUBLIC,
    "POST /api/v1/rights/requests/{request_id}/identity/code": PUBLIC,
    "POST /api/v1/rights/requests/{request_id}/identity": PUBLIC,
    "POST /api/v1/rights/requests/{request_id}/identity/staff": need(P.rights_handle),
    "POST /api/v1/rights/requests/{request_id}/erasure": need(P.rights_handle),
    "POST /api/v1/rights/requests/{request_id}/restriction": need(P.rights_handle),
    "POST /api/v1/rights/requests/{request_id}/restriction/lift": need(P.rights_handle),
    "POST /api/v1/rights/requests/{request_id}/answer": need(P.rights_handle),
    "POST /api/v1/rights/requests/{request_id}/refusal": need(P.rights_handle),
    "POST /api/v1/rights/requests/{request_id}/extension": need(P.rights_handle),
    "POST /api/v1/rights/requests/{request_id}/objection": need(P.rights_handle),
    "POST /api/v1/rights/requests/{request_id}/rectification": need(P.rights_handle),
    "GET /api/v1/rights/requests/{request_id}/package": own_request(P.rights_handle),
    "PUT /api/v1/rights/contacts": need(P.rights_handle),
    "POST /api/v1/rights/follow-reviews": need(P.rights_handle),
    "GET /requests/new": PUBLIC,
    "POST /requests/new": PUBLIC,
    # Anyone drafts a letter to another organisation; nothing is kept.
    "GET /letter": PUBLIC,
    "POST /letter": PUBLIC,
    "GET /requests/{request_id}/verify": PUBLIC,
    "POST /requests/{request_id}/verify": PUBLIC,
    "POST /requests/{request_id}/verify/code": PUBLIC,
    "GET /requests/{request_id}": own_request(),
    "GET /requests/{request_id}/notice": own_request(),
    "GET /requests/{request_id}/package.{fmt}": own_request(),
    "GET /rights": need(P.rights_handle),
    "GET /rights/new": need(P.rights_handle),
    "POST /rights/new": need(P.rights_handle),
    "GET /rights/{request_id}": need(P.rights_handle),
    "GET /rights/{request_id}/answer.pdf": need(P.rights_handle),
    "POST /rights/{request_id}/{action}": need(P.rights_handle),
    # -- the government's questionnaires (DPIA pre-scan, Model DPIA, IAMA) --------------
    "GET /api/v1/instruments/definitions": READ,
    "POST /api/v1/instruments/definitions": need(P.operate),
    "GET /api/v1/instruments/definitions/{urn}": READ,
    "GET /api/v1/instruments/algorithms/{profile_id}": READ,
    "POST /api/v1/instruments/algorithms/{profile_id}": need(P.documents_write, ALG),
    "GET /api/v1/instruments/instances/{instance_id}": READ,
    "PUT /api/v1/instruments/instances/{instance_id}/answers": need(P.documents_write),
    "PUT /api/v1/instruments/instances/{instance_id}/completed": need(P.documents_write),
    "GET /api/v1/instruments/instances/{instance_id}/versions": READ,
    "GET /api/v1/instruments/instances/{instance_id}/verdict": READ,
    "GET /api/v1/instruments/instances/{instance_id}/output": READ,
    "PUT /api/v1/instruments/instances/{instance_id}/output": need(P.documents_write),
    "POST /api/v1/instruments/instances/{instance_id}/sign": need(P.documents_write),
    "POST /api/v1/instruments/instances/{instance_id}/adopt": need(P.dpia_adopt),
    "GET /api/v1/instruments/instances/{instance_id}/document": READ,
    # -- fairness and the dashboard -----------------------------------------------------
    "POST /api/v1/fairness/{algorithm}/attributes": need(P.fairness_write, "algorithm"),
    "POST /api/v1/fairness/{algorithm}/ground-truth": need(P.fairness_write, "algorithm"),
    "GET /api/v1/fairness/{algorithm}": READ,
    "GET /api/v1/dashboard": READ,
    "POST /api/v1/dashboard/refresh": need(P.operate),
    "GET /dashboard": READ,
    "POST /dashboard/refresh": need(P.operate),
    "GET /fairness/{algorithm}": READ,
    "POST /fairness/{algorithm}/refresh": need(P.operate),
    "GET /fairness/{algorithm}/report.{fmt}": READ,
}


def rule_for(method: str, path_format: str) -> Rule | None:
    """The rule of a route; HEAD is GET's. None: the route is not in the table."""
    return ACCESS.get(f"{'GET' if method == 'HEAD' else method} {path_format}")


def judge(
    rule: Rule,
    principal: Principal | None,
    params: dict[str, str],
    decision_of_request: str | None = None,
) -> Verdict:
    """Whether ``principal`` may use a route with ``rule``, given its path ``params``.
    ``decision_of_request``: the decision the person's request is about, for routes that
    name a decision."""
    if rule.public:
        return Verdict.allow
    if principal is None:
        return Verdict.unknown
    if rule.own is not None and principal.is_person:
        value = params.get(rule.own, "")
        if rule.own_kind == "request" and owns_request(principal, value):
            return Verdict.allow
        if rule.own_kind == "decision" and decision_of_request and value == decision_of_request:
            return Verdict.allow
        return Verdict.forbidden
    if rule.permission is None:
        return Verdict.forbidden
    algorithm = params.get(rule.algorithm) if rule.algorithm else None
    return Verdict.allow if may(principal, rule.permission, algorithm) else Verdict.forbidden


__all__ = ["ACCESS", "PUBLIC", "Rule", "Verdict", "judge", "need", "rule_for"]
