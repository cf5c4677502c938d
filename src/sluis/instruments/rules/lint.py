"""Checking a definition's rules before they are used: every expression it holds, whether each
parses, and the slips where the definition's text and its evident intent part ways (so that
a privacy officer can see them, and see why the two readings of :mod:`readings` may
differ). Pure. Each note explains itself in Dutch and English, in our own words."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sluis.instruments.rules.expressions import (
    ArrayLiteral,
    Call,
    Expression,
    ExpressionError,
    Literal,
    parse_expression,
    referenced_members,
    referenced_task_ids,
    walk,
)
from sluis.instruments.rules.readings import is_quoted, renamed_tasks
from sluis.instruments.rules.scores import calculations, misfiled_calculations
from sluis.instruments.rules.tasks import TaskIndex, index_tasks, raw_definition
from sluis.law.findings import Text, t

#: The notes where the published and the intended reading differ.
QUIRKS = frozenset(
    {"unprefixed_weights", "misplaced_calculation", "quoted_condition", "renamed_task"}
)


@dataclass(frozen=True)
class RuleExpression:
    where: str
    """E.g. ``task 1.1.2 calculation`` or ``assessment DPIA level required criterion x``."""
    text: str


@dataclass(frozen=True)
class DefinitionNote:
    where: str
    code: str
    """``unparsable``, ``unknown_task``, ``unknown_score``, ``unknown_criterion``, and the
    slips (:data:`QUIRKS`): ``unprefixed_weights``, ``misplaced_calculation``,
    ``quoted_condition``, ``renamed_task``."""
    message: str
    """Short, technical, in English (for logs and the CLI's detail)."""
    text: Text
    """What it means for the reader, in Dutch and English."""
    task: str | None = None
    """The task the note is about, where there is one."""
    score: str | None = None
    """The score (``scoreKey``) it affects, where there is one."""

    @property
    def quirk(self) -> bool:
        """Whether the two readings of the definition differ because of it."""
        return self.code in QUIRKS

    def as_dict(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "code": self.code,
            "message": self.message,
            "text": self.text.model_dump(),
            "task": self.task,
            "score": self.score,
            "readings_differ": self.quirk,
        }


def rule_expressions(definition: Any) -> Iterator[RuleExpression]:
    """Every expression of the definition: calculations with their score rules, and the
    assessments' levels and criteria."""
    index = index_tasks(definition)
    for node, block in calculations(index):
        where = _calculation_where(node.id, block)
        yield RuleExpression(where, str(block.get("expression") or ""))
        for number, rule in enumerate(block.get("riskScore") or ()):
            yield RuleExpression(f"{where} riskScore {number + 1}", str(rule.get("when") or ""))
    for block in raw_definition(definition).get("assessments") or ():
        for level in block.get("levels") or ():
            where = f"assessment {block.get('id')} level {level.get('level')}"
            yield RuleExpression(where, str(level.get("expression") or ""))
            for criterion in level.get("criteria") or ():
                yield RuleExpression(
                    f"{where} criterion {criterion.get('id')}",
                    str(criterion.get("expression") or ""),
                )


def _calculation_where(task_id: str, block: Mapping[str, Any]) -> str:
    return f"task {task_id} calculation {block.get('scoreKey') or ''}".rstrip()


def definition_notes(definition: Any) -> list[DefinitionNote]:
    """What is worth knowing about a definition's rules: expressions that do not parse,
    references to tasks, scores or criteria that do not exist, and the slips the intended
    reading repairs (see :mod:`readings`)."""
    index = index_tasks(definition)
    notes: list[DefinitionNote] = []
    score_keys = {str(b.get("scoreKey")) for _, b in calculations(index) if b.get("scoreKey")}
    renamed = renamed_tasks(index, index.urn)
    for rule in rule_expressions(definition):
        try:
            parsed = parse_expression(rule.text)
        except ExpressionError as error:
            notes.append(_note(rule.where, "unparsable", str(error)))
            continue
        for task_id in referenced_task_ids(parsed):
            if task_id in renamed:
                notes.append(_renamed(rule.where, task_id, renamed[task_id]))
            elif task_id not in index:
                notes.append(_note(rule.where, "unknown_task", f"reads task {task_id}, missing"))
        for key in referenced_members(parsed, "scores"):
            if key not in score_keys:
                notes.append(_note(rule.where, "unknown_score", f"reads score {key!r}, never set"))
    notes += _criteria_notes(definition)
    notes += _quirks(index)
    return notes


def _note(where: str, code: str, message: str) -> DefinitionNote:
    nl = {
        "unparsable": "Een regel van de definitie is niet te lezen en telt niet mee",
        "unknown_task": "Een regel leest een vraag die de definitie niet heeft; die blijft leeg",
        "unknown_score": "Een regel leest een score die nergens wordt berekend; die telt als 0",
        "unknown_criterion": "Een niveau leest een criterium dat het niet heeft; dat geldt nooit",
    }[code]
    en = {
        "unparsable": "A rule of the definition cannot be read and does not count",
        "unknown_task": "A rule reads a question the definition lacks; it stays unanswered",
        "unknown_score": "A rule reads a score that is never computed; it counts as 0",
        "unknown_criterion": "A level reads a criterion it does not define; it never holds",
    }[code]
    return DefinitionNote(where, code, message, t(f"{nl} ({where}).", f"{en} ({where})."))


def _renamed(where: str, old: str, new: str) -> DefinitionNote:
    score = where.split(" calculation ", 1)[1] if " calculation " in where else None
    task = where.split()[1] if where.startswith("task ") else None
    return DefinitionNote(
        where,
        "renamed_task",
        f"reads task {old}, which does not exist; as intended it is read as {new}",
        t(
            f"De regel ({where}) leest vraag {old}, die de definitie niet heeft. Zoals "
            f"gepubliceerd blijft die vraag dus altijd onbeantwoord. Bedoeld is vrijwel zeker "
            f"vraag {new} (of er een cloud wordt gebruikt): de regel zet haar naast waar de "
            "clouddienst de gegevens opslaat en ondersteuning geeft, en de cloudvraag kreeg "
            "een nieuw nummer toen de vraag naar de grondslag ervoor kwam.",
            f"The rule ({where}) reads question {old}, which the definition lacks, so as "
            f"published it is always unanswered. Almost certainly meant is question {new} "
            "(whether a cloud is used): the rule pairs it with where the cloud provider "
            "stores the data and gives support, and the cloud question was renumbered when "
            "the question on the legal basis was put before it.",
        ),
        task=task,
        score=score,
    )


def _criteria_notes(definition: Any) -> list[DefinitionNote]:
    notes = []
    for block in raw_definition(definition).get("assessments") or ():
        for level in block.get("levels") or ():
            where = f"assessment {block.get('id')} level {level.get('level')}"
            known = {str(c.get("id")) for c in level.get("criteria") or ()}
            try:
                parsed = parse_expression(str(level.get("expression") or ""))
            except ExpressionError:
                continue
            for key in referenced_members(parsed, "criteria"):
                if key not in known:
                    message = f"reads criterion {key!r}, not defined"
                    notes.append(_note(where, "unknown_criterion", message))
    return notes


def _quirks(index: TaskIndex) -> list[DefinitionNote]:
    notes = []
    for node in index:
        for block in misfiled_calculations(node):
            notes.append(_misplaced(node.id, str(block.get("scoreKey") or node.id)))
        for dependency in node.raw.get("dependencies") or ():
            if isinstance(dependency, Mapping):
                value = (dependency.get("condition") or {}).get("value")
                if is_quoted(value):
                    notes.append(_quoted(node.id, value))
        block = node.raw.get("calculation")
        if isinstance(block, Mapping) and _unprefixed(index, block):
            notes.append(_weights(node.id, str(block.get("scoreKey") or node.id)))
    return notes


def _misplaced(task_id: str, key: str) -> DefinitionNote:
    return DefinitionNote(
        f"task {task_id}",
        "misplaced_calculation",
        f"calculation {key} sits under a dependency instead of the task",
        t(
            f"De berekening van score '{key}' staat bij vraag {task_id} onder de voorwaarde "
            "voor die vraag in plaats van bij de vraag zelf, door een verspringing in de "
            "opmaak. Zoals gepubliceerd wordt ze nooit uitgerekend en telt de score als 0; "
            "bedoeld is dat ze meetelt, want de uitkomstregels tellen haar op.",
            f"The calculation of score '{key}' at question {task_id} sits under that "
            "question's condition instead of the question itself, through an indentation "
            "slip. As published it is never worked out and the score counts as 0; the intent "
            "is that it counts, since the outcome rules add it up.",
        ),
        task=task_id,
        score=key,
    )


def _quoted(task_id: str, value: str) -> DefinitionNote:
    return DefinitionNote(
        f"task {task_id}",
        "quoted_condition",
        f"a condition value is wrapped in quotes: {value}",
        t(
            f"De voorwaarde voor vraag {task_id} vergelijkt met een waarde die tussen extra "
            "aanhalingstekens staat. Zoals gepubliceerd komt geen antwoord daarmee overeen en "
            "wordt de vraag nooit gesteld; bedoeld is de waarde zonder aanhalingstekens. Wij "
            "stellen de vraag in het formulier wel.",
            f"The condition for question {task_id} compares with a value wrapped in extra "
            "quotes. As published no answer ever equals it and the question is never asked; "
            "the value without quotes is meant. Our form does ask the question.",
        ),
        task=task_id,
    )


def _weights(task_id: str, key: str) -> DefinitionNote:
    return DefinitionNote(
        f"task {task_id} calculation {key}",
        "unprefixed_weights",
        "weightedCountMap keys lack the category prefix the option values carry",
        t(
            f"Score '{key}' (vraag {task_id}) weegt de gekozen opties, maar noemt ze zonder "
            "het voorvoegsel (zoals 'Categorie betrokkenen: ') dat de opties zelf hebben. "
            "Zoals gepubliceerd past dus geen enkele keuze en is de score altijd 0; bedoeld "
            "is dat elke keuze haar gewicht krijgt.",
            f"Score '{key}' (question {task_id}) weighs the chosen options but names them "
            "without the prefix (such as 'Categorie betrokkenen: ') the options themselves "
            "carry. As published no choice ever matches and the score is always 0; the "
            "intent is that each choice gets its weight.",
        ),
        task=task_id,
        score=key,
    )


def _unprefixed(index: TaskIndex, block: Mapping[str, Any]) -> bool:
    """Whether a ``weightedCountMap`` names, as a key, an option only by its text after the
    option value's ``prefix: ``."""
    try:
        parsed = parse_expression(str(block.get("expression") or ""))
    except ExpressionError:
        return False
    return any(_bare_keys(index, parsed))


def _bare_keys(index: TaskIndex, parsed: Expression) -> Iterator[set[str]]:
    """Per ``weightedCountMap(answers('x'), [keys], …)``: the keys that match one of task
    x's option values only after its ``prefix: ``."""
    for node in walk(parsed.root):
        if not (isinstance(node, Call) and node.function == "weightedCountMap"):
            continue
        source, keys = node.arguments[0], node.arguments[1]
        task_ids = [
            n.arguments[0].value
            for n in walk(source)
            if isinstance(n, Call)
            and n.function == "answers"
            and isinstance(n.arguments[0], Literal)
        ]
        target = index.get(str(task_ids[0])) if task_ids else None
        if target is None or not isinstance(keys, ArrayLiteral):
            continue
        options = {
            str(o.get("value")) for o in target.raw.get("options") or () if isinstance(o, Mapping)
        }
        texts = {str(k.value) for k in keys.items if isinstance(k, Literal)}
        bare = {k for k in texts if k not in options and any(o.endswith(f": {k}") for o in options)}
        yield bare
