"""The answer to a request as a letter for post (SQLite and PostgreSQL): the text the
person was sent, with the organisation and the reference, read back from the PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from rights_world import GOOD, Sink
from sluis.gateway.service import Gateway
from sluis.rights.answer_letter import answer_letter, answer_pdf
from sluis.rights.desk import RightsDesk
from sluis.rights.handling import decide_objection, erase
from sluis.rights.intake import NewRequest, take_in
from sluis.rights.problems import RightsRefused


def registered(desk: RightsDesk, gateway: Gateway, kind: str, subject: str = "c-9") -> str:
    ref = gateway.decide("small-loan", "grant-loan", subject, GOOD).decision_uuid
    new = NewRequest(kind, "letter", reference=ref, name="Piet Post", lang="en")
    return take_in(desk, new, identity_checked=True).id


@pytest.mark.slow
def test_the_answer_letter_holds_the_answer_sent(
    desk: RightsDesk, gateway: Gateway, sink: Sink
) -> None:
    request_id = registered(desk, gateway, "objection")
    with pytest.raises(RightsRefused) as early:
        answer_letter(desk, request_id)
    assert early.value.problems[0].rule == "no_answer_yet"
    decide_objection(desk, request_id, False, "A statutory duty to assess creditworthiness.")
    letter = answer_letter(desk, request_id)
    assert letter.subject == "Answer to your request: Objection to the use"
    assert letter.name == "Piet Post" and letter.organisation == "Voorbeeldbank N.V."
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(answer_pdf(letter))).pages)
    text = " ".join(text.split())
    for expected in (
        "Voorbeeldbank N.V.",
        "Piet Post",
        request_id,
        "A statutory duty to assess creditworthiness.",
        "GDPR art. 77",  # the right to complain, as in the mail
    ):
        assert expected in text


def test_after_erasure_no_answer_letter_can_be_made(
    desk: RightsDesk, gateway: Gateway, sink: Sink
) -> None:
    request_id = registered(desk, gateway, "erasure")
    erase(desk, request_id)
    with pytest.raises(RightsRefused) as refused:
        answer_letter(desk, request_id)
    assert refused.value.problems[0].rule == "answer_not_kept"
    assert refused.value.status == 409
