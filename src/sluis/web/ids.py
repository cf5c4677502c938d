"""Bounds on the integer ids and version numbers routes take, so that a number no
database column can hold is refused as bad input (422) instead of failing in the driver."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

MAX_ROW_ID = 2_147_483_647  # the largest INTEGER on PostgreSQL

RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
Version = Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)]
