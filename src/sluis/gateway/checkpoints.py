"""Checkpoints of SQLite's write-ahead log in a thread of their own, off the commit path.

In WAL mode SQLite appends every commit to the log, and the commit that finds the log
grown past ``wal_autocheckpoint`` pages copies it back into the database file before it
returns. For single decisions that commit is some unlucky request's: measured over HTTP,
those checkpoints were the slowest requests (p99 about 38 ms with them, 15 ms without).
So the gateway's own connections checkpoint only as a backstop (see ``SQLITE_PRAGMAS`` in
``service``), and this thread runs a passive checkpoint shortly after writes: passive
checkpoints never block a writer (the log goes on growing at its end while its beginning
is copied) nor wait for one. Nothing about durability changes: a checkpoint only moves
committed pages from the log into the database file.

The thread starts with the first write and ends once its gateway is gone.
"""

from __future__ import annotations

import logging
import threading
import weakref

from sqlalchemy import Engine

INTERVAL_SECONDS = 1.0
_log = logging.getLogger(__name__)


class Checkpointer:
    """Passive WAL checkpoints for one SQLite database, run by a background thread."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dirty = False
        self.stopped = False
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def wrote(self) -> None:
        """A transaction was committed: checkpoint soon."""
        self.dirty = True
        if self._thread is None:
            with self._lock:
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=_run,
                        args=(weakref.ref(self), self.engine, self._wake),
                        name="sluis-checkpoint",
                        daemon=True,
                    )
                    self._thread.start()

    def stop(self) -> None:
        """End the thread (it also ends by itself once this object is gone)."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self.stopped = True
            self._wake.set()
            thread.join()


def _run(owner: weakref.ref[Checkpointer], engine: Engine, wake: threading.Event) -> None:
    # Holds no strong reference to its Checkpointer between rounds, so that the gateway
    # owning it can be collected; the thread then ends at its next round.
    while True:
        wake.wait(INTERVAL_SECONDS)
        checkpointer = owner()
        if checkpointer is None or checkpointer.stopped:
            return
        dirty, checkpointer.dirty = checkpointer.dirty, False
        del checkpointer
        if dirty:
            checkpoint(engine)


def checkpoint(engine: Engine) -> None:
    """One passive checkpoint; a failure is logged and left to the next round (and to the
    writers' own automatic checkpoints)."""
    try:
        pooled = engine.raw_connection()
        try:
            pooled.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            pooled.close()
    except Exception as exc:  # a checkpoint is an optimisation, never a reason to stop
        _log.warning("WAL checkpoint failed (%s); retrying later", type(exc).__name__)


__all__ = ["INTERVAL_SECONDS", "Checkpointer", "checkpoint"]
