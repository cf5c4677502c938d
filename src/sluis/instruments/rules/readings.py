"""Two readings of a definition's rules: as published and as intended.

The real pre-scan has a few slips where its text and its evident intent part ways (see
:func:`lint.definition_notes`). The government's own form tool evaluates the text as it
stands, and we exchange answers with that tool, so the verdict Sluis shows and exports as
*the* pre-scan verdict is the **published** reading: exactly what the definition says. The
**intended** reading repairs the slips; where it reaches another level, both are shown with
the notes that explain why (:mod:`differences`).

What the intended reading changes (each is a generic rule, except the renamed task, which
needs a table because no rule can guess which question was meant):

- ``weightedCountMap`` keys also match option values that carry a category prefix
  (``"Categorie betrokkenen: X"`` matches key ``"X"``); as published no prefixed value
  matches, so those weights count 0;
- a ``calculation`` filed under a task's dependency counts as the task's own; as published
  it is never computed;
- a condition value wrapped in single quotes is compared without them; as published the
  quotes are part of the value, so the condition never holds;
- a task id that the rules read but the definition lacks is read as the task it became
  (:data:`RENAMED_TASKS`); as published it is always unanswered.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from sluis.instruments.rules.tasks import TaskIndex


class Reading(StrEnum):
    as_published = "as_published"
    as_intended = "as_intended"


PUBLISHED = Reading.as_published
INTENDED = Reading.as_intended

#: Per definition URN: a task id its rules read that no longer exists → the task meant.
#: The pre-scan's transfer score reads ``0.4.1`` next to where the cloud provider stores the
#: data and gives support (2.1.3, 2.1.4): the cloud question, numbered 0.5.1 since the
#: question on the legal basis took number 0.4.
RENAMED_TASKS: Mapping[str, Mapping[str, str]] = {"urn:nl:prescan": {"0.4.1": "0.5.1"}}


def renamed_tasks(index: TaskIndex, urn: str | None) -> dict[str, str]:
    """The renamed task ids that apply to this definition: the old id is missing and the
    new one exists."""
    table = RENAMED_TASKS.get(urn or "", {})
    return {old: new for old, new in table.items() if old not in index and new in index}


def aliases_for(index: TaskIndex, urn: str | None, reading: Reading) -> dict[str, str]:
    """The task ids the rules read in place of others under ``reading``."""
    return renamed_tasks(index, urn) if reading is INTENDED else {}


def unquoted(value: object) -> object:
    """A condition value without the single quotes the pre-scan wraps two of them in."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1]
    return value


def is_quoted(value: object) -> bool:
    return unquoted(value) is not value


__all__ = [
    "INTENDED",
    "PUBLISHED",
    "RENAMED_TASKS",
    "Reading",
    "aliases_for",
    "is_quoted",
    "renamed_tasks",
    "unquoted",
]
