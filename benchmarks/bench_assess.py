"""Benchmark: how fast the assessment engine answers.

Target: an assessment must come back well within an interactive page load. The baseline
is 200 assessments per second (5 ms each) on one core of the project's 2-core machines;
the ratio printed is measured / baseline (above 1.0 meets the target).

Run: .venv/bin/python benchmarks/bench_assess.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from sluis.law.assess import assess
from sluis.profiles.validation import parse_profile_text

BASELINE_PER_SECOND = 200.0
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    profiles = [parse_profile_text(p.read_text()) for p in sorted(EXAMPLES.glob("*.yaml"))]
    for profile in profiles:  # warm up imports and caches
        assess(profile)
    timings: list[float] = []
    deadline = time.perf_counter() + args.seconds
    while time.perf_counter() < deadline:
        for profile in profiles:
            start = time.perf_counter()
            assess(profile)
            timings.append(time.perf_counter() - start)
    per_second = len(timings) / sum(timings)
    p95 = statistics.quantiles(timings, n=20)[18] * 1000
    print(f"assessments: {len(timings)} over {len(profiles)} example profiles")
    median = statistics.median(timings) * 1000
    ratio = per_second / BASELINE_PER_SECOND
    print(f"throughput: {per_second:.0f} assessments/s (median {median:.2f} ms, p95 {p95:.2f} ms)")
    print(f"baseline: {BASELINE_PER_SECOND:.0f} assessments/s; ratio: {ratio:.2f}")


if __name__ == "__main__":
    main()
