// `ocp-compat diff A B` (tools/compat/diff_report.cc) read back into facts, for diff-agree.mjs.
//
//   const facts = compatDiff("/path/to/ocp-compat", "4.2.0", "4.2.1");
//   facts.schemas        Map schema -> [{path, what}]: the response schemas it compares
//                        (tools/compat/checks.h, kResponseSchemas); a change under "every
//                        response" is put under each of them, and kept in facts.everywhere
//   facts.akSk           "refused -> accepted", "accepted -> refused", or null
//   facts.errors         Map kind -> {code?: [from, to], message?: [from, to]} (codes as text)
//   facts.endpoints      [{line, operations: ["GET /api/v2/info", ...], change: added|removed}]
//   facts.lines          every line it printed, as printed
//   facts.unread         the lines this reader does not understand: diff-agree.mjs counts each
//                        as a disagreement, so that a new kind of line cannot pass unseen
// Throws when ocp-compat fails or prints no heading.
import { spawnSync } from "node:child_process";

// tools/compat/checks.h, kResponseSchemas: the answers its checks judge, and all it compares.
export const COMPAT_SCHEMAS = [
  "task-list-response", "task-detail-response", "subtask-log-response", "subtask-response",
  "no-data-response", "error-envelope", "cluster-list-response", "cluster-response",
  "tenant-list-response", "tenant-detail-response", "host-list-response",
];

export function compatDiff(binary, from, to) {
  const run = spawnSync(binary, ["diff", from, to], { encoding: "utf8" });
  if (run.error) throw new Error(`${binary} diff ${from} ${to}: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(`${binary} diff ${from} ${to}: status ${run.status}: ${run.stderr}`);
  }
  return readCompatDiff(run.stdout);
}

export function readCompatDiff(text) {
  const lines = text.split("\n");
  if (!/^What a client of OCP \S+ notices against OCP \S+$/.test(lines[0])) {
    throw new Error(`ocp-compat diff printed no heading: ${lines[0]}`);
  }
  const facts = {
    schemas: new Map(COMPAT_SCHEMAS.map((s) => [s, []])),
    everywhere: [],
    akSk: null,
    errors: new Map(),
    endpoints: [],
    lines: [],
    unread: [],
  };
  let section = null;
  for (const line of lines.slice(1)) {
    if (line === "" || line.startsWith("no difference:")) continue;
    if (!line.startsWith("  ")) {
      section = line;
      continue;
    }
    const item = line.slice(2);
    facts.lines.push(`${section}: ${item}`);
    if (!readItem(facts, section, item)) facts.unread.push(`${section}: ${item}`);
  }
  return facts;
}

function readItem(facts, section, item) {
  if (section === "every response" || facts.schemas.has(section)) {
    const at = item.indexOf(": ");
    if (at < 0) return false;
    const change = { path: item.slice(0, at), what: item.slice(at + 2) };
    if (section === "every response") {
      facts.everywhere.push(change);
      for (const list of facts.schemas.values()) list.push(change);
    } else {
      facts.schemas.get(section).push(change);
    }
    return true;
  }
  if (section === "authentication and errors") return readAuthOrError(facts, item);
  if (section === "endpoints") return readEndpoint(facts, item);
  return false;
}

function readAuthOrError(facts, item) {
  const akSk = /^AK\/SK signatures: (refused -> accepted|accepted -> refused)$/.exec(item);
  if (akSk) {
    facts.akSk = akSk[1];
    return true;
  }
  const code = /^error (\w+): code (\S+) -> (\S+)$/.exec(item);
  const message = /^error (\w+): message "(.*)" -> "(.*)"$/.exec(item);
  const found = code ?? message;
  if (!found) return false;
  const kind = found[1];
  if (!facts.errors.has(kind)) facts.errors.set(kind, {});
  facts.errors.get(kind)[code ? "code" : "message"] = [found[2], found[3]];
  return true;
}

// "GET /api/status: not documented -> documented";
// "GET /api/v2/info and /api/v2/time: documented -> not documented".
function readEndpoint(facts, item) {
  const m = /^(.+): (not documented -> documented|documented -> not documented)$/.exec(item);
  if (!m) return false;
  const operations = [];
  let method = null;
  for (const part of m[1].split(" and ")) {
    const op = /^(?:([A-Z]+) )?(\/\S*)$/.exec(part);
    if (!op || !(op[1] ?? method)) return false;
    method = op[1] ?? method;
    operations.push(`${method} ${op[2]}`);
  }
  facts.endpoints.push({
    line: item,
    operations,
    change: m[2].startsWith("not") ? "added" : "removed",
  });
  return true;
}
