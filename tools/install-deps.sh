#!/usr/bin/env bash
# Installs node dependencies when node_modules is missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "deps: installing node dependencies (npm ci) ..."
  npm ci --no-audit --no-fund --loglevel=error
fi
