// Whether Optic's diff of two versions' OpenAPI documents and `ocp-compat diff` agree on what
// changed, on the ground both look at; for diff-agree.mjs, which prints the result.
//
//   const r = compareDiffs({ compat, optic, from, to });
//   // compat: compat-diff.mjs's facts; optic: optic-diff.mjs's diff; from, to: the documents
//   r.agree     [text]  a change both report (with in how many places Optic shows it)
//   r.disagree  [text]  a change one reports and the other does not, though it looks there
//   r.outside   Map category -> [text]: what one reports and the other does not look at
//
// The common ground (docs/openapi.md, "Diffing two versions"):
// - endpoints: an operation Optic finds added or removed is one ocp-compat reports as now
//   documented or no longer, and the reverse. An operation the documents keep while ocp-compat
//   reports it undocumented agrees when the profile flag that says so (info.x-ocp-profile)
//   changed as ocp-compat says: the mock serves /api/v2/info and /api/v2/time in every version
//   (mock/versions/profile.h), so both documents have them;
// - AK/SK: ocp-compat's "AK/SK signatures" line is `ocpAkSk` added to (removed from) the security
//   of every operation that takes credentials, with the profile's `akSk` and the scheme itself;
// - error codes and messages: each `error KIND` line is the same change in the KIND example of
//   every error answer that lists KIND, and the reverse; the examples' summaries and the answers'
//   descriptions ("KIND (CODE): MESSAGE"), with ocp-compat's changes applied, read as Optic shows
//   them after;
// - answer schemas: each change ocp-compat reports in a schema it compares (COMPAT_SCHEMAS) is
//   the same change (field added or removed, type, enum values, required) at the same field of
//   every answer with that schema, and the reverse. A change in a schema it does not compare
//   agrees when ocp-compat reports it under "every response" (the envelope's), and is outside the
//   common ground otherwise.
// Every other change Optic reports falls in a category of OUTSIDE, or is a disagreement.
import { COMPAT_SCHEMAS } from "./compat-diff.mjs";
import { examplesOf, operationsOf, OUTSIDE, schemaOf, SEMANTIC, sortOpticChanges }
  from "./optic-changes.mjs";

// The profile flags that say which versions have these operations (schemas/profile.schema.json;
// mock/api/route_table.h).
const FLAG_OPERATIONS = {
  apiStatus: (op) => op === "GET /api/status",
  infoAndTime: (op) => op === "GET /api/v2/info" || op === "GET /api/v2/time",
  arbitration: (op) => op.includes(" /api/v2/arbitration/"),
};

export function compareDiffs({ compat, optic, from, to }) {
  const r = { agree: [], disagree: [], outside: new Map() };
  const outside = (category, text) => {
    if (!r.outside.has(category)) r.outside.set(category, []);
    r.outside.get(category).push(text);
  };
  const odd = (where, what) =>
    r.disagree.push(`optic: ${where}: ${what}, which nothing here explains`);
  for (const line of compat.unread) r.disagree.push(`ocp-compat printed a line not read: ${line}`);
  const seen = sortOpticChanges(optic.operations, outside, odd);
  const ctx = { compat, seen, r, outside, opsA: operationsOf(from), opsB: operationsOf(to),
    flags: new Map(), akSkFlag: null, specAkSk: [] };
  const profile = (doc, flag) => doc.info?.["x-ocp-profile"]?.[flag];
  for (const d of optic.specification) {
    const pointer = d.after ?? d.before ?? "";
    const flag = /^\/info\/x-ocp-profile\/(\w+)$/.exec(pointer)?.[1];
    if (flag && (flag in FLAG_OPERATIONS || flag === "akSk")) {
      const change = [profile(from, flag), profile(to, flag)];
      if (flag === "akSk") {
        ctx.akSkFlag = change;
        ctx.specAkSk.push(`x-ocp-profile.akSk ${change.join(" -> ")}`);
      } else {
        ctx.flags.set(flag, change);
      }
    } else if (pointer === "/components/securitySchemes/ocpAkSk") {
      ctx.specAkSk.push(`securitySchemes.ocpAkSk ${d.change}`);
    } else if (pointer.startsWith("/components/schemas/")) {
      outside(OUTSIDE.components, `${pointer} ${d.change}`);
    } else {
      outside(OUTSIDE.document, `${pointer} ${d.change}`);
    }
  }
  compareEndpoints(ctx);
  compareAkSk(ctx);
  compareErrors(ctx);
  compareSchemas(ctx);
  return r;
}

