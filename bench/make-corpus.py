#!/usr/bin/env python3
"""Generate a synthetic site for the build benchmark, in two equivalent forms.

    bench/make-corpus.py N OUTDIR

writes

    OUTDIR/griot/   a Griot site: content/ (site.yml, index.md, countries/, topics/) and a copy
                    of the repository's templates/
    OUTDIR/hugo/    the same pages as a Hugo site: hugo.toml, content/, small layouts/, static/

N is the number of country and topic pages (about 85 % countries, 15 % topics). Everything is
drawn from one `random.Random(42)`, so a given N always yields byte-identical files.

Both forms carry the same titles, summaries, front-matter fields and Markdown bodies. The only
difference is the form of the links in the bodies: Griot links files (`../topics/x.md#anchor`),
Hugo gets plain site URLs (`/topics/x/#anchor`). Every link points at a page that exists, and
every `#anchor` at a `##` heading of the target page, so `griot build` must report no errors.
The relation between countries and topics is declared on both sides (a country lists a topic
exactly when the topic lists the country), so Hugo can render it without a reverse lookup.
"""

import calendar
import os
import random
import re
import shutil
import sys
from pathlib import Path

SEED = 42
MARKER = ".griot-bench-corpus"
REPO = Path(__file__).resolve().parent.parent
TEMPLATES = Path(os.environ.get("GRIOT_TEMPLATES", REPO / "templates"))

SYLLABLES = [
    "ka", "lo", "mar", "ven", "tu", "ra", "shi", "bel", "do", "nia", "zan", "go", "fer", "mi", "sa",
    "qua", "ter", "bo", "lin", "ha", "vi", "os", "tan", "ru", "mel", "ne", "dar", "ki", "pel", "or",
]
PREFIXES = ["North", "South", "East", "West", "New", "Upper", "Lower", "Greater", "Saint"]
REGIONS = [
    "West Africa", "North Africa", "East Africa", "Central Africa", "Southern Africa", "Europe",
    "Middle East", "South Asia", "East Asia", "Southeast Asia", "Oceania", "North America",
    "South America", "Caribbean",
]
TOPIC_KINDS = [
    "Accord", "Treaty", "Crisis", "Summit", "Partnership", "Mission", "Trade Pact", "Conference",
    "Alliance", "Dispute", "Commission", "Initiative",
]
PUBLISHERS = [
    "Wikipedia", "U.S. Department of State", "Congressional Research Service",
    "Minority Rights Group International", "United Nations", "African Union", "World Bank",
    "International Crisis Group",
]
HEADINGS = [
    "Early contacts", "Diplomatic relations", "Trade and aid", "Security cooperation",
    "Relations since 2020", "Migration and diaspora", "Culture and education", "Regional context",
    "The colonial period", "Independence and after", "Sanctions", "Peacekeeping", "Energy and mining",
    "Development projects", "Treaties and agreements", "Border questions", "Public opinion",
    "Outlook", "Background", "Key figures", "Military ties", "Economic ties", "Humanitarian aid",
    "Elections and transition",
]
WORDS = (
    "the of and to in a relations government minister agreement border trade aid mission forces "
    "treaty embassy capital region council summit delegation sanctions election coup junta "
    "peace accord rebels north south economy gold cotton river desert president parliament "
    "cooperation security military training loan investment road railway port market refugees "
    "community language school university envoy visit talks negotiation ceasefire observers "
    "report history independence colony empire kingdom dynasty century decade period alliance "
    "partner neighbour donor programme project health water energy mining farmers herders "
    "drought famine migration diaspora consulate ambassador recognition membership bloc union "
    "organisation declaration resolution vote withdrawal deployment base troops police court "
    "justice rights press radio television network archive record source estimate figure "
    "between after before during while since under over across along against within without "
    "signed opened closed renewed suspended restored expanded reduced announced welcomed "
    "criticised condemned supported funded hosted visited recognised joined left formed"
).split()


