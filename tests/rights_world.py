"""A small world for the rights desk's tests: a bank's loan decision taken by rules without
a human (allowed under the contract exception of GDPR art. 22(2)(a)), a gateway with those
rules bound, reviewers, and a local SMTP server that keeps every mail it gets.

Shared by ``tests/rights``, ``tests/web`` and ``tests/cli`` (importable by name)."""

from __future__ import annotations

import email
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.gateway.crypto import KeyRing
from sluis.gateway.procedures import RuleContext, RuleProcedure
from sluis.gateway.service import Gateway
from sluis.profiles.model import AlgorithmProfile
from sluis.rights.desk import RightsDesk
from sluis.settings import Settings

PROFILE_ID = "small-loan"
DECISION_ID = "grant-loan"
MASTER = bytes(range(32))
STAFF_EMAIL = "privacy-desk@bank.example"

#: Inputs with values distinctive enough to grep a database file for.
GOOD = {"monthly_income": 3150.25, "amount": 5000, "postcode": "9999 ZQ"}
POOR = {"monthly_income": 812.75, "amount": 4000, "postcode": "9998 XW"}


def profile_document(portal_url: str = "https://bank.example", **changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": PROFILE_ID,
        "name": "Kleine lening",
        "controller": {
            "name": "Voorbeeldbank N.V.",
            "administrative_body": False,
            "country": "NL",
            "contact": "privacy@bank.example",
            "dpo_contact": "fg@bank.example",
        },
        "purposes": ["Decide on applications for small loans"],
        "legal_basis": {"article6": "contract", "law": "The loan agreement asked for"},
        "data_subjects": [{"category": "applicants", "vulnerable": False, "count": 1000}],
        "data_fields": [
            {
                "name": "monthly_income",
                "type": "number",
                "category": "income",
                "source": "data_subject",
                "purpose": "Whether the loan can be repaid",
                "minimum": 0,
                "maximum": 100000,
                "changeable": True,
            },
            {
                "name": "amount",
                "type": "integer",
                "category": "application",
                "source": "data_subject",
                "purpose": "The amount asked for",
                "minimum": 100,
                "maximum": 50000,
                "changeable": True,
            },
            {
                "name": "postcode",
                "type": "string",
                "category": "address",
                "source": "data_subject",
                "purpose": "Where to send the contract",
            },
        ],
        "retention": [
            {"data_category": "income", "months": 24},
            {"data_category": "application", "months": 24},
            {"data_category": "address", "months": 24},
        ],
        "processing": {"recipients": ["Credit registry BKR"]},
        "decisions": [
            {
                "id": DECISION_ID,
                "description": "Grant or refuse a small loan",
                "effect": "similarly_significant",
                "human_involvement": "none",
                "profiling": False,
                "necessity": "contract",
                "explicit_consent": False,
                "risk_selection": False,
                "third_party_score": False,
                "outcomes": [
                    {"value": "granted", "favourable": True},
                    {"value": "refused", "favourable": False},
                ],
            }
        ],
        "notice": {"portal_url": portal_url, "signatory": "A. de Vries, privacy desk"},
    }
    document.update(changes)
    return document


def loan_rules(ctx: RuleContext) -> str:
    """Grant when the income carries the instalment (a fixed 2% of the amount a month)."""
    carries = ctx.check(
        "income_carries_instalment",
        float(ctx["monthly_income"]) >= 0.3 * float(ctx["amount"]),  # type: ignore[arg-type]
        "Loan policy art. 2",
        fields=["monthly_income", "amount"],
    )
    return "granted" if carries else "refused"


RULES = RuleProcedure(loan_rules, "small-loan rules")


def make_gateway(
    sessions: sessionmaker[Session],
    data_dir: Path,
    portal_url: str = "https://bank.example",
    **changes: Any,
) -> Gateway:
    profile = AlgorithmProfile.model_validate(profile_document(portal_url, **changes))
    register_and_assess(sessions, profile)
    gateway = Gateway(sessions, Settings(data_dir=data_dir), key_ring=KeyRing(MASTER))
    gateway.register_procedure(PROFILE_ID, DECISION_ID, RULES)
    return gateway


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Sink:
    """Mail received by the local SMTP server."""

    port: int
    messages: list[Message] = field(default_factory=list)

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]

    def wait_for(self, count: int, seconds: float = 5.0) -> list[Message]:
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages


class _Keep:
    def __init__(self, sink: Sink) -> None:
        self.sink = sink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.sink.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


def smtp_sink() -> Iterator[Sink]:
    port = free_port()
    sink = Sink(port)
    controller = Controller(_Keep(sink), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


def text_of(message: Message) -> str:
    """The plain-text body of a mail."""
    for part in message.walk():
        if part.get_content_type() == "text/plain" and not part.get_filename():
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode(part.get_content_charset() or "utf-8")
    return ""


def attachments_of(message: Message) -> dict[str, bytes]:
    found = {}
    for part in message.walk():
        name = part.get_filename()
        if name:
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            found[name] = payload
    return found


def code_in(message: Message) -> str:
    import re

    match = re.search(r"\b(\d{6})\b", text_of(message))
    assert match is not None, "no code in the mail"
    return match.group(1)


def desk_settings(
    data_dir: Path, sink: Sink, public_url: str = "http://127.0.0.1:8000"
) -> Settings:
    return Settings(
        data_dir=data_dir,
        smtp_host="127.0.0.1",
        smtp_port=sink.port,
        mail_from="privacy@bank.example",
        staff_email=STAFF_EMAIL,
        public_url=public_url,
    )


def make_desk(
    gateway: Gateway, data_dir: Path, sink: Sink, public_url: str = "http://127.0.0.1:8000"
) -> RightsDesk:
    return RightsDesk(gateway, desk_settings(data_dir, sink, public_url))
