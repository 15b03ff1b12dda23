#!/usr/bin/env python3
"""Benchmark of the preview server, `griot serve`: edit latency, idle cost, and load beside nginx.

    bench/preview.py [--griot PATH] [--pages N] [--corpus DIR] [--edits 40] [--seconds 10]
                     [--out bench/results-preview.md]

The site is DIR (a folder holding content/ and templates/) or, without --corpus, an N-page site
written by bench/make-corpus.py into a temporary folder. `griot serve --timings` runs on it on a
free loopback port; everything below talks to it with `Host: 127.0.0.1:PORT`.

1. Body edit latency: a paragraph with a unique marker is appended to one country page (the whole
   text written again, as an editor saves), and the page is polled every ~2 ms over one kept-alive
   connection until it carries the marker. Latency is save to served. The server's log gives the
   rebuild's own time and its stages. Targets: p95 <= 150 ms save to served; rebuild <= 50 ms.
2. Title edit latency: the page's `title:` line is changed and the home page, which lists every
   country, is polled until it shows the new title. Target: p95 <= 500 ms.
3. Idle: with no client connected, the server's CPU time and the context switches of all its
   threads over --seconds. Target: no wake-ups at all.
4. Load beside nginx: nginx serves the very folder the preview wrote (DIR/.griot/preview); wrk
   (2 threads, 64 connections) loads a country page and a missing path (404) on both.
   Targets: griot >= 0.5x nginx's throughput, p99 <= 2x nginx's, no socket errors.
5. Under churn: wrk loads the page on griot while Python threads open and close 1,000 live-reload
   streams (/__griot/events) and hold 400 slow clients that never finish their request. Reports
   wrk's figures, the churn completed, the slow clients still open, and that the server answers
   afterwards.

Every edited file of the corpus is written back byte for byte at the end, whatever happens.
Needs python3, wrk and nginx (apt-get install -y wrk nginx). Environment: GRIOT, as --griot.
"""

import argparse
import grp
import http.client
import math
import os
import platform
import pwd
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks_md import embed_preview

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
HOST = "127.0.0.1"
SETTLE = 0.3          # seconds between edits
POLL = 0.002          # seconds between polls of the edited page
EDIT_TIMEOUT = 10.0   # seconds an edit may take to show before it counts as lost
CHURN_CYCLES = 1000
SLOW_CLIENTS = 400


def die(message):
    sys.exit(f"preview.py: {message}")


