#!/usr/bin/env bash
# The offline real-editor tests (test/e2e): the packaged .vsix in code-server, driven in Debian's chromium.
#   1. scripts/e2e-setup.sh  — chromium, CJK fonts, Node 24 and code-server (skipped when present)
#   2. scripts/package.mjs   — build and package nianbao-<version>.vsix
#   3. scripts/e2e-build.mjs — bundle test/e2e/*.e2e.ts into out/e2e/ and test/electron/ into out/electron/
#   4. node --test           — the scenarios; screenshots in test-results/e2e/
# Only loopback traffic: code-server listens on 127.0.0.1 and the browser aborts every other request.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
bash scripts/e2e-setup.sh
node scripts/package.mjs --quiet
node scripts/e2e-build.mjs
status=0
node --test --test-concurrency=1 out/e2e/*.e2e.js || status=$?
echo "e2e: finished in $(($(date +%s) - start))s (exit $status); screenshots in test-results/e2e/"
exit $status
