"""How the desks' services log: ``@logged(Operation.X, case="case_id")`` on the function.

The review desk, the notices and the rights desk each process one person's data about
one decision (or one request), known by an id among the call's arguments. The decorator
looks up what the record needs from that id (the decision's algorithm and profile
version, hence the processing activity, and the person's pseudonym, encrypted in the
record) and runs the call as one action, so a service is hooked with one line and its
body stays as it was. The look-up is one indexed read, done only when the log is on.

The log is the gateway's (one per configuration, its sinks shared by the whole process),
reached through the call's first argument: the gateway, or a desk that holds one.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ParamSpec, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.processing_log import fields
from sluis.processing_log.activities import Operation
from sluis.processing_log.log import ProcessingLog
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import ReviewCaseRow
from sluis.store.tables.rights import RightsRequestRow

P = ParamSpec("P")
R = TypeVar("R")


class _HasLog(Protocol):
    processing_log: ProcessingLog
    sessions: sessionmaker[Session]


@dataclass(frozen=True)
class Concerned:
    """What a record says about whom and under which algorithm (all None when unknown:
    an id that does not exist is refused by the service itself)."""

    profile_id: str | None = None
    version: int | None = None
    pseudonym: str | None = None
    decision_uuid: str | None = None


def _decision(session: Session, decision_uuid: str) -> Concerned:
    row = session.execute(
        select(
            DecisionRow.profile_id, DecisionRow.profile_version, DecisionRow.subject_pseudonym
        ).where(DecisionRow.id == decision_uuid)
    ).first()
    if row is None:
        return Concerned()
    # An erased record keeps no pseudonym (see ``sluis.retention``): no person to name.
    return Concerned(row[0], row[1], row[2] or None, decision_uuid)


def _case(session: Session, case_id: str) -> Concerned:
    decision_uuid = session.scalar(
        select(ReviewCaseRow.decision_uuid).where(ReviewCaseRow.id == case_id)
    )
    return Concerned() if decision_uuid is None else _decision(session, decision_uuid)


def _request(session: Session, request_id: str) -> Concerned:
    row = session.execute(
        select(RightsRequestRow.subject_pseudonym, RightsRequestRow.decision_uuid).where(
            RightsRequestRow.id == request_id
        )
    ).first()
    if row is None:
        return Concerned()
    pseudonym, decision_uuid = row[0] or None, row[1]
    if decision_uuid is None:
        # A request about the person as a whole (access to everything, say): no one
        # algorithm's activity; the work it does per decision logs its own records.
        return Concerned(pseudonym=pseudonym)
    found = _decision(session, decision_uuid)
    return Concerned(found.profile_id, found.version, pseudonym, decision_uuid)


_FINDERS: Mapping[str, tuple[Callable[[Session, str], Concerned], str]] = {
    "decision": (_decision, fields.DECISION),
    "case": (_case, fields.CASE),
    "request": (_request, fields.REQUEST),
}


def concerned(
    sessions: sessionmaker[Session], kind: str, identifier: str
) -> tuple[Concerned, dict[str, Any]]:
    """What a record about the ``kind`` (``decision``, ``case`` or ``request``) with
    ``identifier`` names, and its own attributes (the ids)."""
    find, attribute = _FINDERS[kind]
    with sessions.begin() as session:
        about = find(session, identifier)
    attributes: dict[str, Any] = {attribute: identifier}
    if about.decision_uuid is not None:
        attributes[fields.DECISION] = about.decision_uuid
    return about, attributes


def _holder(first: object) -> _HasLog:
    """The gateway among the call's arguments: the first one, or the desk's gateway."""
    if hasattr(first, "processing_log"):
        return first  # type: ignore[return-value]
    return first.gateway  # type: ignore[attr-defined,no-any-return]


def logged(
    operation: Operation,
    *,
    decision: str | None = None,
    case: str | None = None,
    request: str | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Log every call of the decorated service as ``operation``, about the decision, case
    or request whose id is in the named parameter (exactly one of the three)."""
    named = {k: v for k, v in (("decision", decision), ("case", case), ("request", request)) if v}
    if len(named) != 1:
        raise TypeError("logged: name exactly one of decision=, case=, request=")
    ((kind, parameter),) = named.items()

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(service)
        if parameter not in signature.parameters:
            raise TypeError(f"logged: {service.__name__} has no parameter {parameter!r}")

        @functools.wraps(service)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            bound = signature.bind(*args, **kwargs)
            holder = _holder(next(iter(bound.arguments.values())))
            log = holder.processing_log
            if not log.enabled:
                return service(*args, **kwargs)
            about, attributes = concerned(holder.sessions, kind, bound.arguments[parameter])
            with log.operation(
                operation, about.profile_id, about.version, about.pseudonym, attributes
            ):
                return service(*args, **kwargs)

        return run

    return decorate


__all__ = ["Concerned", "concerned", "logged"]
