"""Reading the Algoritmekader's markdown files: YAML front matter into ``KaderItem``.

``parse_document`` is pure (text in, item or problem out); ``parse_folder`` only adds
reading the files. A file that cannot be read as a requirement or measure — no front
matter, invalid YAML, a missing or malformed ``id`` or ``title`` — becomes a
``KaderFileProblem`` and is skipped; the rest of the folder still loads. Values we do not
know are kept and reported as warnings (a ``KaderFileProblem`` with ``skipped=False``),
never a crash.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from sluis.kader.conditions import ConditionError, canonical, parse_framework_expression
from sluis.kader.vocabulary import EXCEPTIONS, EXCEPTIONS_SOURCE_KEY, FACET_BY_KEY, IGNORED_KEYS

# Section indexes and the repository's own documents, never requirements or measures.
NON_ITEM_FILES = frozenset({"index.md", "license.md", "readme.md", "changelog.md"})
_URN = re.compile(r"^urn:nl:ak:(?P<kind>ver|mtr):(?P<code>[a-z][a-z0-9]*-[0-9]+)$")
# A measure names its requirements by page slug, e.g. "avg-10-recht-op-...": the code is
# the slug's first two parts.
_REQUIREMENT_SLUG = re.compile(r"^(?P<code>[a-z][a-z0-9]*-[0-9]+)(?:-|$)")
# The C-accelerated safe loader when PyYAML was built with libyaml: ten times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KNOWN_KEYS = frozenset({"id", "title", "toelichting", "vereiste", EXCEPTIONS_SOURCE_KEY})


class ItemKind(StrEnum):
    requirement = "requirement"
    measure = "measure"


_KIND_OF = {"ver": ItemKind.requirement, "mtr": ItemKind.measure}


@dataclass(frozen=True)
class KaderItem:
    """One requirement (vereiste) or measure (maatregel) of the Algoritmekader."""

    urn: str
    kind: ItemKind
    code: str
    """The short code, e.g. ``avg-10`` or ``owp-05``."""
    title: str
    summary: str | None
    facets: dict[str, tuple[str, ...]]
    """Our facet name → our values (see ``vocabulary``); unknown values kept as written."""
    requirement_codes: tuple[str, ...]
    """For a measure: the codes of the requirements it helps meet."""
    body_sha256: str
    source_path: str
    """The file's path relative to the imported folder, with forward slashes."""
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_ai_act(self) -> bool:
        """Whether the item stems from the AI Act (its code starts with ``aia-``)."""
        return self.code.startswith("aia-")


@dataclass(frozen=True)
class KaderFileProblem:
    """A file that could not be read (``skipped``) or was read with a warning."""

    path: str
    problem: str
    skipped: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "problem": self.problem, "skipped": self.skipped}


def body_sha256(text: str) -> str:
    """The hash of a file's text; line endings are normalised so a checkout on another
    operating system does not count as a change."""
    normalised = text.replace("\r\n", "\n").lstrip("\ufeff")
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def parse_document(text: str, source_path: str) -> KaderItem | KaderFileProblem:
    """Parse the text of one markdown file."""
    front, problem = _front_matter(text)
    if problem is not None:
        return KaderFileProblem(source_path, problem)
    try:
        data = yaml.load(front, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        return KaderFileProblem(source_path, f"the front matter is not valid YAML{where}")
    if not isinstance(data, dict):
        return KaderFileProblem(source_path, "the front matter is not a mapping of keys")
    match = _URN.match(str(data.get("id", "")).strip())
    if match is None:
        return KaderFileProblem(
            source_path,
            "id: missing or not an Algoritmekader URN (urn:nl:ak:ver:<code> or "
            "urn:nl:ak:mtr:<code>)",
        )
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        return KaderFileProblem(source_path, "title: missing or empty")
    warnings: list[str] = []
    facets = _facets(data, warnings)
    kind = _KIND_OF[match["kind"]]
    codes = _requirement_codes(data.get("vereiste"), warnings)
    if codes and kind is ItemKind.requirement:
        warnings.append("vereiste: a requirement lists requirements; ignored")
        codes = ()
    summary = data.get("toelichting")
    return KaderItem(
        urn=match.group(0),
        kind=kind,
        code=match["code"],
        title=" ".join(title.split()),
        summary=" ".join(summary.split()) if isinstance(summary, str) and summary.strip() else None,
        facets=facets,
        requirement_codes=codes,
        body_sha256=body_sha256(text),
        source_path=source_path,
        warnings=tuple(warnings),
    )


def _front_matter(text: str) -> tuple[str, str | None]:
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return "", "no front matter: the file does not start with a '---' line"
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:number]), None
    return "", "the front matter is not closed by a '---' line"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _facets(data: dict[str, Any], warnings: list[str]) -> dict[str, tuple[str, ...]]:
    facets: dict[str, tuple[str, ...]] = {}
    for key, raw in data.items():
        if key in FACET_BY_KEY:
            facet = FACET_BY_KEY[key]
            values: list[str] = []
            for value in (str(v).strip() for v in _as_list(raw)):
                term = facet.values.get(value)
                if term is None:
                    warnings.append(f"{key}: unknown value {value!r} kept as written")
                values.append(term.value if term else value)
            facets[facet.name] = tuple(dict.fromkeys(values))
        elif key == EXCEPTIONS_SOURCE_KEY:
            facets[EXCEPTIONS] = _exceptions(raw, warnings)
        elif key not in _KNOWN_KEYS and key not in IGNORED_KEYS:
            warnings.append(f"{key}: unknown front-matter key ignored")
    return facets


