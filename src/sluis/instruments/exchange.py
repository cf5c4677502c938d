"""Exchange answers with the government's form tool in its ``assessment-output.v2`` format.

Export (:func:`to_output`) writes every answer as ``{"value", "lastEditedAt"}`` under its
task id, the answers of a repeatable task as elements ``{"_index": n, <child id>: ...}``
under the repeatable task's id, and a repeatable task inside such an element with the
element's index in brackets (``6.1.1.1[0]``), the one further level the format can
address. The format's values are text: boolean options travel as ``"true"``/``"false"``,
a chosen null option ("niet van toepassing") as ``null``. A task whose id the format
cannot carry — the IAMA numbers some questions ``2.2A.1`` or ``5.A.3`` and its action
points ``1.actiepunten.tekst``, and one part ``1.0``, which the schema's key patterns do
not allow — is left out and named in ``skipped``, never written in a form the schema
refuses.

Import (:func:`from_output`) checks the file against the schema, then every answer against
the definition, and returns either all answers or every problem — never a part. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from sluis.instruments.answers import INDEX, AnswerError, check_answers, element_members
from sluis.instruments.loading import OUTPUT_SCHEMA_URL
from sluis.instruments.model import Definition, Task, option_text
from sluis.instruments.record import AnswerMeta

ANSWER_KEY = re.compile(r"^[0-9]+(\.[0-9]+)*$")
COMPLETED_KEY = re.compile(r"^[0-9]+$")
OUTPUT_URN = re.compile(r"^(urn:nl:[a-z]+):([0-9]+\.[0-9]+)$")
CHILD_KEY = re.compile(r"^(?P<id>[0-9]+(\.[0-9]+)*)(\[(?P<index>[0-9]+)\])?$")


@dataclass(frozen=True)
class Exported:
    document: dict[str, Any]
    skipped: tuple[str, ...] = ()
    """Task ids left out because the format cannot address them."""


@dataclass(frozen=True)
class Imported:
    urn: str
    version: str
    answers: dict[str, Any]
    completed: tuple[str, ...]
    meta: dict[str, AnswerMeta] = field(default_factory=dict)
    created_by: str | None = None


class OutputInvalid(ValueError):
    """An answers file that cannot be imported; ``errors`` lists every problem."""

    def __init__(self, errors: list[AnswerError]) -> None:
        self.errors = tuple(errors)
        shown = "; ".join(f"{e.path}: {e.message}" for e in self.errors[:10])
        more = f" (and {len(self.errors) - 10} more)" if len(self.errors) > 10 else ""
        super().__init__(f"the answers file is refused: {shown}{more}")


def output_urn(definition: Definition) -> str:
    """``urn:version`` as the format wants it: a major and a minor number."""
    version = definition.version
    parts = version.split(".")
    if len(parts) == 1:
        version = f"{version}.0"
    elif len(parts) > 2:
        version = ".".join(parts[:2])
    return f"{definition.urn}:{version}"


def parse_output_urn(urn: object) -> tuple[str, str] | None:
    """``("urn:nl:prescan", "2.0")`` from ``"urn:nl:prescan:2.0"``; ``None`` if malformed."""
    if not isinstance(urn, str):
        return None
    found = OUTPUT_URN.match(urn)
    return None if found is None else (found.group(1), found.group(2))


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def to_output(
    definition: Definition,
    answers: Mapping[str, Any],
    meta: Mapping[str, AnswerMeta],
    completed: tuple[str, ...],
    created_at: datetime,
    created_by: str | None = None,
) -> Exported:
    """The answers as an ``assessment-output.v2`` document."""
    skipped: list[str] = []
    out: dict[str, Any] = {}
    fallback = AnswerMeta(edited_at=created_at)
    for key, value in answers.items():
        task = definition.task(key)
        if task is None:
            continue
        if not ANSWER_KEY.match(key):
            skipped.append(key)
            continue
        info = meta.get(key, fallback)
        if task.repeatable:
            out[key] = [_element(task, e, info, skipped) for e in value]
        else:
            out[key] = _answer(value, info)
    metadata: dict[str, Any] = {"urn": output_urn(definition), "createdAt": timestamp(created_at)}
    if created_by:
        metadata["createdBy"] = {"name": created_by}
    done = [c for c in completed if COMPLETED_KEY.match(c)]
    skipped += [c for c in completed if not COMPLETED_KEY.match(c)]
    if done:
        metadata["completedTasks"] = done
    document = {"$schema": OUTPUT_SCHEMA_URL, "metadata": metadata, "answers": out}
    return Exported(document, tuple(sorted(set(skipped))))


def _answer(value: object, info: AnswerMeta) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "value": export_value(value),
        "lastEditedAt": timestamp(info.edited_at),
    }
    if info.edited_by:
        answer["lastEditedBy"] = info.edited_by
    return answer


def export_value(value: object) -> object:
    """A canonical answer value in the format's terms (text, list of text, null, image)."""
    if isinstance(value, list):
        return [option_text(v) for v in value]
    if isinstance(value, bool):
        return option_text(value)
    return value


