"""HTML pages: the privacy officer's dashboard (``/dashboard``) and each algorithm's
fairness monitoring (``/fairness/{algorithm}``, with its report as PDF or Markdown).

The dashboard reads aggregates and stored snapshots only (``sluis.dashboard.tiles``), so it
loads fast on millions of decisions; its refresh button and the fairness page's compute
button run the slow parts on request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.dashboard.refresh import refresh
from sluis.dashboard.tiles import dashboard
from sluis.dashboard.view import dashboard_view
from sluis.fairness.records import MonitoringRefused
from sluis.fairness.report import render_markdown, render_pdf, template_context
from sluis.fairness.service import latest_snapshot, monitor
from sluis.web.deps import language, sessions
from sluis.web.pages.templating import render

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, db: Sessions, lang: Lang) -> HTMLResponse:
    board = dashboard(db)
    return render(
        request,
        "dashboard.html",
        lang,
        board=board,
        view=dashboard_view(board, lang),
        refreshed=request.query_params.get("refreshed"),
    )


@router.post("/dashboard/refresh")
async def dashboard_refresh(db: Sessions, lang: Lang) -> RedirectResponse:
    done = await run_in_threadpool(refresh, db)
    return RedirectResponse(
        f"/dashboard?refreshed={len(done.snapshots)}&lang={lang}", status_code=303
    )


@router.get("/fairness/{algorithm}", response_class=HTMLResponse)
def fairness_page(request: Request, algorithm: str, db: Sessions, lang: Lang) -> HTMLResponse:
    snapshot = latest_snapshot(db, algorithm)
    context = None
    if snapshot is not None:
        context = template_context(snapshot.result, snapshot.computed_at.isoformat(), lang)
    return render(request, "fairness_page.html", lang, algorithm=algorithm, c=context, problems=[])


@router.post("/fairness/{algorithm}/refresh", response_model=None)
async def fairness_refresh(request: Request, algorithm: str, db: Sessions, lang: Lang) -> Response:
    try:
        await run_in_threadpool(monitor, db, algorithm)
    except MonitoringRefused as exc:
        return render(
            request,
            "fairness_page.html",
            lang,
            status_code=exc.status,
            algorithm=algorithm,
            c=None,
            problems=list(exc.problems),
        )
    return RedirectResponse(f"/fairness/{algorithm}?lang={lang}", status_code=303)


@router.get("/fairness/{algorithm}/report.{fmt}", response_model=None)
def fairness_report(algorithm: str, fmt: str, db: Sessions, lang: Lang) -> Response:
    snapshot = latest_snapshot(db, algorithm)
    if snapshot is None or fmt not in ("pdf", "md"):
        return Response(status_code=404)
    stamp = snapshot.computed_at.isoformat()
    name = f"sluis-fairness-{algorithm.replace(':', '-')}-{lang}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if fmt == "pdf":
        pdf = render_pdf(snapshot.result, stamp, lang)
        return Response(pdf, media_type="application/pdf", headers=headers)
    text = render_markdown(snapshot.result, stamp, lang)
    return Response(text, media_type="text/markdown; charset=utf-8", headers=headers)
