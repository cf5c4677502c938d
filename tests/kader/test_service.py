"""Storing the Algoritmekader and a profile's checklist (SQLite and PostgreSQL): imports
and re-imports, statuses that survive them, validation, and evidence files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.kader.service import (
    EvidenceNotFound,
    KaderFolderInvalid,
    KaderInputInvalid,
    MeasureState,
    add_evidence,
    checklist_for,
    current_items,
    evidence_file,
    import_folder,
    latest_import,
    list_imports,
    set_measure_status,
)
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.service import ProfileNotFound
from sluis.store.tables.kader import EvidenceFileRow, MeasureStatusRow

Sessions = sessionmaker[Session]
Factory = Callable[..., AlgorithmProfile]
WELFARE = "welfare-fraud-risk-selection"
HUMAN_INTERVENTION = "urn:nl:ak:mtr:imp-03"  # serves art. 22 GDPR, among others
PROVIDER_DATASETS = "urn:nl:ak:mtr:dat-07"  # serves only a provider duty (aia-10)


@pytest.fixture
def imported(sessions: Sessions, kader_folder: Path) -> Sessions:
    import_folder(sessions, kader_folder, source="Algoritmekader test")
    return sessions


@pytest.fixture
def welfare(imported: Sessions, make_profile: Factory) -> str:
    stored, _ = register_and_assess(imported, make_profile(WELFARE))
    return stored.profile_id


@pytest.fixture
def copy(kader_folder: Path, tmp_path: Path) -> Path:
    """A copy of the real folder in the test's own directory, to change freely."""
    target = tmp_path / "algoritmekader"
    shutil.copytree(kader_folder, target)
    return target


def errors_of(exc: pytest.ExceptionInfo[KaderInputInvalid]) -> set[tuple[str, str]]:
    return {(e.loc, e.rule) for e in exc.value.errors}


# --- importing ----------------------------------------------------------------------------


def test_import_stores_every_item_and_a_second_import_changes_nothing(
    sessions: Sessions, kader_folder: Path
) -> None:
    first = import_folder(sessions, kader_folder)
    assert (len(first.added), first.changed, first.unchanged, first.removed) == (171, (), (), ())
    assert first.problems == ()
    assert len(current_items(sessions)) == 171
    second = import_folder(sessions, kader_folder, source="again")
    assert (second.added, second.changed, second.removed) == ((), (), ())
    assert len(second.unchanged) == 171
    summary = latest_import(sessions)
    assert summary is not None and summary.id == second.import_id
    assert (summary.source, summary.unchanged, summary.changes) == ("again", 171, ())
    assert [i.id for i in list_imports(sessions)] == [second.import_id, first.import_id]


