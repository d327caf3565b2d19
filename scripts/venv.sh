#!/usr/bin/env bash
# Sourced by run.sh and test.sh: make (once) and use the project's own virtual
# environment .venv, so nothing is installed into the system's Python (which a
# distribution's Python refuses anyway, PEP 668). Needs Python 3.11 or newer.
# Set IPGUARD_PYTHON to choose the interpreter.
pick_python() {
  for candidate in "${IPGUARD_PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if [ ! -x .venv/bin/python ]; then
  if ! py=$(pick_python); then
    echo "ipguard needs Python 3.11 or newer (python3 --version says: $(python3 --version 2>&1))" >&2
    exit 1
  fi
  "$py" -m venv .venv
fi
export PATH="$PWD/.venv/bin:$PATH"
export VIRTUAL_ENV="$PWD/.venv"