def say(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def percentile(values, p):
    """Nearest-rank percentile: the smallest value with at least p % of the values at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else float("nan")


def median(values):
    return statistics.median(values) if values else float("nan")


def ms(value):
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.1f}"


def verdict(ok):
    return "yes" if ok else "**no**"


# The preview server -------------------------------------------------------------------------

REBUILT = re.compile(r"→ (\d+) pages? in (\d+) ms")
FAILED = re.compile(r"→ build failed in (\d+) ms")
INITIAL = re.compile(r"Built (\d+) pages in (\d+) ms")
STAGE = re.compile(r"(\w+) ([\d.]+) ms")


class Preview:
    """`griot serve --timings` on a free port, its output collected line by line by a thread."""

    def __init__(self, griot, site):
        self.port = free_port()
        self.site = site
        self.lines = []
        self.changed = threading.Condition()
        self.process = subprocess.Popen(
            [str(griot), "serve", "--site", str(site), "--port", str(self.port), "--strict-port", "--timings"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_ready(self, timeout=600):
        deadline = time.monotonic() + timeout
        with self.changed:
            while not any(line.startswith("Serving http://") for line in self.lines):
                if self.process.poll() is not None:
                    die("griot serve stopped before serving:\n" + "\n".join(self.lines[-30:]))
                if not self.changed.wait(max(0.0, deadline - time.monotonic())):
                    die("griot serve did not start serving in time:\n" + "\n".join(self.lines[-30:]))

    def mark(self):
        """The position in the log; rebuilds(since=mark) looks at what came after it."""
        with self.changed:
            return len(self.lines)

    def rebuilds(self, since=0):
        """The rebuilds logged after `since`: dicts with pages, ms, failed and stages."""
        with self.changed:
            lines = self.lines[since:]
        found = []
        for line in lines:
            if match := REBUILT.search(line):
                found.append({"pages": int(match[1]), "ms": int(match[2]), "failed": False, "stages": {}})
            elif match := FAILED.search(line):
                found.append({"pages": 0, "ms": int(match[1]), "failed": True, "stages": {}})
            elif line.startswith("  ") and found and not found[-1]["stages"] and STAGE.search(line):
                found[-1]["stages"] = {name: float(value) for name, value in STAGE.findall(line)}
        return found

    def wait_rebuilds(self, since, count, timeout=EDIT_TIMEOUT):
        """Waits until count rebuilds are logged after since (a rebuild's page is served a little
        before its log line is written)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while len(self.rebuilds(since)) < count and time.monotonic() < deadline:
                self.changed.wait(max(0.0, deadline - time.monotonic()))

    def initial_build(self):
        with self.changed:
            for line in self.lines:
                if match := INITIAL.search(line):
                    return int(match[1]), int(match[2])
        return None, None

    def get(self, path, timeout=10):
        """One request on a fresh connection: (status, body)."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            connection.request("GET", path, headers={"Host": f"{HOST}:{self.port}"})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# 1 and 2: edit latency ----------------------------------------------------------------------

class Poller:
    """GETs one path over a kept-alive connection, reconnecting when the server closes it."""

    def __init__(self, port):
        self.port = port
        self.connection = None

    def body(self, path):
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
            try:
                self.connection.request("GET", path, headers={"Host": f"{HOST}:{self.port}"})
                return self.connection.getresponse().read()
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        return b""

    def close(self):
        if self.connection is not None:
            self.connection.close()


def wait_until_served(poller, path, marker, start, timeout=EDIT_TIMEOUT):
    """Polls path until its body holds marker; returns seconds since start, or None on timeout."""
    needle = marker.encode()
    while time.monotonic() - start < timeout:
        if needle in poller.body(path):
            return time.monotonic() - start
        time.sleep(POLL)
    return None


def save(path, data):
    """Writes the whole file again, as an editor's save does."""
    with open(path, "wb") as handle:
        handle.write(data)


def with_paragraph(original, marker):
    return original.rstrip(b"\n") + f"\n\nA paragraph added by the benchmark, {marker}.\n".encode()


def with_title(original, marker):
    lines = original.split(b"\n")
    for index, line in enumerate(lines[1:], start=1):
        if line == b"---":
            break
        if line.startswith(b"title:"):
            lines[index] = f'title: "Title {marker}"'.encode()
            return b"\n".join(lines)
    die("the page has no title: line in its front matter")


def edit_latency(preview, page, original, count, change, marker_word, url):
    """count edits of page made by change(original, marker); url is polled for the marker."""
    poller = Poller(preview.port)
    since = preview.mark()
    latencies, lost = [], 0
    try:
        for i in range(1, count + 1):
            marker = f"{marker_word}{i:04d}"
            data = change(original, marker)
            start = time.monotonic()
            save(page, data)
            seconds = wait_until_served(poller, url, marker, start)
            if seconds is None:
                lost += 1
                say(f"   edit {i}: {marker} not served after {EDIT_TIMEOUT:.0f} s")
            else:
                latencies.append(seconds * 1000)
            time.sleep(SETTLE)
    finally:
        poller.close()
    preview.wait_rebuilds(since, count - lost)
    rebuilds = preview.rebuilds(since)
    return {"edits": count, "latencies": latencies, "lost": lost, "rebuilds": rebuilds}


def restore(preview, page, original, url, absent):
    """Writes the original back and waits until url no longer shows the marker `absent` and the
    rebuild is logged."""
    since = preview.mark()
    save(page, original)
    poller = Poller(preview.port)
    try:
        deadline = time.monotonic() + EDIT_TIMEOUT
        while absent.encode() in poller.body(url) and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        poller.close()
    preview.wait_rebuilds(since, 1)
    time.sleep(SETTLE)


def pick_page(preview):
    """A country page the preview serves: (file, URL), the middle one of the sorted folder."""
    pages = sorted((preview.site / "content" / "countries").glob("*.md"))
    if not pages:
        die(f"no content/countries/*.md in {preview.site}")
    middle = len(pages) // 2
    for page in pages[middle:] + pages[:middle]:
        url = f"/countries/{page.stem}/"
        if preview.get(url)[0] == 200:
            return page, url
    die("no country page is served at /countries/<slug>/")


def summarize_edits(result):
    latencies, rebuilds = result["latencies"], result["rebuilds"]
    work = [r["ms"] for r in rebuilds if not r["failed"]]
    stages = {}
    for r in rebuilds:
        for name, value in r["stages"].items():
            stages.setdefault(name, []).append(value)
    return {
        "edits": result["edits"], "served": len(latencies), "lost": result["lost"],
        "p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
        "max": max(latencies) if latencies else float("nan"),
        "rebuilds": len(rebuilds), "failed": sum(r["failed"] for r in rebuilds),
        "pages": median([r["pages"] for r in rebuilds if not r["failed"]]),
        "work_p50": percentile(work, 50), "work_p95": percentile(work, 95),
        "stages": {name: median(values) for name, values in stages.items()},
    }


# 3: idle ------------------------------------------------------------------------------------

def cpu_ticks(pid):
    """utime + stime of the whole process (all threads), in clock ticks."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def thread_switches(pid):
    """{thread id: (name, voluntary + involuntary context switches)} for every thread of pid."""
    threads = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            text = (task / "status").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        threads[task.name] = (fields["Name"].strip(), int(fields["voluntary_ctxt_switches"])
                              + int(fields["nonvoluntary_ctxt_switches"]))
    return threads


# An idle preview: the window starts once the last connection's timers are past. The server
# closes a connection silent for 10 s, and when a connection closes first, SwiftNIO leaves its
# timer armed until that deadline (it re-arms its timerfd only for an earlier one): one wake-up
# about 10 s after the last request, then none.
IDLE_SETTLE = 11


def idle_cost(pid, seconds):
    """CPU time and wake-ups of pid over seconds. A thread that started in the window counts all
    its switches; one that ended counts one (it woke at least to end): /proc forgets the rest."""
    time.sleep(IDLE_SETTLE)
    ticks0, before = cpu_ticks(pid), thread_switches(pid)
    time.sleep(seconds)
    ticks1, after = cpu_ticks(pid), thread_switches(pid)
    woken = {}
    for tid, (name, switches) in after.items():
        delta = switches - before.get(tid, (name, 0))[1]
        if delta:
            woken[name] = woken.get(name, 0) + delta
    ended = [name for tid, (name, _) in before.items() if tid not in after]
    for name in ended:
        woken[name] = woken.get(name, 0) + 1
    return {"seconds": seconds, "cpu_ms": (ticks1 - ticks0) * 1000 / os.sysconf("SC_CLK_TCK"),
            "wakeups": sum(woken.values()), "threads": (len(before), len(after)),
            "started": len(set(after) - set(before)), "ended": len(ended), "woken": woken}


# 4: nginx and wrk ---------------------------------------------------------------------------

def nginx_config(work, port, root):
    user = ""
    if os.geteuid() == 0:  # workers would otherwise run as nobody
        user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};\n"
    temp = "\n".join(f"    {name}_temp_path {work}/{name};"
                     for name in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    return f"""{user}daemon off;
master_process on;
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
    access_log off;
    include /etc/nginx/mime.types;
{temp}
    server {{
        listen {HOST}:{port};
        root {root};
        error_page 404 /404.html;
    }}
}}
"""


class Nginx:
    def __init__(self, nginx, root):
        self.work = Path(tempfile.mkdtemp(prefix="griot-preview-nginx."))
        self.port = free_port()
        config = self.work / "nginx.conf"
        config.write_text(nginx_config(self.work, self.port, root))
        self.process = subprocess.Popen([nginx, "-p", str(self.work), "-e", str(self.work / "error.log"),
                                         "-c", str(config)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.cleanup()
                die(f"nginx stopped: {self.process.stderr.read()}")
            try:
                socket.create_connection((HOST, self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        die("nginx did not start listening")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.cleanup()

    def cleanup(self):
        shutil.rmtree(self.work, ignore_errors=True)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def duration_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match[1]) * UNITS[match[2]] if match else float("nan")


def parse_wrk(output):
    result = {"rps": float("nan"), "p50": float("nan"), "p99": float("nan"), "requests": 0,
              "errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0}, "non2xx": 0, "mb_read": 0.0}
    for line in output.splitlines():
        words = line.split()
        if line.startswith("Requests/sec:"):
            result["rps"] = float(words[1])
        elif words[:1] == ["50%"]:
            result["p50"] = duration_ms(words[1])
        elif words[:1] == ["99%"]:
            result["p99"] = duration_ms(words[1])
        elif "requests in" in line:
            result["requests"] = int(words[0])
            size = re.fullmatch(r"([\d.]+)(B|KB|MB|GB)", words[-2])
            if size:
                result["mb_read"] = float(size[1]) * {"B": 1e-6, "KB": 1e-3, "MB": 1, "GB": 1e3}[size[2]]
        elif line.strip().startswith("Socket errors:"):
            result["errors"] = {name: int(value) for name, value in re.findall(r"(\w+) (\d+)", line)}
        elif line.strip().startswith("Non-2xx or 3xx responses:"):
            result["non2xx"] = int(words[-1])
    result["socket_errors"] = sum(result["errors"].values())
    return result


def wrk_command(port, path, seconds):
    return ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency", "-H", f"Host: {HOST}:{port}",
            f"http://{HOST}:{port}{path}"]


def run_wrk(port, path, seconds):
    output = subprocess.run(wrk_command(port, path, seconds), capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def describe_errors(result, expect_non2xx=False):
    parts = [f"{name} {value}" for name, value in result["errors"].items() if value]
    if result["non2xx"] and not expect_non2xx:
        parts.append(f"non-2xx {result['non2xx']}")
    return ", ".join(parts) or "none"


def load_beside_nginx(preview, nginx, page_url, seconds):
    results = {}
    for label, path in [("page", page_url), ("404", "/no/such/page/")]:
        for server, port in [("griot", preview.port), ("nginx", nginx.port)]:
            say(f"== load: {server} {path}, {seconds} s")
            results[(label, server)] = run_wrk(port, path, seconds)
            results[(label, server)]["path"] = path
            time.sleep(1)
    return results


# 5: churn -----------------------------------------------------------------------------------

def live_reload_cycle(port):
    """Opens the live-reload stream, reads up to its first `: connected` comment, closes."""
    with socket.create_connection((HOST, port), timeout=5) as stream:
        stream.sendall(f"GET /__griot/events HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n".encode())
        received = b""
        while b": connected" not in received:
            chunk = stream.recv(4096)
            if not chunk:
                raise ConnectionError("closed before ': connected'")
            received += chunk


def churn(port, cycles, threads, outcome):
    """cycles live-reload connect/close cycles spread over threads; fills outcome."""
    counter = iter(range(cycles))
    lock = threading.Lock()
    outcome.update(done=0, failed=0, errors=[])

    def worker():
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            try:
                live_reload_cycle(port)
                with lock:
                    outcome["done"] += 1
            except OSError as error:
                with lock:
                    outcome["failed"] += 1
                    if len(outcome["errors"]) < 5:
                        outcome["errors"].append(repr(error))

    start = time.monotonic()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    outcome["seconds"] = time.monotonic() - start


def open_slow_clients(port, count):
    """Sockets that send a request line and a header but never the blank line that ends them."""
    sockets, failed = [], 0
    partial = f"GET / HTTP/1.1\r\nHost: {HOST}:{port}\r\n".encode()
    for _ in range(count):
        try:
            client = socket.create_connection((HOST, port), timeout=5)
            client.sendall(partial)
            sockets.append(client)
        except OSError:
            failed += 1
    return sockets, failed


def slow_client_states(sockets):
    """How many are still open (nothing to read), closed by the server, or answered."""
    states = {"open": 0, "closed": 0, "answered": 0}
    for client in sockets:
        try:
            client.setblocking(False)
            data = client.recv(1, socket.MSG_PEEK)
            states["answered" if data else "closed"] += 1
        except BlockingIOError:
            states["open"] += 1
        except OSError:
            states["closed"] += 1
    return states


def raise_file_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def under_churn(preview, page_url, seconds):
    raise_file_limit(SLOW_CLIENTS + 256)
    say(f"== churn: wrk on {page_url} for {seconds} s, {CHURN_CYCLES} live-reload cycles, "
        f"{SLOW_CLIENTS} slow clients")
    load = subprocess.Popen(wrk_command(preview.port, page_url, seconds),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    slow, slow_failed = open_slow_clients(preview.port, SLOW_CLIENTS)
    outcome = {}
    churner = threading.Thread(target=churn, args=(preview.port, CHURN_CYCLES, 4, outcome))
    churner.start()
    output, _ = load.communicate()
    churner.join()
    states = slow_client_states(slow)
    for client in slow:
        client.close()
    try:
        status = preview.get(page_url)[0]
    except (OSError, http.client.HTTPException) as error:
        status = repr(error)
    return {"wrk": parse_wrk(output), "churn": outcome, "slow_failed": slow_failed,
            "slow": states, "after": status}


# Report -------------------------------------------------------------------------------------

def corpus_name(args, site):
    return f"`{site}`" if args.corpus else f"`bench/make-corpus.py {args.pages}` (a temporary copy)"


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
    return f"{os.cpu_count()} cores (nproc; {cpu}), {int(memory) // 1024} MB RAM, {platform.system()} {platform.release()}"


def edit_rows(body, title):
    rows = []
    for name, s, target, url in [("body", body, 150, "the page"), ("title", title, 500, "/")]:
        rows.append(f"| {name} | {url} | {s['served']}/{s['edits']} | {ms(s['p50'])} | {ms(s['p95'])} | {ms(s['max'])} "
                    f"| {s['rebuilds']} ({s['failed']} failed) | {ms(s['pages'])} | {ms(s['work_p50'])} | "
                    f"{ms(s['work_p95'])} | ≤ {target} | {verdict(s['p95'] <= target and not s['lost'])} |")
    return rows


def stage_rows(body, title):
    names = list(dict.fromkeys([*body["stages"], *title["stages"]]))
    header = "| edit | " + " | ".join(names) + " |"
    rule = "| --- |" + " ---: |" * len(names)
    rows = [f"| {label} | " + " | ".join(ms(s["stages"].get(n)) for n in names) + " |"
            for label, s in [("body", body), ("title", title)]]
    return [header, rule, *rows]


def load_rows(results):
    rows = []
    for label in ["page", "404"]:
        g, n = results[(label, "griot")], results[(label, "nginx")]
        throughput, tail = g["rps"] / n["rps"], g["p99"] / n["p99"]
        met = throughput >= 0.5 and tail <= 2 and not g["socket_errors"] and (label == "404" or not g["non2xx"])
        for server, r in [("griot", g), ("nginx", n)]:
            per = r["mb_read"] * 1e6 / r["requests"] if r["requests"] else 0
            ratio = f"{throughput:.2f} | {tail:.2f} | {verdict(met)}" if server == "griot" else "| |"
            rows.append(f"| {label} `{r['path']}` | {server} | {r['rps']:,.0f} | {ms(r['p50'])} | {ms(r['p99'])} | "
                        f"{describe_errors(r, label == '404')} | {r['non2xx']:,} | {per:,.0f} | {ratio} |")
    return rows


def report(args, command, site, pages, initial, page_url, body, title, idle, load, churned):
    r, c = churned["wrk"], churned["churn"]
    idle_ok = idle["wakeups"] == 0
    return f"""# Preview server benchmark

