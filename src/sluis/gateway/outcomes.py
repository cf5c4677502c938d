"""The outcomes a decision may have: those its profile declares (``Decision.outcomes``).

A decision that declares its outcomes accepts only those from its procedure. A model
procedure has two outcomes known in advance, so one that is not declared is refused when
the procedure is bound. A rule procedure's outcomes are known only when it runs: a
decision for which it returns an undeclared outcome is refused (nothing is recorded, and
the audit trail says that it happened, never what was returned). The profile is what the
organisation has documented and published about the decision; a procedure that strays
from it would take decisions nobody accounted for. A decision that declares no outcomes
accepts any, as before.

Pure: no I/O.
"""

from __future__ import annotations

import numpy as np

from sluis.gateway.fields import InputProblem
from sluis.law.citations import gdpr

UNDECLARED_OUTCOME = "undeclared_outcome"
OUTCOME_FIELD = "(outcome)"
# Transparency about what the processing does (5(1)(a)) and being able to show it (5(2)).
ARTICLES = (gdpr("5(1)(a)"), gdpr("5(2)"))


def declared(outcomes: object) -> frozenset[str] | None:
    """The declared outcome values of a ``Decision.outcomes`` list; None when empty."""
    values = frozenset(str(o.value) for o in outcomes)  # type: ignore[attr-defined]
    return values or None


def _listed(allowed: frozenset[str]) -> str:
    return ", ".join(sorted(allowed))


class UndeclaredOutcome(RuntimeError):
    """The procedure returned an outcome its decision does not declare, so the decision was
    refused and nothing recorded. The message names the declared outcomes, never the one
    returned (a faulty rule could return anything, personal data included)."""

    def __init__(self, profile_id: str, decision_id: str, allowed: frozenset[str]) -> None:
        self.profile_id = profile_id
        self.decision_id = decision_id
        self.allowed = allowed
        super().__init__(
            f"the procedure of {decision_id!r} of {profile_id!r} returned an outcome the "
            f"profile does not declare ({_listed(allowed)}); nothing was recorded"
        )


def outcome_problem(allowed: frozenset[str]) -> InputProblem:
    """The problem a row gets when its procedure returned an undeclared outcome."""
    return InputProblem(
        OUTCOME_FIELD,
        UNDECLARED_OUTCOME,
        f"the procedure returned an outcome the profile does not declare ({_listed(allowed)})",
        ARTICLES,
    )


def binding_problems(allowed: frozenset[str] | None, procedure: object) -> tuple[InputProblem, ...]:
    """Why a model procedure's outcomes do not fit the decision (empty when they do, when
    the decision declares none, or when the outcomes are known only at run time)."""
    if allowed is None:
        return ()
    problems = []
    for name in ("positive", "negative"):
        value = getattr(procedure, name, None)
        if isinstance(value, str) and value not in allowed:
            problems.append(
                InputProblem(
                    name,
                    UNDECLARED_OUTCOME,
                    f"the procedure's {name} outcome {value!r} is not among the outcomes the "
                    f"profile declares for this decision ({_listed(allowed)})",
                    ARTICLES,
                )
            )
    return tuple(problems)


def undeclared_rows(allowed: frozenset[str] | None, outcomes: np.ndarray) -> np.ndarray:
    """A mask of the outcomes that are not declared (all false when none are declared)."""
    if allowed is None or len(outcomes) == 0:
        return np.zeros(len(outcomes), dtype=bool)
    return ~np.isin(outcomes.astype(object), np.array(sorted(allowed), dtype=object))


__all__ = [
    "OUTCOME_FIELD",
    "UNDECLARED_OUTCOME",
    "UndeclaredOutcome",
    "binding_problems",
    "declared",
    "outcome_problem",
    "undeclared_rows",
]
