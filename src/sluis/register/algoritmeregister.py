"""A profile as a publication of the Dutch Algoritmeregister (publication standard 1.0).

Pure: the standard's JSON Schema is passed in as a dict; nothing here reads files. The
schema gives the field order, the length limits and the allowed values, so a newer patch of
the standard with other limits needs no code change.

What the profile cannot fill is left out of the document (never ``null``, never invented)
and reported as a :class:`MissingField` naming the profile field to fill in. Values Sluis
works out itself (the publication category) are reported as :class:`DerivedField`, and
whatever was changed to fit the standard (a text shortened to its maximum length, a link
that is not a valid URI) as a :class:`PublicationWarning`. A document built here can fail
the schema only because required fields are missing.

The Dutch sentences Sluis writes for the register live in :mod:`.algoritmeregister_text`.

Bulk CSV (:func:`publications_csv`): one row per algorithm, the columns are the standard's
field names in the schema's order, and a list (``theme``) is written as its items joined
by ``", "`` — the convention the standard itself uses for ``search_terms``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft7Validator, FormatChecker

from sluis.law.results import Assessment, DpiaVerdict
from sluis.profiles.model import AlgorithmProfile, AlgorithmStatus, PublicationCategory
from sluis.register import algoritmeregister_text as words

LANGUAGE = "nld"
STANDARD_VERSION = "1.0.0"
LIST_SEPARATOR = ", "
ELLIPSIS = "…"

STATUS = {
    AlgorithmStatus.in_development: "In ontwikkeling",
    AlgorithmStatus.in_use: "In gebruik",
    AlgorithmStatus.out_of_use: "Buiten gebruik",
}
CATEGORY = {
    PublicationCategory.high_risk_ai: "Hoog-risico AI-systeem (Categorie A)",
    PublicationCategory.impactful: "Impactvolle algoritmes (Categorie B)",
    PublicationCategory.other: "Overige algoritmes (Categorie C)",
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class UnsupportedSchema(ValueError):
    """The schema given is not the Algoritmeregister publication standard 1.0."""


@dataclass(frozen=True)
class MissingField:
    """A field of the standard the profile cannot fill yet, and where to fill it."""

    field: str
    reason_nl: str
    reason_en: str
    profile_path: str


@dataclass(frozen=True)
class DerivedField:
    """A value Sluis worked out from other facts instead of reading it from the profile."""

    field: str
    value: str
    reason_nl: str
    reason_en: str


@dataclass(frozen=True)
class PublicationWarning:
    """Something changed or questionable in the document, for the user to check."""

    field: str
    code: str
    text_nl: str
    text_en: str
    profile_path: str


@dataclass(frozen=True)
class SchemaError:
    """One way the document fails the standard's schema."""

    path: str
    message: str
    rule: str = ""


@dataclass(frozen=True)
class Publication:
    """The register document for one profile version, with what is missing or derived."""

    profile_id: str
    version: int | None
    document: dict[str, Any]
    missing: tuple[MissingField, ...]
    derived: tuple[DerivedField, ...]
    warnings: tuple[PublicationWarning, ...]
    fields: tuple[str, ...]
    """The standard's field names in the schema's order (the CSV columns)."""

    @property
    def complete(self) -> bool:
        return not self.missing


def standard_fields(schema: Mapping[str, Any]) -> tuple[str, ...]:
    """The standard's field names, in the schema's order."""
    return tuple(_properties(schema))


def check_schema(schema: Mapping[str, Any]) -> None:
    """Raise :class:`UnsupportedSchema` unless ``schema`` is the standard this module maps to:
    its fixed language and version, and the status and category values it must allow."""
    props = _properties(schema)
    problems: list[str] = []
    for key, values in (("status", STATUS), ("publication_category", CATEGORY)):
        allowed = props.get(key, {}).get("enum", [])
        problems += [f"{key} does not allow {v!r}" for v in values.values() if v not in allowed]
    for key, const in (("language", LANGUAGE), ("schema", STANDARD_VERSION)):
        if props.get(key, {}).get("const") != const:
            problems.append(f"{key} is not fixed to {const!r}")
    if problems:
        raise UnsupportedSchema(
            "not the Algoritmeregister publication standard 1.0: " + "; ".join(problems)
        )


