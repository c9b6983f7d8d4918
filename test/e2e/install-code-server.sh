#!/usr/bin/env bash
# Installs code-server from npm without network access other than the npm registry:
#   test/e2e/install-code-server.sh <dir> [version]        (default 4.100.3, the last release that runs on Node 20)
# code-server's own postinstall downloads ripgrep from GitHub, so it is skipped and redone by hand: native modules
# are rebuilt against the system Node headers (npm_config_nodedir) and Debian's ripgrep is copied in.
# Needs (Debian): build-essential python3 pkg-config libkrb5-dev ripgrep.
set -euo pipefail
DIR=$1; VER=${2:-4.100.3}; NODEDIR=${NODEDIR:-$(dirname "$(dirname "$(command -v node)")")}
export npm_config_nodedir=$NODEDIR npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
for tool in rg make g++ python3 pkg-config; do
  command -v $tool >/dev/null || { echo "install-code-server: '$tool' is missing (apt-get install build-essential python3 pkg-config libkrb5-dev ripgrep)" >&2; exit 3; }
done
[ -f "$NODEDIR/include/node/node.h" ] || { echo "install-code-server: no Node headers under $NODEDIR/include/node (set NODEDIR)" >&2; exit 3; }
mkdir -p "$DIR" && cd "$DIR"
[ -f package.json ] || echo '{"name":"kubeway-e2e-code-server","private":true}' > package.json
# 1) the package without its postinstall
npm install --no-save --ignore-scripts --loglevel=error "code-server@$VER"
# 2) code-server's own native dependency
npm rebuild --loglevel=error argon2
# 3) what code-server's postinstall.sh does, by hand
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --loglevel=error
# every package with a native part or an install script, except @vscode/ripgrep (its postinstall downloads)
NATIVE=$(for pj in $(find node_modules -maxdepth 3 -name package.json); do d=$(dirname "$pj"); n=${d#node_modules/}
  [ "$n" = "@vscode/ripgrep" ] && continue
  if [ -f "$d/binding.gyp" ] || node -e 'const s=require(process.argv[1]).scripts||{};process.exit(s.install||s.preinstall||s.postinstall?0:1)' "$PWD/$pj"; then echo "$n"; fi
done | sort -u)
echo "install-code-server: rebuilding" $NATIVE
npm rebuild --loglevel=error $NATIVE
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts --loglevel=error)
cd "$DIR"
XDG_CONFIG_HOME=$DIR/.xdg XDG_DATA_HOME=$DIR/.xdg ./node_modules/.bin/code-server --version
# the marker the harness looks for: written last, so a half-finished install is redone
echo "$VER" > "$DIR/.installed"
