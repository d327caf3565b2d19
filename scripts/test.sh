#!/usr/bin/env bash
# The project's test command (README, and .ci/run calls it): system packages,
# the project's .venv with the test extra, then
#   1. the import contracts (layers, no cycles, ipguard never imports Qt or ui), ruff and mypy --strict;
#   2. the test suite;
#   3. the test suite again with the system clock 400+ days ahead (libfaketime),
#      so no date that expires can turn the suite red unnoticed;
#   4. the wheel: built, installed into a fresh venv, and run from there.
# Extra arguments go to both pytest runs (e.g. -q, -x, -k name).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system_packages.sh test
source scripts/venv.sh
python -m pip install -q --disable-pip-version-check -e ".[test]"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "== import contracts (layers, no cycles, the core never imports Qt)"
lint-imports
echo "== ruff"
ruff check .
echo "== mypy --strict on the core"
mypy
echo "== pytest"
python -m pytest -p no:cacheprovider "$@"
echo "== pytest with the clock 400 days ahead"
# tests/faketime/sitecustomize.py works around libfaketime's monotonic sleep bug.
PYTHONPATH="$PWD/tests/faketime" FAKETIME_DONT_FAKE_MONOTONIC=1 faketime '+400 days' \
  python -m pytest -p no:cacheprovider "$@"
echo "== the wheel in a fresh virtual environment"
bash scripts/check_wheel.sh
