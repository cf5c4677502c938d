"""Encryption at rest with a key per data subject, and crypto-shredding.

Key hierarchy:

- the **master key** (32 random bytes) comes from ``Settings.master_key`` (base64, env
  ``SLUIS_MASTER_KEY``) or from the file ``master.key`` in the data directory, created
  with mode 0600 on first use. It never encrypts data itself: two keys are derived from
  it with HKDF-SHA256, one to wrap subject keys and one to make pseudonyms, so neither
  use can weaken the other.
- a **subject key** (AES-256-GCM) per data subject, stored in ``subject_keys`` wrapped
  (AES-GCM) with the wrapping key; the pseudonym and key id are the wrap's associated
  data, so a wrapped key moved to another row does not unwrap.
- the **pseudonym** of a subject is HMAC-SHA256(subject id) under the pseudonymisation
  key: stable (the same person always gets the same pseudonym, so their records can be
  found for an access or erasure request) and useless without the master key.

Every payload is encrypted with a fresh random 96-bit nonce and the decision's id as
associated data (a ciphertext copied onto another record does not decrypt). Random nonces
are safe far beyond any realistic number of encryptions per key (NIST SP 800-38D allows
2^32 per key; a subject key sees a handful, the wrapping key one per subject).

Shredding (GDPR art. 17) destroys the wrapped subject key: every payload of that subject
becomes unreadable at once, wherever copies of the database (backups) live, once those
copies' key rows are gone too. Unwrapped keys are cached per process (LRU, by key id); a
key's liveness is always read from the database (only a batch reuses, for its next chunk,
the keys of the chunk it is writing), so a key shredded by another process is not used
again here. The key rows themselves are handled by ``sluis.gateway.subject_keys``.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hmac
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sluis.settings import Settings

MASTER_KEY_BYTES = 32
MASTER_KEY_FILENAME = "master.key"
NONCE_BYTES = 12
DEFAULT_CACHE_SIZE = 100_000

_WRAPPING_INFO = b"sluis/gateway/subject-key-wrapping/v1"
_PSEUDONYM_INFO = b"sluis/gateway/pseudonyms/v1"


class MasterKeyError(RuntimeError):
    """The master key is missing, malformed or not kept safely. The message never holds
    the key itself."""


class PayloadUnreadable(RuntimeError):
    """A ciphertext does not decrypt: its key was destroyed, or it was tampered with."""


# -- the master key ----------------------------------------------------------------------


def generate_master_key() -> str:
    """A new master key in the form ``SLUIS_MASTER_KEY`` and the key file take."""
    return base64.b64encode(secrets.token_bytes(MASTER_KEY_BYTES)).decode("ascii")


def decode_master_key(text: str, source: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise MasterKeyError(f"{source}: the master key is not valid base64") from None
    if len(key) != MASTER_KEY_BYTES:
        raise MasterKeyError(
            f"{source}: the master key must be {MASTER_KEY_BYTES} bytes, got {len(key)}"
        )
    return key


def load_master_key(settings: Settings) -> bytes:
    """The master key: from the settings, else from (or newly into) the key file."""
    if settings.master_key is not None:
        return decode_master_key(settings.master_key.get_secret_value(), "SLUIS_MASTER_KEY")
    return _key_file(settings.data_dir / MASTER_KEY_FILENAME)


def existing_master_key(settings: Settings) -> bytes | None:
    """The master key when it exists already (in the settings or the key file), checked
    as :func:`load_master_key` checks it; None when it would have to be created."""
    if settings.master_key is None and not (settings.data_dir / MASTER_KEY_FILENAME).exists():
        return None
    return load_master_key(settings)


def _key_file(path: Path) -> bytes:
    if not path.exists():
        _create_key_file(path)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        # Like ssh with a private key: refuse rather than use a key others may have read.
        raise MasterKeyError(
            f"{path}: the master key file is readable by others; make it private (chmod 600)"
        )
    return decode_master_key(path.read_text(encoding="ascii"), str(path))


def _create_key_file(path: Path) -> None:
    """Write a new key file atomically: never a half-written key, and when two processes
    start at once, one key wins and both use it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(generate_master_key() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another process linked its key first
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def key_ids(count: int) -> list[str]:
    """``count`` new key ids: 32 hex characters, a millisecond timestamp and a counter
    first, then 64 random bits. Time-ordered, so the keys made by a batch are appended to
    the end of the index on ``decisions.key_id`` instead of landing at random places."""
    stamp = f"{time.time_ns() // 1_000_000:012x}"  # 48 bits
    randoms = os.urandom(8 * count).hex()
    return [f"{stamp}{i & 0xFFFF:04x}{randoms[16 * i : 16 * i + 16]}" for i in range(count)]


def _derive(master_key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master_key)


# -- subject keys ------------------------------------------------------------------------


# Named tuples rather than dataclasses: a batch makes one of each per new subject, and a
# frozen dataclass takes several times as long to build.
class SubjectKey(NamedTuple):
    """An unwrapped subject key, ready to encrypt and decrypt."""

    key_id: str
    aead: AESGCM


class NewKey(NamedTuple):
    key: SubjectKey
    wrapped: bytes


class KeyRing:
    """Pseudonyms, subject keys (wrapping, unwrapping, an LRU cache) and payload crypto.

    Pure computation, no storage; thread-safe.
    """

    def __init__(self, master_key: bytes, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        if len(master_key) != MASTER_KEY_BYTES:
            raise MasterKeyError(f"the master key must be {MASTER_KEY_BYTES} bytes")
        self._wrapping = AESGCM(_derive(master_key, _WRAPPING_INFO))
        self._pseudonym_key = _derive(master_key, _PSEUDONYM_INFO)
        # Keyed once: copying the keyed state costs a third of keying HMAC anew per id.
        self._pseudonym_hmac = hmac.new(self._pseudonym_key, digestmod="sha256")
        self._cache: OrderedDict[str, SubjectKey] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> KeyRing:
        return cls(load_master_key(settings))

    # pseudonyms

    def pseudonym(self, subject_id: str) -> str:
        """The subject's pseudonym: 64 hex characters."""
        return hmac.digest(self._pseudonym_key, subject_id.encode("utf-8"), "sha256").hex()

    def pseudonyms(self, subject_ids: Iterable[str]) -> list[str]:
        """The pseudonyms of many subjects (the same as :meth:`pseudonym` gives)."""
        copy = self._pseudonym_hmac.copy
        found = []
        for subject_id in subject_ids:
            keyed = copy()
            keyed.update(subject_id.encode("utf-8"))
            found.append(keyed.hexdigest())
        return found

    # keys

    def new_key(self, pseudonym: str) -> NewKey:
        (key_id,) = key_ids(1)
        raw = secrets.token_bytes(32)
        key = SubjectKey(key_id, AESGCM(raw))
        self._remember(key)
        return NewKey(key, self._wrap(pseudonym, key_id, raw))

    def new_keys(self, pseudonyms: Sequence[str]) -> list[NewKey]:
        """New keys for many subjects (one call to the random source for all). Not cached:
        the batch that makes them keeps them while it needs them, and a big batch would
        only push every other key out of the cache."""
        count = len(pseudonyms)
        material = os.urandom(44 * count)  # per key: 32 key, 12 wrapping nonce
        ids = key_ids(count)
        wrapping = self._wrapping.encrypt
        found = []
        for i, pseudonym in enumerate(pseudonyms):
            at = 44 * i
            key_id = ids[i]
            raw = material[at : at + 32]
            nonce = material[at + 32 : at + 44]
            aad = f"{pseudonym}:{key_id}".encode("ascii")
            wrapped = nonce + wrapping(nonce, raw, aad)
            found.append(NewKey(SubjectKey(key_id, AESGCM(raw)), wrapped))
        return found

    def unwrap(self, pseudonym: str, key_id: str, wrapped: bytes) -> SubjectKey:
        """The key stored as ``wrapped`` (from the cache when it was used lately)."""
        with self._lock:
            cached = self._cache.get(key_id)
            if cached is not None:
                self._cache.move_to_end(key_id)
                return cached
        nonce, sealed = wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:]
        try:
            raw = self._wrapping.decrypt(nonce, sealed, _wrap_aad(pseudonym, key_id))
        except InvalidTag:
            raise PayloadUnreadable(
                "a subject key does not unwrap: wrong master key, or the key row was altered"
            ) from None
        key = SubjectKey(key_id, AESGCM(raw))
        self._remember(key)
        return key

    def forget(self, key_id: str) -> None:
        with self._lock:
            self._cache.pop(key_id, None)

    def _wrap(self, pseudonym: str, key_id: str, raw: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._wrapping.encrypt(nonce, raw, _wrap_aad(pseudonym, key_id))

    def _remember(self, key: SubjectKey) -> None:
        with self._lock:
            self._put(key)

    def _put(self, key: SubjectKey) -> None:
        self._cache[key.key_id] = key
        self._cache.move_to_end(key.key_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    # payloads

    @staticmethod
    def encrypt(key: SubjectKey, plaintext: bytes, associated: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + key.aead.encrypt(nonce, plaintext, associated)

    @staticmethod
    def decrypt(key: SubjectKey, ciphertext: bytes, associated: bytes) -> bytes:
        try:
            return key.aead.decrypt(ciphertext[:NONCE_BYTES], ciphertext[NONCE_BYTES:], associated)
        except InvalidTag:
            raise PayloadUnreadable("the payload does not decrypt with its subject's key") from None


def _wrap_aad(pseudonym: str, key_id: str) -> bytes:
    return f"{pseudonym}:{key_id}".encode("ascii")


__all__ = [
    "DEFAULT_CACHE_SIZE",
    "MASTER_KEY_BYTES",
    "MASTER_KEY_FILENAME",
    "KeyRing",
    "MasterKeyError",
    "NewKey",
    "PayloadUnreadable",
    "SubjectKey",
    "decode_master_key",
    "existing_master_key",
    "generate_master_key",
    "load_master_key",
]