function compareEndpoints({ compat, seen, r, opsA, opsB, flags }) {
  const covered = new Set();
  for (const e of compat.endpoints) {
    for (const op of e.operations) {
      covered.add(`${e.change} ${op}`);
      const flag = Object.keys(FLAG_OPERATIONS).find((f) => FLAG_OPERATIONS[f](op));
      const flagSays = flags.has(flag) && flags.get(flag)[1] === (e.change === "added");
      if (seen[e.change].has(op)) {
        r.agree.push(`endpoint ${op} ${e.change}: optic: operation ${e.change}`);
      } else if (opsA.has(op) && opsB.has(op) && flagSays) {
        r.agree.push(`endpoint ${op} ${e.change === "added" ? "now" : "no longer"} documented: ` +
          "optic: in both documents (the mock serves it in both versions), " +
          `x-ocp-profile.${flag} ${flags.get(flag).join(" -> ")}`);
      } else {
        r.disagree.push(`ocp-compat: ${e.line}; optic: no such change of ${op}`);
      }
    }
  }
  for (const change of ["added", "removed"]) {
    for (const op of seen[change]) {
      if (!covered.has(`${change} ${op}`)) {
        r.disagree.push(`optic: operation ${op} ${change}; ocp-compat: no such endpoint change`);
      }
    }
  }
  for (const [flag, values] of flags) {
    if (!compat.endpoints.some((e) => e.operations.some(FLAG_OPERATIONS[flag]))) {
      r.disagree.push(`optic: x-ocp-profile.${flag} ${values.join(" -> ")}; ocp-compat: no ` +
        "change of the endpoints that flag governs");
    }
  }
}

function compareAkSk({ compat, seen, r, opsA, opsB, akSkFlag, specAkSk }) {
  const none = "ocp-compat: no AK/SK change";
  if (compat.akSk === null) {
    for (const [op, change] of seen.akSk) {
      r.disagree.push(`optic: ${op}: ocpAkSk ${change}; ${none}`);
    }
    for (const s of specAkSk) r.disagree.push(`optic: ${s}; ${none}`);
    return;
  }
  const expected = compat.akSk === "refused -> accepted" ? "added" : "removed";
  const credentialed = [...opsB.keys()].filter((op) => opsA.has(op) &&
    (opsA.get(op).security ?? []).length > 0 && (opsB.get(op).security ?? []).length > 0);
  const missing = credentialed.filter((op) => seen.akSk.get(op) !== expected);
  const extra = [...seen.akSk.keys()].filter((op) => !credentialed.includes(op));
  if (missing.length || extra.length || akSkFlag?.[1] !== (expected === "added")) {
    r.disagree.push(`ocp-compat: AK/SK signatures ${compat.akSk}; optic: ocpAkSk ${expected} in ` +
      `${credentialed.length - missing.length} of the ${credentialed.length} operations that ` +
      `take credentials (not: ${missing.join(", ") || "-"}; elsewhere: ` +
      `${extra.join(", ") || "-"}), ` +
      `profile and scheme: ${specAkSk.join(", ") || "no change"}`);
  } else {
    r.agree.push(`AK/SK signatures ${compat.akSk}: optic: ocpAkSk ${expected} in the security of ` +
      `all ${credentialed.length} operations that take credentials; ${specAkSk.join(", ")}`);
  }
}

// ocp-compat's error changes applied to a text that lists "KIND (CODE): MESSAGE".
export function withCompatErrors(text, errors) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let out = text;
  for (const [kind, { code, message }] of errors) {
    if (code) out = out.replaceAll(`${kind} (${code[0]})`, () => `${kind} (${code[1]})`);
    if (message) {
      const re = new RegExp(`${escape(kind)} \\(([^)]*)\\): ${escape(message[0])}`, "g");
      out = out.replace(re, (_, c) => `${kind} (${c}): ${message[1]}`);
    }
  }
  return out;
}

