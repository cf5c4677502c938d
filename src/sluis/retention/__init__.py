"""Retention: erase decision records whose retention period has run out (GDPR art. 5(1)(e)).

``policy`` (pure) says when a record has been kept long enough and what keeps it (legal
holds, pending work); ``holds`` places and lifts legal holds; ``service`` runs the job,
safe from many instances at once, and records what it did (``sluis retention run``).
"""
