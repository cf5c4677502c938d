"""The pure part: statuses as the standard names them, and the register's activity id."""

from __future__ import annotations

from sluis.gateway.contract import InputsRefused
from sluis.processing_log.activities import OPERATIONS, Operation, processing_activity_id
from sluis.processing_log.fields import Result, Status, outcome_of


class ReviewRefused(Exception):
    """Named as the review desk's refusal is."""


def test_done_is_ok() -> None:
    assert outcome_of(None) == (Status.ok, Result.done)


def test_a_refusal_is_handled_without_fault_so_unset() -> None:
    assert outcome_of(InputsRefused(())) == (Status.unset, Result.refused)
    assert outcome_of(KeyError("x")) == (Status.unset, Result.refused)
    assert outcome_of(ReviewRefused()) == (Status.unset, Result.refused)


def test_an_internal_fault_is_error() -> None:
    assert outcome_of(RuntimeError("disk")) == (Status.error, Result.failed)
    assert outcome_of(ZeroDivisionError()) == (Status.error, Result.failed)


def test_activity_id_points_at_one_version_of_the_register_entry() -> None:
    first = processing_activity_id("https://sluis.example.nl/", "child benefit", 3)
    assert first == (
        "https://sluis.example.nl/api/v1/register/art30?profile=child%20benefit&version=3"
    )
    assert processing_activity_id("https://sluis.example.nl", "child benefit", 4) != first


def test_every_operation_says_what_it_does_in_both_languages_with_an_article() -> None:
    assert set(OPERATIONS) == set(Operation)
    for info in OPERATIONS.values():
        assert info.what.nl and info.what.en and info.what.nl != info.what.en
        assert info.articles
