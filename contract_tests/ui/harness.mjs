// What the browser tests share (contract_tests/ui/ui.test.mjs): ocp-mock started on port 0 and
// awaited on its ready line (never a sleep), headless Chromium driven by puppeteer-core (pinned
// in tools/npm, from the cache tools/setup.sh fills), and the screenshots of each view.
//
// Environment (set by contract_tests/ui/ui_test.sh): OCP_MOCK (the binary), OCPMOCK_NPM_BIN (the
// npm tools' .bin), OCPMOCK_CHROMIUM (the browser), OCPMOCK_UI_SHOTS (where the screenshots go)
// and, optionally, OCPMOCK_UPDATE_SCREENSHOTS=1 with OCPMOCK_SOURCE_DIR to copy them to docs/ui/.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";

export const CREDENTIALS = "Basic " + Buffer.from("admin:Admin@123").toString("base64");

// startMock(args): ocp-mock on a free port, with args; resolves once it prints
// "listening on URL" to {url, stop(), log()}. Rejects, with its standard error, if it exits or
// stays silent for 30 s.
export function startMock(args = []) {
  const child = spawn(process.env.OCP_MOCK, ["--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`ocp-mock printed no ready line in 30 s: ${stderr}`));
    }, 30000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`ocp-mock exited (${code}) before it was ready: ${stderr}`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const m = /^listening on (http:\/\/\S+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({ url: m[1], stop, log: () => stderr });
    });
  });
}

// ocp(url, method, pathAndQuery, {auth, headers, body}): a request as a client sends it (no
// browser headers), answered as {status, json}.
export async function ocp(url, method, target, { auth = true, headers = {}, body } = {}) {
  const response = await fetch(url + target, {
    method,
    body,
    headers: { ...(auth ? { Authorization: CREDENTIALS } : {}), ...headers },
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text, headers: response.headers };
}

// The browser: headless Chromium from Debian's package, with puppeteer-core from the npm tools'
// cache. Without its sandbox as root (Chromium refuses to run so otherwise), or where the sandbox
// cannot start (a container without user namespaces): the page under test is our own.
export async function launchBrowser() {
  const require = createRequire(path.join(process.env.OCPMOCK_NPM_BIN, "..", "package.json"));
  const puppeteer = require("puppeteer-core");
  const args = ["--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"];
  const launch = (extra) =>
    puppeteer.launch({
      executablePath: process.env.OCPMOCK_CHROMIUM,
      headless: true,
      args: [...args, ...extra],
    });
  if (process.getuid && process.getuid() === 0) return launch(["--no-sandbox"]);
  try {
    return await launch([]);
  } catch (e) {
    console.error(
      `Chromium did not start with its sandbox (${e.message.split("\n")[0]}): again without`,
    );
    return launch(["--no-sandbox"]);
  }
}

// openPage(browser, url, view): a new page on /__mock/ui#view, once its script has run; the
// page's errors, dialogs and CSP violations are collected in page.problems, which a test
// expects empty.
export async function openPage(browser, url, view = "tasks") {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`page error: ${e.message}`));
  page.on("dialog", async (d) => {
    page.problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  // Chromium logs every answer of 400 or more as an error ("Failed to load resource"); the tests
  // ask for such answers, so those lines are not problems. Every other error is.
  page.on("console", (m) => {
    if (
      m.type() === "error" &&
      !m.text().startsWith("Failed to load resource: the server responded")
    ) {
      page.problems.push(`console: ${m.text()}`);
    }
  });
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${url}/__mock/ui#${view}`);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

export const testid = (id) => `[data-testid="${id}"]`;

// The text of every element matching selector.
export function texts(page, selector) {
  return page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent));
}

// Saves a screenshot of the page as NAME.png in OCPMOCK_UI_SHOTS (the build folder), and copies
// it to docs/ui/ when OCPMOCK_UPDATE_SCREENSHOTS=1, so that a test run never changes the tree.
export async function screenshot(page, name) {
  const dir = process.env.OCPMOCK_UI_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.OCPMOCK_UPDATE_SCREENSHOTS === "1") {
    const docs = path.join(process.env.OCPMOCK_SOURCE_DIR, "docs", "ui");
    mkdirSync(docs, { recursive: true });
    copyFileSync(file, path.join(docs, `${name}.png`));
  }
}
