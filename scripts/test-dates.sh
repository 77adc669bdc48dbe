#!/usr/bin/env bash
# Runs the whole suite once for each instant, as though the machine's clock read it (pytest --clock-at).
# With no arguments: the instants that have caught date bugs before, or would.
#   scripts/test-dates.sh [INSTANT ...]    (ISO 8601, UK time unless it has an offset)
set -uo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  set -- \
    2026-12-24T10:00 \
    2026-12-31T15:00 \
    2028-02-29T10:00 \
    2027-03-28T01:30+00:00 \
    2026-11-10T15:59:59 \
    2026-11-10T16:00:00
fi
failed=0
for instant in "$@"; do
  echo "== the suite at $instant"
  if ! .venv/bin/python -m pytest -q -p no:cacheprovider --clock-at="$instant" ${PYTEST_ARGS:-}; then
    failed=1
    echo "== FAILED at $instant"
  fi
done
exit $failed
