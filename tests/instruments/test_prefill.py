"""Suggestions from the profile and assessment: only stated facts, each with its source."""

from __future__ import annotations

from pathlib import Path

import yaml

from sluis.instruments.prefill import carry_forward, place, suggestions_for
from sluis.law.assess import assess
from sluis.profiles.validation import validate_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def profile(name: str, **changes):
    document = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    document.update(changes)
    validated = validate_profile(document)
    return validated, assess(validated)


def test_prescan_suggestions_name_their_source(definitions) -> None:
    p, a = profile("insurer-health-pricing")
    found = suggestions_for(definitions["prescan"], p, a)
    assert found["1.2.1"].value is True
    assert "Categorie bijzondere persoonsgegevens: Gegevens over gezondheid" in found["1.2.2"].value
    assert found["1.2.2"].prefill.source == "data_fields[].special_category"
    assert "Lijst AP: Gezondheidsgegevens" in found["3.1"].value
    assert found["3.1"].prefill.kind == "assessment"


def test_an_open_fact_suggests_nothing(definitions) -> None:
    p, a = profile(
        "welfare-fraud-risk-selection",
        legal_basis={"article6": None},
        purposes=[],
        retention=[],
    )
    found = suggestions_for(definitions["prescan"], p, a)
    assert not {"0.3", "0.4", "1.5.4"} & set(found)


def test_place_builds_first_elements_of_repeatable_groups(definitions) -> None:
    dpia = definitions["dpia"]
    task = dpia.task("11.1.1.1")
    assert task is not None
    assert place(dpia, task, "x") == (
        "11.1",
        [{"_index": 0, "11.1.1": [{"_index": 0, "11.1.1.1": "x"}]}],
    )


def test_pre_view_references_fill_nothing(definitions) -> None:
    # 1.1.2 (pre-scan) refers to DPIA 2.1.3 as "pre-view" only.
    prescan, dpia = definitions["prescan"], definitions["dpia"]
    found = carry_forward(
        dpia, [(prescan, {"1.1.2": ["Categorie gewone persoonsgegevens: Logging"]})]
    )
    assert found == {}
    found = carry_forward(dpia, [(prescan, {"0.3": "Doel A"})])  # one-to-many into 5.1.1
    assert found["5.1"].value == [{"_index": 0, "5.1.1": [{"_index": 0, "5.1.1": "Doel A"}]}]
