// Optic's changelog of two documents (optic-diff.mjs), sorted into what diff-compare.mjs
// compares with ocp-compat and what lies outside that common ground.
//
//   const seen = sortOpticChanges(operations, outside, odd);
//   seen.added, seen.removed   Set of "METHOD /path": operations added, removed
//   seen.akSk                  Map operation -> "added" | "removed": its `ocpAkSk` security
//   seen.leaves                [{where, kind, field: code|message, before, after}]: the error
//                              example KIND of an error answer ("GET /x 404"), as Optic shows it
//   seen.texts                 [{where, before, after}]: error answers' descriptions and their
//                              examples' summaries, which name "KIND (CODE): MESSAGE"
//   seen.fields                Map answer -> [{name, status, path, change}]: its schema's field
//                              changes, at ocp-compat's field paths ("data.contents[].mode")
// `outside(category, text)` is called for each change outside the common ground (OUTSIDE names
// the categories), `odd(operation, text)` for each that fits nowhere: a disagreement.

export const OUTSIDE = {
  requests: "requests: query parameters and bodies (ocp-compat's contract is the answers)",
  samples: "documented samples and their errata (ocp-compat compares schemas, not samples)",
  words: "descriptions, summaries and keywords outside ocp-compat's outline (patterns, bounds)",
  schemas: "answer schemas ocp-compat does not compare (it compares the 11 its checks judge)",
  document: "the document's info and tags, and operation metadata (permissions, provenance)",
  components: "components.schemas, which Optic diffs a second time, apart from the operations " +
    "(their changes are compared above, in each answer that uses them)",
  unlisted: "ocp-compat's error kinds that no operation's documented answers list (404 for an " +
    "unknown path, 405, 503... are no operation's answer: docs/openapi.md)",
  unused: "ocp-compat's changes in schemas no operation of both documents answers with",
};

// The keywords ocp-compat's outline reads (tools/compat/schema_outline.h); the others (title,
// description, pattern, bounds, examples, x-...) are not part of what it compares.
export const SEMANTIC = new Set(["enum", "const", "type", "oneOf", "anyOf", "required"]);

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export function operationsOf(doc) {
  const ops = new Map();
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const m of METHODS) if (item[m]) ops.set(`${m.toUpperCase()} ${p}`, item[m]);
  }
  return ops;
}

// The schema an answer names ("task-list-response"), or "(inline)"; the examples it lists.
export const schemaOf = (op, status) => {
  const ref = op?.responses?.[status]?.content?.["application/json"]?.schema?.$ref;
  return ref ? ref.split("/").pop() : "(inline)";
};
export const examplesOf = (op, status) =>
  Object.keys(op?.responses?.[status]?.content?.["application/json"]?.examples ?? {});

// "/properties/data/properties/contents/items/properties/mode" -> "data.contents[].mode"; null
// for a pointer through anything but properties and items.
export function fieldPath(pointer) {
  const tokens = pointer.split("/").slice(1)
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
  let out = "";
  for (let i = 0; i < tokens.length; ++i) {
    if (tokens[i] === "properties" && i + 1 < tokens.length) {
      out += (out ? "." : "") + tokens[++i];
    } else if (tokens[i] === "items") {
      out += "[]";
    } else {
      return null;
    }
  }
  return out;
}

export function sortOpticChanges(operations, outside, odd) {
  const seen = { added: new Set(), removed: new Set(), akSk: new Map(), leaves: [], texts: [],
    fields: new Map() };
  for (const op of operations) {
    if (op.change === "added" || op.change === "removed") {
      seen[op.change].add(op.name);
      continue;
    }
    for (const a of op.attributes ?? []) {
      if (a.key.startsWith("/security")) {
        if (JSON.stringify(a.after ?? a.before).includes("ocpAkSk")) {
          seen.akSk.set(op.name, a.change);
        } else {
          odd(op.name, `security ${a.key} ${a.change}`);
        }
      } else if (a.key === "/description" || a.key === "/summary") {
        outside(OUTSIDE.words, `${op.name}: ${a.key.slice(1)} ${a.change}`);
      } else {
        outside(OUTSIDE.document, `${op.name}: ${a.key} ${a.change}`);
      }
    }
    for (const p of op.parameters ?? []) {
      outside(OUTSIDE.requests, `${op.name}: ${p.name} ${p.change}`);
    }
    if (op.requestBody) {
      outside(OUTSIDE.requests, `${op.name}: request body ${op.requestBody.change}`);
    }
    for (const resp of op.responses ?? []) sortResponse(op.name, resp, seen, outside, odd);
  }
  return seen;
}