def test_reimporting_a_newer_version_keeps_statuses_and_records_the_changes(
    imported: Sessions, welfare: str, copy: Path
) -> None:
    set_measure_status(imported, welfare, HUMAN_INTERVENTION, "in_progress", owner="Team Art22")
    set_measure_status(
        imported, welfare, "urn:nl:ak:mtr:imp-01", "done", notes="Werkinstructie v2", by="fg"
    )
    avg10 = next((copy / "vereisten").glob("avg-10-*.md"))
    avg10.write_text(avg10.read_text().replace("niet volledig geautomatiseerd", "nooit volledig"))
    imp01 = next((copy / "maatregelen").glob("6-imp-01-*.md"))
    imp01_text = imp01.read_text()
    imp01.unlink()
    (copy / "maatregelen" / "9-new-01-nieuw.md").write_text(
        "---\nid: urn:nl:ak:mtr:new-01\ntitle: Nieuwe maatregel\n"
        "vereiste: [avg-10-recht]\nlevenscyclus: [ontwerp]\n---\nTekst\n"
    )

    report = import_folder(imported, copy)

    assert report.changed == ("urn:nl:ak:ver:avg-10",)
    assert report.removed == ("urn:nl:ak:mtr:imp-01",)
    assert report.added == ("urn:nl:ak:mtr:new-01",)
    assert len(report.unchanged) == 169
    summary = latest_import(imported)
    assert summary is not None
    assert {(c.change, c.code) for c in summary.changes} == {
        ("changed", "avg-10"),
        ("removed", "imp-01"),
        ("added", "new-01"),
    }
    changed = next(c for c in summary.changes if c.change == "changed")
    assert (
        changed.title.endswith("nooit volledig") and changed.before_sha256 != changed.after_sha256
    )

    checklist = checklist_for(imported, welfare)
    kept = {m.item.urn: m.status for m in checklist.measures()}
    assert kept[HUMAN_INTERVENTION].status is MeasureState.in_progress
    assert kept[HUMAN_INTERVENTION].owner == "Team Art22"
    assert kept["urn:nl:ak:mtr:new-01"].status is MeasureState.todo
    # The removed measure's status is kept and shown, not silently dropped.
    assert [(s.measure_urn, s.status) for s in checklist.stale] == [
        ("urn:nl:ak:mtr:imp-01", MeasureState.done)
    ]
    # Bringing it back restores it, with its status.
    imp01.write_text(imp01_text)
    assert import_folder(imported, copy).added == ("urn:nl:ak:mtr:imp-01",)
    checklist = checklist_for(imported, welfare)
    assert checklist.stale == ()
    kept = {m.item.urn: m.status for m in checklist.measures()}
    assert (kept["urn:nl:ak:mtr:imp-01"].status, kept["urn:nl:ak:mtr:imp-01"].notes) == (
        MeasureState.done,
        "Werkinstructie v2",
    )


def test_a_malformed_file_is_reported_and_skipped_while_the_rest_imports(
    sessions: Sessions, copy: Path
) -> None:
    (copy / "vereisten" / "zzz-kapot.md").write_text("---\nid: [kapot\n---\n")
    report = import_folder(sessions, copy)
    assert len(report.added) == 171
    assert [(p.path, p.skipped) for p in report.problems] == [("vereisten/zzz-kapot.md", True)]
    assert "not valid YAML" in report.problems[0].problem
    summary = latest_import(sessions)
    assert summary is not None and summary.problems == report.problems


def test_a_file_that_breaks_later_keeps_its_last_good_version(
    sessions: Sessions, copy: Path
) -> None:
    import_folder(sessions, copy)
    avg10 = next((copy / "vereisten").glob("avg-10-*.md"))
    avg10.write_text("no front matter any more")
    report = import_folder(sessions, copy)
    assert report.removed == ()
    assert [p.path for p in report.skipped] == [f"vereisten/{avg10.name}"]
    assert "urn:nl:ak:ver:avg-10" in {i.urn for i in current_items(sessions)}


def test_a_missing_or_empty_folder_imports_nothing(sessions: Sessions, tmp_path: Path) -> None:
    with pytest.raises(KaderFolderInvalid, match="no such folder"):
        import_folder(sessions, tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "kapot.md").write_text("nothing here")
    with pytest.raises(KaderFolderInvalid, match="no readable") as exc:
        import_folder(sessions, tmp_path / "empty")
    assert [p.path for p in exc.value.problems] == ["kapot.md"]
    assert list_imports(sessions) == []


# --- the checklist and statuses -------------------------------------------------------------


def test_the_checklist_lists_applicable_requirements_with_links_and_counts(
    imported: Sessions, welfare: str
) -> None:
    checklist = checklist_for(imported, welfare)
    assert (checklist.profile_id, checklist.version) == (WELFARE, 1)
    codes = {r.item.code for r in checklist.requirements}
    assert {"avg-10", "aia-21", "aia-27"} <= codes and "aia-03" not in codes
    assert "aia-03" in {r.item.code for r in checklist.excluded}
    by_code = {r.item.code: r for r in checklist.requirements}
    assert by_code["avg-13"].link is not None and by_code["avg-13"].link.status == "met"
    assert HUMAN_INTERVENTION in {m.item.urn for m in by_code["avg-10"].measures}
    measures = checklist.measures()
    assert len(measures) == checklist.counts["total"] == checklist.counts["todo"] == 100
    assert PROVIDER_DATASETS not in {m.item.urn for m in measures}
    assert {m.item.code for m in checklist.general_measures} >= {"org-04", "org-05"}
    assert checklist.kader_import is not None and checklist.kader_import.source == (
        "Algoritmekader test"
    )


def test_a_checklist_before_any_import_is_empty(sessions: Sessions, make_profile: Factory) -> None:
    register_and_assess(sessions, make_profile(WELFARE))
    checklist = checklist_for(sessions, WELFARE)
    assert checklist.kader_import is None and checklist.requirements == ()
    assert checklist.counts["total"] == 0
    with pytest.raises(ProfileNotFound):
        checklist_for(sessions, "no-such-profile")


def test_statuses_are_recorded_and_counted(imported: Sessions, welfare: str) -> None:
    saved = set_measure_status(
        imported, welfare, HUMAN_INTERVENTION, "in_progress", owner=" Team ", by="fg"
    )
    assert (saved.status, saved.owner, saved.updated_by) == (MeasureState.in_progress, "Team", "fg")
    assert saved.updated_at is not None
    # Left out keeps the stored value; an empty string clears it.
    saved = set_measure_status(imported, welfare, HUMAN_INTERVENTION, "done", notes="Klaar")
    assert (saved.status, saved.owner, saved.notes) == (MeasureState.done, "Team", "Klaar")
    saved = set_measure_status(imported, welfare, HUMAN_INTERVENTION, "done", owner="")
    assert saved.owner is None
    set_measure_status(
        imported, welfare, "urn:nl:ak:mtr:org-04", "not_applicable", reason="Geen bestuurder"
    )
    counts = checklist_for(imported, welfare).counts
    assert (counts["done"], counts["not_applicable"], counts["todo"]) == (1, 1, 98)


def test_status_validation_names_the_field_and_rule_and_writes_nothing(
    imported: Sessions, welfare: str
) -> None:
    with pytest.raises(KaderInputInvalid) as exc:
        set_measure_status(imported, welfare, HUMAN_INTERVENTION, "finished", owner="x" * 201)
    assert errors_of(exc) == {("status", "one_of"), ("owner", "max_length")}
    with pytest.raises(KaderInputInvalid) as exc:
        set_measure_status(imported, welfare, HUMAN_INTERVENTION, "not_applicable", reason=" ")
    assert errors_of(exc) == {("reason", "required_for_not_applicable")}
    with pytest.raises(KaderInputInvalid) as exc:
        set_measure_status(imported, welfare, "urn:nl:ak:mtr:zzz-99", "done")
    assert errors_of(exc) == {("measure_urn", "unknown")}
    with pytest.raises(KaderInputInvalid) as exc:
        set_measure_status(imported, welfare, "urn:nl:ak:ver:avg-10", "done")
    assert errors_of(exc) == {("measure_urn", "not_a_measure")}
    with pytest.raises(KaderInputInvalid) as exc:
        set_measure_status(imported, welfare, PROVIDER_DATASETS, "done")
    assert errors_of(exc) == {("measure_urn", "not_applicable_to_profile")}
    assert "aia-10" in str(exc.value)
    with pytest.raises(ProfileNotFound):
        set_measure_status(imported, "nobody", HUMAN_INTERVENTION, "done")
    with imported.begin() as session:
        assert session.scalars(select(MeasureStatusRow)).all() == []


def test_a_kept_reason_suffices_for_not_applicable(imported: Sessions, welfare: str) -> None:
    set_measure_status(imported, welfare, HUMAN_INTERVENTION, "todo", reason="Eerst uitzoeken")
    saved = set_measure_status(imported, welfare, HUMAN_INTERVENTION, "not_applicable")
    assert (saved.status, saved.reason) == (MeasureState.not_applicable, "Eerst uitzoeken")


# --- evidence -----------------------------------------------------------------------------


def test_evidence_round_trip_stores_by_hash_under_the_profile(
    imported: Sessions, welfare: str, tmp_path: Path
) -> None:
    evidence_dir = tmp_path / "evidence"
    info = add_evidence(
        imported,
        evidence_dir,
        welfare,
        HUMAN_INTERVENTION,
        "../../etc/Werkinstructie toetsing.pdf",
        b"%PDF-1.4 evidence",
        "application/pdf",
        by="fg",
    )
    assert info.created and info.filename == "Werkinstructie toetsing.pdf"
    stored = evidence_dir / welfare / info.sha256
    assert stored.read_bytes() == b"%PDF-1.4 evidence"
    assert sorted(p.name for p in evidence_dir.rglob("*") if p.is_file()) == [info.sha256]
    read, data = evidence_file(imported, evidence_dir, welfare, info.id)
    assert data == b"%PDF-1.4 evidence"
    assert (read.media_type, read.size, read.uploaded_by) == ("application/pdf", 17, "fg")
    again = add_evidence(
        imported, evidence_dir, welfare, HUMAN_INTERVENTION, "copy.pdf", data, "application/pdf"
    )
    assert (again.id, again.created) == (info.id, False)
    entry = next(
        m for m in checklist_for(imported, welfare).measures() if m.item.urn == HUMAN_INTERVENTION
    )
    assert [e.id for e in entry.evidence] == [info.id]


def test_evidence_is_validated_and_nothing_is_written_when_refused(
    imported: Sessions, welfare: str, tmp_path: Path
) -> None:
    evidence_dir = tmp_path / "evidence"
    too_big = b"x" * (10 * 1024 * 1024 + 1)
    with pytest.raises(KaderInputInvalid) as exc:
        add_evidence(imported, evidence_dir, welfare, HUMAN_INTERVENTION, "a", too_big, "bad type")
    assert errors_of(exc) == {("file", "max_size"), ("media_type", "format")}
    with pytest.raises(KaderInputInvalid) as exc:
        add_evidence(imported, evidence_dir, welfare, HUMAN_INTERVENTION, "a", b"", None)
    assert errors_of(exc) == {("file", "not_empty")}
    with pytest.raises(KaderInputInvalid) as exc:
        add_evidence(imported, evidence_dir, welfare, PROVIDER_DATASETS, "a", b"data", None)
    assert errors_of(exc) == {("measure_urn", "not_applicable_to_profile")}
    with pytest.raises(ProfileNotFound):
        add_evidence(imported, evidence_dir, "../etc", HUMAN_INTERVENTION, "a", b"data", None)
    assert not evidence_dir.exists() or not any(evidence_dir.rglob("*"))


def test_evidence_reads_refuse_other_profiles_traversal_and_altered_files(
    imported: Sessions, welfare: str, tmp_path: Path, make_profile: Factory
) -> None:
    evidence_dir = tmp_path / "evidence"
    info = add_evidence(imported, evidence_dir, welfare, HUMAN_INTERVENTION, "a.txt", b"abc", None)
    assert info.media_type == "application/octet-stream"
    register_and_assess(imported, make_profile("child-benefit-grant"))
    with pytest.raises(EvidenceNotFound):
        evidence_file(imported, evidence_dir, "child-benefit-grant", info.id)
    with pytest.raises(EvidenceNotFound):
        evidence_file(imported, evidence_dir, welfare, info.id + 1)
    (tmp_path / "secret.txt").write_text("secret")
    with imported.begin() as session:
        session.execute(
            update(EvidenceFileRow)
            .where(EvidenceFileRow.id == info.id)
            .values(stored_path="../secret.txt")
        )
    with pytest.raises(EvidenceNotFound, match="outside the evidence folder"):
        evidence_file(imported, evidence_dir, welfare, info.id)
    with imported.begin() as session:
        session.execute(
            update(EvidenceFileRow)
            .where(EvidenceFileRow.id == info.id)
            .values(stored_path=f"{welfare}/{info.sha256}")
        )
    (evidence_dir / welfare / info.sha256).write_bytes(b"tampered")
    with pytest.raises(EvidenceNotFound, match="altered"):
        evidence_file(imported, evidence_dir, welfare, info.id)