function compareErrors({ compat, seen, r, outside, opsA, opsB }) {
  // The error answers of both documents, per kind they list.
  const listing = new Map();
  for (const [op, a] of opsA) {
    const b = opsB.get(op);
    for (const status of Object.keys(a.responses ?? {}).filter((s) => Number(s) >= 400)) {
      const inB = new Set(examplesOf(b, status));
      for (const kind of examplesOf(a, status).filter((k) => inB.has(k))) {
        if (!listing.has(kind)) listing.set(kind, []);
        listing.get(kind).push(`${op} ${status}`);
      }
    }
  }
  const shown = new Map(); // "kind field" -> Set of answers
  for (const leaf of seen.leaves) {
    const said = compat.errors.get(leaf.kind)?.[leaf.field];
    if (said && said[0] === String(leaf.before) && said[1] === String(leaf.after)) {
      const key = `${leaf.kind} ${leaf.field}`;
      if (!shown.has(key)) shown.set(key, new Set());
      shown.get(key).add(leaf.where);
    } else {
      r.disagree.push(`optic: ${leaf.where}: example ${leaf.kind} ${leaf.field} ` +
        `${JSON.stringify(leaf.before)} -> ${JSON.stringify(leaf.after)}; ocp-compat: ` +
        (said ? `${said[0]} -> ${said[1]}` : "no such change"));
    }
  }
  for (const [kind, fields] of compat.errors) {
    for (const [field, [a, b]] of Object.entries(fields)) {
      const where = listing.get(kind) ?? [];
      const line = field === "code" ? `error ${kind}: code ${a} -> ${b}`
        : `error ${kind}: message ${JSON.stringify(a)} -> ${JSON.stringify(b)}`;
      if (where.length === 0) {
        outside(OUTSIDE.unlisted, line);
        continue;
      }
      const missing = where.filter((w) => !shown.get(`${kind} ${field}`)?.has(w));
      if (missing.length) {
        r.disagree.push(`ocp-compat: ${line}; optic: not in ${missing.join(", ")}`);
      } else {
        r.agree.push(`${line}: optic: in ${every(where.length, "error answer")} listing ${kind}`);
      }
    }
  }
  let consistent = 0;
  for (const t of seen.texts) {
    if (withCompatErrors(t.before, compat.errors) === t.after) {
      ++consistent;
    } else {
      r.disagree.push(`optic: ${t.where} ${JSON.stringify(t.before)} -> ` +
        `${JSON.stringify(t.after)}` +
        "; with ocp-compat's changes it would read " +
        JSON.stringify(withCompatErrors(t.before, compat.errors)));
    }
  }
  if (consistent) {
    r.agree.push(`error summaries and descriptions: all ${consistent} that optic shows changed ` +
      "read, after ocp-compat's code and message changes, as optic shows them");
  }
}

// One field change Optic shows, as ocp-compat's outline would put it: [{path, kind, values?}];
// `words`: the keywords outside the outline that changed too.
function opticExpectations(path, a) {
  if (a.change === "added" || a.change === "removed") {
    return { expect: [{ path, kind: a.change }], words: [] };
  }
  const [before, after] = [a.before ?? {}, a.after ?? {}];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const expect = [];
  const values = (s) => ("enum" in s ? s.enum : "const" in s ? [s.const] : null);
  if (keys.has("enum") || keys.has("const")) {
    const [x, y] = [values(before), values(after)].map((v) => v && valueSet(v));
    if (x && y) {
      if (minus(y, x).size) expect.push({ path, kind: "enum-added", values: minus(y, x) });
      if (minus(x, y).size) expect.push({ path, kind: "enum-removed", values: minus(x, y) });
    } else {
      expect.push({ path, kind: x ? "unrestricted" : "restricted" });
    }
  }
  if (["type", "oneOf", "anyOf"].some((k) => keys.has(k))) expect.push({ path, kind: "type" });
  if (keys.has("required")) {
    const [x, y] = [new Set(before.required ?? []), new Set(after.required ?? [])];
    const child = (n) => (path ? `${path}.${n}` : n);
    for (const n of minus(y, x)) expect.push({ path: child(n), kind: "required" });
    for (const n of minus(x, y)) expect.push({ path: child(n), kind: "optional" });
  }
  return { expect, words: [...keys].filter((k) => !SEMANTIC.has(k)) };
}

