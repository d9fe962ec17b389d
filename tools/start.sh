#!/usr/bin/env bash
# `npm start`: dependencies, Redis and PostgreSQL, then all four apps in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/services/ensure-services.sh
if [[ -z "${OPERATOR_TOKEN:-}" ]]; then
  export OPERATOR_TOKEN=local-operator-token
  echo "start: OPERATOR_TOKEN is not set; using the local default 'local-operator-token'"
fi
exec node tools/dev/start-all.js
