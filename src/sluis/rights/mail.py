"""Sending mail over SMTP (stdlib ``smtplib``): one-time codes, answers, reminders.

Configured by ``SLUIS_SMTP_HOST``, ``SLUIS_SMTP_PORT`` and ``SLUIS_MAIL_FROM``. Without a
host no mail is sent: :meth:`Mailer.send` raises :class:`MailUnavailable` and the desk
records that the answer must go another way (a letter). Failures are reported without
the address or the content: both are personal data.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import make_msgid

from sluis.settings import Settings

log = logging.getLogger("sluis.rights.mail")
TIMEOUT_SECONDS = 10


class MailUnavailable(RuntimeError):
    """No mail could be sent (no server configured, or the server refused or failed)."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    media_type: str = "application/pdf"


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)


class Mailer:
    def __init__(self, host: str | None, port: int, sender: str) -> None:
        self.host = host
        self.port = port
        self.sender = sender

    @classmethod
    def from_settings(cls, settings: Settings) -> Mailer:
        return cls(settings.smtp_host, settings.smtp_port, settings.mail_from)

    @property
    def configured(self) -> bool:
        return bool(self.host)

    def send(self, mail: Mail) -> str:
        """Send ``mail``; returns its Message-ID."""
        if not self.host:
            raise MailUnavailable("no SMTP server is configured (SLUIS_SMTP_HOST)")
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = mail.to
        message["Subject"] = mail.subject
        message_id = make_msgid(domain="sluis.local")
        message["Message-ID"] = message_id
        message.set_content(mail.body)
        for attachment in mail.attachments:
            main, _, sub = attachment.media_type.partition("/")
            message.add_attachment(
                attachment.content, maintype=main, subtype=sub, filename=attachment.filename
            )
        try:
            with smtplib.SMTP(self.host, self.port, timeout=TIMEOUT_SECONDS) as smtp:
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            log.warning("mail not sent: %s", type(exc).__name__)
            raise MailUnavailable(
                f"the SMTP server did not take the mail ({type(exc).__name__})"
            ) from None
        return message_id


__all__ = ["Attachment", "Mail", "MailUnavailable", "Mailer"]
