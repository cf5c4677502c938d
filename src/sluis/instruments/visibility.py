"""Which tasks are shown, from the definition's own conditions.

A thin bridge to the rules package (``sluis.instruments.rules``), which evaluates the
``dependencies`` of the raw definition. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sluis.instruments.model import Definition


def visible_task_ids(definition: Definition, answers: Mapping[str, Any]) -> frozenset[str]:
    """The ids of the tasks shown for ``answers`` (a task in a repeatable group as shown in
    its first element)."""
    from sluis.instruments.rules.visibility import visible_tasks

    return visible_tasks(definition, answers).visible_ids()


__all__ = ["visible_task_ids"]