def slugify(text):
    """The same rule as Griot's Slug.make for ASCII text: lowercase words joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def yaml_str(text):
    """A double-quoted YAML string (our texts never contain quotes or backslashes)."""
    assert '"' not in text and "\\" not in text
    return f'"{text}"'


class Generator:
    def __init__(self, n):
        self.rng = random.Random(SEED)
        self.n = n
        self.n_topics = max(1, round(n * 0.15))
        self.n_countries = max(1, n - self.n_topics)
        self.used_slugs = set()

    # ---- names -------------------------------------------------------------------------------

    def name(self, low=2, high=3):
        word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(low, high)))
        return word.capitalize()

    def unique(self, make):
        while True:
            title = make()
            slug = slugify(title)
            if slug and slug not in self.used_slugs:
                self.used_slugs.add(slug)
                return title, slug

    def country_title(self):
        title = self.name()
        if self.rng.random() < 0.2:
            title = f"{self.rng.choice(PREFIXES)} {title}"
        return title

    def topic_title(self):
        title = f"{self.name(2, 2)} {self.rng.choice(TOPIC_KINDS)}"
        if self.rng.random() < 0.4:
            title += f" ({self.rng.randint(1950, 2024)})"
        return title

    # ---- text --------------------------------------------------------------------------------

    def sentence(self, low=8, high=18, markup=True):
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]
        if markup and self.rng.random() < 0.15:
            i = self.rng.randrange(len(words))
            words[i] = f"*{words[i]}*"
        if markup and self.rng.random() < 0.1:
            i = self.rng.randrange(len(words))
            words[i] = f"**{words[i]}**"
        if self.rng.random() < 0.1:
            words.insert(self.rng.randrange(len(words)), f"{self.rng.randint(1900, 2024)}")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def phrase(self, low=3, high=8):
        text = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))
        return text[0].upper() + text[1:]

    # ---- dates -------------------------------------------------------------------------------

    def date(self, low, high, precision=None):
        """A partial date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' that exists in the calendar."""
        year = self.rng.randint(low, high)
        precision = precision or self.rng.choices(["year", "month", "day"], [3, 3, 4])[0]
        if precision == "year":
            return f"{year:04d}"
        month = self.rng.randint(1, 12)
        if precision == "month":
            return f"{year:04d}-{month:02d}"
        day = self.rng.randint(1, calendar.monthrange(year, month)[1])
        return f"{year:04d}-{month:02d}-{day:02d}"

    def event(self):
        event = {}
        if self.rng.random() < 0.15:
            # A period: a year, and a later year as its end; sometimes approximate.
            start = self.rng.randint(1200, 2015)
            event["date"] = f"{start:04d}"
            event["until"] = f"{self.rng.randint(start + 1, 2024):04d}"
            if self.rng.random() < 0.5:
                event["circa"] = True
        else:
            event["date"] = self.date(1800, 2024)
            if len(event["date"]) == 4 and self.rng.random() < 0.2:
                event["circa"] = True
        event["title"] = self.phrase(5, 14)
        return event

    def source(self, slug, index):
        source = {"title": self.phrase(2, 6)}
        if self.rng.random() < 0.8:
            source["publisher"] = self.rng.choice(PUBLISHERS)
        if self.rng.random() < 0.7:
            source["url"] = f"https://example.org/sources/{slug}-{index}"
        if self.rng.random() < 0.6:
            source["date"] = self.date(1990, 2024)
        return source

    # ---- pages -------------------------------------------------------------------------------

    def generate(self):
        rng = self.rng
        countries = []
        for _ in range(self.n_countries):
            title, slug = self.unique(self.country_title)
            countries.append({"kind": "countries", "slug": slug, "title": title, "related": []})
        topics = []
        for _ in range(self.n_topics):
            title, slug = self.unique(self.topic_title)
            topics.append({"kind": "topics", "slug": slug, "title": title, "related": []})

        # Countries <-> topics, declared on both sides.
        for country in countries:
            for topic in rng.sample(topics, min(len(topics), rng.randint(1, 3))):
                country["related"].append(topic["slug"])
                topic["related"].append(country["slug"])
        for topic in topics:
            if not topic["related"]:
                for country in rng.sample(countries, min(len(countries), rng.randint(1, 2))):
                    country["related"].append(topic["slug"])
                    topic["related"].append(country["slug"])

        pages = countries + topics
        for page in pages:
            page["summary"] = self.sentence(10, 24, markup=False)
            if page["kind"] == "countries":
                page["region"] = rng.choice(REGIONS)
                if rng.random() < 0.8:
                    page["iso"] = chr(65 + rng.randrange(26)) + chr(65 + rng.randrange(26))
                relations = {}
                if rng.random() < 0.8:
                    relations["established"] = self.date(1950, 2015)
                status = rng.choices(["active", "suspended", "severed"], [8, 1, 1])[0]
                relations["status"] = status
                if status == "severed":
                    start = int(relations.get("established", "1950")[:4]) + 1
                    relations["severed"] = self.date(start, 2024, "year" if rng.random() < 0.5 else "day")
                page["relations"] = relations
            page["events"] = [self.event() for _ in range(rng.randint(3, 8))]
            page["sources"] = [self.source(page["slug"], i + 1) for i in range(rng.randint(1, 3))]
            page["headings"] = rng.sample(HEADINGS, rng.randint(3, 4))

        for index, page in enumerate(pages):
            page["body"] = self.body(page, index, pages)
        return countries, topics

    def body(self, page, index, pages):
        """About six paragraphs under 3-4 `##` headings, with 3-6 links to other pages.

        Returns a list of blocks; a link is kept as a tuple so each output form can write it."""
        rng = self.rng
        headings = page["headings"]
        # Six paragraphs: one before the first heading, the rest spread over the headings.
        counts = [1] * len(headings)
        for _ in range(5 - len(headings)):
            counts[rng.randrange(len(counts))] += 1
        paragraphs = []  # (heading or None, [sentences...])
        paragraphs.append((None, self.paragraph()))
        for heading, count in zip(headings, counts):
            for i in range(count):
                paragraphs.append((heading if i == 0 else None, self.paragraph()))
        # Insert the links into random paragraphs, after a random sentence.
        # Every page but this one, without building that list for each page (quadratic at
        # 100,000 pages); random.sample picks the same positions from any population of this length.
        others = len(pages) - 1
        for position in rng.sample(range(others), min(others, rng.randint(3, 6))):
            target = pages[position if position < index else position + 1]
            anchor = rng.choice(target["headings"]) if rng.random() < 0.4 else None
            link = (target["title"] if rng.random() < 0.7 else self.phrase(1, 3).lower(), target, anchor)
            sentences = paragraphs[rng.randrange(len(paragraphs))][1]
            sentences.insert(rng.randint(0, len(sentences)), link)
        if rng.random() < 0.3:  # a link to a heading of this same page
            anchor = rng.choice(headings)
            paragraphs[0][1].append(("this page's section", None, anchor))
        return paragraphs

    def paragraph(self):
        return [self.sentence() for _ in range(self.rng.randint(3, 5))]


