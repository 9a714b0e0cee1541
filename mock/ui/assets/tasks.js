// The task center, laid out as OCP's console lays it out: a filter bar, the task table with a
// pager, and a drawer with the task's facts, its operations and its subtasks as a timeline (each
// with its log). Everything comes from OCP's own task API (docs/api.md).
import { call } from "./api.js";
import { byId, clickableRow, el, emptyRow, say, shortTime, statusBadge } from "./dom.js";

// detailRun: the number of the latest load of the detail; an answer to an older one is dropped
// (journal.js), so one refresh chain runs at a time.
// detailShown: the task drawn in the drawer, as JSON.
// listRun: the same for the list.
const state = {
  page: 1,
  taskId: null,
  refreshTimer: 0,
  detailRun: 0,
  detailShown: "",
  listRun: 0,
  openLogs: new Set(),
};

// The list's query from the filter bar: OCP's documented parameters (docs/api.md). A cluster given
// as digits is its id, anything else a part of its name (cluterName, OCP's documented spelling).
function listQuery() {
  const cluster = byId("filter-cluster").value.trim();
  const digits = /^\d+$/.test(cluster);
  return {
    status: byId("filter-status").value,
    type: byId("filter-type").value.trim(),
    name: byId("filter-name").value.trim(),
    clusterId: digits ? cluster : "",
    cluterName: digits ? "" : cluster,
    page: state.page,
    size: byId("filter-size").value,
  };
}

export async function loadTasks() {
  const run = ++state.listRun;
  const answer = await call("GET", "/api/v2/tasks/instances", { query: listQuery() });
  if (run !== state.listRun) return;
  const rows = byId("task-rows");
  if (!answer.ok) {
    say(byId("task-list-error"), answer.message, "error");
    rows.replaceChildren(emptyRow(8, "No tasks: see the answer above."));
    byId("page-info").textContent = "";
    return;
  }
  say(byId("task-list-error"), "");
  const { contents, page } = answer.data;
  rows.replaceChildren(
    ...(contents.length ? contents.map(taskRow) : [emptyRow(8, "No task matches.")]),
  );
  const pages = Math.max(page.totalPages, 1);
  byId("page-info").textContent =
    `page ${page.number} of ${pages}, ${page.totalElements} ` +
    (page.totalElements === 1 ? "task" : "tasks");
  byId("page-prev").disabled = page.number <= 1;
  byId("page-next").disabled = page.number >= page.totalPages;
}

function taskRow(task) {
  const row = el(
    "tr",
    { "data-testid": "task-row", "data-task-id": task.id },
    el("td", { "data-field": "id" }, task.id),
    el("td", { "data-field": "name" }, task.name),
    el("td", {}, statusBadge(task.status)),
    el("td", { "data-field": "cluster" }, task.cluster ? task.cluster.name : "–"),
    el("td", { "data-field": "tenant" }, task.tenant ? task.tenant.name : "–"),
    el("td", { "data-field": "creator" }, task.creator ? task.creator.name : "–"),
    el("td", { "data-field": "startTime" }, shortTime(task.startTime)),
    el("td", { "data-field": "finishTime" }, shortTime(task.finishTime)),
  );
  if (task.id === state.taskId) row.classList.add("selected");
  return clickableRow(row, () => openTask(task.id));
}

export async function openTask(id) {
  if (state.taskId !== id) {
    state.openLogs.clear();
    state.detailShown = "";
    say(byId("api-answer"), "");
  }
  state.taskId = id;
  for (const row of byId("task-rows").children) {
    row.classList.toggle("selected", row.dataset.taskId === String(id));
  }
  byId("task-detail").hidden = false;
  await loadDetail();
}

function closeTask() {
  state.taskId = null;
  state.detailRun += 1;
  clearTimeout(state.refreshTimer);
  byId("task-detail").hidden = true;
  for (const row of byId("task-rows").children) row.classList.remove("selected");
}

