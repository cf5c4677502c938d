"""Prepared statements run straight on the DBAPI connection, for the hot write paths.

The decision gateway must record thousands of decisions per second in one process. On
the project's 2-core reference machine an empty transaction costs about 230 µs through a
``Session``, 110 µs through ``engine.connect()`` and 26 µs on a pooled DBAPI connection;
each Core ``execute`` adds some 50 µs over the driver's own. So the few statements on
that path are Core statements compiled once per dialect (table and column names stay
those of ``sluis.store.tables``) and executed on the driver's cursor, with SQLAlchemy's
own bind processors converting the values (timestamps, JSON) exactly as Core would.

Everything else keeps using sessions and Core as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement

Processor = Callable[[Any], Any]
_IN_SLICE = 5_000


@dataclass(frozen=True)
class Prepared:
    """A statement compiled for one dialect, with the converters of its parameters."""

    sql: str
    names: tuple[str, ...]
    positional: bool
    processors: tuple[Processor | None, ...]
    defaults: dict[str, Any]
    """Values fixed in the statement itself (``limit(1)``, ``values(x=None)``)."""

    def bind(
        self, values: Mapping[str, Any], native: frozenset[str] = frozenset()
    ) -> Sequence[Any] | dict[str, Any]:
        """The driver's parameters for ``values``: every parameter of the statement that
        is not fixed in it must be given. Names in ``native`` hold values already in the
        driver's form (see :meth:`convert`)."""
        if self.defaults:
            values = {**self.defaults, **values}
        converted = [
            value if process is None or value is None or name in native else process(value)
            for name, process in zip(self.names, self.processors, strict=True)
            for value in (values[name],)
        ]
        if self.positional:
            return converted
        return dict(zip(self.names, converted, strict=True))

    def convert(self, name: str, value: Any) -> Any:
        """``value`` in the driver's form for parameter ``name`` (to convert a value that
        many executions share only once)."""
        process = self.processors[self.names.index(name)]
        return value if process is None or value is None else process(value)

    def rows(
        self,
        constants: Mapping[str, Any],
        columns: Mapping[str, Sequence[Any]],
        *,
        native: frozenset[str] = frozenset(),
    ) -> list[Any]:
        """Parameters for many rows, built column-wise: ``constants`` are the same in every
        row (converted once), ``columns`` hold one value per row. Columns named in
        ``native`` already hold the driver's form and skip conversion."""
        count = len(next(iter(columns.values()))) if columns else 1
        prepared: list[Any] = []
        for name, process in zip(self.names, self.processors, strict=True):
            if name in columns:
                values = columns[name]
                if process is not None and name not in native:
                    values = [None if v is None else process(v) for v in values]
                prepared.append(values)
            else:
                value = {**self.defaults, **constants}[name]
                if process is not None and value is not None:
                    value = process(value)
                prepared.append(repeat(value, count))
        if self.positional:
            return list(zip(*prepared, strict=False))
        names = self.names
        return [dict(zip(names, row, strict=True)) for row in zip(*prepared, strict=False)]


def prepare(statement: ClauseElement, dialect: Dialect) -> Prepared:
    """Compile ``statement`` for ``dialect`` (cache the result: compiling is slow)."""
    compiled = statement.compile(dialect=dialect)
    by_name = {name: bind for bind, name in compiled.bind_names.items()}
    names = tuple(compiled.positiontup or ()) if compiled.positional else tuple(by_name)
    processors = tuple(
        by_name[name].type._cached_bind_processor(dialect)  # SQLAlchemy's own converter
        for name in names
    )
    defaults = {name: by_name[name].effective_value for name in names if not by_name[name].required}
    return Prepared(compiled.string, names, compiled.positional, processors, defaults)


class PreparedCache:
    """Statements prepared on first use, per dialect (statements are module constants)."""

    def __init__(self) -> None:
        self._prepared: dict[tuple[int, str], tuple[ClauseElement, Prepared]] = {}

    def get(self, statement: ClauseElement, dialect: Dialect) -> Prepared:
        key = (id(statement), dialect.name)
        found = self._prepared.get(key)
        if found is None or found[0] is not statement:
            found = (statement, prepare(statement, dialect))
            self._prepared[key] = found
        return found[1]


_CACHE = PreparedCache()


