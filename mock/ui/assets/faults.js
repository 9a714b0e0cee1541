// Fault rules: the list with matched and fired counts (GET /__mock/faults, again every second
// while shown), a rule added from a JSON text (POST /__mock/faults; the 400's message, which
// names the JSON pointer and the reason, shown in place) and removed (DELETE /__mock/faults/ID).
import { call } from "./api.js";
import { byId, el, emptyRow, say } from "./dom.js";

// run: the number of the latest load; an answer to an older one is dropped (journal.js).
// shown: the rules drawn, as JSON: they are drawn again only when they change, so that a button
// under the pointer stays put.
const state = { timer: 0, run: 0, visible: false, shown: "" };

export async function loadFaults() {
  clearTimeout(state.timer);
  const run = ++state.run;
  const answer = await call("GET", "/__mock/faults");
  if (run !== state.run) return;
  if (!answer.ok) {
    say(byId("faults-answer"), answer.message, "error");
  } else {
    const rules = answer.data.contents;
    const key = JSON.stringify(rules);
    if (key !== state.shown) {
      state.shown = key;
      byId("fault-rows").replaceChildren(
        ...(rules.length
          ? rules.map(faultRow)
          : [emptyRow(8, "No fault rule: every request is served.")]),
      );
    }
  }
  if (state.visible) state.timer = setTimeout(loadFaults, 1000);
}

function faultRow(rule) {
  const remove = el("button", { type: "button", "data-testid": "fault-remove" }, "Remove");
  remove.addEventListener("click", () => removeRule(rule.id));
  const match = rule.match ? JSON.stringify(rule.match) : "every request";
  const action = { ...rule.action };
  return el(
    "tr",
    { "data-testid": "fault-row", "data-fault-id": rule.id },
    el("td", { "data-field": "id" }, rule.id),
    el("td", { "data-field": "match", class: "code" }, match),
    el("td", { "data-field": "action", class: "code" }, JSON.stringify(action)),
    el(
      "td",
      { "data-field": "remaining" },
      rule.times === undefined ? "∞" : `${rule.remaining} of ${rule.times}`,
    ),
    el("td", { "data-field": "probability" }, rule.probability),
    el("td", { "data-field": "matched", class: "num" }, rule.matched),
    el("td", { "data-field": "fired", class: "num" }, rule.fired),
    el("td", {}, remove),
  );
}

async function addRule() {
  const text = byId("fault-json").value;
  try {
    JSON.parse(text);
  } catch (e) {
    say(byId("fault-error"), `Not JSON: ${e.message}`, "error");
    return;
  }
  const answer = await call("POST", "/__mock/faults", { body: text });
  if (answer.ok) {
    say(byId("fault-error"), "");
    say(byId("faults-answer"), `Rule ${answer.data.id} added.`, "ok");
  } else {
    say(byId("fault-error"), answer.message, "error");
  }
  await loadFaults();
}

async function removeRule(id) {
  const answer = await call("DELETE", `/__mock/faults/${id}`);
  say(
    byId("faults-answer"),
    answer.ok ? `Rule ${id} removed.` : answer.message,
    answer.ok ? "ok" : "error",
  );
  await loadFaults();
}

async function removeAll() {
  const answer = await call("DELETE", "/__mock/faults");
  say(
    byId("faults-answer"),
    answer.ok ? "Every rule removed." : answer.message,
    answer.ok ? "ok" : "error",
  );
  await loadFaults();
}

export function initFaults() {
  byId("fault-add").addEventListener("click", addRule);
  byId("fault-remove-all").addEventListener("click", removeAll);
}

export function showFaults(visible) {
  state.visible = visible;
  if (visible) loadFaults();
  else {
    clearTimeout(state.timer);
    state.run += 1;
  }
}
