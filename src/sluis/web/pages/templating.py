"""The Jinja environment of the web pages: our page templates plus the report fragments."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from sluis.i18n import translator
from sluis.reports.rendering import TEMPLATES as REPORT_TEMPLATES
from sluis.reports.rendering import cite, tri

PAGE_TEMPLATES = Path(__file__).parent.parent / "templates"


@cache
def templates() -> Jinja2Templates:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(PAGE_TEMPLATES), FileSystemLoader(REPORT_TEMPLATES)]),
        autoescape=select_autoescape(("html",)),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(tri=tri, cite=cite)
    return Jinja2Templates(env=env)


def render(
    request: Request, name: str, lang: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    response = templates().TemplateResponse(
        request, name, {"lang": lang, "_": translator(lang), **context}, status_code=status_code
    )
    if request.query_params.get("lang") == lang:
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return response
