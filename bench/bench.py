#!/usr/bin/env python3
"""Griot against Hugo, cold and warm, in one run; writes BENCHMARKS.md and an SVG plot.

    bench/bench.py [N ...]            default N: 1000 10000 100000

For each N, bench/make-corpus.py writes the same N-page site for both generators. Then, with the
two generators alternating run by run so that both see the same machine state:

- cold: a full build into a fresh output folder (Griot: no public/, no .public.griot/; Hugo: no
  public/, no resources/). At the start of each run both generators' previous outputs are moved
  aside (renamed into the bench's work folder, which is deleted only when the whole run is over),
  then the file system is synced and the run waits SETTLE seconds (default 5). Nothing is deleted
  while builds are timed: ext4 without a journal will not reuse an inode deleted less than 60 s
  ago (360 s once its inode-table block is dirty again, which the next build's own files make it)
  and rescans every such inode on each allocation, so a build that follows a deletion of tens of
  thousands of files pays for it, more the larger the deletion. Deleting before each run made
  whichever generator followed the larger deletion (Griot's two trees and the floor's copy) pay
  most; a 65 s wait was not enough;
- first rebuild: into the output of the cold build, after one page's body changed (a different
  page each run, the same page for both); Griot has no previous tree beside the output yet, so it
  makes every folder of the new one;
- warm: the next rebuild, after another page's body changed: the steady state of an editor's
  session or a publishing pipeline, in which Griot's working folder holds the tree before last;
- floor: the `cmark` command rendering every body (all bodies in one stream, one process), plus
  `cp -r` of Griot's output tree into a fresh folder: reading Markdown and writing the site, with
  nothing else.

Every run is timed by /usr/bin/time, which also gives its peak RSS. The table reports medians.

Environment: GRIOT (default .build/release/griot), HUGO (default hugo on PATH), RUNS (runs per
measurement, default 5 below 100,000 pages and 3 from there), SETTLE (seconds, default 5; 0 for
no wait), KEEP=1 keeps the corpora,
OUT (default BENCHMARKS.md at the repository root; the plot goes beside it as bench/results.svg).
"""

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks_md import keep_preview

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def die(message):
    sys.exit(f"bench.py: {message}")


def say(message):
    print(message, file=sys.stderr, flush=True)


