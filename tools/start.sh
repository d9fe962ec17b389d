#!/usr/bin/env bash
# `npm start`: node dependencies, Redis and PostgreSQL (and the `portal` database), the production
# build, then the four apps and the console in the foreground under one supervisor (tools/dev/start-all.js).
# Ctrl+C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci when node_modules is missing or older than package-lock.json.
bash tools/install-deps.sh

# The apps' own defaults, exported so the services check, the apps and the summary agree.
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
if [[ -z ${OPERATOR_TOKEN:-} ]]; then
  export OPERATOR_TOKEN=local-operator-token
  echo "start: OPERATOR_TOKEN is not set; using the local default 'local-operator-token' (set it for anything but local use)"
fi

bash tools/services/ensure-services.sh

# Compiled JavaScript and the console's static pages, as the image runs them; Nx replays its cache
# when no source changed (seconds).
echo "start: building the apps and the console (npm run build; cached while no source changes) ..."
npm run --silent build >/dev/null || { echo "start: the build failed; run \`npm run build\` to see why"; exit 1; }

# exec: Ctrl+C and SIGTERM go straight to the supervisor, which stops the apps gracefully.
exec node tools/dev/start-all.js
