"""Turn untrusted profile documents into an ``AlgorithmProfile`` or a full list of errors.

Every error names the field (a dotted path with list indexes) and the rule it breaks.
Errors never echo the submitted values back, so nothing the user typed ends up in logs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import ValidationError

from sluis.profiles.model import AlgorithmProfile, DataType, HumanInvolvement


@dataclass(frozen=True)
class FieldError:
    loc: str
    rule: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"loc": self.loc, "rule": self.rule, "message": self.message}


class ProfileInvalid(ValueError):
    """A profile that cannot be accepted; ``errors`` lists every problem found."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.loc}: {e.message} [{e.rule}]" for e in errors))


def parse_profile_text(text: str) -> AlgorithmProfile:
    """Parse a YAML or JSON document (JSON is a subset of YAML 1.2 in practice)."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        raise ProfileInvalid(
            [FieldError("(document)", "syntax", f"not valid YAML or JSON at {where}")]
        ) from None
    return validate_profile(document)


def validate_profile(document: Any) -> AlgorithmProfile:
    if not isinstance(document, Mapping):
        raise ProfileInvalid(
            [FieldError("(document)", "type", "a profile must be a mapping of fields")]
        )
    try:
        profile = AlgorithmProfile.model_validate(dict(document))
    except ValidationError as exc:
        raise ProfileInvalid(list(_from_pydantic(exc))) from None
    problems = list(consistency_errors(profile))
    if problems:
        raise ProfileInvalid(problems)
    return profile


def profile_to_json(profile: AlgorithmProfile) -> str:
    return json.dumps(profile.model_dump(mode="json", exclude_none=True), ensure_ascii=False)


def _loc(parts: Iterable[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def _from_pydantic(exc: ValidationError) -> Iterable[FieldError]:
    for err in exc.errors(include_url=False, include_input=False):
        yield FieldError(_loc(err["loc"]), err["type"], err["msg"])


def consistency_errors(profile: AlgorithmProfile) -> Iterable[FieldError]:
    """Rules that span several fields: duplicates, dangling references, contradictions."""
    yield from _duplicates("data_fields", [f.name for f in profile.data_fields], "name")
    yield from _duplicates("decisions", [d.id for d in profile.decisions], "id")
    yield from _duplicates(
        "retention", [r.data_category for r in profile.retention], "data_category"
    )
    yield from _field_contradictions(profile)
    yield from _decision_contradictions(profile)
    yield from _notice_references(profile)
    yield from _monitoring_rules(profile)
    categories = {f.category for f in profile.data_fields}
    for i, period in enumerate(profile.retention):
        if period.data_category not in categories:
            yield FieldError(
                f"retention[{i}].data_category",
                "unknown_reference",
                "no data field has this category",
            )


def _duplicates(list_name: str, keys: list[str], key_name: str) -> Iterable[FieldError]:
    counts = Counter(keys)
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if counts[key] > 1 and key in seen:
            yield FieldError(f"{list_name}[{i}].{key_name}", "unique", "appears more than once")
        seen.add(key)


def _field_contradictions(profile: AlgorithmProfile) -> Iterable[FieldError]:
    for i, field in enumerate(profile.data_fields):
        loc = f"data_fields[{i}]"
        if field.art9_exception and not field.special_category:
            yield FieldError(
                f"{loc}.art9_exception",
                "contradiction",
                "an art. 9(2) exception is given but the field is no special category",
            )
        if field.art10_basis and not field.criminal_data:
            yield FieldError(
                f"{loc}.art10_basis",
                "contradiction",
                "an art. 10 basis is given but the field is not marked as criminal data",
            )
        if (
            field.minimum is not None
            and field.maximum is not None
            and field.minimum > field.maximum
        ):
            yield FieldError(f"{loc}.minimum", "contradiction", "minimum is above maximum")
        if (field.minimum is not None or field.maximum is not None) and field.type not in (
            DataType.integer,
            DataType.number,
        ):
            yield FieldError(
                f"{loc}.minimum", "type", "a range only applies to integer or number fields"
            )
        if field.allowed_values is not None and field.type is not DataType.category:
            yield FieldError(
                f"{loc}.allowed_values", "type", "allowed values only apply to category fields"
            )
        if field.national_id_basis and not field.national_id:
            yield FieldError(
                f"{loc}.national_id_basis",
                "contradiction",
                "a basis for a national id is given but the field is not a national id",
            )


def _decision_contradictions(profile: AlgorithmProfile) -> Iterable[FieldError]:
    field_names = {f.name for f in profile.data_fields}
    for i, decision in enumerate(profile.decisions):
        loc = f"decisions[{i}]"
        yield from _duplicates(f"{loc}.outcomes", [o.value for o in decision.outcomes], "value")
        for j, name in enumerate(decision.uses_fields or []):
            if name not in field_names:
                yield FieldError(
                    f"{loc}.uses_fields[{j}]", "unknown_reference", "no data field has this name"
                )
        if decision.human_involvement is HumanInvolvement.none and decision.human_stage:
            yield FieldError(
                f"{loc}.human_stage",
                "contradiction",
                "a stage of human involvement is given while human_involvement is 'none'",
            )
        if (
            decision.consequences_only_after_review
            and decision.human_involvement is HumanInvolvement.none
        ):
            yield FieldError(
                f"{loc}.consequences_only_after_review",
                "contradiction",
                "consequences cannot follow human review when no human is involved",
            )
        if decision.third_party_score_determining and decision.third_party_score is False:
            yield FieldError(
                f"{loc}.third_party_score_determining",
                "contradiction",
                "a third-party score cannot be determining when none is used",
            )


def _notice_references(profile: AlgorithmProfile) -> Iterable[FieldError]:
    """The notice wording names fields, decisions and outcomes the profile declares."""
    notice = profile.notice
    if notice is None:
        return
    fields = {f.name for f in profile.data_fields}
    decisions = {d.id for d in profile.decisions}
    outcomes = {o.value for d in profile.decisions for o in d.outcomes}
    for name in notice.field_labels:
        if name not in fields:
            yield FieldError(
                f"notice.field_labels.{name}", "unknown_reference", "no data field has this name"
            )
    for name, values in notice.value_labels.items():
        field = profile.field(name)
        if field is None:
            yield FieldError(
                f"notice.value_labels.{name}", "unknown_reference", "no data field has this name"
            )
            continue
        for value in values:
            if field.allowed_values is not None and value not in field.allowed_values:
                yield FieldError(
                    f"notice.value_labels.{name}",
                    "unknown_reference",
                    "a value is not among the field's allowed values",
                )
    for name in notice.logic:
        if name not in decisions:
            yield FieldError(f"notice.logic.{name}", "unknown_reference", "no decision has this id")
    for value in notice.outcomes:
        if value not in outcomes:
            yield FieldError(
                f"notice.outcomes.{value}",
                "unknown_reference",
                "no decision declares this outcome",
            )


def _monitoring_rules(profile: AlgorithmProfile) -> Iterable[FieldError]:
    """Monitoring attributes stay apart from the decision inputs (they must never reach the
    procedure), and special categories need an art. 9(2) exception of their own."""
    monitoring = profile.monitoring
    if monitoring is None:
        return
    names = [a.name for a in monitoring.attributes]
    yield from _duplicates("monitoring.attributes", names, "name")
    fields = {f.name for f in profile.data_fields}
    for i, attribute in enumerate(monitoring.attributes):
        loc = f"monitoring.attributes[{i}]"
        if attribute.name == "decision":
            yield FieldError(
                f"{loc}.name", "reserved", "'decision' names the decision id in recorded items"
            )
        if attribute.name in fields:
            yield FieldError(
                f"{loc}.name",
                "kept_apart",
                "a data field has this name: monitoring attributes must stay apart from the "
                "decision inputs",
            )
        seen: set[str] = set()
        for j, group in enumerate(attribute.groups):
            if group in seen:
                yield FieldError(f"{loc}.groups[{j}]", "unique", "appears more than once")
            seen.add(group)
    special = any(a.special_category for a in monitoring.attributes)
    if special and monitoring.art9_exception is None:
        yield FieldError(
            "monitoring.art9_exception",
            "required",
            "an attribute reveals a special category: name the art. 9(2) exception",
        )