# ---- writing -------------------------------------------------------------------------------


def render_body(paragraphs, link):
    out = []
    for heading, sentences in paragraphs:
        if heading:
            out.append(f"## {heading}\n")
        parts = []
        for item in sentences:
            if isinstance(item, tuple):
                text, target, anchor = item
                parts.append(f"See [{text}]({link(target, anchor)}).")
            else:
                parts.append(item)
        # Wrap like hand-written Markdown: a few sentences per line.
        lines, line = [], ""
        for part in parts:
            if line and len(line) + len(part) > 100:
                lines.append(line)
                line = part
            else:
                line = f"{line} {part}" if line else part
        lines.append(line)
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def griot_link(page):
    def link(target, anchor):
        fragment = f"#{slugify(anchor)}" if anchor else ""
        if target is None:
            return fragment
        if target["kind"] == page["kind"]:
            return f"{target['slug']}.md{fragment}"
        return f"../{target['kind']}/{target['slug']}.md{fragment}"
    return link


def hugo_link(page):
    def link(target, anchor):
        fragment = f"#{slugify(anchor)}" if anchor else ""
        if target is None:
            return fragment
        return f"/{target['kind']}/{target['slug']}/{fragment}"
    return link


def front_matter(page):
    lines = ["---", f"title: {yaml_str(page['title'])}"]
    if page["kind"] == "countries":
        if "iso" in page:
            lines.append(f"iso: {page['iso']}")
        lines.append(f"region: {page['region']}")
    lines.append(f"summary: {yaml_str(page['summary'])}")
    if page["kind"] == "countries":
        lines.append("relations:")
        for key, value in page["relations"].items():
            lines.append(f"  {key}: {yaml_str(value) if key != 'status' else value}")
        lines.append(f"topics: [{', '.join(page['related'])}]")
    else:
        lines.append(f"countries: [{', '.join(page['related'])}]")
    lines.append("events:")
    for event in page["events"]:
        lines.append(f"  - date: {yaml_str(event['date'])}")
        if "until" in event:
            lines.append(f"    until: {yaml_str(event['until'])}")
        if event.get("circa"):
            lines.append("    circa: true")
        lines.append(f"    title: {yaml_str(event['title'])}")
    lines.append("sources:")
    for source in page["sources"]:
        lines.append(f"  - title: {yaml_str(source['title'])}")
        for key in ("publisher", "url", "date"):
            if key in source:
                lines.append(f"    {key}: {yaml_str(source[key])}")
    lines.append("---")
    return "\n".join(lines) + "\n"


