"""What every page of the review desk shares: who is acting (the reviewer linked to the
signed-in account, ``sluis.web.auth``), rendering, redirects and reading forms."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session, sessionmaker

from sluis.review import service
from sluis.review.problems import ReviewRefused
from sluis.review.staff import ReviewerInfo
from sluis.web.api.notices import NO_STORE
from sluis.web.deps import sessions
from sluis.web.pages.templating import render


def acting(request: Request, db: sessionmaker[Session]) -> ReviewerInfo | None:
    """The reviewer the signed-in account is linked to: registered and active, else
    nobody."""
    principal = request.scope.get("state", {}).get("principal")
    reviewer_id = principal.reviewer_id if principal is not None else None
    if not reviewer_id:
        return None
    try:
        found = service.get_reviewer(db, reviewer_id)
    except ReviewRefused:
        return None
    return found if found.active else None


def page(
    request: Request, name: str, lang: str, *, status: int = 200, **context: Any
) -> HTMLResponse:
    """A review desk page: who is acting and whom one can work as come with every page.
    Never cached: case files hold personal data, and the rest changes with every act."""
    db = sessions(request)
    me = context.pop("me", None) or acting(request, db)
    response = render(
        request,
        name,
        lang,
        status_code=status,
        me=me,
        here=page_path(request),
        **context,
    )
    response.headers.update(NO_STORE)
    return response


def page_path(request: Request) -> str:
    """The address of the page shown, to come back to after choosing whom one works as. A
    refused form is shown at the address it was posted to; the page it came from is
    meant."""
    path = request.url.path
    if request.method == "GET" or path.endswith(("/policy", "/control-cases")):
        return path
    parts = path.split("/")  # /review/cases/{id}/<act>, /review/{profile}/claim
    return "/".join(parts[:4] if parts[2:3] == ["cases"] else parts[:3])


def redirect(path: str, lang: str, **params: str) -> RedirectResponse:
    """See other (303): the browser loads the page afresh, so a reload posts nothing."""
    query = "&".join(f"{k}={quote(v)}" for k, v in {**params, "lang": lang}.items())
    return RedirectResponse(f"{path}?{query}", status_code=303)


async def form_values(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def who_page(request: Request, lang: str) -> HTMLResponse:
    """The account is not linked to an active reviewer: it cannot act in the desk."""
    return page(request, "review_who.html", lang, status=403)


__all__ = [
    "acting",
    "form_values",
    "page",
    "page_path",
    "redirect",
    "who_page",
]
