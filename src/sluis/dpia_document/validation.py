"""Turn an untrusted DPIA document (JSON) into a ``DpiaDocument`` or a full list of errors.

Every error names the field (a dotted path with list indexes) and the rule it breaks, and
never echoes the submitted value, so nothing a user typed ends up in logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from sluis.dpia_document.model import DpiaDocument, DpoAdvice, Signature
from sluis.profiles.validation import FieldError

M = TypeVar("M", bound=BaseModel)


class DpiaInvalid(ValueError):
    """A document, advice or signature that cannot be accepted; ``errors`` lists why."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.loc}: {e.message} [{e.rule}]" for e in errors))


def validate_document(data: Any) -> DpiaDocument:
    return _validate(DpiaDocument, data)


def validate_advice(data: Any) -> DpoAdvice:
    return _validate(DpoAdvice, data)


def validate_signature(data: Any) -> Signature:
    return _validate(Signature, data)


def _validate(model: type[M], data: Any) -> M:
    if not isinstance(data, Mapping):
        raise DpiaInvalid([FieldError("(document)", "type", "expected a JSON object")])
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise DpiaInvalid(_errors(exc)) from None


def _errors(exc: ValidationError) -> list[FieldError]:
    out = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = _loc(err["loc"])
        message = str(err["msg"]).removeprefix("Value error, ")
        # Rules across fields raise "path: message"; put the path where it belongs.
        if err["type"] == "value_error" and ": " in message:
            inner, message = message.split(": ", 1)
            loc = inner if loc == "(document)" else f"{loc}.{inner}"
        out.append(FieldError(loc, str(err["type"]), message))
    return out


def _loc(parts: tuple[str | int, ...]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"
