"""Numbers as people read them: Dutch writes a decimal comma (99,5%), English a point."""

from __future__ import annotations


def format_decimal(value: float, lang: str, digits: int = 1) -> str:
    """``value`` with at most ``digits`` decimals, trailing zeros dropped (8 → "8")."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",") if lang == "nl" else text


def format_percent(rate: float | None, lang: str, digits: int = 1) -> str:
    """A rate in [0, 1] as a percentage; "-" when there is none."""
    if rate is None:
        return "-"
    return f"{format_decimal(rate * 100, lang, digits)}%"


def format_seconds(seconds: float | None, lang: str, digits: int = 1) -> str:
    if seconds is None:
        return "-"
    return f"{format_decimal(seconds, lang, digits)} s"
