"""Verifying the audit trail from its first entry to its last, against its signed anchors.

:func:`verify_trail` recomputes every entry's hash in order and stops at the first entry
that does not follow from the one before, saying which and why:

- ``gap``: a sequence number is missing (the entry was deleted);
- ``reordered``: the entry links to another entry than the one stored before it (entries
  were moved);
- ``changed``: the entry's content no longer gives its stored hash;
- ``rehashed``: the entry was changed and its hash recomputed, so only the link of the
  next entry breaks;
- ``anchor_mismatch``: the chain is whole but differs from a signed anchor: it was
  rewritten from somewhere after the anchor before it up to the anchor;
- ``truncated``: the chain ends before a signed anchor: entries were cut off the end.

The anchors themselves are checked too: each signature with the anchor key
(``sluis.audit.anchors``; ``anchor_invalid`` when it does not verify or another key made
it), and every anchor the chain records having made must still be there
(``anchor_missing``). Only valid anchors count for ``truncated`` and ``anchor_mismatch``.
Without a key the signatures are not checked (``anchors_checked`` is False) and the anchors
are taken as they are: a forged anchor can then only raise a false alarm, never hide
tampering.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit.anchors import ANCHOR_EVENT, Anchor, AnchorKey, read_anchors
from sluis.audit.chain import (
    GENESIS_HASH,
    AuditEntry,
    canonical_bytes,
    entry_hash,
    read_events,
)
from sluis.store.tables.gateway import AuditEventRow

PAGE = 5_000


class Reason(StrEnum):
    gap = "gap"
    reordered = "reordered"
    changed = "changed"
    rehashed = "rehashed"
    anchor_mismatch = "anchor_mismatch"
    truncated = "truncated"
    anchor_invalid = "anchor_invalid"
    anchor_missing = "anchor_missing"


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the trail. ``seq`` is the first broken or missing entry (None
    for a problem of the anchors alone); for ``anchor_mismatch`` the rewritten entries lie
    in ``seq`` to ``until_seq``; for ``reordered`` ``other_seq`` is the entry the one at
    ``seq`` really follows."""

    reason: Reason
    seq: int | None = None
    anchor: int | None = None
    until_seq: int | None = None
    other_seq: int | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "reason": self.reason.value,
            "seq": self.seq,
            "anchor": self.anchor,
            "until_seq": self.until_seq,
            "other_seq": self.other_seq,
        }


@dataclass(frozen=True)
class TrailReport:
    """The outcome of :func:`verify_trail`."""

    entries: int
    head: tuple[int, str] | None
    anchors: int
    anchors_checked: bool
    last_anchor_seq: int | None
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def first_broken(self) -> Finding | None:
        """The finding at the earliest entry (else the first about the anchors)."""
        located = [f for f in self.findings if f.seq is not None]
        if located:
            return min(located, key=lambda f: f.seq or 0)
        return self.findings[0] if self.findings else None

    @property
    def first_broken_seq(self) -> int | None:
        found = self.first_broken
        return None if found is None else found.seq

    def to_json_dict(self) -> dict[str, Any]:
        first = self.first_broken
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head": None if self.head is None else {"seq": self.head[0], "hash": self.head[1]},
            "anchors": self.anchors,
            "anchors_checked": self.anchors_checked,
            "last_anchor_seq": self.last_anchor_seq,
            "first_broken_seq": self.first_broken_seq,
            "reason": None if first is None else first.reason.value,
            "findings": [f.to_json_dict() for f in self.findings],
        }


def verify_trail(
    sessions: sessionmaker[Session],
    key: AnchorKey | None = None,
    *,
    kept: Iterable[Anchor] = (),
) -> TrailReport:
    """Verify the whole trail against its anchors and against ``kept`` anchors (kept
    elsewhere); ``key`` checks their signatures."""
    stored = read_anchors(sessions)
    kept = list(kept)
    findings: list[Finding] = []
    valid = _valid_anchors(stored + kept, key, findings)
    findings += _missing_ids(stored)
    walk = _Walk(sessions, {a.seq: a for a in sorted(valid, key=lambda a: a.seq)})
    broken = walk.run()
    if broken is not None:
        findings.append(broken)
    else:
        findings += _truncation(walk.last_seq, valid)
        recorded = {a.id for a in stored}
        findings += [
            Finding(Reason.anchor_missing, anchor=anchor_id)
            for anchor_id in sorted(walk.anchored)
            if anchor_id not in recorded
        ]
    return TrailReport(
        entries=walk.entries,
        head=None if walk.last_seq == 0 else (walk.last_seq, walk.last_hash),
        anchors=len(stored),
        anchors_checked=key is not None,
        last_anchor_seq=max((a.seq for a in valid), default=None),
        findings=tuple(_unique(findings)),
    )


