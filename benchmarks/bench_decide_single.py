"""Benchmark: single decisions through the gateway, in-process, on SQLite.

Each decision runs the whole path: the input contract, the procedure with its explanation,
routing, a new per-subject key (every subject is new), AES-GCM encryption of inputs and
explanation, and the decision row with its hash-chained audit event, committed in its own
transaction. Two procedures: the German Credit logistic model (exact per-feature
contributions) and the municipal allowance rules (rule trace).

Target (issue 4): at least 5,000 decisions per second. The last line gives the lower of
the two procedures' figures and its ratio to the target (above 1.0 meets it).

Run: .venv/bin/python benchmarks/bench_decide_single.py [--quick] [--decisions N]
"""

from __future__ import annotations

import argparse
import statistics
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
CASES = (
    ("german-credit", "credit-decision", "german_credit.py"),
    ("municipal-energy-allowance", "grant-energy-allowance", "municipal_allowance.py"),
)


def run(gateway: Gateway, profile_id: str, decision_id: str, module: object, count: int) -> float:
    """Decisions per second over ``count`` decisions (after a warm-up), each for a new
    subject; also prints the latency percentiles."""
    cases = [inputs for _, inputs in module.sample_cases()]  # type: ignore[attr-defined]
    for n in range(200):
        gateway.decide(profile_id, decision_id, f"warm-{n}", cases[n % len(cases)])
    timings = []
    started = time.perf_counter()
    for n in range(count):
        begin = time.perf_counter()
        gateway.decide(profile_id, decision_id, f"subject-{n}", cases[n % len(cases)])
        timings.append(time.perf_counter() - begin)
    elapsed = time.perf_counter() - started
    per_second = count / elapsed
    p50, p99 = (statistics.quantiles(timings, n=100)[i] * 1000 for i in (49, 98))
    print(
        f"{profile_id}: {count} decisions in {elapsed:.2f} s: {per_second:.0f}/s "
        f"(p50 {p50:.3f} ms, p99 {p99:.3f} ms)"
    )
    return per_second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 decisions per procedure")
    parser.add_argument("--decisions", type=int, default=None)
    args = parser.parse_args()
    count = args.decisions or (5_000 if args.quick else 50_000)
    with tempfile.TemporaryDirectory(prefix="sluis-bench-") as folder:
        engine = create_engine_for(f"sqlite:///{Path(folder) / 'sluis.db'}")
        migrate(engine)
        sessions = make_session_factory(engine)
        gateway = Gateway(sessions, Settings(data_dir=Path(folder)))
        figures = []
        for profile_id, decision_id, filename in CASES:
            text = (EXAMPLES / f"{profile_id}.yaml").read_text(encoding="utf-8")
            register_and_assess(sessions, parse_profile_text(text))
            module = load_file(EXAMPLES / filename)
            gateway.register_procedure(profile_id, decision_id, module.procedure())
            figures.append(run(gateway, profile_id, decision_id, module, count))
        engine.dispose()
    lowest = min(figures)
    print(f"python {sys.version.split()[0]}, SQLite, explanation + encryption + audit per decision")
    print(f"decisions/s: {lowest:.0f} (target {TARGET:.0f}, ratio {lowest / TARGET:.2f})")


if __name__ == "__main__":
    main()
