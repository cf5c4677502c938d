"""The rights desk on storage: the gateway it works beside, the calendar, the mailer and
the secrets for identity codes and person tokens. Web, CLI and tests build one
``RightsDesk`` and hand it to the service functions (``intake``, ``verification``,
``handling``, ``package``, ``reminders``)."""

from __future__ import annotations

import threading
from functools import cached_property
from typing import TYPE_CHECKING

from sluis.deadlines.service import holiday_calendar
from sluis.gateway.crypto import load_master_key
from sluis.law.holidays import NETHERLANDS, HolidayCalendar, UnknownCountry
from sluis.review.deciding import when_settled
from sluis.rights.mail import Mailer
from sluis.rights.tokens import CODE_SECRET_INFO, TOKEN_SECRET_INFO, derive_secret
from sluis.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from sluis.gateway.service import Gateway
    from sluis.gateway.subject_keys import SubjectKeys


class RightsDesk:
    def __init__(self, gateway: Gateway, settings: Settings, mailer: Mailer | None = None) -> None:
        self.gateway = gateway
        self.settings = settings
        self.mailer = mailer or Mailer.from_settings(settings)
        self._calendars: dict[str, HolidayCalendar] = {}
        self._lock = threading.Lock()
        # A request waiting on a review is answered as soon as the review settles.
        when_settled(gateway, self._review_settled)

    def _review_settled(self, case_id: str) -> None:
        from sluis.rights.handling import follow_case  # the services build on the desk

        follow_case(self, case_id)

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self.gateway.sessions

    @property
    def keys(self) -> SubjectKeys:
        return self.gateway.keys

    @cached_property
    def _master(self) -> bytes:
        return load_master_key(self.settings)

    @property
    def code_secret(self) -> bytes:
        return derive_secret(self._master, CODE_SECRET_INFO)

    @property
    def token_secret(self) -> bytes:
        return derive_secret(self._master, TOKEN_SECRET_INFO)

    def calendar(self, country: str) -> HolidayCalendar:
        """The holiday calendar of ``country`` in force (``SLUIS_HOLIDAYS`` applied); the
        Netherlands' for a country Sluis has no calendar of."""
        with self._lock:
            found = self._calendars.get(country)
            if found is None:
                try:
                    found = holiday_calendar(country, self.settings.holidays)
                except UnknownCountry:
                    found = holiday_calendar(NETHERLANDS, self.settings.holidays)
                self._calendars[country] = found
            return found

    def link(self, path: str) -> str:
        return self.settings.public_url.rstrip("/") + path


__all__ = ["RightsDesk"]
