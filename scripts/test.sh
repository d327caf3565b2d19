#!/usr/bin/env bash
# The project's test command (README, and .ci/run calls it): system packages,
# the project's .venv with the test extra, then
#   1. the import contracts (layers, no cycles, ipguard never imports Qt or ui), ruff and mypy --strict;
#   2. the test suite on the SQLite file;
#   3. the test suite on a PostgreSQL server (issue 20): a throwaway cluster (scripts/pg_cluster.sh,
#      unprivileged, local socket) in a temporary directory, removed on any exit; with IPGUARD_TEST_PG
#      set, tests/pg_backend.py keeps the tests on the `store` fixture plus the server_only ones;
#   4. the test suite again with the system clock 400+ days ahead (libfaketime), on SQLite only,
#      so no date that expires can turn the suite red unnoticed;
#   5. the wheel: built, installed into a fresh venv, and run from there.
# Each backend's counts are printed from its run's JUnit report ("== backend SQLite: N passed ...").
# Extra arguments go to every pytest run (e.g. -q, -x, -k name).
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
reports="$(mktemp -d)"
pg_parent=""
cleanup() {
  if [ -n "$pg_parent" ]; then bash scripts/pg_cluster.sh stop "$pg_parent/cluster" || true; rm -rf "$pg_parent"; fi
  rm -rf "$reports"
}
trap cleanup EXIT
run_backend() {  # run_backend NAME JUNIT_XML PYTEST_ARGS...: one backend's run; its counts read from its report
  local name="$1" xml="$2" rc=0
  shift 2
  python -m pytest -p no:cacheprovider --junitxml="$xml" "$@" || rc=$?
  [ -f "$xml" ] && python scripts/junit_counts.py "$name" "$xml" | tee -a "$reports/lines"
  return "$rc"
}
echo "== pytest on SQLite"
(unset IPGUARD_TEST_PG; run_backend SQLite "$reports/sqlite.xml" "$@")
echo "== pytest on PostgreSQL (a throwaway cluster, removed on exit)"
pg_parent="$(mktemp -d)"
chmod 755 "$pg_parent"  # the cluster runs as the unprivileged "postgres" user when this runs as root
eval "$(bash scripts/pg_cluster.sh start "$pg_parent/cluster")"
pg_major="$("$IPGUARD_PG_BIN/postgres" --version | awk '{print $NF}' | cut -d. -f1)"
IPGUARD_TEST_PG="$IPGUARD_TEST_PG" run_backend "PostgreSQL $pg_major" "$reports/pg.xml" "$@"
bash scripts/pg_cluster.sh stop "$pg_parent/cluster"
rm -rf "$pg_parent"
pg_parent=""
unset IPGUARD_TEST_PG IPGUARD_PG_BIN
cat "$reports/lines"
echo "== pytest with the clock 400 days ahead (SQLite only)"
# tests/faketime/sitecustomize.py works around libfaketime's monotonic sleep bug.
PYTHONPATH="$PWD/tests/faketime" FAKETIME_DONT_FAKE_MONOTONIC=1 faketime '+400 days' \
  python -m pytest -p no:cacheprovider "$@"
echo "== the wheel in a fresh virtual environment"
bash scripts/check_wheel.sh