// The detail, again every second while the task runs (the clock moves it on).
async function loadDetail() {
  clearTimeout(state.refreshTimer);
  const run = ++state.detailRun;
  const id = state.taskId;
  if (id === null) return;
  const answer = await call("GET", `/api/v2/tasks/instances/${id}`);
  if (run !== state.detailRun) return;
  if (!answer.ok) {
    say(byId("api-answer"), answer.message, "error");
    return;
  }
  renderDetail(answer.data);
  if (answer.data.status === "RUNNING" && !byId("view-tasks").hidden) {
    state.refreshTimer = setTimeout(loadDetail, 1000);
  }
}

function renderDetail(task) {
  const detail = byId("task-detail");
  // Drawn again only when the task changed, so that a button under the pointer stays put.
  const key = JSON.stringify(task);
  if (state.detailShown === key) return;
  state.detailShown = key;
  detail.dataset.taskId = task.id;
  detail.dataset.status = task.status;
  byId("detail-name").replaceChildren(
    el("span", { "data-field": "name" }, task.name),
    " ",
    statusBadge(task.status),
  );
  const facts = [
    ["ID", task.id],
    ["Operation", task.operation],
    ["Cluster", task.cluster?.name],
    ["Tenant", task.tenant?.name],
    ["Creator", task.creator?.name],
    ["Executor", task.executor],
    ["Created", shortTime(task.createTime)],
    ["Started", shortTime(task.startTime)],
    ["Finished", shortTime(task.finishTime)],
    ["Rollback", task.prohibitRollback ? "prohibited" : "allowed"],
  ];
  byId("detail-facts").replaceChildren(
    ...facts.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value ?? "–")]),
  );
  byId("task-cancel").disabled = !(task.subtasks || []).some((s) => s.status === "RUNNING");
  byId("subtask-list").replaceChildren(
    ...timelineOrder(task.subtasks || []).map((subtask) => subtaskItem(task.id, subtask)),
  );
}

// The subtasks in the order they run: by seriesId (their depth in the graph), then parallelIdx,
// then id; subtasks without these keep the order of the answer.
function timelineOrder(subtasks) {
  const key = (s) => [s.seriesId ?? 0, s.parallelIdx ?? 0, s.id];
  return [...subtasks].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  });
}

function subtaskItem(taskId, subtask) {
  const buttons = [];
  if (subtask.status === "FAILED") {
    buttons.push(
      operationButton(
        "subtask-retry",
        "Retry",
        `/api/v2/tasks/instances/${taskId}/subtasks/${subtask.id}/retry`,
      ),
    );
    buttons.push(
      operationButton(
        "subtask-skip",
        "Skip",
        `/api/v2/tasks/instances/${taskId}/subtasks/${subtask.id}/skip`,
      ),
    );
  }
  if (subtask.status === "RUNNING") {
    buttons.push(
      operationButton(
        "subtask-cancel",
        "Cancel",
        `/api/v2/tasks/instances/${taskId}/subtasks/${subtask.id}/cancel`,
      ),
    );
  }
  const logButton = el(
    "button",
    { type: "button", class: "link", "data-testid": "subtask-log-toggle" },
    "Log",
  );
  const log = el("pre", { class: "log", "data-testid": "subtask-log", hidden: true });
  logButton.addEventListener("click", () => toggleLog(taskId, subtask.id, log));
  if (state.openLogs.has(subtask.id)) showLog(taskId, subtask.id, log);
  const times = subtask.startTime
    ? `${shortTime(subtask.startTime)} → ${shortTime(subtask.finishTime)}`
    : "not started";
  return el(
    "li",
    {
      "data-testid": "subtask-row",
      "data-subtask-id": subtask.id,
      class: `step ${statusClass(subtask.status)}`,
    },
    el(
      "div",
      { class: "step-head" },
      el("span", { class: "step-name", "data-field": "name" }, subtask.name),
      statusBadge(subtask.status),
      el("span", { class: "muted", "data-field": "operation" }, subtask.operation ?? ""),
      el("span", { class: "spacer" }),
      ...buttons,
      logButton,
    ),
    el(
      "div",
      { class: "muted small" },
      `#${subtask.id} · ${times}`,
      subtask.runTime ? ` · run ${subtask.runTime}` : "",
    ),
    log,
  );
}

