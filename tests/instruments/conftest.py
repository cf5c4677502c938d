"""Fixtures for the questionnaire tests: the government's real definitions and schemas,
read in place from the shared data (``shared_data`` comes from ``tests/conftest.py``), and
an example algorithm registered with its assessment."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.instruments.loading import load_definition
from sluis.instruments.model import Definition
from sluis.instruments.service import import_definition
from sluis.profiles.validation import validate_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
INSTRUMENTS = ("prescan", "dpia", "iama")
WELFARE = "welfare-fraud-risk-selection"


@pytest.fixture(scope="session")
def par_dpia_form(shared_data: Path) -> Path:
    return shared_data / "par-dpia-form"


@pytest.fixture(scope="session")
def schema_dir(par_dpia_form: Path) -> Path:
    return par_dpia_form / "schemas"


@pytest.fixture(scope="session")
def source_of(par_dpia_form: Path):
    def source(name: str) -> Path:
        return par_dpia_form / "sources" / f"{name}.yaml"

    return source


@pytest.fixture(scope="session")
def definitions(source_of) -> dict[str, Definition]:
    """The three real definitions, parsed and validated once."""
    return {name: load_definition(source_of(name)) for name in INSTRUMENTS}


@pytest.fixture
def imported(sessions: sessionmaker[Session], source_of) -> sessionmaker[Session]:
    """A database with the three real definitions imported."""
    for name in INSTRUMENTS:
        import_definition(sessions, source_of(name))
    return sessions


@pytest.fixture
def welfare(imported: sessionmaker[Session]) -> str:
    """The welfare risk selection example, registered and assessed."""
    document = yaml.safe_load((EXAMPLES / f"{WELFARE}.yaml").read_text(encoding="utf-8"))
    stored, _ = register_and_assess(imported, validate_profile(document))
    return stored.profile_id
