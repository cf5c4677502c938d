"""Error responses of the JSON API: every bad input names the field and the rule."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from sluis.profiles.service import ProfileNotFound
from sluis.profiles.validation import ProfileInvalid


def install(app: FastAPI) -> None:
    @app.exception_handler(ProfileInvalid)
    async def _invalid(_: Request, exc: ProfileInvalid) -> JSONResponse:
        return JSONResponse(
            status_code=422,
            content={
                "detail": {
                    "message": "The profile is invalid; nothing was stored.",
                    "errors": [e.as_dict() for e in exc.errors],
                }
            },
        )

    @app.exception_handler(ProfileNotFound)
    async def _not_found(_: Request, exc: ProfileNotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": {"message": str(exc)}})