def build_publication(
    profile: AlgorithmProfile,
    assessment: Assessment,
    version: int | None,
    schema: Mapping[str, Any],
) -> Publication:
    """Map one profile version and its assessment onto the register's document.

    ``version`` is None for a profile that is not registered (a file): the document then
    names no version."""
    check_schema(schema)
    b = _Builder(schema)
    reg = profile.registration
    b.text("name", profile.name, "name")
    b.text("description_short", profile.description, "description")
    b.text("organization", profile.controller.name, "controller.name")
    if reg.themes:
        b.set("theme", list(reg.themes))
    else:
        b.missing("theme", "registration.themes")
    if reg.status is not None:
        b.set("status", STATUS[reg.status])
    else:
        b.missing("status", "registration.status")
    _dates(b, profile)
    _contact(b, reg.public_contact)
    b.uri("link", reg.public_page, "registration.public_page")
    _category(b, profile, assessment)
    b.text("purpose_and_impact", words.purpose_and_impact(profile), "purposes")
    b.text("considerations", reg.considerations, "registration.considerations")
    _human_intervention(b, profile, assessment)
    b.text("risk_management", reg.risk_management, "registration.risk_management")
    b.text("legal_basis", words.legal_basis(profile), "legal_basis", required=False)
    b.uri("legal_basis_link", reg.legal_basis_link, "registration.legal_basis_link")
    if "legal_basis_link" in b.document:
        b.text("legal_basis_title", profile.legal_basis.law, "legal_basis.law", required=False)
    b.uri(
        "processing_register_link",
        reg.processing_register_link,
        "registration.processing_register_link",
    )
    _impact_assessments(b, profile, assessment)
    b.text("data", words.data(profile), "data_fields")
    b.uri("data_source_link", reg.data_source_link, "registration.data_source_link")
    b.text("technical_operation", words.technical_operation(profile), "technology.kind")
    b.text("supplier", profile.technology.supplier, "technology.supplier")
    b.uri("source_code_link", reg.source_code_link, "registration.source_code_link")
    b.set("language", LANGUAGE)
    b.set("schema", STANDARD_VERSION)
    b.set("source_id", f"sluis:{profile.id}" + (f":v{version}" if version else ""))
    if reg.search_terms:
        b.text("search_terms", LIST_SEPARATOR.join(reg.search_terms), "registration.search_terms")
    return b.publication(profile.id, version)


def validate_publication(
    document: Mapping[str, Any], schema: Mapping[str, Any]
) -> list[SchemaError]:
    """Every way ``document`` fails the schema (JSON Schema draft 7, URIs checked)."""
    validator = Draft7Validator(schema, format_checker=_format_checker())
    errors = []
    for error in validator.iter_errors(document):
        path = "/".join(str(p) for p in error.absolute_path)
        if error.validator == "required" and not path:
            path = next((k for k in error.validator_value if error.message.startswith(repr(k))), "")
        errors.append(SchemaError(path or "(document)", error.message, str(error.validator)))
    return sorted(errors, key=lambda e: (e.path, e.message))


def publications_csv(
    publications: Iterable[Publication], fields: Sequence[str] | None = None
) -> str:
    """The publications as CSV for bulk upload: a header of the standard's field names, then
    one row per algorithm. ``fields`` defaults to those of the first publication."""
    rows = list(publications)
    columns = tuple(fields) if fields is not None else (rows[0].fields if rows else ())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for publication in rows:
        if publication.fields != columns:
            raise ValueError(f"{publication.profile_id} was built against another schema")
        writer.writerow([_cell(publication.document.get(key)) for key in columns])
    return out.getvalue()


def truncate(text: str, limit: int) -> str:
    """``text`` cut at a word boundary so that, with an ellipsis, it fits in ``limit``."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    boundary = max(cut.rfind(" "), cut.rfind("\n"))
    if boundary > limit // 2:  # a very long word: better cut inside it than lose half
        cut = cut[:boundary]
    return cut.rstrip(" \n,;:-") + ELLIPSIS


class _Builder:
    """Collects the document and what is missing, derived or adjusted, per field."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.props = _properties(schema)
        self.required = set(schema.get("required", ()))
        self.document: dict[str, Any] = {}
        self.missing_fields: list[MissingField] = []
        self.derived: list[DerivedField] = []
        self.warnings: list[PublicationWarning] = []

    def set(self, key: str, value: Any) -> None:
        if key not in self.props:
            raise UnsupportedSchema(f"the schema has no field {key!r}")
        self.document[key] = value

    def text(self, key: str, value: str | None, path: str, *, required: bool = True) -> None:
        if value is None or not value.strip():
            if required:
                self.missing(key, path)
            return
        value = value.strip()
        limit = self.props[key].get("maxLength")
        if limit is not None and len(value) > limit:
            value = truncate(value, limit)
            self.warn(key, "truncated", path, *words.truncated(limit))
        self.set(key, value)

    def uri(self, key: str, value: str | None, path: str) -> None:
        if value is None or not value.strip():
            return
        if not _format_checker().conforms(value.strip(), "uri"):
            self.warn(key, "invalid_uri", path, *words.invalid_uri(value))
            return
        self.set(key, value.strip())

    def missing(self, key: str, path: str, reason: tuple[str, str] | None = None) -> None:
        nl, en = reason or words.missing_reason(key)
        self.missing_fields.append(MissingField(key, nl, en, path))

    def warn(self, key: str, code: str, path: str, nl: str, en: str) -> None:
        self.warnings.append(PublicationWarning(key, code, nl, en, path))

    def publication(self, profile_id: str, version: int | None) -> Publication:
        order = list(self.props)
        document = {key: self.document[key] for key in order if key in self.document}
        return Publication(
            profile_id=profile_id,
            version=version,
            document=document,
            missing=tuple(self.missing_fields),
            derived=tuple(self.derived),
            warnings=tuple(self.warnings),
            fields=tuple(order),
        )