class RawTransaction:
    """The cursor of a transaction on a DBAPI connection, executing prepared statements."""

    def __init__(self, dbapi_connection: Any, dialect: Dialect) -> None:
        self.dbapi_connection = dbapi_connection
        self.dialect = dialect
        self.cursor = dbapi_connection.cursor()

    @property
    def sqlite(self) -> bool:
        return self.dialect.name == "sqlite"

    def execute(
        self,
        statement: ClauseElement,
        values: Mapping[str, Any] | None = None,
        native: frozenset[str] = frozenset(),
    ) -> Any:
        prepared = _CACHE.get(statement, self.dialect)
        self.cursor.execute(prepared.sql, prepared.bind(values or {}, native))
        return self.cursor

    def executemany(self, statement: ClauseElement, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert or update many rows in one driver call; returns the rows affected."""
        prepared = _CACHE.get(statement, self.dialect)
        self.cursor.executemany(prepared.sql, [prepared.bind(row) for row in rows])
        return int(self.cursor.rowcount)

    def executemany_bound(self, statement: ClauseElement, params: Sequence[Any]) -> int:
        """Like :meth:`executemany` with parameters already in the driver's form (see
        :meth:`prepared`), for callers that build millions of them column-wise."""
        prepared = _CACHE.get(statement, self.dialect)
        self.cursor.executemany(prepared.sql, params)
        return int(self.cursor.rowcount)

    def select_in(
        self,
        table: Table,
        columns: Sequence[str],
        key: str,
        values: Sequence[Any],
        where: Mapping[str, Any] | None = None,
    ) -> list[tuple[Any, ...]]:
        """``SELECT columns FROM table WHERE key IN values [AND column = value ...]`` for
        long lists of plain values (text, numbers), in slices the drivers accept."""
        names = ", ".join(table.c[c].name for c in columns)
        found: list[tuple[Any, ...]] = []
        filters = list((where or {}).items())
        for start in range(0, len(values), _IN_SLICE):
            part = list(values[start : start + _IN_SLICE])
            if self.sqlite:
                marks = ", ".join("?" * len(part))
                conditions = [f"{table.c[key].name} IN ({marks})"]
                conditions += [f"{table.c[c].name} = ?" for c, _ in filters]
                params: Any = [*part, *(v for _, v in filters)]
            else:
                conditions = [f"{table.c[key].name} = ANY(%s)"]
                conditions += [f"{table.c[c].name} = %s" for c, _ in filters]
                params = [part, *(v for _, v in filters)]
            sql = f"SELECT {names} FROM {table.name} WHERE {' AND '.join(conditions)}"
            self.cursor.execute(sql, params)
            found.extend(tuple(row) for row in self.cursor.fetchall())
        return found

    def prepared(self, statement: ClauseElement) -> Prepared:
        return _CACHE.get(statement, self.dialect)

    def execute_text(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        """Run literal SQL (already in the driver's parameter style)."""
        self.cursor.execute(sql, params)
        return self.cursor


def on_connection(connection: Connection) -> RawTransaction:
    """A raw cursor inside the (already begun) transaction of a Core connection."""
    dbapi_connection = connection.connection.driver_connection
    return RawTransaction(dbapi_connection, connection.dialect)


@contextmanager
def raw_transaction(
    engine: Engine, *, sqlite_pragmas: Sequence[str] = (), immediate: bool = True
) -> Iterator[RawTransaction]:
    """One transaction on a pooled DBAPI connection: committed when the block ends,
    rolled back when it raises.

    On SQLite the transaction starts with ``BEGIN IMMEDIATE``: it holds the database's
    write lock from the start, so a read-then-write inside it cannot race another writer
    (the busy timeout makes others wait); ``immediate=False`` starts a plain (deferred)
    transaction instead, for reading beside a writer. ``sqlite_pragmas`` are set once per
    DBAPI connection, outside any transaction (some pragmas refuse to change inside one).
    """
    pooled = engine.raw_connection()
    try:
        dbapi_connection = pooled.driver_connection
        if engine.dialect.name == "sqlite":
            done = pooled.info.setdefault("sluis.pragmas", set())
            for pragma in sqlite_pragmas:
                if pragma not in done:
                    dbapi_connection.execute(f"PRAGMA {pragma}")
                    done.add(pragma)
            dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        transaction = RawTransaction(dbapi_connection, engine.dialect)
        try:
            yield transaction
        except BaseException:
            dbapi_connection.rollback()
            raise
        dbapi_connection.commit()
    finally:
        pooled.close()


__all__ = [
    "Prepared",
    "PreparedCache",
    "RawTransaction",
    "on_connection",
    "prepare",
    "raw_transaction",
]
