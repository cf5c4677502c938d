"""The decision gateway: an organisation's decision procedure runs through Sluis, which
enforces the law for every single decision at run time.

The pure core (no I/O) lives in five modules:

- ``contract``: which inputs a decision may receive (declared fields, types, ranges,
  special categories), checked for one decision or a whole table at once;
- ``outcomes``: which outcomes a decision may have, when its profile declares them;
- ``routing``: whether a decision may take effect without a human (``final``), waits for a
  human (``pending_review``) or only marks a case for a human look (``selected_for_review``),
  following the decision's art. 22 assessment;
- ``procedures``: the decision procedures themselves (rules as Python functions with a trace,
  or scikit-learn models with a threshold) and their stable version hashes;
- ``explanation``: what each decision carries with it: the rule trace, or exact per-feature
  contributions (linear models) or SHAP values (tree models).

Storage, encryption and the audit trail build on these in the service modules: ``service``
(the ``Gateway``), ``batch`` with ``chunks`` and ``sealing`` (tables decided in chunks),
``crypto`` and ``subject_keys`` (a key per data subject), ``stored`` (reading records back,
erasure), ``records`` (what a decision or batch returns), ``checkpoints`` (SQLite's log
checkpoints off the commit path) and ``loading`` (procedures named by reference, for the
CLI and the web app).

The public API is re-exported here (``from sluis.gateway import Gateway, RuleProcedure``);
each name is imported on first use, so that importing the package stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name -> the module that defines it.
_EXPORTS = {
    "Gateway": "service",
    "DEFAULT_CHUNK_SIZE": "service",
    "DecisionRecord": "records",
    "BatchResult": "records",
    "ChunkReport": "records",
    "BatchRefused": "batch",
    "RuleProcedure": "procedures",
    "RuleContext": "procedures",
    "RuleError": "procedures",
    "ModelProcedure": "procedures",
    "Procedure": "procedures",
    "Evaluation": "procedures",
    "UnsupportedModel": "procedures",
    "FeatureValueError": "explanation",
    "Explanation": "explanation",
    "Binding": "bindings",
    "DecisionUnavailable": "bindings",
    "ProcedureRefused": "bindings",
    "InputContract": "contract",
    "InputProblem": "contract",
    "InputsRefused": "contract",
    "UnknownDecision": "contract",
    "UndeclaredOutcome": "outcomes",
    "DecisionNotFound": "stored",
    "KeyRing": "crypto",
    "MasterKeyError": "crypto",
    "PayloadUnreadable": "crypto",
    "ProcedureNotLoadable": "loading",
    "load_procedure": "loading",
    "bind_procedures": "loading",
}

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "BatchRefused",
    "BatchResult",
    "Binding",
    "ChunkReport",
    "DecisionNotFound",
    "DecisionRecord",
    "DecisionUnavailable",
    "Evaluation",
    "Explanation",
    "FeatureValueError",
    "Gateway",
    "InputContract",
    "InputProblem",
    "InputsRefused",
    "KeyRing",
    "MasterKeyError",
    "ModelProcedure",
    "PayloadUnreadable",
    "Procedure",
    "ProcedureNotLoadable",
    "ProcedureRefused",
    "RuleContext",
    "RuleError",
    "RuleProcedure",
    "UndeclaredOutcome",
    "UnknownDecision",
    "UnsupportedModel",
    "bind_procedures",
    "load_procedure",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # once found, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from sluis.gateway.batch import BatchRefused
    from sluis.gateway.bindings import Binding, DecisionUnavailable, ProcedureRefused
    from sluis.gateway.contract import InputContract, InputProblem, InputsRefused, UnknownDecision
    from sluis.gateway.crypto import KeyRing, MasterKeyError, PayloadUnreadable
    from sluis.gateway.explanation import Explanation, FeatureValueError
    from sluis.gateway.loading import ProcedureNotLoadable, bind_procedures, load_procedure
    from sluis.gateway.outcomes import UndeclaredOutcome
    from sluis.gateway.procedures import (
        Evaluation,
        ModelProcedure,
        Procedure,
        RuleContext,
        RuleError,
        RuleProcedure,
        UnsupportedModel,
    )
    from sluis.gateway.records import BatchResult, ChunkReport, DecisionRecord
    from sluis.gateway.service import DEFAULT_CHUNK_SIZE, Gateway
    from sluis.gateway.stored import DecisionNotFound
