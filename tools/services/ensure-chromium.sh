#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium (/usr/bin/chromium) through playwright-core.
# Installs it with apt-get when missing and this is Debian/Ubuntu as root; otherwise says what to do.
# Never `npx playwright install`: it downloads a browser build of its own, which closed networks refuse.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
say() { echo "chromium: $*"; }

if [[ -x $CHROMIUM ]]; then exit 0; fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  say "installing Debian's chromium with apt-get (for the console's browser tests); this takes a minute"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [[ -x $CHROMIUM ]] || { echo "chromium: installed the package, yet $CHROMIUM is missing" >&2; exit 1; }
  say "installed $($CHROMIUM --version 2>/dev/null | head -1)"
else
  echo "chromium: $CHROMIUM is missing: install Chromium ('apt-get install chromium' on Debian) or set CHROMIUM_PATH; the console's browser tests need it" >&2
  exit 1
fi
