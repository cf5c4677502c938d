"""What every page of the review desk shares: who is acting (chosen in the browser, not
authenticated yet), rendering with that choice, redirects and reading forms."""

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

REVIEWER_COOKIE = "sluis_reviewer"
COOKIE_PATH = "/review"


def acting(request: Request, db: sessionmaker[Session]) -> ReviewerInfo | None:
    """The reviewer this browser works as: registered and active, else nobody. Not
    authentication: anyone can choose anyone until accounts exist."""
    reviewer_id = (request.cookies.get(REVIEWER_COOKIE) or "").strip()
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
        reviewers=[r for r in service.list_reviewers(db) if r.active],
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
    """Nobody chosen yet: the page asks whom this browser works as."""
    return page(request, "review_who.html", lang, status=401)


__all__ = [
    "COOKIE_PATH",
    "REVIEWER_COOKIE",
    "acting",
    "form_values",
    "page",
    "page_path",
    "redirect",
    "who_page",
]
