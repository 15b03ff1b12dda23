#!/usr/bin/env bash
# Cross-checks Griot's EDTF bounds (lowerStrict/upperStrict) against the PyPI `edtf` package's
# lower_strict()/upper_strict() on a few thousand generated valid strings across every feature.
# Usage: bench/edtf-crosscheck.sh [count] [seed]   (defaults: 4000 strings, seed 1963)
# Needs python3; installs `edtf` into a venv in /tmp ($EDTF_VENV, default /tmp/edtf-venv).
# Builds the tests with `swift build --build-tests -j 1` unless SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-4000}
seed=${2:-1963}
venv=${EDTF_VENV:-/tmp/edtf-venv}

if ! "$venv/bin/python" -c 'import edtf' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q edtf
fi

work=$(mktemp -d /tmp/edtf-crosscheck.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$venv/bin/python" bench/edtf-crosscheck/generate.py --count "$count" --seed "$seed" >"$work/strings.tsv"
[ "${SKIP_BUILD:-0}" = 1 ] || swift build --build-tests -j 1 >/dev/null
EDTF_CROSSCHECK_FILE="$work/strings.tsv" EDTF_CROSSCHECK_OUT="$work/griot.txt" \
  swift test --skip-build --filter EDTFCrossCheck >"$work/swift-test.log" 2>&1 ||
  { cat "$work/swift-test.log"; exit 1; }
[ -s "$work/griot.txt" ] || { echo "the Swift side wrote nothing; is EDTFCrossCheck enabled?" >&2; exit 1; }
echo "edtf $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("edtf"))'), $count strings, seed $seed"
"$venv/bin/python" bench/edtf-crosscheck/compare.py "$work/strings.tsv" "$work/griot.txt"
