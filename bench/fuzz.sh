#!/usr/bin/env bash
# Fuzzes page loading (front matter + Markdown) with libFuzzer for a bounded time.
# Usage: bench/fuzz.sh [seconds]   (default 60). Exits non-zero on a crash, a hang (>5 s for one
# input) or a leak of memory past the limit; the crashing input is left in bench/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/fuzz"
seconds=${1:-60}
swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library --product GriotFuzz
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
# Seed with the real pages and the fixtures, so the fuzzer starts from valid front matter.
cp ../../content/countries/*.md ../../content/topics/*.md ../../Tests/GriotTests/Fixtures/site/content/*/*.md "$corpus/"
mkdir -p artifacts
.build/release/GriotFuzz "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
  -max_len=16384 -artifact_prefix=artifacts/ -print_final_stats=1
