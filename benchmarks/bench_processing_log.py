"""Benchmark: what the processing log (Logboek Dataverwerkingen) costs single decisions.

Single decisions through the gateway, in-process, on SQLite (as bench_decide_single.py),
once with the processing log switched off and once on (the default: a record per
decision, with the person's pseudonym encrypted, written to the local JSON-lines file in
the background). Each run has its own fresh database and data directory.

Target (issue 4): at least 5,000 single decisions per second, with the log on. The last
line gives the figure with the log on and its ratio to the target (above 1.0 meets it);
the line before gives on/off, the log's share of the cost.

Run: .venv/bin/python benchmarks/bench_processing_log.py [--quick] [--decisions N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sluis.assessment.service import register_and_assess
from sluis.gateway.loading import load_file
from sluis.gateway.service import Gateway
from sluis.profiles.validation import parse_profile_text
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory, migrate

TARGET = 5000.0
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PROFILE, DECISION, MODULE = "german-credit", "credit-decision", "german_credit.py"


def per_second(log_on: bool, count: int) -> tuple[float, int]:
    """Decisions per second with the log on or off, and the records written."""
    with tempfile.TemporaryDirectory(prefix="sluis-bench-") as folder:
        engine = create_engine_for(f"sqlite:///{Path(folder) / 'sluis.db'}")
        migrate(engine)
        sessions = make_session_factory(engine)
        gateway = Gateway(sessions, Settings(data_dir=Path(folder), processing_log=log_on))
        register_and_assess(
            sessions, parse_profile_text((EXAMPLES / f"{PROFILE}.yaml").read_text())
        )
        module = load_file(EXAMPLES / MODULE)
        gateway.register_procedure(PROFILE, DECISION, module.procedure())
        cases = [inputs for _, inputs in module.sample_cases()]
        for n in range(200):
            gateway.decide(PROFILE, DECISION, f"warm-{n}", cases[n % len(cases)])
        started = time.perf_counter()
        for n in range(count):
            gateway.decide(PROFILE, DECISION, f"subject-{n}", cases[n % len(cases)])
        elapsed = time.perf_counter() - started
        gateway.processing_log.flush()
        log = gateway.processing_log.file
        written = len(log.read_text().splitlines()) if log and log.exists() else 0
        engine.dispose()
    return count / elapsed, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 decisions per run")
    parser.add_argument("--decisions", type=int, default=None)
    args = parser.parse_args()
    count = args.decisions or (5_000 if args.quick else 30_000)
    off, _ = per_second(False, count)
    on, written = per_second(True, count)
    print(f"log off: {off:.0f} decisions/s")
    print(f"log on:  {on:.0f} decisions/s ({written} records written for {count + 200} decisions)")
    print(f"python {sys.version.split()[0]}, SQLite; on/off: {on / off:.3f}")
    print(f"decisions/s with the log: {on:.0f} (target {TARGET:.0f}, ratio {on / TARGET:.2f})")


if __name__ == "__main__":
    main()
