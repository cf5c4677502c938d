"""The package re-exports the gateway's public API, imported on first use."""

from __future__ import annotations

import subprocess
import sys

import sluis.gateway as gateway


def test_every_public_name_is_exported_from_its_module() -> None:
    assert sorted(gateway.__all__) == sorted(gateway._EXPORTS)
    for name in gateway.__all__:
        value = getattr(gateway, name)
        module = f"sluis.gateway.{gateway._EXPORTS[name]}"
        assert value is getattr(sys.modules[module], name)


def test_the_main_classes_are_among_them() -> None:
    from sluis.gateway import (  # noqa: F401
        BatchResult,
        DecisionRecord,
        DecisionUnavailable,
        Gateway,
        InputsRefused,
        ModelProcedure,
        RuleProcedure,
        UndeclaredOutcome,
    )


def test_importing_the_package_imports_nothing_heavy() -> None:
    script = "import sys, sluis.gateway; print(sorted({'pandas', 'sqlalchemy'} & set(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
