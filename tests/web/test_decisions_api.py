"""/api/v1/decisions: decisions through the gateway over HTTP, single and batch, with every
problem of a bad request listed and nothing recorded but a refusal event."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from auth_world import bearer, sign_in
from processing_log.world import records
from sluis.assessment.service import register_and_assess
from sluis.audit import AuditEntry, chain_head, read_events
from sluis.gateway.loading import ProcedureNotLoadable
from sluis.processing_log.activities import Operation
from sluis.profiles.validation import parse_profile_text
from sluis.settings import Settings
from sluis.store.tables.gateway import DecisionRow
from sluis.web.app import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ALLOWANCE = "municipal-energy-allowance"
GRANT = "grant-energy-allowance"
WELFARE = "welfare-fraud-risk-selection"
SELECT = "select-for-reexamination"
URL = "/api/v1/decisions"

HOUSEHOLD: dict[str, Any] = {
    "resides_in_municipality": True,
    "household_type": "single",
    "monthly_household_income": 1523.45,
    "household_assets": 2000.0,
    "receives_student_finance": False,
    "allowance_received_this_year": False,
}

SELECTION_RULES = textwrap.dedent(
    '''
    from sluis.gateway.procedures import RuleProcedure


    def select(ctx):
        """Select cases with many income changes for a closer look."""
        many = ctx.check(
            "many_income_changes",
            ctx["income_changes_last_year"] >= 3,
            basis="Participatiewet art. 53a lid 2",
        )
        return "select" if many else "no_selection"


    def procedure():
        return RuleProcedure(select, name="selection")
    '''
)


def register(sessions: sessionmaker[Session], name: str) -> None:
    text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    register_and_assess(sessions, parse_profile_text(text))


@pytest.fixture
def client(sessions: sessionmaker[Session], tmp_path: Path) -> TestClient:
    """The app with the allowance rules and a selection rule bound at start-up."""
    register(sessions, ALLOWANCE)
    register(sessions, WELFARE)
    rules = tmp_path / "selection.py"
    rules.write_text(SELECTION_RULES, encoding="utf-8")
    settings = Settings(
        data_dir=tmp_path,
        procedures=[
            f"{ALLOWANCE}:{GRANT}={EXAMPLES / 'municipal_allowance.py'}:procedure",
            f"{WELFARE}:{SELECT}={rules}:procedure",
        ],
    )
    return sign_in(TestClient(create_app(settings, sessions)), sessions)


def single(**changes: Any) -> dict[str, Any]:
    body = {
        "algorithm": ALLOWANCE,
        "decision": GRANT,
        "subject_id": "burger-1",
        "inputs": HOUSEHOLD,
    }
    return body | changes


def last_event(sessions: sessionmaker[Session]) -> AuditEntry:
    head = chain_head(sessions)
    assert head is not None
    (entry,) = read_events(sessions, after_seq=head[0] - 1)
    return entry


def decisions_recorded(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(DecisionRow)) or 0)


def test_a_decision_is_taken_final_with_its_rule_trace_and_without_echoing_inputs(
    client: TestClient,
) -> None:
    response = client.post(URL, json=single())
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["status"], body["outcome"], body["score"]) == ("final", "granted", None)
    assert body["profile_id"] == ALLOWANCE and body["decision_id"] == GRANT
    assert body["route_reasons"] and body["procedure_version"]
    trace = body["explanation"]["entries"]
    assert body["explanation"]["kind"] == "rule_trace"
    assert trace[1]["name"] == "income_within_limit" and trace[1]["value"] is True
    assert trace[1]["basis"] == "Verordening energietoeslag Voorbeeldstad 2026, art. 3(1)"
    assert "inputs" not in body and "payload" not in body
    assert "1523.45" not in response.text and "burger-1" not in response.text


def test_a_recorded_decision_is_read_back_without_personal_data(client: TestClient) -> None:
    decided = client.post(URL, json=single(inputs=HOUSEHOLD | {"household_assets": 9000.0}))
    decision_uuid = decided.json()["id"]
    shown = client.get(f"{URL}/{decision_uuid}")
    assert shown.status_code == 200
    body = shown.json()
    assert (body["id"], body["outcome"], body["status"]) == (decision_uuid, "refused", "final")
    assert body["explanation"] is None and "payload" not in body
    assert "9000" not in shown.text


def test_inputs_are_revealed_only_to_who_may_read_personal_data_of_that_algorithm(
    client: TestClient, sessions: sessionmaker[Session]
) -> None:
    decision_uuid = client.post(URL, json=single()).json()["id"]
    shown = f"{URL}/{decision_uuid}"

    revealed = client.get(shown, params={"reveal": "true"})
    assert revealed.status_code == 200
    assert revealed.json()["payload"]["inputs"]["monthly_household_income"] == 1523.45

    for roles in (("auditor",), (f"decision_owner@{WELFARE}",)):
        other = TestClient(client.app, headers=bearer(sessions, *roles))
        assert other.get(shown).status_code == 200  # the record itself, without inputs
        refused = other.get(shown, params={"reveal": "true"})
        assert refused.status_code == 403 and "1523" not in refused.text
        assert refused.json()["detail"]["problems"] == [{"field": "reveal", "rule": "forbidden"}]
    owner = TestClient(client.app, headers=bearer(sessions, f"decision_owner@{ALLOWANCE}"))
    assert owner.get(shown, params={"reveal": "true"}).status_code == 200
    # Each reading is processing of personal data: two readings, two records.
    read = [r for r in records(client.app.state.gateway) if r["name"] == Operation.reveal_decision]
    assert [r["attributes"]["sluis.decision"] for r in read] == [decision_uuid] * 2


def test_an_unknown_decision_id_is_404(client: TestClient) -> None:
    response = client.get(f"{URL}/01890000-0000-7000-8000-000000000000")
    assert response.status_code == 404


def test_a_retry_with_the_same_idempotency_key_returns_the_first_decision(
    client: TestClient, sessions: sessionmaker[Session]
) -> None:
    first = client.post(URL, json=single(idempotency_key="aanvraag-77"))
    again = client.post(URL, json=single(idempotency_key="aanvraag-77"))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["replayed"] is True
    assert decisions_recorded(sessions) == 1


def test_bad_inputs_are_refused_with_every_problem_and_only_an_audit_event(
    client: TestClient, sessions: sessionmaker[Session]
) -> None:
    inputs = dict(HOUSEHOLD) | {"nationality": "NL", "household_type": "commune"}
    inputs["household_assets"] = -12.5
    del inputs["receives_student_finance"]
    response = client.post(URL, json=single(inputs=inputs, subject_id="burger-geheim"))
    assert response.status_code == 422
    problems = {(p["field"], p["rule"]) for p in response.json()["detail"]["problems"]}
    assert problems == {
        ("inputs.nationality", "undeclared"),
        ("inputs.household_type", "allowed_values"),
        ("inputs.household_assets", "minimum"),
        ("inputs.receives_student_finance", "missing"),
    }
    assert "commune" not in response.text and "-12.5" not in response.text
    assert decisions_recorded(sessions) == 0
    last = last_event(sessions)
    assert last.event == "refused_input"
    trail = json.dumps(last.details)
    assert "commune" not in trail and "burger-geheim" not in trail and "NL" not in trail


@pytest.mark.parametrize(
    ("changes", "field", "rule"),
    [
        ({"algorithm": "no-such-algorithm"}, "algorithm", "unknown_profile"),
        ({"decision": "no-such-decision"}, "decision", "unknown_decision"),
        ({"algorithm": "library-overdue-reminders"}, "algorithm", "unknown_profile"),
    ],
)
def test_unknown_algorithms_and_decisions_are_422(
    client: TestClient, changes: dict[str, str], field: str, rule: str
) -> None:
    response = client.post(URL, json=single(**changes))
    assert response.status_code == 422
    (problem,) = response.json()["detail"]["problems"]
    assert (problem["field"], problem["rule"]) == (field, rule)


def test_a_malformed_request_lists_every_problem(client: TestClient) -> None:
    body = {"algorithm": ALLOWANCE, "inputs": [1, 2], "requested": "always", "extra": 1}
    response = client.post(URL, json=body)
    assert response.status_code == 422
    fields = {p["field"] for p in response.json()["detail"]["problems"]}
    assert fields == {"decision", "subject_id", "inputs", "requested", "extra"}
    blank = client.post(URL, json=single(subject_id="   "))
    assert blank.status_code == 422
    assert blank.json()["detail"]["problems"][0]["field"] == "subject_id"
    not_json = client.post(URL, content=b"{not json", headers={"content-type": "application/json"})
    assert not_json.status_code == 422
    assert not_json.json()["detail"]["problems"][0]["rule"] == "json"


def test_asking_final_for_a_risk_selection_is_refused_and_flagged(client: TestClient) -> None:
    inputs = {
        "client_id": "C-1",
        "household_type": "single",
        "months_on_benefit": 30,
        "income_changes_last_year": 4,
        "address_changes": 0,
    }
    body = {
        "algorithm": WELFARE,
        "decision": SELECT,
        "subject_id": "client-1",
        "inputs": inputs,
        "requested": "final",
    }
    response = client.post(URL, json=body)
    assert response.status_code == 201, response.text
    decided = response.json()
    assert decided["status"] == "selected_for_review"
    assert decided["refused_final"] is True
    assert decided["outcome"] == "select"


def batch(rows: list[dict[str, Any]], **changes: Any) -> dict[str, Any]:
    return {"algorithm": ALLOWANCE, "decision": GRANT, "rows": rows} | changes


def rows_with_one_bad() -> list[dict[str, Any]]:
    rows = [
        {
            "subject_id": f"burger-{i}",
            "inputs": HOUSEHOLD | {"monthly_household_income": 900.0 + i * 200},
        }
        for i in range(5)
    ]
    rows[3]["inputs"] = HOUSEHOLD | {"household_assets": "veel"}
    return rows


def test_a_batch_records_the_good_rows_and_reports_each_bad_one(
    client: TestClient, sessions: sessionmaker[Session]
) -> None:
    response = client.post(URL, json=batch(rows_with_one_bad()))
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["rows"], body["decided"], body["statuses"]) == (5, 4, {"final": 4})
    (bad,) = body["bad_rows"]
    assert bad["row"] == 3
    assert [(p["field"], p["rule"]) for p in bad["problems"]] == [("household_assets", "type")]
    assert body["decision_ids"][3] is None and all(body["decision_ids"][i] for i in (0, 1, 2, 4))
    assert decisions_recorded(sessions) == 4
    shown = client.get(f"{URL}/{body['decision_ids'][4]}").json()
    assert shown["outcome"] == "granted"  # EUR 1,700 a month: under the limit of 1,740
    assert shown["batch_id"] == body["batch_id"]


def test_an_atomic_batch_with_a_bad_row_records_nothing(
    client: TestClient, sessions: sessionmaker[Session]
) -> None:
    response = client.post(URL, json=batch(rows_with_one_bad(), atomic=True))
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [(p["row"], p["field"], p["rule"]) for p in detail["problems"]] == [
        (3, "rows.3.inputs.household_assets", "type")
    ]
    assert decisions_recorded(sessions) == 0
    assert last_event(sessions).event == "refused_input"


def test_batch_rows_replay_their_idempotency_keys(
    client: TestClient, sessions: sessionmaker[Session]
) -> None:
    rows = [
        {"subject_id": f"burger-{i}", "inputs": HOUSEHOLD, "idempotency_key": f"k-{i}"}
        for i in range(3)
    ]
    first = client.post(URL, json=batch(rows)).json()
    again = client.post(URL, json=batch(rows)).json()
    assert again["decided"] == 0
    assert {r["row"]: r["id"] for r in again["replayed"]} == dict(enumerate(first["decision_ids"]))
    assert decisions_recorded(sessions) == 3


def test_a_procedure_that_cannot_be_loaded_stops_the_app_at_start(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path, procedures=[f"{ALLOWANCE}:{GRANT}=nowhere.py:procedure"])
    with pytest.raises(ProcedureNotLoadable):
        create_app(settings, sessions)


STARTUP = textwrap.dedent(
    """
    import json, sys
    from sluis.settings import Settings
    from sluis.web.app import create_app

    settings = Settings()
    app = create_app(settings)
    state = {
        "modules": sorted(m for m in ("sklearn", "scipy", "shap") if m in sys.modules),
        "key_file": (settings.data_dir / "master.key").exists(),
        "bound": app.state.gateway.binding(sys.argv[1], sys.argv[2]) is not None,
    }
    print(json.dumps(state))
    """
)


def test_starting_the_app_with_rules_loads_no_model_libraries_and_makes_no_master_key(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    from sluis.store.db import create_engine_for, make_session_factory, migrate

    url = f"sqlite:///{tmp_path / 'sluis.db'}"
    engine = create_engine_for(url)
    migrate(engine)
    register(make_session_factory(engine), ALLOWANCE)
    engine.dispose()
    environment = {
        "PATH": "/usr/bin:/bin",
        "SLUIS_DATA_DIR": str(tmp_path),
        "SLUIS_DATABASE_URL": url,
        "SLUIS_PROCEDURES": f"{ALLOWANCE}:{GRANT}={EXAMPLES / 'municipal_allowance.py'}:procedure",
    }
    done = subprocess.run(
        [sys.executable, "-c", STARTUP, ALLOWANCE, GRANT],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    state = json.loads(done.stdout.strip().splitlines()[-1])
    assert state == {"modules": [], "key_file": False, "bound": True}
    assert not (tmp_path / "master.key").exists()


def test_an_undeclared_outcome_is_a_server_fault_and_nothing_is_recorded(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    register(sessions, ALLOWANCE)
    rules = tmp_path / "undecided.py"
    rules.write_text(
        textwrap.dedent(
            '''
            from sluis.gateway.procedures import RuleProcedure


            def undecided(ctx):
                """Never decides, which the profile does not allow."""
                ctx.check("resident", ctx["resides_in_municipality"], basis="Verordening art. 2")
                return "undecided"


            def procedure():
                return RuleProcedure(undecided, name="undecided")
            '''
        ),
        encoding="utf-8",
    )
    settings = Settings(data_dir=tmp_path, procedures=[f"{ALLOWANCE}:{GRANT}={rules}:procedure"])
    client = sign_in(TestClient(create_app(settings, sessions)), sessions)
    response = client.post(URL, json=single())
    assert response.status_code == 500
    (problem,) = response.json()["detail"]["problems"]
    assert (problem["field"], problem["rule"]) == ("outcome", "undeclared_outcome")
    assert "granted, refused" in problem["message"] and "undecided" not in response.text
    assert decisions_recorded(sessions) == 0
    assert last_event(sessions).event == "refused_outcome"
    batch = client.post(
        URL,
        json={
            "algorithm": ALLOWANCE,
            "decision": GRANT,
            "rows": [{"subject_id": "a", "inputs": HOUSEHOLD}],
        },
    )
    assert batch.status_code == 422
    assert [p["field"] for p in batch.json()["detail"]["problems"]] == ["rows.0.outcome"]


def test_the_routed_endpoint_answers_as_the_direct_path_does(client: TestClient) -> None:
    from fastapi import FastAPI

    from sluis.web import auth
    from sluis.web.api import decisions as decisions_api

    plain = FastAPI()  # the route alone, without the app's direct path in front of it
    plain.state.gateway = client.app.state.gateway  # type: ignore[attr-defined]
    plain.state.settings = client.app.state.settings  # type: ignore[attr-defined]
    plain.include_router(decisions_api.router)
    auth.install(plain, client.app.state.sessions, plain.state.settings)  # type: ignore[attr-defined]
    routed_client = TestClient(plain, headers=dict(client.headers))
    routed = routed_client.post(URL, json=single(idempotency_key="same"))
    direct = client.post(URL, json=single(idempotency_key="same"))
    assert (routed.status_code, direct.status_code) == (201, 200)
    assert direct.json()["id"] == routed.json()["id"] and direct.json()["replayed"]
    refused = routed_client.post(URL, json=single(inputs={}))
    assert refused.status_code == 422
    assert refused.json() == client.post(URL, json=single(inputs={})).json()
