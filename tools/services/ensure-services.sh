#!/usr/bin/env bash
# Makes sure Redis and PostgreSQL answer where REDIS_URL and DATABASE_URL point (loopback defaults),
# then that the database named in DATABASE_URL exists. In order of preference:
#   1. use the ones already answering;
#   2. start local ones from installed binaries (a stopped Debian cluster, or a project-local one
#      with its data under .local/, loopback only);
#   3. on Debian/Ubuntu as root, install them with apt-get first, then as in 2;
#   4. otherwise say exactly what to install and exit non-zero.
# Idempotent, and quick (well under a second) when both already answer.
#   ENSURE_DATABASE=0   only check that PostgreSQL accepts logins (the tests create their own databases)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal}

say() { echo "services: $*"; }
fail() { echo "services: $*" >&2; exit 1; }

command -v node >/dev/null || fail "node is not on PATH (Node 20.19+ is needed)"
# One node call parses both URLs (user info, IPv6 brackets and default ports included).
read -r REDIS_HOST REDIS_PORT PG_HOST PG_PORT < <(node -e '
  const r = new URL(process.argv[1]), p = new URL(process.argv[2]);
  const host = (u) => (u.hostname || "127.0.0.1").replace(/^\[|\]$/g, "");
  console.log(host(r), r.port || 6379, host(p), p.port || 5432);' "$REDIS_URL" "$DATABASE_URL")

# The probes use bash's /dev/tcp (no client tools needed); $0 and $1 expand in the inner bash.
# shellcheck disable=SC2016
# Something accepts TCP connections on host:port.
listening() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }
# Redis really answers (a port merely open, or a Redis still loading its AOF, is not enough).
# -NOAUTH counts: a Redis with a password answers; REDIS_URL carries the password for the apps.
redis_answers() {
  # shellcheck disable=SC2016
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && IFS= read -r line <&3 &&
    [[ $line == "+PONG"* || $line == "-NOAUTH"* ]]' "$REDIS_HOST" "$REDIS_PORT" 2>/dev/null
}
wait_until() { # command...: true once it succeeds, false after 30 s
  local deadline=$((SECONDS + 30))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}
