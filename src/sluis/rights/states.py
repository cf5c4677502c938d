"""The life of a request. Pure: no I/O.

::

    identity_pending --verified--> in_progress --work--> in_review --review settled--> answered
          |  \\                          |  \\                                  \\
          |   locked (too many tries)   |   answered / refused                   in_progress
          |        \\--staff verified-->/                                        (review erased)
          \\--refused

A request is received (and its period of GDPR art. 12(3) starts) when it arrives, not when
the identity check is done: that is never later than any other reading, so a controller
that keeps Sluis's dates is on time under each of them.
"""

from __future__ import annotations

from enum import StrEnum


class RequestState(StrEnum):
    identity_pending = "identity_pending"  # waiting for the person's identity check
    identity_locked = "identity_locked"  # too many failed tries: staff check another way
    in_progress = "in_progress"  # identity confirmed; staff carry it out
    in_review = "in_review"  # a reviewer reconsiders the decision
    answered = "answered"  # done: the person got the answer
    refused = "refused"  # done: refused, with reasons and the right to complain


CLOSED = frozenset({RequestState.answered, RequestState.refused})
OPEN = frozenset(RequestState) - CLOSED
UNVERIFIED = frozenset({RequestState.identity_pending, RequestState.identity_locked})

_NEXT: dict[RequestState, frozenset[RequestState]] = {
    RequestState.identity_pending: frozenset(
        {
            RequestState.identity_locked,
            RequestState.in_progress,
            RequestState.in_review,
            RequestState.answered,
            RequestState.refused,
        }
    ),
    RequestState.identity_locked: frozenset(
        {
            RequestState.in_progress,
            RequestState.in_review,
            RequestState.answered,
            RequestState.refused,
        }
    ),
    RequestState.in_progress: frozenset(
        {RequestState.in_review, RequestState.answered, RequestState.refused}
    ),
    RequestState.in_review: frozenset(
        {RequestState.answered, RequestState.in_progress, RequestState.refused}
    ),
    RequestState.answered: frozenset(),
    RequestState.refused: frozenset(),
}


def may_move(current: RequestState, to: RequestState) -> bool:
    return to in _NEXT[current]


def verified(state: RequestState) -> bool:
    return state not in UNVERIFIED


__all__ = ["CLOSED", "OPEN", "UNVERIFIED", "RequestState", "may_move", "verified"]