function sortResponse(name, resp, seen, outside, odd) {
  const status = resp.name.split(" ")[0];
  const where = `${name} ${status}`;
  if (resp.change !== "changed") return odd(name, `answer ${status} ${resp.change}`);
  const isError = Number(status) >= 400;
  for (const a of resp.attributes ?? []) {
    if (a.key === "/description" && isError) {
      seen.texts.push({ where: `${where} description`, before: a.before, after: a.after });
    } else if (a.key === "/description") {
      outside(OUTSIDE.words, `${where}: description changed`);
    } else {
      odd(name, `answer ${status}: ${a.key} ${a.change}`);
    }
  }
  for (const h of resp.headers ?? []) {
    outside(OUTSIDE.words, `${where}: header ${h.name} ${h.change}`);
  }
  for (const content of resp.contentTypes ?? []) {
    if (content.change !== "changed") {
      odd(name, `answer ${status}: ${content.name} ${content.change}`);
      continue;
    }
    const bodies = [];
    for (const a of content.attributes ?? []) {
      const example = /^\/examples\/([^/]+)(\/.*)?$/.exec(a.key);
      if (a.key.startsWith("/schema")) {
        const path = fieldPath(a.key.slice("/schema".length));
        if (path === null) {
          odd(name, `answer ${status}: schema ${a.key} ${a.change}`);
          continue;
        }
        if (!seen.fields.has(where)) seen.fields.set(where, []);
        seen.fields.get(where).push({ name, status, path, change: a });
      } else if (isError && example) {
        const [kind, rest] = [example[1], example[2] ?? ""];
        const { before, after } = a;
        const leaf = /^\/value\/error\/(code|message)$/.exec(rest);
        if (leaf) {
          seen.leaves.push({ where, kind, field: leaf[1], before, after });
        } else if (rest === "/summary") {
          seen.texts.push({ where: `${where} ${kind} summary`, before, after });
        } else {
          odd(name, `answer ${status}: ${a.key} ${a.change}`);
        }
      } else if (!isError && (a.key === "/examples" || example)) {
        outside(OUTSIDE.samples, `${where}: ${a.key} ${a.change}`);
      } else if (a.key === "" && !isError) {
        bodies.push(a);
      } else {
        odd(name, `answer ${status}: ${a.key || "(body)"} ${a.change}`);
      }
    }
    for (const a of bodies) sortBodyChange(where, a, seen, outside, odd);
  }
}

// Optic's change of a whole body (key ""): its errata and examples are samples; its schema part
// repeats the field changes Optic lists beside it, which is checked (every field in it whose
// outline keywords changed is among them).
function sortBodyChange(where, a, seen, outside, odd) {
  const keys = new Set([...Object.keys(a.before ?? {}), ...Object.keys(a.after ?? {})]);
  for (const key of keys) {
    if (key === "x-ocp-sample-errata" || key === "examples") {
      outside(OUTSIDE.samples, `${where}: ${key} changed`);
      continue;
    }
    if (key !== "schema") {
      odd(where, `body ${key} changed`);
      continue;
    }
    const listed = new Set((seen.fields.get(where) ?? []).map((f) => f.path));
    const changed = [];
    const walk = (node, path) => {
      if (!node || typeof node !== "object") return;
      if (Object.keys(node).some((k) => SEMANTIC.has(k))) changed.push(path);
      for (const [k, v] of Object.entries(node.properties ?? {})) {
        walk(v, path ? `${path}.${k}` : k);
      }
      if (node.items) walk(node.items, `${path}[]`);
    };
    for (const side of [a.before?.schema, a.after?.schema]) walk(side, "");
    const missing = [...new Set(changed)].filter((p) => !listed.has(p));
    if (missing.length) {
      odd(where, `body schema changed at ${missing.join(", ")}, not listed as fields`);
    }
  }
}
