"""The decision notice (besluitbrief): what a person is told about one decision. Pure.

Built from the decision's record (with its inputs), the profile version it was taken
under, its explanation (``sluis.notices.explaining``), the human reviews the audit trail
recorded, and the organisation's notice settings. It tells the person, in plain words:

- the decision and its reasons, with the legal basis (Awb art. 3:46-3:47; GDPR recital 71);
- that a computer program was used, and which human review took place, or that none did
  and that they can ask for one (GDPR art. 22(3));
- which of their data were used, with their values and sources, and the logic in plain
  words, so they can see how their data led to the outcome (GDPR art. 13(2)(f),
  14(2)(g), 15(1)(h); CJEU C-203/22), with what would have changed it where that is known;
- what the decision means for them;
- their rights and how to use each, with a personal reference and link;
- for an administrative body (bestuursorgaan): the objection (bezwaar) period and where to
  send it (Awb art. 3:45, 6:5, 6:7);
- that they can complain to the supervisory authority (GDPR art. 77).

A decision still under review (``pending_review``, ``selected_for_review``) gets a notice
that says so and shows no outcome: nothing has been decided yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sluis.gateway.records import DecisionRecord
from sluis.i18n import translator
from sluis.law.citations import Citation, awb, gdpr
from sluis.notices.explaining import DecidingCondition, DecisionExplanation
from sluis.notices.formatting import format_date, format_score, format_value, humanise, plain
from sluis.notices.readability import ReadabilityReport, check_sections
from sluis.notices.rights import (
    Organisation,
    Right,
    decision_rights,
    organisation_of,
    request_link,
)
from sluis.notices.sections import Item, Section, Table
from sluis.profiles.model import (
    AlgorithmProfile,
    DataField,
    DataSource,
    Decision,
    Effect,
    NoticeSettings,
    TechnologyKind,
)

NOTICE_FORMAT = "sluis.notice/1"
PENDING_STATUSES = frozenset({"pending_review", "selected_for_review"})
MAX_FACTORS = 5


class NoticeUnavailable(ValueError):
    """No notice can be made: ``erased`` (the subject's key was shredded) or
    ``not_revealed`` (the record was read without its inputs)."""

    def __init__(self, decision_uuid: str, reason: str) -> None:
        super().__init__(f"decision {decision_uuid}: no notice ({reason})")
        self.decision_uuid = decision_uuid
        self.reason = reason


@dataclass(frozen=True)
class ReviewEvent:
    """A human review of the decision as the audit trail records it (never its outcome)."""

    at: datetime
    action: str | None
    stage: str | None = None
    round: int | None = None


@dataclass(frozen=True)
class DataUsed:
    field: str
    label: str
    value: object
    shown: str
    source: str
    purpose: str | None

    def to_json_dict(self) -> dict[str, Any]:
        value = plain(self.value)
        value = value.isoformat() if isinstance(value, date) else value
        return {
            "field": self.field,
            "label": self.label,
            "value": value,
            "shown": self.shown,
            "source": self.source,
            "purpose": self.purpose,
        }


@dataclass(frozen=True)
class DecisionNotice:
    """One decision notice in one language: its facts and the sections that are shown."""

    lang: str
    title: str
    decision_uuid: str
    profile_id: str
    profile_version: int
    decision_id: str
    algorithm: str
    status: str
    outcome: str | None
    outcome_label: str | None
    favourable: bool | None
    proposal: str | None
    decided_at: datetime | None
    letter_date: date
    organisation: Organisation
    reviews: tuple[ReviewEvent, ...]
    data_used: tuple[DataUsed, ...]
    rights: tuple[Right, ...]
    counterfactual: str | None
    sections: tuple[Section, ...]
    readability: ReadabilityReport

    @property
    def final(self) -> bool:
        return self.status == "final"

    @property
    def reference(self) -> str:
        return self.decision_uuid

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def provenance(self) -> str:
        return translator(self.lang)("notices.provenance").format(
            profile=self.profile_id, version=self.profile_version, decision=self.decision_id
        )

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "format": NOTICE_FORMAT,
            "lang": self.lang,
            "title": self.title,
            "reference": self.reference,
            "decision": {
                "id": self.decision_uuid,
                "profile_id": self.profile_id,
                "profile_version": self.profile_version,
                "decision_id": self.decision_id,
                "algorithm": self.algorithm,
                "status": self.status,
                "final": self.final,
                "outcome": self.outcome,
                "outcome_label": self.outcome_label,
                "favourable": self.favourable,
                "proposal": self.proposal,
                "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            },
            "letter_date": self.letter_date.isoformat(),
            "organisation": self.organisation.to_json_dict(),
            "human_review": {
                "took_place": bool(self.reviews),
                "events": [
                    {"at": r.at.isoformat(), "action": r.action, "stage": r.stage, "round": r.round}
                    for r in self.reviews
                ],
            },
            "data_used": [d.to_json_dict() for d in self.data_used],
            "rights": [r.to_json_dict(self.lang) for r in self.rights],
            "objection": self._objection_json(),
            "counterfactual": self.counterfactual,
            "sections": [s.to_json_dict() for s in self.sections],
            "readability": self.readability.to_json_dict(),
            "provenance": self.provenance(),
        }

    def _objection_json(self) -> dict[str, Any] | None:
        if not (self.final and self.organisation.administrative_body):
            return None
        return {
            "weeks": self.organisation.objection_weeks,
            "where": self.organisation.objection_address,
            "articles": [awb("6:4").label(self.lang), awb("6:7").label(self.lang)],
        }


@dataclass(frozen=True)
class _Context:
    """What every section builder needs."""

    record: DecisionRecord
    profile: AlgorithmProfile
    decision: Decision
    settings: NoticeSettings
    organisation: Organisation
    explanation: DecisionExplanation | None
    reviews: tuple[ReviewEvent, ...]
    lang: str

    def _(self, key: str, **values: object) -> str:
        text = translator(self.lang)(f"notices.{key}")
        return text.format(**values) if values else text

    def cite(self, *citations: Citation) -> tuple[str, ...]:
        return tuple(c.label(self.lang) for c in citations)


def build_decision_notice(
    record: DecisionRecord,
    profile: AlgorithmProfile,
    explanation: DecisionExplanation | None,
    reviews: Sequence[ReviewEvent],
    lang: str,
    *,
    today: date,
    settings: NoticeSettings | None = None,
) -> DecisionNotice:
    """The notice for ``record``. ``profile`` is the version the decision was taken
    under; ``settings`` the notice settings to use (default that version's own: pass the
    newest version's so that a changed address reaches every letter)."""
    if record.erased:
        raise NoticeUnavailable(record.decision_uuid, "erased")
    if record.payload is None:
        raise NoticeUnavailable(record.decision_uuid, "not_revealed")
    decision = next(d for d in profile.decisions if d.id == record.decision_id)
    chosen = settings or profile.notice or NoticeSettings()
    c = _Context(
        record=record,
        profile=profile,
        decision=decision,
        settings=chosen,
        organisation=organisation_of(profile, chosen, lang),
        explanation=explanation,
        reviews=tuple(sorted(reviews, key=lambda r: r.at)),
        lang=lang,
    )
    final = record.status not in PENDING_STATUSES
    data_used = _data_used(c)
    rights = decision_rights(profile, c.organisation, record.decision_uuid, lang, final=final)
    counterfactual = _counterfactual(c) if final else None
    sections = _sections(c, data_used, rights, counterfactual, final=final)
    outcome = record.outcome if final else None
    proposal = _proposal(c) if final else None
    title_key = "title.final" if final else "title.pending"
    return DecisionNotice(
        lang=lang,
        title=c._(title_key, algorithm=profile.name),
        decision_uuid=record.decision_uuid,
        profile_id=record.profile_id,
        profile_version=record.profile_version,
        decision_id=record.decision_id,
        algorithm=profile.name,
        status=record.status,
        outcome=outcome,
        outcome_label=outcome_label(c, outcome) if outcome is not None else None,
        favourable=_favourable(c, outcome),
        proposal=proposal,
        decided_at=(record.decided_at or record.created_at) if final else None,
        letter_date=today,
        organisation=c.organisation,
        reviews=c.reviews,
        data_used=data_used,
        rights=rights,
        counterfactual=counterfactual,
        sections=tuple(sections),
        readability=check_sections(sections, lang),
    )


def _sections(
    c: _Context,
    data_used: tuple[DataUsed, ...],
    rights: tuple[Right, ...],
    counterfactual: str | None,
    *,
    final: bool,
) -> list[Section]:
    """A decision taken: the decision, its reasons and what it means, and for an
    administrative body the objection. Still under review: where the case stands."""
    if final:
        sections = [
            _decision_section(c),
            _reasons_section(c, counterfactual),
            _algorithm_section(c, final=True),
            _data_section(c, data_used, final=True),
            _consequences_section(c),
        ]
        if c.organisation.administrative_body:
            sections.append(_objection_section(c))
    else:
        sections = [
            _pending_section(c),
            _algorithm_section(c, final=False),
            _data_section(c, data_used, final=False),
        ]
    return [*sections, _rights_section(c, rights), _complaint_section(c), _contact_section(c)]


# -- wording the organisation may configure ---------------------------------------------


def outcome_label(c: _Context, value: str) -> str:
    wording = c.settings.outcomes.get(value)
    configured = wording.label.get(c.lang) if wording and wording.label else None
    declared = c.decision.outcome(value)
    return configured or (declared.description if declared and declared.description else value)


def field_label(c: _Context, name: str) -> str:
    wording = c.settings.field_labels.get(name)
    return (wording.get(c.lang) if wording else None) or humanise(name)


def field_value(c: _Context, name: str, value: object) -> str:
    """A person's value of a field: the configured words for a category value, else the
    value formatted for the language."""
    if isinstance(value, str):
        wording = c.settings.value_labels.get(name, {}).get(value)
        configured = wording.get(c.lang) if wording else None
        if configured:
            return configured
    return format_value(value, c.lang)


def condition_label(c: _Context, name: str) -> str:
    wording = c.settings.conditions.get(name)
    return (wording.get(c.lang) if wording else None) or humanise(name)


def _favourable(c: _Context, outcome: str | None) -> bool | None:
    if outcome is None:
        return None
    declared = c.decision.outcome(outcome)
    return declared.favourable if declared else None


def _proposal(c: _Context) -> str | None:
    """What the program proposed, when a human decided otherwise."""
    e = c.explanation
    if e is not None and c.record.outcome is not None and e.outcome != c.record.outcome:
        return outcome_label(c, e.outcome)
    return None


# -- sections --------------------------------------------------------------------------


def _decision_section(c: _Context) -> Section:
    record = c.record
    outcome = record.outcome or ""
    paragraphs = [
        c._("decision.about", algorithm=c.profile.name),
        c._("decision.outcome", outcome=outcome_label(c, outcome)),
        c._("decision.date", date=format_date(record.decided_at or record.created_at, c.lang)),
    ]
    proposal = _proposal(c)
    if proposal is not None:
        paragraphs.append(c._("decision.overridden", proposal=proposal))
    if c.profile.legal_basis.law:
        paragraphs.append(c._("decision.basis", law=c.profile.legal_basis.law.rstrip(".")))
    return Section(
        "decision",
        c._("decision.title"),
        paragraphs=tuple(paragraphs),
        citations=c.cite(awb("3:46"), awb("3:47"))
        if c.organisation.administrative_body
        else c.cite(gdpr("22(3)"), gdpr("recital 71")),
    )


def _reasons_section(c: _Context, counterfactual: str | None) -> Section:
    e = c.explanation
    paragraphs: list[str] = []
    items: list[Item] = []
    if e is None:
        paragraphs.append(c._("reasons.unavailable"))
    elif e.kind == "rules":
        paragraphs.append(c._("reasons.rules"))
        items += [_condition_item(c, d) for d in e.deciding]
    else:
        if e.score is not None and e.threshold is not None:
            paragraphs.append(
                c._(
                    "reasons.model_score",
                    score=format_score(e.score, c.lang),
                    threshold=format_score(e.threshold, c.lang),
                )
            )
        paragraphs.append(c._("reasons.model_factors"))
        factors = sorted(e.factors, key=lambda f: f.rank)[:MAX_FACTORS]
        items += [
            Item(
                c._(
                    f"reasons.factor_{f.direction}",
                    field=field_label(c, f.field),
                    value=field_value(c, f.field, f.value),
                ),
                key=f.field,
            )
            for f in factors
        ]
    after: list[str] = []
    if _proposal(c) is not None and e is not None:
        after.append(c._("reasons.proposal_only"))
    if counterfactual:
        after.append(counterfactual)
    return Section(
        "reasons",
        c._("reasons.title"),
        paragraphs=tuple(paragraphs),
        items=tuple(items),
        after=tuple(after),
        citations=c.cite(gdpr("15(1)(h)"), gdpr("recital 71")),
    )


def _condition_item(c: _Context, d: DecidingCondition) -> Item:
    key = "reasons.condition_met" if d.passed else "reasons.condition_not_met"
    parts = [c._(key, condition=condition_label(c, d.condition))]
    for name, value in zip(d.fields, d.values, strict=False):
        parts.append(
            c._(
                "reasons.your_value",
                field=_inline(field_label(c, name)),
                value=field_value(c, name, value),
            )
        )
    if d.threshold is not None:
        parts.append(c._("reasons.threshold", threshold=format_value(d.threshold, c.lang)))
    return Item(" ".join(parts), citation=d.legal_basis, key=d.condition)


def _counterfactual(c: _Context) -> str | None:
    e = c.explanation
    if e is None or _proposal(c) is not None:
        # After an override the counterfactual of the program's proposal would mislead.
        return None
    cf = e.counterfactual
    if cf.status == "found" and cf.changes and cf.new_outcome is not None:
        changes = c._("counterfactual.and").join(
            c._(
                "counterfactual.change",
                field=_inline(field_label(c, ch.field)),
                changed=field_value(c, ch.field, ch.changed),
                current=field_value(c, ch.field, ch.current),
            )
            for ch in cf.changes
        )
        return c._(
            "counterfactual.found", changes=changes, outcome=outcome_label(c, cf.new_outcome)
        )
    if cf.status in ("none_exists", "budget_exhausted"):
        return c._(f"counterfactual.{cf.status}")
    return None


def _inline(text: str) -> str:
    """A label inside a sentence: lower case first letter, unless it starts an acronym."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _algorithm_section(c: _Context, *, final: bool) -> Section:
    paragraphs = [c._("algorithm.used" if final else "algorithm.used_pending")]
    items: list[Item] = []
    if c.reviews:
        paragraphs.append(c._("algorithm.reviewed"))
        items = [_review_item(c, r) for r in c.reviews]
    after: list[str] = []
    if final and not c.reviews:
        paragraphs.append(c._("algorithm.no_review"))
        after.append(c._("algorithm.ask_review"))
    elif not final:
        after.append(c._("algorithm.review_pending"))
    after.extend(logic_paragraphs(c.profile, c.decision, c.settings, c.lang))
    return Section(
        "algorithm",
        c._("algorithm.title"),
        paragraphs=tuple(paragraphs),
        items=tuple(items),
        after=tuple(after),
        citations=c.cite(gdpr("13(2)(f)"), gdpr("14(2)(g)"), gdpr("22(3)")),
    )


def _review_item(c: _Context, review: ReviewEvent) -> Item:
    known = {"confirm", "override", "agree", "disagree", "request_information", "escalate"}
    action = review.action if review.action in known else "other"
    return Item(c._(f"review.{action}", date=format_date(review.at, c.lang)), key=action)


def logic_paragraphs(
    profile: AlgorithmProfile, decision: Decision, settings: NoticeSettings, lang: str
) -> list[str]:
    """The logic in plain words: the organisation's own text, else one made from the
    profile (rules and the law they apply, or a model and its score)."""
    _ = translator(lang)
    wording = settings.logic.get(decision.id)
    configured = wording.get(lang) if wording else None
    if configured:
        paragraphs = [configured]
    elif profile.technology.kind is TechnologyKind.rules:
        law = profile.legal_basis.law
        paragraphs = [
            _("notices.logic.rules").format(law=law.rstrip("."))
            if law
            else _("notices.logic.rules_no_law")
        ]
    else:
        paragraphs = [_("notices.logic.model")]
    if decision.profiling:
        paragraphs.append(_("notices.logic.profiling"))
    return paragraphs


def _data_used(c: _Context) -> tuple[DataUsed, ...]:
    assert c.record.payload is not None
    inputs = c.record.payload.inputs
    return tuple(
        DataUsed(
            field=f.name,
            label=field_label(c, f.name),
            value=inputs[f.name],
            shown=field_value(c, f.name, inputs[f.name]),
            source=source_label(f, c.lang),
            purpose=f.purpose,
        )
        for f in c.profile.fields_used_by(c.decision)
        if f.name in inputs
    )


def source_label(field: DataField, lang: str) -> str:
    _ = translator(lang)
    if field.source is None:
        return _("notices.source.unknown")
    named = field.source in (DataSource.other_organisation, DataSource.public_source)
    if named and field.source_name:
        return _("notices.source.other_organisation_named").format(name=field.source_name)
    return _(f"notices.source.{field.source.value}")


def _data_section(c: _Context, data_used: tuple[DataUsed, ...], *, final: bool) -> Section:
    table = Table(
        columns=(
            c._("data.column.field"),
            c._("data.column.value"),
            c._("data.column.source"),
            c._("data.column.purpose"),
        ),
        rows=tuple((d.label, d.shown, d.source, d.purpose or "-") for d in data_used),
    )
    return Section(
        "data",
        c._("data.title"),
        paragraphs=(c._("data.intro" if final else "data.intro_pending"),),
        table=table,
        after=(c._("data.correct"),),
        citations=c.cite(gdpr("14(2)(f)"), gdpr("15(1)"), gdpr("16")),
    )


def _consequences_section(c: _Context) -> Section:
    outcome = c.record.outcome or ""
    wording = c.settings.outcomes.get(outcome)
    configured = wording.consequences.get(c.lang) if wording and wording.consequences else None
    favourable = _favourable(c, outcome)
    paragraphs: list[str] = []
    if favourable is True:
        paragraphs.append(c._("consequences.favourable"))
    elif favourable is False:
        paragraphs.append(c._("consequences.adverse"))
    if configured:
        paragraphs.append(configured)
    elif c.decision.effect is Effect.legal:
        paragraphs.append(c._("consequences.legal"))
    elif c.decision.effect is Effect.similarly_significant:
        paragraphs.append(c._("consequences.significant"))
    if favourable is not True:
        paragraphs.append(c._("consequences.disagree"))
    return Section(
        "consequences",
        c._("consequences.title"),
        paragraphs=tuple(paragraphs),
        citations=c.cite(gdpr("13(2)(f)"), gdpr("15(1)(h)")),
    )


def _objection_section(c: _Context) -> Section:
    o = c.organisation
    reference = c.record.decision_uuid
    paragraphs = [c._("objection.intro", weeks=o.objection_weeks)]
    if o.objection_address:
        paragraphs.append(c._("objection.where", where=o.objection_address))
    # Online, an objection (bezwaar) is a request to contest the decision.
    link = request_link(o, reference, "contest")
    if link is not None:
        paragraphs.append(c._("objection.online", link=link))
    paragraphs.append(c._("objection.contents"))
    items = tuple(
        Item(c._(f"objection.item.{key}", reference=reference), key=key)
        for key in ("name", "date", "reference", "why", "signature")
    )
    return Section(
        "objection",
        c._("objection.title"),
        paragraphs=tuple(paragraphs),
        items=items,
        after=(c._("objection.heard"),),
        citations=c.cite(awb("3:45"), awb("6:5"), awb("6:7"), awb("6:8"), awb("7:2")),
    )


def _pending_section(c: _Context) -> Section:
    key = "pending.selected" if c.record.status == "selected_for_review" else "pending.no_decision"
    return Section(
        "status",
        c._("pending.title"),
        paragraphs=(c._(key), c._("pending.next")),
        citations=c.cite(gdpr("13(2)(f)"), gdpr("14(2)(g)")),
    )


def _rights_section(c: _Context, rights: tuple[Right, ...]) -> Section:
    reference = c.record.decision_uuid
    intro = (
        c._("rights.intro", reference=reference)
        if c.organisation.portal_url
        else c._("rights.how_contact", reference=reference)
    )
    items = tuple(
        Item(r.text, link=r.link, citation=r.citation.label(c.lang), key=r.key) for r in rights
    )
    return Section(
        "rights",
        c._("rights.title"),
        paragraphs=(intro,),
        items=items,
        after=(c._("rights.answer"),),
        citations=c.cite(gdpr("12(3)"), gdpr("12(5)")),
    )


def _complaint_section(c: _Context) -> Section:
    o = c.organisation
    paragraphs = [c._("complaint.text", authority=o.authority)]
    if o.authority_url:
        paragraphs.append(c._("complaint.link", url=o.authority_url))
    paragraphs.append(c._("complaint.first_us"))
    return Section(
        "complaint",
        c._("complaint.title"),
        paragraphs=tuple(paragraphs),
        citations=c.cite(gdpr("77")),
    )


def contact_items(organisation: Organisation, lang: str) -> tuple[Item, ...]:
    _ = translator(lang)
    o = organisation
    items = []
    if o.email:
        items.append(Item(_("notices.contact.email").format(email=o.email), key="email"))
    if o.phone:
        items.append(Item(_("notices.contact.phone").format(phone=o.phone), key="phone"))
    if o.postal_address:
        items.append(Item(_("notices.contact.post").format(address=o.postal_address), key="post"))
    if o.web:
        items.append(Item(_("notices.contact.web").format(url=o.web), key="web"))
    if o.dpo:
        items.append(Item(_("notices.contact.dpo").format(dpo=o.dpo), key="dpo"))
    return tuple(items)


def _contact_section(c: _Context) -> Section:
    after = [c._("contact.reference", reference=c.record.decision_uuid)]
    extra = c.settings.extra.get(c.lang) if c.settings.extra else None
    if extra:
        after.append(extra)
    return Section(
        "contact",
        c._("contact.title"),
        paragraphs=(c._("contact.intro"),),
        items=contact_items(c.organisation, c.lang),
        after=tuple(after),
    )


__all__ = [
    "NOTICE_FORMAT",
    "PENDING_STATUSES",
    "DataUsed",
    "DecisionNotice",
    "NoticeUnavailable",
    "ReviewEvent",
    "build_decision_notice",
    "contact_items",
    "logic_paragraphs",
    "source_label",
]