def _element(
    task: Task, element: Mapping[str, Any], info: AnswerMeta, skipped: list[str]
) -> dict[str, Any]:
    flat: dict[str, Any] = {INDEX: element[INDEX]}
    for member in element_members(task):
        if member.id not in element:
            continue
        if not ANSWER_KEY.match(member.id):
            skipped.append(member.id)
            continue
        value = element[member.id]
        if member is task or not member.repeatable:
            flat[member.id] = _answer(value, info)
            continue
        for inner in value:
            for leaf_id, leaf_value in inner.items():
                if leaf_id != INDEX:
                    flat[f"{leaf_id}[{inner[INDEX]}]"] = _answer(leaf_value, info)
    return flat


def validate_output(document: object, schema: Mapping[str, Any]) -> list[AnswerError]:
    """Every way ``document`` breaks the format's schema."""
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [
        AnswerError("/".join(str(p) for p in e.absolute_path) or "/", "schema", e.message)
        for e in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
    ]


def from_output(
    document: Mapping[str, Any], definition: Definition, schema: Mapping[str, Any]
) -> Imported:
    """The answers in ``document`` for ``definition``; raises :class:`OutputInvalid`."""
    errors = validate_output(document, schema)
    if errors:
        raise OutputInvalid(errors)
    metadata = document["metadata"]
    if metadata["urn"] != output_urn(definition):
        raise OutputInvalid(
            [
                AnswerError(
                    "metadata/urn",
                    "other_definition",
                    f"the file answers {metadata['urn']}, not {output_urn(definition)}",
                )
            ]
        )
    plain: dict[str, Any] = {}
    meta: dict[str, AnswerMeta] = {}
    for key, value in document["answers"].items():
        task = definition.task(key)
        if isinstance(value, list) and task is not None and task.repeatable:
            grouped, stamp = _grouped(definition, task, value, errors, key)
            plain[key] = grouped
        elif isinstance(value, list):
            errors.append(
                AnswerError(key, "not_repeatable", f"task {key} does not repeat: give one answer")
            )
            continue
        else:
            plain[key] = value["value"]
            stamp = value
        if stamp is not None:
            meta[key] = _meta(stamp)
    clean, problems = check_answers(definition, plain)
    errors += problems
    completed = tuple(metadata.get("completedTasks") or ())
    top = {t.id for t in definition.tasks}
    errors += [
        AnswerError("metadata/completedTasks", "unknown_task", f"{c!r} is not a top-level task")
        for c in completed
        if c not in top
    ]
    if errors:
        raise OutputInvalid(errors)
    urn, version = parse_output_urn(metadata["urn"]) or (definition.urn, definition.version)
    by = (metadata.get("createdBy") or {}).get("name")
    return Imported(urn, version, clean, completed, {k: meta[k] for k in clean if k in meta}, by)


def _grouped(
    definition: Definition,
    task: Task,
    elements: list[Mapping[str, Any]],
    errors: list[AnswerError],
    path: str,
) -> tuple[list[dict[str, Any]], Mapping[str, Any] | None]:
    members = {m.id: m for m in element_members(task)}
    owners = {
        leaf.id: member.id
        for member in members.values()
        if member.repeatable and member is not task
        for leaf in element_members(member)
    }
    out = []
    newest: Mapping[str, Any] | None = None
    for element in elements:
        index = element[INDEX]
        plain: dict[str, Any] = {INDEX: index}
        nested: dict[str, dict[int, dict[str, Any]]] = {}
        for key, answer in element.items():
            if key == INDEX:
                continue
            found = CHILD_KEY.match(key)
            assert found is not None  # the schema's pattern already holds
            child, inner = found.group("id"), found.group("index")
            newest = _later(newest, answer)
            if inner is None:
                plain[child] = answer["value"]
            elif child in owners:
                group = nested.setdefault(owners[child], {})
                group.setdefault(int(inner), {INDEX: int(inner)})[child] = answer["value"]
            elif child in members and members[child].repeatable:
                group = nested.setdefault(child, {})
                group.setdefault(int(inner), {INDEX: int(inner)})[child] = answer["value"]
            else:
                errors.append(
                    AnswerError(
                        f"{path}[{index}].{key}",
                        "misplaced_task",
                        f"{key} is not a repeating task inside {task.id}",
                    )
                )
        for owner, inner_elements in nested.items():
            plain[owner] = [inner_elements[i] for i in sorted(inner_elements)]
        out.append(plain)
    return out, newest


def _later(current: Mapping[str, Any] | None, answer: Mapping[str, Any]) -> Mapping[str, Any]:
    if current is None or answer["lastEditedAt"] > current["lastEditedAt"]:
        return answer
    return current


def _meta(answer: Mapping[str, Any]) -> AnswerMeta:
    stamp = datetime.fromisoformat(str(answer["lastEditedAt"]).replace("Z", "+00:00"))
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return AnswerMeta(edited_at=stamp, edited_by=answer.get("lastEditedBy"))


__all__ = [
    "Exported",
    "Imported",
    "OutputInvalid",
    "export_value",
    "from_output",
    "output_urn",
    "parse_output_urn",
    "timestamp",
    "to_output",
    "validate_output",
]
