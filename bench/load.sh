#!/usr/bin/env bash
# Load test of `griot serve` with wrk, beside `python3 -m http.server` on the same built site as
# a baseline. Usage: bench/load.sh [seconds] [connections] [path]
# Defaults: 30 seconds, 64 connections, /countries/france/. Results go to stdout and
# bench/results-load.md. Uses $GRIOT (default: .build/release/griot, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-64}
path=${3:-/countries/france/}
griot=${GRIOT:-.build/release/griot}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -x "$griot" ] || swift build -c release --product griot

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r content templates "$work/"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for() {
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "http://127.0.0.1:$1$path" && return 0
    sleep 0.1
  done
  echo "server on port $1 did not answer" >&2
  exit 1
}

run_wrk() { # name port
  echo "== $1" >&2
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$2$path" | tee "$work/$1.txt" >&2
}

summary() { # name
  local file="$work/$1.txt"
  local rps p50 p90 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$file")
  p50=$(awk '$1=="50%" {print $2}' "$file")
  p90=$(awk '$1=="90%" {print $2}' "$file")
  p99=$(awk '$1=="99%" {print $2}' "$file")
  errors=$(awk '/Socket errors/ {print $0}' "$file" | sed 's/^ *//')
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$file")
  echo "| $1 | $rps | $p50 | $p90 | $p99 | ${errors:-none}${non2xx:+, non-2xx: $non2xx} |"
}

griot_port=$(free_port)
"$griot" serve --site "$work" --port "$griot_port" --strict-port >"$work/serve.log" 2>&1 &
wait_for "$griot_port"
run_wrk griot-serve "$griot_port"
kill -INT %1; wait %1 2>/dev/null || true

python_port=$(free_port)
python3 -m http.server "$python_port" --bind 127.0.0.1 --directory "$work/public" >/dev/null 2>&1 &
wait_for "$python_port"
run_wrk python-http-server "$python_port"

{
  echo "Load test: wrk, 2 threads, $connections connections, $seconds s, GET $path ($(nproc) cores, $(date -u +%Y-%m-%d))"
  echo
  echo "| server | requests/s | p50 | p90 | p99 | errors |"
  echo "| --- | --- | --- | --- | --- | --- |"
  summary griot-serve
  summary python-http-server
} | tee bench/results-load.md
