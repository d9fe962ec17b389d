#!/usr/bin/env bash
# `npm test`: the same setup as `npm start` (dependencies, Redis and PostgreSQL answering), Chromium for
# the console's browser tests, the quick checks (compose file, type checks, lint), then every test tier
# in one Jest process:
#   npm test                      everything
#   npm test -- apps/quoting      arguments go to Jest
#   SKIP_CHECKS=1 npm test -- ... Jest only
# Exits with Jest's code, or 1 when Jest passed but a check failed. Jest's summary line comes last.
set -euo pipefail
cd "$(dirname "$0")/.."
export CI=true NX_DAEMON=false NX_NO_CLOUD=true

bash tools/install-deps.sh
# The tests create (and drop) databases of their own through the `postgres` database: only the
# servers have to answer and accept the login.
ENSURE_DATABASE=0 bash tools/services/ensure-services.sh
bash tools/services/ensure-chromium.sh
if [[ -n ${DATABASE_URL:-} && -z ${TEST_ADMIN_DATABASE_URL:-} ]]; then
  TEST_ADMIN_DATABASE_URL=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/postgres"; console.log(u.href)' "$DATABASE_URL")
  export TEST_ADMIN_DATABASE_URL
fi

failed=()
check() { # name command...: runs it, shows its output only when it fails
  local name=$1 out
  shift
  out=$(mktemp)
  if "$@" >"$out" 2>&1; then
    echo "test: $name passed"
  else
    cat "$out"
    echo "test: $name FAILED"
    failed+=("$name")
  fi
  rm -f "$out"
}

# The compose file: with whichever compose client is here (no engine is needed for `config`).
if docker compose version >/dev/null 2>&1; then
  check "compose file (docker compose config)" docker compose -f docker-compose.yml config -q
elif docker-compose version >/dev/null 2>&1; then
  check "compose file (docker-compose config)" docker-compose -f docker-compose.yml config -q
else
  echo "test: no docker compose client here; docker-compose.yml check skipped"
fi

if [[ ${SKIP_CHECKS:-0} != 1 ]]; then
  check "type check (tsc)" npx tsc -p tsconfig.json
  check "type check of the console's browser code (tsc, DOM)" npx tsc -p apps/console/tsconfig.app.json
  check "lint (eslint with Nx module boundaries)" npx nx run-many -t lint --outputStyle=static
fi

echo "test: domain, app and system tests (Jest)"
status=0
npx jest --config jest.config.ts "$@" || status=$?
if [[ $status -eq 0 && ${#failed[@]} -gt 0 ]]; then
  echo "test: Jest passed, but these checks failed (output above): ${failed[*]}"
  status=1
fi
exit "$status"
