"""What a rule procedure's version covers: its function and everything it reads.

A rule is more than its own source: ``if income <= LIMIT`` decides differently when the
module constant ``LIMIT`` changes, and a helper function it calls is part of the rule too.
So the fingerprint starts from the function's source and follows, through the names its
code uses (``__code__.co_names``, nested code included) resolved in its module's globals:

- plain constants (None, booleans, numbers, text, bytes, dates, enums, and tuples, lists,
  sets and dicts of these) by a canonical text of their value;
- functions and classes of the rule's own module by their source, followed in turn;
- other modules, functions and classes by their qualified name (a library's code is
  versioned by the library, and hashing it would tie the version to the Python release);
- any other object by its type only: keep what a rule depends on in plain constants.

Default arguments and closure variables count like globals. Why not the whole module's
source instead: that changes on any edit to the file (documentation, sample cases) and
misses what changes the rule without changing the file, such as a constant imported from
elsewhere or set from configuration when the module loads. This follows exactly what the
rule can read, and is the same in every process (sets and dicts are sorted).

Pure: no I/O besides reading the source files ``inspect`` reads.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import CodeType, FunctionType, ModuleType
from typing import Any

_PLAIN = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    date,
    datetime,
    time,
    timedelta,
    Decimal,
)


def rule_fingerprint(function: Callable[..., Any], source: str) -> list[bytes]:
    """The parts a rule's version hashes: its source, then one part per name it reads."""
    parts = [source.encode("utf-8")]
    _follow(function, getattr(function, "__module__", None), {id(function)}, parts)
    return parts


def _names(code: CodeType) -> Iterator[str]:
    yield from code.co_names
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            yield from _names(constant)


def _follow(function: Any, home: str | None, seen: set[int], parts: list[bytes]) -> None:
    code = getattr(function, "__code__", None)
    if code is None:
        return
    namespace = getattr(function, "__globals__", {})
    read: list[tuple[str, object]] = [
        (name, namespace[name]) for name in sorted(set(_names(code))) if name in namespace
    ]
    read += [(f"(default {i})", v) for i, v in enumerate(function.__defaults__ or ())]
    read += [(f"(default {k})", v) for k, v in sorted((function.__kwdefaults__ or {}).items())]
    cells = zip(code.co_freevars, function.__closure__ or (), strict=False)
    read += [(f"(closure {name})", _cell(cell)) for name, cell in cells]
    for name, value in read:
        parts.append(f"{name}={_describe(value, home, seen, parts)}".encode())


def _cell(cell: Any) -> object:
    try:
        return cell.cell_contents
    except ValueError:  # not filled in yet
        return None


def _describe(value: object, home: str | None, seen: set[int], parts: list[bytes]) -> str:
    constant = _constant(value)
    if constant is not None:
        return constant
    if isinstance(value, ModuleType):
        return f"module {value.__name__}"
    if isinstance(value, FunctionType | type):
        name = f"{value.__module__}.{value.__qualname__}"
        if value.__module__ != home:
            return f"{'function' if isinstance(value, FunctionType) else 'class'} {name}"
        # Named without the module: a file loaded by path gets a module name that depends
        # on where it lies (see ``loading``), and the version must not.
        name = value.__qualname__
        if id(value) in seen:
            return f"same {name}"
        seen.add(id(value))
        try:
            source = inspect.getsource(value)
        except (OSError, TypeError):
            source = ""
        if isinstance(value, FunctionType):
            _follow(value, home, seen, parts)
        else:
            for member in vars(value).values():
                if isinstance(member, FunctionType):
                    _follow(member, home, seen, parts)
        return f"source of {name}: {source}"
    kind = type(value)
    return f"object {kind.__module__}.{kind.__qualname__}"


def _constant(value: object) -> str | None:
    """A canonical text of a plain constant, or None when the value is not one."""
    if isinstance(value, enum.Enum):
        inner = _constant(value.value)
        kind = type(value)
        return f"{kind.__module__}.{kind.__qualname__}.{value.name}={inner}"
    if isinstance(value, _PLAIN):
        return f"{type(value).__name__}:{value!r}"
    if isinstance(value, tuple | list):
        items = [_constant(v) for v in value]
        if any(i is None for i in items):
            return None
        return f"{type(value).__name__}[{','.join(items)}]"  # type: ignore[arg-type]
    if isinstance(value, set | frozenset):
        members = [_constant(v) for v in value]
        if any(m is None for m in members):
            return None
        return f"set[{','.join(sorted(members))}]"  # type: ignore[arg-type]
    if isinstance(value, dict):
        pairs = [(_constant(k), _constant(v)) for k, v in value.items()]
        if any(k is None or v is None for k, v in pairs):
            return None
        return "dict{" + ",".join(sorted(f"{k}:{v}" for k, v in pairs)) + "}"
    return None


__all__ = ["rule_fingerprint"]