def _dates(b: _Builder, profile: AlgorithmProfile) -> None:
    reg = profile.registration
    if reg.start_date is not None:
        b.set("start_date", reg.start_date)
    else:
        in_development = reg.status is AlgorithmStatus.in_development
        reason = words.REASONS["start_date.in_development"] if in_development else None
        b.missing("start_date", "registration.start_date", reason)
    if reg.end_date is not None:
        b.set("end_date", reg.end_date)
        if reg.status is not AlgorithmStatus.out_of_use:
            b.warn(
                "end_date",
                "end_date_while_used",
                "registration.end_date",
                *words.REASONS["end_date_while_used"],
            )


def _contact(b: _Builder, contact: str | None) -> None:
    b.text("contact", contact, "registration.public_contact")
    if contact and not (_EMAIL.match(contact.strip()) or contact.strip().startswith("https://")):
        b.warn(
            "contact",
            "contact_format",
            "registration.public_contact",
            *words.REASONS["contact_format"],
        )


def _category(b: _Builder, profile: AlgorithmProfile, assessment: Assessment) -> None:
    declared = profile.registration.publication_category
    derived, reason, gap = words.derive_category(profile, assessment)
    if declared is not None:
        b.set("publication_category", CATEGORY[declared])
        if derived is not None and derived is not declared:
            nl, en = words.category_differs(CATEGORY[derived], reason)
            b.warn(
                "publication_category",
                "category_differs",
                "registration.publication_category",
                nl,
                en,
            )
    elif derived is not None and reason is not None:
        b.set("publication_category", CATEGORY[derived])
        b.derived.append(DerivedField("publication_category", CATEGORY[derived], *reason))
    else:
        b.missing(
            "publication_category",
            gap[0] if gap else "registration.publication_category",
            gap[1] if gap else None,
        )


def _human_intervention(b: _Builder, profile: AlgorithmProfile, assessment: Assessment) -> None:
    text, gaps, warnings = words.human_intervention(profile, assessment)
    for path, reason in gaps:
        b.missing("human_intervention", path, reason)
    for code, path, (nl, en) in warnings:
        b.warn("human_intervention", code, path, nl, en)
    if not gaps:
        b.text("human_intervention", text, "decisions")


def _impact_assessments(b: _Builder, profile: AlgorithmProfile, assessment: Assessment) -> None:
    reg = profile.registration
    dpia = assessment.dpia.required
    if reg.impact_assessments_done:
        done = LIST_SEPARATOR.join(reg.impact_assessments_done)
        b.text("impact_assessments", done, "registration.impact_assessments_done")
        if dpia is DpiaVerdict.required and not _mentions_dpia(reg.impact_assessments_done):
            b.warn(
                "impact_assessments",
                "dpia_not_listed",
                "registration.impact_assessments_done",
                *words.REASONS["dpia_not_listed"],
            )
    else:
        # Never claim an assessment was (or was not) carried out: the list may just be unfilled.
        b.missing(
            "impact_assessments",
            "registration.impact_assessments_done",
            words.impact_assessments_missing(dpia, assessment.dpia.reasons),
        )
    b.uri(
        "impact_assessment_link", reg.impact_assessment_link, "registration.impact_assessment_link"
    )
    if dpia is DpiaVerdict.not_required:
        explanation = words.dpia_not_required(assessment.dpia.reasons)
        b.text("impact_assessment_explanation", explanation, "dpia", required=False)


def _mentions_dpia(done: Iterable[str]) -> bool:
    return any("dpia" in d.lower() or "gegevensbescherming" in d.lower() for d in done)


def _properties(schema: Mapping[str, Any]) -> dict[str, Any]:
    props = schema.get("properties")
    if not isinstance(props, dict):
        raise UnsupportedSchema("the schema has no 'properties' object")
    return props


def _format_checker() -> FormatChecker:
    checker = Draft7Validator.FORMAT_CHECKER
    if "uri" not in checker.checkers:  # pragma: no cover - the dependency is declared
        raise RuntimeError("URI checking needs the 'rfc3986-validator' package")
    return checker


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)
