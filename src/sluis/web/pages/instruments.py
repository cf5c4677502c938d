"""HTML pages of the government's questionnaires (pre-scan, Model DPIA, IAMA) per algorithm.

``/profiles/{id}/instruments`` lists the imported instruments and the algorithm's copies;
``/instruments/{id}?part=…`` is one top-level part as a form, with the interim results
(which assessments the instrument's own rules require or recommend, and which criterion
fired), the comparison with Sluis's own DPIA verdict, progress and the downloads.

Plain forms that work without JavaScript: saving re-evaluates which questions are shown
(the definition's conditions) and the verdicts. A small static script (``instruments.js``)
shows and hides questions as they are answered and refreshes the interim results from
``/instruments/{id}/preview`` without saving. Answers to questions that are hidden are
kept (so switching back restores them) but never count in the verdicts or progress.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.i18n import translator
from sluis.instruments import service
from sluis.instruments.answers import AnswersInvalid
from sluis.instruments.render import render_markdown, render_pdf
from sluis.instruments.rules.visibility import visible_tasks
from sluis.instruments.service import (
    DefinitionNotFound,
    InstanceConflict,
    InstanceNotFound,
    StoredInstance,
)
from sluis.profiles.service import get_profile
from sluis.web.deps import language, sessions
from sluis.web.ids import RowId, Version
from sluis.web.pages.instrument_forms import (
    PartContext,
    answers_from_form,
    apply_action,
    errors_by_path,
    field_id,
    layout_part,
)
from sluis.web.pages.templating import render

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]
_FIELD_PREFIXES = ("q:", "e:", "img:")


def _instance(
    profile_id: str, instance_id: RowId, db: Sessions, version: Version = None
) -> StoredInstance:
    """The instrument, only under the algorithm it belongs to (access is checked per
    algorithm on the path)."""
    try:
        stored = service.get_instance(db, instance_id, version)
    except InstanceNotFound as missing:
        raise HTTPException(404, str(missing)) from missing
    if stored.profile_id != profile_id:
        raise HTTPException(404, str(InstanceNotFound(instance_id)))
    return stored


Instance = Annotated[StoredInstance, Depends(_instance)]


@router.get("/profiles/{profile_id}/instruments", response_class=HTMLResponse)
def instruments_page(request: Request, profile_id: str, db: Sessions, lang: Lang) -> HTMLResponse:
    profile = get_profile(db, profile_id)
    opened = {(i.urn, i.definition_version): i for i in service.list_instances(db, profile_id)}
    definitions = service.list_definitions(db)
    return render(
        request,
        "instruments.html",
        lang,
        profile=profile,
        definitions=definitions,
        opened=opened,
        others=[
            i for key, i in opened.items() if key not in {(d.urn, d.version) for d in definitions}
        ],
    )


@router.post("/profiles/{profile_id}/instruments/open", response_model=None)
def open_page(
    profile_id: str,
    lang: Lang,
    db: Sessions,
    urn: Annotated[str, Form(max_length=200)],
    version: Annotated[str, Form(max_length=40)],
) -> Response:
    try:
        stored = service.open_instance(db, profile_id, urn, version)
    except DefinitionNotFound as missing:
        raise HTTPException(404, str(missing)) from missing
    return RedirectResponse(_url(stored, lang=lang), status_code=303)


@router.get("/profiles/{profile_id}/instruments/{instance_id}", response_class=HTMLResponse)
def instrument_page(
    request: Request,
    stored: Instance,
    db: Sessions,
    lang: Lang,
    part: str | None = None,
    saved: int | None = None,
) -> HTMLResponse:
    return _form_page(request, db, stored, lang, _part_id(stored, part), saved=bool(saved))


@router.post("/profiles/{profile_id}/instruments/{instance_id}/save", response_model=None)
async def save_page(
    request: Request, instance_id: RowId, stored: Instance, db: Sessions, lang: Lang
) -> Response:
    form = await request.form()
    part = _part_id(stored, _text(form.get("part")))
    submitted = _submitted(stored, form)
    anchor = None
    if action := _text(form.get("action")):
        submitted, anchor = apply_action(submitted, action)
    try:
        service.save_answers(
            db, instance_id, submitted, scope=[part], base_version=_int(form.get("base_version"))
        )
    except AnswersInvalid as invalid:
        shown = {**stored.answers, **submitted}
        return _form_page(
            request, db, stored, lang, part, answers=shown, errors=invalid.errors, status=422
        )
    except InstanceConflict as conflict:
        return _form_page(
            request, db, stored, lang, part, conflict=conflict.current_version, status=409
        )
    target = _url(stored, part=part, saved=1, lang=lang)
    return RedirectResponse(target + (f"#{field_id(anchor)}" if anchor else ""), status_code=303)


@router.post("/profiles/{profile_id}/instruments/{instance_id}/complete", response_model=None)
async def complete_page(
    request: Request, instance_id: RowId, stored: Instance, db: Sessions, lang: Lang
) -> Response:
    form = await request.form()
    part = _part_id(stored, _text(form.get("part")))
    done = set(stored.record.completed)
    done = done - {part} if part in done else done | {part}
    service.set_completed(db, instance_id, done, base_version=_int(form.get("base_version")))
    return RedirectResponse(_url(stored, part=part, lang=lang), status_code=303)


@router.post(
    "/profiles/{profile_id}/instruments/{instance_id}/preview", response_class=HTMLResponse
)
async def preview_panel(request: Request, stored: Instance, db: Sessions, lang: Lang) -> Response:
    """The interim results for the answers on screen, not saved (for the page's script)."""
    form = await request.form()
    part = _part_id(stored, _text(form.get("part")))
    answers = _merged(stored, part, _submitted(stored, form))
    return render(
        request,
        "instrument_verdict.html",
        lang,
        verdict=service.verdict_for(db, stored, answers),
        live=True,
    )


@router.get("/profiles/{profile_id}/instruments/{instance_id}/export.json")
def export_json(
    instance_id: RowId, stored: Instance, db: Sessions, version: Version = None
) -> Response:
    exported = service.export_answers(db, instance_id, version=version)
    body = json.dumps(exported.document, ensure_ascii=False, indent=2)
    return _download(body.encode(), "application/json", stored, "json")


@router.get("/profiles/{profile_id}/instruments/{instance_id}/export.md")
def export_markdown(
    instance_id: RowId, stored: Instance, db: Sessions, lang: Lang, version: Version = None
) -> Response:
    text = render_markdown(stored, lang, service.verdict(db, instance_id, version))
    return _download(text.encode(), "text/markdown; charset=utf-8", stored, "md")


@router.get("/profiles/{profile_id}/instruments/{instance_id}/export.pdf")
def export_pdf(
    instance_id: RowId, stored: Instance, db: Sessions, lang: Lang, version: Version = None
) -> Response:
    pdf = render_pdf(stored, lang, service.verdict(db, instance_id, version))
    return _download(pdf, "application/pdf", stored, "pdf")


# --- Helpers ---


def _form_page(
    request: Request,
    db: sessionmaker[Session],
    stored: StoredInstance,
    lang: str,
    part_id: str,
    *,
    answers: dict[str, Any] | None = None,
    errors: tuple[Any, ...] = (),
    saved: bool = False,
    conflict: int | None = None,
    status: int = 200,
) -> HTMLResponse:
    definition = stored.definition
    shown = stored.answers if answers is None else answers
    part = definition.task(part_id)
    _ = translator(lang)
    context = PartContext(
        definition=definition,
        answers=shown,
        meta=stored.record.meta,
        visibility=visible_tasks(definition, shown),
        errors=errors_by_path(errors),
        prefill_words={k: _(f"instrument_pages.prefill.{k}") for k in _PREFILL_KINDS},
    )
    progress = service.instance_progress(definition, stored.record)
    index = [t.id for t in definition.tasks].index(part_id)
    neighbours = (
        definition.tasks[index - 1] if index > 0 else None,
        definition.tasks[index + 1] if index + 1 < len(definition.tasks) else None,
    )
    return render(
        request,
        "instrument_form.html",
        lang,
        status_code=status,
        stored=stored,
        definition=definition,
        part=part,
        nodes=layout_part(context, part),
        progress=progress,
        verdict=service.verdict_for(db, stored, shown),
        notes=service.definition_notes_of(definition),
        errors=[(e, field_id(str(e.path))) for e in errors],
        saved=saved,
        conflict=conflict,
        neighbours=neighbours,
        profile_id=stored.profile_id,
    )


_PREFILL_KINDS = ("profile", "assessment", "instrument")


def _submitted(stored: StoredInstance, form: Any) -> dict[str, Any]:
    items = [
        (k, v)
        for k, v in form.multi_items()
        if isinstance(v, str) and k.startswith(_FIELD_PREFIXES)
    ]
    return answers_from_form(stored.definition, items)


def _merged(stored: StoredInstance, part: str, submitted: dict[str, Any]) -> dict[str, Any]:
    """The stored answers with the part on screen replaced by what is submitted."""
    definition = stored.definition
    kept = {k: v for k, v in stored.answers.items() if definition.part_of(k) != part}
    return {**kept, **submitted}


def _url(stored: StoredInstance, **query: Any) -> str:
    return f"/profiles/{stored.profile_id}/instruments/{stored.id}?{urlencode(query)}"


def _part_id(stored: StoredInstance, part: str | None) -> str:
    ids = [t.id for t in stored.definition.tasks]
    return part if part in ids else ids[0]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _download(body: bytes, media_type: str, stored: StoredInstance, extension: str) -> Response:
    name = f"{stored.profile_id}-{stored.definition.short_name}-v{stored.version}.{extension}"
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
