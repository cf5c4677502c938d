"""The FastAPI application: JSON API under /api/v1 and HTML pages, sharing the services."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session, sessionmaker

from sluis import __version__
from sluis.rights.desk import RightsDesk
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory
from sluis.web import auth, auth_oidc, errors, log_privacy
from sluis.web.api import algoritmeregister as algoritmeregister_api
from sluis.web.api import art30 as art30_api
from sluis.web.api import assessments, profiles, schemas
from sluis.web.api import dashboard as dashboard_api
from sluis.web.api import decisions as decisions_api
from sluis.web.api import dpia as dpia_api
from sluis.web.api import fairness as fairness_api
from sluis.web.api import instruments as instruments_api
from sluis.web.api import kader as kader_api
from sluis.web.api import notices as notices_api
from sluis.web.api import reviews as reviews_api
from sluis.web.api import rights as rights_api
from sluis.web.pages import accounts as account_pages
from sluis.web.pages import algoritmeregister as algoritmeregister_pages
from sluis.web.pages import art30 as art30_pages
from sluis.web.pages import dashboard as dashboard_pages
from sluis.web.pages import dpia as dpia_pages
from sluis.web.pages import instruments as instrument_pages
from sluis.web.pages import kader as kader_pages
from sluis.web.pages import notices as notice_pages
from sluis.web.pages import profiles as profile_pages
from sluis.web.pages import reviews as review_pages
from sluis.web.pages import rights as rights_pages
from sluis.web.security import PortalRateLimit, SecurityHeaders

STATIC = Path(__file__).parent / "static"


def create_app(
    settings: Settings | None = None, sessions: sessionmaker[Session] | None = None
) -> FastAPI:
    """Build the app. The database must already be migrated (``sluis db upgrade``)."""
    settings = settings or Settings()
    if sessions is None:
        sessions = make_session_factory(create_engine_for(settings.resolved_database_url()))
    app = FastAPI(
        title="Sluis",
        version=__version__,
        description="Assess, register and gate algorithmic decisions about people.",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.sessions = sessions
    errors.install(app)
    app.include_router(assessments.router)
    app.include_router(profiles.router)
    app.include_router(schemas.router)
    app.include_router(profile_pages.router)
    app.include_router(kader_api.router)
    app.include_router(kader_pages.router)
    app.include_router(art30_api.router)
    app.include_router(art30_pages.router)
    app.include_router(algoritmeregister_api.router)
    app.include_router(algoritmeregister_pages.router)
    app.include_router(dpia_api.router)
    app.include_router(dpia_pages.router)
    app.include_router(instruments_api.router)
    app.state.gateway = decisions_api.open_gateway(settings, sessions)
    # Made now, not on the first rights request: the desk answers a waiting contest the
    # moment its review settles, also when no rights page has been asked for yet.
    app.state.rights = RightsDesk(app.state.gateway, settings)
    app.include_router(decisions_api.router)
    app.add_middleware(decisions_api.DirectDecisions)  # the hot path skips the routing
    app.include_router(reviews_api.router)
    app.include_router(review_pages.router)
    app.include_router(notices_api.router)
    app.include_router(notice_pages.router)
    app.include_router(rights_api.router)
    app.include_router(rights_pages.router)
    app.include_router(fairness_api.router)
    app.include_router(dashboard_api.router)
    app.include_router(dashboard_pages.router)
    app.include_router(instrument_pages.router)
    app.include_router(account_pages.router)
    app.include_router(auth_oidc.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Every route's rule (sluis.web.access) is checked here, in front of the decisions' hot
    # path and behind the rate limits and security headers.
    auth.install(app, sessions, settings)
    # Outermost: headers on every response, rate limits before any work (sluis.web.security).
    app.add_middleware(
        PortalRateLimit,
        per_minute=settings.portal_rate_per_minute,
        burst=settings.portal_burst,
        behind_proxy=settings.behind_proxy,
    )
    app.add_middleware(SecurityHeaders, behind_proxy=settings.behind_proxy)
    log_privacy.install()
    return app