def _exceptions(raw: Any, warnings: list[str]) -> tuple[str, ...]:
    expressions: list[str] = []
    for text in (str(v) for v in _as_list(raw)):
        try:
            expressions.append(canonical(parse_framework_expression(text)))
        except ConditionError as exc:
            # Kept as written: the applicability rules flag it instead of guessing.
            warnings.append(f"{EXCEPTIONS_SOURCE_KEY}: cannot read {text!r} ({exc})")
            expressions.append(text)
    return tuple(expressions)


def _requirement_codes(raw: Any, warnings: list[str]) -> tuple[str, ...]:
    codes: list[str] = []
    for slug in (str(v).strip() for v in _as_list(raw)):
        match = _REQUIREMENT_SLUG.match(slug)
        if match is None:
            warnings.append(f"vereiste: {slug!r} names no requirement code; ignored")
            continue
        codes.append(match["code"])
    return tuple(dict.fromkeys(codes))


def candidate_files(folder: Path) -> list[Path]:
    """The markdown files of a folder (recursively) that may be items: not ``index.md``
    (section indexes) nor the repository's licence or readme."""
    return sorted(
        p for p in folder.rglob("*.md") if p.is_file() and p.name.lower() not in NON_ITEM_FILES
    )


def parse_folder(folder: Path) -> tuple[list[KaderItem], list[KaderFileProblem]]:
    """Parse every candidate file under ``folder``.

    Returns the items (sorted by URN) and the problems: skipped files, warnings about kept
    items, a second file with an URN already seen (skipped), and measures that name a
    requirement missing from the folder (a warning).
    """
    items: dict[str, KaderItem] = {}
    problems: list[KaderFileProblem] = []
    for path in candidate_files(folder):
        relative = path.relative_to(folder).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(KaderFileProblem(relative, f"cannot read the file ({exc})"))
            continue
        parsed = parse_document(text, relative)
        if isinstance(parsed, KaderFileProblem):
            problems.append(parsed)
        elif parsed.urn in items:
            problems.append(
                KaderFileProblem(
                    relative, f"id: {parsed.urn} is also used by {items[parsed.urn].source_path}"
                )
            )
        else:
            items[parsed.urn] = parsed
            problems.extend(KaderFileProblem(relative, w, skipped=False) for w in parsed.warnings)
    problems.extend(_dangling_references(items.values()))
    return sorted(items.values(), key=lambda i: i.urn), problems


def _dangling_references(items: Iterable[KaderItem]) -> list[KaderFileProblem]:
    listed = list(items)
    codes = {i.code for i in listed if i.kind is ItemKind.requirement}
    return [
        KaderFileProblem(item.source_path, f"vereiste: no requirement {code} in the folder", False)
        for item in listed
        for code in item.requirement_codes
        if code not in codes
    ]
