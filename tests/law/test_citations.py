"""Citations render in Dutch and English; the English label is the stable JSON form."""

from __future__ import annotations

from sluis.law.citations import SCHUFA, gdpr, uavg


def test_articles_render_per_language() -> None:
    assert gdpr("22(2)(a)").label("en") == "GDPR art. 22(2)(a)"
    assert gdpr("22(2)(a)").label("nl") == "AVG art. 22(2)(a)"
    assert str(uavg("40(1)")) == "UAVG art. 40(1)"


def test_recitals_are_not_called_articles() -> None:
    assert gdpr("recital 71").label("en") == "GDPR recital 71"
    assert gdpr("recital 71").label("nl") == "AVG overweging 71"


def test_case_law_names_the_court_and_case() -> None:
    assert SCHUFA.label("en") == "CJEU C-634/21 (SCHUFA)"
    assert SCHUFA.label("nl") == "HvJ EU C-634/21 (SCHUFA)"
