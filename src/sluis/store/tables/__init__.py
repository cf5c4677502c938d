"""The database tables (SQLAlchemy 2 typed declarative mapping), one module per area.

Every table has a hand-written Alembic migration in ``migrations/versions``; a test
compares the migrated schema with ``metadata`` on both backends, so the two cannot drift.
Importing this package registers every table module on ``metadata``: a new module must be
imported here.
"""

from sluis.store.tables import (
    accounts,  # noqa: F401  (registers the accounts, roles, sessions and API tokens)
    dpia,  # noqa: F401  (registers the DPIA tables)
    fairness,  # noqa: F401  (registers the fairness monitoring tables)
    gateway,  # noqa: F401  (registers the decision gateway tables)
    instruments,  # noqa: F401  (registers the questionnaire tables)
    kader,  # noqa: F401  (registers the Algoritmekader tables)
    review,  # noqa: F401  (registers the review desk tables)
    rights,  # noqa: F401  (registers the rights desk tables)
    trust,  # noqa: F401  (registers the audit anchors, legal holds, retention runs)
)
from sluis.store.tables.base import (
    AUTHOR_LENGTH,
    ENGINE_VERSION_LENGTH,
    NAME_LENGTH,
    NAMING_CONVENTION,
    PROFILE_ID_LENGTH,
    SHA256_HEX_LENGTH,
    Base,
    JsonDocument,
    UtcDateTime,
    metadata,
    utcnow,
)
from sluis.store.tables.profiles import AssessmentRow, ProfileRow, ProfileVersionRow

__all__ = [
    "AUTHOR_LENGTH",
    "ENGINE_VERSION_LENGTH",
    "NAME_LENGTH",
    "NAMING_CONVENTION",
    "PROFILE_ID_LENGTH",
    "SHA256_HEX_LENGTH",
    "AssessmentRow",
    "Base",
    "JsonDocument",
    "ProfileRow",
    "ProfileVersionRow",
    "UtcDateTime",
    "metadata",
    "utcnow",
]
