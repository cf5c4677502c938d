"""The Jinja environment of the web pages: our page templates plus the report fragments."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from jinja2.ext import Extension

from sluis.i18n import translator
from sluis.reports.rendering import TEMPLATES as REPORT_TEMPLATES
from sluis.reports.rendering import cite, tri

PAGE_TEMPLATES = Path(__file__).parent.parent / "templates"
_POST_FORM = re.compile(r"(<form\b[^>]*\bmethod=\"post\"[^>]*>)", re.IGNORECASE)
CSRF_INPUT = (
    '{% if csrf_token %}<input type="hidden" name="csrf_token" value="{{ csrf_token }}">{% endif %}'
)


class CsrfField(Extension):
    """Every form that posts carries the session's CSRF token (sluis.web.auth): added to
    the template source once, when it is compiled, so no form can forget it."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _POST_FORM.sub(lambda m: m.group(1) + CSRF_INPUT, source)


def _who(request: Request) -> dict[str, Any]:
    """Who is signed in and their CSRF token, for every page (set by sluis.web.auth)."""
    state = request.scope.get("state") or {}
    return {"principal": state.get("principal"), "csrf_token": state.get("csrf_token")}


@cache
def templates() -> Jinja2Templates:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(PAGE_TEMPLATES), FileSystemLoader(REPORT_TEMPLATES)]),
        autoescape=select_autoescape(("html",)),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[CsrfField],
    )
    env.globals.update(tri=tri, cite=cite)
    return Jinja2Templates(env=env, context_processors=[_who])


def render(
    request: Request, name: str, lang: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    response = templates().TemplateResponse(
        request, name, {"lang": lang, "_": translator(lang), **context}, status_code=status_code
    )
    if request.query_params.get("lang") == lang:
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return response
