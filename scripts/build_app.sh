#!/usr/bin/env bash
# Build the one-folder program with PyInstaller and run its self-test.
# Prints the bundle's size and the self-test's start-to-finish time.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -e ".[build]"
rm -rf build/ipguard dist/ipguard
python3 -m PyInstaller --noconfirm --log-level WARN build.spec
echo "bundle: $(du -sh dist/ipguard | cut -f1) in dist/ipguard"
start=$(date +%s.%N)
QT_QPA_PLATFORM=offscreen dist/ipguard/ipguard --self-test
end=$(date +%s.%N)
echo "self-test of the built program: $(python3 -c "print(f'{$end - $start:.1f}')") s"
start=$(date +%s.%N)
dist/ipguard/ipguard --version
end=$(date +%s.%N)
echo "start to --version: $(python3 -c "print(f'{$end - $start:.2f}')") s"
