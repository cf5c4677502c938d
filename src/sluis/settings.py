"""All configuration in one place.

Settings are read once at the edge (CLI start-up, web app factory) and passed inward;
nothing below the adapters reads the environment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from platformdirs import user_data_path
from pydantic import AliasChoices, Field, SecretStr, field_validator
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
    par_dpia_schemas: Path | None = Field(
        default=None,
        description="The folder with the government's questionnaire schemas "
        "(assessment-definition.v2 and assessment-output.v2 JSON Schemas); unset, Sluis looks "
        "in ../schemas next to the definition being imported.",
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
    session_idle_minutes: int = Field(
        default=30, ge=1, le=24 * 60, description="A web session ends after this idle time."
    )
    session_hours: int = Field(
        default=12, ge=1, le=24 * 30, description="A web session ends this long after sign-in."
    )
    oidc_issuer: str | None = Field(
        default=None,
        description="OpenID Connect: the identity provider's issuer URL; set it (with the "
        "client id and secret) to offer 'sign in with your organisation'.",
    )
    oidc_client_id: str | None = None
    oidc_client_secret: SecretStr | None = None
    oidc_role_claim: str = Field(
        default="roles", description="The ID token claim that lists the person's groups."
    )
    oidc_role_map: Annotated[dict[str, str], NoDecode] = Field(
        default_factory=dict,
        description="Claim value to role, e.g. 'sluis-admins=administrator,dpo=privacy_officer' "
        "(or JSON). Roles from the claim are granted to the matched account at sign-in.",
    )

    @field_validator("oidc_role_map", mode="before")
    @classmethod
    def _split_role_map(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("{"):
                return json.loads(text)
            pairs = (item.partition("=") for item in text.split(",") if item.strip())
            return {k.strip(): v.strip() for k, _, v in pairs}
        return value

    processing_log: bool = Field(
        default=True,
        description="Keep the processing log (Logboek Dataverwerkingen): a record of every "
        "processing of personal data, in a local file and/or sent over OTLP.",
    )
    processing_log_file: Path | None = Field(
        default=None,
        description="The local processing log (JSON lines); default processing-log.jsonl in "
        "the data directory.",
    )
    processing_log_otlp_endpoint: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "processing_log_otlp_endpoint",
            "SLUIS_PROCESSING_LOG_OTLP_ENDPOINT",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        ),
        description="An OTLP/HTTP collector's traces URL (e.g. http://collector:4318/v1/traces) "
        "to send the processing log to; also read from OTEL_EXPORTER_OTLP_TRACES_ENDPOINT.",
    )
    otel_exporter_otlp_endpoint: str | None = Field(
        default=None,
        validation_alias=AliasChoices("otel_exporter_otlp_endpoint", "OTEL_EXPORTER_OTLP_ENDPOINT"),
        description="OpenTelemetry's general OTLP endpoint (the processing log adds /v1/traces).",
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
