"""All configuration in one place.

Settings are read once at the edge (CLI start-up, web app factory) and passed inward;
nothing below the adapters reads the environment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from platformdirs import user_data_path
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_data_dir() -> Path:
    return user_data_path("sluis", appauthor=False)


class Settings(BaseSettings):
    """Runtime settings, overridable with ``SLUIS_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="SLUIS_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; defaults to a SQLite file in the data directory.",
    )
    default_language: str = Field(default="nl", pattern="^(nl|en)$")
    algoritmeregister_schema: Path | None = Field(
        default=None,
        description="The Algoritmeregister publication standard's JSON Schema (a file path); "
        "exports are validated against it.",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    master_key: SecretStr | None = Field(
        default=None,
        description="The gateway's master key: base64 of 32 random bytes. Left empty, Sluis "
        "keeps one in the file master.key in the data directory (created on first use).",
    )
    holidays: Path | None = Field(
        default=None,
        description="A holiday file (YAML or TOML) adjusting the holiday calendars used for "
        "deadlines: extra closed days and removed holidays, per country and year.",
    )
    smtp_host: str | None = Field(
        default=None,
        description="The SMTP server the rights desk sends mail through (identity codes, "
        "answers, reminders); without it no mail is sent and answers go by letter.",
    )
    smtp_port: int = Field(default=25, ge=1, le=65535)
    mail_from: str = Field(
        default="sluis@localhost", description="The sender address of the rights desk's mail."
    )
    staff_email: str | None = Field(
        default=None, description="Where reminders of due and overdue requests go."
    )
    public_url: str = Field(
        default="http://127.0.0.1:8000",
        description="The address people reach Sluis at, for links in mail (no trailing /).",
    )
    behind_proxy: bool = Field(
        default=False,
        description="Sluis is served behind a reverse proxy that terminates TLS and sets "
        "X-Forwarded-Proto and X-Forwarded-For: trust them (HSTS, rate limits per client).",
    )
    portal_rate_per_minute: int = Field(
        default=30,
        ge=1,
        le=100_000,
        description="Requests per minute one client may make to the public portal (the "
        "/requests pages and the rights intake API); more get 429 with Retry-After.",
    )
    portal_burst: int = Field(
        default=20, ge=1, le=100_000, description="How many portal requests may come at once."
    )
    procedures: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Decision procedures bound at start-up, each "
        "'profile_id:decision_id=path/to/file.py:attribute'; in SLUIS_PROCEDURES separated "
        "by commas or given as a JSON list.",
    )

    @field_validator("procedures", mode="before")
    @classmethod
    def _split_procedures(cls, value: object) -> object:
        # The environment gives one string; a comma list is easier to type than JSON.
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [item.strip() for item in text.split(",") if item.strip()]
        return value

    @property
    def evidence_dir(self) -> Path:
        """Where uploaded evidence files are kept."""
        return self.data_dir / "evidence"

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'sluis.db'}"


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
