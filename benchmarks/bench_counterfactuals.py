"""Benchmark: how long the counterfactual search of a decision explanation takes.

Target: the search must finish well within its default time budget of 2 s, so that an
explanation (and the notice built on it) is ready while a person waits. The baseline is a
95th percentile of 200 ms per refused German Credit applicant on one core of the
project's 2-core machines; the ratio printed is baseline / measured (above 1.0 meets it).
Every search is also counted by status: ``budget_exhausted`` should not occur.

Run: .venv/bin/python benchmarks/bench_counterfactuals.py [--limit N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

from sluis.gateway.contract import InputContract, check_inputs
from sluis.gateway.loading import load_file
from sluis.notices.counterfactuals import find_counterfactual
from sluis.profiles.validation import parse_profile_text

BASELINE_P95_SECONDS = 0.2
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=1000, help="applicants to try")
    args = parser.parse_args()
    module = load_file(EXAMPLES / "german_credit.py")
    profile = parse_profile_text((EXAMPLES / "german-credit.yaml").read_text(encoding="utf-8"))
    contract = InputContract.from_profile(profile, module.DECISION_ID)
    procedure = module.procedure()
    rows = module.training_data()[module.FEATURES].head(args.limit).to_dict("records")
    timings: list[float] = []
    statuses: Counter[str] = Counter()
    tried: list[int] = []
    for row in rows:
        checked = check_inputs(contract, row)
        if procedure.evaluate(checked).outcome != module.REFUSED:
            continue
        start = time.perf_counter()
        found = find_counterfactual(contract, procedure, checked, lambda o: o == module.GRANTED)
        timings.append(time.perf_counter() - start)
        statuses[found.status] += 1
        tried.append(found.candidates_tried)
    p95 = statistics.quantiles(timings, n=20)[18]
    print(f"refused applicants searched: {len(timings)}; statuses: {dict(statuses)}")
    print(f"candidates tried: median {statistics.median(tried):.0f}, max {max(tried)}")
    print(
        f"seconds per search: median {statistics.median(timings):.4f}, "
        f"p95 {p95:.4f}, max {max(timings):.4f}"
    )
    print(f"ratio to baseline (p95 {BASELINE_P95_SECONDS} s): {BASELINE_P95_SECONDS / p95:.2f}")


if __name__ == "__main__":
    main()
