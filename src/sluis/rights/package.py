"""The access package (GDPR art. 15): everything Sluis holds about one person, as JSON for
machines and as a readable PDF.

For each decision about the person: the algorithm and its controller, when and how it was
decided, the data used with their values, categories, sources and purposes, the outcome
and its explanation, the logic in plain words and what the decision means (art.
15(1)(h)), the reviews by humans with their reasons, what the person submitted, the
recipients, the retention of each category and until when, the legal basis and purposes
(art. 15(1)(a)-(g)). Then the person's own requests and whether processing is
restricted. Only what belongs to the pseudonym of the request is read: decisions through
the person's live key, requests through their pseudonym.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from sluis.gateway.service import DecisionNotFound
from sluis.i18n import translator
from sluis.law.deadlines import add_months
from sluis.notices.notice import NoticeUnavailable
from sluis.notices.service import decision_notice
from sluis.processing_log import Operation
from sluis.processing_log.hooks import logged
from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.reports.rendering import TEMPLATES, report_environment
from sluis.review.casefile import past_acts, submissions_of
from sluis.review.sealed import live_key
from sluis.rights.desk import RightsDesk
from sluis.rights.records import personal_of, request_key, request_row
from sluis.rights.states import RequestState
from sluis.store.tables.gateway import DecisionRow, SubjectKeyRow
from sluis.store.tables.rights import RightsRequestRow, RightsRestrictionRow

PACKAGE_FORMAT = "sluis.access-package/1"


@logged(Operation.rights_access, request="request_id")
def access_package(desk: RightsDesk, request_id: str, lang: str | None = None) -> dict[str, Any]:
    """The package for the person of ``request_id``."""
    with desk.sessions.begin() as session:
        row = request_row(session, request_id)
        lang = lang or row.lang
        pseudonym = row.subject_pseudonym
        key_row = session.get(SubjectKeyRow, pseudonym)
        decision_rows = []
        if key_row is not None and key_row.wrapped_key is not None:
            decision_rows = list(
                session.scalars(
                    select(DecisionRow)
                    .where(DecisionRow.key_id == key_row.key_id)
                    .order_by(DecisionRow.created_at)
                )
            )
        decisions = [_decision(desk, session, d, lang) for d in decision_rows]
        requests = [
            _request(desk, session, r)
            for r in session.scalars(
                select(RightsRequestRow)
                .where(RightsRequestRow.subject_pseudonym == pseudonym)
                .order_by(RightsRequestRow.created_at)
            )
        ]
        restricted = session.get(RightsRestrictionRow, pseudonym) is not None
        from sluis.rights.verification import known_email

        contact = known_email(desk, session, pseudonym)
    return {
        "format": PACKAGE_FORMAT,
        "lang": lang,
        "generated_at": datetime.now(UTC).isoformat(),
        "request": request_id,
        "decisions": decisions,
        "requests": requests,
        "contact": {"email": contact},
        "restricted": restricted,
    }


def _decision(desk: RightsDesk, session: Any, row: DecisionRow, lang: str) -> dict[str, Any]:
    record = desk.gateway.get_decision(row.id, reveal=True)
    try:
        profile = get_profile(desk.sessions, row.profile_id, row.profile_version).profile
    except ProfileNotFound:
        profile = None
    payload = record.payload.to_json_dict() if record.payload is not None else None
    inputs = payload["inputs"] if payload else {}
    key = live_key(session, desk.keys, row)
    document: dict[str, Any] = {
        "id": row.id,
        "algorithm": None,
        "decision": row.decision_id,
        "status": record.status,
        "outcome": record.outcome,
        "score": record.score,
        "created_at": record.created_at.isoformat(),
        "decided_at": record.decided_at.isoformat() if record.decided_at else None,
        "why_a_human": list(record.route_reasons),
        "explanation": payload["evaluation"] if payload else None,
        "data": [],
        "reviews": [
            a.to_json_dict() | {"reviewer_id": None} for a in past_acts(session, key, row.id)
        ],
        "submissions": [
            s.to_json_dict() for s in submissions_of(session, key, row.id, with_content=False)
        ],
        "notice": None,
    }
    if profile is not None:
        decision = next((d for d in profile.decisions if d.id == row.decision_id), None)
        fields = profile.fields_used_by(decision) if decision else profile.data_fields
        document["algorithm"] = {
            "profile_id": profile.id,
            "name": profile.name,
            "version": row.profile_version,
            "controller": profile.controller.name,
            "controller_contact": profile.controller.contact,
            "dpo": profile.controller.dpo_contact,
            "purposes": list(profile.purposes),
            "legal_basis": profile.legal_basis.article6.value
            if profile.legal_basis.article6
            else None,
            "law": profile.legal_basis.law,
            "recipients": list(profile.processing.recipients),
            "third_country_transfers": list(profile.processing.third_country_transfers),
        }
        document["data"] = [
            {
                "field": f.name,
                "category": f.category,
                "value": inputs.get(f.name),
                "source": f.source.value if f.source else None,
                "source_name": f.source_name,
                "purpose": f.purpose,
            }
            for f in fields
            if f.name in inputs
        ]
        taken = row.created_at.date()
        document["retention"] = [
            {
                "data_category": p.data_category,
                "months": p.months,
                "until": add_months(taken, p.months)[0].isoformat(),
                "justification": p.justification,
            }
            for p in profile.retention
        ]
    try:
        notice = decision_notice(desk.gateway, row.id, lang)
        document["notice"] = notice.to_json_dict()
    except (DecisionNotFound, NoticeUnavailable):
        pass
    return document


def _request(desk: RightsDesk, session: Any, row: RightsRequestRow) -> dict[str, Any]:
    personal = personal_of(request_key(desk, session, row), row)
    return {
        "id": row.id,
        "kind": row.kind,
        "channel": row.channel,
        "state": row.state,
        "received_on": row.received_on.isoformat(),
        "due_on": row.due_on.isoformat(),
        "extended": row.extended,
        "closed": RequestState(row.state) in (RequestState.answered, RequestState.refused),
        "what_you_wrote": None if personal is None else personal.to_json_dict(),
    }


def package_html(package: dict[str, Any]) -> str:
    lang = package["lang"]
    template = report_environment().get_template("rights_package.html")
    return template.render(p=package, lang=lang, _=translator(lang))


def package_pdf(package: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # late: loading Pango is slow

    return HTML(string=package_html(package), base_url=str(TEMPLATES)).write_pdf()


__all__ = ["PACKAGE_FORMAT", "access_package", "package_html", "package_pdf"]
