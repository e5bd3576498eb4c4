#!/usr/bin/env bash
# Install everything, then run the whole test suite (fast and slow tests) on CPU.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not slow"` for the fast ones only.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
python -m ruff check src tests benchmarks scripts spaces
python -m ruff format --check src tests benchmarks scripts spaces
set +e
python -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure, not a pass." >&2
  exit 1
fi
exit "$code"
