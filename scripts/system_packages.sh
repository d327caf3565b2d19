#!/usr/bin/env bash
# The distribution packages ipguard and its tests need on Debian/Ubuntu: Qt's
# platform libraries, CJK fonts (sans, 宋/明 and Extension A–B faces for the documents), pdftoppm, libfaketime (the moved-clock test
# pass) and the venv module. Installs them when run as root with apt-get;
# otherwise names the ones missing and the command that installs them.
#   bash scripts/system_packages.sh app    # what the app needs
#   bash scripts/system_packages.sh test   # what the tests need as well
set -euo pipefail
want="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libfontconfig1 libdbus-1-3 fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-hanazono"
if [ "${1:-app}" = "test" ]; then
  want="$want poppler-utils faketime qpdf postgresql postgresql-contrib"
fi
command -v dpkg >/dev/null 2>&1 || exit 0   # not Debian/Ubuntu: see the README for other systems
python3 -c "import venv, ensurepip" >/dev/null 2>&1 || want="$want python3-venv"
need=""
for pkg in $want; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
done
[ -z "$need" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing:$need"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
else
  echo "missing system packages:$need" >&2
  echo "install them with: sudo apt-get install$need" >&2
  exit 1
fi
