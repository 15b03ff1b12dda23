// Griot: filters for the timeline, by country, topic and kind of entry. Without it the timeline
// is complete and the (hidden) form never shows. Years and periods left empty are hidden too.
(() => {
  "use strict";
  const form = document.getElementById("timeline-filters");
  if (!form) return;
  const [country, topic, kind] = ["country", "topic", "kind"].map((n) => form.elements.namedItem(n));
  const count = form.querySelector("[role=status]");
  const entries = Array.from(document.querySelectorAll("li.entry[data-kind]"));
  const periods = Array.from(document.querySelectorAll("section.period"));
  const navLinks = Array.from(document.querySelectorAll(".period-nav a[href^='#']"));

  function filter() {
    // An entry belongs to one page: a country or a topic, never both.
    const page = country.value || topic.value;
    let shown = 0;
    for (const li of entries) {
      li.hidden = !((!page || li.dataset.page === page) && (!kind.value || li.dataset.kind === kind.value));
      if (!li.hidden) shown += 1;
    }
    // A year's list (and its heading, just before it) and a period go when nothing in them shows.
    for (const ol of document.querySelectorAll("section.period ol.entries")) {
      ol.hidden = !ol.querySelector("li.entry:not([hidden])");
      const heading = ol.previousElementSibling;
      if (heading && heading.matches("h3.year")) heading.hidden = ol.hidden;
    }
    for (const section of periods) section.hidden = !section.querySelector("li.entry:not([hidden])");
    for (const a of navLinks) {
      const section = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      a.parentElement.hidden = !!section && section.hidden;
    }
    const text = `${shown} of ${entries.length} entries shown`;
    if (count && count.textContent !== text) count.textContent = text;
  }

  // Country and topic each name the entry's page: choosing one sets the other back to All.
  country.addEventListener("change", () => { if (country.value) topic.value = ""; });
  topic.addEventListener("change", () => { if (topic.value) country.value = ""; });
  form.addEventListener("change", filter);
  form.addEventListener("submit", (event) => event.preventDefault());
  // A reset changes the fields after the event: filter once it has.
  form.addEventListener("reset", () => setTimeout(filter));

  form.hidden = false;
  filter(); // fields the browser restored (back button) apply at once
})();
