#!/usr/bin/env bash
# In-browser checks of the shipped site (tests/browser/check.py): builds content/ twice — normal,
# served over HTTP on a free port, and --portable, opened from file:// — then runs the Nu HTML
# checker, axe-core, a link check, the search, the relations table, the charts, overflow at 390 px
# and the screenshots in docs/screenshots/ in headless Chromium.
#
#   tests/browser/run.sh                        # every check
#   tests/browser/run.sh --only search,links    # some of them
#   GRIOT=.build/debug/griot tests/browser/run.sh   # an existing binary instead of `swift run`
#
# Needs python3 (3.10+) with venv, Debian's chromium and chromium-driver, and a Java runtime:
#   apt-get install -y --no-install-recommends python3 python3-venv chromium chromium-driver default-jre-headless
# The Python packages (tests/browser/requirements.txt) go into .build/browser-venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=$root/.build/browser
venv=$root/.build/browser-venv

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${CHROMEDRIVER:-/usr/bin/chromedriver}" ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/browser/run.sh: missing ${missing[*]}; on Debian:" >&2
  echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 2
fi

# The virtual environment, reinstalled whenever requirements.txt changes.
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! cmp -s tests/browser/requirements.txt "$venv/requirements.installed"; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    -r tests/browser/requirements.txt
  cp tests/browser/requirements.txt "$venv/requirements.installed"
fi
py=$venv/bin/python

if [ -n "${GRIOT:-}" ]; then
  griot=("$GRIOT")
else
  griot=(swift run -c debug griot)
fi

port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port/"
mkdir -p "$work"
"${griot[@]}" build --site "$root" --output "$work/site" --base-url "$url"
"${griot[@]}" build --site "$root" --output "$work/portable" --portable

"$py" -m http.server --bind 127.0.0.1 --directory "$work/site" "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

# check.py waits until the server answers.
"$py" tests/browser/check.py --site "$work/site" --url "$url" --portable "$work/portable" "$@"