One run of `{command}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.

- machine: {machine()}
- griot: `{args.griot}`; corpus: {corpus_name(args, site)}, {pages:,} pages (initial build {initial} ms); edited page `{page_url}`
- server: `griot serve --site SITE --port P --strict-port --timings`; every request sends `Host: 127.0.0.1:P`
- wrk: `wrk -t2 -c64 -d{args.seconds}s --latency`; nginx {nginx_version()} (worker_processes auto) serving `SITE/.griot/preview`

## Edit to served

Save to the first response that shows the change, polled every ~2 ms over one kept-alive
connection; rebuild = the server's own "→ N pages in M ms"; percentiles are nearest-rank.

| edit | polled | served | p50 (ms) | p95 (ms) | max (ms) | rebuilds | pages rendered (median) | rebuild p50 (ms) | rebuild p95 (ms) | target p95 (ms) | met |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
""" + "\n".join(edit_rows(body, title)) + f"""

Rebuild target ≤ 50 ms (body edit): {verdict(body['work_p95'] <= 50)}. Median time per stage (ms):

""" + "\n".join(stage_rows(body, title)) + f"""

## Idle

No client connected, {IDLE_SETTLE} s after the last edit settled (past the server's 10 s connection
timeout, whose timer SwiftNIO leaves armed until its deadline when the client closed first).

| window (s) | CPU (ms) | wake-ups (context switches, all threads) | threads (started, ended) | woken threads | target | met |
| ---: | ---: | ---: | --- | --- | --- | --- |
| {idle['seconds']} | {idle['cpu_ms']:.0f} | {idle['wakeups']} | {idle['threads'][0]} → {idle['threads'][1]} ({idle['started']}, {idle['ended']}) | {woken(idle) or 'none'} | no wake-ups | {verdict(idle_ok)} |

A thread that ended in the window counts one wake-up (/proc forgets its switches).

## Load beside nginx

Same folder, same run, one after the other. Targets: griot ≥ 0.5× nginx's requests/s, p99 ≤ 2×
nginx's, no socket errors (non-2xx responses expected for the 404 path only).

| path | server | requests/s | p50 (ms) | p99 (ms) | errors | non-2xx | bytes/response | griot/nginx req/s | griot/nginx p99 | met |
| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |
""" + "\n".join(load_rows(load)) + f"""

## Under churn

wrk on `{page_url}` (griot) while {CHURN_CYCLES:,} live-reload connect/read/close cycles run in 4
threads and {SLOW_CLIENTS} slow clients hold a request without its final blank line for the whole
run (the server closes connections silent for 10 s, so some may be gone by the end).

| requests/s | p50 (ms) | p99 (ms) | wrk errors | live-reload cycles | slow clients (open / closed / answered / failed to connect) | fresh GET after |
| ---: | ---: | ---: | --- | --- | --- | --- |
| {r['rps']:,.0f} | {ms(r['p50'])} | {ms(r['p99'])} | {describe_errors(r)} | {c['done']:,} done, {c['failed']} failed in {c['seconds']:.1f} s | {churned['slow']['open']} / {churned['slow']['closed']} / {churned['slow']['answered']} / {churned['slow_failed']} | {churned['after']} |
""" + (f"\nLive-reload failures (first few): {'; '.join(c['errors'])}\n" if c["errors"] else "") + f"""
Reproduce: `{command}` (needs `wrk` and `nginx`: `apt-get install -y wrk nginx`; a release build:
`swift build -c release --product griot`).
"""


def woken(idle):
    """The threads that woke in the idle window, by name: "NIO-ELT-0-#0 ×3, ..."."""
    return ", ".join(f"{name} ×{count}" for name, count in sorted(idle["woken"].items(), key=lambda kv: -kv[1]))


def nginx_version():
    result = subprocess.run([NGINX, "-v"], capture_output=True, text=True)
    return (result.stderr or result.stdout).strip().split("/")[-1]


def summary(body, title, idle, load, churned):
    g, n = load[("page", "griot")], load[("page", "nginx")]
    g4, n4 = load[("404", "griot")], load[("404", "nginx")]
    r, c = churned["wrk"], churned["churn"]
    return "\n".join([
        "== summary",
        f"body edit:  served {body['served']}/{body['edits']}, p50 {ms(body['p50'])} ms, p95 {ms(body['p95'])} ms, "
        f"max {ms(body['max'])} ms (target p95 ≤ 150); rebuild p50 {ms(body['work_p50'])} ms, "
        f"p95 {ms(body['work_p95'])} ms (target ≤ 50); {body['rebuilds']} rebuilds, {body['failed']} failed",
        f"title edit: served {title['served']}/{title['edits']}, p50 {ms(title['p50'])} ms, p95 {ms(title['p95'])} ms, "
        f"max {ms(title['max'])} ms (target p95 ≤ 500); rebuild p50 {ms(title['work_p50'])} ms, "
        f"{title['rebuilds']} rebuilds, {title['failed']} failed",
        "stages (body, median ms): " + ", ".join(f"{k} {ms(v)}" for k, v in body["stages"].items()),
        f"idle {idle['seconds']} s: CPU {idle['cpu_ms']:.0f} ms, {idle['wakeups']} wake-ups (target 0); threads "
        f"{idle['threads'][0]} → {idle['threads'][1]}, {idle['started']} started, {idle['ended']} ended; "
        f"woken: {woken(idle) or 'none'}",
        f"page: griot {g['rps']:,.0f} req/s p99 {ms(g['p99'])} ms [{describe_errors(g)}] | nginx {n['rps']:,.0f} req/s "
        f"p99 {ms(n['p99'])} ms [{describe_errors(n)}] | ratio {g['rps'] / n['rps']:.2f}× req/s, {g['p99'] / n['p99']:.2f}× p99",
        f"404:  griot {g4['rps']:,.0f} req/s p99 {ms(g4['p99'])} ms [{describe_errors(g4, True)}] | nginx {n4['rps']:,.0f} "
        f"req/s p99 {ms(n4['p99'])} ms [{describe_errors(n4, True)}] | ratio {g4['rps'] / n4['rps']:.2f}× req/s, "
        f"{g4['p99'] / n4['p99']:.2f}× p99",
        f"churn: griot {r['rps']:,.0f} req/s p99 {ms(r['p99'])} ms [{describe_errors(r)}]; live-reload "
        f"{c['done']} done, {c['failed']} failed in {c['seconds']:.1f} s; slow clients open {churned['slow']['open']}, "
        f"closed {churned['slow']['closed']}, answered {churned['slow']['answered']}; fresh GET after: {churned['after']}",
    ])


# Main ---------------------------------------------------------------------------------------

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--griot", type=Path,
                        default=Path(os.environ.get("GRIOT", ROOT / ".build" / "release" / "griot")))
    parser.add_argument("--pages", type=int, default=10000, help="corpus size when --corpus is not given")
    parser.add_argument("--corpus", type=Path, help="a site folder holding content/ and templates/")
    parser.add_argument("--edits", type=int, default=40, help="body edits (title edits: half as many)")
    parser.add_argument("--seconds", type=int, default=10, help="idle window and each wrk run")
    parser.add_argument("--out", type=Path, default=BENCH / "results-preview.md")
    parser.add_argument("--benchmarks", type=Path, default=ROOT / "BENCHMARKS.md",
                        help="the file whose preview section gets the same results")
    args = parser.parse_args()
    args.griot = args.griot.absolute()
    if not args.griot.is_file():
        die(f"no griot binary at {args.griot}; run swift build -c release --product griot, or set GRIOT")
    for tool in ["wrk", NGINX]:
        if not shutil.which(tool):
            die(f"{tool} not found; apt-get install -y wrk nginx")
    if args.corpus and not (args.corpus / "content").is_dir():
        die(f"{args.corpus} has no content/ folder")
    return args


def reproduce(args):
    parts = ["python3 bench/preview.py"]
    parts.append(f"--corpus {args.corpus}" if args.corpus else f"--pages {args.pages}")
    parts += [f"--edits {args.edits}", f"--seconds {args.seconds}"]
    return " ".join(parts)


def corpus_site(args, work):
    if args.corpus:
        return args.corpus.resolve()
    say(f"== generating a {args.pages}-page corpus")
    subprocess.run([sys.executable, BENCH / "make-corpus.py", str(args.pages), work / "corpus"],
                   check=True, stdout=subprocess.DEVNULL)
    return work / "corpus" / "griot"


def main():
    args = arguments()
    say(f"machine: {machine()}")
    work = Path(tempfile.mkdtemp(prefix="griot-preview."))
    preview = nginx = page = original = None
    try:
        site = corpus_site(args, work)
        say(f"== starting griot serve on {site}")
        preview = Preview(args.griot, site)
        preview.wait_ready()
        pages, initial = preview.initial_build()
        say(f"   serving on port {preview.port}: {pages} pages built in {initial} ms")
        page, url = pick_page(preview)
        original = page.read_bytes()

        say(f"== body edits: {args.edits} on {page.relative_to(site)}, polling {url}")
        body = summarize_edits(edit_latency(preview, page, original, args.edits, with_paragraph, "zqmarker", url))
        restore(preview, page, original, url, f"zqmarker{args.edits:04d}")
        titles = max(1, args.edits // 2)
        say(f"== title edits: {titles}, polling /")
        title = summarize_edits(edit_latency(preview, page, original, titles, with_title, "zqtitle", "/"))
        restore(preview, page, original, "/", f"zqtitle{titles:04d}")
        original = None  # restored and served

        say(f"== idle: {args.seconds} s")
        idle = idle_cost(preview.process.pid, args.seconds)

        nginx = Nginx(NGINX, site / ".griot" / "preview")
        load = load_beside_nginx(preview, nginx, url, args.seconds)
        nginx.stop()
        nginx = None
        churned = under_churn(preview, url, args.seconds)
    finally:
        if page is not None and original is not None:
            save(page, original)
        if nginx is not None:
            nginx.stop()
        if preview is not None:
            preview.stop()
        shutil.rmtree(work, ignore_errors=True)

    command = reproduce(args)
    text = report(args, command, site, pages, initial, url, body, title, idle, load, churned)
    args.out.write_text(text)
    embed_preview(args.benchmarks, text)
    print(summary(body, title, idle, load, churned))
    print(f"written to {args.out} and the preview section of {args.benchmarks}")


if __name__ == "__main__":
    main()
