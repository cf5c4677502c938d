"""Error responses: JSON under /api (every bad input names the field and the rule), an HTML
page elsewhere."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from sluis.profiles.service import ProfileNotFound
from sluis.profiles.validation import ProfileInvalid
from sluis.web.deps import language
from sluis.web.pages.templating import render


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


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
    async def _not_found(request: Request, exc: ProfileNotFound) -> Response:
        if _wants_json(request):
            return JSONResponse(status_code=404, content={"detail": {"message": str(exc)}})
        return render(request, "not_found.html", language(request), status_code=404)