// One of ocp-compat's schema lines in the same terms; null when not understood.
function compatExpectation({ path, what }) {
  const e = /^enum values (added|removed): (.*)$/.exec(what);
  if (e) return { path, kind: `enum-${e[1]}`, values: valueSet(JSON.parse(`[${e[2]}]`)) };
  const kinds = [[/^added \(/, "added"], [/^removed \(/, "removed"], [/^type /, "type"],
    [/^values now restricted/, "restricted"], [/^values no longer restricted/, "unrestricted"],
    [/^now required$/, "required"], [/^now optional$/, "optional"]];
  const kind = kinds.find(([re]) => re.test(what))?.[1];
  return kind ? { path, kind } : null;
}

// "the one answer", "all 4 answers".
const every = (n, noun) => (n === 1 ? `the one ${noun}` : `all ${n} ${noun}s`);
const valueSet = (list) => new Set(list.map((v) => JSON.stringify(v)));
const minus = (a, b) => new Set([...a].filter((v) => !b.has(v)));
const same = (a, b) => a.path === b.path && a.kind === b.kind && (!a.values ||
  (a.values.size === b.values.size && [...a.values].every((v) => b.values.has(v))));

function compareSchemas({ compat, seen, r, outside, opsA, opsB }) {
  const compared = new Set(COMPAT_SCHEMAS);
  const expectedBy = (schema) =>
    (compat.schemas.get(schema) ?? []).map((c) => ({ c, e: compatExpectation(c) }));
  const everywhere = compat.everywhere.map(compatExpectation).filter(Boolean);
  const optic = new Map(); // answer -> its expectations
  const elsewhere = new Set(); // answers outside `compared` with an "every response" change
  for (const [where, fields] of seen.fields) {
    const { name, status } = fields[0];
    const schema = schemaOf(opsB.get(name), status);
    const list = [];
    for (const f of fields) {
      const { expect, words } = opticExpectations(f.path, f.change);
      if (words.length) {
        outside(OUTSIDE.words, `${where}: ${f.path || "(root)"}: ${words.join(", ")}`);
      }
      for (const e of expect) {
        const values = e.values ? ` ${[...e.values].join(", ")}` : "";
        const text = `${where} (${schema}): ${e.path} ${e.kind}${values}`;
        if (compared.has(schema)) {
          list.push(e);
          if (!expectedBy(schema).some(({ e: c }) => c && same(e, c))) {
            r.disagree.push(`optic: ${text}; ocp-compat: no such change in ${schema}`);
          }
        } else if (everywhere.some((c) => same(e, c))) {
          list.push(e);
          elsewhere.add(where);
        } else {
          outside(OUTSIDE.schemas, text);
        }
      }
    }
    optic.set(where, list);
  }
  const answersWith = (schema) => [...opsA].filter(([op]) => opsB.has(op)).flatMap(([op, a]) =>
    Object.keys(a.responses ?? {}).filter((s) => schemaOf(a, s) === schema &&
      schemaOf(opsB.get(op), s) === schema).map((s) => `${op} ${s}`));
  for (const schema of COMPAT_SCHEMAS) {
    const answers = answersWith(schema);
    for (const { c, e } of expectedBy(schema)) {
      const line = `${schema}: ${c.path}: ${c.what}`;
      if (!e) {
        r.disagree.push(`ocp-compat: ${line}: not understood`);
      } else if (answers.length === 0) {
        outside(OUTSIDE.unused, line);
      } else {
        const missing = answers.filter((w) => !(optic.get(w) ?? []).some((o) => same(o, e)));
        if (missing.length) {
          r.disagree.push(`ocp-compat: ${line}; optic: not at ${missing.join(", ")}`);
        } else {
          r.agree.push(`${line}: optic: in ${every(answers.length, "answer")} with ${schema}`);
        }
      }
    }
  }
  if (elsewhere.size) {
    const lines = compat.everywhere.map((c) => `${c.path}: ${c.what}`).join("; ");
    r.agree.push(`every response: ${lines}: ` +
      `optic: also in ${elsewhere.size} answers whose schemas ocp-compat does not compare`);
  }
}
