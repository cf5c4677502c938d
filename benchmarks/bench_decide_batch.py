"""Benchmark: a batch of a million credit decisions through the gateway, on SQLite.

The cases are German Credit applications sampled with replacement, each with a fresh
subject id, decided by the example's logistic model (examples/german_credit.py) through
``Gateway.decide_batch``: input contract, score with exact per-feature contributions,
routing, a key per subject, AES-GCM encryption of inputs and explanation, bulk inserts per
chunk and one hash-chained audit event per chunk.

The bare baseline, measured in the same run on the same rows: the model's own
``predict_proba`` and one bulk insert of the rows (subject id, outcome, score and the
inputs as plain columns) into a plain table, without explanation, encryption or audit.

Targets (issue 4): the batch in at most 10 s on 2 cores, within 2x of the baseline, and
a peak memory (max RSS of this process, measured after the batch and before the
baseline) of at most 1.5 GB. The last line gives the batch time and its ratio to the
10 s target (above 1.0 meets it).

Run: .venv/bin/python benchmarks/bench_decide_batch.py [--quick] [--rows N] [--requested review]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from sluis.assessment.service import register_and_assess
from sluis.gateway.loading import load_file
from sluis.gateway.service import Gateway
from sluis.profiles.validation import parse_profile_text
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory, migrate

TARGET_SECONDS = 10.0
TARGET_BASELINE_RATIO = 2.0
TARGET_PEAK_MB = 1536.0
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PROFILE, DECISION = "german-credit", "credit-decision"


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cases(module: object, rows: int, seed: int = 20260401) -> pd.DataFrame:
    """``rows`` applications drawn with replacement, each with a new subject id."""
    data = module.training_data()[module.FEATURES]  # type: ignore[attr-defined]
    picks = np.random.default_rng(seed).integers(0, len(data), rows)
    frame = data.iloc[picks].reset_index(drop=True)
    frame.insert(0, "subject_id", [f"applicant-{n:08d}" for n in range(rows)])
    return frame


def baseline(module: object, frame: pd.DataFrame, engine: Engine) -> float:
    """Seconds for the model's predict_proba plus one bulk insert of the same rows."""
    features = module.FEATURES  # type: ignore[attr-defined]
    model = module.trained_model()  # type: ignore[attr-defined]
    columns = ["subject_id", "outcome", "score", *features]
    with engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE TABLE bare ({', '.join(columns)})")
    started = time.perf_counter()
    scores = model.predict_proba(frame[features])[:, 1]
    outcomes = np.where(scores >= module.THRESHOLD, module.REFUSED, module.GRANTED)  # type: ignore[attr-defined]
    values = [frame["subject_id"].tolist(), outcomes.tolist(), scores.tolist()]
    values += [frame[f].tolist() for f in features]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        marks = ", ".join("?" for _ in columns)
        cursor.execute("BEGIN")
        cursor.executemany(f"INSERT INTO bare VALUES ({marks})", zip(*values, strict=True))
        raw.commit()
    finally:
        raw.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 decisions")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument(
        "--requested",
        choices=("auto", "review"),
        default="auto",
        help="review: every decision waits for a human, so each also gets a review case",
    )
    args = parser.parse_args()
    rows = args.rows or (100_000 if args.quick else 1_000_000)
    target = TARGET_SECONDS * rows / 1_000_000
    module = load_file(EXAMPLES / "german_credit.py")
    with tempfile.TemporaryDirectory(prefix="sluis-bench-") as folder:
        engine = create_engine_for(f"sqlite:///{Path(folder) / 'sluis.db'}")
        migrate(engine)
        sessions = make_session_factory(engine)
        text = (EXAMPLES / f"{PROFILE}.yaml").read_text(encoding="utf-8")
        register_and_assess(sessions, parse_profile_text(text))
        gateway = Gateway(sessions, Settings(data_dir=Path(folder)))
        gateway.register_procedure(PROFILE, DECISION, module.procedure())
        frame = cases(module, rows)
        started, cpu = time.perf_counter(), time.process_time()
        result = gateway.decide_batch(PROFILE, DECISION, frame, requested=args.requested)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = peak_mb()
        assert result.decided == rows and not result.bad_rows, result.bad_rows
        bare_engine = create_engine_for(f"sqlite:///{Path(folder) / 'bare.db'}")
        bare = baseline(module, frame, bare_engine)
        bare_engine.dispose()
        engine.dispose()
    print(
        f"batch: {rows} decisions in {elapsed:.2f} s ({rows / elapsed:,.0f}/s), {result.statuses}"
    )
    # On a shared machine the wall time follows the load; the CPU time much less so.
    print(f"batch CPU time (all threads): {cpu:.2f} s")
    print(f"baseline (predict_proba + one bulk insert): {bare:.2f} s")
    print(
        f"gateway / baseline: {elapsed / bare:.2f} (target at most {TARGET_BASELINE_RATIO:.0f}); "
        f"peak memory {peak:.0f} MB (target at most {TARGET_PEAK_MB:.0f} MB)"
    )
    print(f"seconds: {elapsed:.2f} (target {target:.1f}, ratio {target / elapsed:.2f})")


if __name__ == "__main__":
    main()