def timed(command, cwd=None):
    """Runs command under /usr/bin/time; returns (seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r") as report:
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%e %M", "-o", report.name, *command],
            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            die(f"{' '.join(map(str, command))} failed:\n{result.stderr[-2000:]}")
        seconds, kilobytes = report.read().split()[-2:]
    return float(seconds), int(kilobytes) / 1024


def wall(command, cwd=None):
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def set_aside(trash, *paths):
    """Moves paths into the trash folder, under fresh names: a rename frees no inode."""
    trash.mkdir(parents=True, exist_ok=True)
    for path in paths:
        if path.exists() or path.is_symlink():
            path.rename(trash / f"{len(list(trash.iterdir()))}-{path.name}")


def settle():
    """Writes back what earlier builds left dirty, before a cold build (see the module's doc)."""
    os.sync()
    time.sleep(float(os.environ.get("SETTLE", 5)))


def bodies(content):
    """Every page body of a Griot content folder, front matter removed, as one Markdown text."""
    texts = []
    for file in sorted(content.rglob("*.md")):
        text = file.read_text()
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            text = text[end + 5:] if end >= 0 else text
        texts.append(text)
    return "\n\n".join(texts)


def touch_body(site_file, run):
    with open(site_file, "a") as handle:
        handle.write(f"\nAn added sentence, run {run}.\n")


def measure(n, runs, griot, hugo, work, trash):
    say(f"== N={n}: generating the corpus")
    corpus = work / f"n{n}"
    subprocess.run([sys.executable, BENCH / "make-corpus.py", str(n), corpus], check=True, stdout=subprocess.DEVNULL)
    gsite, hsite = corpus / "griot", corpus / "hugo"
    griot_build = [griot, "build", "--site", gsite]
    hugo_build = [hugo, "--quiet", "--source", hsite]
    all_bodies = corpus / "bodies.md"
    all_bodies.write_text(bodies(gsite / "content"))

    say(f"== N={n}: checking both build")
    timed(griot_build)
    timed(hugo_build)
    pages = sorted((gsite / "content" / "countries").glob("*.md"))

    cold = {"griot": [], "hugo": []}
    first = {"griot": [], "hugo": []}
    warm = {"griot": [], "hugo": []}
    floor = []
    for run in range(runs):
        say(f"== N={n}: run {run + 1} of {runs}")
        set_aside(trash, gsite / "public", gsite / ".public.griot", hsite / "public", hsite / "resources")
        settle()
        cold["griot"].append(timed(griot_build))
        cold["hugo"].append(timed(hugo_build))

        page = pages[(run * 7919) % len(pages)]
        touch_body(page, run)
        touch_body(hsite / "content" / "countries" / page.name, run)
        first["griot"].append(timed(griot_build))
        first["hugo"].append(timed(hugo_build))

        page = pages[(run * 7919 + 3571) % len(pages)]
        touch_body(page, run)
        touch_body(hsite / "content" / "countries" / page.name, run)
        warm["griot"].append(timed(griot_build))
        warm["hugo"].append(timed(hugo_build))

        with open(all_bodies) as stream:
            start = time.perf_counter()
            subprocess.run(["cmark"], stdin=stream, stdout=subprocess.DEVNULL, check=True)
            markdown = time.perf_counter() - start
        copy = corpus / "copy"
        copying = wall(["cp", "-r", gsite / "public", copy])
        set_aside(trash, copy)
        floor.append(markdown + copying)
        say(f"   cold griot {cold['griot'][-1][0]:.2f} s, hugo {cold['hugo'][-1][0]:.2f} s; "
            f"first rebuild griot {first['griot'][-1][0]:.2f} s, hugo {first['hugo'][-1][0]:.2f} s; "
            f"warm griot {warm['griot'][-1][0]:.2f} s, hugo {warm['hugo'][-1][0]:.2f} s; floor {floor[-1]:.2f} s")

    if os.environ.get("KEEP") != "1":
        set_aside(trash, corpus)

    def median(samples, index):
        return statistics.median(sample[index] for sample in samples)

    return {
        "n": n, "runs": runs, "floor": statistics.median(floor),
        "cold": {tool: (median(cold[tool], 0), max(s[1] for s in cold[tool])) for tool in cold},
        "first rebuild": {tool: (median(first[tool], 0), max(s[1] for s in first[tool])) for tool in first},
        "warm": {tool: (median(warm[tool], 0), max(s[1] for s in warm[tool])) for tool in warm},
    }


def svg(results, path):
    """Cold build time against N, log-log, for Griot, Hugo and the floor."""
    width, height, left, right, top, bottom = 640, 400, 70, 150, 30, 50
    import math
    ns = [r["n"] for r in results]
    series = [
        ("Griot", "#1b6ac9", [r["cold"]["griot"][0] for r in results]),
        ("Hugo", "#d1495b", [r["cold"]["hugo"][0] for r in results]),
        ("floor", "#6b6b6b", [r["floor"] for r in results]),
    ]
    values = [v for _, _, vs in series for v in vs]
    lo_t, hi_t = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    lo_n, hi_n = math.log10(min(ns)), math.log10(max(ns))
    if hi_n == lo_n:
        lo_n, hi_n = lo_n - 0.5, hi_n + 0.5
    if hi_t == lo_t:
        hi_t += 1

    def x(n):
        return left + (math.log10(n) - lo_n) / (hi_n - lo_n) * (width - left - right)

    def y(t):
        return top + (hi_t - math.log10(t)) / (hi_t - lo_t) * (height - top - bottom)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
             '<title>Cold build time against the number of pages, Griot and Hugo (log-log)</title>',
             f'<rect width="{width}" height="{height}" fill="white"/>']
    for exponent in range(lo_t, hi_t + 1):
        t = 10 ** exponent
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 8}" y="{y(t) + 4:.1f}" text-anchor="end">{t:g} s</text>')
    for n in ns:
        parts.append(f'<line x1="{x(n):.1f}" x2="{x(n):.1f}" y1="{top}" y2="{height - bottom}" stroke="#eee"/>')
        parts.append(f'<text x="{x(n):.1f}" y="{height - bottom + 18}" text-anchor="middle">{n:,}</text>')
    parts.append(f'<text x="{(left + width - right) / 2:.0f}" y="{height - 10}" text-anchor="middle">pages</text>')
    for index, (name, colour, vs) in enumerate(series):
        points = " ".join(f"{x(n):.1f},{y(v):.1f}" for n, v in zip(ns, vs))
        dash = ' stroke-dasharray="5 4"' if name == "floor" else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        for n, v in zip(ns, vs):
            parts.append(f'<circle cx="{x(n):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}"/>')
        legend_y = top + 20 + index * 22
        parts.append(f'<line x1="{width - right + 15}" x2="{width - right + 40}" y1="{legend_y}" y2="{legend_y}" '
                     f'stroke="{colour}" stroke-width="2"{dash}/>')
        parts.append(f'<text x="{width - right + 46}" y="{legend_y + 4}">{name}</text>')
    parts.append("</svg>")
    path.write_text("\n".join(parts) + "\n")


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000, 100000]
    griot = Path(os.environ.get("GRIOT", ROOT / ".build" / "release" / "griot")).resolve()
    hugo = os.environ.get("HUGO") or shutil.which("hugo")
    if not griot.is_file():
        die(f"no griot binary at {griot}; run swift build -c release --product griot, or set GRIOT")
    if not hugo:
        die("hugo not found; apt-get install -y hugo, or set HUGO")
    for tool in ["cmark", "/usr/bin/time"]:
        if not shutil.which(tool):
            die(f"{tool} not found; apt-get install -y cmark time")
    hugo_version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
    out = Path(os.environ.get("OUT", ROOT / "BENCHMARKS.md"))
    plot = BENCH / "results.svg"

    work = Path(tempfile.mkdtemp(prefix="griot-bench."))
    results = []
    try:
        for n in sizes:
            runs = int(os.environ.get("RUNS", 5 if n < 100000 else 3))
            results.append(measure(n, runs, griot, hugo, work, work / "trash"))
        # Written before the work folder goes: deleting tens of gigabytes takes minutes.
        report(results, sizes, griot, hugo_version, out, plot)
    finally:
        if os.environ.get("KEEP") == "1":
            say(f"kept {work}")
        else:
            say(f"removing {work}")
            shutil.rmtree(work, ignore_errors=True)


