"""Fixtures for the rules tests: the government's real definitions, read in place from the
shared data (``shared_data`` comes from ``tests/conftest.py`` and skips when it is absent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml


@pytest.fixture(scope="session")
def sources(shared_data: Path) -> Path:
    return shared_data / "par-dpia-form" / "sources"


def _load(folder: Path, name: str) -> dict[str, Any]:
    return yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def prescan(sources: Path) -> dict[str, Any]:
    return _load(sources, "prescan")


@pytest.fixture(scope="session")
def real_definitions(sources: Path) -> dict[str, dict[str, Any]]:
    return {name: _load(sources, name) for name in ("prescan", "dpia", "iama")}
