"""Notices over HTTP: a decision's notice (besluitbrief) and an algorithm's privacy notice.

``GET /api/v1/decisions/{id}/notice?lang=nl&format=json|html|pdf`` gives the notice of one
decision; ``GET /api/v1/notices.zip?algorithm=ID&since=DATE`` the notices of an
algorithm's decisions since a date, as a zip; ``GET
/api/v1/profiles/{id}/privacy-notice?lang=nl&format=json|html|pdf`` the privacy notice.

Access: a decision notice shows the person's own data. It is served anyway, because it
is addressed to that person and the staff who send it need it, but without access
control yet: that arrives with accounts and roles (a later issue), which will limit it to
the staff of the controller and the person themselves. Responses are marked
``Cache-Control: no-store`` so that no shared cache keeps personal data.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session, sessionmaker

from sluis.notices.render import MEDIA_TYPES, filename, render
from sluis.notices.service import (
    DecisionNotFound,
    NoticeUnavailable,
    decision_ids_since,
    decision_notice,
    notices_for,
    privacy_notice,
)
from sluis.web.api.decisions import Gate
from sluis.web.deps import language

router = APIRouter(tags=["notices"])

MAX_ZIP_DECISIONS = 200
NO_STORE = {"Cache-Control": "no-store"}
Format = Literal["json", "html", "pdf"]
LangParam = Annotated[
    Literal["nl", "en"] | None,
    Query(description="Language of the notice; default from cookie or browser."),
]
FormatParam = Annotated[Format, Query(description="json (with readability findings), html or pdf.")]

#: Why no notice can be made, as HTTP status and message (never personal data).
UNAVAILABLE: dict[str, tuple[int, str]] = {
    "erased": (410, "The data of this decision were erased; no notice can be made."),
    "no_procedure": (
        409,
        "No decision procedure is bound to explain this decision; bind it with "
        "SLUIS_PROCEDURES and restart the server.",
    ),
    "not_revealed": (409, "The decision's data could not be read."),
}


def unavailable(exc: NoticeUnavailable) -> HTTPException:
    status, message = UNAVAILABLE.get(exc.reason, (409, "No notice can be made."))
    return HTTPException(status_code=status, detail={"message": message, "reason": exc.reason})


def _respond(content: Any, fmt: str) -> Response:
    body = render(content, fmt)
    headers = dict(NO_STORE)
    if fmt != "json":
        disposition = "attachment" if fmt == "pdf" else "inline"
        headers["Content-Disposition"] = f'{disposition}; filename="{filename(content, fmt)}"'
    return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)


@router.get(
    "/api/v1/decisions/{decision_uuid}/notice",
    summary="The notice of a decision (besluitbrief), for the person it is about",
    response_class=Response,
    responses={
        404: {"description": "No such decision"},
        409: {"description": "No procedure is bound to explain the decision"},
        410: {"description": "The decision's data were erased"},
    },
)
def get_decision_notice(
    decision_uuid: str,
    request: Request,
    gate: Gate,
    lang: LangParam = None,
    format: FormatParam = "json",
) -> Response:
    """The decision, its reasons, the data used, the logic, the human review, the rights
    and how to use them, and for an administrative body the objection period. A decision
    still under review gets a notice that says so, without an outcome. JSON adds the
    readability findings."""
    try:
        notice = decision_notice(gate, decision_uuid, lang or language(request))
    except DecisionNotFound:
        raise HTTPException(
            status_code=404, detail={"message": f"no decision {decision_uuid!r}"}
        ) from None
    except NoticeUnavailable as exc:
        raise unavailable(exc) from None
    return _respond(notice, format)


@router.get(
    "/api/v1/notices.zip",
    summary="The notices of an algorithm's decisions since a date, as a zip",
    response_class=Response,
)
def get_notices_zip(
    request: Request,
    gate: Gate,
    algorithm: Annotated[str, Query(description="The profile id of the algorithm.")],
    since: Annotated[date, Query(description="Decisions recorded on or after this day (UTC).")],
    decision: Annotated[str | None, Query(description="Only this decision of the profile.")] = None,
    lang: LangParam = None,
    format: Annotated[Literal["pdf", "html", "json"], Query()] = "pdf",
) -> Response:
    """One file per decision, plus ``problems.json`` naming the decisions without a notice
    and why. At most 200 decisions: larger batches belong to ``sluis notice --all-since``."""
    ids = decision_ids_since(gate.sessions, algorithm, since, decision_id=decision)
    if len(ids) > MAX_ZIP_DECISIONS:
        return JSONResponse(
            status_code=422,
            content={
                "detail": {
                    "message": "Too many decisions for one download.",
                    "problems": [
                        {
                            "field": "since",
                            "rule": "max_decisions",
                            "message": f"{len(ids)} decisions; at most {MAX_ZIP_DECISIONS} "
                            "per download (use the CLI for more)",
                        }
                    ],
                }
            },
        )
    buffer = io.BytesIO()
    problems = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for decision_uuid, notice, problem in notices_for(gate, ids, lang or language(request)):
            if notice is None:
                problems.append({"decision": decision_uuid, "reason": problem})
                continue
            archive.writestr(filename(notice, format), render(notice, format))
        archive.writestr("problems.json", json.dumps(problems, indent=2))
    name = f"notices-{algorithm}-{since.isoformat()}.zip"
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/api/v1/profiles/{profile_id}/privacy-notice",
    summary="The privacy notice of an algorithm (GDPR art. 13 and 14)",
    response_class=Response,
)
def get_privacy_notice(
    profile_id: str,
    request: Request,
    lang: LangParam = None,
    format: FormatParam = "json",
    version: Annotated[int | None, Query(ge=1, description="A stored version.")] = None,
) -> Response:
    """Purposes, legal basis, kinds of data and their sources, retention, recipients, the
    automated decisions with their logic, and the rights. 404 for an unknown profile."""
    sessions: sessionmaker[Session] = request.app.state.sessions
    notice = privacy_notice(sessions, profile_id, lang or language(request), version=version)
    return _respond(notice, format)
