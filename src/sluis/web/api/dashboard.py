"""/api/v1/dashboard: everything the privacy officer watches, as JSON (the same figures as
the /dashboard page), and the refresh of what is too slow to compute per request."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session, sessionmaker

from sluis.dashboard.refresh import refresh
from sluis.dashboard.tiles import dashboard
from sluis.web.deps import sessions

router = APIRouter(prefix="/api/v1/dashboard", tags=["dashboard"])
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]


@router.get("", summary="The privacy officer's dashboard")
def show(db: Sessions) -> dict[str, Any]:
    """Per algorithm its verdicts, decisions, DPIA, review queue and fairness alerts; the
    requests of data subjects by deadline; the audit chain; the retention runs. Counts
    only, read with aggregate queries; fairness figures come from the newest snapshot."""
    return dashboard(db).to_json_dict()


@router.post("/refresh", summary="Recompute fairness snapshots and verify the audit chain")
async def recompute(db: Sessions) -> dict[str, Any]:
    """Slow on many decisions (seconds per million): schedule ``sluis dashboard refresh``
    rather than calling this often."""
    done = await run_in_threadpool(refresh, db)
    return {
        "snapshots": [s.result["algorithm"] for s in done.snapshots],
        "audit_chain_ok": None if done.chain is None else done.chain.ok,
    }
