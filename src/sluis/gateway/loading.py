"""Finding decision procedures by reference, for the CLI and the web app.

A procedure is a Python object (``RuleProcedure``, ``ModelProcedure``) or a function that
returns one. It is named by a reference of the form ``path/to/file.py:attribute`` (loaded
from the file, wherever the command runs; the form to prefer) or
``package.module:attribute`` (imported from the Python path, else read from the file the
dotted name spells under the working directory: ``examples.german_credit:procedure`` from
the repository root). A binding ties a reference to a profile's decision:
``profile_id:decision_id=reference``; the web app reads its bindings from the
``procedures`` setting (``SLUIS_PROCEDURES``) at start-up.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sluis.gateway.procedures import Procedure


class ProcedureNotLoadable(ValueError):
    """A reference or binding that does not lead to a decision procedure."""

    def __init__(self, reference: str, problem: str) -> None:
        super().__init__(f"{reference}: {problem}")
        self.reference = reference
        self.problem = problem


@dataclass(frozen=True)
class Binding:
    """A procedure reference bound to one decision of a registered profile."""

    profile_id: str
    decision_id: str
    reference: str

    def __str__(self) -> str:
        return f"{self.profile_id}:{self.decision_id}={self.reference}"


class _Registers(Protocol):
    def register_procedure(
        self, profile_id: str, decision_id: str, procedure: Procedure
    ) -> object: ...


def split_reference(reference: str) -> tuple[str, str]:
    """``(location, attribute)`` of ``location:attribute``; the last colon separates them so
    that a location may itself hold one (``C:\\...`` on Windows)."""
    location, sep, attribute = reference.strip().rpartition(":")
    if not sep or not location or not attribute.isidentifier():
        raise ProcedureNotLoadable(
            reference, "expected 'path/to/file.py:attribute' or 'package.module:attribute'"
        )
    return location, attribute


def _module_name(path: Path) -> str:
    # One module per file, whatever it is called: loading the same file twice returns the
    # same module (and its cached, trained model), two files with one name do not collide.
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:12]
    return f"sluis_procedure_{path.stem}_{digest}"


def load_file(path: Path) -> ModuleType:
    """Import a Python file as a module (once per process)."""
    path = path.expanduser().resolve()
    name = _module_name(path)
    if name in sys.modules:
        return sys.modules[name]
    if not path.is_file():
        raise ProcedureNotLoadable(str(path), "no such file")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ProcedureNotLoadable(str(path), "not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # before executing: dataclasses and pickle look it up
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def load_object(reference: str, base: Path | None = None) -> object:
    """The object a reference names. File paths are relative to ``base`` (default: the
    working directory)."""
    location, attribute = split_reference(reference)
    if location.endswith(".py") or "/" in location or "\\" in location:
        path = Path(location)
        if not path.is_absolute() and base is not None:
            path = base / path
        module = load_file(path)
    else:
        module = _import(reference, location, base)
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise ProcedureNotLoadable(reference, f"{location} has no attribute {attribute}") from None


def _import(reference: str, location: str, base: Path | None) -> ModuleType:
    """An importable module; failing that, the file the dotted name spells from ``base``
    (so ``examples.german_credit`` works from the repository root, where the ``sluis``
    command's Python path does not reach)."""
    try:
        return importlib.import_module(location)
    except ModuleNotFoundError as exc:
        candidate = (base or Path.cwd()).joinpath(*location.split(".")).with_suffix(".py")
        if exc.name is not None and location.startswith(exc.name) and candidate.is_file():
            return load_file(candidate)
        raise ProcedureNotLoadable(reference, f"cannot import {location} ({exc})") from exc
    except ImportError as exc:
        raise ProcedureNotLoadable(reference, f"cannot import {location} ({exc})") from exc


def _is_procedure(candidate: object) -> bool:
    return all(hasattr(candidate, a) for a in ("kind", "version", "evaluate", "evaluate_frame"))


def load_procedure(reference: str, base: Path | None = None) -> Procedure:
    """The procedure a reference names: the object itself, or what calling it returns."""
    found = load_object(reference, base)
    if not _is_procedure(found) and callable(found):
        found = found()
    if not _is_procedure(found):
        raise ProcedureNotLoadable(
            reference, "is neither a decision procedure nor a function returning one"
        )
    return found  # type: ignore[return-value]


def parse_binding(text: str) -> Binding:
    """``profile_id:decision_id=reference`` as a ``Binding``."""
    target, sep, reference = text.strip().partition("=")
    profile_id, colon, decision_id = target.strip().partition(":")
    if not sep or not colon or not profile_id or not decision_id or not reference.strip():
        raise ProcedureNotLoadable(
            text, "expected 'profile_id:decision_id=path/to/file.py:attribute'"
        )
    split_reference(reference)  # fail early on a malformed reference
    return Binding(profile_id.strip(), decision_id.strip(), reference.strip())


def bind_procedures(
    gateway: _Registers, bindings: Iterable[str | Binding], base: Path | None = None
) -> list[Binding]:
    """Load every bound procedure and register it with the gateway; all or nothing: every
    binding is parsed and loaded before the first is registered."""
    parsed = [b if isinstance(b, Binding) else parse_binding(b) for b in bindings]
    loaded = [(b, load_procedure(b.reference, base)) for b in parsed]
    for binding, procedure in loaded:
        gateway.register_procedure(binding.profile_id, binding.decision_id, procedure)
    return parsed
