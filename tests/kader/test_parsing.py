"""Reading the Algoritmekader's markdown files: the real folder loads completely, its
vocabulary maps onto ours, and a bad file is reported and skipped, never a crash."""

from __future__ import annotations

from pathlib import Path

from sluis.kader.parsing import (
    ItemKind,
    KaderFileProblem,
    KaderItem,
    body_sha256,
    parse_document,
    parse_folder,
)

AVG_10 = "urn:nl:ak:ver:avg-10"


def document(front: str, body: str = "## Vereiste\n\nText.\n") -> str:
    return f"---\n{front.strip()}\n---\n\n{body}"


def by_code(items: list[KaderItem]) -> dict[str, KaderItem]:
    return {i.code: i for i in items}


# --- the real folder ----------------------------------------------------------------------


def test_every_requirement_and_measure_file_of_the_real_folder_loads(
    kader_folder: Path, kader_items: list[KaderItem]
) -> None:
    markdown = {
        kind: [p for p in (kader_folder / kind).glob("*.md") if p.name != "index.md"]
        for kind in ("vereisten", "maatregelen")
    }
    # 64 and 109 markdown files, each folder with one index.md (maatregelen also holds
    # two images): 63 requirements and 108 measures.
    assert (len(markdown["vereisten"]), len(markdown["maatregelen"])) == (63, 108)
    kinds = [i.kind for i in kader_items]
    assert kinds.count(ItemKind.requirement) == 63
    assert kinds.count(ItemKind.measure) == 108
    assert len(kader_items) == 171
    assert len({i.urn for i in kader_items}) == 171
    assert all(not i.warnings for i in kader_items)


def test_the_folder_skips_index_and_licence_files(kader_folder: Path) -> None:
    _, problems = parse_folder(kader_folder)
    assert (kader_folder / "LICENSE.md").exists()
    assert problems == []


def test_each_file_is_named_after_its_code(kader_items: list[KaderItem]) -> None:
    for item in kader_items:
        assert f"{item.code}-" in Path(item.source_path).name, item.source_path
        expected = "vereisten/" if item.kind is ItemKind.requirement else "maatregelen/"
        assert item.source_path.startswith(expected)


def test_art22_requirement_maps_onto_our_vocabulary(kader_items: list[KaderItem]) -> None:
    avg10 = by_code(kader_items)["avg-10"]
    assert avg10.urn == AVG_10
    assert avg10.kind is ItemKind.requirement
    assert avg10.title.startswith("Besluiten met rechtsgevolgen")
    assert avg10.summary and avg10.summary.startswith("Betrokkenen hebben het recht")
    assert avg10.facets["lifecycle_phases"] == ("design", "implementation")
    assert avg10.facets["subjects"] == ("privacy_and_data_protection", "human_oversight")
    assert set(avg10.facets["ai_act_role"]) == {"provider", "deployer", "importer", "distributor"}
    assert set(avg10.facets["ai_act_risk_group"]) == {
        "high_risk",
        "not_high_risk",
        "exception_applies",
        "prohibited",
    }
    assert set(avg10.facets["transparency_obligation"]) == {"true", "false", "not_applicable"}
    assert avg10.requirement_codes == ()
    assert not avg10.is_ai_act


def test_deployer_requirement_keeps_its_exception_in_canonical_form(
    kader_items: list[KaderItem],
) -> None:
    aia21 = by_code(kader_items)["aia-21"]
    assert aia21.is_ai_act
    assert aia21.facets["lifecycle_phases"] == ("organisation",)
    assert aia21.facets["ai_act_role"] == ("deployer",)
    assert aia21.facets["ai_act_risk_group"] == ("high_risk",)
    assert aia21.facets["systemic_risk"] == ("not_applicable",)
    assert aia21.facets["exceptions"] == ("ai_act_risk_group=exception_applies",)
    aia01 = by_code(kader_items)["aia-01"]
    assert aia01.facets["exceptions"][1] == (
        "(ai_application_type=general_purpose_ai_system || ai_application_type=ai_system) "
        "&& open_source=true && transparency_obligation=false "
        "&& ai_act_risk_group=not_high_risk"
    )


def test_measures_name_their_requirements_by_code(kader_items: list[KaderItem]) -> None:
    items = by_code(kader_items)
    assert items["org-01"].urn == "urn:nl:ak:mtr:org-01"
    assert items["org-01"].kind is ItemKind.measure
    assert items["org-01"].requirement_codes == ("awb-01", "aia-21", "aia-01")
    requirement_codes = {i.code for i in kader_items if i.kind is ItemKind.requirement}
    measures = [i for i in kader_items if i.kind is ItemKind.measure]
    assert all(set(m.requirement_codes) <= requirement_codes for m in measures)
    assert sum(1 for m in measures if not m.requirement_codes) == 15


