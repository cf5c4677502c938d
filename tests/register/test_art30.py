"""The art. 30(1) record of one algorithm: every point filled from the profile, every empty
fact reported as a gap (never made up), special data flagged."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sluis.law.assess import assess
from sluis.law.citations import gdpr
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import parse_profile_text, validate_profile
from sluis.register.art30 import (
    COLUMNS,
    ColumnKind,
    build_entry,
    group_by_controller,
)
from sluis.register.art30_export import entry_cells

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example(name: str) -> AlgorithmProfile:
    return parse_profile_text((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def profile(**facts: Any) -> AlgorithmProfile:
    return validate_profile({"id": "p", "name": "P", "controller": {"name": "Org"}, **facts})


SPARSE = {
    "controller": {"name": "Acme Inc.", "country": "US"},
    "legal_basis": {"article6": "public_task"},
    "data_fields": [
        {"name": "email", "category": "contact"},
        {"name": "score", "category": "scores"},
    ],
    "retention": [{"data_category": "contact", "months": 12}],
}


def test_every_point_of_art30_1_is_filled_from_the_welfare_example() -> None:
    p = example("welfare-fraud-risk-selection")
    entry = build_entry(p, 3, assessment=assess(p, version=3))

    assert entry.gaps == ()
    assert (entry.profile_id, entry.version) == (p.id, 3)
    # (a) controller and DPO
    assert entry.controller.name == p.controller.name
    assert entry.controller.contact == p.controller.contact
    assert entry.controller.dpo_contact == p.controller.dpo_contact
    assert entry.controller.representative_needed is False
    # (b) purposes, (d) recipients, (g) security: as declared, nothing added
    assert entry.purposes == tuple(p.purposes)
    assert entry.recipients == tuple(p.processing.recipients)
    assert entry.security_measures == tuple(p.processing.security_measures)
    # (c) people with counts and vulnerability; every field under its category
    assert [(s.category, s.count, s.vulnerable) for s in entry.data_subjects] == [
        (g.category, g.count, g.vulnerable) for g in p.data_subjects
    ]
    grouped = {d.category: set(d.fields) for d in entry.personal_data}
    assert grouped == {
        c: {f.name for f in p.data_fields if f.category == c}
        for c in {f.category for f in p.data_fields}
    }
    # (e) no transfers declared, so no safeguards note
    assert entry.transfers == () and entry.transfer_note is None
    # (f) a time limit for every data category
    months = {e.data_category: e.months for e in entry.erasure}
    assert months == {r.data_category: r.months for r in p.retention}
    assert None not in months.values()

    cells = entry_cells(entry, "nl")
    for column in COLUMNS:
        assert cells[column.key], column.key
        assert "[ontbreekt]" not in " ".join(cells[column.key]), column.key


def test_the_art30_columns_cite_points_a_to_g_and_the_extras_are_marked() -> None:
    required = [c for c in COLUMNS if c.kind is ColumnKind.art30]
    assert sorted({c.point for c in required}) == list("abcdefg")
    for column in required:
        assert column.articles[0] == gdpr(f"30(1)({column.point})")
        assert column.heading("en").endswith(f"[art. 30(1)({column.point})]")
    extras = {c.key: c for c in COLUMNS if c.kind is ColumnKind.extra}
    assert set(extras) == {"legal_basis", "automated_decision"}
    assert all(c.point is None for c in extras.values())
    assert extras["legal_basis"].heading("nl") == "Rechtsgrondslag [extra]"
    assert gdpr("22") in extras["automated_decision"].articles


def test_a_sparse_profile_reports_exactly_its_gaps() -> None:
    entry = build_entry(profile(**SPARSE))

    assert {(g.column, g.profile_path, g.point) for g in entry.gaps} == {
        ("controller_contact", "controller.contact", "a"),
        ("dpo_contact", "controller.dpo_contact", "a"),
        ("representative", "controller.representative", "a"),  # outside the EEA
        ("purposes", "purposes", "b"),
        ("data_subjects", "data_subjects", "c"),
        ("recipients", "processing.recipients", "d"),
        ("erasure", "retention", "f"),
        ("security_measures", "processing.security_measures", "g"),
        ("legal_basis", "legal_basis.law", None),  # public task without its law: art. 6(3)
    }
    erasure_gap = entry.gaps_for("erasure")[0]
    assert "'scores'" in erasure_gap.reason.en and "'scores'" in erasure_gap.reason.nl


def test_gaps_are_shown_as_missing_and_never_filled_in() -> None:
    entry = build_entry(profile(**SPARSE))

    assert entry.controller.contact is None and entry.purposes == () and entry.recipients == ()
    assert {e.data_category: e.months for e in entry.erasure} == {"contact": 12, "scores": None}
    cells = entry_cells(entry, "en")
    for key in ("controller_contact", "dpo_contact", "representative", "purposes", "recipients"):
        assert cells[key] == ("[missing]",), key
    assert cells["erasure"] == ("contact: 12 months", "scores: [missing]")
    assert cells["transfers"] == ("none declared",)  # art. 30(1)(e) only "where applicable"


def test_a_controller_in_the_eea_needs_no_representative() -> None:
    entry = build_entry(profile(controller={"name": "Org", "country": "BE"}))
    assert not entry.gaps_for("representative")
    assert entry_cells(entry, "nl")["representative"] == ("niet nodig: gevestigd in de EER",)


def test_special_categories_are_flagged_with_their_art9_point() -> None:
    entry = build_entry(example("insurer-health-pricing"))
    health = next(d for d in entry.personal_data if d.special_categories)
    assert health.special_categories == ("health",) and health.art9_exceptions == ("a",)
    cell = next(
        c for c in entry_cells(entry, "nl")["personal_data"] if c.startswith(health.category)
    )
    assert "[bijzonder persoonsgegeven (art. 9): gezondheid; art. 9(2)(a)]" in cell
    ordinary = [d for d in entry.personal_data if d is not health]
    assert ordinary and not any(d.special_categories for d in ordinary)


def test_criminal_data_and_national_ids_are_flagged() -> None:
    entry = build_entry(
        profile(
            data_fields=[
                {
                    "name": "conviction",
                    "category": "justice",
                    "criminal_data": True,
                    "art10_basis": "Wet justitiële en strafvorderlijke gegevens",
                },
                {
                    "name": "bsn",
                    "category": "identity",
                    "national_id": True,
                    "national_id_basis": "Participatiewet art. 64",
                },
                {"name": "email", "category": "contact"},
            ]
        )
    )
    flags = {d.category: (d.criminal_data, d.national_id) for d in entry.personal_data}
    assert flags == {"justice": (True, False), "identity": (False, True), "contact": (False, False)}
    cells = entry_cells(entry, "en")["personal_data"]
    assert cells[0] == "justice: conviction [criminal-offence data (art. 10)]"
    assert cells[1] == "identity: bsn [national id number (art. 87; UAVG art. 46)]"
    assert cells[2] == "contact: email"


def test_a_transfer_outside_the_eea_carries_the_safeguards_note() -> None:
    entry = build_entry(example("recruitment-screening"))
    assert entry.transfers == ("United States",)
    assert entry.transfer_note is not None
    for article in ("art. 45", "art. 46", "art. 49"):
        assert article in entry.transfer_note.en and article in entry.transfer_note.nl
    assert entry_cells(entry, "en")["transfers"][0] == "United States"


def test_the_automated_decision_column_comes_from_the_art22_assessment() -> None:
    bank = example("bank-online-credit")
    entry = build_entry(bank, 1, assessment=assess(bank, version=1))
    assert entry.automated_decision is not None
    assert (entry.automated_decision.applies, entry.automated_decision.exception) == (
        True,
        "contract",
    )
    assert entry_cells(entry, "en")["automated_decision"] == (
        "art. 22 applies: yes",
        "Allowed with safeguards",
        "exception: Contract (art. 22(2)(a))",
    )
    unassessed = build_entry(bank, 1)
    assert unassessed.automated_decision is None
    assert entry_cells(unassessed, "nl")["automated_decision"] == ("niet beoordeeld",)


def test_unsettled_art22_is_a_gap_of_the_extra_column() -> None:
    p = profile(decisions=[{"id": "d", "description": "Decide on the request"}])
    gaps = build_entry(p, assessment=assess(p)).gaps_for("automated_decision")
    assert [(g.profile_path, g.point) for g in gaps] == [("decisions", None)]


def test_an_assessment_of_another_profile_is_refused() -> None:
    bank = example("bank-online-credit")
    with pytest.raises(ValueError, match="bank-online-credit"):
        build_entry(profile(), assessment=assess(bank))


def test_the_basis_and_counts_read_naturally_in_both_languages() -> None:
    entry = build_entry(example("speeding-fine"))
    nl, en = entry_cells(entry, "nl"), entry_cells(entry, "en")
    assert nl["legal_basis"][0] == "Publieke taak (art. 6(1)(e))"
    assert en["legal_basis"][0] == "Public task (art. 6(1)(e))"
    count = entry.data_subjects[0].count
    assert count is not None and count >= 1000
    assert f"{count:,}".replace(",", ".") in nl["data_subjects"][0]
    assert f"{count:,}" in en["data_subjects"][0]


def test_entries_are_grouped_by_controller_ignoring_case_and_spaces() -> None:
    at = datetime(2025, 1, 2, 3, 4, tzinfo=UTC)
    entries = [
        build_entry(profile(id="b", name="Beta", controller={"name": "Gemeente X"})),
        build_entry(profile(id="a", name="Alpha", controller={"name": "gemeente  x"})),
        build_entry(profile(id="c", name="Gamma", controller={"name": "Bank Y"})),
    ]
    records = group_by_controller(entries, at)
    assert [(r.controller, [e.profile_id for e in r.entries]) for r in records] == [
        ("Bank Y", ["c"]),
        ("gemeente  x", ["a", "b"]),  # the name as the first profile (by id) spells it
    ]
    assert all(r.generated_at == at for r in records)
