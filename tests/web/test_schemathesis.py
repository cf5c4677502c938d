"""API fuzzing: Schemathesis generates requests for every operation of the OpenAPI spec and
sends them to the app (ASGI, in process); no request may make the server fail (5xx).

One SQLite database for the module, with the example profiles registered, so that many
generated requests reach real data. Slow: run with ``-m slow``; examples per operation
with ``SLUIS_FUZZ_EXAMPLES`` (default 25)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import BaseSchema
from schemathesis.checks import not_a_server_error

from auth_world import bearer
from sluis.assessment.service import register_and_assess
from sluis.profiles.validation import parse_profile_text
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory, migrate
from sluis.web.app import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MAX_EXAMPLES = int(os.environ.get("SLUIS_FUZZ_EXAMPLES", "25"))


@pytest.fixture(scope="module")
def fuzzed_schema(
    tmp_path_factory: pytest.TempPathFactory, register_schema_path: Path
) -> Iterator[tuple[BaseSchema, dict[str, str]]]:
    directory = tmp_path_factory.mktemp("fuzz")
    engine = create_engine_for(f"sqlite:///{directory / 'sluis.db'}")
    migrate(engine)
    sessions = make_session_factory(engine)
    for path in sorted(EXAMPLES.glob("*.yaml")):
        register_and_assess(sessions, parse_profile_text(path.read_text(encoding="utf-8")))
    # The portal's rate limit would answer most generated requests with 429: lift it here.
    app = create_app(
        Settings(
            data_dir=directory,
            algoritmeregister_schema=register_schema_path,
            portal_rate_per_minute=100_000,
            portal_burst=100_000,
        ),
        sessions,
    )
    # Signed in as an administrator (an API token), so the operations are reached, not
    # refused at the door.
    yield schemathesis.openapi.from_asgi("/api/v1/openapi.json", app), bearer(sessions)
    engine.dispose()


@pytest.mark.slow
def test_no_operation_fails_with_a_server_error(
    fuzzed_schema: tuple[BaseSchema, dict[str, str]],
) -> None:
    schema, headers = fuzzed_schema
    # Every operation in turn, each with its own Hypothesis run (Schemathesis's pytest
    # plugin does not work with this pytest's fixtures), collecting what fails.
    failures: dict[str, str] = {}
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def fuzz(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        try:
            fuzz()
        except Exception as exc:
            failures[operation.label] = str(exc).strip().splitlines()[0][:300]
    assert operations > 50
    assert failures == {}
