// What the mock plays and holds: the version and quirks (GET /__mock/health), the build OCP
// reports (GET /api/v2/info), the clusters, tenants and hosts (OCP's list endpoints), and a reset
// (POST /__mock/reset).
import { call } from "./api.js";
import { byId, el, emptyRow, say, statusBadge } from "./dom.js";

// The version played, in the top bar and the system view.
export async function loadHealth() {
  const answer = await call("GET", "/__mock/health");
  if (!answer.ok) {
    byId("top-version").textContent = "not ready";
    return null;
  }
  const health = answer.data;
  byId("top-version").textContent = `OCP ${health.ocpVersion}`;
  byId("system-version").textContent = health.ocpVersion;
  byId("system-tasks").textContent = health.tasks;
  byId("system-uptime").textContent = `${Math.round(health.uptimeSeconds)} s`;
  // The quirks played (--quirks), when the health answer lists them.
  const quirks = Array.isArray(health.quirks) ? health.quirks : null;
  byId("system-quirks").textContent =
    quirks === null ? "not reported" : quirks.length ? quirks.join(", ") : "none";
  return health;
}

async function loadInfo() {
  const answer = await call("GET", "/api/v2/info");
  byId("system-build").textContent = answer.ok
    ? `${answer.data.name} ${answer.data.buildVersion}` +
      ` (Spring Boot ${answer.data.springBootVersion})`
    : answer.message;
}

// One of OCP's lists (the first 100 rows) into a table, a row per item.
async function loadList(path, testid, tbody, columns, cells) {
  const answer = await call("GET", path, { query: { size: 100 } });
  const body = byId(tbody);
  if (!answer.ok) {
    body.replaceChildren(emptyRow(columns, answer.message));
    return;
  }
  const items = answer.data.contents;
  body.replaceChildren(
    ...(items.length
      ? items.map((item) => el("tr", { "data-testid": testid, "data-id": item.id }, ...cells(item)))
      : [emptyRow(columns, "None.")]),
  );
}

const td = (field, value) => el("td", { "data-field": field }, value ?? "–");

export async function loadSystem() {
  await Promise.all([
    loadHealth(),
    loadInfo(),
    loadList("/api/v2/ob/clusters", "cluster-row", "cluster-rows", 5, (c) => [
      td("id", c.id),
      td("name", c.name),
      td("obVersion", c.obVersion),
      td("type", c.type),
      el("td", {}, statusBadge(c.status)),
    ]),
    loadList("/api/v2/ob/tenants", "tenant-row", "tenant-rows", 5, (t) => [
      td("id", t.id),
      td("name", t.name),
      td("cluster", t.clusterName),
      td("mode", t.mode),
      el("td", {}, statusBadge(t.status)),
    ]),
    loadList("/api/v2/compute/hosts", "host-row", "host-rows", 5, (h) => [
      td("id", h.id),
      td("address", h.innerIpAddress),
      td("name", h.name),
      td("kind", h.kind),
      el("td", {}, statusBadge(h.status)),
    ]),
  ]);
}

async function reset() {
  const answer = await call("POST", "/__mock/reset");
  say(
    byId("system-answer"),
    answer.ok
      ? `Reset: ${answer.data.reset.join(", ")}; ${answer.data.tasks} tasks.`
      : answer.message,
    answer.ok ? "ok" : "error",
  );
  await loadSystem();
}

export function initSystem() {
  byId("reset").addEventListener("click", reset);
  byId("system-refresh").addEventListener("click", loadSystem);
}