def _valid_anchors(
    anchors: list[Anchor], key: AnchorKey | None, findings: list[Finding]
) -> list[Anchor]:
    if key is None:
        return anchors
    valid = []
    for anchor in anchors:
        if anchor.key_digest == key.digest and key.verifies(anchor.message(), anchor.signature):
            valid.append(anchor)
        else:
            findings.append(Finding(Reason.anchor_invalid, anchor=anchor.id))
    return valid


def _missing_ids(anchors: list[Anchor]) -> list[Finding]:
    ids = {a.id for a in anchors}
    return [
        Finding(Reason.anchor_missing, anchor=i)
        for i in range(1, max(ids, default=0))
        if i not in ids
    ]


def _truncation(last_seq: int, anchors: list[Anchor]) -> list[Finding]:
    beyond = [a for a in anchors if a.seq > last_seq]
    if not beyond:
        return []
    first = min(beyond, key=lambda a: a.seq)
    return [Finding(Reason.truncated, seq=last_seq + 1, anchor=first.id, until_seq=first.seq)]


def _unique(findings: list[Finding]) -> Iterator[Finding]:
    seen: set[Finding] = set()
    for finding in findings:
        if finding not in seen:
            seen.add(finding)
            yield finding


class _Walk:
    """The chain, oldest first, until the first entry that breaks it."""

    def __init__(self, sessions: sessionmaker[Session], anchors: dict[int, Anchor]) -> None:
        self.sessions = sessions
        self.anchors = anchors
        self.entries = 0
        self.last_seq = 0
        self.last_hash = GENESIS_HASH
        self.last_good_anchor_seq = 0
        self.anchored: set[int] = set()

    def run(self) -> Finding | None:
        for entry in self._stream():
            self.entries += 1
            broken = self._check(entry)
            if broken is not None:
                return broken
            self.last_seq, self.last_hash = entry.seq, entry.hash
            if entry.event == ANCHOR_EVENT and isinstance(entry.details.get("anchor"), int):
                self.anchored.add(entry.details["anchor"])
        return None

    def _check(self, entry: AuditEntry) -> Finding | None:
        if entry.seq != self.last_seq + 1:
            return Finding(Reason.gap, seq=self.last_seq + 1)
        recomputed = entry_hash(entry.prev_hash, _canonical(entry))
        if entry.prev_hash != self.last_hash:
            other = self._seq_of(entry.prev_hash)
            if other is not None and other != self.last_seq:
                return Finding(Reason.reordered, seq=entry.seq, other_seq=other)
            if entry.hash == recomputed and self.last_seq > 0:
                return Finding(Reason.rehashed, seq=self.last_seq)
            return Finding(Reason.changed, seq=entry.seq)
        if entry.hash != recomputed:
            return Finding(Reason.changed, seq=entry.seq)
        anchor = self.anchors.get(entry.seq)
        if anchor is not None:
            if anchor.hash != entry.hash:
                return Finding(
                    Reason.anchor_mismatch,
                    seq=self.last_good_anchor_seq + 1,
                    anchor=anchor.id,
                    until_seq=entry.seq,
                )
            self.last_good_anchor_seq = entry.seq
        return None

    def _seq_of(self, digest: str) -> int | None:
        # Only on a broken link, once per verification: a scan is fine.
        with self.sessions.begin() as session:
            return session.scalar(
                select(AuditEventRow.seq).where(AuditEventRow.hash == digest).limit(1)
            )

    def _stream(self) -> Iterator[AuditEntry]:
        after = 0
        while True:
            page = read_events(self.sessions, after, PAGE)
            yield from page
            if len(page) < PAGE:
                return
            after = page[-1].seq


def _canonical(entry: AuditEntry) -> bytes:
    return canonical_bytes(
        entry.seq, entry.at, entry.event, entry.profile_id, entry.decision_uuid, entry.details
    )


__all__ = ["Finding", "Reason", "TrailReport", "verify_trail"]
