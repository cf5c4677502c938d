"""The data subject's id in the processing log, encrypted (``dpl.core.data_subject_id``).

The log holds the subject's pseudonym (see ``sluis.gateway.crypto``: the one every
decision record carries), never the organisation's own id for the person, and even the
pseudonym only encrypted: AES-256-GCM under a key derived with HKDF from the master key
for this one use (as the rights desk derives its secrets), with a fresh random nonce per
record. A collector or anyone reading the exported log therefore cannot tell whose
record it is, nor that two records are about the same person; whoever holds the master
key decrypts the pseudonym and so finds the person's decisions, and for an access
request computes the person's pseudonym and picks their lines out of the log.

Pure computation, thread-safe.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sluis.rights.tokens import derive_secret

LOG_KEY_INFO = b"sluis/processing-log/subject-ids/v1"
_AAD = b"dpl.core.data_subject_id"
_NONCE = 12


class SubjectIdUnreadable(ValueError):
    """A logged subject id that does not decrypt with this key (another master key, or
    altered)."""


class SubjectIdCipher:
    """Encrypts pseudonyms for the log and decrypts them again."""

    def __init__(self, master_key: bytes) -> None:
        self._aead = AESGCM(derive_secret(master_key, LOG_KEY_INFO))

    def encrypt(self, pseudonym: str) -> str:
        nonce = os.urandom(_NONCE)
        sealed = nonce + self._aead.encrypt(nonce, pseudonym.encode("ascii"), _AAD)
        return base64.urlsafe_b64encode(sealed).decode("ascii")

    def encrypt_many(self, pseudonyms: Sequence[str]) -> list[str]:
        """The same as :meth:`encrypt` for each, with one call to the random source."""
        material = os.urandom(_NONCE * len(pseudonyms))
        seal = self._aead.encrypt
        encode = base64.urlsafe_b64encode
        found = []
        for i, pseudonym in enumerate(pseudonyms):
            nonce = material[_NONCE * i : _NONCE * i + _NONCE]
            found.append(encode(nonce + seal(nonce, pseudonym.encode("ascii"), _AAD)).decode())
        return found

    def decrypt(self, logged: str) -> str:
        """The pseudonym a logged subject id holds."""
        try:
            sealed = base64.urlsafe_b64decode(logged.encode("ascii"))
            text = self._aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], _AAD)
        except (InvalidTag, binascii.Error, ValueError, UnicodeEncodeError):
            raise SubjectIdUnreadable(
                "the logged subject id does not decrypt with this key"
            ) from None
        return text.decode("ascii")


__all__ = ["LOG_KEY_INFO", "SubjectIdCipher", "SubjectIdUnreadable"]
