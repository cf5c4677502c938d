"""Reading a questionnaire definition from a file and checking it against the format.

The schemas are the government's own (``assessment-definition.v2.schema.json`` and
``assessment-output.v2.schema.json``); Sluis does not ship copies. They are looked up in
the folder the setting ``SLUIS_PAR_DPIA_SCHEMAS`` names, else in ``../schemas`` next to
the definition — the layout of the government's repository.

A definition that does not validate is refused with every schema error (path and
message). Identifiers must also be unique and repeatable tasks may nest at most two deep,
because the exchange format can address no deeper.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker

from sluis.instruments.model import Definition, parse_definition

DEFINITION_SCHEMA = "assessment-definition.v2.schema.json"
OUTPUT_SCHEMA = "assessment-output.v2.schema.json"
OUTPUT_SCHEMA_URL = (
    "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json"
)
MAX_FILE_BYTES = 10_000_000


@dataclass(frozen=True)
class SchemaError:
    path: str
    """A JSON pointer-like path into the document (``tasks/0/tasks/2/type``)."""
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


class DefinitionInvalid(ValueError):
    """The definition does not fit the format; ``errors`` lists every problem."""

    def __init__(self, errors: list[SchemaError]) -> None:
        self.errors = tuple(errors)
        shown = "; ".join(f"{e.path or '/'}: {e.message}" for e in self.errors[:10])
        more = f" (and {len(self.errors) - 10} more)" if len(self.errors) > 10 else ""
        super().__init__(f"the definition is invalid: {shown}{more}")


class SchemaNotFound(FileNotFoundError):
    """The format's schema file is not where Sluis looked for it."""

    def __init__(self, name: str, looked_in: Path | None) -> None:
        where = str(looked_in) if looked_in else "nowhere (no folder configured)"
        super().__init__(
            f"the schema {name} was not found in {where}; set SLUIS_PAR_DPIA_SCHEMAS to the "
            "folder holding the government's schemas"
        )


def schema_dir_for(definition_path: Path | None, configured: Path | None) -> Path | None:
    """The folder to read the schemas from: the configured one, else ``../schemas`` next to
    the definition."""
    if configured is not None:
        return configured
    if definition_path is None:
        return None
    return definition_path.resolve().parent.parent / "schemas"


def load_schema(schema_dir: Path | None, name: str) -> dict[str, Any]:
    if schema_dir is None or not (schema_dir / name).is_file():
        raise SchemaNotFound(name, schema_dir)
    return _read_schema(str((schema_dir / name).resolve()))


@cache
def _read_schema(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def read_document(path: Path) -> dict[str, Any]:
    """The raw document in a YAML or JSON file; refused when it is not one object."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise DefinitionInvalid([SchemaError("", f"the file is over {MAX_FILE_BYTES} bytes")])
    return parse_document(path.read_text(encoding="utf-8"))


def parse_document(text: str) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        raise DefinitionInvalid([SchemaError(where, f"not valid YAML: {exc}")]) from None
    if not isinstance(raw, dict):
        raise DefinitionInvalid([SchemaError("", "the document must be a mapping (an object)")])
    return raw


def validate_definition(raw: Mapping[str, Any], schema: Mapping[str, Any]) -> Definition:
    """The typed definition; raises :class:`DefinitionInvalid` with every problem."""
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    errors = [
        SchemaError("/".join(str(p) for p in e.absolute_path), e.message)
        for e in sorted(validator.iter_errors(raw), key=lambda e: list(map(str, e.path)))
    ]
    if errors:
        raise DefinitionInvalid(errors)
    definition = parse_definition(raw)
    problems = _structure_problems(raw)
    if problems:
        raise DefinitionInvalid(problems)
    return definition


def _structure_problems(raw: Mapping[str, Any]) -> list[SchemaError]:
    # Beyond the schema: ids address answers, so they must be unique; the exchange
    # format addresses repeatable tasks at most two levels deep.
    problems: list[SchemaError] = []
    seen: dict[str, str] = {}

    def visit(tasks: list[Any], path: str, depth: int) -> None:
        for position, task in enumerate(tasks):
            where = f"{path}/{position}"
            task_id = str(task["id"])
            if task_id in seen:
                problems.append(
                    SchemaError(f"{where}/id", f"id {task_id!r} is also used at {seen[task_id]}")
                )
            seen.setdefault(task_id, f"{where}/id")
            nested = depth + int(bool(task.get("repeatable")))
            if nested > 2:
                problems.append(
                    SchemaError(f"{where}/repeatable", "repeatable tasks nest more than two deep")
                )
            visit(task.get("tasks") or [], f"{where}/tasks", nested)

    visit(list(raw.get("tasks") or []), "tasks", 0)
    return problems


def load_definition(path: Path, schema_dir: Path | None = None) -> Definition:
    """Read and validate the definition at ``path`` (schemas from ``schema_dir``, else
    ``../schemas`` next to it)."""
    raw = read_document(path)
    schema = load_schema(schema_dir_for(path, schema_dir), DEFINITION_SCHEMA)
    return validate_definition(raw, schema)


__all__ = [
    "DEFINITION_SCHEMA",
    "OUTPUT_SCHEMA",
    "OUTPUT_SCHEMA_URL",
    "DefinitionInvalid",
    "SchemaError",
    "SchemaNotFound",
    "load_definition",
    "load_schema",
    "parse_document",
    "read_document",
    "schema_dir_for",
    "validate_definition",
]
