#!/usr/bin/env bash
# Makes sure Redis and PostgreSQL answer where REDIS_URL and DATABASE_URL point (loopback defaults).
# 1. use ones already answering; 2. start local ones from installed binaries, data under .local/;
# 3. on Debian/Ubuntu as root, install them with apt-get first; 4. otherwise say what to install.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal}

hostport() { # url -> "host port"
  node -e 'const u=new URL(process.argv[1]); console.log(u.hostname||"127.0.0.1", u.port||process.argv[2])' "$1" "$2"
}
read -r REDIS_HOST REDIS_PORT <<<"$(hostport "$REDIS_URL" 6379)"
read -r PG_HOST PG_PORT <<<"$(hostport "$DATABASE_URL" 5432)"

answers() { # host port: is something listening?
  node -e 'const s=require("net").connect(+process.argv[2],process.argv[1]);s.setTimeout(1000);s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1));s.on("timeout",()=>process.exit(1))' "$1" "$2"
}
is_loopback() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" || "$1" == "::1" ]]; }
wait_for() { # name host port
  for _ in $(seq 1 60); do answers "$2" "$3" && return 0; sleep 0.5; done
  echo "services: $1 did not start on $2:$3" >&2; return 1
}
can_apt() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; }
APT_UPDATED=0
apt_install() {
  echo "services: installing $* with apt-get (Debian/Ubuntu, root)"
  if [[ $APT_UPDATED -eq 0 ]]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_redis() {
  if answers "$REDIS_HOST" "$REDIS_PORT"; then echo "services: Redis answers on $REDIS_HOST:$REDIS_PORT"; return; fi
  is_loopback "$REDIS_HOST" || { echo "services: Redis at $REDIS_HOST:$REDIS_PORT does not answer, and it is not local: start it there" >&2; exit 1; }
  if ! command -v redis-server >/dev/null; then
    if can_apt; then apt_install redis-server; else
      echo "services: Redis is not running and redis-server is not installed. Install Redis 7 (e.g. 'apt-get install redis-server' or 'brew install redis') or set REDIS_URL." >&2; exit 1
    fi
  fi
  mkdir -p "$ROOT/.local/redis"
  # Queue data: never evict keys, keep an append-only file (ARCHITECTURE 7).
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$ROOT/.local/redis" \
    --appendonly yes --appendfsync everysec --maxmemory-policy noeviction --logfile "$ROOT/.local/redis/redis.log"
  wait_for Redis "$REDIS_HOST" "$REDIS_PORT"
  echo "services: started a local Redis on 127.0.0.1:$REDIS_PORT (data in .local/redis)"
}

pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/bin /usr/bin; do
    [[ -x "$dir/pg_ctl" ]] && { echo "$dir"; return; }
  done
}

ensure_postgres() {
  if answers "$PG_HOST" "$PG_PORT"; then echo "services: PostgreSQL answers on $PG_HOST:$PG_PORT"; return; fi
  is_loopback "$PG_HOST" || { echo "services: PostgreSQL at $PG_HOST:$PG_PORT does not answer, and it is not local: start it there" >&2; exit 1; }
  # A Debian cluster that is merely stopped: start it as it is configured.
  if command -v pg_lsclusters >/dev/null && [[ -n "$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3==p')" ]]; then
    read -r ver name _ <<<"$(pg_lsclusters -h | awk -v p="$PG_PORT" '$3==p' | head -1)"
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
    wait_for PostgreSQL "$PG_HOST" "$PG_PORT"
    echo "services: started PostgreSQL cluster $ver/$name"
    return
  fi
  local bin; bin=$(pg_bin)
  if [[ -z "$bin" ]]; then
    if can_apt; then apt_install postgresql; bin=$(pg_bin); else
      echo "services: PostgreSQL is not running and not installed. Install PostgreSQL 15+ (e.g. 'apt-get install postgresql' or 'brew install postgresql') or set DATABASE_URL." >&2; exit 1
    fi
    # The package may have created and started its own cluster on our port.
    if answers "$PG_HOST" "$PG_PORT"; then echo "services: PostgreSQL answers on $PG_HOST:$PG_PORT"; return; fi
  fi
  local data="$ROOT/.local/pg" run_as=()
  # PostgreSQL refuses to run as root: use the postgres system user for the project-local cluster.
  if [[ $(id -u) -eq 0 ]]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; run_as=(runuser -u postgres --); fi
  mkdir -p "$data"; [[ $(id -u) -eq 0 ]] && chown postgres "$data" && chmod 700 "$data"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    "${run_as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust >/dev/null
  fi
  "${run_as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $data" -w start >/dev/null
  wait_for PostgreSQL "$PG_HOST" "$PG_PORT"
  echo "services: started a local PostgreSQL on 127.0.0.1:$PG_PORT (data in .local/pg)"
}

ensure_redis
ensure_postgres
if [[ "${ENSURE_DATABASE:-1}" == "1" ]]; then node tools/services/ensure-database.js "$DATABASE_URL"; fi