SITE_TITLE = "Synthetic Relations"
SITE_DESCRIPTION = "A generated site for the Griot build benchmark; every name and event in it is invented."
HOME_SUMMARY = "A generated reference used to time static site generators on the same content."
HOME_BODY = """## About this site

Every page here is generated from one seeded random generator, so the same size gives the same
site. The countries and topics are invented, and so are their events and sources.

## How to read it

Each page has a summary, a short body with a few sections and links to other pages, a list of
dated events and its sources. The [timeline](/timeline/) puts every event in date order.
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def prepare(folder):
    """Empty `folder` if this script made it; refuse to touch anything else."""
    if folder.exists():
        if not (folder / MARKER).exists():
            sys.exit(f"make-corpus: {folder} exists and was not made by this script; not touching it")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("generated by bench/make-corpus.py\n")


def write_griot(root, countries, topics):
    prepare(root)
    shutil.copytree(TEMPLATES, root / "templates")
    write(root / "content/site.yml", "\n".join([
        f"title: {SITE_TITLE}",
        "subject: Nowhere",
        f"description: {SITE_DESCRIPTION}",
        "base_url: /",
        "language: en",
    ]) + "\n")
    # The home page's link to the timeline is not a content file, so Griot keeps it as written.
    write(root / "content/index.md",
          f"---\ntitle: {SITE_TITLE}\nsummary: {HOME_SUMMARY}\n---\n{HOME_BODY}")
    for page in countries + topics:
        write(root / f"content/{page['kind']}/{page['slug']}.md",
              front_matter(page) + render_body(page["body"], griot_link(page)))


HUGO_CONFIG = f"""baseURL = "/"
languageCode = "en"
title = "{SITE_TITLE}"
# Griot makes no taxonomies, feeds or robots.txt (and no sitemap for a relative base_url).
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]

[params]
subject = "Nowhere"
description = "{SITE_DESCRIPTION}"

[markup.goldmark.renderer]
unsafe = false

[markup.goldmark.extensions]
typographer = true

