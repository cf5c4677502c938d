#!/usr/bin/env bash
# Install Sluis and run its main job on the embedded default (SQLite in the per-user data
# directory): seed the example algorithms and serve the web UI on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[examples]'

# Reference data is read from a path, never copied in: use the shared copies when present.
SHARED="../shared/data"
if [ -z "${SLUIS_ALGORITMEREGISTER_SCHEMA:-}" ] && [ -f "$SHARED/algoritmeregister/schema.json" ]; then
  export SLUIS_ALGORITMEREGISTER_SCHEMA="$PWD/$SHARED/algoritmeregister/schema.json"
fi
if [ -d "$SHARED/algoritmekader" ]; then
  .venv/bin/sluis kader import "$SHARED/algoritmekader" || true
fi
exec .venv/bin/sluis demo "$@"
