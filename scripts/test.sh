#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run the whole suite:
# lint, unit and integration tests on SQLite and PostgreSQL, PDF rendering and browser tests.
# Extra arguments go to pytest (e.g. scripts/test.sh -k art22).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

# The browser tests drive Debian's Chromium through Playwright; install it when missing.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -q chromium >/dev/null || {
    $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q chromium >/dev/null; }
fi

# Known vulnerabilities in the dependencies (pip-audit asks PyPI about each one): opt in.
if [ "${SLUIS_PIP_AUDIT:-0}" = "1" ]; then scripts/audit-deps.sh; fi

.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
.venv/bin/python -m pytest -n "${SLUIS_TEST_WORKERS:-2}" "$@"
