# Sourced by the benchmark scripts that need PostgreSQL: a private server for one run, never a system service.
#   start_postgres WORKDIR   → initdb into WORKDIR/pg (as the postgres user when run as root: initdb refuses root), pg_ctl
#                              start on a free port, listening on 127.0.0.1 and a socket in WORKDIR/pg; sets pg_port,
#                              pg_bin and new_database (a function: new_database NAME → prints the store URL)
#   stop_postgres            → stops it (its folder goes with WORKDIR)
# Server settings are PostgreSQL's defaults (fsync and synchronous_commit on), apart from the port and addresses.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pg_dir=""
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  [ -n "$pg_bin" ] || { echo "no PostgreSQL binaries (apt-get install postgresql)" >&2; return 1; }
  pg_dir=$1/pg
  mkdir -p "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  pg_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=50" start >/dev/null
}

new_database() { # NAME → prints postgres://postgres@127.0.0.1:PORT/NAME (trust on this private server: no password)
  as_pg "$pg_bin/createdb" -h "$pg_dir" -p "$pg_port" -U postgres "$1"
  echo "postgres://postgres@127.0.0.1:$pg_port/$1"
}

pg_sql() { # DATABASE SQL → unaligned rows
  as_pg "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U postgres -d "$1" -At -v ON_ERROR_STOP=1 -c "$2"
}

stop_postgres() {
  [ -n "$pg_dir" ] && [ -d "$pg_dir/data" ] || return 0
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  pg_dir=""
}
