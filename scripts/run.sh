#!/usr/bin/env bash
# Install ipguard and run the main job: the desktop app when there is a screen,
# otherwise the demo job (demo database + an intent letter + this month's report).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -e .
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname -s)" != "Linux" ]; then
  exec ipguard "$@"
fi
echo "No screen found: running the demo job into out/"
ipguard demo --db out/demo.sqlite --out-dir out/
