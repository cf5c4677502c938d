"""``sluis decide``: a CSV or Parquet file of cases through the gateway, streamed in chunks,
bad rows reported each with their problems; and the examples in ``sluis demo``."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from sluis.accounts.service import authenticate
from sluis.assessment.service import register_and_assess
from sluis.cli.main import app
from sluis.gateway.loading import load_file
from sluis.profiles.validation import parse_profile_text
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import ReviewCaseRow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CREDIT = "german-credit"
CREDIT_PROCEDURE = f"{EXAMPLES / 'german_credit.py'}:procedure"
ALLOWANCE = "municipal-energy-allowance"
ALLOWANCE_PROCEDURE = f"{EXAMPLES / 'municipal_allowance.py'}:procedure"
runner = CliRunner()


@pytest.fixture(scope="module")
def german_credit() -> ModuleType:
    return load_file(EXAMPLES / "german_credit.py")


@pytest.fixture
def db(cli_env: sessionmaker[Session]) -> sessionmaker[Session]:
    for name in (CREDIT, ALLOWANCE):
        text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
        register_and_assess(cli_env, parse_profile_text(text))
    return cli_env


@pytest.fixture
def applications(german_credit: ModuleType) -> pd.DataFrame:
    """40 historical applications with a subject id each; rows 5 and 17 are bad."""
    frame = german_credit.training_data()[german_credit.FEATURES].head(40).copy()
    frame.insert(0, "subject_id", [f"0{i:04d}" for i in range(len(frame))])  # leading zeros
    frame.loc[5, "credit_amount"] = 99_999
    frame.loc[17, "housing"] = "castle"
    return frame


def recorded(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(DecisionRow)) or 0)


def decide(path: Path, *extra: str, algorithm: str = CREDIT) -> list[str]:
    decision = "credit-decision" if algorithm == CREDIT else "grant-energy-allowance"
    procedure = CREDIT_PROCEDURE if algorithm == CREDIT else ALLOWANCE_PROCEDURE
    return ["decide", algorithm, "-d", decision, "-p", procedure, "-i", str(path), *extra]


def read_output(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_csv_file_is_decided_in_chunks_and_bad_rows_are_reported(
    db: sessionmaker[Session], applications: pd.DataFrame, tmp_path: Path
) -> None:
    source, output = tmp_path / "cases.csv", tmp_path / "results.csv"
    applications.to_csv(source, index=False)
    result = runner.invoke(app, decide(source, "--chunk-size", "15", "-o", str(output)))
    assert result.exit_code == 1, result.output  # some rows refused, the rest recorded
    assert "40 rows, 38 decided (38 final), 0 replayed, 2 refused" in result.stdout
    assert "row 5: credit_amount: above the declared maximum of 18424 [maximum]" in result.stderr
    assert "row 17: housing: not one of the declared values" in result.stderr
    assert "99999" not in result.stderr and "castle" not in result.stderr
    assert recorded(db) == 38
    lines = read_output(output)
    assert [line["row"] for line in lines] == [str(i) for i in range(40)]
    refused = {int(line["row"]): line for line in lines if line["status"] == "refused"}
    assert set(refused) == {5, 17}
    assert refused[5]["problems"] == "credit_amount: above the declared maximum of 18424 [maximum]"
    assert refused[5]["decision_id"] == ""
    decided = [line for line in lines if line["status"] == "final"]
    assert len(decided) == 38 and len({line["decision_id"] for line in decided}) == 38


def test_a_parquet_file_is_streamed_in_record_batches(
    db: sessionmaker[Session], applications: pd.DataFrame, tmp_path: Path
) -> None:
    source = tmp_path / "cases.parquet"
    applications.drop(index=[5, 17]).to_parquet(source, index=False)
    result = runner.invoke(app, decide(source, "--chunk-size", "7"))
    assert result.exit_code == 0, result.output
    assert "38 rows, 38 decided (38 final), 0 replayed, 0 refused" in result.stdout
    assert "38/38" in result.stderr  # the progress bar reached the end
    assert recorded(db) == 38


def test_an_atomic_file_with_a_bad_row_records_nothing(
    db: sessionmaker[Session], applications: pd.DataFrame, tmp_path: Path
) -> None:
    source, output = tmp_path / "cases.parquet", tmp_path / "results.csv"
    applications.to_parquet(source, index=False)
    result = runner.invoke(app, decide(source, "--atomic", "--chunk-size", "10", "-o", str(output)))
    assert result.exit_code == 2, result.output
    assert "refused: 2 of 40 rows are bad; nothing was recorded" in result.stderr
    assert recorded(db) == 0
    lines = read_output(output)
    assert {line["status"] for line in lines} == {"refused"}
    assert [int(line["row"]) for line in lines if line["problems"]] == [5, 17]


def test_an_idempotency_column_makes_a_rerun_decide_only_what_is_new(
    db: sessionmaker[Session], applications: pd.DataFrame, tmp_path: Path
) -> None:
    source = tmp_path / "cases.csv"
    good = applications.drop(index=[5, 17]).reset_index(drop=True)
    good["case"] = [f"case-{i}" for i in range(len(good))]
    good.head(20).to_csv(source, index=False)
    first = runner.invoke(app, decide(source, "--idempotency-column", "case"))
    assert first.exit_code == 0, first.output
    good.to_csv(source, index=False)
    again = runner.invoke(app, decide(source, "--idempotency-column", "case"))
    assert again.exit_code == 0, again.output
    assert "38 rows, 18 decided (18 final), 20 replayed, 0 refused" in again.stdout
    assert recorded(db) == 38


def test_csv_booleans_and_rule_procedures(db: sessionmaker[Session], tmp_path: Path) -> None:
    source, output = tmp_path / "households.csv", tmp_path / "results.csv"
    source.write_text(
        "subject_id,resides_in_municipality,household_type,monthly_household_income,"
        "household_assets,receives_student_finance,allowance_received_this_year\n"
        "h1,true,single,1200,0,false,false\n"
        "h2,true,couple,2600,0,false,false\n"
        "h3,yes,single,1200,0,false,false\n"
        "h4,TRUE,single,lots,0,False,false\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, decide(source, "-o", str(output), algorithm=ALLOWANCE))
    assert result.exit_code == 1, result.output
    # A bad cell refuses its own row, not the rows whose cells in that column are fine.
    assert "row 2: resides_in_municipality: expected true or false [type]" in result.stderr
    assert "row 3: monthly_household_income: expected a finite number [type]" in result.stderr
    statuses = [line["status"] for line in read_output(output)]
    assert statuses == ["final", "final", "refused", "refused"]
    assert recorded(db) == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-p", "nowhere.py:procedure"], "no such file"),
        (["-p", ALLOWANCE_PROCEDURE], "the procedure does not fit decision 'credit-decision'"),
        (["--decision", "no-such-decision"], "declares no decision"),
    ],
)
def test_a_procedure_that_cannot_serve_the_decision_exits_2(
    db: sessionmaker[Session],
    applications: pd.DataFrame,
    tmp_path: Path,
    arguments: list[str],
    message: str,
) -> None:
    source = tmp_path / "cases.csv"
    applications.to_csv(source, index=False)
    result = runner.invoke(app, [*decide(source), *arguments])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.split())
    assert recorded(db) == 0


def test_the_procedure_can_come_from_the_settings(
    db: sessionmaker[Session],
    applications: pd.DataFrame,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "cases.csv"
    applications.drop(index=[5, 17]).head(10).to_csv(source, index=False)
    arguments = ["decide", CREDIT, "-d", "credit-decision", "-i", str(source)]
    missing = runner.invoke(app, arguments)
    assert missing.exit_code == 2 and "give --procedure" in " ".join(missing.stderr.split())
    monkeypatch.setenv("SLUIS_PROCEDURES", f"{CREDIT}:credit-decision={CREDIT_PROCEDURE}")
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert recorded(db) == 10


def test_an_unknown_algorithm_or_file_type_exits_2(
    db: sessionmaker[Session], tmp_path: Path
) -> None:
    source = tmp_path / "cases.csv"
    source.write_text("subject_id\n1\n", encoding="utf-8")
    result = runner.invoke(app, decide(source, algorithm="nobody"))
    assert result.exit_code == 2 and "nobody" in result.stderr
    other = tmp_path / "cases.xlsx"
    other.write_bytes(b"")
    result = runner.invoke(app, decide(other))
    assert result.exit_code == 2 and "expected a .csv or .parquet file" in result.stderr


def test_the_demo_runs_both_examples_end_to_end_and_only_once(
    database_url_migrated: str,
    sessions: sessionmaker[Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SLUIS_DATABASE_URL", database_url_migrated)
    monkeypatch.setenv("SLUIS_DATA_DIR", str(tmp_path / "data"))
    first = runner.invoke(app, ["demo", "--seed-only"])
    assert first.exit_code == 0, first.output
    out = " ".join(first.stdout.split())
    assert "decided german-credit/credit-decision: 8 cases" in out
    allowance = "decided municipal-energy-allowance/grant-energy-allowance: 6 cases"
    assert f"{allowance}, 2 granted, 4 refused — 6 final" in out
    assert recorded(sessions) == 18  # and 4 applications left for the review desk
    assert "Review cases ready: 4 for german-credit" in out or "Beoordelingszaken" in out
    # The first run makes an administrator and prints its password once.
    shown = re.search(r"as admin with password (\S+) \(shown only now", out)
    assert shown is not None
    assert authenticate(sessions, "admin", shown.group(1)) is not None
    again = runner.invoke(app, ["demo", "--seed-only"])
    assert again.exit_code == 0, again.output
    assert "with password" not in again.stdout and "with your account" in again.stdout
    assert recorded(sessions) == 18  # idempotency keys: the second run replays
    with sessions.begin() as session:
        cases = session.scalars(select(ReviewCaseRow.state)).all()
    assert cases == ["open"] * 4


def test_the_output_has_every_rows_decision_outcome_and_score_as_parquet_too(
    db: sessionmaker[Session], applications: pd.DataFrame, tmp_path: Path
) -> None:
    source, output = tmp_path / "cases.csv", tmp_path / "results.parquet"
    applications.head(12).to_csv(source, index=False)
    result = runner.invoke(app, decide(source, "--chunk-size", "5", "-o", str(output)))
    assert result.exit_code == 1, result.output
    table = pd.read_parquet(output)
    assert list(table.columns) == [
        "row",
        "subject_id",
        "decision_id",
        "status",
        "outcome",
        "score",
        "replayed",
        "problems",
    ]
    assert table["row"].tolist() == list(range(12))
    assert table["subject_id"].tolist() == [f"0{i:04d}" for i in range(12)]  # as given
    bad = table.iloc[5]
    assert bad["status"] == "refused" and pd.isna(bad["decision_id"]) and pd.isna(bad["outcome"])
    assert "[maximum]" in bad["problems"]
    good = table.drop(index=5)
    assert set(good["status"]) == {"final"} and good["problems"].isna().all()
    with db() as session:
        for line in good.itertuples():
            row = session.get(DecisionRow, line.decision_id)
            assert row is not None
            assert (row.outcome, row.score) == (line.outcome, pytest.approx(line.score))
    assert set(good["outcome"]) <= {"granted", "refused"}


def test_an_output_file_of_another_type_is_refused_before_deciding(
    db: sessionmaker[Session], applications: pd.DataFrame, tmp_path: Path
) -> None:
    source = tmp_path / "cases.csv"
    applications.head(3).to_csv(source, index=False)
    result = runner.invoke(app, decide(source, "-o", str(tmp_path / "results.xlsx")))
    assert result.exit_code == 2 and "--output" in result.stderr
    assert recorded(db) == 0
