"""The ``logged`` decorator: one line hooks a service; misuse is caught when the module is
imported, and a log that is off costs the service nothing and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

import review_desk
from sluis.gateway.crypto import KeyRing
from sluis.gateway.service import Gateway
from sluis.processing_log import Operation
from sluis.processing_log.hooks import concerned, logged
from sluis.review import service as review
from sluis.settings import Settings


def test_exactly_one_id_must_be_named() -> None:
    with pytest.raises(TypeError, match="exactly one"):
        logged(Operation.build_notice)
    with pytest.raises(TypeError, match="exactly one"):
        logged(Operation.build_notice, decision="a", case="b")


def test_the_named_parameter_must_exist() -> None:
    def service(gateway: object, decision_uuid: str) -> None:
        pass

    with pytest.raises(TypeError, match="case_id"):
        logged(Operation.open_case_file, case="case_id")(service)


def test_the_decorated_service_keeps_its_name_and_answer(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    gateway = review_desk.set_up_desk(sessions, tmp_path)

    @logged(Operation.build_notice, decision="decision_uuid")
    def service(gateway: Gateway, decision_uuid: str, *, extra: int = 0) -> str:
        return f"{decision_uuid}:{extra}"

    assert service.__name__ == "service"
    assert service(gateway, "d-1", extra=2) == "d-1:2"
    assert service(gateway=gateway, decision_uuid="d-2") == "d-2:0"


def test_what_a_record_names_is_found_from_a_case(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    gateway = review_desk.set_up_desk(sessions, tmp_path)
    decided = gateway.decide(review_desk.PROFILE, review_desk.PENDING, "p-1", review_desk.HIGH)
    case = review.claim_next(sessions, "anna", review_desk.PROFILE)
    assert case is not None
    about, attributes = concerned(sessions, "case", case.id)
    assert (about.profile_id, about.version) == (review_desk.PROFILE, 1)
    assert about.pseudonym == gateway.keys.ring.pseudonym("p-1")
    assert attributes == {"sluis.case": case.id, "sluis.decision": decided.decision_uuid}
    nobody, _ = concerned(sessions, "decision", "no-such-decision")
    assert nobody.pseudonym is None and nobody.profile_id is None


def test_switched_off_the_services_log_nothing(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path, processing_log=False)
    gateway = Gateway(sessions, settings, key_ring=KeyRing(review_desk.MASTER))
    review_desk.set_up_desk(sessions, tmp_path, gateway)
    gateway.decide(review_desk.PROFILE, review_desk.PENDING, "p-1", review_desk.HIGH)
    case = review.claim_next(sessions, "anna", review_desk.PROFILE)
    assert case is not None
    review.case_view(gateway, "anna", case.id)
    assert gateway.processing_log.flush()
    assert not list(tmp_path.glob("*.jsonl"))
