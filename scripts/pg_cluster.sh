#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, listening on a Unix socket only.
#
#   scripts/pg_cluster.sh start DIR   create DIR/data, start the server, print its URL
#   scripts/pg_cluster.sh stop DIR    stop it and remove DIR
#
# PostgreSQL refuses to run as root (and CI runs as root): as root the cluster
# belongs to the unprivileged system user `postgres` (made by Debian's package;
# METODESK_PG_USER names another), run through runuser; as anyone else it
# belongs to that user. No TCP port is opened (listen_addresses=''): the socket
# lives in DIR, which only the cluster's owner (and root) may enter. Durability
# is switched off (fsync, full_page_writes): the data dies with the test run.
set -euo pipefail

say() { printf 'pg_cluster: %s\n' "$*" >&2; }

bindir() {
  # The newest installed server's programs (Debian keeps them out of PATH).
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  say "PostgreSQL's server programs (initdb, pg_ctl) are not installed (Debian: apt-get install postgresql)"
  return 1
}

as_owner() {
  # Run a command as the cluster's owner: root hands it to the unprivileged user.
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$OWNER" -- "$@"
  else
    "$@"
  fi
}

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

if [ "$(id -u)" -eq 0 ]; then
  OWNER=${METODESK_PG_USER:-postgres}
  if [ "$cmd" = start ] && ! id -u "$OWNER" >/dev/null 2>&1; then
    say "the user $OWNER to run PostgreSQL as does not exist"
    exit 1
  fi
else
  OWNER=$(id -un)
fi

case "$cmd" in
  start)
    bin=$(bindir)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "$(id -u)" -eq 0 ] && chown "$OWNER" "$dir"
    chmod 0700 "$dir"
    # C.UTF-8: without a UTF-8 locale the cluster gets SQL_ASCII and Kazakh letters break.
    as_owner env LANG=C.UTF-8 LC_ALL=C.UTF-8 "$bin/initdb" -D "$dir/data" -A trust -U postgres \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { say "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null 2>&1 || { say "the server did not start:"; cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://postgres@/postgres?host=$dir"
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    if [ -f "$dir/data/postmaster.pid" ]; then
      bin=$(bindir)
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || say "the server in $dir did not stop cleanly"
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
