#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (issue 20): local socket only, password (SCRAM) sign-in,
# run by an unprivileged user (the "postgres" system user when this runs as root).
#   eval "$(bash scripts/pg_cluster.sh start DIR)"   # starts it, prints: export IPGUARD_TEST_PG=…
#   bash scripts/pg_cluster.sh stop DIR              # stops it and removes DIR
# The superuser is "ipguard_owner" with a random password kept in DIR/owner.password.
set -euo pipefail
action="${1:?start|stop}"
dir="$(realpath -m "${2:?cluster directory}")"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql postgresql-contrib)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown postgres "$dir"
    secret="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
    (umask 077; printf "%s\n" "$secret" > "$dir/owner.password")
    [ "$(id -u)" = "0" ] && chown postgres "$dir/owner.password"
    as_owner "$bin/initdb" -D "$dir/data" -U ipguard_owner --pwfile="$dir/owner.password" \
      -A scram-sha-256 --locale=C.UTF-8 -E UTF8 >"$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    echo "export IPGUARD_TEST_PG='host=$dir user=ipguard_owner password=$secret dbname=postgres'"
    echo "export IPGUARD_PG_BIN='$bin'"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
