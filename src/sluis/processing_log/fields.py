"""What a processing-log record holds, in the terms of the Logboek Dataverwerkingen
standard (Logius / MinBZK, the interface of the component "Logboek"). Pure: no I/O.

A record (a *logregel*) is one action (an OpenTelemetry span) within a processing (a
trace): ``trace_id`` (16 bytes) and ``span_id`` (8 bytes, the action), an optional
``parent_span_id`` (the action that started it within the same trace), ``name``,
``start_time`` and ``end_time``, a ``status`` (``Unset``, ``Ok`` or ``Error``), the
``resource`` (which software did it) and ``attributes``. The standard reserves a ``dpl``
("data processing log") namespace for the attributes; its ``core`` part names the
processing activity in the register (a URI), the data subject's id (encrypted) and its
type, and the action of a calling party in another organisation (the *foreign
operation*) when the processing was started by one.

Attributes outside ``dpl`` are Sluis's own (``sluis.*``) or OpenTelemetry's
(``exception.type``): the standard leaves room for such key-value pairs but reserves
``dpl`` for namespaces it has adopted, so Sluis invents none there.
"""

from __future__ import annotations

from enum import StrEnum

# -- attributes the standard reserves (namespace dpl.core) --------------------------------

PROCESSING_ACTIVITY_ID = "dpl.core.processing_activity_id"
DATA_SUBJECT_ID = "dpl.core.data_subject_id"
DATA_SUBJECT_ID_TYPE = "dpl.core.data_subject_id_type"
FOREIGN_SPAN_ID = "dpl.core.foreign_operation.span_id"
# The standard's earlier drafts carried the caller's trace id in the foreign operation
# too, as MinBZK's reference library still does: kept, it costs nothing and lets the
# caller's log be joined without asking them.
FOREIGN_TRACE_ID = "dpl.core.foreign_operation.trace_id"

# -- Sluis's own attributes -------------------------------------------------------------

ALGORITHM = "sluis.algorithm"  # the profile id
DECISION = "sluis.decision"  # the decision's id (the record, not the profile's decision)
BATCH = "sluis.batch"
CASE = "sluis.case"
REQUEST = "sluis.request"
RESULT = "sluis.result"  # done, refused (handled, nothing done) or failed
ROWS = "sluis.rows"
EXCEPTION_TYPE = "exception.type"  # OpenTelemetry's name; never the message (data)

# What ``dpl.core.data_subject_id`` holds (the standard asks for its kind, a name or a
# URI): the subject's Sluis pseudonym (HMAC-SHA256 of the organisation's own id for the
# person under a key derived from the master key), encrypted with AES-GCM. The same
# pseudonym is what the decision records carry, so a decrypted log line leads to the
# person's records, and a person's id leads to their log lines, only with the key.
SUBJECT_ID_TYPE = "urn:sluis:subject-pseudonym:aes-gcm"


class Status(StrEnum):
    """The record's status, as the standard names it."""

    unset = "Unset"  # handled without an internal fault, e.g. refused input
    ok = "Ok"  # done as asked
    error = "Error"  # an internal fault


class Result(StrEnum):
    done = "done"
    refused = "refused"
    failed = "failed"


# Exceptions that mean "refused as the rules say" rather than "broken": bad input, an
# unknown or forbidden thing, a conflict. The standard records such a processing as
# ``Unset`` (handled without an internal fault), not ``Error``.
EXPECTED_REFUSALS: tuple[type[BaseException], ...] = (ValueError, LookupError, PermissionError)
# The desks' own refusals (``ReviewRefused``, ``RightsRefused``, ...) are recognised by
# name: those packages log through this one, so importing them here would go in a circle.
_REFUSAL_SUFFIXES = ("Refused", "Unavailable", "NotFound")


def outcome_of(error: BaseException | None) -> tuple[Status, Result]:
    """The status and result of an action that ended with ``error`` (None: done)."""
    if error is None:
        return Status.ok, Result.done
    names = [cls.__name__ for cls in type(error).__mro__]
    if isinstance(error, EXPECTED_REFUSALS) or any(n.endswith(_REFUSAL_SUFFIXES) for n in names):
        return Status.unset, Result.refused
    return Status.error, Result.failed


__all__ = [
    "ALGORITHM",
    "BATCH",
    "CASE",
    "DATA_SUBJECT_ID",
    "DATA_SUBJECT_ID_TYPE",
    "DECISION",
    "EXCEPTION_TYPE",
    "EXPECTED_REFUSALS",
    "FOREIGN_SPAN_ID",
    "FOREIGN_TRACE_ID",
    "PROCESSING_ACTIVITY_ID",
    "REQUEST",
    "RESULT",
    "ROWS",
    "SUBJECT_ID_TYPE",
    "Result",
    "Status",
    "outcome_of",
]