is_loopback() { [[ $1 == 127.* || $1 == localhost || $1 == ::1 ]]; }
is_root() { [[ $(id -u) -eq 0 ]]; }
can_apt() { is_root && command -v apt-get >/dev/null; }
APT_UPDATED=0
apt_install() {
  say "installing $* with apt-get (Debian/Ubuntu, running as root); this takes a minute"
  export DEBIAN_FRONTEND=noninteractive
  if [[ $APT_UPDATED -eq 0 ]]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# ---------------------------------------------------------------------------------------------- Redis
ensure_redis() {
  if redis_answers; then say "Redis answers on $REDIS_HOST:$REDIS_PORT"; return; fi
  if listening "$REDIS_HOST" "$REDIS_PORT"; then
    # Open but not answering PONG yet: most likely a Redis still loading its data.
    wait_until redis_answers && { say "Redis answers on $REDIS_HOST:$REDIS_PORT"; return; }
    fail "something listens on $REDIS_HOST:$REDIS_PORT but does not answer Redis PING: free the port or set REDIS_URL"
  fi
  is_loopback "$REDIS_HOST" || fail "Redis at $REDIS_HOST:$REDIS_PORT does not answer, and it is not on this machine: start it there or set REDIS_URL"
  if ! command -v redis-server >/dev/null; then
    can_apt || fail "Redis is not running and redis-server is not installed. Install Redis 7 ('apt-get install redis-server' on Debian/Ubuntu, 'brew install redis' on macOS), or point REDIS_URL at one."
    apt_install redis-server
    # The package may start its own service on the default port.
    if redis_answers; then say "Redis answers on $REDIS_HOST:$REDIS_PORT (started by the package)"; return; fi
  fi
  mkdir -p "$ROOT/.local/redis"
  # Queue data must never be evicted, and survives a restart through the append-only file.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$ROOT/.local/redis" \
    --appendonly yes --appendfsync everysec --maxmemory-policy noeviction \
    --logfile "$ROOT/.local/redis/redis.log" --pidfile "$ROOT/.local/redis/redis.pid" >/dev/null
  wait_until redis_answers || fail "the local Redis did not answer within 30 s; see .local/redis/redis.log"
  say "started a local Redis on 127.0.0.1:$REDIS_PORT (data and log in .local/redis)"
}

# ----------------------------------------------------------------------------------------- PostgreSQL
pg_bin() { # the newest installed server binaries
  local dir
  # shellcheck disable=SC2012 # version-sorted folder names without spaces
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/bin /usr/bin /opt/homebrew/bin; do
    [[ -x $dir/pg_ctl && -x $dir/initdb ]] && { echo "$dir"; return 0; }
  done
  return 0
}
pg_listening() { listening "$PG_HOST" "$PG_PORT"; }

# A Debian cluster configured for our port that is merely stopped: start it as it is configured.
start_debian_cluster() {
  command -v pg_lsclusters >/dev/null || return 1
  local ver name
  read -r ver name _ < <(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p' | head -1) || true
  [[ -n ${ver:-} ]] || return 1
  if ! pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start; then
    say "could not start the PostgreSQL cluster $ver/$name (starting a project-local one instead)"
    return 1
  fi
  wait_until pg_listening || fail "PostgreSQL cluster $ver/$name did not listen on port $PG_PORT within 30 s"
  say "started the PostgreSQL cluster $ver/$name on port $PG_PORT"
}

# A freshly installed Debian cluster asks for passwords over TCP; the apps log in as postgres without
# one. Only for a cluster this script has just installed: let loopback connections in.
trust_loopback_in_new_cluster() {
  command -v pg_lsclusters >/dev/null || return 0
  local ver name hba
  read -r ver name _ < <(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p' | head -1) || true
  [[ -n ${ver:-} ]] || return 0
  hba=/etc/postgresql/$ver/$name/pg_hba.conf
  [[ -f $hba ]] || return 0
  sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  say "let loopback connections into the new cluster $ver/$name without a password ($hba)"
  if pg_lsclusters -h | awk -v v="$ver" -v n="$name" '$1 == v && $2 == n && $4 == "online"' | grep -q .; then
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" reload
  fi
}

# A project-local cluster under .local/pg: trust auth, TCP on loopback only, no Unix socket.
start_local_cluster() {
  local bin=$1 data="$ROOT/.local/pg" run=()
  if is_root; then
    # PostgreSQL refuses to run as root: the cluster belongs to the postgres system user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    command -v runuser >/dev/null || fail "runuser (util-linux) is needed to run PostgreSQL as the postgres user"
    run=(runuser -u postgres --)
    mkdir -p "$data"
    chown postgres "$data"
    chmod 700 "$data"
    "${run[@]}" test -w "$data" ||
      fail "the postgres user cannot reach $data (a parent folder is closed to other users): start PostgreSQL yourself or set DATABASE_URL"
  else
    mkdir -p "$data"
    chmod 700 "$data"
  fi
  if [[ ! -f $data/PG_VERSION ]]; then
    "${run[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust --no-locale -E UTF8 >/dev/null
    printf "\n# project-local cluster (tools/services/ensure-services.sh)\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n" >>"$data/postgresql.conf"
    say "created a project-local PostgreSQL cluster in .local/pg"
  fi
  "${run[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $PG_PORT" -w -t 60 start >/dev/null ||
    fail "the local PostgreSQL did not start; see .local/pg/server.log"
  wait_until pg_listening || fail "the local PostgreSQL did not listen on 127.0.0.1:$PG_PORT; see .local/pg/server.log"
  say "started a local PostgreSQL on 127.0.0.1:$PG_PORT (data and log in .local/pg)"
}

ensure_postgres() {
  if pg_listening; then say "PostgreSQL answers on $PG_HOST:$PG_PORT"; return; fi
  is_loopback "$PG_HOST" || fail "PostgreSQL at $PG_HOST:$PG_PORT does not answer, and it is not on this machine: start it there or set DATABASE_URL"
  start_debian_cluster && return
  local bin; bin=$(pg_bin)
  if [[ -z $bin ]]; then
    can_apt || fail "PostgreSQL is not running and not installed. Install PostgreSQL 15 or newer ('apt-get install postgresql' on Debian/Ubuntu, 'brew install postgresql@16' on macOS), or point DATABASE_URL at one."
    apt_install postgresql
    trust_loopback_in_new_cluster
    # The package may have started the cluster it created; if not, start it.
    if pg_listening; then say "PostgreSQL answers on $PG_HOST:$PG_PORT (started by the package)"; return; fi
    start_debian_cluster && return
    bin=$(pg_bin)
    [[ -n $bin ]] || fail "installed postgresql, yet found no pg_ctl under /usr/lib/postgresql/*/bin"
  fi
  start_local_cluster "$bin"
}

ensure_redis
ensure_postgres
# Log in for real (a fresh server may still be starting up), and create the database when missing.
# Node with the project's `pg` package does it; psql only when node_modules is not installed yet.
check_flag=(); [[ ${ENSURE_DATABASE:-1} == 0 ]] && check_flag=(--check)
status=0
node tools/services/ensure-database.js "${check_flag[@]}" "$DATABASE_URL" || status=$?
if [[ $status -eq 3 ]]; then
  command -v psql >/dev/null || fail "neither the pg package (run 'npm ci') nor psql is here to check the database"
  db=$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)))' "$DATABASE_URL")
  admin=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/postgres"; console.log(u.href)' "$DATABASE_URL")
  wait_until psql "$admin" -qAtc 'select 1' >/dev/null 2>&1 || fail "cannot log in to PostgreSQL with DATABASE_URL"
  # psql variables (:'db' and :"db") quote the name safely; they work on standard input only.
  if [[ ${ENSURE_DATABASE:-1} == 0 ]]; then say "PostgreSQL accepts logins"
  elif [[ $(psql "$admin" -qAt -v db="$db" <<<"select 1 from pg_database where datname = :'db'") == 1 ]]; then say "database $db exists"
  else psql "$admin" -q -v db="$db" <<<'create database :"db"' >/dev/null && say "created database $db"; fi
elif [[ $status -ne 0 ]]; then
  exit "$status"
fi
