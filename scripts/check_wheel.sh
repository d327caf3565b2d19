#!/usr/bin/env bash
# A normal (not editable) install works: build the wheel, install it into a
# fresh virtual environment outside the source tree, and run the self-test,
# the demo job and a monthly report from there; a second demo run onto the same
# file must refuse (exit 2) and leave the file byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python -m pip wheel -q --disable-pip-version-check --no-deps -w "$work/dist" .
python -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$work"/dist/ipguard-*.whl
cd "$work"   # away from the source tree, so nothing can be found there by accident
export QT_QPA_PLATFORM=offscreen
venv/bin/ipguard --self-test
venv/bin/ipguard demo --db d.sqlite --out-dir out
last_month=$(venv/bin/python -c 'from ipguard import clock; d = clock.today().replace(day=1); import datetime as dt; print((d - dt.timedelta(days=1)).strftime("%Y-%m"))')
venv/bin/ipguard report monthly --db d.sqlite --month "$last_month" --out m.xlsx
before=$(sha256sum d.sqlite)
set +e
venv/bin/ipguard demo --db d.sqlite --out-dir out2 2>err.txt
status=$?
set -e
if [ "$status" != 2 ] || [ "$(sha256sum d.sqlite)" != "$before" ]; then
  echo "a second 'ipguard demo' onto an existing file must exit 2 and leave it unchanged (exit $status)" >&2
  cat err.txt >&2
  exit 1
fi
echo "wheel ok: self-test, demo, monthly report $last_month, and demo refusing to overwrite"
