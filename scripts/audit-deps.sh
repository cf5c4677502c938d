#!/usr/bin/env bash
# Audit the installed dependencies for known vulnerabilities (pip-audit, PyPI's advisory
# data). It needs to reach PyPI: offline it says so and skips (exit 0); a vulnerability or
# any other failure fails (non-zero). Run after scripts/test.sh has installed the venv, or
# from scripts/test.sh with SLUIS_PIP_AUDIT=1.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! .venv/bin/python -c '
import sys, urllib.request
try:
    urllib.request.urlopen("https://pypi.org/pypi/pip-audit/json", timeout=10).close()
except OSError:
    sys.exit(1)
'; then
  echo "dependency audit SKIPPED: PyPI's advisory data cannot be reached from here (offline)"
  exit 0
fi
# The project itself is installed editable and not on PyPI: audit what it depends on.
exec .venv/bin/pip-audit --skip-editable --progress-spinner off
