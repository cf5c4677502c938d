"""A filled-in instrument for people: Markdown, HTML and PDF.

The interface wording follows the chosen language (nl/en); the questions, options and the
rules' own results stay in the definition's language. Every rendering names the
algorithm, the definition (URN and version), the answers' version and state, so a printed
instrument can be traced back. Hidden questions (by the definition's conditions) are left
out; a prefilled answer says where the suggestion came from.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from sluis.i18n import translator
from sluis.instruments.answers import element_members
from sluis.instruments.model import Task, TaskType
from sluis.instruments.prefill import as_text
from sluis.instruments.rules import Verdicts
from sluis.instruments.service import InstrumentVerdict, StoredInstance, instance_progress
from sluis.instruments.visibility import visible_task_ids
from sluis.reports.rendering import TEMPLATES, report_environment


@dataclass(frozen=True)
class Block:
    """One heading or question of the rendered document."""

    depth: int
    title: str
    task_id: str
    answer: str | None = None
    """``None`` for a heading (a group or a repeated element)."""
    prefill: str | None = None
    children: list[Block] = field(default_factory=list)


def blocks(stored: StoredInstance, visible: Collection[str] | None = None) -> list[Block]:
    """The document's tree: parts, groups, repeated elements and answered questions."""
    shown = visible if visible is not None else visible_task_ids(stored.definition, stored.answers)
    sources = {k: m.prefill.source for k, m in stored.record.meta.items() if m.prefill}
    return [
        b
        for task in stored.definition.tasks
        if (b := _block(task, stored.answers, shown, sources, 1)) is not None
    ]


def _block(
    task: Task,
    scope: Mapping[str, Any],
    shown: Collection[str],
    sources: Mapping[str, str],
    depth: int,
) -> Block | None:
    if task.id not in shown or task.kind is TaskType.informational:
        return None
    prefill = sources.get(task.id)
    if task.repeatable:
        elements = scope.get(task.id) or []
        name = task.item_name or task.title
        children = []
        for number, element in enumerate(elements, start=1):
            inner = [
                b
                for member in element_members(task)
                if (b := _member(task, member, element, shown, sources, depth + 2)) is not None
            ]
            children.append(Block(depth + 1, f"{name} {number}", task.id, children=inner))
        return Block(depth, task.title, task.id, prefill=prefill, children=children)
    if task.is_group:
        children = [
            b
            for child in task.tasks
            if (b := _block(child, scope, shown, sources, depth + 1)) is not None
        ]
        return Block(depth, task.title, task.id, children=children)
    value = scope.get(task.id)
    answer = "" if task.id not in scope else _answer(task, value)
    return Block(depth, task.title, task.id, answer=answer, prefill=prefill)


def _member(
    owner: Task,
    member: Task,
    element: Mapping[str, Any],
    shown: Collection[str],
    sources: Mapping[str, str],
    depth: int,
) -> Block | None:
    if member is owner:
        answer = "" if member.id not in element else _answer(member, element[member.id])
        return Block(depth, member.title, member.id, answer=answer)
    return _block(member, element, shown, sources, depth)


def _answer(task: Task, value: Any) -> str:
    if task.kind is TaskType.image and isinstance(value, Mapping):
        return " — ".join(
            str(value.get(k)) for k in ("title", "description", "source") if value.get(k)
        )
    if value is None:
        option = task.option_for(None)
        return option.shown if option is not None else ""
    return as_text(task, value)


def _header(stored: StoredInstance, lang: str) -> dict[str, str]:
    _ = translator(lang)
    definition = stored.definition
    progress = instance_progress(definition, stored.record)
    return {
        "title": f"{definition.name}",
        "provenance": _("instrument.doc.provenance").format(
            profile=stored.profile_id,
            urn=definition.urn,
            definition_version=definition.version,
            version=stored.version,
            state=_(f"instrument.state.{stored.state.value}"),
        ),
        "progress": _("instrument.doc.progress").format(
            answered=progress.answered, total=progress.total, percent=progress.percent
        ),
    }


