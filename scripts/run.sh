#!/usr/bin/env bash
# Install ipguard into the project's .venv and run the main job: the desktop app
# when there is a screen, otherwise the demo job (demo database + an intent
# letter + this month's report in out/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system_packages.sh app
source scripts/venv.sh
python -m pip install -q --disable-pip-version-check -e .
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname -s)" != "Linux" ]; then
  exec ipguard "$@"
fi
echo "No screen found: running the demo job into out/"
if [ -e out/demo.sqlite ]; then
  ipguard demo --db out/demo.sqlite --out-dir out/ --force
else
  ipguard demo --db out/demo.sqlite --out-dir out/
fi
