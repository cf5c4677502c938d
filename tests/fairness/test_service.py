"""Fairness monitoring on real decision records: group labels kept apart from the
decisions, ground truth, erasure and retention, and the monitoring finding what was
planted and nothing where nothing was."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

import fairness_world as world
from review_desk import LOW, profile_document
from sluis.assessment.service import register_and_assess
from sluis.audit import read_events
from sluis.fairness.records import (
    MonitoringRefused,
    purge_expired,
    record_attributes,
    record_ground_truth,
)
from sluis.fairness.report import render_markdown, render_pdf
from sluis.fairness.service import latest_snapshot, monitor
from sluis.gateway.contract import InputsRefused
from sluis.gateway.service import Gateway
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import ProfileInvalid, validate_profile
from sluis.review import service as desk
from sluis.store.monitoring import erase_monitoring_of
from sluis.store.tables.base import utcnow
from sluis.store.tables.fairness import GroundTruthRow, MonitoringAttributesRow

Sessions = sessionmaker[Session]


@pytest.fixture
def gateway(sessions: Sessions, tmp_path: Path) -> Gateway:
    return world.set_up(sessions, tmp_path)


def _count(sessions: Sessions, row: type) -> int:
    with sessions.begin() as session:
        return int(session.scalar(select(func.count()).select_from(row)) or 0)


# -- the profile declares monitoring apart from the inputs ---------------------------------


def test_a_monitoring_attribute_may_not_share_a_name_with_a_data_field() -> None:
    document = world.monitored_document()
    document["monitoring"] = {
        **world.MONITORING,
        "attributes": [{"name": "income", "ground": "other", "groups": ["low", "high"]}],
    }
    with pytest.raises(ProfileInvalid) as refused:
        validate_profile(document)
    assert [(e.loc, e.rule) for e in refused.value.errors] == [
        ("monitoring.attributes[0].name", "kept_apart")
    ]


def test_a_special_category_needs_its_own_art9_exception() -> None:
    document = world.monitored_document()
    document["monitoring"] = {k: v for k, v in world.MONITORING.items() if k != "art9_exception"}
    with pytest.raises(ProfileInvalid) as refused:
        validate_profile(document)
    assert [(e.loc, e.rule) for e in refused.value.errors] == [
        ("monitoring.art9_exception", "required")
    ]


def test_the_gateway_refuses_a_monitoring_attribute_as_an_input(gateway: Gateway) -> None:
    with pytest.raises(InputsRefused) as refused:
        gateway.decide(world.PROFILE, world.FINAL, "p-1", {**LOW, "origin": "non-EU"})
    assert {(p.field, p.rule) for p in refused.value.problems} == {("origin", "undeclared")}


def test_recorded_labels_never_enter_the_decision_payload(gateway: Gateway) -> None:
    labelled = world.decide_and_label(gateway, 5, seed=1)
    record = gateway.get_decision(labelled["decision"][0], reveal=True)
    assert record.payload is not None
    assert set(record.payload.inputs) == {"income", "household", "housing"}
    assert _count(gateway.sessions, MonitoringAttributesRow) == 5


# -- recording labels and ground truth -----------------------------------------------------


def test_bad_labels_are_refused_with_every_problem_and_nothing_is_written(
    gateway: Gateway,
) -> None:
    labelled = world.decide_and_label(gateway, 2, seed=1)
    other = gateway.decide(world.PROFILE, world.FINAL, "p-9", LOW).decision_uuid
    items = [
        {"decision": labelled["decision"][0], "origin": "Mars", "age_band": "18-34"},
        {"decision": "not-an-id", "origin": "NL"},
        {"decision": "0190d0c4-0000-7000-8000-000000000000", "origin": "NL"},
        {"decision": other, "religion": "x"},
    ]
    before = _count(gateway.sessions, MonitoringAttributesRow)
    with pytest.raises(MonitoringRefused) as refused:
        record_attributes(gateway.sessions, world.PROFILE, items)
    assert {(p.field, p.rule) for p in refused.value.problems} == {
        ("items[0].attributes.origin", "group_unknown"),
        ("items[1].decision", "uuid"),
        ("items[2].decision", "unknown_decision"),
        ("attributes.religion", "undeclared"),
    }
    assert all("Mars" not in p.message for p in refused.value.problems)
    assert _count(gateway.sessions, MonitoringAttributesRow) == before


def test_an_algorithm_without_monitoring_refuses_labels(sessions: Sessions) -> None:
    register_and_assess(sessions, AlgorithmProfile.model_validate(profile_document()))
    with pytest.raises(MonitoringRefused) as refused:
        record_attributes(sessions, world.PROFILE, [{"decision": "x"}])
    assert [(p.field, p.rule) for p in refused.value.problems] == [("monitoring", "not_declared")]
    with pytest.raises(MonitoringRefused) as unknown:
        record_attributes(sessions, "nobody", [{"decision": "x"}])
    assert unknown.value.status == 404


def test_recording_again_replaces_and_is_audited_without_labels(gateway: Gateway) -> None:
    labelled = world.decide_and_label(gateway, 3, seed=1)
    decision = labelled["decision"][0]
    record_attributes(gateway.sessions, world.PROFILE, [{"decision": decision, "origin": "EU"}])
    with gateway.sessions.begin() as session:
        row = session.get(MonitoringAttributesRow, decision)
        assert row is not None and row.labels == {"origin": "EU"}
    events = [
        e for e in read_events(gateway.sessions, limit=1000) if e.event == "monitoring_recorded"
    ]
    assert [e.details for e in events] == [
        {"kind": "attributes", "rows": 3},
        {"kind": "attributes", "rows": 1},
    ]
    assert "EU" not in json.dumps([e.details for e in events])


def test_ground_truth_needs_a_yes_or_no_and_a_known_source(gateway: Gateway) -> None:
    labelled = world.decide_and_label(gateway, 2, seed=1)
    with pytest.raises(MonitoringRefused) as refused:
        record_ground_truth(
            gateway.sessions,
            world.PROFILE,
            [
                {"decision": labelled["decision"][0], "deserved_favourable": "yes", "source": "x"},
                {
                    "decision": labelled["decision"][1],
                    "deserved_favourable": True,
                    "source": "objection",
                },
            ],
        )
    assert {(p.field, p.rule) for p in refused.value.problems} == {
        ("items[0].deserved_favourable", "boolean"),
        ("items[0].source", "one_of"),
    }
    assert _count(gateway.sessions, GroundTruthRow) == 0


# -- erasure and retention -----------------------------------------------------------------


def test_shredding_a_subject_deletes_their_labels_and_ground_truth_only(
    gateway: Gateway,
) -> None:
    labelled = world.decide_and_label(gateway, 3, seed=4)
    world.check_sample(gateway.sessions, labelled, 1.0, seed=1)
    erased_subject = "s4-0"  # the first applicant of seed 4
    gateway.shred(erased_subject)
    with gateway.sessions.begin() as session:
        kept = set(session.scalars(select(MonitoringAttributesRow.decision_uuid)))
        truths = set(session.scalars(select(GroundTruthRow.decision_uuid)))
    assert kept == truths == set(labelled["decision"][1:])
    with pytest.raises(MonitoringRefused) as refused:
        record_attributes(
            gateway.sessions, world.PROFILE, [{"decision": labelled["decision"][0], "origin": "NL"}]
        )
    assert [p.rule for p in refused.value.problems] == ["unknown_decision"]


def test_a_job_that_erases_records_itself_takes_their_labels_along(gateway: Gateway) -> None:
    labelled = world.decide_and_label(gateway, 4, seed=4)
    world.check_sample(gateway.sessions, labelled, 1.0, seed=1)
    erased = list(labelled["decision"][:2])
    with gateway.sessions.begin() as session:
        assert erase_monitoring_of(session.connection(), erased) == 4
    with gateway.sessions.begin() as session:
        kept = set(session.scalars(select(MonitoringAttributesRow.decision_uuid)))
    assert kept == set(labelled["decision"][2:])


def test_labels_past_their_retention_are_deleted(gateway: Gateway) -> None:
    world.decide_and_label(gateway, 4, seed=1)
    now = utcnow()
    assert purge_expired(gateway.sessions, world.PROFILE, now=now).attributes == 0
    later = now + timedelta(days=31 * world.MONITORING["retention_months"])
    purged = purge_expired(gateway.sessions, world.PROFILE, now=later)
    assert (purged.attributes, purged.ground_truth) == (4, 0)
    assert _count(gateway.sessions, MonitoringAttributesRow) == 0
    events = [
        e for e in read_events(gateway.sessions, limit=1000) if e.event == "monitoring_purged"
    ]
    assert [e.details for e in events] == [{"attributes": 4, "ground_truth": 0}]


# -- the monitoring --------------------------------------------------------------------------


def test_a_planted_disparity_in_outcomes_and_errors_is_found(gateway: Gateway) -> None:
    labelled = world.decide_and_label(gateway, 3000, seed=1, granted={"non-EU": 0.3})
    world.check_sample(gateway.sessions, labelled, 0.3, seed=2, wrongly_refused={"non-EU": 0.4})
    snapshot = monitor(gateway.sessions, world.PROFILE)
    found = {
        (a["kind"], a["attribute"], a["group"], a["metric"]) for a in snapshot.result["alerts"]
    }
    assert ("group_disparity", "origin", "non-EU", "favourable_rate") in found
    assert ("error_disparity", "origin", "non-EU", "false_adverse_rate") in found
    assert not {f for f in found if f[1] == "age_band"}  # nothing planted there
    assert "cluster_disparity" in {a["kind"] for a in snapshot.result["alerts"]}
    assert snapshot.alerts_high >= 2 and snapshot.decisions == 3000
    assert snapshot.result["totals"]["labelled"] == snapshot.labelled > 800
    assert latest_snapshot(gateway.sessions, world.PROFILE) == snapshot


def test_nothing_is_found_where_nothing_was_planted(gateway: Gateway) -> None:
    labelled = world.decide_and_label(gateway, 3000, seed=5)
    world.check_sample(gateway.sessions, labelled, 0.3, seed=6)
    snapshot = monitor(gateway.sessions, world.PROFILE)
    assert snapshot.result["alerts"] == []
    section = next(d for d in snapshot.result["decisions"] if d["decision_id"] == world.FINAL)
    assert section["judged"] == 3000 and section["cluster"] is not None
    assert not section["cluster"]["worse"]


def test_reviewers_overriding_one_group_adversely_raise_an_alert(
    sessions: Sessions, tmp_path: Path
) -> None:
    document = world.monitored_document()
    document["monitoring"] = {**world.MONITORING, "min_group_size": 30}
    register_and_assess(sessions, AlgorithmProfile.model_validate(document))
    gateway = world.make_gateway(sessions, tmp_path)
    desk.add_reviewer(sessions, "anna", "Anna Jansen")
    desk.authorise(sessions, "anna", world.PROFILE)
    inputs, _ = world.applicants(80, seed=8, granted={"NL": 1.0, "EU": 1.0, "non-EU": 1.0})
    result = gateway.decide_batch(world.PROFILE, world.PENDING, inputs)
    origins = ["NL", "non-EU"] * 40
    ids = result.decision_ids
    record_attributes(sessions, world.PROFILE, pd.DataFrame({"decision": ids, "origin": origins}))
    origin_of = dict(zip(ids, origins, strict=True))
    for n in range(80):
        case = desk.claim_next(sessions, "anna", world.PROFILE)
        assert case is not None
        turned = origin_of[case.decision_uuid] == "non-EU" and n % 3 != 0
        action, outcome = ("override", "refused") if turned else ("confirm", None)
        desk.decide(gateway, "anna", case.id, action, outcome, "Weighed the statement.")
    snapshot = monitor(sessions, world.PROFILE)
    reviewer = [a for a in snapshot.result["alerts"] if a["kind"] == "reviewer_disparity"]
    assert [(a["attribute"], a["group"], a["metric"]) for a in reviewer] == [
        ("origin", "non-EU", "adverse_override_rate")
    ]
    assert "(origin)" in reviewer[0]["text"]["en"]


def test_the_result_holds_aggregates_only(gateway: Gateway) -> None:
    labelled = world.decide_and_label(gateway, 500, seed=3, granted={"non-EU": 0.2})
    snapshot = monitor(gateway.sessions, world.PROFILE)
    text = json.dumps(snapshot.result)
    assert not any(decision in text for decision in labelled["decision"])
    assert "s3-" not in text  # no subject ids


def test_one_decision_of_a_profile_can_be_monitored_alone(gateway: Gateway) -> None:
    world.decide_and_label(gateway, 200, seed=3)
    snapshot = monitor(gateway.sessions, f"{world.PROFILE}:{world.FINAL}")
    assert [d["decision_id"] for d in snapshot.result["decisions"]] == [world.FINAL]
    with pytest.raises(MonitoringRefused) as refused:
        monitor(gateway.sessions, f"{world.PROFILE}:nothing")
    assert refused.value.status == 404


def test_the_report_for_the_dpia_names_the_alerts_in_both_languages(gateway: Gateway) -> None:
    world.decide_and_label(gateway, 3000, seed=1, granted={"non-EU": 0.3})
    snapshot = monitor(gateway.sessions, world.PROFILE)
    stamp = snapshot.computed_at.isoformat()
    dutch = render_markdown(snapshot.result, stamp, "nl")
    english = render_markdown(snapshot.result, stamp, "en")
    assert "Groep 'non-EU' (origin): gunstige uitkomsten" in dutch
    assert "Group 'non-EU' (origin): favourable outcomes" in english
    assert "AI Act art. 10(5)" in english and "GDPR art. 9(2)(g)" in english
    pdf = render_pdf(snapshot.result, stamp, "en")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Fairness monitoring" in text and "non-EU" in text
