#!/usr/bin/env bash
# Installs the VS Code that the editor tests run in: VS Code's server build from
# the `code-server` npm package, into .vscode-test/code-server (git-ignored, outside
# the extension's own dependencies). Its postinstall would download ripgrep, so its
# steps are done here by hand with Debian's ripgrep (see ../shared/docs/real-vscode.md).
# Idempotent: a stamp file makes reruns a no-op.
set -euo pipefail
VERSION=4.100.3   # VS Code 1.100.3: the last line that runs on Node 20
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.vscode-test/code-server"
vs="$dir/node_modules/code-server/lib/vscode"
stamp="$dir/.installed-$VERSION"
if [ -f "$stamp" ] && [ -f "$vs/out/server-main.js" ]; then
  echo "setup-code-server: code-server $VERSION already installed in .vscode-test/code-server"
  exit 0
fi
for tool in rg python3 make g++; do
  command -v "$tool" >/dev/null || { echo "setup-code-server: '$tool' is missing (as root: apt-get install ripgrep python3 make g++ libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev)" >&2; exit 1; }
done
echo "setup-code-server: installing code-server $VERSION (about two minutes)"
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
printf '{ "name": "triangulate-editor-host", "private": true, "dependencies": { "code-server": "%s" } }\n' "$VERSION" > package.json
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm install --ignore-scripts --no-package-lock --loglevel=error
cd "$vs"
npm install --omit=dev --ignore-scripts --no-package-lock --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild --loglevel=error kerberos node-pty @vscode/spdlog native-watchdog @parcel/watcher @vscode/deviceid
ln -sfn node_modules node_modules.asar
test -f out/server-main.js
touch "$stamp"
echo "setup-code-server: done"
