"""Storing the government's questionnaires and their answers: the public face of the
use-cases behind the web pages, the JSON API and the CLI.

Each function takes a session factory, runs in one transaction and returns plain frozen
values; nothing is half written. The use-cases live in :mod:`sluis.instruments.usecases`,
one module each: definitions (import, read), instances (open prefilled, read, versions),
answering (answers, completed parts, progress), sign-off, exchange (the government's
``assessment-output.v2``) and verdicts (the rules in both readings, next to our
assessment). Pass ``base_version`` to a change to refuse it when someone else saved in
between (:class:`InstanceConflict`).
"""

from __future__ import annotations

from sluis.instruments.answers import AnswersInvalid
from sluis.instruments.exchange import OutputInvalid
from sluis.instruments.loading import DefinitionInvalid, SchemaError
from sluis.instruments.usecases.answering import instance_progress, save_answers, set_completed
from sluis.instruments.usecases.definitions import (
    definition_notes_of,
    get_definition,
    import_definition,
    import_definition_text,
    list_definitions,
)
from sluis.instruments.usecases.errors import (
    DefinitionConflict,
    DefinitionNotFound,
    InstanceConflict,
    InstanceNotFound,
)
from sluis.instruments.usecases.exchange import export_answers, import_answers
from sluis.instruments.usecases.instances import (
    get_instance,
    list_instance_versions,
    list_instances,
    open_instance,
)
from sluis.instruments.usecases.results import (
    DefinitionSummary,
    InstanceSummary,
    InstanceVersionSummary,
    StoredDefinition,
    StoredInstance,
)
from sluis.instruments.usecases.signoff import adopt, sign
from sluis.instruments.usecases.verdicts import InstrumentVerdict, verdict, verdict_for

__all__ = [
    "AnswersInvalid",
    "DefinitionConflict",
    "DefinitionInvalid",
    "DefinitionNotFound",
    "DefinitionSummary",
    "InstanceConflict",
    "InstanceNotFound",
    "InstanceSummary",
    "InstanceVersionSummary",
    "InstrumentVerdict",
    "OutputInvalid",
    "SchemaError",
    "StoredDefinition",
    "StoredInstance",
    "adopt",
    "definition_notes_of",
    "export_answers",
    "get_definition",
    "get_instance",
    "import_answers",
    "import_definition",
    "import_definition_text",
    "instance_progress",
    "list_definitions",
    "list_instance_versions",
    "list_instances",
    "open_instance",
    "save_answers",
    "set_completed",
    "sign",
    "verdict",
    "verdict_for",
]
