#!/usr/bin/env bash
# The project's test command: architecture contract, lint, then the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "== import contract (ipguard never imports Qt or ui)"
lint-imports
echo "== ruff"
ruff check .
echo "== pytest"
python -m pytest "$@"
