"""Answering an instrument: saving answers (all or per part), marking parts completed, and
the progress over the questions shown."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sluis.instruments import lifecycle
from sluis.instruments.answers import AnswerError, AnswersInvalid, validate_answers
from sluis.instruments.model import Definition
from sluis.instruments.progress import Progress, progress
from sluis.instruments.record import AnswerMeta, InstrumentRecord, InstrumentState
from sluis.instruments.usecases.results import StoredInstance
from sluis.instruments.usecases.storage import (
    Sessions,
    apply_change,
    ordered_answers,
)
from sluis.instruments.visibility import visible_task_ids
from sluis.store.tables import utcnow


def save_answers(
    sessions: Sessions,
    instance_id: int,
    answers: Mapping[str, Any],
    *,
    by: str | None = None,
    base_version: int | None = None,
    scope: Collection[str] | None = None,
) -> StoredInstance:
    """Store ``answers`` as the instrument's answers (a new version).

    Without ``scope`` the given answers replace all answers. With ``scope`` (top-level
    task ids, e.g. the one page a form shows) only the answers under those tasks are
    replaced and the rest are kept. Answers are checked against the definition first:
    unknown task ids, values that are not among the options, bad dates and wrong shapes
    raise :class:`~sluis.instruments.answers.AnswersInvalid` listing every problem.
    Each changed answer records who and when; a prefilled answer whose value changed loses
    its prefill mark. Saving unchanged answers stores nothing. Editing an adopted version
    starts a new draft.
    """

    def change(definition: Definition, current: InstrumentRecord) -> InstrumentRecord:
        clean = validate_answers(definition, answers)
        if scope is not None:
            keep = {k: v for k, v in current.answers.items() if definition.part_of(k) not in scope}
            new = {k: v for k, v in clean.items() if definition.part_of(k) in scope}
            clean = ordered_answers(definition, keep | new)
        return _with_answers(current, clean, by)

    return apply_change(sessions, instance_id, change, by, base_version)


def set_completed(
    sessions: Sessions,
    instance_id: int,
    task_ids: Collection[str],
    *,
    by: str | None = None,
    base_version: int | None = None,
) -> StoredInstance:
    """Mark exactly ``task_ids`` (top-level parts) as completed; unknown ids raise
    :class:`~sluis.instruments.answers.AnswersInvalid`."""

    def change(definition: Definition, current: InstrumentRecord) -> InstrumentRecord:
        top = [t.id for t in definition.tasks]
        unknown = [i for i in task_ids if i not in top]
        if unknown:
            raise AnswersInvalid(
                [AnswerError(i, "unknown_task", f"{i!r} is not a top-level part") for i in unknown]
            )
        completed = tuple(i for i in top if i in task_ids)
        if current.state is InstrumentState.adopted:
            if completed == current.completed:
                return current
            current = lifecycle.start_revision(current)
        return lifecycle.with_content(current, completed=completed)

    return apply_change(sessions, instance_id, change, by, base_version)


def instance_progress(definition: Definition, record: InstrumentRecord) -> Progress:
    """Answered and total visible questions, per part; the required ones still open."""
    visible = visible_task_ids(definition, record.answers)
    return progress(definition, record.answers, record.completed, visible)


def _with_answers(
    current: InstrumentRecord, answers: dict[str, Any], by: str | None
) -> InstrumentRecord:
    if current.state is InstrumentState.adopted:
        if answers == current.answers:
            return current
        current = lifecycle.start_revision(current)
    now = utcnow()
    meta: dict[str, AnswerMeta] = {}
    for key, value in answers.items():
        old = current.meta.get(key)
        if old is not None and current.answers.get(key) == value and key in current.answers:
            meta[key] = old
            continue
        meta[key] = AnswerMeta(edited_at=now, edited_by=by)
    return lifecycle.with_content(current, answers=answers, meta=meta)
