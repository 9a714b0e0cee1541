// The page's files (mock/ui/assets/) read as text, without a browser: what docs/ui.md promises of
// them that a reading can check. Nothing in them builds HTML from strings or runs text as code;
// index.html has no inline script, no inline style and no event-handler attribute; nothing is
// fetched from elsewhere; every module imported is there; the DOM hooks the browser tests and
// docs/ui.md name exist; and the files stay well under the 200 KiB the binary allows.
//   node --test contract_tests/ui/assets.test.mjs
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const dir =
  process.env.OCPMOCK_UI_ASSETS ??
  path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "mock", "ui", "assets");
const files = Object.fromEntries(
  readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]),
);
// The scripts without their comments (which may name what they never do).
const scripts = Object.entries(files)
  .filter(([f]) => f.endsWith(".js"))
  .map(([f, text]) => [f, text.replace(/\/\*[\s\S]*?\*\/|(^|\s)\/\/.*$/gm, "$1")]);

test("no script builds HTML from a string or runs a string as code", () => {
  const forbidden = [
    /\binnerHTML\b/,
    /\bouterHTML\b/,
    /\binsertAdjacentHTML\b/,
    /\bdocument\.write(ln)?\b/,
    /\beval\s*\(/,
    /\bnew\s+Function\b/,
    /\bset(Timeout|Interval)\s*\(\s*["'`]/,
    /\bcreateContextualFragment\b/,
    /\bDOMParser\b/,
    /\.setHTML(Unsafe)?\b/,
    /\bsrcdoc\b/,
    /setAttribute\(\s*["'`](on|style|href|src|action|formaction)/i,
    /\.style\b/,
  ];
  for (const [file, text] of scripts) {
    for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${file}: ${pattern}`);
  }
});

test("index.html has no inline script, style or event handler, and loads only its own files", () => {
  const html = files["index.html"];
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  assert.deepEqual(scriptTags, ['<script type="module" src="/__mock/ui/app.js">']);
  assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/);
  assert.doesNotMatch(html, /<style\b/);
  assert.doesNotMatch(html, /\sstyle\s*=/);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
  for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
    assert.match(url, /^\/__mock\/ui\/[A-Za-z0-9._-]+$/, url);
    assert.ok(path.basename(url) in files, `${url} is not an asset`);
  }
});

test("nothing is fetched from another origin", () => {
  for (const [file, text] of Object.entries(files)) {
    const urls = (text.match(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi) ?? []).filter(
      (u) => u !== "http://www.w3.org/2000/svg",
    ); // the SVG namespace, not a fetch
    assert.deepEqual(urls, [], file);
    assert.doesNotMatch(text, /@import|url\(\s*["']?(?!data:)/, file);
  }
});

test("every module imported is an asset", () => {
  for (const [file, text] of scripts) {
    for (const [, name] of text.matchAll(/^import .* from ["']\.\/([^"']+)["'];$/gm)) {
      assert.ok(name in files, `${file} imports ${name}, which is not in ${dir}`);
    }
  }
});

test("the DOM hooks the tests and docs/ui.md name are there", () => {
  const all = Object.values(files).join("\n");
  const hooks = [
    "tab-tasks",
    "tab-journal",
    "tab-faults",
    "tab-clock",
    "tab-system",
    "view-tasks",
    "view-journal",
    "view-faults",
    "view-clock",
    "view-system",
    "filter-status",
    "filter-type",
    "filter-cluster",
    "filter-name",
    "filter-apply",
    "task-row",
    "page-next",
    "page-prev",
    "page-info",
    "task-detail",
    "subtask-row",
    "subtask-retry",
    "subtask-skip",
    "task-retry",
    "task-rollback",
    "task-cancel",
    "api-answer",
    "journal-method",
    "journal-path",
    "journal-status",
    "journal-user",
    "journal-row",
    "journal-entry",
    "fault-row",
    "fault-json",
    "fault-add",
    "fault-error",
    "fault-remove",
    "clock-now",
    "clock-scale",
    "clock-seconds",
    "clock-advance",
    "system-version",
    "system-quirks",
    "cluster-row",
    "tenant-row",
    "host-row",
    "reset",
  ];
  for (const hook of hooks) {
    // In index.html as an attribute, or in a script as the string given to el() or to
    // operationButton().
    assert.ok(all.includes(`data-testid="${hook}"`) || all.includes(`"${hook}"`), hook);
  }
});

test("the files stay well under the 200 KiB the binary allows", () => {
  const bytes = Object.keys(files).reduce(
    (sum, f) => sum + readFileSync(path.join(dir, f)).length,
    0,
  );
  assert.ok(bytes < 100 * 1024, `${bytes} bytes`);
});