[markup.tableOfContents]
startLevel = 2
endLevel = 3
ordered = true
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<header class="site-header">
<a class="site-title" href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav aria-label="Site"><ul class="inline-list">
{{- $current := .RelPermalink }}
{{- range slice (slice "Home" "/") (slice "Countries" "/countries/") (slice "Topics" "/topics/") (slice "Timeline" "/timeline/") }}
<li><a href="{{ index . 1 | relURL }}"{{ if eq (index . 1) $current }} aria-current="page"{{ end }}>{{ index . 0 }}</a></li>
{{- end }}
</ul></nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Params.description }}</p></footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article>
<header class="page-header">
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
</header>
{{- if eq .Section "countries" }}
<dl class="facts">
{{- with .Params.region }}<dt>Region</dt><dd>{{ . }}</dd>{{ end }}
{{- with .Params.iso }}<dt>ISO code</dt><dd>{{ . }}</dd>{{ end }}
{{- with .Params.relations }}
{{- with .established }}<dt>Relations established</dt><dd>{{ partial "date.html" (dict "date" .) }}</dd>{{ end }}
<dt>Status</dt><dd>{{ .status | default "active" }}</dd>
{{- with .severed }}<dt>Relations severed</dt><dd>{{ partial "date.html" (dict "date" .) }}</dd>{{ end }}
{{- end }}
</dl>
{{- end }}
<nav class="toc" aria-labelledby="page-toc"><h2 id="page-toc">Contents</h2>
{{ .TableOfContents }}
</nav>
<div class="prose">
{{ .Content }}
</div>
{{- $other := cond (eq .Section "countries") "topics" "countries" }}
{{- with index .Params $other }}
<section class="related"><h2>{{ if eq $other "topics" }}Topics{{ else }}Countries involved{{ end }}</h2>
<ul class="inline-list">
{{- range . }}{{ with site.GetPage (printf "/%s/%s" $other .) }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="muted">{{ .Params.summary }}</span></li>
{{- end }}{{ end }}
</ul></section>
{{- end }}
{{- /* Sort on "d" + date: a bare "1833" or "2021-03-19" would be compared as a number or a time. */}}
{{- $events := slice }}
{{- range .Params.events }}{{ $events = $events | append (dict "key" (print "d" .date) "event" .) }}{{ end }}
<section class="events"><h2>Events</h2>
<ol class="entries">
{{- range sort $events "key" }}{{ with .event }}
<li>{{ partial "date.html" . }} {{ .title }}</li>
{{- end }}{{ end }}
</ol></section>
<section class="sources"><h2>Sources</h2>
<ul>
{{- range .Params.sources }}
<li>{{ if .url }}<a href="{{ .url }}">{{ .title }}</a>{{ else }}{{ .title }}{{ end }}{{ with .publisher }}, {{ . }}{{ end }}{{ with .date }}, {{ partial "date.html" (dict "date" .) }}{{ end }}</li>
{{- end }}
</ul></section>
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<header class="page-header"><h1>{{ .Title }}</h1></header>
<ul class="card-list">
{{- range .Pages.ByTitle }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="muted">{{ .Params.summary }}</span></li>
{{- end }}
</ul>
{{ end }}
""",
    "index.html": """{{ define "main" }}
{{- $events := partialCached "all-events.html" . }}
<header class="page-header home-header">
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
<p class="stats">{{ len (where site.RegularPages "Section" "countries") }} countries · {{ len (where site.RegularPages "Section" "topics") }} topics · <a href="{{ "timeline/" | relURL }}">{{ len $events }} dated entries</a></p>
</header>
<div class="prose">
{{ .Content }}
</div>
<section><h2>Countries</h2>
{{- range (where site.RegularPages "Section" "countries").GroupByParam "region" }}
<section class="region"><h3>{{ .Key }}</h3>
<ul class="inline-list">
{{- range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul></section>
{{- end }}
</section>
<section><h2>Topics</h2>
<ul class="card-list">
{{- range (where site.RegularPages "Section" "topics").ByTitle }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="muted">{{ .Params.summary }}</span></li>
{{- end }}
</ul></section>
<section><h2>Latest events</h2>
<ol class="entries">
{{- range last 10 $events }}
<li>{{ partial "date.html" . }} <a href="{{ .url }}">{{ .title }}</a> <span class="entry-page">{{ .page }}</span></li>
{{- end }}
</ol></section>
{{ end }}
""",
    "_default/timeline.html": """{{ define "main" }}
{{- $events := partialCached "all-events.html" . }}
<header class="page-header"><h1>{{ .Title }}</h1>
<p class="summary">{{ len $events }} dated entries from every page, in date order.</p></header>
{{- $year := "" }}
{{- range $events }}
{{- $y := substr .date 0 4 }}
{{- if ne $y $year }}{{ if $year }}</ol>{{ end }}
<h3 class="year" id="y{{ $y }}">{{ $y }}</h3>
<ol class="entries">
{{- $year = $y }}{{ end }}
<li>{{ partial "date.html" . }} <a href="{{ .url }}">{{ .title }}</a> <span class="entry-page">{{ .page }}</span></li>
{{- end }}
{{ if $year }}</ol>{{ end }}
{{ end }}
""",
    # Every dated entry of the site, sorted by date: the events, and the start and end of relations.
    # Partial dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD", so sorting the text sorts by the earliest
    # day, the less precise first, as Griot does.
    "partials/all-events.html": """{{- $events := slice }}
{{- range where site.RegularPages "Section" "in" (slice "countries" "topics") }}
{{- $p := . }}
{{- range .Params.events }}
{{- $events = $events | append (dict "key" (print "d" .date) "date" .date "until" .until "circa" .circa "title" .title "page" $p.Title "url" $p.RelPermalink) }}
{{- end }}
{{- with .Params.relations }}
{{- with .established }}{{ $events = $events | append (dict "key" (print "d" .) "date" . "title" (printf "Relations established with %s" $p.Title) "page" $p.Title "url" $p.RelPermalink) }}{{ end }}
{{- with .severed }}{{ $events = $events | append (dict "key" (print "d" .) "date" . "title" (printf "Relations severed with %s" $p.Title) "page" $p.Title "url" $p.RelPermalink) }}{{ end }}
{{- end }}
{{- end }}
{{- /* "d" + date: a bare "1833" or "2021-03-19" would be compared as a number or a time. */}}
{{- return sort $events "key" }}
""",
    # A partial date shown as Griot shows it: "1963", "March 2012", "20 August 1960", "c. 1591",
    # "1591–1737". Takes a dict with "date" and optional "until" and "circa".
    "partials/date.html": """<time datetime="{{ .date }}">{{ if .circa }}c. {{ end }}{{ partial "date-text.html" .date }}{{ with .until }}–{{ partial "date-text.html" . }}{{ end }}</time>""",
    "partials/date-text.html": """{{- if eq (len .) 10 }}{{ (time .).Format "2 January 2006" }}
{{- else if eq (len .) 7 }}{{ (time (print . "-01")).Format "January 2006" }}
{{- else }}{{ . }}{{ end -}}""",
    "404.html": """{{ define "main" }}
<header class="page-header"><h1>Page not found</h1></header>
<p>There is no page at this address. Try the <a href="{{ "/" | relURL }}">home page</a>.</p>
{{ end }}
""",
}


def write_hugo(root, countries, topics):
    prepare(root)
    write(root / "hugo.toml", HUGO_CONFIG)
    style = TEMPLATES / "assets/style.css"
    if style.exists():
        write(root / "static/assets/style.css", style.read_text(encoding="utf-8"))
    for name, text in HUGO_LAYOUTS.items():
        write(root / "layouts" / name, text)
    write(root / "content/_index.md", f"---\ntitle: {SITE_TITLE}\nsummary: {HOME_SUMMARY}\n---\n{HOME_BODY}")
    write(root / "content/countries/_index.md", "---\ntitle: Countries\n---\n")
    write(root / "content/topics/_index.md", "---\ntitle: Topics\n---\n")
    write(root / "content/timeline.md", "---\ntitle: Timeline\nlayout: timeline\n---\n")
    for page in countries + topics:
        write(root / f"content/{page['kind']}/{page['slug']}.md",
              front_matter(page) + render_body(page["body"], hugo_link(page)))


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 2:
        sys.exit("usage: make-corpus.py N OUTDIR   (N >= 2 pages)")
    n, out = int(argv[1]), Path(argv[2])
    if out.exists() and not out.is_dir():
        sys.exit(f"make-corpus: {out} is not a folder")
    if not (TEMPLATES / "base.mustache").exists():
        sys.exit(f"make-corpus: no Griot templates at {TEMPLATES} (set GRIOT_TEMPLATES)")
    countries, topics = Generator(n).generate()
    write_griot(out / "griot", countries, topics)
    write_hugo(out / "hugo", countries, topics)
    print(f"{len(countries)} countries and {len(topics)} topics written to {out}/griot and {out}/hugo")


if __name__ == "__main__":
    main(sys.argv)
