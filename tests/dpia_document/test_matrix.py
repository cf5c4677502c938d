"""The risk matrix: the documented levels and the SVG picture of it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from sluis.dpia_document.matrix import (
    LEVEL_COLOURS,
    PlottedRisk,
    RiskLevel,
    highest,
    level,
    matrix_svg,
    score,
)

L, M, H, V = RiskLevel.low, RiskLevel.medium, RiskLevel.high, RiskLevel.very_high
# Rows: impact 4 down to 1; columns: likelihood 1 to 4 (as in the module docstring).
EXPECTED = {
    4: (M, H, V, V),
    3: (M, H, V, V),
    2: (L, M, H, H),
    1: (L, L, M, M),
}
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("impact", [4, 3, 2, 1])
def test_every_cell_has_the_documented_level(impact: int) -> None:
    assert tuple(level(lik, impact) for lik in (1, 2, 3, 4)) == EXPECTED[impact]


def test_the_score_is_likelihood_times_impact() -> None:
    assert score(3, 4) == 12
    assert level(3, 4) is level(4, 3)


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 2), (5, 1), (2, 0), (1, 5)])
def test_values_outside_one_to_four_are_refused(likelihood: int, impact: int) -> None:
    with pytest.raises(ValueError, match="1, 2, 3 or 4"):
        level(likelihood, impact)


def test_the_highest_level_wins() -> None:
    assert highest([L, H, M]) is H
    assert highest([]) is None


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_the_picture_is_a_coloured_four_by_four_grid() -> None:
    root = _parse(matrix_svg([], "nl"))
    cells = root.findall(f"{SVG}rect")
    assert len(cells) == 16
    by_level = {lv: sum(1 for c in cells if c.get("data-level") == lv.value) for lv in RiskLevel}
    assert by_level == {L: 3, M: 5, H: 4, V: 4}
    for cell in cells:
        assert cell.get("fill") == LEVEL_COLOURS[RiskLevel(cell.get("data-level"))]
    assert root.find(f"{SVG}title").text == "Risicomatrix"


def test_risks_are_drawn_before_and_after_measures() -> None:
    risks = [PlottedRisk("R1", 3, 4, 2, 4), PlottedRisk("R2", 2, 2, 2, 2)]
    root = _parse(matrix_svg(risks, "en"))
    markers = {(g.get("data-risk"), g.get("data-kind")) for g in root.iter(f"{SVG}g")}
    assert markers == {("R1", "inherent"), ("R1", "residual"), ("R2", "inherent")}
    assert len(root.findall(f"{SVG}line")) == 1  # only R1 moved
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Likelihood" in texts and "almost certain" in texts and "residual risk" in texts


def test_many_risks_in_one_cell_do_not_pile_up() -> None:
    risks = [PlottedRisk(f"R{n}", 3, 3, 3, 3) for n in range(1, 5)]
    root = _parse(matrix_svg(risks, "nl"))
    centres = {(c.get("cx"), c.get("cy")) for c in root.iter(f"{SVG}circle") if c.get("r") == "11"}
    assert len(centres) == 4


def test_labels_are_escaped() -> None:
    svg = matrix_svg([PlottedRisk("<R1&>", 1, 1, 1, 1)], "nl")
    assert "<R1&>" not in svg
    _parse(svg)  # still well-formed XML
