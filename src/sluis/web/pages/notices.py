"""HTML pages of the notices: ``/decisions/{id}/notice`` (the letter to the person a
decision is about, with downloads and its readability) and ``/profiles/{id}/privacy-notice``.

Like the API (``sluis.web.api.notices``), the decision notice page holds personal data: only
staff who may read it for that algorithm and the person it is about (through their request's
token) reach it (``sluis.web.access``); its responses are marked ``Cache-Control: no-store``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session, sessionmaker

from sluis.notices.render import document_context
from sluis.notices.service import (
    DecisionNotFound,
    NoticeUnavailable,
    decision_notice,
    privacy_notice,
)
from sluis.web.api.decisions import Gate
from sluis.web.api.notices import NO_STORE, UNAVAILABLE
from sluis.web.deps import language, sessions
from sluis.web.ids import Version
from sluis.web.pages.templating import render

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]


@router.get("/decisions/{decision_uuid}/notice", response_class=HTMLResponse)
def notice_page(decision_uuid: str, request: Request, gate: Gate, lang: Lang) -> HTMLResponse:
    try:
        notice = decision_notice(gate, decision_uuid, lang)
    except DecisionNotFound:
        return _error(request, lang, 404, "notices.error.not_found")
    except NoticeUnavailable as exc:
        status = UNAVAILABLE.get(exc.reason, (409, ""))[0]
        key = "notices.error.erased" if exc.reason == "erased" else "notices.error.unavailable"
        return _error(request, lang, status, key)
    response = render(
        request,
        "notice_page.html",
        lang,
        d=document_context(notice),
        notice=notice,
        downloads=f"/api/v1/decisions/{decision_uuid}/notice",
        page_title=notice.title,
    )
    response.headers.update(NO_STORE)
    return response


@router.get("/profiles/{profile_id}/privacy-notice", response_class=HTMLResponse)
def privacy_notice_page(
    profile_id: str, request: Request, db: Sessions, lang: Lang, version: Version = None
) -> HTMLResponse:
    notice = privacy_notice(db, profile_id, lang, version=version)
    return render(
        request,
        "notice_page.html",
        lang,
        d=document_context(notice),
        notice=notice,
        downloads=f"/api/v1/profiles/{profile_id}/privacy-notice",
        page_title=notice.title,
    )


def _error(request: Request, lang: str, status: int, key: str) -> HTMLResponse:
    response = render(request, "notice_error.html", lang, status_code=status, message_key=key)
    response.headers.update(NO_STORE)
    return response
