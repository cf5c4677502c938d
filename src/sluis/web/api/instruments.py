"""/api/v1/instruments: the government's questionnaires (pre-scan, Model DPIA, IAMA).

Definitions (list, import, one definition's task tree), the instruments of an algorithm
(list, open), and per instrument: answers (read, replace, per part), completed parts,
progress, the verdict of its own rules next to Sluis's assessment, exchange in the
government's ``assessment-output.v2`` format (export, import), signatures, adoption,
versions, and the document as Markdown or PDF. Thin: every route calls
``sluis.instruments.service``.

Bad input is answered with 422 listing every problem (``errors``: path, rule, message);
nothing is stored then. A change made on an older version (``base_version``) gets 409.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.dpia_document.lifecycle import LifecycleRefused
from sluis.dpia_document.validation import DpiaInvalid, validate_signature
from sluis.instruments import render
from sluis.instruments import service as instruments
from sluis.instruments.answers import AnswersInvalid
from sluis.instruments.exchange import OutputInvalid
from sluis.instruments.loading import DefinitionInvalid, SchemaNotFound
from sluis.instruments.model import Task
from sluis.web.deps import language, sessions
from sluis.web.ids import RowId, Version

router = APIRouter(prefix="/api/v1/instruments", tags=["instruments"])
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]
BaseVersion = Annotated[int | None, Query(ge=1, description="The version the change was made on.")]
JsonObject = Annotated[dict[str, Any], Body()]
MAX_DEFINITION_BYTES = 10_000_000


class DocumentFormat(StrEnum):
    md = "md"
    pdf = "pdf"


# --- Definitions ---


@router.get("/definitions", summary="Imported questionnaire definitions")
def definitions(db: Sessions) -> list[dict[str, Any]]:
    return [
        {
            "urn": d.urn,
            "version": d.version,
            "key": d.key,
            "name": d.name,
            "imported_at": d.imported_at.isoformat(),
        }
        for d in instruments.list_definitions(db)
    ]


@router.post(
    "/definitions",
    status_code=201,
    summary="Import a definition (assessment-definition.v2, YAML or JSON body)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/yaml": {"schema": {"type": "string"}}},
        }
    },
)
async def import_definition(request: Request, response: Response, db: Sessions) -> dict[str, Any]:
    """201 when stored, 200 when this version is already there with the same content; 422
    with every schema error; 409 for a known version with other content. The schemas come
    from the setting ``SLUIS_PAR_DPIA_SCHEMAS``."""
    raw = await request.body()
    if len(raw) > MAX_DEFINITION_BYTES:
        raise _invalid([{"path": "(body)", "message": "the definition exceeds 10 MB"}])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _invalid([{"path": "(body)", "message": "the body is not UTF-8"}]) from None
    settings = request.app.state.settings
    try:
        stored = instruments.import_definition_text(
            db, text, schema_dir=settings.par_dpia_schemas, source=None
        )
    except SchemaNotFound as exc:
        raise HTTPException(status_code=503, detail={"message": str(exc)}) from None
    except DefinitionInvalid as exc:
        raise _invalid([e.as_dict() for e in exc.errors]) from None
    except instruments.DefinitionConflict as exc:
        raise HTTPException(status_code=409, detail={"message": str(exc)}) from None
    if not stored.created:
        response.status_code = 200
    return _definition_payload(stored)


@router.get("/definitions/{urn}", summary="One definition with its task tree")
def definition(
    urn: str, db: Sessions, version: Annotated[str | None, Query(max_length=20)] = None
) -> dict[str, Any]:
    """``urn`` as ``urn:nl:prescan`` (newest version, or ``?version=``) or
    ``urn:nl:prescan:2.0``."""
    with _errors():
        return _definition_payload(instruments.get_definition(db, urn, version), tree=True)


# --- Instruments of an algorithm ---


@router.get("/algorithms/{profile_id}", summary="An algorithm's instruments")
def of_algorithm(profile_id: str, db: Sessions) -> list[dict[str, Any]]:
    return [
        {
            "id": i.id,
            "algorithm": i.profile_id,
            "urn": i.urn,
            "definition_version": i.definition_version,
            "name": i.name,
            "version": i.version,
            "state": i.state.value,
            "updated_at": i.updated_at.isoformat(),
        }
        for i in instruments.list_instances(db, profile_id)
    ]


@router.post("/algorithms/{profile_id}", status_code=201, summary="Open an instrument")
def open_instrument(
    profile_id: str, body: JsonObject, response: Response, db: Sessions
) -> dict[str, Any]:
    """Body ``{"urn": "urn:nl:prescan", "version"?: "2.0"}``. 201 with a new, prefilled
    instrument; 200 with the one already open."""
    urn = body.get("urn")
    version = body.get("version")
    if not isinstance(urn, str) or (version is not None and not isinstance(version, str)):
        raise _invalid([{"path": "urn", "message": "give the definition's urn (and version)"}])
    with _errors():
        stored = instruments.open_instance(db, profile_id, urn, version)
    if not stored.created:
        response.status_code = 200
    return _payload(stored)


# --- One instrument ---


@router.get("/instances/{instance_id}", summary="An instrument: answers, provenance, progress")
def instance(instance_id: RowId, db: Sessions, version: Version = None) -> dict[str, Any]:
    with _errors():
        return _payload(instruments.get_instance(db, instance_id, version))


@router.put("/instances/{instance_id}/answers", summary="Replace the answers (all or per part)")
def put_answers(
    instance_id: RowId, body: JsonObject, db: Sessions, base_version: BaseVersion = None
) -> dict[str, Any]:
    """Body ``{"answers": {...}, "scope"?: ["1", "2"]}``: with ``scope`` only the answers
    under those top-level parts are replaced. 422 lists every answer that does not fit."""
    answers = body.get("answers")
    scope = body.get("scope")
    if not isinstance(answers, dict) or (
        scope is not None
        and (not isinstance(scope, list) or not all(isinstance(s, str) for s in scope))
    ):
        raise _invalid(
            [{"path": "answers", "message": "give {answers: {...}, scope?: [part ids]}"}]
        )
    return _run(
        lambda: instruments.save_answers(
            db, instance_id, answers, base_version=base_version, scope=scope
        )
    )


@router.put("/instances/{instance_id}/completed", summary="Which parts are completed")
def put_completed(
    instance_id: RowId, body: JsonObject, db: Sessions, base_version: BaseVersion = None
) -> dict[str, Any]:
    """Body ``{"completed": ["0", "1"]}``: exactly these top-level parts are completed."""
    completed = body.get("completed")
    if not isinstance(completed, list) or not all(isinstance(c, str) for c in completed):
        raise _invalid([{"path": "completed", "message": "give a list of part ids"}])
    return _run(
        lambda: instruments.set_completed(db, instance_id, completed, base_version=base_version)
    )


@router.get("/instances/{instance_id}/versions", summary="Every version of an instrument")
def versions(instance_id: RowId, db: Sessions) -> list[dict[str, Any]]:
    with _errors():
        found = instruments.list_instance_versions(db, instance_id)
    return [
        {
            "version": v.version,
            "state": v.state.value,
            "created_at": v.created_at.isoformat(),
            "created_by": v.created_by,
        }
        for v in found
    ]


@router.get("/instances/{instance_id}/verdict", summary="The verdict of the instrument's rules")
def verdict(instance_id: RowId, db: Sessions) -> dict[str, Any]:
    """The verdict as published at the top level (what the government's tool gives on the
    same answers); ``readings`` holds it ``as_published`` and ``as_intended`` with the
    ``differences`` and the notes that explain them; ``differs`` says whether any
    assessment reaches another level as intended."""
    with _errors():
        return instruments.verdict(db, instance_id).as_dict()


@router.get("/instances/{instance_id}/output", summary="Answers as assessment-output.v2 JSON")
def export_output(instance_id: RowId, db: Sessions, version: Version = None) -> Response:
    """The document the government's form tool opens; tasks the format cannot address are
    named in the header ``X-Sluis-Skipped``."""
    with _errors():
        exported = instruments.export_answers(db, instance_id, version=version)
    headers = {"Content-Disposition": f'attachment; filename="instrument-{instance_id}.json"'}
    if exported.skipped:
        headers["X-Sluis-Skipped"] = ",".join(exported.skipped)
    return Response(
        json.dumps(exported.document, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers=headers,
    )


@router.put("/instances/{instance_id}/output", summary="Import assessment-output.v2 answers")
def import_output(
    instance_id: RowId,
    body: JsonObject,
    request: Request,
    db: Sessions,
    base_version: BaseVersion = None,
) -> dict[str, Any]:
    """Replace the answers with those of the document; 422 with every problem (nothing is
    imported then)."""
    settings = request.app.state.settings
    return _run(
        lambda: instruments.import_answers(
            db, instance_id, body, schema_dir=settings.par_dpia_schemas, base_version=base_version
        )
    )


@router.post("/instances/{instance_id}/sign", summary="Sign (DPO: advice; owner: adopt/reject)")
def sign(
    instance_id: RowId, body: JsonObject, db: Sessions, base_version: BaseVersion = None
) -> dict[str, Any]:
    """Body as a DPIA signature: ``role``, ``name``, ``function``, ``date``, ``decision``,
    ``note``. 422 lists what is still missing (parts not completed, required questions)."""
    return _run(
        lambda: instruments.sign(
            db, instance_id, validate_signature(body), base_version=base_version
        )
    )


@router.post("/instances/{instance_id}/adopt", summary="Adopt the current version")
def adopt(instance_id: RowId, db: Sessions, base_version: BaseVersion = None) -> dict[str, Any]:
    return _run(lambda: instruments.adopt(db, instance_id, base_version=base_version))


@router.get("/instances/{instance_id}/document", summary="The filled-in instrument (md or pdf)")
def document(
    instance_id: RowId,
    db: Sessions,
    lang: Lang,
    format: Annotated[DocumentFormat, Query()] = DocumentFormat.md,
    version: Version = None,
) -> Response:
    with _errors():
        stored = instruments.get_instance(db, instance_id, version)
        result = instruments.verdict(db, instance_id, version)
    name = f"{stored.definition.short_name}-{stored.profile_id}-v{stored.version}"
    if format is DocumentFormat.pdf:
        return Response(
            render.render_pdf(stored, lang, result),
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{name}.pdf"'},
        )
    return Response(
        render.render_markdown(stored, lang, result),
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.md"'},
    )


# --- Internals ---


def _run(action: Callable[[], instruments.StoredInstance]) -> dict[str, Any]:
    with _errors():
        return _payload(action())


def _invalid(errors: list[dict[str, str]]) -> HTTPException:
    return HTTPException(
        status_code=422,
        detail={"message": "The input is invalid; nothing was stored.", "errors": errors},
    )


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except (AnswersInvalid, OutputInvalid, DpiaInvalid) as exc:
        raise _invalid([e.as_dict() for e in exc.errors]) from None
    except (instruments.DefinitionNotFound, instruments.InstanceNotFound) as exc:
        raise HTTPException(status_code=404, detail={"message": str(exc)}) from None
    except instruments.InstanceConflict as exc:
        raise HTTPException(
            status_code=409,
            detail={"message": str(exc), "current_version": exc.current_version},
        ) from None
    except LifecycleRefused as exc:
        raise HTTPException(
            status_code=422,
            detail={
                "message": f"{exc.action} refused",
                "refusals": [{"item": r.item, "text": r.text.model_dump()} for r in exc.refusals],
            },
        ) from None
    except SchemaNotFound as exc:
        raise HTTPException(status_code=503, detail={"message": str(exc)}) from None


def _definition_payload(
    stored: instruments.StoredDefinition, *, tree: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "urn": stored.urn,
        "version": stored.version,
        "key": stored.key,
        "name": stored.name,
        "description": stored.definition.description,
        "content_sha256": stored.content_sha256,
        "imported_at": stored.imported_at.isoformat(),
        "created": stored.created,
        # warnings about the rules (never a reason to refuse the definition)
        "notes": [n.as_dict() for n in instruments.definition_notes_of(stored.definition)],
    }
    if tree:
        out["tasks"] = [task_tree(t) for t in stored.definition.tasks]
        out["assessments"] = stored.definition.raw.get("assessments") or []
    return out


def task_tree(task: Task) -> dict[str, Any]:
    """A task as the API shows it: the typed view, children included."""
    return {
        "id": task.id,
        "title": task.title,
        "description": task.description,
        "type": task.kind.value,
        "types": [t.value for t in task.types],
        "repeatable": task.repeatable,
        "required": task.required,
        "value_type": task.value_type,
        "options": [{"value": o.value, "label": o.shown} for o in task.options],
        "references": [
            {"target": r.target, "task_id": r.task_id, "kind": r.kind} for r in task.references
        ],
        "dependencies": list(task.raw.get("dependencies") or []),
        "item_name": task.item_name,
        "tasks": [task_tree(t) for t in task.tasks],
    }


def _payload(stored: instruments.StoredInstance) -> dict[str, Any]:
    record = stored.record
    progress = instruments.instance_progress(stored.definition, record)
    return {
        "id": stored.id,
        "algorithm": stored.profile_id,
        "urn": stored.definition.urn,
        "definition_version": stored.definition.version,
        "version": stored.version,
        "state": stored.state.value,
        "created": stored.created,
        "created_at": stored.created_at.isoformat(),
        "created_by": stored.created_by,
        "answers": record.answers,
        "meta": {k: m.model_dump(mode="json") for k, m in record.meta.items()},
        "completed": list(record.completed),
        "signatures": [s.model_dump(mode="json") for s in record.signatures],
        "progress": progress.as_dict(),
    }
