#!/usr/bin/env bash
# `npm test`: the same setup as `npm start`, then type checks, lint, and every test tier in one Jest run.
set -euo pipefail
cd "$(dirname "$0")/.."
export CI=${CI:-true} NX_DAEMON=false NX_NO_CLOUD=true
bash tools/install-deps.sh
# Tests create databases of their own; only the servers need to answer.
ENSURE_DATABASE=0 bash tools/services/ensure-services.sh

echo "test: type check"
npx tsc -p tsconfig.json
echo "test: lint (with Nx module boundaries)"
npx nx run-many -t lint --outputStyle=static >/tmp/portal-lint.log 2>&1 || { cat /tmp/portal-lint.log; exit 1; }

if docker compose version >/dev/null 2>&1; then
  docker compose -f docker-compose.yml config -q && echo "test: docker-compose.yml is valid (docker compose config)"
elif command -v docker-compose >/dev/null 2>&1; then
  docker-compose -f docker-compose.yml config -q && echo "test: docker-compose.yml is valid (docker-compose config)"
else
  echo "test: no docker compose client here; docker-compose.yml not checked"
fi

echo "test: domain, app and system tests"
npx jest --config jest.config.ts "$@"
