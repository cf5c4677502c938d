"""Wording of the web layer's protections (``sluis.web.security``)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "security.rate_limited": (
        "U heeft te veel verzoeken achter elkaar gedaan. Probeer het over {seconds} seconden "
        "opnieuw.",
        "Too many requests in a row. Please try again in {seconds} seconds.",
    ),
}