# --- one document -------------------------------------------------------------------------


def test_a_minimal_measure_parses() -> None:
    text = document(
        """
id: urn:nl:ak:mtr:imp-03
title: "  Richt   menselijke tussenkomst in "
vereiste:
- avg-10-recht-op-niet-geautomatiseerde-besluitvorming
- avg-10-again
levenscyclus: [implementatie]
"""
    )
    item = parse_document(text, "maatregelen/6-imp-03.md")
    assert isinstance(item, KaderItem)
    assert (item.kind, item.code, item.title) == (
        ItemKind.measure,
        "imp-03",
        "Richt menselijke tussenkomst in",
    )
    assert item.summary is None
    assert item.requirement_codes == ("avg-10",)
    assert item.facets == {"lifecycle_phases": ("implementation",)}
    assert item.body_sha256 == body_sha256(text)
    assert item.warnings == ()


def test_unknown_values_and_keys_are_kept_and_reported() -> None:
    text = document(
        """
id: urn:nl:ak:ver:avg-99
title: Test
levenscyclus: [ontwerp, maanfase]
rol-ai-act: gebruiksverantwoordelijke
kleur: blauw
hide: [navigation]
vereiste: [niet-een-code]
uitzondering: ['"risicogroep-onbekend" && (']
"""
    )
    item = parse_document(text, "vereisten/avg-99.md")
    assert isinstance(item, KaderItem)
    assert item.facets["lifecycle_phases"] == ("design", "maanfase")
    assert item.facets["ai_act_role"] == ("deployer",)  # a single value reads as a list
    assert item.facets["exceptions"] == ('"risicogroep-onbekend" && (',)
    joined = " | ".join(item.warnings)
    assert "levenscyclus: unknown value 'maanfase'" in joined
    assert "kleur: unknown front-matter key" in joined
    assert "uitzondering: cannot read" in joined
    assert "vereiste:" in joined  # a requirement listing requirements is odd: reported
    assert "hide" not in joined


def test_line_endings_do_not_change_the_hash() -> None:
    text = document("id: urn:nl:ak:ver:avg-01\ntitle: T")
    assert body_sha256(text) == body_sha256(text.replace("\n", "\r\n"))
    assert body_sha256(text) != body_sha256(text + "more")


def test_malformed_files_become_problems_naming_what_is_wrong() -> None:
    cases = {
        "no front matter": "# Just markdown\n",
        "not closed": "---\nid: urn:nl:ak:ver:avg-01\ntitle: T\n",
        "not valid YAML at line": "---\nid: [unclosed\ntitle: T\n---\n",
        "not a mapping": "---\n- a\n- b\n---\n",
        "id: missing": "---\ntitle: T\n---\n",
        "id: missing or not an Algoritmekader URN": "---\nid: urn:nl:other:1\ntitle: T\n---\n",
        "title: missing": "---\nid: urn:nl:ak:ver:avg-01\n---\n",
    }
    for expected, text in cases.items():
        parsed = parse_document(text, "x.md")
        assert isinstance(parsed, KaderFileProblem), expected
        assert expected in parsed.problem
        assert parsed.skipped and parsed.path == "x.md"


def test_a_folder_reports_bad_files_and_loads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "vereisten").mkdir()
    (tmp_path / "vereisten" / "index.md").write_text("---\nid: 0\n---\n")
    (tmp_path / "vereisten" / "avg-01-a.md").write_text(
        document("id: urn:nl:ak:ver:avg-01\ntitle: A")
    )
    (tmp_path / "vereisten" / "avg-01-copy.md").write_text(
        document("id: urn:nl:ak:ver:avg-01\ntitle: Copy")
    )
    (tmp_path / "vereisten" / "broken.md").write_text("no front matter")
    (tmp_path / "maatregelen").mkdir()
    (tmp_path / "maatregelen" / "1-pba-05.md").write_text(
        document("id: urn:nl:ak:mtr:pba-05\ntitle: M\nvereiste: [avg-01-a, avg-77-gone]")
    )
    items, problems = parse_folder(tmp_path)
    assert [i.urn for i in items] == ["urn:nl:ak:mtr:pba-05", "urn:nl:ak:ver:avg-01"]
    assert by_code(items)["avg-01"].title == "A"  # the first file (by path) wins
    described = {(p.path, p.skipped): p.problem for p in problems}
    assert "also used by vereisten/avg-01-a.md" in described[("vereisten/avg-01-copy.md", True)]
    assert "no front matter" in described[("vereisten/broken.md", True)]
    assert "no requirement avg-77" in described[("maatregelen/1-pba-05.md", False)]
    assert len(problems) == 3
