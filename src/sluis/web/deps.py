"""Request-scoped dependencies shared by the API and the pages."""

from __future__ import annotations

from fastapi import Request
from sqlalchemy.orm import Session, sessionmaker

from sluis.i18n import LANGUAGES


def sessions(request: Request) -> sessionmaker[Session]:
    return request.app.state.sessions


def language(request: Request) -> str:
    """The language asked for in ``?lang=``, else the cookie, else Accept-Language, else
    the configured default."""
    for candidate in (request.query_params.get("lang"), request.cookies.get("lang")):
        if candidate in LANGUAGES:
            return candidate
    accept = request.headers.get("accept-language", "")
    for part in accept.split(","):
        code = part.split(";")[0].strip()[:2].lower()
        if code in LANGUAGES:
            return code
    return request.app.state.settings.default_language
