"""Fixtures for the Algoritmekader tests: the real framework files, read in place
(``shared_data`` comes from ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.kader.parsing import KaderItem, parse_folder
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import validate_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def kader_folder(shared_data: Path) -> Path:
    return shared_data / "algoritmekader"


@pytest.fixture(scope="session")
def kader_items(kader_folder: Path) -> list[KaderItem]:
    items, problems = parse_folder(kader_folder)
    assert problems == []
    return items


ProfileFactory = Callable[..., AlgorithmProfile]


@pytest.fixture(scope="session")
def make_profile() -> ProfileFactory:
    """Builds an example profile by file name, with registration facts replaced where given
    (``None`` drops a fact) and other top-level sections replaced through ``sections``."""

    def build(
        name: str, sections: dict[str, Any] | None = None, **registration: Any
    ) -> AlgorithmProfile:
        document = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
        document.update(sections or {})
        facts = {**document.get("registration", {}), **registration}
        document["registration"] = {k: v for k, v in facts.items() if v is not None}
        return validate_profile(document)

    return build
