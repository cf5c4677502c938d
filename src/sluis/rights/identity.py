"""Proportionate identity checks (GDPR art. 12(6), recital 64). Pure: no I/O.

Sluis asks for nothing it does not already hold: the person proves who they are with a
one-time code sent to an e-mail address the organisation already knows for them, or by
giving facts from their own decision that only they are likely to know (the reference on
their notice plus one or two values they supplied themselves). Never a copy of an
identity document, never special-category data, never a national id number.

Codes are six digits, valid for fifteen minutes, usable once, and stored only as an HMAC
(a stolen database does not reveal them). A request allows a limited number of failed
tries and of codes sent; after that, staff check identity another way.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from sluis.profiles.model import AlgorithmProfile, DataSource, DataType

CODE_DIGITS = 6
CODE_VALID = timedelta(minutes=15)
MAX_FAILED_TRIES = 5
MAX_CODES_SENT = 5
MAX_FACTS = 2
MAX_EMAIL = 254
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_FACT_TYPES = frozenset(
    {DataType.integer, DataType.number, DataType.string, DataType.category, DataType.date}
)


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def code_digest(secret: bytes, request_id: str, code: str) -> str:
    """The stored form of a code: bound to its request, so a code never opens another."""
    message = f"{request_id}:{code.strip()}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def same_digest(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("ascii"), b.encode("ascii"))


def well_formed_code(code: str) -> bool:
    text = code.strip()
    return len(text) == CODE_DIGITS and text.isdigit()


def is_email_address(text: str) -> bool:
    """Whether ``text`` has the form of an e-mail address (whether it exists, only a mail
    sent to it shows)."""
    return len(text) <= MAX_EMAIL and _EMAIL.fullmatch(text) is not None


@dataclass(frozen=True)
class FactQuestion:
    """A value from the decision the person is asked to give: the field's name only."""

    field: str
    type: DataType


def fact_questions(
    profile: AlgorithmProfile, decision_id: str, inputs: Mapping[str, object]
) -> list[FactQuestion]:
    """Up to two values the person gave themselves for this decision, of a kind a person
    can type back; none that are special-category, criminal or a national id number."""
    decision = next((d for d in profile.decisions if d.id == decision_id), None)
    fields = profile.fields_used_by(decision) if decision is not None else profile.data_fields
    found = []
    for spec in fields:
        if (
            spec.source is DataSource.data_subject
            and spec.type in _FACT_TYPES
            and spec.special_category is None
            and not spec.criminal_data
            and not spec.national_id
            and inputs.get(spec.name) is not None
        ):
            found.append(FactQuestion(spec.name, spec.type))
    return found[:MAX_FACTS]


def fact_matches(question: FactQuestion, expected: object, given: str) -> bool:
    """Whether ``given`` (as typed) is the stored value; numbers to the cent, text without
    regard to case and surrounding blanks."""
    text = given.strip()
    if not text:
        return False
    if question.type in (DataType.integer, DataType.number):
        try:
            number = float(text.replace(" ", "").replace(",", "."))
        except ValueError:
            return False
        return isinstance(expected, int | float) and math.isclose(
            number, float(expected), abs_tol=0.005
        )
    return text.casefold() == str(expected).strip().casefold()


def mask_email(address: str) -> str:
    """``j***@example.org``: enough for the person to recognise it, not to learn it."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


__all__ = [
    "CODE_DIGITS",
    "CODE_VALID",
    "MAX_CODES_SENT",
    "MAX_FACTS",
    "MAX_FAILED_TRIES",
    "FactQuestion",
    "code_digest",
    "fact_matches",
    "fact_questions",
    "is_email_address",
    "mask_email",
    "new_code",
    "same_digest",
    "well_formed_code",
]
