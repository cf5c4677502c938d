"""Benchmark: single decisions over HTTP on loopback.

The app runs under uvicorn in a subprocess on a fresh database (SQLite by default, or a
new schema on a PostgreSQL server with ``--postgres URL``), with the German Credit
procedure bound at start-up through ``SLUIS_PROCEDURES``. A concurrent client keeps
``--concurrency`` requests in flight, each ``POST /api/v1/decisions`` for one new
applicant, and measures every request's latency.

One worker by default: SQLite has one writer at a time, and a second process waiting for
its lock sleeps in SQLite's busy handler for milliseconds at a time, which costs more than
the second core gains (try ``--workers 2``, or ``--postgres`` for several workers).

Two clients: ``raw`` (the default), a minimal HTTP/1.1 keep-alive client on asyncio
streams, and ``httpx`` (asyncio). Client and server share the machine's two cores, so the
client's own CPU time counts against the server; httpx spends several times what the raw
client does per request, so the raw client measures the server more fairly.

Targets (issue 4): at least 1,500 decisions/s with a p99 latency of at most 25 ms. The
last line gives the throughput and its ratio to the target (above 1.0 meets it).

Run: .venv/bin/python benchmarks/bench_decide_http.py [--quick] [--client httpx]
        [--workers N] [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url

from sluis.accounts.roles import Grant, Role
from sluis.accounts.service import create_account, create_token
from sluis.assessment.service import register_and_assess
from sluis.gateway.loading import load_file
from sluis.gateway.service import Gateway
from sluis.profiles.validation import parse_profile_text
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory, migrate

TARGET_PER_SECOND = 1500.0
TARGET_P99_MS = 25.0
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PROFILE, DECISION = "german-credit", "credit-decision"
PATH = "/api/v1/decisions"
# The API token the clients send (made by ``prepare``): the hot path checks it too.
AUTHORIZATION: dict[str, str] = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def database(folder: Path, server_url: str | None) -> Iterator[str]:
    """A fresh database: a SQLite file, or a new schema on the PostgreSQL server (dropped
    afterwards)."""
    if server_url is None:
        yield f"sqlite:///{folder / 'sluis.db'}"
        return
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine_for(server_url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = make_url(server_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def prepare(folder: Path, url: str) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """A migrated database with the profile registered, the environment for the server,
    and the sample applications."""
    engine = create_engine_for(url)
    migrate(engine)
    sessions = make_session_factory(engine)
    text = (EXAMPLES / f"{PROFILE}.yaml").read_text(encoding="utf-8")
    register_and_assess(sessions, parse_profile_text(text))
    module = load_file(EXAMPLES / "german_credit.py")
    settings = Settings(data_dir=folder)
    # Register once here (and make the master key) so the workers start alike.
    Gateway(sessions, settings).register_procedure(PROFILE, DECISION, module.procedure())
    create_account(sessions, "bench", "Benchmark", grants=[Grant(Role.decision_owner, PROFILE)])
    token, _ = create_token(sessions, "bench", "benchmark")
    AUTHORIZATION["value"] = f"Bearer {token}"
    engine.dispose()
    env = {
        **os.environ,
        "SLUIS_DATABASE_URL": url,
        "SLUIS_DATA_DIR": str(folder),
        "SLUIS_PROCEDURES": f"{PROFILE}:{DECISION}={EXAMPLES / 'german_credit.py'}:procedure",
    }
    rows = module.training_data()[module.FEATURES].head(200).to_dict("records")
    return env, rows


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "sluis.web.app:create_app",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server stopped during start-up")
        try:
            probe = f"http://127.0.0.1:{port}/api/v1/openapi.json"
            if httpx.get(probe, timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the server did not start in time")


def body(rows: list[dict[str, Any]], n: int) -> bytes:
    request = {
        "algorithm": PROFILE,
        "decision": DECISION,
        "subject_id": f"applicant-{n}",
        "inputs": rows[n % len(rows)],
    }
    return json.dumps(request).encode()


class Counter:
    def __init__(self, total: int) -> None:
        self.next = 0
        self.total = total

    def take(self) -> int | None:
        if self.next >= self.total:
            return None
        self.next += 1
        return self.next - 1


async def httpx_worker(
    port: int, rows: list[dict[str, Any]], counter: Counter, timings: list[float]
) -> None:
    headers = {"content-type": "application/json", "authorization": AUTHORIZATION["value"]}
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        while (n := counter.take()) is not None:
            started = time.perf_counter()
            response = await client.post(PATH, content=body(rows, n), headers=headers)
            timings.append(time.perf_counter() - started)
            if response.status_code != 201:
                raise RuntimeError(f"{response.status_code}: {response.text[:300]}")


async def raw_worker(
    port: int, rows: list[dict[str, Any]], counter: Counter, timings: list[float]
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while (n := counter.take()) is not None:
            payload = body(rows, n)
            head = (
                f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                f"Authorization: {AUTHORIZATION['value']}\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n"
            ).encode()
            started = time.perf_counter()
            writer.write(head + payload)
            status = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            answer = await reader.readexactly(length)
            timings.append(time.perf_counter() - started)
            if b" 201 " not in status:
                raise RuntimeError(f"{status!r}: {answer[:300]!r}")
    finally:
        writer.close()


async def load(
    port: int, rows: list[dict[str, Any]], total: int, concurrency: int, client: str
) -> tuple[float, list[float]]:
    counter = Counter(total)
    timings: list[float] = []
    worker = raw_worker if client == "raw" else httpx_worker
    started = time.perf_counter()
    await asyncio.gather(*(worker(port, rows, counter, timings) for _ in range(concurrency)))
    return time.perf_counter() - started, timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 requests")
    parser.add_argument("--requests", type=int, default=None)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--client", choices=["httpx", "raw"], default="raw")
    parser.add_argument(
        "--postgres", metavar="URL", default=None, help="a PostgreSQL server instead of SQLite"
    )
    args = parser.parse_args()
    total = args.requests or (10_000 if args.quick else 60_000)
    with (
        tempfile.TemporaryDirectory(prefix="sluis-bench-") as name,
        database(Path(name), args.postgres) as url,
    ):
        env, rows = prepare(Path(name), url)
        port = free_port()
        server = start_server(env, port, args.workers)
        try:
            asyncio.run(load(port, rows, min(500, total), args.concurrency, args.client))  # warm
            elapsed, timings = asyncio.run(load(port, rows, total, args.concurrency, args.client))
        finally:
            server.terminate()
            server.wait(timeout=30)
    per_second = total / elapsed
    cuts = statistics.quantiles(timings, n=100)
    p50, p99 = cuts[49] * 1000, cuts[98] * 1000
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"{total} requests, {args.concurrency} in flight, {args.workers} worker(s), "
        f"{args.client} client, {backend}: {elapsed:.2f} s"
    )
    print(
        f"latency p50 {p50:.1f} ms, p99 {p99:.1f} ms (target at most {TARGET_P99_MS:.0f} ms, "
        f"ratio {TARGET_P99_MS / p99:.2f})"
    )
    print(
        f"decisions/s: {per_second:.0f} (target {TARGET_PER_SECOND:.0f}, "
        f"ratio {per_second / TARGET_PER_SECOND:.2f})"
    )


if __name__ == "__main__":
    main()
