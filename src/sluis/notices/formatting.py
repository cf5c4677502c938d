"""Values and dates as a person reads them, in Dutch or English (pure)."""

from __future__ import annotations

from datetime import date, datetime

from sluis.i18n import label


def plain(value: object) -> object:
    """A numpy scalar (from a columnar payload) as the Python value it holds."""
    item = getattr(value, "item", None)
    if item is not None and type(value).__module__ == "numpy":
        return item()
    return value


def format_value(value: object, lang: str) -> str:
    """Yes/no for booleans, numbers with the language's separators (1.740,00 in Dutch,
    1,740.00 in English; whole numbers without decimals), text as it is."""
    value = plain(value)
    if value is None:
        return label("notices.missing_value", lang)
    if isinstance(value, bool):
        return label("notices.yes" if value else "notices.no", lang)
    if isinstance(value, int):
        return _separators(f"{value:,}", lang)
    if isinstance(value, float):
        text = f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
        return _separators(text, lang)
    if isinstance(value, datetime | date):
        return format_date(value, lang)
    return str(value)


def format_score(value: float | None, lang: str) -> str:
    if value is None:
        return "-"
    return _separators(f"{value:,.2f}", lang)


def format_date(value: date | datetime, lang: str) -> str:
    """``23 november 2025`` / ``23 November 2025``."""
    month = label(f"notices.month.{value.month}", lang)
    return f"{value.day} {month} {value.year}"


def humanise(name: str) -> str:
    """A field or condition name as words, when no wording is configured."""
    text = name.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def _separators(text: str, lang: str) -> str:
    if lang != "nl":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


__all__ = ["format_date", "format_score", "format_value", "humanise", "plain"]
