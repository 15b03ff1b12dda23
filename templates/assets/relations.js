// Griot: sorting and filtering for the bilateral-relations table. Without it the table is in
// name order and complete. Sorts by the build's data-rank-* integers; never parses dates.
(() => {
  "use strict";
  const table = document.getElementById("countries");
  const form = document.getElementById("relations-filters");
  if (!table || !table.tBodies[0]) return;
  const tbody = table.tBodies[0];
  const rows = Array.from(tbody.rows);
  const caption = table.querySelector(".sort-caption");
  const captions = {
    name: ["country name", "country name, Z to A"],
    region: ["region", "region, Z to A"],
    date: ["date relations began, earliest first", "date relations began, latest first"],
    status: ["status", "status, in reverse"],
  };
  let sortKey = "name";
  let ascending = true;

  // Sorting: each header's text becomes a button; a second click reverses the order.
  const headers = Array.from(table.querySelectorAll("thead th[data-sort]"));
  for (const th of headers) {
    const button = document.createElement("button");
    button.type = "button";
    button.append(...th.childNodes);
    const arrow = document.createElement("span");
    arrow.className = "sort-arrow";
    arrow.setAttribute("aria-hidden", "true");
    button.append(arrow);
    th.append(button);
    button.addEventListener("click", () => {
      const key = th.dataset.sort;
      ascending = key === sortKey ? !ascending : true;
      sortKey = key;
      sort();
    });
  }

  function sort() {
    const attr = "rank" + sortKey[0].toUpperCase() + sortKey.slice(1);
    const direction = ascending ? 1 : -1;
    const rank = (row) => Number(row.dataset[attr]);
    // Countries without a date stay last, in name order, whichever way the dates run.
    const undated = (row) => sortKey === "date" && row.hasAttribute("data-undated");
    const sorted = rows.slice().sort((a, b) =>
      undated(a) - undated(b) || (undated(a) ? 1 : direction) * (rank(a) - rank(b)));
    tbody.append(...sorted);
    for (const th of headers) {
      if (th.dataset.sort === sortKey) th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
    if (caption && captions[sortKey]) caption.textContent = captions[sortKey][ascending ? 0 : 1];
  }

  if (!form) return;

  // Filtering: region, status and a name search that ignores case and accents.
  const fold = (s) => s.normalize("NFKD").replace(/\p{M}+/gu, "").replace(/[\u2018\u2019]/g, "'").toLowerCase();
  const region = form.elements.namedItem("region");
  const status = form.elements.namedItem("status");
  const name = form.elements.namedItem("name");
  const count = form.querySelector("[role=status]");
  const names = new Map(rows.map((row) => [row, fold(row.cells[0].textContent.trim())]));

  function filter() {
    const query = fold(name.value.trim());
    let shown = 0;
    for (const row of rows) {
      const match = (!region.value || row.dataset.region === region.value) &&
        (!status.value || row.dataset.status === status.value) &&
        (!query || names.get(row).includes(query));
      row.hidden = !match;
      if (match) shown += 1;
    }
    const text = `${shown} of ${rows.length} countries shown`;
    if (count && count.textContent !== text) count.textContent = text;
  }

  form.addEventListener("input", filter);
  form.addEventListener("change", filter);
  form.addEventListener("submit", (event) => event.preventDefault());
  // A reset changes the fields after the event: filter once it has.
  form.addEventListener("reset", () => setTimeout(filter));

  // A region link above the table shows that region's countries and moves to the filters.
  for (const link of document.querySelectorAll("a[data-filter-region]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      region.value = link.dataset.filterRegion;
      status.value = "";
      name.value = "";
      filter();
      form.scrollIntoView({ block: "start" });
      region.focus({ preventScroll: true });
    });
  }

  form.hidden = false;
  filter();
})();
