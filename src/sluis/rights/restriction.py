"""Restriction of processing as the gateway sees it (GDPR art. 18(2)): while a subject is
restricted, no new decision may be taken about them.

The gateway asks :func:`refuse_if_restricted` inside its write transaction, under the
same lock that a restriction is written under, so a decision and a restriction cannot
cross. One primary-key look-up per decision. :func:`restricted_among` answers the same for
many subjects at once (for batches).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, select

from sluis.law.citations import gdpr
from sluis.store.dbapi import RawTransaction
from sluis.store.tables.rights import RightsRestrictionRow

_table = RightsRestrictionRow.__table__
_IS_RESTRICTED = select(_table.c.pseudonym).where(_table.c.pseudonym == bindparam("pseudonym"))
_ALL_RESTRICTED = select(_table.c.pseudonym).limit(bindparam("most"))


#: The problem of a restricted subject, the same for one decision and for a batch row.
RULE = "restricted"
ARTICLE = gdpr("18")
MESSAGE = (
    "processing of this person is restricted (GDPR art. 18); no decision may be taken "
    "about them until the restriction is lifted"
)


class SubjectRestricted(ValueError):
    """Processing of this subject is restricted; nothing was decided. The message names
    the field and the article, never the person."""

    field = "subject_id"
    rule = RULE
    articles = (ARTICLE,)

    def __init__(self) -> None:
        super().__init__(f"{self.field}: {MESSAGE}")


def is_restricted(tx: RawTransaction, pseudonym: str) -> bool:
    return tx.execute(_IS_RESTRICTED, {"pseudonym": pseudonym}).fetchone() is not None


def refuse_if_restricted(tx: RawTransaction, pseudonym: str) -> None:
    if is_restricted(tx, pseudonym):
        raise SubjectRestricted()


def restricted_among(tx: RawTransaction, pseudonyms: Sequence[str]) -> set[str]:
    """Which of ``pseudonyms`` are restricted. One query as a rule: restrictions are few
    (only people who asked), so the whole list is read when it is no longer than the
    subjects asked about; only a longer list is looked up by the subjects instead."""
    wanted = set(pseudonyms)
    if not wanted:
        return set()
    listed = tx.execute(_ALL_RESTRICTED, {"most": len(wanted) + 1}).fetchall()
    if len(listed) <= len(wanted):
        return wanted.intersection(str(row[0]) for row in listed)
    rows = tx.select_in(_table, ["pseudonym"], "pseudonym", sorted(wanted))
    return {str(row[0]) for row in rows}


__all__ = [
    "ARTICLE",
    "MESSAGE",
    "RULE",
    "SubjectRestricted",
    "is_restricted",
    "refuse_if_restricted",
    "restricted_among",
]
