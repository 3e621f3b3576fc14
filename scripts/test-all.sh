#!/usr/bin/env bash
# Installs what the tests need, then runs every test: the unit/CLI/LSP suite
# (npm test), the editor integration suite in a real VS Code, the VSIX install
# test and the Playwright test in the web workbench. Every install step is
# skipped when already done, so reruns are fast. Exits non-zero if any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

step() { printf '\n== %s\n' "$*"; }
die() { echo "test-all: $*" >&2; exit 1; }

# 1. Debian packages: Chromium for the workbench, ripgrep and build tools for code-server's native modules.
APT_PACKAGES="chromium ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev python3 make g++ pkg-config"
missing=""
for p in $APT_PACKAGES; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"; done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    step "apt-get install$missing"
    apt-get update -qq || die "apt-get update failed"
    apt-get install -y -qq --no-install-recommends $missing >/dev/null || die "apt-get install$missing failed"
  else
    die "missing Debian packages:$missing (run as root, or: sudo apt-get install$missing)"
  fi
fi

# 2. The project's own dependencies (npm ci when package-lock.json changed since the last install).
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -d node_modules ] || [ "$(cat node_modules/.triangulate-lock 2>/dev/null)" != "$lock_sum" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund || die "npm ci failed"
  echo "$lock_sum" > node_modules/.triangulate-lock
fi

# 3. The VS Code the editor tests run in (code-server's build, into .vscode-test/).
step "code-server"
bash scripts/setup-code-server.sh || die "installing code-server failed"

mkdir -p test-results
failed_steps=()
passed=0
failed=0
# Runs a step, keeps its output in test-results/<name>.log, and adds up its counts.
run() {
  local name="$1"; shift
  step "$name: $*"
  "$@" 2>&1 | tee "test-results/$name.log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(grep -aoE '^(# |ℹ )pass [0-9]+' "test-results/$name.log" | tail -1 | grep -oE '[0-9]+$')
  f=$(grep -aoE '^(# |ℹ )fail [0-9]+' "test-results/$name.log" | tail -1 | grep -oE '[0-9]+$')
  if [ -z "$p" ]; then
    p=$(grep -aoE '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "test-results/$name.log" | tail -1 | sed -E 's/.*: ([0-9]+) passed.*/\1/')
    f=$(grep -aoE '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "test-results/$name.log" | tail -1 | sed -E 's/.* ([0-9]+) failed.*/\1/')
  fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$rc" != 0 ]; then failed_steps+=("$name"); [ "${f:-0}" = 0 ] && failed=$((failed + 1)); fi
}

version="$(node -p 'require("./package.json").version')"
name="$(node -p 'require("./package.json").name')"
run demo npm run -s demo                           # the README's first command: the CLI over samples/
run unit npm test                                  # builds (tsc + esbuild), then every *.test.ts
run editor node out/test/editor/run.js             # the integration suite inside VS Code
run package node scripts/package.mjs               # the VSIX, contents and size checked
if [ -f "$name-$version.vsix" ]; then
  run vsix node out/test/editor/run.js --vsix "$name-$version.vsix"   # installed VSIX, same suite
else
  failed_steps+=("vsix"); failed=$((failed + 1))
fi
run e2e node out/test/e2e/workbench.e2e.js         # Playwright: what a person sees

echo
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "test-all: failed steps: ${failed_steps[*]} (logs in test-results/)"
  echo "test-all: $passed passed, $failed failed"
  exit 1
fi
echo "test-all: $passed passed, $failed failed"
