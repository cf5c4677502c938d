"""Keeping personal data out of the application's logs (GDPR art. 5(1)(c) and 32).

Logs are copied, shipped and kept far longer than anyone thinks of erasing them, so what
might identify a person never gets there:

- access log lines (``uvicorn.access``) lose the client's address, the query string
  (decision references, one-time codes, e-mail addresses typed into a form sent by GET)
  and every id in the path (a request or decision id points at one person);
- every other record of ``uvicorn`` or ``sluis`` loggers, tracebacks included, has e-mail
  addresses, nine-digit numbers (a BSN looks like one) and the parameters SQLAlchemy prints
  with a failed statement replaced.

Request bodies are never logged by Sluis or uvicorn. :func:`install` adds the filter to
the loggers where such records are made; it is idempotent and called by the app factory.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_BSN_LIKE = re.compile(r"(?<![\w.])\d{9}(?![\w.])")
_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(\n|\(Background|$))", re.DOTALL)
_QUERY_IN_URL = re.compile(r"(https?://\S+?|\s/\S*?)\?\S*")
LOGGER_PREFIXES = ("uvicorn", "sluis", "fastapi")


def scrub(text: str) -> str:
    """``text`` without what may identify a person."""
    text = _PARAMETERS.sub("[parameters: redacted]", text)
    text = _EMAIL.sub("<email>", text)
    text = _BSN_LIKE.sub("<number>", text)
    return _QUERY_IN_URL.sub(lambda m: m.group(1), text)


def scrub_path(path: str) -> str:
    """A request path without its query string and with ids replaced."""
    return _UUID.sub(":id", path.split("?", 1)[0])


class PersonalDataFilter(logging.Filter):
    """Rewrites records in place (it never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access" and isinstance(record.args, tuple):
            args = list(record.args)
            if len(args) >= 3:
                # uvicorn: (client address, method, path with query, HTTP version, status)
                args[0] = "-"
                args[2] = scrub_path(str(args[2]))
                record.args = tuple(args)
            return True
        message = record.getMessage()
        scrubbed = scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


_FILTER = PersonalDataFilter()


def _loggers(names: Iterable[str]) -> list[logging.Logger]:
    return [logging.getLogger(name) for name in names]


def install(extra: Iterable[str] = ()) -> PersonalDataFilter:
    """Add the filter to every existing ``uvicorn``, ``sluis`` and ``fastapi`` logger (and
    ``extra``); records are filtered on the logger that makes them."""
    known = [
        name
        for name in list(logging.root.manager.loggerDict)
        if name.split(".")[0] in LOGGER_PREFIXES
    ]
    names = {*LOGGER_PREFIXES, "uvicorn.access", "uvicorn.error", *known, *extra}
    for logger in _loggers(sorted(names)):
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
    return _FILTER


__all__ = ["PersonalDataFilter", "install", "scrub", "scrub_path"]
