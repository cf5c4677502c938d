"""The gateway service: decisions recorded lawfully, encrypted, audited and idempotent.

Read as the specification of ``Gateway``. Every test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.audit import read_events, verify_chain
from sluis.gateway.batch import BatchRefused
from sluis.gateway.contract import InputsRefused, UnknownDecision
from sluis.gateway.crypto import KeyRing
from sluis.gateway.payloads import COLUMNS_FORMAT, JSON_FORMAT
from sluis.gateway.procedures import ModelProcedure, RuleContext, RuleProcedure
from sluis.gateway.records import records_digest
from sluis.gateway.service import (
    DecisionNotFound,
    DecisionUnavailable,
    Gateway,
    ProcedureRefused,
)
from sluis.profiles.model import AlgorithmProfile
from sluis.settings import Settings
from sluis.store.tables.gateway import AuditEventRow, DecisionRow, SubjectKeyRow

Sessions = sessionmaker[Session]
MASTER = bytes(range(32))

AUTOMATED = {
    "effect": "legal",
    "human_involvement": "none",
    "profiling": False,
    "bound_power": True,
    "necessity": "public_task",
    "explicit_consent": False,
    "risk_selection": False,
    "third_party_score": False,
}
FIELDS = ["income", "household", "housing"]


def profile_document(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": "allowance",
        "name": "Energietoeslag",
        "controller": {"name": "Gemeente Voorbeeld", "administrative_body": True},
        "legal_basis": {"article6": "public_task", "law": "Verordening energietoeslag"},
        "data_fields": [
            {"name": "income", "type": "number", "category": "income", "minimum": 0},
            {
                "name": "household",
                "type": "integer",
                "category": "household",
                "minimum": 1,
                "maximum": 20,
            },
            {
                "name": "housing",
                "type": "category",
                "category": "housing",
                "allowed_values": ["own", "rent"],
            },
            {
                "name": "health",
                "type": "string",
                "category": "health",
                "special_category": "health",
                "art9_exception": "h",
                "optional": True,
            },
        ],
        "decisions": [
            {
                "id": "grant",
                "description": "Grant by fixed rules",
                **AUTOMATED,
                "uses_fields": FIELDS,
            },
            # Health data in a solely automated decision: art. 22(4) forbids it.
            {"id": "screen", "description": "Screen with health data", **AUTOMATED},
            {
                "id": "assess",
                "description": "Proposal for a case worker",
                **AUTOMATED,
                "human_involvement": "meaningful",
                "human_stage": "before_effect",
            },
            {
                "id": "select",
                "description": "Select files for a closer look",
                **AUTOMATED,
                "risk_selection": True,
                "human_involvement": "meaningful",
                "human_stage": "before_effect",
                "consequences_only_after_review": True,
            },
            {"id": "score", "description": "A model score", **AUTOMATED, "uses_fields": FIELDS},
        ],
    }
    document.update(changes)
    return document


def allowance_rules(ctx: RuleContext) -> str:
    """Grant the allowance to households with a low income per person."""
    per_person = ctx["income"] / ctx["household"]
    low = ctx.check("low_income", per_person <= 900, "Verordening energietoeslag art. 3")
    tenant = ctx.check("tenant", ctx["housing"] == "rent", "Verordening energietoeslag art. 4")
    return "granted" if low and tenant else "refused"


def reads_too_much(ctx: RuleContext) -> str:
    return "x" if ctx.check("c", True, "art. 1") else "y"


RULES = RuleProcedure(allowance_rules, "allowance")


def trained_model() -> ModelProcedure:
    rng = np.random.default_rng(7)
    frame = pd.DataFrame(
        {
            "income": rng.uniform(500, 4000, 400),
            "household": rng.integers(1, 6, 400),
            "housing": rng.choice(["own", "rent"], 400),
        }
    )
    target = ((frame["income"] / frame["household"]) < 1000).astype(int)
    pipeline = Pipeline(
        [
            (
                "prepare",
                ColumnTransformer(
                    [
                        ("numbers", StandardScaler(), ["income", "household"]),
                        ("housing", OneHotEncoder(), ["housing"]),
                    ]
                ),
            ),
            ("model", LogisticRegression()),
        ]
    ).fit(frame, target)
    return ModelProcedure(pipeline, FIELDS, 0.5, "granted", "refused", background=frame)


MODEL = trained_model()
GOOD = {"income": 1500.0, "household": 3, "housing": "rent"}


@pytest.fixture
def gateway(sessions: Sessions, tmp_path: Path) -> Gateway:
    register_and_assess(sessions, AlgorithmProfile.model_validate(profile_document()))
    gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
    for decision in ("grant", "screen", "assess", "select"):
        gateway.register_procedure("allowance", decision, RULES)
    gateway.register_procedure("allowance", "score", MODEL)
    return gateway


def events(sessions: Sessions, kind: str | None = None) -> list[Any]:
    found = read_events(sessions, limit=10_000)
    return [e for e in found if kind is None or e.event == kind]


def count(sessions: Sessions, table: type) -> int:
    with sessions.begin() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


# -- routing -----------------------------------------------------------------------------


class TestRouting:
    def test_final_only_where_the_law_allows_a_solely_automated_decision(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        final = gateway.decide("allowance", "grant", "123456782", GOOD)
        assert final.status == "final" and final.is_final
        assert final.outcome == "granted" and final.decided_at is not None
        assert [r["code"] for r in final.route_reasons] == ["exception_allows"]

        proposal = gateway.decide("allowance", "assess", "123456782", GOOD)
        assert proposal.status == "pending_review" and proposal.decided_at is None
        assert [r["code"] for r in proposal.route_reasons] == ["human_review_before_effect"]

        selected = gateway.decide("allowance", "select", "123456782", GOOD)
        assert selected.status == "selected_for_review"

        forbidden = gateway.decide("allowance", "screen", "123456782", GOOD)
        assert forbidden.status == "pending_review"
        assert [r["code"] for r in forbidden.route_reasons] == ["prohibited"]

        recorded = {e.decision_uuid: e.event for e in events(sessions)}
        assert recorded[final.decision_uuid] == "decided"
        assert recorded[proposal.decision_uuid] == "routed_for_review"
        assert recorded[selected.decision_uuid] == "routed_for_review"

    def test_asking_for_final_where_the_law_forbids_it_is_refused_and_recorded(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        record = gateway.decide("allowance", "assess", "123456782", GOOD, requested="final")
        assert record.status == "pending_review" and record.refused_final
        refused = events(sessions, "refused_final")
        assert [e.decision_uuid for e in refused] == [record.decision_uuid]
        assert refused[0].details["status"] == "pending_review"

    def test_a_human_review_may_be_asked_for_where_automation_is_allowed(
        self, gateway: Gateway
    ) -> None:
        record = gateway.decide("allowance", "grant", "1", GOOD, requested="review")
        assert record.status == "pending_review" and not record.refused_final

    def test_a_model_decision_carries_exact_contributions(self, gateway: Gateway) -> None:
        record = gateway.decide("allowance", "score", "1", GOOD)
        assert record.status == "final" and record.score is not None
        assert record.payload is not None
        explanation = record.payload.evaluation.explanation
        assert explanation.kind.value == "linear_contributions"
        total = sum(explanation.contributions().values())
        assert total == pytest.approx(explanation.value - explanation.base)


# -- refusals ----------------------------------------------------------------------------


class TestRefusals:
    def test_bad_inputs_are_refused_with_every_problem_and_only_an_audit_event(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        bad = {"income": -5.0, "household": "two", "health": "diabetes", "partner_name": "Jan"}
        with pytest.raises(InputsRefused) as caught:
            gateway.decide("allowance", "screen", "123456782", bad)
        problems = {(p.field, p.rule) for p in caught.value.problems}
        assert problems == {
            ("income", "minimum"),
            ("household", "type"),
            ("housing", "missing"),
            ("health", "special_category"),
            ("partner_name", "undeclared"),
        }
        assert count(sessions, DecisionRow) == 0
        assert count(sessions, SubjectKeyRow) == 0
        (refusal,) = events(sessions, "refused_input")
        text = json.dumps(refusal.details)
        for secret in ("diabetes", "Jan", "partner_name", "two", "-5", "123456782"):
            assert secret not in text
        assert {(p["field"], p["rule"]) for p in refusal.details["problems"]} == {
            ("income", "minimum"),
            ("household", "type"),
            ("housing", "missing"),
            ("health", "special_category"),
            (None, "undeclared"),
        }

    def test_a_value_the_model_never_saw_is_refused_like_bad_input(
        self, gateway: Gateway, sessions: Sessions, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from sluis.gateway.linear import FeatureValueError

        def unseen(inputs: Any) -> Any:
            raise FeatureValueError("housing", "unknown_category")

        monkeypatch.setattr(MODEL, "evaluate", unseen)
        with pytest.raises(InputsRefused) as caught:
            gateway.decide("allowance", "score", "1", GOOD)
        assert [(p.field, p.rule) for p in caught.value.problems] == [
            ("housing", "unknown_category")
        ]
        assert count(sessions, DecisionRow) == 0

    @pytest.mark.parametrize(
        ("profile_id", "decision_id", "reason"),
        [
            ("nobody-knows", "grant", "unknown_profile"),
            ("allowance", "made-up", "unknown_decision"),
        ],
    )
    def test_unknown_algorithms_and_decisions_are_refused_and_recorded(
        self, gateway: Gateway, sessions: Sessions, profile_id: str, decision_id: str, reason: str
    ) -> None:
        with pytest.raises(DecisionUnavailable) as caught:
            gateway.decide(profile_id, decision_id, "1", GOOD)
        assert caught.value.reason == reason
        (refusal,) = events(sessions, "refused_request")
        assert refusal.details == {"reason": reason}
        assert count(sessions, DecisionRow) == 0

    def test_a_decision_without_a_procedure_is_refused(
        self, sessions: Sessions, tmp_path: Path
    ) -> None:
        register_and_assess(sessions, AlgorithmProfile.model_validate(profile_document()))
        gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
        with pytest.raises(DecisionUnavailable, match="no procedure"):
            gateway.decide("allowance", "grant", "1", GOOD)
        (refusal,) = events(sessions, "refused_request")
        assert refusal.details == {"reason": "no_procedure", "decision_id": "grant"}

    @pytest.mark.parametrize(
        ("subject", "key", "requested"),
        [("", None, "auto"), ("1", "k" * 201, "auto"), ("1", None, "now!"), (None, None, "auto")],
    )
    def test_malformed_requests_are_refused_before_anything_happens(
        self, gateway: Gateway, sessions: Sessions, subject: Any, key: Any, requested: str
    ) -> None:
        before = len(events(sessions))
        with pytest.raises(ValueError):
            gateway.decide("allowance", "grant", subject, GOOD, key, requested)
        assert len(events(sessions)) == before


# -- procedures --------------------------------------------------------------------------


class TestProcedures:
    def test_a_procedure_is_bound_to_the_newest_version_and_recorded(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        binding = gateway.binding("allowance", "grant")
        assert binding is not None and binding.profile_version == 1
        registered = events(sessions, "procedure_registered")
        assert len(registered) == 5
        assert registered[0].details["procedure_version"] == RULES.version

    def test_registering_for_an_unknown_decision_is_refused(self, gateway: Gateway) -> None:
        with pytest.raises(UnknownDecision):
            gateway.register_procedure("allowance", "made-up", RULES)

    def test_a_procedure_reading_undeclared_fields_is_refused(self, gateway: Gateway) -> None:
        reader = RuleProcedure(reads_too_much, "reader", fields=["income", "bank_account"])
        with pytest.raises(ProcedureRefused, match="bank_account"):
            gateway.register_procedure("allowance", "grant", reader)

    def test_a_new_profile_version_rebinds_the_procedure_before_deciding(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        changed = profile_document(name="Energietoeslag 2025")
        register_and_assess(sessions, AlgorithmProfile.model_validate(changed))
        record = gateway.decide("allowance", "grant", "1", GOOD)
        assert record.profile_version == 2
        assert gateway.binding("allowance", "grant").profile_version == 2  # type: ignore[union-attr]

    def test_a_new_version_without_the_decision_stops_its_procedure(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        document = profile_document()
        document["decisions"] = [d for d in document["decisions"] if d["id"] != "grant"]
        register_and_assess(sessions, AlgorithmProfile.model_validate(document))
        with pytest.raises(DecisionUnavailable) as caught:
            gateway.decide("allowance", "grant", "1", GOOD)
        assert caught.value.reason == "procedure_outdated"
        assert count(sessions, DecisionRow) == 0


# -- idempotency -------------------------------------------------------------------------


class TestIdempotency:
    def test_a_retry_with_the_same_key_returns_the_first_decision(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        first = gateway.decide("allowance", "grant", "1", GOOD, idempotency_key="req-1")
        again = gateway.decide("allowance", "grant", "1", GOOD, idempotency_key="req-1")
        assert again.decision_uuid == first.decision_uuid
        assert again.replayed and not first.replayed
        assert again.payload == first.payload
        other = gateway.decide("allowance", "grant", "1", GOOD, idempotency_key="req-2")
        assert other.decision_uuid != first.decision_uuid
        assert count(sessions, DecisionRow) == 2

    def test_racing_retries_make_one_decision(self, gateway: Gateway, sessions: Sessions) -> None:
        workers = 4
        barrier = threading.Barrier(workers)
        ids: list[str] = []
        errors: list[BaseException] = []

        def call() -> None:
            try:
                barrier.wait(timeout=10)
                record = gateway.decide("allowance", "grant", "1", GOOD, idempotency_key="race")
                ids.append(record.decision_uuid)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=call) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert errors == []
        assert len(ids) == workers and len(set(ids)) == 1
        assert count(sessions, DecisionRow) == 1
        assert verify_chain(sessions).ok

    def test_the_unique_constraint_decides_when_a_writer_bypasses_the_lock(
        self, gateway: Gateway, sessions: Sessions, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        first = gateway.decide("allowance", "grant", "1", GOOD, idempotency_key="late")
        import sluis.gateway.service as service

        # The look-up misses (as for a writer that did not take the chain lock)...
        monkeypatch.setattr(service, "_FIND_BY_KEY", service._FIND_BY_KEY.where(False))
        again = gateway.decide("allowance", "grant", "1", GOOD, idempotency_key="late")
        # ...and the insert's unique violation hands back the winner.
        assert again.decision_uuid == first.decision_uuid and again.replayed
        assert count(sessions, DecisionRow) == 1


# -- records, encryption and erasure -----------------------------------------------------


class TestRecords:
    def test_the_payload_is_stored_encrypted_and_read_only_when_asked(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        record = gateway.decide("allowance", "grant", "123456782", GOOD)
        with sessions.begin() as session:
            row = session.get(DecisionRow, record.decision_uuid)
            assert row is not None
            assert b"rent" not in row.payload_ciphertext and b"1500" not in row.payload_ciphertext
            assert row.subject_pseudonym == KeyRing(MASTER).pseudonym("123456782")
            assert row.procedure_version == RULES.version
        plain = gateway.get_decision(record.decision_uuid)
        assert plain.payload is None and not plain.erased
        revealed = gateway.get_decision(record.decision_uuid, reveal=True)
        assert revealed.payload is not None
        assert revealed.payload.inputs == GOOD
        trace = revealed.payload.evaluation.explanation.entries
        assert [(c.name, c.value) for c in trace] == [("low_income", True), ("tenant", True)]
        assert revealed.payload.evaluation.outcome == record.outcome == "granted"

    def test_an_unknown_decision_id_is_not_found(self, gateway: Gateway) -> None:
        with pytest.raises(DecisionNotFound):
            gateway.get_decision("00000000-0000-7000-8000-000000000000")

    def test_shredding_a_subject_erases_their_records_only(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        mine = [gateway.decide("allowance", d, "alice", GOOD) for d in ("grant", "score")]
        theirs = gateway.decide("allowance", "grant", "bob", GOOD)
        assert gateway.shred("alice") == 2
        for record in mine:
            erased = gateway.get_decision(record.decision_uuid, reveal=True)
            assert erased.erased and erased.payload is None
            assert erased.outcome is None and erased.score is None
            assert erased.status == record.status  # that a decision was taken stays known
        kept = gateway.get_decision(theirs.decision_uuid, reveal=True)
        assert not kept.erased and kept.payload is not None
        (erasure,) = events(sessions, "subject_erased")
        assert erasure.details == {"keys_destroyed": 1, "records": 2}
        assert gateway.shred("alice") == 0

    def test_after_shredding_a_new_decision_gets_a_new_key(self, gateway: Gateway) -> None:
        old = gateway.decide("allowance", "grant", "alice", GOOD)
        gateway.shred("alice")
        new = gateway.decide("allowance", "grant", "alice", GOOD)
        assert gateway.get_decision(new.decision_uuid, reveal=True).payload is not None
        assert gateway.get_decision(old.decision_uuid, reveal=True).erased

    def test_another_process_with_the_master_key_reads_the_records(
        self, gateway: Gateway, sessions: Sessions, tmp_path: Path
    ) -> None:
        record = gateway.decide("allowance", "score", "1", GOOD)
        other = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
        assert other.get_decision(record.decision_uuid, reveal=True).payload == record.payload

    def test_the_audit_trail_verifies_and_names_nobody(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        gateway.decide("allowance", "grant", "123456782", GOOD)
        gateway.decide("allowance", "assess", "123456782", GOOD, requested="final")
        with pytest.raises(InputsRefused):
            gateway.decide("allowance", "grant", "123456782", {**GOOD, "income": -1.0})
        gateway.shred("123456782")
        assert verify_chain(sessions).ok
        pseudonym = KeyRing(MASTER).pseudonym("123456782")
        text = json.dumps([e.details for e in events(sessions)])
        for secret in ("123456782", pseudonym, "1500", "rent", "granted", 'refused"'):
            assert secret not in text

    def test_the_decided_event_vouches_for_the_stored_record(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        record = gateway.decide("allowance", "grant", "1", GOOD)
        (event,) = [e for e in events(sessions) if e.decision_uuid == record.decision_uuid]
        assert event.seq == record.audit_seq
        with sessions.begin() as session:
            row = session.get(DecisionRow, record.decision_uuid)
            assert row is not None and row.audit_seq == event.seq
            binding = (row.profile_id, row.profile_version, row.decision_id, row.procedure_version)
            digest = records_digest(
                binding, [row.id], [row.subject_pseudonym], [row.key_id], [row.payload_ciphertext]
            )
        assert event.details["digest"] == digest
        with sessions.begin() as session:
            session.execute(update(DecisionRow).values(payload_ciphertext=b"\x00" * 60))
        with sessions.begin() as session:
            row = session.get(DecisionRow, record.decision_uuid)
            assert row is not None
            tampered = records_digest(
                binding, [row.id], [row.subject_pseudonym], [row.key_id], [row.payload_ciphertext]
            )
        assert tampered != event.details["digest"]


# -- batches -----------------------------------------------------------------------------


def batch_frame(rows: int, bad: dict[int, dict[str, Any]] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "subject_id": [f"subject-{i}" for i in range(rows)],
            "income": [800.0 + 150 * i for i in range(rows)],
            "household": [1 + i % 4 for i in range(rows)],
            "housing": ["rent" if i % 3 else "own" for i in range(rows)],
        }
    )
    for row, values in (bad or {}).items():
        for column, value in values.items():
            if column not in frame.columns:
                frame[column] = None
            frame[column] = frame[column].astype(object)
            frame.at[row, column] = value
    return frame


class TestBatches:
    def test_good_rows_are_recorded_and_bad_rows_reported_each_with_every_problem(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        frame = batch_frame(10, {2: {"income": -1.0, "household": 0}, 7: {"subject_id": None}})
        result = gateway.decide_batch("allowance", "score", frame, chunk_size=4)
        assert result.rows == 10 and result.decided == 8
        assert sorted(result.bad_rows) == [2, 7]
        assert {(p.field, p.rule) for p in result.bad_rows[2]} == {
            ("income", "minimum"),
            ("household", "minimum"),
        }
        assert [(p.field, p.rule) for p in result.bad_rows[7]] == [("subject_id", "missing")]
        assert result.statuses == {"final": 8}
        assert [i is None for i in result.decision_ids] == [i in (2, 7) for i in range(10)]
        assert count(sessions, DecisionRow) == 8
        chunks = events(sessions, "batch_decided")
        assert [e.details["rows"] for e in chunks] == [3, 3, 2]
        assert [e.details["first_row"] for e in chunks] == [0, 4, 8]
        refusals = events(sessions, "refused_input")
        assert [e.details["rows"] for e in refusals] == [1, 1]
        assert verify_chain(sessions).ok

    def test_each_chunk_event_vouches_for_its_records(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        gateway.decide_batch("allowance", "grant", batch_frame(7), chunk_size=3)
        for event in events(sessions, "batch_decided"):
            with sessions.begin() as session:
                rows = session.scalars(
                    select(DecisionRow)
                    .where(DecisionRow.audit_seq == event.seq)
                    .order_by(DecisionRow.id)
                ).all()
                binding = ("allowance", 1, "grant", RULES.version)
                digest = records_digest(
                    binding,
                    [r.id for r in rows],
                    [r.subject_pseudonym for r in rows],
                    [r.key_id for r in rows],
                    [r.payload_ciphertext for r in rows],
                )
            assert len(rows) == event.details["rows"]
            assert [rows[0].id, rows[-1].id] == [
                event.details["first_decision"],
                event.details["last_decision"],
            ]
            assert digest == event.details["digest"]

    @pytest.mark.parametrize("decision", ["score", "grant"])
    def test_a_batch_row_reads_back_as_the_same_decision_taken_alone(
        self, gateway: Gateway, sessions: Sessions, decision: str
    ) -> None:
        frame = batch_frame(5)
        result = gateway.decide_batch("allowance", decision, frame)
        single = gateway.decide(
            "allowance", decision, "x", frame.drop(columns="subject_id").iloc[3].to_dict()
        )
        batch_id = result.decision_ids[3]
        assert batch_id is not None
        from_batch = gateway.get_decision(batch_id, reveal=True)
        assert from_batch.payload is not None and single.payload is not None
        assert from_batch.payload.inputs == single.payload.inputs
        assert from_batch.outcome == single.outcome
        mine, theirs = from_batch.payload.evaluation, single.payload.evaluation
        assert mine.outcome == theirs.outcome
        assert mine.score == pytest.approx(theirs.score)
        assert mine.explanation.kind == theirs.explanation.kind
        if decision == "score":
            assert mine.explanation.contributions() == pytest.approx(
                theirs.explanation.contributions()
            )
        else:
            assert mine.explanation.entries == theirs.explanation.entries
        with sessions.begin() as session:
            row = session.get(DecisionRow, batch_id)
            assert row is not None and row.batch_id == result.batch_id
            key = KeyRing(MASTER)
            plaintext = key.decrypt(
                key.unwrap(
                    row.subject_pseudonym,
                    row.key_id,
                    session.get(SubjectKeyRow, row.subject_pseudonym).wrapped_key,  # type: ignore[union-attr,arg-type]
                ),
                row.payload_ciphertext,
                row.id.encode(),
            )
        assert plaintext[0] == (COLUMNS_FORMAT if decision == "score" else JSON_FORMAT)

    def test_an_arrow_table_is_decided_like_a_data_frame(self, gateway: Gateway) -> None:
        result = gateway.decide_batch(
            "allowance", "score", pa.Table.from_pandas(batch_frame(6)), chunk_size=4
        )
        assert result.decided == 6 and result.bad_rows == {}

    def test_an_atomic_batch_with_a_bad_row_records_nothing_but_the_refusal(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        frame = batch_frame(9, {5: {"housing": "castle"}})
        with pytest.raises(BatchRefused) as caught:
            gateway.decide_batch("allowance", "score", frame, atomic=True, chunk_size=4)
        assert list(caught.value.bad_rows) == [5]
        assert [(p.field, p.rule) for p in caught.value.bad_rows[5]] == [
            ("housing", "allowed_values")
        ]
        assert count(sessions, DecisionRow) == 0
        assert count(sessions, SubjectKeyRow) == 0
        (refusal,) = events(sessions, "refused_input")
        assert refusal.details["atomic"] is True and refusal.details["rows"] == 1
        assert "castle" not in json.dumps(refusal.details)
        assert events(sessions, "batch_decided") == []

    def test_an_atomic_batch_without_bad_rows_is_recorded_whole(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        result = gateway.decide_batch(
            "allowance", "assess", batch_frame(7), atomic=True, chunk_size=3
        )
        assert result.decided == 7 and result.statuses == {"pending_review": 7}
        assert count(sessions, DecisionRow) == 7

    def test_a_repeated_batch_with_keys_decides_nothing_twice(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        frame = batch_frame(6)
        frame["request"] = [f"r{i % 5}" for i in range(6)]  # rows 0 and 5 share a key
        first = gateway.decide_batch(
            "allowance", "grant", frame, idempotency_column="request", chunk_size=4
        )
        assert first.decided == 5 and first.replayed == {5: first.decision_ids[0]}
        again = gateway.decide_batch(
            "allowance", "grant", frame, idempotency_column="request", chunk_size=4
        )
        assert again.decided == 0
        assert again.replayed == {i: first.decision_ids[i % 5] for i in range(6)}
        assert count(sessions, DecisionRow) == 5

    def test_a_batch_without_the_subject_column_is_refused(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        with pytest.raises(BatchRefused):
            gateway.decide_batch("allowance", "grant", batch_frame(3).drop(columns="subject_id"))
        assert count(sessions, DecisionRow) == 0
        assert len(events(sessions, "refused_input")) == 1

    def test_a_batch_asking_final_where_not_allowed_counts_the_refusals(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        result = gateway.decide_batch("allowance", "assess", batch_frame(4), requested="final")
        assert result.refused_final == 4 and result.statuses == {"pending_review": 4}
        (event,) = events(sessions, "batch_decided")
        assert event.details["refused_final"] == 4

    def test_progress_is_reported_per_chunk(self, gateway: Gateway) -> None:
        seen: list[tuple[int, int]] = []
        gateway.decide_batch(
            "allowance",
            "grant",
            batch_frame(7),
            chunk_size=3,
            on_chunk=lambda report: seen.append((report.first_row, report.decided)),
        )
        assert seen == [(0, 3), (3, 6), (6, 7)]

    def test_a_subject_in_several_chunks_keeps_one_key(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        frame = batch_frame(6)
        frame["subject_id"] = ["alice", "bob", "alice", "bob", "carol", "alice"]
        result = gateway.decide_batch("allowance", "score", frame, chunk_size=2)
        assert result.decided == 6
        assert count(sessions, SubjectKeyRow) == 3
        for decision_uuid in result.decision_ids:
            assert gateway.get_decision(decision_uuid, reveal=True).payload is not None  # type: ignore[arg-type]

    def test_subjects_seen_chunks_ago_or_shredded_keep_one_live_key(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        # After a chunk of new subjects the next chunks skip looking keys up: a subject met
        # again further on (or one shredded before) must still end up with one live key.
        gateway.decide("allowance", "grant", "erin", GOOD)
        gateway.shred("erin")
        frame = batch_frame(8)
        frame["subject_id"] = ["ann", "bob", "cas", "dirk", "ann", "erin", "fay", "bob"]
        result = gateway.decide_batch("allowance", "score", frame, chunk_size=2)
        assert result.decided == 8
        assert count(sessions, SubjectKeyRow) == 6
        for decision_uuid in result.decision_ids:
            assert gateway.get_decision(decision_uuid, reveal=True).payload is not None  # type: ignore[arg-type]
        assert gateway.shred("ann") == 2 and gateway.shred("erin") == 1
        assert verify_chain(sessions).ok

    def test_a_key_stored_by_another_writer_meanwhile_is_used_instead(
        self, gateway: Gateway, sessions: Sessions, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        earlier = gateway.decide("allowance", "grant", "subject-1", GOOD)
        real_known = gateway.keys.known
        calls: list[int] = []

        def stale(tx: Any, pseudonyms: Any) -> Any:
            calls.append(1)
            return {} if len(calls) == 1 else real_known(tx, pseudonyms)  # first look: too early

        monkeypatch.setattr(gateway.keys, "known", stale)
        result = gateway.decide_batch("allowance", "grant", batch_frame(3), chunk_size=10)
        assert result.decided == 3 and len(calls) == 2
        assert count(sessions, SubjectKeyRow) == 3
        for decision_uuid in [earlier.decision_uuid, *result.decision_ids]:
            assert gateway.get_decision(decision_uuid, reveal=True).payload is not None  # type: ignore[arg-type]
        assert verify_chain(sessions).ok

    def test_shredding_erases_batch_records_too(self, gateway: Gateway) -> None:
        result = gateway.decide_batch("allowance", "score", batch_frame(3))
        gateway.shred("subject-1")
        assert gateway.get_decision(result.decision_ids[1], reveal=True).erased  # type: ignore[arg-type]
        assert not gateway.get_decision(result.decision_ids[2], reveal=True).erased  # type: ignore[arg-type]


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("profile_file", "module_file"),
    [
        ("german-credit.yaml", "german_credit.py"),
        ("municipal-energy-allowance.yaml", "municipal_allowance.py"),
    ],
)
def test_the_examples_are_final_until_their_profile_puts_a_human_first(
    sessions: Sessions, tmp_path: Path, profile_file: str, module_file: str
) -> None:
    from sluis.gateway.loading import load_file
    from sluis.profiles.validation import parse_profile_text

    module = load_file(EXAMPLES / module_file)
    profile = parse_profile_text((EXAMPLES / profile_file).read_text(encoding="utf-8"))
    register_and_assess(sessions, profile)
    gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
    gateway.register_procedure(module.PROFILE_ID, module.DECISION_ID, module.procedure())
    (subject, inputs), *_ = module.sample_cases()
    record = gateway.decide(module.PROFILE_ID, module.DECISION_ID, subject, inputs)
    assert record.status == "final"

    document = profile.model_dump(mode="json", exclude_none=True)
    for decision in document["decisions"]:
        if decision["id"] == module.DECISION_ID:
            decision.update(human_involvement="meaningful", human_stage="before_effect")
    register_and_assess(sessions, AlgorithmProfile.model_validate(document))
    reviewed = gateway.decide(module.PROFILE_ID, module.DECISION_ID, subject, inputs)
    assert reviewed.status == "pending_review" and reviewed.profile_version == 2
    assert reviewed.outcome == record.outcome  # the same proposal, now waiting for a human
    assert verify_chain(sessions).ok


def test_the_gateway_needs_a_bound_session_factory(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        Gateway(sessionmaker(), Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))


def test_tampering_with_a_stored_record_makes_it_unreadable(
    gateway: Gateway, sessions: Sessions
) -> None:
    from sluis.gateway.crypto import PayloadUnreadable

    record = gateway.decide("allowance", "grant", "1", GOOD)
    other = gateway.decide("allowance", "grant", "1", {**GOOD, "income": 100.0})
    with sessions.begin() as session:
        stolen = session.get(DecisionRow, other.decision_uuid).payload_ciphertext  # type: ignore[union-attr]
        session.execute(
            update(DecisionRow)
            .where(DecisionRow.id == record.decision_uuid)
            .values(payload_ciphertext=stolen)
        )
    with pytest.raises(PayloadUnreadable):
        gateway.get_decision(record.decision_uuid, reveal=True)
    assert count(sessions, AuditEventRow) > 0


def test_the_master_key_file_is_made_when_the_first_decision_needs_it(
    sessions: Sessions, tmp_path: Path
) -> None:
    register_and_assess(sessions, AlgorithmProfile.model_validate(profile_document()))
    key_file = tmp_path / "master.key"
    gateway = Gateway(sessions, Settings(data_dir=tmp_path))
    gateway.register_procedure("allowance", "grant", RULES)
    with pytest.raises(InputsRefused):
        gateway.decide("allowance", "grant", "1", {})
    assert not key_file.exists()
    record = gateway.decide("allowance", "grant", "1", GOOD)
    assert key_file.exists()
    later = Gateway(sessions, Settings(data_dir=tmp_path))  # reads the same key at start
    assert later.get_decision(record.decision_uuid, reveal=True).payload == record.payload


# -- declared outcomes ---------------------------------------------------------------------


def unsure_rules(ctx: RuleContext) -> str:
    """Grant, refuse, or (wrongly) an outcome the profile does not declare."""
    if ctx.check("very_low_income", ctx["income"] < 500, "Verordening energietoeslag art. 3"):
        return "maybe-later"
    return "granted" if ctx["housing"] == "rent" else "refused"


def declaring(outcomes: list[str]) -> dict[str, Any]:
    document = profile_document()
    for decision in document["decisions"]:
        decision["outcomes"] = [{"value": o, "favourable": o == "granted"} for o in outcomes]
    return document


class TestDeclaredOutcomes:
    def test_a_model_whose_outcomes_are_not_declared_is_refused_when_bound(
        self, sessions: Sessions, tmp_path: Path
    ) -> None:
        register_and_assess(sessions, AlgorithmProfile.model_validate(declaring(["yes", "no"])))
        gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
        with pytest.raises(ProcedureRefused) as caught:
            gateway.register_procedure("allowance", "score", MODEL)
        assert [(p.field, p.rule) for p in caught.value.problems] == [
            ("positive", "undeclared_outcome"),
            ("negative", "undeclared_outcome"),
        ]
        assert "no, yes" in str(caught.value)
        assert events(sessions, "procedure_registered") == []

    def test_a_model_whose_outcomes_are_declared_is_bound(
        self, sessions: Sessions, tmp_path: Path
    ) -> None:
        document = declaring(["granted", "refused", "postponed"])
        register_and_assess(sessions, AlgorithmProfile.model_validate(document))
        gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
        gateway.register_procedure("allowance", "score", MODEL)
        assert gateway.decide("allowance", "score", "1", GOOD).outcome in ("granted", "refused")

    def test_a_rule_returning_an_undeclared_outcome_is_refused_and_nothing_recorded(
        self, sessions: Sessions, tmp_path: Path
    ) -> None:
        from sluis.gateway.outcomes import UndeclaredOutcome

        register_and_assess(
            sessions, AlgorithmProfile.model_validate(declaring(["granted", "refused"]))
        )
        gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
        gateway.register_procedure("allowance", "grant", RuleProcedure(unsure_rules, "unsure"))
        assert gateway.decide("allowance", "grant", "1", GOOD).outcome == "granted"
        with pytest.raises(UndeclaredOutcome, match="granted, refused") as caught:
            gateway.decide("allowance", "grant", "2", {**GOOD, "income": 100.0})
        assert "maybe-later" not in str(caught.value)
        assert count(sessions, DecisionRow) == 1
        assert count(sessions, SubjectKeyRow) == 1
        (refusal,) = events(sessions, "refused_outcome")
        assert refusal.details == {
            "decision_id": "grant",
            "profile_version": 1,
            "procedure_version": RuleProcedure(unsure_rules, "unsure").version,
            "rows": 1,
        }
        assert events(sessions, "refused_input") == []
        assert verify_chain(sessions).ok

    def test_batch_rows_with_an_undeclared_outcome_are_refused_rows(
        self, sessions: Sessions, tmp_path: Path
    ) -> None:
        register_and_assess(
            sessions, AlgorithmProfile.model_validate(declaring(["granted", "refused"]))
        )
        gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
        gateway.register_procedure("allowance", "grant", RuleProcedure(unsure_rules, "unsure"))
        frame = batch_frame(6, {1: {"income": 100.0}, 4: {"income": 50.0}, 5: {"income": -1.0}})
        result = gateway.decide_batch("allowance", "grant", frame, chunk_size=4)
        assert result.decided == 3 and sorted(result.bad_rows) == [1, 4, 5]
        assert [(p.field, p.rule) for p in result.bad_rows[4]] == [
            ("(outcome)", "undeclared_outcome")
        ]
        assert [(p.field, p.rule) for p in result.bad_rows[5]] == [("income", "minimum")]
        assert count(sessions, DecisionRow) == 3
        assert [e.details["rows"] for e in events(sessions, "refused_outcome")] == [1, 1]
        assert [e.details["rows"] for e in events(sessions, "refused_input")] == [1]
        with pytest.raises(BatchRefused) as caught:
            gateway.decide_batch("allowance", "grant", frame.head(3), atomic=True)
        assert list(caught.value.bad_rows) == [1]
        assert count(sessions, DecisionRow) == 3
        assert events(sessions, "refused_outcome")[-1].details["atomic"] is True
        assert verify_chain(sessions).ok


# -- per-row results of a batch ------------------------------------------------------------


class TestBatchRows:
    def test_every_row_has_its_decision_status_outcome_and_score(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        frame = batch_frame(6, {2: {"income": -1.0}})
        result = gateway.decide_batch("allowance", "score", frame, chunk_size=4)
        for i in (0, 1, 3, 4, 5):
            row = result.row(i)
            stored = gateway.get_decision(row.decision_id)  # type: ignore[arg-type]
            assert (row.status, row.outcome, row.replayed) == ("final", stored.outcome, False)
            assert row.score == pytest.approx(stored.score) and row.problems == ()
        bad = result.row(2)
        assert (bad.decision_id, bad.status, bad.outcome, bad.score) == (
            None,
            "refused",
            None,
            None,
        )
        assert [(p.field, p.rule) for p in bad.problems] == [("income", "minimum")]
        table = result.rows_frame(first_row=100)
        assert table["row"].tolist() == list(range(100, 106))
        assert table["status"].tolist() == ["final"] * 2 + ["refused"] + ["final"] * 3
        assert table["decision_id"].isna().tolist() == [i == 2 for i in range(6)]
        assert table["decision_id"].dropna().tolist() == [i for i in result.decision_ids if i]
        assert table["outcome"].dropna().tolist() == [
            result.row(i).outcome for i in (0, 1, 3, 4, 5)
        ]
        assert table["problems"][2].startswith("income: ") and "[minimum]" in table["problems"][2]
        assert table["problems"].isna().tolist() == [True, True, False, True, True, True]
        # Per-row results are arrays, not a Python object per row.
        assert result.ids.dtype == np.dtype("S36") and result.scores.dtype == np.float64
        assert result.explanations is None

    def test_rule_rows_have_no_score_and_explanations_come_on_request(
        self, gateway: Gateway
    ) -> None:
        frame = batch_frame(3)
        result = gateway.decide_batch("allowance", "grant", frame, explanations=True)
        assert result.explanations is not None
        for i in range(3):
            row = result.row(i)
            alone = gateway.get_decision(row.decision_id, reveal=True)  # type: ignore[arg-type]
            assert row.score is None and row.outcome == alone.outcome
            assert alone.payload is not None
            assert row.explanation == alone.payload.evaluation.explanation

    def test_replayed_rows_carry_the_earlier_decision(self, gateway: Gateway) -> None:
        frame = batch_frame(4)
        frame["request"] = ["a", "b", "a", "c"]
        first = gateway.decide_batch("allowance", "assess", frame, idempotency_column="request")
        assert first.row(2).replayed and first.row(2).decision_id == first.row(0).decision_id
        assert first.row(2).status == "pending_review"
        gateway.shred("subject-1")  # erasure wipes the outcome of b's decision
        again = gateway.decide_batch("allowance", "assess", frame, idempotency_column="request")
        assert again.decided == 0 and again.replayed_rows.all()
        assert [again.row(i).decision_id for i in range(4)] == first.decision_ids
        assert [again.row(i).outcome for i in range(4)] == [
            first.row(0).outcome,
            None,
            first.row(0).outcome,
            first.row(3).outcome,
        ]
        assert {again.row(i).status for i in range(4)} == {"pending_review"}
