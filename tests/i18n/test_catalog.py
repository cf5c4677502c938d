"""Every interface message exists in Dutch and English."""

from __future__ import annotations

import pytest

from sluis.i18n import label
from sluis.i18n.catalog import message_keys


@pytest.mark.parametrize("key", sorted(message_keys()))
def test_every_message_has_both_languages(key: str) -> None:
    assert label(key, "nl").strip() and label(key, "en").strip()


def test_unknown_languages_fall_back_to_english() -> None:
    assert label("nav.profiles", "de") == label("nav.profiles", "en")
