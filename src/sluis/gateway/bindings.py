"""Decision procedures bound to the decisions of registered profiles.

A binding ties a procedure (by its content hash) to one version of one decision of a
profile, with that version's input contract and art. 22 assessment. Binding is refused
when the profile has no such decision or the procedure reads a field the decision may not
receive; each binding is stored in ``decision_procedures`` and recorded in the audit
trail (``procedure_registered``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import assess_stored
from sluis.audit import AuditEvent, append_events
from sluis.gateway.contract import InputContract, InputProblem
from sluis.gateway.explanation import FeatureValueError
from sluis.gateway.outcomes import UNDECLARED_OUTCOME, binding_problems
from sluis.gateway.procedures import Procedure, procedure_problems
from sluis.gateway.routing import Route
from sluis.law.citations import gdpr
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.dbapi import on_connection
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import DESCRIPTION_LENGTH, DecisionProcedureRow


class DecisionUnavailable(LookupError):
    """The gateway cannot decide this at all: ``reason`` is ``unknown_profile``,
    ``unknown_decision``, ``no_procedure`` or ``procedure_outdated``."""

    def __init__(self, profile_id: str, decision_id: str, reason: str, detail: str = "") -> None:
        self.profile_id = profile_id
        self.decision_id = decision_id
        self.reason = reason
        words = {
            "unknown_profile": f"no profile {profile_id!r} is registered",
            "unknown_decision": f"profile {profile_id!r} declares no decision {decision_id!r}",
            "no_procedure": f"no procedure is bound to decision {decision_id!r} of {profile_id!r}",
            "procedure_outdated": f"the procedure of {decision_id!r} no longer fits the newest "
            f"version of {profile_id!r}",
        }
        super().__init__(words[reason] + (f": {detail}" if detail else ""))


class ProcedureRefused(ValueError):
    """A procedure that does not fit the decision: every problem is listed."""

    def __init__(self, problems: tuple[InputProblem, ...]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message} [{p.rule}]" for p in problems))


@dataclass(frozen=True)
class Binding:
    """A procedure bound to one version of a profile's decision, with its contract."""

    profile_id: str
    profile_version: int
    decision_id: str
    procedure: Procedure
    contract: InputContract
    registered_at: datetime

    @property
    def procedure_version(self) -> str:
        return self.procedure.version

    @property
    def key(self) -> tuple[object, ...]:
        """What the records digest names as the binding."""
        return (self.profile_id, self.profile_version, self.decision_id, self.procedure.version)

    def details(self) -> dict[str, Any]:
        return {
            "decision_id": self.decision_id,
            "profile_version": self.profile_version,
            "procedure_version": self.procedure.version,
        }


def route_reasons(route: Route) -> list[dict[str, Any]]:
    """What a record keeps of its route: each reason's code and articles (the wording
    lives with the code in ``sluis.gateway.routing``)."""
    return [
        {"code": r.code, "articles": [a.label("en") for a in r.articles]} for r in route.reasons
    ]


def audit_problems(contract: InputContract, problems: Any) -> list[dict[str, Any]]:
    """Problems for the audit trail: a field name only when the profile declares it (other
    names are the caller's free text), one entry per (field, rule) with its row count."""
    counts: Counter[tuple[str | None, str]] = Counter()
    for problem, rows in problems:
        name = problem.field if problem.field in contract.specs else None
        counts[(name, problem.rule)] += rows
    return [{"field": f, "rule": r, "rows": n} for (f, r), n in sorted(counts.items(), key=str)]


def refusal_events(
    binding: Binding, problems: list[tuple[InputProblem, int]], details: Mapping[str, Any]
) -> list[AuditEvent]:
    """The audit events of refused rows: ``refused_input`` for rows with bad inputs and
    ``refused_outcome`` for rows whose procedure returned an undeclared outcome (such a
    row has that one problem). ``details`` gives ``rows``, the number of refused rows."""
    outcome_rows = sum(rows for problem, rows in problems if problem.rule == UNDECLARED_OUTCOME)
    inputs = [(problem, rows) for problem, rows in problems if problem.rule != UNDECLARED_OUTCOME]
    events = []
    if inputs:
        extra = {**details, "rows": int(details["rows"]) - outcome_rows}
        events.append(
            AuditEvent(
                "refused_input",
                binding.profile_id,
                None,
                {
                    **binding.details(),
                    "problems": audit_problems(binding.contract, inputs),
                    **extra,
                },
            )
        )
    if outcome_rows:
        extra = {**details, "rows": outcome_rows}
        events.append(
            AuditEvent("refused_outcome", binding.profile_id, None, {**binding.details(), **extra})
        )
    return events


def feature_problem(error: FeatureValueError) -> InputProblem:
    what = "missing" if error.rule == "missing" else "a category the model was not trained on"
    return InputProblem(
        error.feature, error.rule, f"the model cannot take this value: {what}", (gdpr("5(1)(d)"),)
    )


def bind_procedure(
    sessions: sessionmaker[Session], profile_id: str, decision_id: str, procedure: Procedure
) -> Binding:
    """Bind ``procedure`` to ``decision_id`` of the newest version of the profile.

    Raises ``ProfileNotFound``, ``UnknownDecision`` (the profile has no such decision) or
    :class:`ProcedureRefused` (it reads fields the decision may not receive). Binding the
    same procedure again changes nothing.
    """
    stored, assessment = assess_stored(sessions, profile_id)
    contract = InputContract.from_profile(
        stored.profile, decision_id, assessment, version=stored.version
    )
    problems = list(procedure_problems(contract, procedure))
    problems += binding_problems(contract.outcomes, procedure)
    if getattr(procedure, "kind", None) not in ("rules", "model"):
        problems.append(InputProblem("(procedure)", "kind", "kind must be rules or model"))
    if problems:
        raise ProcedureRefused(tuple(problems))
    description = str(getattr(procedure, "description", "") or procedure.version)
    registered_at = _store(
        sessions,
        profile_id,
        stored.version,
        decision_id,
        procedure,
        description[:DESCRIPTION_LENGTH],
    )
    return Binding(profile_id, stored.version, decision_id, procedure, contract, registered_at)


def _store(
    sessions: sessionmaker[Session],
    profile_id: str,
    version: int,
    decision_id: str,
    procedure: Procedure,
    text: str,
) -> datetime:
    """Store the binding (once) with its audit event; when it was first registered."""
    row_filter = (
        DecisionProcedureRow.profile_id == profile_id,
        DecisionProcedureRow.profile_version == version,
        DecisionProcedureRow.decision_id == decision_id,
        DecisionProcedureRow.version == procedure.version,
    )
    for attempt in (1, 2):
        try:
            with sessions.begin() as session:
                session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
                existing = session.scalars(select(DecisionProcedureRow).where(*row_filter))
                found = existing.first()
                if found is not None:
                    return found.registered_at
                row = DecisionProcedureRow(
                    profile_id=profile_id,
                    profile_version=version,
                    decision_id=decision_id,
                    kind=procedure.kind,
                    version=procedure.version,
                    description=text,
                    registered_at=utcnow(),
                )
                session.add(row)
                session.flush()
                tx = on_connection(session.connection())
                append_events(
                    tx,
                    [
                        AuditEvent(
                            "procedure_registered",
                            profile_id,
                            None,
                            {
                                "decision_id": decision_id,
                                "profile_version": version,
                                "procedure_version": procedure.version,
                                "kind": procedure.kind,
                            },
                        )
                    ],
                )
                return row.registered_at
        except IntegrityError:  # registered at the same moment elsewhere
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover
