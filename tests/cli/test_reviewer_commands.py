"""``sluis reviewer``: add, authorise and list reviewers; bad input exits with 2."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from review_desk import PROFILE, profile_document
from sluis.assessment.service import register_and_assess
from sluis.cli.main import app
from sluis.profiles.model import AlgorithmProfile
from sluis.review import service

runner = CliRunner()


@pytest.fixture
def db(cli_env: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> sessionmaker[Session]:
    monkeypatch.setenv("SLUIS_DEFAULT_LANGUAGE", "en")
    register_and_assess(cli_env, AlgorithmProfile.model_validate(profile_document()))
    return cli_env


def test_add_authorise_and_list(db: sessionmaker[Session]) -> None:
    added = runner.invoke(app, ["reviewer", "add", "anna", "--name", "Anna Jansen"])
    assert added.exit_code == 0, added.output
    assert "Reviewer anna added." in added.stdout and "sluis account create" in added.stdout
    granted = runner.invoke(app, ["reviewer", "authorise", "anna", PROFILE, "--senior"])
    assert granted.exit_code == 0, granted.output
    assert "anna is authorised for allowance (senior)." in granted.stdout
    listed = runner.invoke(app, ["reviewer", "list", "--algorithm", PROFILE])
    assert "Anna Jansen" in listed.stdout and "allowance (senior)" in listed.stdout
    info = service.get_reviewer(db, "anna").authorised_for(PROFILE)
    assert info is not None and info.senior


def test_bad_input_names_the_field_and_the_rule(db: sessionmaker[Session]) -> None:
    bad = runner.invoke(app, ["reviewer", "add", "Anna Jansen", "--name", "Anna"])
    assert bad.exit_code == 2
    assert "id:" in bad.stderr and "reviewer_id_form" in bad.stderr
    unknown = runner.invoke(app, ["reviewer", "authorise", "nobody", PROFILE])
    assert unknown.exit_code == 2 and "reviewer_unknown" in unknown.stderr
    assert service.list_reviewers(db) == []
