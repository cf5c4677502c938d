"""Interface wording per area of Sluis: each module defines ``MESSAGES``, a dict from a
stable message id to ``(nl, en)``. The catalogue merges every module found here; ids must
be unique across areas (prefix them with the area's name)."""
