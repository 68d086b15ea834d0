// sitrep's web page: reads /api/places, /api/timeline and /api/events and draws a map, a timeline and a table.
// No library and no network beyond this server: the map is an equirectangular plot with a graticule (there is no
// basemap offline), circles sized by the number of mentions.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const COLOURS = ["#4e79a7", "#59a14f", "#8cd17d", "#b6992d", "#499894", "#86bcb6", "#f1ce63", "#79706e",
  "#d37295", "#fabfd2", "#b07aa1", "#9d7660", "#d7b5a6", "#ff9d9a", "#f28e2b", "#e15759"];
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, text = "") {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

function query(form, keys) {
  const params = new URLSearchParams();
  const data = new FormData(form);
  for (const key of keys) {
    const value = (data.get(key) || "").trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

async function getJSON(path) {
  const response = await fetch(path);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(`${path}: ${response.status} ${JSON.stringify(body.detail || "")}`);
  }
  return response.json();
}

function drawMap(svg, places, onPick) {
  svg.replaceChildren(el("rect", { class: "sea", x: 0, y: 0, width: 960, height: 480 }));
  const x = (lon) => (lon + 180) * (960 / 360);
  const y = (lat) => (90 - lat) * (480 / 180);
  for (let lon = -180; lon <= 180; lon += 30) svg.append(el("line", { class: "grid", x1: x(lon), y1: 0, x2: x(lon), y2: 480 }));
  for (let lat = -60; lat <= 60; lat += 30) {
    svg.append(el("line", { class: lat === 0 ? "grid equator" : "grid", x1: 0, y1: y(lat), x2: 960, y2: y(lat) }));
  }
  const most = Math.max(1, ...places.map((p) => p.mentions));
  places.forEach((place, rank) => {
    const radius = 2 + 14 * Math.sqrt(place.mentions / most);
    const dot = el("circle", { cx: x(place.lon), cy: y(place.lat), r: radius.toFixed(1) });
    dot.append(el("title", {}, `${place.name} (${place.country || "?"}), GeoNames ${place.geonameid}: ` +
      `${place.mentions} mention(s) in ${place.articles} article(s)`));
    dot.addEventListener("click", () => onPick(place.name));
    svg.append(dot);
    if (rank < 12) svg.append(el("text", { x: x(place.lon) + radius + 2, y: y(place.lat) + 3 }, place.name));
  });
}

function drawTimeline(svg, legend, rows) {
  svg.replaceChildren();
  legend.replaceChildren();
  if (!rows.length) {
    svg.append(el("text", { x: 20, y: 110 }, "No dated events."));
    return;
  }
  const days = [...new Set(rows.map((r) => r.date))].sort();
  const totals = new Map(days.map((d) => [d, 0]));
  for (const row of rows) totals.set(row.date, totals.get(row.date) + row.events);
  const most = Math.max(...totals.values());
  const left = 36, bottom = 196, width = 960 - left - 8, height = 180;
  const step = width / days.length;
  svg.append(el("line", { class: "axis", x1: left, y1: bottom, x2: left + width, y2: bottom }));
  svg.append(el("text", { x: 4, y: bottom - height + 8 }, String(most)));
  svg.append(el("text", { x: 4, y: bottom }, "0"));
  const stacked = new Map(days.map((d) => [d, 0]));
  for (const row of [...rows].sort((a, b) => TYPES.indexOf(a.type) - TYPES.indexOf(b.type))) {
    const i = days.indexOf(row.date);
    const h = (row.events / most) * height;
    const top = bottom - stacked.get(row.date) - h;
    stacked.set(row.date, stacked.get(row.date) + h);
    const bar = el("rect", { x: left + i * step + step * 0.1, y: top, width: Math.max(1, step * 0.8), height: h,
      fill: COLOURS[TYPES.indexOf(row.type)] || "#999" });
    bar.append(el("title", {}, `${row.date}: ${row.events} ${row.type}`));
    svg.append(bar);
  }
  const labels = Math.min(days.length, 8);
  for (let k = 0; k < labels; k++) {
    const i = Math.round((k * (days.length - 1)) / Math.max(1, labels - 1));
    svg.append(el("text", { x: left + i * step, y: bottom + 14 }, days[i]));
  }
  for (const type of TYPES.filter((t) => rows.some((r) => r.type === t))) {
    const item = document.createElement("span");
    item.style.setProperty("--swatch", COLOURS[TYPES.indexOf(type)]);
    item.textContent = type;
    legend.append(item);
  }
}

function cell(row, text, className = "") {
  const td = document.createElement("td");
  td.textContent = text || "";
  if (className) td.className = className;
  row.append(td);
  return td;
}

function names(entities) {
  return (entities || []).map((e) => e.name).join(", ");
}

function drawEvents(tbody, count, events) {
  tbody.replaceChildren();
  count.textContent = `(${events.length}${events.length >= 500 ? "+" : ""})`;
  for (const ev of events) {
    const row = document.createElement("tr");
    cell(row, ev.date);
    cell(row, ev.event + (ev.mode ? ` / ${ev.mode}` : ""));
    cell(row, names(ev.actor));
    cell(row, names(ev.recipient));
    cell(row, ev.event_loc && (ev.event_loc.name || ev.event_loc.text));
    cell(row, ev.modality);
    const claimed = ev.claimed_by;
    if (claimed) cell(row, claimed.name || "a quote", "claim");
    else cell(row, "article's own voice", "own-voice");
    const evidence = cell(row, ev.event_text, "evidence");
    if (ev.article) {
      const link = document.createElement("a");
      link.href = `/api/articles/${encodeURIComponent(ev.article.id)}`;
      link.textContent = ` — ${ev.article.title || ev.article.id}`;
      evidence.append(link);
    }
    tbody.append(row);
  }
}

async function refresh(form) {
  const period = query(form, ["since", "until"]);
  const filters = query(form, ["type", "actor", "recipient", "place", "claimed_by", "modality", "since", "until"]);
  const summary = document.getElementById("summary");
  try {
    const [stats, places, timeline, events] = await Promise.all([
      getJSON("/api/stats"), getJSON(`/api/places?${period}`), getJSON(`/api/timeline?${period}`),
      getJSON(`/api/events?${filters}`),
    ]);
    const tables = stats.tables || {};
    summary.textContent = `${tables.articles || 0} articles, ${tables.events || 0} events, ${tables.quotes || 0} ` +
      `quotes, ${tables.places || 0} place mentions; published ${stats.published.first || "?"} to ` +
      `${stats.published.last || "?"} (${stats.database}).`;
    drawMap(document.getElementById("map"), places, (name) => {
      form.elements.place.value = name;
      refresh(form);
    });
    drawTimeline(document.getElementById("timeline"), document.getElementById("legend"), timeline);
    drawEvents(document.querySelector("#events tbody"), document.getElementById("count"), events);
  } catch (error) {
    summary.textContent = `Could not read the record: ${error.message}`;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filters");
  const select = form.elements.type;
  for (const type of TYPES) select.append(new Option(type, type));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    refresh(form);
  });
  form.addEventListener("reset", () => setTimeout(() => refresh(form), 0));
  refresh(form);
});
