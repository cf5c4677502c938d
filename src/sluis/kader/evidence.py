"""Evidence files: uploads that show a profile carried out a measure.

A file is stored once per profile under ``<evidence_dir>/<profile id>/<sha256>``: the name
on disk is its content hash, never the uploaded name, so no upload can choose where it is
written. The uploaded name is kept (cleaned) only to offer it back on download. The same
file uploaded twice for the same measure is stored once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.kader.records import (
    PERSON_LIMIT,
    EvidenceInfo,
    EvidenceNotFound,
    KaderInputInvalid,
    applicable_measure,
    check_length,
    evidence_from_row,
)
from sluis.profiles.service import get_profile
from sluis.profiles.validation import FieldError
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables.kader import FILENAME_LENGTH, EvidenceFileRow

Sessions = sessionmaker[Session]

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
DEFAULT_MEDIA_TYPE = "application/octet-stream"
_MEDIA_TYPE = re.compile(r"^[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*$")
_UNSAFE = re.compile(r"[^\w.()+ -]+")


def safe_filename(name: str) -> str:
    """A display name without directories, control characters or leading dots."""
    base = re.split(r"[\\/]", name)[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C")
    base = _UNSAFE.sub("_", base).strip(" .")
    return base[:FILENAME_LENGTH] or "evidence"


def add_evidence(
    sessions: Sessions,
    evidence_dir: Path,
    profile_id: str,
    measure_urn: str,
    filename: str,
    data: bytes,
    media_type: str | None,
    by: str | None = None,
) -> EvidenceInfo:
    """Store an evidence file for a measure that applies to the profile.

    Raises :class:`KaderInputInvalid` for an empty or too large file (over 10 MB), a
    malformed media type, or a measure that is unknown or does not apply; and
    ``ProfileNotFound`` for an unknown profile. Nothing is kept when it fails.
    """
    errors: list[FieldError] = []
    if not data:
        errors.append(FieldError("file", "not_empty", "the file is empty"))
    if len(data) > MAX_EVIDENCE_BYTES:
        errors.append(FieldError("file", "max_size", "larger than 10 MB"))
    media_type = (media_type or "").strip() or DEFAULT_MEDIA_TYPE
    if not _MEDIA_TYPE.match(media_type) or len(media_type) > 255:
        errors.append(FieldError("media_type", "format", "not a media type such as text/plain"))
    check_length(errors, "by", by, PERSON_LIMIT)
    if errors:
        raise KaderInputInvalid(errors)
    stored = get_profile(sessions, profile_id)
    sha = hashlib.sha256(data).hexdigest()
    relative = f"{stored.profile_id}/{sha}"
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        applicable_measure(session, stored.profile, stored.profile_id, measure_urn)
        existing = session.scalars(
            select(EvidenceFileRow).where(
                EvidenceFileRow.profile_id == stored.profile_id,
                EvidenceFileRow.measure_urn == measure_urn,
                EvidenceFileRow.sha256 == sha,
            )
        ).first()
        if existing is not None:
            return evidence_from_row(existing)
        written = _write(evidence_dir, relative, data)
        try:
            row = EvidenceFileRow(
                profile_id=stored.profile_id,
                measure_urn=measure_urn,
                filename=safe_filename(filename),
                media_type=media_type,
                size=len(data),
                sha256=sha,
                stored_path=relative,
                uploaded_by=by,
            )
            session.add(row)
            session.flush()
            return evidence_from_row(row, created=True)
        except BaseException:
            if written:  # only a file this call created; another row may share an old one
                with contextlib.suppress(OSError):
                    _inside(evidence_dir, relative).unlink()
            raise


def _inside(evidence_dir: Path, relative: str) -> Path:
    """The absolute path of a stored file, refusing anything outside ``evidence_dir``."""
    root = evidence_dir.resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root) or target == root:
        raise EvidenceNotFound(f"stored path {relative!r} lies outside the evidence folder")
    return target


def _write(evidence_dir: Path, relative: str, data: bytes) -> bool:
    """Write the file unless it is already there; whether this call created it."""
    target = _inside(evidence_dir, relative)
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return True


def evidence_file(
    sessions: Sessions, evidence_dir: Path, profile_id: str, evidence_id: int
) -> tuple[EvidenceInfo, bytes]:
    """An evidence file's record and content; raises :class:`EvidenceNotFound` when there
    is no such file for this profile, or its stored copy is missing, altered or unsafe."""
    with sessions.begin() as session:
        row = session.get(EvidenceFileRow, evidence_id)
        if row is None or row.profile_id != profile_id:
            raise EvidenceNotFound(f"no evidence file {evidence_id} for profile {profile_id!r}")
        info = evidence_from_row(row)
        relative = row.stored_path
    path = _inside(evidence_dir, relative)
    try:
        data = path.read_bytes()
    except OSError:
        raise EvidenceNotFound(
            f"the stored copy of evidence file {evidence_id} is missing"
        ) from None
    if hashlib.sha256(data).hexdigest() != info.sha256:
        raise EvidenceNotFound(f"the stored copy of evidence file {evidence_id} was altered")
    return info, data


def list_evidence(session: Session, profile_id: str) -> list[EvidenceInfo]:
    rows = session.scalars(
        select(EvidenceFileRow)
        .where(EvidenceFileRow.profile_id == profile_id)
        .order_by(EvidenceFileRow.uploaded_at, EvidenceFileRow.id)
    )
    return [evidence_from_row(row) for row in rows]
