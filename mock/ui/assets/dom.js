// Building the page's elements, safely by construction: every piece of data becomes a text node
// (createTextNode) or a plain attribute from a short allow-list, never markup. No innerHTML,
// insertAdjacentHTML or document.write anywhere in the page (contract_tests/ui checks it).

// The attributes el() sets: none takes a URL, none runs script.
const SAFE_ATTRIBUTES = new Set([
  "class",
  "title",
  "type",
  "colspan",
  "role",
  "hidden",
  "disabled",
  "tabindex",
]);

// el("td", {"data-field": "path"}, text, child...): an element with those attributes; each child
// is a Node, or anything else, which is written as its text (null and undefined are skipped).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (!SAFE_ATTRIBUTES.has(name) && !name.startsWith("data-") && !name.startsWith("aria-")) {
      throw new Error(`el(): attribute ${name} is not on the allow-list`);
    }
    node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.append(child);
    else node.append(document.createTextNode(String(child)));
  }
}

// The element with data-testid="id" (there is one of each in index.html).
export function byId(id) {
  const node = document.querySelector(`[data-testid="${id}"]`);
  if (!node) throw new Error(`no element with data-testid ${id}`);
  return node;
}

// Sets an element's text, or hides it when there is none.
export function say(node, text, kind = "") {
  node.textContent = text || "";
  node.hidden = !text;
  node.classList.toggle("ok", kind === "ok");
  node.classList.toggle("error", kind === "error");
}

// The badge of a status (RUNNING, FAILED, ...): its class is chosen from a fixed list, never
// taken from the data.
const STATUS_CLASS = {
  RUNNING: "running",
  CANCELING: "running",
  READY: "pending",
  PENDING: "pending",
  FAILED: "failed",
  SUCCESSFUL: "successful",
  NORMAL: "successful",
  ONLINE: "successful",
};
export function statusBadge(status) {
  const known = STATUS_CLASS[status] || "other";
  return el("span", { class: `status ${known}`, "data-field": "status" }, status ?? "–");
}

// A time of the API (ISO-8601 with offset) shown as it is, shorter: "2026-11-21 09:00:00".
export function shortTime(text) {
  if (!text) return "–";
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(text);
  return m ? `${m[1]} ${m[2]}` : text;
}

// An empty-table row spanning COLUMNS cells.
export function emptyRow(columns, text) {
  return el("tr", { class: "empty" }, el("td", { colspan: columns }, text));
}

// A table row that opens something: by a click, or by Enter or Space once focused (tabindex).
export function clickableRow(row, open) {
  row.classList.add("clickable");
  row.setAttribute("tabindex", "0");
  row.addEventListener("click", open);
  row.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    open();
  });
  return row;
}
