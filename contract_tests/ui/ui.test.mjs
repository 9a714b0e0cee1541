// The page (/__mock/ui, mock/ui/assets/) in a real browser: headless Chromium driven by
// puppeteer-core (docs/ui.md, "Tests"). One ocp-mock for the file, with time standing still
// (--time-scale 0) and reset before each test; a new page for each test, whose script errors,
// dialogs and CSP violations fail it. Each view's screenshot is written (harness.mjs, screenshot).
//   node --test contract_tests/ui/ui.test.mjs   (run by contract_tests/ui/ui_test.sh)
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, test } from "node:test";
import {
  CREDENTIALS,
  launchBrowser,
  ocp,
  openPage,
  screenshot,
  startMock,
  testid,
  texts,
} from "./harness.mjs";

let mock;
let browser;
let page;

before(async () => {
  mock = await startMock(["--time-scale", "0"]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await mock?.stop();
});
beforeEach(async () => {
  const reset = await ocp(mock.url, "POST", "/__mock/reset", { auth: false });
  assert.equal(reset.status, 200, reset.text);
});
afterEach(async () => {
  if (!page) return;
  const problems = [...page.problems, ...(await page.evaluate(() => window.__violations))];
  await page.close();
  page = null;
  assert.deepEqual(problems, [], "the page had errors, dialogs or CSP violations");
});

const click = (id) => page.click(testid(id));
// Sets a field's value as typing does: the page hears it (input and change events).
async function setValue(id, value) {
  await page.$eval(
    testid(id),
    (node, v) => {
      node.value = v;
      node.dispatchEvent(new Event("input", { bubbles: true }));
      node.dispatchEvent(new Event("change", { bubbles: true }));
    },
    value,
  );
}
// Clicks the newest journal row whose cell FIELD reads TEXT, once there is one; the click is made
// in the page at once, on the row as it is then (a poll may redraw the rows at any time).
const clickJournalRow = (field, text) =>
  page.waitForFunction(
    (f, t) => {
      const row = [...document.querySelectorAll('[data-testid="journal-row"]')].find(
        (r) => r.querySelector(`[data-field=${f}]`).textContent === t,
      );
      row?.click();
      return row !== undefined;
    },
    { timeout: 5000 },
    field,
    text,
  );
// Waits until the journal's rows show exactly these paths, newest first.
const journalPaths = (paths) =>
  until(
    (want) =>
      JSON.stringify(
        [...document.querySelectorAll('[data-testid="journal-row"] [data-field=path]')].map(
          (n) => n.textContent,
        ),
      ) === want,
    JSON.stringify(paths),
  );
// Waits until the function, run in the page, is true (puppeteer's own polling, no sleep).
const until = (fn, ...args) => page.waitForFunction(fn, { timeout: 5000 }, ...args);
const rowsText = () => texts(page, `${testid("task-row")} [data-field=status]`);

async function apiList(query) {
  const answer = await ocp(mock.url, "GET", `/api/v2/tasks/instances?${query}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.json.data;
}

// Fills the filter bar's fields (data-testid: value) and presses Search.
async function searchTasks(fields) {
  for (const [id, value] of Object.entries(fields)) {
    if (id === "filter-status") await page.select(testid(id), value);
    else await setValue(id, value);
  }
  await click("filter-apply");
}

// The pager's text for a page of the API's answer.
const pageInfo = (p) =>
  `page ${p.number} of ${Math.max(p.totalPages, 1)}, ${p.totalElements} ` +
  (p.totalElements === 1 ? "task" : "tasks");

// Waits until the table shows the API's answer DATA: its pager text and its tasks, in order.
async function waitForList(data) {
  await until(
    (info, ids) =>
      document.querySelector('[data-testid="page-info"]').textContent === info &&
      JSON.stringify(
        [...document.querySelectorAll('[data-testid="task-row"]')].map((r) =>
          Number(r.dataset.taskId),
        ),
      ) === ids,
    pageInfo(data.page),
    JSON.stringify(data.contents.map((t) => t.id)),
  );
}

test("the page is served with its security headers and shows the bundled tasks, paged", async () => {
  const served = await ocp(mock.url, "GET", "/__mock/ui", { auth: false });
  assert.equal(served.status, 200);
  assert.equal(
    served.headers.get("content-security-policy"),
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
      "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  assert.equal(served.headers.get("x-content-type-options"), "nosniff");

  page = await openPage(browser, mock.url, "tasks");
  const api = await apiList("size=10");
  await waitForList(api);
  assert.equal(
    await page.$eval(testid("page-info"), (n) => n.textContent),
    `page 1 of ${api.page.totalPages}, ${api.page.totalElements} tasks`,
  );
  const names = await texts(page, `${testid("task-row")} [data-field=name]`);
  assert.deepEqual(
    names,
    api.contents.map((t) => t.name),
  );
  await screenshot(page, "tasks");

  await click("page-next");
  await waitForList(await apiList("size=10&page=2"));
  await click("page-prev");
  await waitForList(api);
});

test("the filters ask the list endpoint with OCP's parameters: status, type, cluster, name", async () => {
  page = await openPage(browser, mock.url, "tasks");
  await until(() => document.querySelectorAll('[data-testid="task-row"]').length > 0);

  const failed = await apiList("status=FAILED&size=10");
  await searchTasks({ "filter-status": "FAILED" });
  await waitForList(failed);
  assert.ok((await rowsText()).every((s) => s === "FAILED"));

  const named = await apiList("status=FAILED&name=create+tenant&size=10");
  await searchTasks({ "filter-name": "create tenant" });
  await waitForList(named);
  const names = await texts(page, `${testid("task-row")} [data-field=name]`);
  assert.ok(names.length > 0 && names.every((n) => /create tenant/i.test(n)), names.join("; "));

  await page.select(testid("filter-status"), "");
  const byClusterId = await apiList("clusterId=2&size=10");
  await searchTasks({ "filter-name": "", "filter-cluster": "2" });
  await waitForList(byClusterId);

  const byClusterName = await apiList("cluterName=prod-hz-standby&size=10");
  await searchTasks({ "filter-cluster": "prod-hz-standby" });
  await waitForList(byClusterName);
  const clusters = await texts(page, `${testid("task-row")} [data-field=cluster]`);
  assert.ok(
    clusters.every((c) => c === "obcluster-prod-hz-standby"),
    clusters.join("; "),
  );

  const manual = await apiList("type=MANUAL&size=10");
  await searchTasks({ "filter-cluster": "", "filter-type": "MANUAL" });
  await waitForList(manual);

  // A refused filter shows OCP's answer, the envelope's message naming the parameter.
  const refused = await ocp(mock.url, "GET", "/api/v2/tasks/instances?type=BOGUS&page=1&size=10");
  assert.equal(refused.status, 400);
  await searchTasks({ "filter-type": "BOGUS" });
  await until(() => !document.querySelector('[data-testid="task-list-error"]').hidden);
  const error = await page.$eval(testid("task-list-error"), (n) => n.textContent);
  assert.equal(error, `400 ${refused.json.error.code}: ${refused.json.error.message}`);
});

test("a task's subtasks: retrying a failed one changes its status; a refusal shows OCP's message", async () => {
  page = await openPage(browser, mock.url, "tasks");
  const sent = [];
  page.on("request", (r) => {
    if (["fetch", "xhr"].includes(r.resourceType()))
      sent.push([r.url(), r.headers()["x-ocp-mock-ui"]]);
  });
  await searchTasks({ "filter-name": "can be retried" });
  await page.waitForSelector('[data-testid="task-row"][data-task-id="8000004"]');
  await page.click('[data-testid="task-row"][data-task-id="8000004"]');
  const failedStep = '[data-testid="subtask-row"][data-subtask-id="80000042"]';
  await page.waitForSelector(`${testid("task-detail")} ${failedStep}`);
  const detail = await ocp(mock.url, "GET", "/api/v2/tasks/instances/8000004");
  const shown = await page.$$eval(testid("subtask-row"), (rows) =>
    rows.map((r) => Number(r.dataset.subtaskId)),
  );
  assert.deepEqual(shown.toSorted(), detail.json.data.subtasks.map((s) => s.id).toSorted());
  assert.equal(
    await page.$eval(`${failedStep} [data-field=status]`, (n) => n.textContent),
    "FAILED",
  );

  // Its log, as the API has it.
  const log = await ocp(mock.url, "GET", "/api/v2/tasks/instances/8000004/subtasks/80000042/log");
  await page.click(`${failedStep} [data-testid="subtask-log-toggle"]`);
  await until(
    (s) => !document.querySelector(`${s} [data-testid="subtask-log"]`).hidden,
    failedStep,
  );
  assert.equal(
    await page.$eval(`${failedStep} [data-testid="subtask-log"]`, (n) => n.textContent),
    log.json.data.log,
  );
  await screenshot(page, "task-detail");

  await page.click(`${failedStep} [data-testid="subtask-retry"]`);
  await until(
    (s) => document.querySelector(`${s} [data-field=status]`).textContent === "READY",
    failedStep,
  );
  const answer = await page.$eval(testid("api-answer"), (n) => n.textContent);
  assert.equal(answer, "POST /api/v2/tasks/instances/8000004/subtasks/80000042/retry: 200 OK");
  const after = await ocp(mock.url, "GET", "/api/v2/tasks/instances/8000004");
  assert.equal(after.json.data.status, "RUNNING");
  assert.equal(after.json.data.subtasks.find((s) => s.id === 80000042).status, "READY");
  await until(
    () => document.querySelector('[data-testid="task-detail"]').dataset.status === "RUNNING",
  );

  // Retrying the task, now running, is refused: the answer is OCP's, code and message.
  await click("task-retry");
  await until(() =>
    document.querySelector('[data-testid="api-answer"]').classList.contains("error"),
  );
  const refusal = await ocp(mock.url, "POST", "/api/v2/tasks/instances/8000004/retry");
  assert.equal(refusal.status, 400);
  assert.equal(
    await page.$eval(testid("api-answer"), (n) => n.textContent),
    "POST /api/v2/tasks/instances/8000004/retry: " +
      `400 ${refusal.json.error.code}: ${refusal.json.error.message}`,
  );

  // Every call the page made carried the header the mock asks of a browser.
  assert.ok(sent.length > 3);
  for (const [url, header] of sent) assert.equal(header, "1", url);
});

test("a fault rule added in the form fires on the next request, and its errors show in place", async () => {
  page = await openPage(browser, mock.url, "faults");
  await until(() => document.querySelector('[data-testid="fault-rows"] tr.empty') !== null);

  const bad = '{"match": {"method": 5}, "action": {"type": "status", "status": 503}}';
  const refused = await ocp(mock.url, "POST", "/__mock/faults", { auth: false, body: bad });
  assert.equal(refused.status, 400);
  await setValue("fault-json", bad);
  await click("fault-add");
  await until(() => !document.querySelector('[data-testid="fault-error"]').hidden);
  const error = await page.$eval(testid("fault-error"), (n) => n.textContent);
  assert.equal(error, `400 ${refused.json.error.code}: ${refused.json.error.message}`);
  assert.match(error, /\/match\/method/);
  assert.equal((await page.$$(testid("fault-row"))).length, 0);

  await setValue(
    "fault-json",
    JSON.stringify({
      match: { method: "GET", path: "/api/v2/tasks/instances/8000001" },
      action: { type: "status", status: 503 },
      times: 1,
    }),
  );
  await click("fault-add");
  await page.waitForSelector(testid("fault-row"));
  assert.equal(await page.$eval(testid("fault-error"), (n) => n.hidden), true);
  const cell = (f) => page.$eval(`${testid("fault-row")} [data-field=${f}]`, (n) => n.textContent);
  assert.equal(await cell("fired"), "0");
  const id = await cell("id");

  const hit = await ocp(mock.url, "GET", "/api/v2/tasks/instances/8000001");
  assert.equal(hit.status, 503);
  await until(
    () =>
      document.querySelector('[data-testid="fault-row"] [data-field=fired]').textContent === "1",
  );
  assert.equal(await cell("matched"), "1");
  await screenshot(page, "faults");

  // The journal names the rule that fired.
  await click("tab-journal");
  await clickJournalRow("fault", `rule ${id} (status)`);
  await until(() =>
    /Fault rule \d+ fired/.test(
      document.querySelector('[data-testid="journal-entry"]').textContent,
    ),
  );
  const entry = await page.$eval(testid("journal-entry"), (n) => n.textContent);
  assert.match(entry, new RegExp(`"rule": ${id}`));
  assert.match(entry, /"path": "\/api\/v2\/tasks\/instances\/8000001"/);

  await click("tab-faults");
  await page.waitForSelector(testid("fault-remove"));
  await page.$eval(testid("fault-remove"), (n) => n.click());
  await until(() => document.querySelector('[data-testid="fault-row"]') === null);
  const left = await ocp(mock.url, "GET", "/__mock/faults", { auth: false });
  assert.deepEqual(left.json.data.contents, []);
});

test("a request appears in the live journal within a second, and the filters filter", async () => {
  page = await openPage(browser, mock.url, "journal");
  await page.waitForSelector(`${testid("journal-rows")} tr`); // the first poll answered
  const probe = `probe${Date.now()}`;
  const started = Date.now();
  await ocp(mock.url, "GET", `/api/v2/tasks/instances/8000002?${probe}=1`);
  await page.waitForFunction(
    (p) =>
      [...document.querySelectorAll('[data-testid="journal-row"] [data-field=path]')].some(
        (n) => n.textContent === `/api/v2/tasks/instances/8000002?${p}=1`,
      ),
    { timeout: 1000 },
    probe,
  );
  const waited = Date.now() - started;
  assert.ok(waited < 1000, `${waited} ms`);

  const viewer = "Basic " + Buffer.from("viewer:Viewer@123").toString("base64");
  await ocp(mock.url, "GET", "/api/v2/tasks/instances/8000003", {
    headers: { Authorization: viewer },
  });
  await ocp(mock.url, "POST", "/api/v2/tasks/instances/8000004/retry");
  await ocp(mock.url, "GET", "/api/v2/nothing/here");
  const column = (f) => texts(page, `${testid("journal-row")} [data-field=${f}]`);

  await page.select(testid("journal-method"), "POST");
  await journalPaths(["/api/v2/tasks/instances/8000004/retry"]);
  assert.deepEqual(await column("method"), ["POST"]);
  await page.select(testid("journal-method"), "");

  await page.type(testid("journal-status"), "404");
  await journalPaths(["/api/v2/nothing/here"]);
  await setValue("journal-status", "");
  await page.type(testid("journal-path"), "8000002"); // a part of the path: /*8000002*
  await journalPaths([`/api/v2/tasks/instances/8000002?${probe}=1`]);
  await setValue("journal-path", "");
  await setValue("journal-user", "viewer");
  await journalPaths(["/api/v2/tasks/instances/8000003"]);
  await setValue("journal-user", "admin");
  await journalPaths([
    "/api/v2/nothing/here",
    "/api/v2/tasks/instances/8000004/retry",
    `/api/v2/tasks/instances/8000002?${probe}=1`,
  ]);
  assert.deepEqual(await column("user"), ["admin", "admin", "admin"]);
  await setValue("journal-user", "nobody-at-all");
  await until(() => document.querySelector('[data-testid="journal-rows"] tr.empty') !== null);

  // A refused filter shows the journal's 400.
  await setValue("journal-user", "");
  await page.type(testid("journal-status"), "abc");
  await until(() => !document.querySelector('[data-testid="journal-error"]').hidden);
  assert.match(await page.$eval(testid("journal-error"), (n) => n.textContent), /^400 .*status/);
  await setValue("journal-status", "");
  await setValue("journal-path", "/api/v2/tasks/*");
  await journalPaths([
    "/api/v2/tasks/instances/8000004/retry",
    "/api/v2/tasks/instances/8000003",
    `/api/v2/tasks/instances/8000002?${probe}=1`,
  ]);
  assert.equal(await page.$eval(testid("journal-error"), (n) => n.hidden), true);
  await clickJournalRow("method", "POST");
  await until(() =>
    document.querySelector('[data-testid="journal-entry"]').textContent.includes('"sequence"'),
  );
  await screenshot(page, "journal");
});

test("hostile text in the journal and the task center is shown as sent, and nothing executes", async () => {
  const path = '/api/v2/"><img src=x onerror=window.__xss=1><script>window.__xss=2</script>';
  const param = '"><img src=x onerror="window.__xss=3">';
  const key = "<script>window.__xss=4</script>";
  const query = `q=${encodeURIComponent(param)}&${encodeURIComponent(key)}=1`;
  const hostile = await ocp(mock.url, "GET", `${path}?${query}`);
  assert.equal(hostile.status, 404);
  const name = '<img src=x onerror="window.__xss=5"><script>window.__xss=6</script>';
  const put = await ocp(mock.url, "PUT", "/__mock/tasks/9000001", {
    auth: false,
    body: JSON.stringify({
      task: {
        id: 9000001,
        name,
        status: "FAILED",
        creator: { id: 100, name: "admin" },
        subtasks: [
          { id: 90000011, name, description: name, operation: "EXECUTE", status: "FAILED" },
        ],
      },
    }),
  });
  assert.equal(put.status, 200, put.text);

  // The journal holds the path decoded and the query as sent (docs/testing-clients.md).
  const journal = await ocp(mock.url, "GET", "/__mock/requests?status=404&size=1", { auth: false });
  const [recorded] = journal.json.data.contents;
  assert.equal(recorded.path, path);
  const shown = `${recorded.path}?${recorded.query}`;

  page = await openPage(browser, mock.url, "journal");
  await clickJournalRow("path", shown);
  await until(() =>
    document.querySelector('[data-testid="journal-entry"]').textContent.includes("__xss"),
  );
  const entry = JSON.parse(await page.$eval(testid("journal-entry"), (n) => n.textContent));
  assert.equal(entry.path, path);
  assert.deepEqual(entry.params, { q: [param], "<script>window.__xss=4</script>": ["1"] });

  await click("tab-tasks");
  await searchTasks({ "filter-name": "onerror" });
  await page.waitForSelector('[data-testid="task-row"][data-task-id="9000001"]');
  assert.equal(
    await page.$eval('[data-task-id="9000001"] [data-field=name]', (n) => n.textContent),
    name,
  );
  await page.click('[data-testid="task-row"][data-task-id="9000001"]');
  await page.waitForSelector('[data-testid="subtask-row"][data-subtask-id="90000011"]');
  assert.equal(
    await page.$eval(`${testid("detail-name")} [data-field=name]`, (n) => n.textContent),
    name,
  );

  // Nothing the attacker wrote became an element or ran.
  const dom = await page.evaluate(() => ({
    xss: window.__xss ?? null,
    images: document.querySelectorAll("img").length,
    scripts: [...document.scripts].map((s) => s.getAttribute("src")),
    handlers: [...document.querySelectorAll("*")].filter((n) =>
      [...n.attributes].some((a) => a.name.startsWith("on")),
    ).length,
  }));
  assert.deepEqual(dom, { xss: null, images: 0, scripts: ["/__mock/ui/app.js"], handlers: 0 });
});

test("the clock shows now and the scale, and advances by N seconds", async () => {
  page = await openPage(browser, mock.url, "clock");
  const clock = (await ocp(mock.url, "GET", "/__mock/clock", { auth: false })).json.data;
  await until(
    (e) => document.querySelector('[data-testid="clock-epoch"]').textContent === e,
    String(clock.epochMillis),
  );
  assert.equal(await page.$eval(testid("clock-now"), (n) => n.textContent), clock.now);
  assert.match(await page.$eval(testid("clock-scale"), (n) => n.textContent), /^0 /);

  await setValue("clock-seconds", "3600");
  await click("clock-advance");
  const later = String(clock.epochMillis + 3600 * 1000);
  await until(
    (e) => document.querySelector('[data-testid="clock-epoch"]').textContent === e,
    later,
  );
  const now = (await ocp(mock.url, "GET", "/__mock/clock", { auth: false })).json.data;
  assert.equal(String(now.epochMillis), later);
  await screenshot(page, "clock");

  await setValue("clock-seconds", "soon");
  await click("clock-advance");
  await until(() =>
    document.querySelector('[data-testid="clock-answer"]').classList.contains("error"),
  );
  assert.match(await page.$eval(testid("clock-answer"), (n) => n.textContent), /^400 .*seconds/);
});

test("the system view shows the version, the clusters, tenants and hosts, and resets the mock", async () => {
  await ocp(mock.url, "POST", "/api/v2/tasks/instances/8000004/retry");
  page = await openPage(browser, mock.url, "system");
  const health = (await ocp(mock.url, "GET", "/__mock/health", { auth: false })).json.data;
  await until(
    (v) => document.querySelector('[data-testid="system-version"]').textContent === v,
    health.ocpVersion,
  );
  for (const [rows, list] of [
    ["cluster-row", "/api/v2/ob/clusters"],
    ["tenant-row", "/api/v2/ob/tenants"],
    ["host-row", "/api/v2/compute/hosts"],
  ]) {
    const api = (await ocp(mock.url, "GET", `${list}?size=100`)).json.data;
    await until(
      (r, n) => document.querySelectorAll(`[data-testid="${r}"]`).length === n,
      rows,
      api.contents.length,
    );
    const ids = await page.$$eval(testid(rows), (all) => all.map((r) => Number(r.dataset.id)));
    assert.deepEqual(
      ids,
      api.contents.map((x) => x.id),
      rows,
    );
  }
  await screenshot(page, "system");
  assert.equal(await page.$eval(testid("system-quirks"), (n) => n.textContent), "none");

  assert.equal(
    (await ocp(mock.url, "GET", "/api/v2/tasks/instances/8000004")).json.data.status,
    "RUNNING",
  );
  await click("reset");
  await until(() =>
    document.querySelector('[data-testid="system-answer"]').classList.contains("ok"),
  );
  assert.equal(
    (await ocp(mock.url, "GET", "/api/v2/tasks/instances/8000004")).json.data.status,
    "FAILED",
  );
});

test("the system view names the quirks the mock plays", async () => {
  const quirky = await startMock(["--quirks", "collation,language"]);
  try {
    page = await openPage(browser, quirky.url, "system");
    await until(
      () => document.querySelector('[data-testid="system-quirks"]').textContent === "language, collation",
    );
    // Checked here, as afterEach does, before this mock stops under the page.
    const problems = [...page.problems, ...(await page.evaluate(() => window.__violations))];
    assert.deepEqual(problems, [], "the page had errors, dialogs or CSP violations");
  } finally {
    await page?.close();
    page = null;
    await quirky.stop();
  }
});

test("a browser's state-changing request without X-OCP-Mock-UI is refused; the page's own pass", async () => {
  page = await openPage(browser, mock.url, "clock");
  const results = await page.evaluate(async (auth) => {
    const plain = await fetch("/__mock/clock/advance?seconds=1", { method: "POST" });
    const api = await fetch("/api/v2/tasks/instances/8000004/retry", {
      method: "POST",
      headers: { Authorization: auth },
    });
    const marked = await fetch("/__mock/clock/advance?seconds=1", {
      method: "POST",
      headers: { "X-OCP-Mock-UI": "1" },
    });
    return [[plain.status, (await plain.json()).error?.message], [api.status], [marked.status]];
  }, CREDENTIALS);
  assert.equal(results[0][0], 403);
  assert.match(results[0][1], /X-OCP-Mock-UI/);
  assert.deepEqual(results.slice(1), [[403], [200]]);
  assert.equal(
    (await ocp(mock.url, "GET", "/api/v2/tasks/instances/8000004")).json.data.status,
    "FAILED",
  );
});

test("a 401 shows the login bar; the credentials given there are used", async () => {
  page = await openPage(browser, mock.url, "tasks");
  await page.waitForSelector(testid("task-row"));
  await click("login-toggle");
  await setValue("login-password", "wrong");
  await click("login-apply");
  await until(() => !document.querySelector('[data-testid="task-list-error"]').hidden);
  assert.match(await page.$eval(testid("task-list-error"), (n) => n.textContent), /^401 /);
  await until(() => !document.querySelector('[data-testid="login-bar"]').hidden);
  assert.match(await page.$eval(testid("login-message"), (n) => n.textContent), /^401 /);

  await setValue("login-user", "viewer");
  await setValue("login-password", "Viewer@123");
  await click("login-apply");
  await until(() => document.querySelector('[data-testid="task-list-error"]').hidden);
  assert.equal(await page.$eval(testid("login-current"), (n) => n.textContent), "viewer");
  assert.ok((await page.$$(testid("task-row"))).length > 0);
});
