// The request journal, live: GET /__mock/requests every 500 ms while the view is shown, newest
// first, with the journal's own filters (docs/testing-clients.md, "The request journal"). Every
// value, paths and parameters included, is a client's text and is shown as text only.
import { call } from "./api.js";
import { byId, clickableRow, el, emptyRow, say, statusBadge } from "./dom.js";

const POLL_MS = 500;
const PAGE_SIZE = 100;
// run: the number of the latest poll; an answer to an older one is dropped, so one chain of polls
// runs at a time and a stale answer never replaces a newer one.
const state = { timer: 0, run: 0, shown: "", selected: null, visible: false };

// The journal's filters from the bar. A path without a leading '/' is a part of the path: it is
// sent as the glob /*part* (the journal's path filter is a glob that starts with '/').
function filters() {
  const path = byId("journal-path").value.trim();
  return {
    method: byId("journal-method").value,
    path: path && !path.startsWith("/") ? `/*${path}*` : path,
    status: byId("journal-status").value.trim(),
    user: byId("journal-user").value.trim(),
    plane: byId("journal-plane").value,
    size: PAGE_SIZE,
  };
}

async function poll() {
  clearTimeout(state.timer);
  const run = ++state.run;
  if (!state.visible) return;
  const query = filters();
  const answer = await call("GET", "/__mock/requests", { query });
  if (run !== state.run) return;
  if (!answer.ok) {
    say(byId("journal-error"), answer.message, "error");
  } else {
    say(byId("journal-error"), "");
    render(query, answer.data);
  }
  if (state.visible && byId("journal-live").checked) state.timer = setTimeout(poll, POLL_MS);
}

function render(query, data) {
  const { contents, page, dropped } = data;
  // Redrawn only when something changed, so that a row under the pointer stays put.
  const key = JSON.stringify([query, page.totalElements, dropped, contents[0]?.sequence]);
  if (key === state.shown) return;
  state.shown = key;
  byId("journal-info").textContent =
    `${page.totalElements} entr${page.totalElements === 1 ? "y" : "ies"}` +
    `${page.totalElements > contents.length ? `, the newest ${contents.length} shown` : ""}` +
    `${dropped ? `; ${dropped} dropped by the bound` : ""}`;
  byId("journal-rows").replaceChildren(
    ...(contents.length ? contents.map(journalRow) : [emptyRow(7, "No request matches.")]),
  );
}

function journalRow(entry) {
  const target = entry.query ? `${entry.path}?${entry.query}` : entry.path;
  const row = el(
    "tr",
    { "data-testid": "journal-row", "data-sequence": entry.sequence },
    el("td", { "data-field": "time", class: "time", title: entry.time }, clockTime(entry.time)),
    el("td", { "data-field": "method" }, entry.method),
    el("td", { "data-field": "path", class: "path" }, target),
    el("td", {}, statusBadgeOf(entry.status)),
    el("td", { "data-field": "user" }, entry.user || "–"),
    el("td", { "data-field": "duration", class: "num" }, entry.durationMicros),
    el(
      "td",
      { "data-field": "fault" },
      entry.fault ? `rule ${entry.fault.rule} (${entry.fault.action})` : "",
    ),
  );
  if (entry.sequence === state.selected) row.classList.add("selected");
  return clickableRow(row, () => openEntry(entry));
}

// The time of day of an entry's time, to the millisecond: "05:36:12.905" (the title has it all).
function clockTime(text) {
  const m = /T(\d\d:\d\d:\d\d(\.\d+)?)/.exec(text || "");
  return m ? m[1] : text;
}

function statusBadgeOf(status) {
  const badge = statusBadge(String(status));
  badge.className = `status ${status >= 400 ? "failed" : "successful"}`;
  return badge;
}

// The full entry as JSON text; for a faulted request, the rule that fired, as GET /__mock/faults
// has it now (or that it is gone).
async function openEntry(entry) {
  state.selected = entry.sequence;
  for (const row of byId("journal-rows").children) {
    row.classList.toggle("selected", row.dataset.sequence === String(entry.sequence));
  }
  byId("journal-entry-title").textContent = `#${entry.sequence}`;
  let text = JSON.stringify(entry, null, 2);
  if (entry.fault) {
    const rules = await call("GET", "/__mock/faults");
    const rule = rules.ok && rules.data.contents.find((r) => r.id === entry.fault.rule);
    text +=
      `\n\nFault rule ${entry.fault.rule} fired (${entry.fault.action}):\n` +
      (rule ? JSON.stringify(rule, null, 2) : "the rule is no longer held");
  }
  byId("journal-entry").textContent = text;
  byId("journal-entry-panel").hidden = false;
}

async function emptyJournal() {
  const answer = await call("DELETE", "/__mock/requests");
  say(byId("journal-error"), answer.ok ? "" : answer.message, "error");
  state.shown = "";
  poll();
}

export function initJournal() {
  const form = byId("journal-filters");
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", () => {
    state.shown = "";
    poll();
  });
  byId("journal-clear").addEventListener("click", emptyJournal);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) poll();
  });
}

// Called when the view is shown or hidden.
export function showJournal(visible) {
  state.visible = visible;
  poll();
}
