"""Benchmark: fairness monitoring over a million decisions.

Target: group monitoring of 1,000,000 decisions (three group attributes, with a ground
truth) within 5 seconds on the project's 2-core machines, so a service can recompute it on
demand; unsupervised bias detection (HBAC) on its default sample of 20,000 decisions
within 10 seconds. The ratio printed is target / measured (above 1.0 meets the target).

Run: .venv/bin/python benchmarks/bench_fairness.py [--decisions 1000000] [--repeat 3] [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from sluis.fairness import find_biased_cluster, group_alerts, group_report

GROUPS_TARGET_SECONDS = 5.0
CLUSTERS_TARGET_SECONDS = 10.0


def decisions(n: int, seed: int = 1) -> tuple[np.ndarray, pd.DataFrame, np.ndarray, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    origin = rng.choice(["NL", "EU", "TR", "MA", "SR", "other"], size=n)
    sex = rng.choice(["female", "male", "x"], size=n, p=[0.49, 0.49, 0.02])
    age = rng.integers(18, 90, size=n)
    band = pd.cut(age, [0, 25, 35, 50, 65, 200]).astype(str)
    income = rng.normal(3_000, 900, size=n).round()
    deserved = rng.random(n) < 0.7
    favourable = np.where(deserved, rng.random(n) < 0.9, rng.random(n) < 0.3)
    groups = pd.DataFrame({"origin": origin, "sex": sex, "age": band})
    features = pd.DataFrame(
        {"age": age, "income": income, "sex": sex, "region": rng.choice(list("NESW"), size=n)}
    )
    return favourable, groups, deserved, features


def timed(repeat: int, work) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--decisions", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="100,000 decisions, one run")
    args = parser.parse_args()
    n, repeat = (100_000, 1) if args.quick else (args.decisions, args.repeat)
    favourable, groups, deserved, features = decisions(n)
    group_report(favourable[:1_000], groups.iloc[:1_000], deserved[:1_000])  # warm imports

    report_times = timed(
        repeat, lambda: group_alerts(group_report(favourable, groups, deserved=deserved))
    )
    median = statistics.median(report_times)
    print(f"group monitoring: {n:,} decisions, 3 attributes: median {median:.2f} s")
    print(f"  target {GROUPS_TARGET_SECONDS:.0f} s; ratio {GROUPS_TARGET_SECONDS / median:.2f}")

    outcome = favourable.astype(float)
    cluster_times = timed(repeat, lambda: find_biased_cluster(features, outcome))
    median = statistics.median(cluster_times)
    print(f"HBAC: sample of 20,000 from {n:,} decisions, 4 features: median {median:.2f} s")
    print(f"  target {CLUSTERS_TARGET_SECONDS:.0f} s; ratio {CLUSTERS_TARGET_SECONDS / median:.2f}")


if __name__ == "__main__":
    main()
