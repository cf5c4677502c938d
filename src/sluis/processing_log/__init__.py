"""The processing log: a record of every processing of personal data, following the Dutch
government's Logboek Dataverwerkingen standard (Logius / MinBZK, "Standaard Logboek
Dataverwerkingen", components Applicatie, Logboek and Register), over OpenTelemetry.

Pure parts: ``fields`` (the standard's record fields and ``dpl.core`` attributes, status),
``activities`` (which operations process personal data; the register's processing
activity id per profile version), ``lines`` (the JSON-lines format). Adapters:
``subject_ids`` (the person's id encrypted), ``shipping`` (the file and OTLP, in the
background), ``log`` (what the services call, W3C Trace Context at the web edge),
``hooks`` (``@logged``: the desks' services hooked with one line) and ``reading`` (the
local file read back, for ``sluis processing-log show``).
"""

from sluis.processing_log.activities import Operation
from sluis.processing_log.log import NO_ACTION, Action, ProcessingLog, incoming, outgoing

__all__ = ["NO_ACTION", "Action", "Operation", "ProcessingLog", "incoming", "outgoing"]
