"""Signing in and out, the pages shown when access is refused, and the administrator's
account page (``/accounts``). Thin: ``sluis.accounts.service`` does the work."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.accounts import service
from sluis.accounts.problems import AccountProblem, AccountRefused
from sluis.accounts.roles import ACCOUNT_ROLES, Grant
from sluis.i18n import label
from sluis.web.auth import (
    SECURE_SESSION_COOKIE,
    SESSION_COOKIE,
    page_language,
    session_cookie_name,
)
from sluis.web.deps import language, sessions
from sluis.web.pages.templating import render

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]
NO_STORE = {"cache-control": "no-store"}


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this site only (no open redirect)."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/profiles"


def login_page(
    request: Request,
    lang: str,
    *,
    status: int = 200,
    error: str | None = None,
    notice: str | None = None,
    next_path: str = "/profiles",
    login: str = "",
) -> HTMLResponse:
    settings = request.app.state.settings
    response = render(
        request,
        "login.html",
        lang,
        status_code=status,
        error=error,
        notice=notice,
        next=next_path,
        login=login,
        oidc=settings.oidc_issuer is not None,
    )
    response.headers.update(NO_STORE)
    return response


def refusal_page(request: Request, status: int, rule: str) -> Response:
    """The page of a refused request: the sign-in form (401), or why not (403). A person
    on the portal is sent back to proving who they are."""
    lang = page_language(request.scope)
    path = request.url.path
    if path.startswith("/requests/"):
        request_id = path.split("/")[2]
        response = render(
            request, "rights_forbidden.html", lang, status_code=403, request_id=request_id
        )
    elif status == 401:
        here = path + (f"?{request.url.query}" if request.url.query else "")
        nxt = here if request.method == "GET" else "/profiles"
        return login_page(request, lang, status=401, next_path=nxt)
    else:
        message = label(f"accounts.problem.{rule}", lang)
        response = render(request, "access_denied.html", lang, status_code=403, message=message)
    response.headers.update(NO_STORE)
    return response


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, lang: Lang, next: str = "/profiles") -> HTMLResponse:
    notice = label("accounts.logout.done", lang) if "signed_out" in request.query_params else None
    return login_page(request, lang, next_path=safe_next(next), notice=notice)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request, db: Sessions, lang: Lang) -> Response:
    values = await _form(request)
    name, password = values.get("login", ""), values.get("password", "")
    target = safe_next(values.get("next"))
    account = await run_in_threadpool(service.authenticate, db, name, password)
    if account is None:
        error = label("accounts.problem.sign_in_failed", lang)
        return login_page(request, lang, status=400, error=error, next_path=target, login=name)
    return await start_browser_session(request, db, account.id, target)


async def start_browser_session(
    request: Request, db: sessionmaker[Session], account_id: str, target: str
) -> Response:
    """A fresh session (never one the browser brought along: no session fixation) and its
    cookie: HttpOnly, SameSite=Lax; Secure with the ``__Host-`` prefix over TLS."""
    auth = request.app.state.authenticator
    raw = await run_in_threadpool(service.start_session, db, account_id, auth.policy)
    response = RedirectResponse(target, status_code=303)
    name = session_cookie_name(request.scope, request.app.state.settings)
    response.set_cookie(
        name,
        raw,
        max_age=int(auth.policy.absolute.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=name == SECURE_SESSION_COOKIE,
    )
    return response


@router.post("/logout")
async def logout(request: Request, db: Sessions, lang: Lang) -> Response:
    for name in (SECURE_SESSION_COOKIE, SESSION_COOKIE):
        raw = request.cookies.get(name)
        if raw:
            await run_in_threadpool(service.end_session, db, raw)
    response = RedirectResponse(f"/login?signed_out=1&lang={lang}", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(SECURE_SESSION_COOKIE, path="/", secure=True)
    return response


# -- the administrator's page ------------------------------------------------------------


def _admin_page(
    request: Request,
    db: sessionmaker[Session],
    lang: str,
    *,
    status: int = 200,
    errors: tuple[AccountProblem, ...] = (),
    new_token: str | None = None,
) -> HTMLResponse:
    response = render(
        request,
        "accounts.html",
        lang,
        status_code=status,
        accounts=service.list_accounts(db),
        tokens=service.list_tokens(db),
        roles=ACCOUNT_ROLES,
        errors=errors,
        new_token=new_token,
    )
    response.headers.update(NO_STORE)
    return response


@router.get("/accounts", response_class=HTMLResponse)
def accounts_page(request: Request, db: Sessions, lang: Lang) -> HTMLResponse:
    return _admin_page(request, db, lang)


def _grant_of(values: dict[str, str], key: str = "role") -> Grant:
    text = values.get(key, "").strip()
    algorithm = values.get("algorithm", "").strip()
    try:
        found = Grant.parse(text)
    except ValueError:
        raise AccountRefused([AccountProblem("role", "role_unknown")]) from None
    return Grant(found.role, algorithm or found.algorithm)


@router.post("/accounts", response_class=HTMLResponse)
async def create_account(request: Request, db: Sessions, lang: Lang) -> Response:
    values = await _form(request)

    def create() -> None:
        grants = [_grant_of(values)] if values.get("role") else []
        service.create_account(
            db,
            values.get("login", ""),
            values.get("display_name", ""),
            password=values.get("password") or None,
            email=values.get("email") or None,
            grants=grants,
            reviewer_id=values.get("reviewer_id", "").strip() or None,
        )

    try:
        await run_in_threadpool(create)
    except AccountRefused as refused:
        return _admin_page(request, db, lang, status=refused.status, errors=refused.problems)
    return RedirectResponse(f"/accounts?lang={lang}", status_code=303)


@router.post("/accounts/{account_id}/{action}", response_class=HTMLResponse)
async def account_act(
    account_id: str, action: str, request: Request, db: Sessions, lang: Lang
) -> Response:
    values = await _form(request)

    def act() -> str | None:
        if action == "grant":
            service.grant(db, account_id, _grant_of(values))
        elif action == "revoke":
            service.revoke(db, account_id, _grant_of(values))
        elif action in ("deactivate", "activate"):
            service.set_active(db, account_id, action == "activate")
        elif action == "token":
            raw, _ = service.create_token(db, account_id, values.get("name", ""))
            return raw
        elif action == "revoke-token":
            service.revoke_token(db, account_id)
            request.app.state.authenticator.forget_tokens()
        else:
            raise AccountRefused([AccountProblem("action", "action_unknown")], status=404)
        return None

    try:
        token = await run_in_threadpool(act)
    except AccountRefused as refused:
        return _admin_page(request, db, lang, status=refused.status, errors=refused.problems)
    if token is not None:
        return _admin_page(request, db, lang, status=201, new_token=token)
    return RedirectResponse(f"/accounts?lang={lang}", status_code=303)


__all__ = ["login_page", "refusal_page", "router", "safe_next", "start_browser_session"]
