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

from sluis.store.dbapi import RawTransaction
from sluis.store.tables.rights import RightsRestrictionRow

_table = RightsRestrictionRow.__table__
_IS_RESTRICTED = select(_table.c.pseudonym).where(_table.c.pseudonym == bindparam("pseudonym"))


class SubjectRestricted(ValueError):
    """Processing of this subject is restricted; nothing was decided. The message names
    the field and the article, never the person."""

    def __init__(self) -> None:
        super().__init__(
            "subject_id: processing of this person is restricted (GDPR art. 18); no decision "
            "may be taken about them until the restriction is lifted"
        )


def is_restricted(tx: RawTransaction, pseudonym: str) -> bool:
    return tx.execute(_IS_RESTRICTED, {"pseudonym": pseudonym}).fetchone() is not None


def refuse_if_restricted(tx: RawTransaction, pseudonym: str) -> None:
    if is_restricted(tx, pseudonym):
        raise SubjectRestricted()


def restricted_among(tx: RawTransaction, pseudonyms: Sequence[str]) -> set[str]:
    rows = tx.select_in(_table, ["pseudonym"], "pseudonym", pseudonyms)
    return {str(row[0]) for row in rows}


__all__ = ["SubjectRestricted", "is_restricted", "refuse_if_restricted", "restricted_among"]
