"""Both readings of a definition on one set of answers, and why they differ.

The published reading is *the* verdict (what the government's tool gives on the same
answers); the intended one repairs the definition's slips (:mod:`readings`). Where they
differ, each difference — an assessment's level, a criterion, a score, a question shown or
not — is explained in Dutch and English with the slip that caused it. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sluis.instruments.rules.assessments import NONE, Verdicts, evaluate_assessments
from sluis.instruments.rules.lint import DefinitionNote, definition_notes
from sluis.instruments.rules.readings import INTENDED, PUBLISHED
from sluis.law.findings import Text, t

_LEVEL_WORDS = {
    "required": ("verplicht", "required"),
    "recommended": ("aanbevolen", "recommended"),
    NONE: ("niet nodig", "not needed"),
}


@dataclass(frozen=True)
class ReadingDifference:
    kind: str
    """``level``, ``criterion``, ``score`` or ``question``."""
    subject: str
    """The assessment, ``assessment/criterion``, score key or task id."""
    published: Any
    intended: Any
    text: Text
    causes: tuple[str, ...] = ()
    """The codes of the definition notes that explain it."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "as_published": self.published,
            "as_intended": self.intended,
            "text": self.text.model_dump(),
            "causes": list(self.causes),
        }


@dataclass(frozen=True)
class Readings:
    """The verdicts as published and as intended, with what differs and why."""

    published: Verdicts
    intended: Verdicts
    differences: tuple[ReadingDifference, ...]
    notes: tuple[DefinitionNote, ...]
    """The notes behind the differences (each at most once)."""

    @property
    def differs(self) -> bool:
        """Whether any assessment reaches another level as intended than as published."""
        return any(d.kind == "level" for d in self.differences)

    def as_dict(self) -> dict[str, Any]:
        return {
            "as_published": self.published.as_dict(),
            "as_intended": self.intended.as_dict(),
            "differs": self.differs,
            "differences": [d.as_dict() for d in self.differences],
            "notes": [n.as_dict() for n in self.notes],
        }


def evaluate_readings(definition: Any, answers: Any) -> Readings:
    """Evaluate ``definition`` on ``answers`` as published and as intended, and explain
    every difference between the two."""
    published = evaluate_assessments(definition, answers, PUBLISHED)
    intended = evaluate_assessments(definition, answers, INTENDED)
    quirks = [n for n in definition_notes(definition) if n.quirk]
    differences = [
        *_levels(published, intended),
        *_criteria(published, intended),
        *_scores(published, intended, quirks),
        *_questions(published, intended, quirks),
    ]
    causes = {c for d in differences for c in d.causes}
    used = tuple(n for n in quirks if _key(n) in causes)
    return Readings(published, intended, tuple(differences), used)


def _key(note: DefinitionNote) -> str:
    return f"{note.code}:{note.where}"


def _levels(published: Verdicts, intended: Verdicts) -> Iterable[ReadingDifference]:
    for outcome in published.assessments:
        other = intended.get(outcome.id)
        if other is None or other.level == outcome.level:
            continue
        was_nl, was_en = _LEVEL_WORDS.get(outcome.level, (outcome.level, outcome.level))
        now_nl, now_en = _LEVEL_WORDS.get(other.level, (other.level, other.level))
        yield ReadingDifference(
            "level",
            outcome.id,
            outcome.level,
            other.level,
            t(
                f"{outcome.id}: zoals gepubliceerd {was_nl}, zoals bedoeld {now_nl}.",
                f"{outcome.id}: {was_en} as published, {now_en} as intended.",
            ),
        )


def _criteria(published: Verdicts, intended: Verdicts) -> Iterable[ReadingDifference]:
    for outcome in published.assessments:
        other = intended.get(outcome.id)
        if other is None:
            continue
        for level, other_level in zip(outcome.levels, other.levels, strict=False):
            for criterion, other_criterion in zip(
                level.criteria, other_level.criteria, strict=False
            ):
                if criterion.met == other_criterion.met:
                    continue
                was_nl, was_en = _met_words(criterion.met)
                now_nl, now_en = _met_words(other_criterion.met)
                yield ReadingDifference(
                    "criterion",
                    f"{outcome.id}/{criterion.id}",
                    criterion.met,
                    other_criterion.met,
                    t(
                        f"Criterium '{criterion.id}' van {outcome.id} ({level.level}): zoals "
                        f"gepubliceerd {was_nl}, zoals bedoeld {now_nl}.",
                        f"Criterion '{criterion.id}' of {outcome.id} ({level.level}): "
                        f"{was_en} as published, {now_en} as intended.",
                    ),
                )


def _met_words(met: bool) -> tuple[str, str]:
    return ("voldaan", "met") if met else ("niet voldaan", "not met")


def _scores(
    published: Verdicts, intended: Verdicts, quirks: list[DefinitionNote]
) -> Iterable[ReadingDifference]:
    keys = dict.fromkeys([*published.scores.values, *intended.scores.values])
    for key in keys:
        was, now = published.scores.values.get(key), intended.scores.values.get(key)
        if was == now or (not was and not now):  # no score counts as 0 (``|| 0``)
            continue
        causes = [n for n in quirks if n.score == key]
        if not causes:  # the score reads answers that one reading shows and the other hides
            causes = [n for n in quirks if n.code == "quoted_condition"]
        yield ReadingDifference(
            "score",
            key,
            was,
            now,
            t(
                f"Score '{key}': zoals gepubliceerd {_shown(was, 'nl')}, zoals bedoeld "
                f"{_shown(now, 'nl')}. " + " ".join(n.text.nl for n in causes),
                f"Score '{key}': {_shown(was, 'en')} as published, {_shown(now, 'en')} as "
                "intended. " + " ".join(n.text.en for n in causes),
            ),
            tuple(_key(n) for n in causes),
        )


def _shown(value: Any, lang: str) -> str:
    if value is None:
        return "geen score" if lang == "nl" else "no score"
    return str(value)


def _questions(
    published: Verdicts, intended: Verdicts, quirks: list[DefinitionNote]
) -> Iterable[ReadingDifference]:
    hidden = published.visibility.hidden_ids() - intended.visibility.hidden_ids()
    for note in quirks:
        if note.code != "quoted_condition" or note.task not in hidden:
            continue
        yield ReadingDifference(
            "question",
            str(note.task),
            False,
            True,
            t(
                f"Vraag {note.task} wordt zoals bedoeld gesteld, zoals gepubliceerd niet. "
                + note.text.nl,
                f"Question {note.task} is asked as intended, not as published. " + note.text.en,
            ),
            (_key(note),),
        )


__all__ = ["ReadingDifference", "Readings", "evaluate_readings"]
