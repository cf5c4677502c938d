"""The worked decision examples in ``examples/``: their Python modules loaded from file, as
the CLI and the web app load them."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from sluis.gateway.loading import load_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def german_credit() -> ModuleType:
    return load_file(EXAMPLES / "german_credit.py")


@pytest.fixture(scope="session")
def municipal_allowance() -> ModuleType:
    return load_file(EXAMPLES / "municipal_allowance.py")
