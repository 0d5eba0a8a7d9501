#!/usr/bin/env bash
# A private PostgreSQL server for the test suite: new data directory, 127.0.0.1 on a free port, trust
# authentication, removed on stop. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
# Sourced: throwaway_postgres_start exports HER2DESK_TEST_POSTGRES_URL; throwaway_postgres_stop removes it.

throwaway_postgres_start() {
  local bindir
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; return 1; }
  PG_BINDIR="$bindir"
  PG_DATA="$(mktemp -d /tmp/her2desk-pg.XXXXXX)"
  PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_DATA"
    PG_AS=(runuser -u postgres --)
  fi
  "${PG_AS[@]}" "$bindir/initdb" -D "$PG_DATA/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${PG_AS[@]}" "$bindir/pg_ctl" -D "$PG_DATA/data" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DATA -c fsync=on -c max_connections=200" start >/dev/null
  "${PG_AS[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres her2desk_test
  export HER2DESK_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/her2desk_test"
  export PG_BINDIR PG_DATA PG_PORT
}

throwaway_postgres_stop() {
  [ -n "${PG_DATA:-}" ] && [ -d "$PG_DATA/data" ] || return 0
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$PG_BINDIR/pg_ctl" -D "$PG_DATA/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DATA"
}
