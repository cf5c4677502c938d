#!/usr/bin/env bash
# Audit the installed dependencies for known vulnerabilities (pip-audit, PyPI's advisory
# data). A vulnerability fails (non-zero). Where the advisory data cannot be had — offline,
# or a package index that mirrors packages without their advisories (then pip-audit skips
# every dependency yet reports "no known vulnerabilities") — it says SKIPPED, with how many
# dependencies were audited, and exits 0. Run after scripts/test.sh has installed the venv,
# or from scripts/test.sh with SLUIS_PIP_AUDIT=1 (as CI does).
set -euo pipefail
cd "$(dirname "$0")/.."

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
# The project itself is installed editable and not on PyPI: audit what it depends on.
status=0
.venv/bin/pip-audit --skip-editable --progress-spinner off --format json --output "$report" \
  2>/dev/null || status=$?
.venv/bin/python - "$report" "$status" <<'PY'
import json, sys

path, status = sys.argv[1], int(sys.argv[2])
try:
    with open(path, encoding="utf-8") as handle:
        found = json.load(handle).get("dependencies", [])
except (OSError, ValueError):
    found = None
if not found:
    print("dependency audit SKIPPED: pip-audit could not reach PyPI's advisory data")
    sys.exit(0)
audited = [d for d in found if "skip_reason" not in d]
vulnerable = [d for d in audited if d.get("vulns")]
for dependency in vulnerable:
    ids = ", ".join(v["id"] for v in dependency["vulns"])
    print(f"VULNERABLE {dependency['name']} {dependency['version']}: {ids}")
if vulnerable:
    sys.exit(1)
if not audited:
    print(
        f"dependency audit SKIPPED: the package index here has no advisory data "
        f"(0 of {len(found)} dependencies could be audited)"
    )
    sys.exit(0)
print(f"dependency audit: {len(audited)} of {len(found)} dependencies audited, none vulnerable")
sys.exit(0 if status in (0, 1) else status)
PY
