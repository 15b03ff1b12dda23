#!/usr/bin/env bash
# Times `griot build` against Hugo on the same synthetic corpus, in the same run.
#
#   bench/build.sh [N...]          default N: 1000 10000
#
# For each N, bench/make-corpus.py writes an N-page site in a temporary folder in both forms;
# both are built once to check they build, then each build is timed 3 times after one warm-up
# (with hyperfine when installed, otherwise a bash loop with `date +%s.%N`), and its peak RSS
# is taken once with `/usr/bin/time -v`. Both tools write their site to disk.
#
# Environment:
#   GRIOT   the griot binary (default .build/release/griot, else .build/debug/griot)
#   HUGO    the hugo binary (default: hugo on PATH)
#   RUNS    timed runs per tool (default 3)
#   KEEP=1  keep the temporary folder (its path is printed)
#   HYPERFINE=  (empty) time with the bash loop even when hyperfine is installed
#
# The Markdown table goes to standard output and to bench/results-build.md; progress and
# hyperfine's own report go to standard error.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
RUNS="${RUNS:-3}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

die() { echo "build.sh: $*" >&2; exit 1; }
say() { echo "$*" >&2; }

for n in "${SIZES[@]}"; do
    [[ "$n" =~ ^[0-9]+$ && "$n" -ge 2 ]] || die "N must be a whole number of at least 2, not '$n'"
done

if [ -z "${GRIOT:-}" ]; then
    if [ -x "$ROOT/.build/release/griot" ]; then GRIOT="$ROOT/.build/release/griot"
    elif [ -x "$ROOT/.build/debug/griot" ]; then GRIOT="$ROOT/.build/debug/griot"
    else die "no griot binary; build one (swift build -c release) or set GRIOT"; fi
fi
[ -x "$GRIOT" ] || die "GRIOT=$GRIOT is not an executable"
GRIOT="$(cd "$(dirname "$GRIOT")" && pwd)/$(basename "$GRIOT")"
case "$GRIOT" in
    */debug/*) GRIOT_KIND="debug build" ;;
    */release/*) GRIOT_KIND="release build" ;;
    *) GRIOT_KIND="build kind unknown" ;;
esac
HUGO="${HUGO:-$(command -v hugo || true)}"
[ -n "$HUGO" ] && [ -x "$HUGO" ] || die "hugo not found; install it (apt-get install -y hugo) or set HUGO"
command -v python3 >/dev/null || die "python3 not found"

HYPERFINE="${HYPERFINE-$(command -v hyperfine || true)}"   # HYPERFINE= forces the bash loop
TIME_BIN=/usr/bin/time
[ -x "$TIME_BIN" ] && "$TIME_BIN" -v true 2>/dev/null || TIME_BIN=""

TMP="$(mktemp -d "${TMPDIR:-/tmp}/griot-bench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then say "keeping $TMP"; else trap 'rm -rf "$TMP"' EXIT; fi

# median of numbers, one per line
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# time_loop NAME DIR CMD...: one warm-up, then $RUNS timed runs; prints the median in seconds.
time_loop() {
    local name="$1" dir="$2"; shift 2
    (cd "$dir" && "$@" >/dev/null 2>&1) || die "$name failed during the warm-up"
    local i start end
    for ((i = 0; i < RUNS; i++)); do
        start=$(date +%s.%N)
        (cd "$dir" && "$@" >/dev/null 2>&1) || die "$name failed"
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f\n", b - a }'
    done | tee >(sed "s/^/  $name: /; s/\$/ s/" >&2) | median
}

# peak_rss DIR CMD...: the tool's maximum resident set size in MB, or n/a.
peak_rss() {
    local dir="$1"; shift
    [ -n "$TIME_BIN" ] || { echo "n/a"; return; }
    (cd "$dir" && "$TIME_BIN" -v -o "$TMP/time.txt" "$@" >/dev/null 2>&1) || die "$* failed under $TIME_BIN"
    awk -F': *' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$TMP/time.txt"
}

HUGO_VERSION="$("$HUGO" version | awk '{ print $2 }')"
if [ -n "$HYPERFINE" ]; then METHOD="hyperfine $("$HYPERFINE" --version | awk '{ print $2 }'), 1 warm-up + $RUNS runs, median"
else METHOD="bash loop with date +%s.%N, 1 warm-up + $RUNS runs, median"; fi

ROWS=()
for n in "${SIZES[@]}"; do
    corpus="$TMP/n$n"
    say "== N=$n: generating the corpus in $corpus"
    python3 "$BENCH/make-corpus.py" "$n" "$corpus" >&2
    gsite="$corpus/griot" hsite="$corpus/hugo"
    griot_cmd=("$GRIOT" build --site "$gsite")
    hugo_cmd=("$HUGO" --quiet --source "$hsite")

    say "== N=$n: checking that both build"
    if ! "${griot_cmd[@]}" >"$TMP/griot.out" 2>"$TMP/griot.err"; then
        cat "$TMP/griot.err" >&2; die "griot build failed on the N=$n corpus"
    fi
    cat "$TMP/griot.out" >&2
    if grep -q "warning" "$TMP/griot.err"; then say "griot warnings:"; cat "$TMP/griot.err" >&2; fi
    if ! "${hugo_cmd[@]}" >"$TMP/hugo.out" 2>&1; then
        cat "$TMP/hugo.out" >&2; die "hugo failed on the N=$n corpus"
    fi
    if [ -s "$TMP/hugo.out" ]; then say "hugo said:"; cat "$TMP/hugo.out" >&2; fi

    say "== N=$n: timing"
    if [ -n "$HYPERFINE" ]; then
        "$HYPERFINE" --shell=none --warmup 1 --runs "$RUNS" --export-json "$TMP/n$n.json" \
            --command-name griot "$(printf '%q ' "${griot_cmd[@]}")" \
            --command-name hugo "$(printf '%q ' "${hugo_cmd[@]}")" >&2
        read -r griot_s hugo_s < <(python3 -c '
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
print(results["griot"], results["hugo"])' "$TMP/n$n.json")
    else
        griot_s=$(time_loop griot "$corpus" "${griot_cmd[@]}")
        hugo_s=$(time_loop hugo "$corpus" "${hugo_cmd[@]}")
    fi

    say "== N=$n: peak RSS"
    griot_mb=$(peak_rss "$corpus" "${griot_cmd[@]}")
    hugo_mb=$(peak_rss "$corpus" "${hugo_cmd[@]}")

    ROWS+=("$(awk -v n="$n" -v g="$griot_s" -v h="$hugo_s" -v gm="$griot_mb" -v hm="$hugo_mb" 'BEGIN {
        printf "| %d | %.3f | %.3f | %.2f | %.0f | %.0f | %s | %s |", n, g, h, g / h, n / g, n / h, gm, hm }')")
    rm -rf "$corpus"
done

{
    echo "# Build benchmark: griot vs Hugo"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -sm)"
    echo "- griot: \`$GRIOT\` ($GRIOT_KIND)"
    echo "- hugo: $HUGO_VERSION (\`hugo --quiet\`, writing to disk)"
    echo "- timing: $METHOD; peak RSS from one \`/usr/bin/time -v\` run"
    echo "- corpus: \`bench/make-corpus.py N\` (seed 42; 85 % countries, 15 % topics); pages/s counts the N content pages"
    echo
    echo "| N | griot median (s) | hugo median (s) | griot/hugo | griot pages/s | hugo pages/s | griot peak RSS (MB) | hugo peak RSS (MB) |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${ROWS[@]}"
} | tee "$BENCH/results-build.md"