def render_markdown(
    stored: StoredInstance, lang: str, verdict: InstrumentVerdict | None = None
) -> str:
    _ = translator(lang)
    head = _header(stored, lang)
    lines = [f"# {head['title']}", "", f"*{head['provenance']}*", "", head["progress"], ""]
    lines += [f"*{_('instrument.doc.language_note')}*", ""]
    if verdict is not None and verdict.verdicts.assessments:
        lines += _verdict_markdown(verdict, _, lang)
    for block in blocks(stored):
        lines += _block_markdown(block, _)
    lines += _signatures_markdown(stored, _)
    return "\n".join(lines).rstrip() + "\n"


def _block_markdown(block: Block, _: Callable[[str], str]) -> list[str]:
    if block.answer is None:
        out = [f"{'#' * min(block.depth + 1, 6)} {block.task_id} {block.title}".rstrip(), ""]
        if block.prefill:
            out += [f"> {_('instrument.doc.prefilled').format(source=block.prefill)}", ""]
        for child in block.children:
            out += _block_markdown(child, _)
        return out
    answer = block.answer.strip() or _("instrument.doc.unanswered")
    out = [f"**{block.task_id} {block.title}**", ""]
    out += [f"{line}  " if line else "" for line in answer.splitlines()] or [""]
    out.append("")
    if block.prefill:
        out += [f"> {_('instrument.doc.prefilled').format(source=block.prefill)}", ""]
    return out


def _verdict_markdown(verdict: InstrumentVerdict, _: Callable[[str], str], lang: str) -> list[str]:
    lines = [f"## {_('instrument.doc.verdict')}", ""]
    if verdict.differs:
        lines += [f"*{_('instrument.doc.as_published')}*", ""]
    lines += _outcomes_markdown(verdict.verdicts, _)
    if verdict.differs:
        lines += [f"*{_('instrument.doc.as_intended')}*", ""]
        lines += _outcomes_markdown(verdict.readings.intended, _)
        lines += [_("instrument.doc.readings_differ"), ""]
        lines += [f"- {d.text.get(lang)}" for d in verdict.readings.differences] + [""]
    if verdict.comparison is not None:
        agree = _("instrument.doc.agree" if verdict.comparison.agree else "instrument.doc.disagree")
        lines += [f"### {_('instrument.doc.comparison')}", "", agree, ""]
        for reason in verdict.comparison.reasons:
            lines.append(f"- {reason.get(lang)}")
        lines.append("")
    return lines


def _outcomes_markdown(verdicts: Verdicts, _: Callable[[str], str]) -> list[str]:
    lines = []
    for outcome in verdicts.assessments:
        level = _(f"instrument.doc.level.{outcome.level}")
        result = f" — {outcome.result}" if outcome.result else ""
        lines.append(f"- **{outcome.id}**: {level}{result}")
        for criterion in outcome.fired:
            lines.append(f"  - {_('instrument.doc.criteria')}: {criterion.explanation}")
    return [*lines, ""]


def _signatures_markdown(stored: StoredInstance, _: Callable[[str], str]) -> list[str]:
    lines = [f"## {_('instrument.doc.signatures')}", ""]
    if not stored.record.signatures:
        return [*lines, _("instrument.doc.no_signatures"), ""]
    for s in stored.record.signatures:
        note = f" — {s.note}" if s.note else ""
        lines.append(f"- {s.role.value}: {s.name} ({s.date:%Y-%m-%d}), {s.decision.value}{note}")
    return [*lines, ""]


def render_html(stored: StoredInstance, lang: str, verdict: InstrumentVerdict | None = None) -> str:
    template = report_environment().get_template("instrument.html")
    return template.render(
        head=_header(stored, lang),
        blocks=blocks(stored),
        verdict=verdict,
        stored=stored,
        lang=lang,
        _=translator(lang),
    )


def render_pdf(
    stored: StoredInstance, lang: str, verdict: InstrumentVerdict | None = None
) -> bytes:
    from weasyprint import HTML  # imported late: loading Pango is slow and only PDF needs it

    return HTML(string=render_html(stored, lang, verdict), base_url=str(TEMPLATES)).write_pdf()


__all__ = ["Block", "blocks", "render_html", "render_markdown", "render_pdf"]
