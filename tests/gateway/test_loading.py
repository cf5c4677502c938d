"""Finding decision procedures by reference: a Python file or an importable module, the
object itself or a function returning it, and bindings to a profile's decision."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sluis.gateway.loading import (
    Binding,
    ProcedureNotLoadable,
    load_file,
    load_object,
    load_procedure,
    parse_binding,
)
from sluis.gateway.procedures import RuleProcedure

RULES = textwrap.dedent(
    '''
    from sluis.gateway.procedures import RuleProcedure

    CALLS = []


    def adult(ctx):
        """Adults only."""
        ctx.check("adult", ctx["age_band"] == "adult", basis="Example Act, art. 1")
        return "yes" if ctx.trace[-1].value else "no"


    def procedure():
        CALLS.append(1)
        return RuleProcedure(adult, name="adult")


    READY = RuleProcedure(adult, name="adult")
    NOT_A_PROCEDURE = 42
    '''
)


@pytest.fixture
def rules_file(tmp_path: Path) -> Path:
    path = tmp_path / "rules.py"
    path.write_text(RULES, encoding="utf-8")
    return path


def test_a_file_reference_loads_wherever_the_command_runs(rules_file: Path) -> None:
    made = load_procedure(f"{rules_file}:procedure")
    assert isinstance(made, RuleProcedure)
    assert made.evaluate({"age_band": "adult"}).outcome == "yes"
    ready = load_procedure(f"{rules_file}:READY")
    assert ready.version == made.version


def test_a_relative_file_reference_is_read_from_the_base_folder(rules_file: Path) -> None:
    found = load_procedure("rules.py:READY", base=rules_file.parent)
    assert isinstance(found, RuleProcedure)


def test_a_file_is_loaded_once_per_process(rules_file: Path) -> None:
    first = load_file(rules_file)
    load_procedure(f"{rules_file}:procedure")
    load_procedure(f"{rules_file}:procedure")
    assert load_file(rules_file) is first
    assert len(first.CALLS) == 2  # the factory runs each time; the module is not re-run


def test_a_module_reference_is_imported() -> None:
    assert load_object("sluis.gateway.procedures:RuleProcedure") is RuleProcedure


def test_a_dotted_name_outside_the_python_path_is_read_from_the_base_folder(
    rules_file: Path,
) -> None:
    package = rules_file.parent / "my_rules"
    package.mkdir()
    (package / "benefit.py").write_text(RULES, encoding="utf-8")
    found = load_procedure("my_rules.benefit:READY", base=rules_file.parent)
    assert isinstance(found, RuleProcedure)


@pytest.mark.parametrize(
    ("reference", "problem"),
    [
        ("rules.py", "expected 'path/to/file.py:attribute'"),
        ("rules.py:", "expected 'path/to/file.py:attribute'"),
        ("rules.py:not-a-name", "expected 'path/to/file.py:attribute'"),
        ("missing.py:procedure", "no such file"),
        ("rules.py:absent", "has no attribute absent"),
        ("rules.py:NOT_A_PROCEDURE", "neither a decision procedure"),
        ("sluis.no_such_module:procedure", "cannot import sluis.no_such_module"),
    ],
)
def test_a_bad_reference_says_what_is_wrong(rules_file: Path, reference: str, problem: str) -> None:
    with pytest.raises(ProcedureNotLoadable) as error:
        load_procedure(reference, base=rules_file.parent)
    assert problem in error.value.problem


def test_a_binding_ties_a_reference_to_a_profile_decision() -> None:
    binding = parse_binding(" german-credit:credit-decision=examples/german_credit.py:procedure ")
    assert binding == Binding(
        "german-credit", "credit-decision", "examples/german_credit.py:procedure"
    )
    assert str(binding) == "german-credit:credit-decision=examples/german_credit.py:procedure"


@pytest.mark.parametrize(
    "text",
    [
        "german-credit=examples/german_credit.py:procedure",
        "german-credit:credit-decision",
        "german-credit:credit-decision=",
        ":credit-decision=x.py:procedure",
        "german-credit:credit-decision=x.py",
    ],
)
def test_a_malformed_binding_is_refused(text: str) -> None:
    with pytest.raises(ProcedureNotLoadable):
        parse_binding(text)