function statusClass(status) {
  return { FAILED: "failed", SUCCESSFUL: "successful", RUNNING: "running" }[status] || "pending";
}

async function toggleLog(taskId, subtaskId, log) {
  if (!log.hidden) {
    log.hidden = true;
    state.openLogs.delete(subtaskId);
    return;
  }
  state.openLogs.add(subtaskId);
  await showLog(taskId, subtaskId, log);
}

async function showLog(taskId, subtaskId, log) {
  const answer = await call("GET", `/api/v2/tasks/instances/${taskId}/subtasks/${subtaskId}/log`);
  log.textContent = answer.ok ? answer.data.log || "(empty log)" : answer.message;
  log.hidden = false;
}

function operationButton(testid, label, path) {
  const button = el("button", { type: "button", "data-testid": testid }, label);
  button.addEventListener("click", () => operate(path));
  return button;
}

// An operation: OCP's answer, errors included, in api-answer; then the detail and list again.
async function operate(path) {
  const answer = await call("POST", path);
  state.detailShown = ""; // drawn again, logs included
  say(byId("api-answer"), `POST ${path}: ${answer.message}`, answer.ok ? "ok" : "error");
  await Promise.all([loadDetail(), loadTasks()]);
}

// The task's Cancel: OCP documents no cancel of a whole task, only of a running subtask, so it
// cancels each subtask that runs (what the console's cancel does to a running step).
async function cancelTask() {
  const id = state.taskId;
  const answer = await call("GET", `/api/v2/tasks/instances/${id}`);
  if (!answer.ok) {
    say(byId("api-answer"), answer.message, "error");
    return;
  }
  const running = (answer.data.subtasks || []).filter((s) => s.status === "RUNNING");
  if (!running.length) {
    say(byId("api-answer"), "No subtask is running: nothing to cancel.", "error");
    return;
  }
  const lines = [];
  let ok = true;
  for (const s of running) {
    const path = `/api/v2/tasks/instances/${id}/subtasks/${s.id}/cancel`;
    const one = await call("POST", path);
    ok &&= one.ok;
    lines.push(`POST ${path}: ${one.message}`);
  }
  say(byId("api-answer"), lines.join("\n"), ok ? "ok" : "error");
  await Promise.all([loadDetail(), loadTasks()]);
}

export function initTasks() {
  byId("task-filters").addEventListener("submit", (event) => {
    event.preventDefault();
    state.page = 1;
    loadTasks();
  });
  byId("task-filters").addEventListener("reset", () => {
    state.page = 1;
    setTimeout(loadTasks); // after the form has cleared its fields
  });
  byId("page-prev").addEventListener("click", () => {
    state.page = Math.max(1, state.page - 1);
    loadTasks();
  });
  byId("filter-size").addEventListener("change", () => {
    state.page = 1;
    loadTasks();
  });
  byId("page-next").addEventListener("click", () => {
    state.page += 1;
    loadTasks();
  });
  byId("detail-close").addEventListener("click", closeTask);
  byId("detail-refresh").addEventListener("click", loadDetail);
  byId("task-retry").addEventListener("click", () =>
    operate(`/api/v2/tasks/instances/${state.taskId}/retry`),
  );
  byId("task-rollback").addEventListener("click", () =>
    operate(`/api/v2/tasks/instances/${state.taskId}/rollback`),
  );
  byId("task-cancel").addEventListener("click", cancelTask);
}

// Called when the view is shown.
export function showTasks() {
  loadTasks();
  if (state.taskId !== null) loadDetail();
}
