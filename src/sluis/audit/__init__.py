"""The audit trail: every gateway event in an append-only hash chain, without personal data.

``append_event`` / ``append_events`` write inside the caller's transaction;
``verify_chain`` recomputes the chain and names the first entry that was changed,
inserted or removed. ``sluis.audit.details`` holds the allow-list of what each event type
may say.
"""

from sluis.audit.chain import (
    GENESIS_HASH,
    AuditEntry,
    AuditEvent,
    ChainReport,
    append_event,
    append_events,
    chain_head,
    lock_chain,
    next_seq,
    read_events,
    verify_chain,
)
from sluis.audit.details import EVENT_DETAILS, AuditDetailsRefused, check_details

__all__ = [
    "EVENT_DETAILS",
    "GENESIS_HASH",
    "AuditDetailsRefused",
    "AuditEntry",
    "AuditEvent",
    "ChainReport",
    "append_event",
    "append_events",
    "chain_head",
    "check_details",
    "lock_chain",
    "next_seq",
    "read_events",
    "verify_chain",
]