def report(results, sizes, griot, hugo_version, out, plot):
    """Writes the table and the plot of `results`, and prints the table."""
    rows = []
    for r in results:
        n = r["n"]
        for mode in ["cold", "first rebuild", "warm"]:
            g, gm = r[mode]["griot"]
            h, hm = r[mode]["hugo"]
            floor = f"{r['floor']:.2f}" if mode == "cold" else ""
            versus_floor = f"{g / r['floor']:.2f}" if mode == "cold" else ""
            rows.append(f"| {n:,} | {mode} | {r['runs']} | {g:.3f} | {h:.3f} | **{g / h:.2f}** | {1000 * g / n:.3f} | "
                        f"{gm:.0f} | {hm:.0f} | {gm / hm:.2f} | {floor} | {versus_floor} |")
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
    command = "bench/bench.py " + " ".join(map(str, sizes))
    text = f"""# Benchmarks: Griot against Hugo

One run of `{command}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.

- machine: {os.cpu_count()} cores ({cpu}), {int(memory) // 1024} MB RAM, {platform.system()} {platform.release()}
- griot: `{griot}` (a release build: `swift build -c release --product griot`)
- hugo: {hugo_version} (Debian's `hugo`), `hugo --quiet --source SITE`, writing to disk
- corpus: `bench/make-corpus.py N` (seed 42; 85 % countries, 15 % topics; the same pages, links
  and layouts for both: timeline, relations index, `.md` links resolved by a render hook)
- cold: fresh output folder, both generators' old outputs moved aside (renamed, not deleted: nothing
  is deleted until the whole run is over) at the start of the run, then `sync` and a wait of
  {os.environ.get("SETTLE", 5)} s (ext4 without a journal rescans inodes deleted in the last minutes on every allocation, so
  a build right after a large deletion pays for it); first rebuild: into the cold build's output after one page's body
  changed (Griot makes every folder of a new tree, having none beside the output yet); warm: the
  next rebuild after another body changed (the steady state: Griot links unchanged files into the
  tree before last)
- floor: `cmark` over every body in one stream, plus `cp -r` of the built site into a fresh folder
- times are medians of the runs, alternating Griot and Hugo; memory is the largest peak RSS seen

| N | build | runs | Griot (s) | Hugo (s) | Griot/Hugo | Griot ms/page | Griot peak MB | Hugo peak MB | memory ratio | floor (s) | Griot/floor |
| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
""" + "\n".join(rows) + f"""

![Cold build time against N](bench/results.svg)

Reproduce: `swift build -c release --product griot && bench/bench.py` (needs `hugo`, `cmark`
and `time`: `apt-get install -y hugo cmark time`). `bench/bench.py 1000 10000` runs a subset.
"""
    out.write_text(keep_preview(text, out))
    svg(results, plot)
    print(text)


if __name__ == "__main__":
    main()
