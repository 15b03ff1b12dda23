/* Griot site search (see search-spec.md). The index is loaded on demand as <script> files, so
   this also works from file://. No libraries, no build step. */
(() => {
  "use strict";
  // Site root: this script's address less "assets/search.js" (currentScript is null later on).
  const me = document.currentScript || document.querySelector('script[src*="assets/search.js"]');
  const root = me ? new URL(me.src, location.href).href.replace(/assets\/search\.js([?#].*)?$/, "") : "/";

  // Folding and tokens, exactly as the index builder does them.
  const fold = s => s.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/ς/g, "σ");
  const SEP = /[^\p{L}\p{N}]+/u;
  const cps = s => Array.from(s);
  const tokens = s => fold(s).split(SEP).filter(t => cps(t).length >= 2);

  // Every index file calls one of these; a file that fails to load is empty data.
  const got = { terms: new Map(), pages: new Map() }, loads = new Map();
  window.griotSearch = {
    index: m => { got.index = m; },
    terms: (k, shard) => got.terms.set(k, shard),
    page: (k, page) => got.pages.set(k, page),
  };
  const load = path => {
    if (!loads.has(path)) loads.set(path, new Promise(done => {
      const s = document.createElement("script");
      s.src = root + path;
      s.onload = s.onerror = () => { s.remove(); done(); };
      document.head.append(s);
    }));
    return loads.get(path);
  };
  let M, manifest;
  const getManifest = () => manifest || (manifest = load("search/index.js").then(() => {
    const m = got.index || {};
    // (from file:// a folder link shows no index.html, portable or not)
    M = { keys: new Set(Array.isArray(m.keys) ? m.keys : []), split: new Set(), long: 0, portable: m.portable === true || location.protocol === "file:",
      bundles: m.bundles > 0 ? m.bundles : 1 };
    for (const k of M.keys) {
      const c = cps(k);
      M.long = Math.max(M.long, c.length);
      if (c.length > 2) M.split.add(c.slice(0, -1).join("")); // keys cut into longer keys
    }
  }));
  // A page's entry is in bundle FNV-1a(key's UTF-8) mod the bundle count (a power of two).
  const pageFile = key => {
    let h = 0x811c9dc5;
    for (const b of new TextEncoder().encode(key)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return "search/pages/" + (h & (M.bundles - 1)) + ".js";
  };
  const shardFile = k => /^[a-z0-9]+$/.test(k) ? k
    : "_" + Array.from(new TextEncoder().encode(k), b => b.toString(16).padStart(2, "0")).join("");

  // A weight is 10·title + 4·summary + count (section 0) or 6·heading + count, count ≤ 3:
  // decode it so that title > heading > summary > body, whatever the counts.
  const tiers = posts => {
    let title = 0, heads = 0, summary = 0, body = 0;
    for (let [sec, w] of posts) {
      if (!sec && w >= 10) { title = 1; w -= 10; }
      if (!sec && w >= 4) { summary = 1; w -= 4; }
      if (sec && w >= 6) { heads++; w -= 6; }
      body += w;
    }
    return title * 1e6 + Math.min(heads, 9) * 1e4 + summary * 100 + Math.min(body, 9);
  };

  // Pages matching one query term: Map(fragment key → {score, secs: Map(section → weight)}).
  const match = async (t, prefix) => {
    const out = new Map(), c = cps(t);
    let k = c.slice(0, M.long).join(""); // the shard: the longest key that is a prefix of t
    while (k && !M.keys.has(k)) k = cps(k).slice(0, -1).join("");
    if (!k) return out;
    await load("search/terms/" + shardFile(k) + ".js");
    const { pages = [], terms = {}, common = [] } = got.terms.get(k) || {};
    // A shard cut into longer keys holds only the term as long as its key: t itself, when t = k.
    const scan = prefix && !M.split.has(t);
    out.short = prefix && !scan; // its prefix matches wait for one more letter
    for (const name of Object.keys(terms).filter(n => scan ? n.startsWith(t) : n === t)) {
      // Postings of a word listed as common are cut short: a query does not require it.
      if (common.includes(name)) out.optional = true;
      const a = terms[name], byPage = new Map();
      for (let i = 0; i + 2 < a.length; i += 3) {
        if (pages[a[i]] == null) continue;
        if (!byPage.has(pages[a[i]])) byPage.set(pages[a[i]], []);
        byPage.get(pages[a[i]]).push([a[i + 1], a[i + 2]]);
      }
      for (const [p, posts] of byPage) {
        const e = out.get(p) || { score: 0, secs: new Map() };
        out.set(p, e);
        e.score = Math.max(e.score, tiers(posts) * (name === t ? 2 : 1)); // exact beats prefix
        for (const [s, w] of posts) e.secs.set(s, Math.max(e.secs.get(s) || 0, w));
      }
    }
    return out;
  };

  // All terms must match; the last is a prefix unless something like a space follows it.
  // (ς → σ: highlighting folds a character at a time, which cannot tell a final sigma.)
  const parse = raw => {
    const terms = [...new Set(tokens(raw))], last = terms[terms.length - 1], hl = t => t.replace(/ς/g, "σ");
    const prefix = last && fold(raw).split(SEP).pop() === last ? last : null;
    return { terms, prefix, exact: terms.filter(t => t !== prefix).map(hl), pre: prefix && hl(prefix) };
  };

  const collate = new Intl.Collator(document.documentElement.lang || undefined).compare;
  const slug = k => k.slice(k.lastIndexOf("/") + 1);

  // The best `limit` pages [{key, score, page, section}] and how many pages matched.
  const search = async (q, limit) => {
    await getManifest();
    const lists = await Promise.all(q.terms.map(t => match(t, t === q.prefix)));
    const need = lists.filter(l => !l.optional), all = new Set(lists.flatMap(l => [...l.keys()]));
    let hits = [...all].filter(k => need.every(l => l.has(k))).map(key => {
      const h = { key, score: 0, secs: new Map(), section: 0 };
      for (const e of lists.map(l => l.get(key)).filter(Boolean)) {
        h.score += e.score;
        for (const [s, w] of e.secs) h.secs.set(s, (h.secs.get(s) || 0) + w);
      }
      let best = -1; // the section where the query weighs most, the first on a tie
      for (const [s, w] of h.secs) if (w > best || (w === best && s < h.section)) { best = w; h.section = s; }
      return h;
    });
    // Ties go by title, which only the page files have, and only those shown are loaded: ties
    // are pre-sorted by key (its last part is most often the title's slug), then by title.
    hits.sort((a, b) => b.score - a.score || slug(a.key).length - slug(b.key).length || collate(a.key, b.key));
    const total = hits.length;
    hits = hits.slice(0, limit);
    await Promise.all(hits.map(async h => {
      await load(pageFile(h.key));
      h.page = got.pages.get(h.key);
      h.title = String(h.page?.title || h.key);
    }));
    hits = hits.filter(h => h.page).sort((a, b) => b.score - a.score
      || cps(a.title).length - cps(b.title).length || collate(a.title, b.title));
    return { total, hits, short: lists.some(l => l.short) };
  };

  // [start, end) of the query words in s: folds s a character at a time, remembering the source.
  const ranges = (s, q) => {
    let f = "", at = 0;
    const from = [], to = [], out = [];
    for (const ch of s) {
      const c = fold(ch).replace(/ς/g, "σ"), end = at + ch.length;
      for (let j = 0; j < c.length; j++) { from.push(at); to.push(end); }
      if (!c && to.length) to[to.length - 1] = end; // a combining accent goes with its letter
      f += c;
      at = end;
    }
    for (const m of f.matchAll(/[\p{L}\p{N}]+/gu)) {
      const w = m[0], n = q.pre && w.startsWith(q.pre) ? q.pre.length : q.exact.includes(w) ? w.length : 0;
      if (n) out.push([from[m.index], to[m.index + n - 1]]);
    }
    return out;
  };
  const el = (tag, cls = "", text = "") => Object.assign(document.createElement(tag), { className: cls, textContent: text });
  const marked = (e, s, q) => {
    let at = 0;
    for (const [a, b] of ranges(s, q)) { e.append(s.slice(at, a), el("mark", "", s.slice(a, b))); at = b; }
    e.append(s.slice(at));
    return e;
  };

  // ~160 characters of the best section around its first match, cut at spaces.
  const snippet = (h, q, size = 160) => {
    let text = String(h.page.sections?.[h.section]?.text || ""), hit = ranges(text, q)[0];
    if (!hit && !h.section && h.page.summary) { text = String(h.page.summary); hit = ranges(text, q)[0]; }
    if (text.length <= size) return text;
    let a = Math.max(0, Math.min(hit ? hit[0] - 40 : 0, text.length - size));
    if (a > 0) { const sp = text.indexOf(" ", a); if (sp >= 0 && sp < hit[0]) a = sp + 1; }
    let b = Math.min(text.length, a + size);
    if (b < text.length) { const sp = text.lastIndexOf(" ", b); if (sp > a + size / 2) b = sp; }
    return (a > 0 ? "…" : "") + text.slice(a, b).trim() + (b < text.length ? "…" : "");
  };

  // A result's link holding its highlighted title (+ " › " section heading), and its snippet.
  const result = (h, q, cls) => {
    const a = el("a"), sec = h.section > 0 && h.page.sections?.[h.section], url = String(h.page.url || "");
    a.href = root + url + (M.portable && /(^|\/)$/.test(url) ? "index.html" : "") + (sec?.id ? "#" + sec.id : "");
    marked(a.appendChild(el("span", cls + "-title")), h.title, q);
    if (sec?.heading) a.append(" › ", marked(el("span", cls + "-section"), sec.heading, q));
    return [a, marked(el("span", cls + "-snippet"), snippet(h, q), q)];
  };
  const count = n => n === 1 ? "1 result" : n + " results";

  // The header box: an ARIA combobox with a listbox popup.
  const box = (form, input, list) => {
    const status = form.appendChild(el("p", "site-search-status"));
    status.id = "site-search-status";
    status.setAttribute("role", "status");
    let options = [], active = -1, seq = 0, timer;
    const setActive = i => {
      active = i;
      options.forEach((o, j) => o.setAttribute("aria-selected", j === i));
      if (i < 0) return input.removeAttribute("aria-activedescendant");
      input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    };
    // The popup hangs from the box's right edge when there is no room on its right.
    const place = pop => form.toggleAttribute("data-flip",
      form.getBoundingClientRect().left + pop.offsetWidth > document.documentElement.clientWidth);
    const open = () => { list.hidden = false; input.setAttribute("aria-expanded", true); place(list); };
    const close = () => {
      seq++; // forget a query still on its way
      timer = clearTimeout(timer);
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", false);
      status.removeAttribute("data-shown");
    };
    const say = (text, shown) => {
      status.textContent = text;
      status.toggleAttribute("data-shown", shown);
      if (shown) place(status);
    };
    const go = option => { close(); location.assign(option.href); };

    const run = async () => {
      const my = ++seq, q = parse(input.value);
      timer = 0;
      const r = q.terms.length ? await search(q, 8).catch(() => ({ hits: [] })) : { hits: [] };
      if (my !== seq) return; // stale: a newer query is on its way
      // Each option is the result's link itself (in a presentational item): an option holding a
      // link would nest one control in another.
      options = r.hits.map((h, i) => {
        const [a, snip] = result(h, q, "site-search");
        a.id = "site-search-option-" + i;
        a.setAttribute("role", "option");
        a.tabIndex = -1;
        a.append(snip);
        return a;
      });
      list.replaceChildren(...options.map(a => {
        const li = el("li");
        li.setAttribute("role", "presentation");
        li.append(a);
        return li;
      }));
      setActive(-1);
      if (options.length) { open(); say(count(r.total), false); }
      else {
        close();
        say(!q.terms.length ? "" : r.short ? "Type another letter…" : "No results for “" + input.value.trim() + "”", q.terms.length > 0);
      }
    };

    input.addEventListener("focus", getManifest);
    input.addEventListener("input", () => {
      getManifest();
      setActive(-1);
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    input.addEventListener("keydown", e => {
      const n = options.length, k = e.key, down = k === "ArrowDown";
      if (e.isComposing) return;
      if ((down || k === "ArrowUp") && n) {
        e.preventDefault();
        if (list.hidden) open();
        setActive(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
      } else if (k === "Enter" && !list.hidden && active >= 0) {
        e.preventDefault();
        go(options[active]);
      } else if (k === "Escape") {
        e.preventDefault(); // not the native clearing: the first Escape closes, the second clears
        if (!list.hidden || timer || status.hasAttribute("data-shown")) close();
        else if (input.value) { input.value = ""; run(); }
      } else if (k === "Tab") close();
    });
    list.addEventListener("click", e => {
      const li = e.target.closest("li");
      if (li && !e.target.closest("a")) go(li.querySelector("a"));
      else close(); // the link itself follows on its own
    });
    document.addEventListener("pointerdown", e => { if (!form.contains(e.target)) close(); });
    form.addEventListener("focusout", e => { if (e.relatedTarget && !form.contains(e.relatedTarget)) close(); });
    // From file:// or on a portable site a folder URL shows no index.html: name the file.
    form.addEventListener("submit", e => {
      const u = new URL(form.action);
      if (!u.pathname.endsWith("/") || !(location.protocol === "file:" || M?.portable)) return;
      e.preventDefault();
      u.pathname += "index.html";
      u.search = new URLSearchParams({ q: input.value });
      location.assign(u.href);
    });
  };

  // The search page: up to 50 results for ?q=.
  const page = async (input, results, status) => {
    const raw = (new URLSearchParams(location.search).get("q") || "").trim(), q = parse(raw);
    if (input) input.value = raw;
    if (!q.terms.length) return void (status.textContent = "Type a word of two letters or more in the search box.");
    status.textContent = "Searching…";
    const r = await search(q, 50).catch(() => ({ total: 0, hits: [] }));
    results.replaceChildren(...r.hits.map(h => {
      const li = el("li", "search-result"), title = li.appendChild(el("h2", "search-result-head"));
      const [a, snip] = result(h, q, "search-result");
      title.append(a);
      if (h.page.kind) title.append(" ", el("span", "search-result-kind", h.page.kind));
      li.append(snip);
      return li;
    }));
    status.textContent = (r.total ? count(r.total) : "No results") + " for “" + raw + "”"
      + (r.total > r.hits.length ? ", showing the first " + r.hits.length : "") + ".";
  };

  // Link previews: a card with the title and summary of the country, topic or page a link of the
  // main content leads to, from its entry in search/pages/. Only with a mouse (then also on keyboard
  // focus); a tooltip laid over the page, never needed to read it.
  const keyOf = href => {
    const u = new URL(href, location.href);
    u.hash = u.search = "";
    if (!u.href.startsWith(root)) return "";
    const rel = decodeURIComponent(u.href.slice(root.length)).replace(/(^|\/)index\.html$/, "$1").replace(/\/$/, "");
    const [a, b, more] = rel.split("/");
    if (!a || more != null || rel.includes(".")) return ""; // the home page, a file, an asset
    if (b != null) return /^(countries|topics)$/.test(a) ? rel : "";
    return /^(countries|topics|timeline|relations|search|assets)$/.test(a) ? "" : "pages/" + a;
  };
  const previews = main => {
    const fine = matchMedia("(hover: hover) and (pointer: fine)"), here = keyOf(location.href);
    const card = document.body.appendChild(el("div", "link-preview"));
    Object.assign(card, { id: "link-preview", hidden: true });
    card.setAttribute("role", "tooltip");
    let link = null, gone = null, timer;
    const target = e => {
      const a = e.target.closest?.("a[href]");
      return a && main.contains(a) && keyOf(a.href) !== here ? a : null;
    };
    const hide = () => {
      timer = clearTimeout(timer);
      const d = link?.getAttribute("aria-describedby")?.replace(/\s*link-preview$/, "");
      if (d) link.setAttribute("aria-describedby", d);
      else link?.removeAttribute("aria-describedby");
      link = null;
      card.hidden = true;
    };
    const show = (a, wait) => {
      const key = keyOf(a.href);
      if (!key || !fine.matches) return;
      hide();
      link = a;
      timer = setTimeout(async () => {
        await getManifest();
        await load(pageFile(key));
        const p = got.pages.get(key), id = decodeURIComponent(new URL(a.href).hash.slice(1));
        if (link !== a || !p || !a.getClientRects().length) return;
        const sec = id && p.sections?.find(s => s.id === id);
        card.replaceChildren(el("span", "link-preview-kind", String(p.kind || "")),
          el("strong", "link-preview-title", String(p.title || key) + (sec?.heading ? " › " + sec.heading : "")),
          el("span", "link-preview-summary", String(p.summary || "")));
        card.style.left = card.style.top = "0";
        card.hidden = false;
        a.setAttribute("aria-describedby", ((a.getAttribute("aria-describedby") || "") + " link-preview").trim());
        // Under the link's last line, or over its first when there is no room below; inside the window.
        const rs = a.getClientRects(), w = document.documentElement.clientWidth, h = card.offsetHeight;
        const below = rs[rs.length - 1].bottom + 6 + h <= innerHeight || rs[0].top < h + 6, r = rs[below ? rs.length - 1 : 0];
        card.style.left = scrollX + Math.max(8, Math.min(r.left, w - card.offsetWidth - 8)) + "px";
        card.style.top = scrollY + (below ? r.bottom + 6 : r.top - 6 - h) + "px";
      }, wait);
    };
    document.addEventListener("mouseover", e => {
      const a = target(e);
      if (a && a !== link && a !== gone) show(a, 300);
      else if (link && !card.hidden && (a === link || card.contains(e.target))) timer = clearTimeout(timer);
    });
    document.addEventListener("mouseout", e => {
      if (gone && !gone.contains(e.relatedTarget)) gone = null;
      if (link && !link.contains(e.relatedTarget) && !card.contains(e.relatedTarget) && !link.matches(":focus-visible")) {
        if (card.hidden) hide();
        else { clearTimeout(timer); timer = setTimeout(hide, 150); } // time to move onto the card
      }
    });
    document.addEventListener("focusin", e => { const a = target(e); if (a?.matches(":focus-visible")) show(a, 0); });
    document.addEventListener("focusout", e => { if (e.target === link) hide(); });
    document.addEventListener("keydown", e => { if (e.key === "Escape" && link) { gone = link; hide(); } });
    addEventListener("resize", hide);
  };

  const init = () => {
    const $ = id => document.getElementById(id), input = $("site-search-input"), list = $("site-search-results");
    if (input?.form && list) box(input.form, input, list);
    if (document.querySelector("main")) previews(document.querySelector("main"));
    if (document.querySelector("[data-search-page]") && $("search-page-results") && $("search-page-status")) {
      page(input, $("search-page-results"), $("search-page-status"));
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
