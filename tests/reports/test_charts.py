"""Inline SVG charts: well-formed, accessible, scaled right, escaped, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from sluis.reports.charts import Bar, Marker, column_chart, horizontal_bars

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def bars_of(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "bar"]


def test_horizontal_bars_are_labelled_for_screen_readers() -> None:
    svg = horizontal_bars(
        [Bar("anna", 0.995, "99.5%", "n = 200", flagged=True), Bar("bram", 0.7, "70%")],
        title="Agreement with the model",
        description="Share of decisions that kept the proposed outcome",
        marker=Marker(0.98, "98%"),
    )
    root = parse(svg)
    assert root.get("role") == "img"
    title_id, desc_id = (root.get("aria-labelledby") or "").split()
    assert root.find(f"{SVG}title").get("id") == title_id  # type: ignore[union-attr]
    assert root.find(f"{SVG}title").text == "Agreement with the model"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").get("id") == desc_id  # type: ignore[union-attr]
    anna, bram = bars_of(root)
    assert anna.find(f"{SVG}title").text == "anna: 99.5% (n = 200)"  # type: ignore[union-attr]
    assert anna.get("data-flagged") == "true" and bram.get("data-flagged") is None
    assert [t.text for t in anna.iter(f"{SVG}text")] == ["anna", "99.5%"]


def test_bar_lengths_are_proportional_and_clamped() -> None:
    svg = horizontal_bars(
        [Bar("a", 1.0, "100%"), Bar("b", 0.25, "25%"), Bar("c", 1.7, "170%"), Bar("d", -1, "?")],
        title="t",
    )
    widths = [float(g.find(f"{SVG}rect").get("width")) for g in bars_of(parse(svg))]  # type: ignore[union-attr,arg-type]
    assert widths[1] == pytest.approx(widths[0] / 4)
    assert widths[2] == widths[0]  # past the maximum stays at full length
    assert widths[3] == 0


def test_the_marker_sits_at_its_value() -> None:
    root = parse(horizontal_bars([Bar("a", 1.0, "100%")], title="t", marker=Marker(0.5, "50%")))
    full = float(bars_of(root)[0].find(f"{SVG}rect").get("width"))  # type: ignore[union-attr,arg-type]
    start = float(bars_of(root)[0].find(f"{SVG}rect").get("x"))  # type: ignore[union-attr,arg-type]
    line = next(root.iter(f"{SVG}line"))
    assert float(line.get("x1")) == pytest.approx(start + full / 2)  # type: ignore[arg-type]


def test_text_is_escaped_and_long_labels_shortened_but_kept_in_the_tooltip() -> None:
    label = "<script>alert('x')</script> & a very long reviewer name indeed"
    svg = horizontal_bars([Bar(label, 0.5, "50%")], title="A & B <c>")
    assert "<script>" not in svg
    root = parse(svg)
    (bar,) = bars_of(root)
    assert bar.get("data-label") == label
    assert bar.find(f"{SVG}title").text == f"{label}: 50%"  # type: ignore[union-attr]
    shown = next(bar.iter(f"{SVG}text")).text or ""
    assert shown.endswith("…") and len(shown) == 22
    assert root.find(f"{SVG}title").text == "A & B <c>"  # type: ignore[union-attr]


def test_column_heights_are_relative_to_the_tallest() -> None:
    svg = column_chart(
        [Bar("0–10", 8, "8"), Bar("10–20", 2, "2"), Bar("20–30", 0, "0")],
        title="Time spent",
        axis_label="seconds",
    )
    root = parse(svg)
    heights = [float(g.find(f"{SVG}rect").get("height")) for g in bars_of(root)]  # type: ignore[union-attr,arg-type]
    assert heights[0] == pytest.approx(4 * heights[1]) and heights[2] == 0
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "seconds" in texts and "0–10" in texts


def test_empty_charts_say_so() -> None:
    assert "no data" in horizontal_bars([], title="t", empty_text="no data")
    root = parse(column_chart([Bar("a", 0, "0")], title="t"))  # all zero: no division by zero
    assert float(bars_of(root)[0].find(f"{SVG}rect").get("height")) == 0  # type: ignore[union-attr,arg-type]


def test_charts_are_deterministic_and_ids_differ_per_chart() -> None:
    one = horizontal_bars([Bar("a", 0.5, "50%")], title="t")
    assert one == horizontal_bars([Bar("a", 0.5, "50%")], title="t")
    other = horizontal_bars([Bar("a", 0.6, "60%")], title="t")
    assert parse(one).get("id") != parse(other).get("id")
    assert parse(horizontal_bars([], title="t", chart_id="mine")).get("id") == "mine"
