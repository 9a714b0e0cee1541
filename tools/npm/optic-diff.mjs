// Optic's diff of two OpenAPI documents, for diff-agree.mjs: what `optic diff A B --json
// --validation loose` reports, and the specification-level changes its text output lists under
// "specification details" (the --json output leaves them out).
//
//   const optic = loadOptic(process.env.OCPMOCK_NPM_BIN);   // Optic 1.0.9, from the npm cache
//   const view = opticView(document);                        // what Optic is given (below)
//   const { operations, specification } = await optic.diff(fileA, fileB);
//   opticCli(bin, fileA, fileB)                              // the same, from the `optic` command
//
// `diff` runs, in this process, the functions the `optic diff` command runs (its build/commands/
// diff/diff.js: loadSpec with denormalize, compute's compareSpecs and groupDiffsByEndpoint, then
// jsonChangelog), without the command-line layer and without the rule runner: the rules
// ("checks", breaking-change verdicts) add results beside the changelog and change nothing in it.
// Loading Optic once and each document once makes the five adjacent pairs take 5 s instead of
// five 10 s commands. `opticCli` runs the command itself; diff-agree.mjs --cli checks that both
// give the same changelog.
//
// Two things about Optic 1.0.9 that the documents meet:
// - `--validation loose`: its strict check refuses every OpenAPI 3.1 document with
//   `jsonSchemaDialect` ("must NOT have additional properties"): its own 3.1 schema
//   (`@useoptic/openapi-io`, validation/validation-schemas.js) closes the root object without that
//   field, which OpenAPI 3.1 has (opticdev/optic#1990, open, is about the same closed root).
// - `opticView`: Optic merges an `allOf` by keeping the first definition of each property name
//   (`@useoptic/openapi-io`, denormalizers/denormalizeProperty.js, mergeAllOf: "For duplicates,
//   choose the first instance of this key"). Every enveloped answer is `allOf: [envelope,
//   {data: ...}]`, and the envelope has `data: {}` (any value), so Optic would see every answer's
//   `data` as `{}` and report no change in any of them. The view drops, from every object schema
//   without `additionalProperties` or `patternProperties`, the properties whose schema is `{}`:
//   a property that accepts anything, in an object that constrains no other property, constrains
//   nothing (JSON Schema 2020-12 §10.3.2.1), so the view validates exactly what the document does.
//   Today that is one property per document, the envelope's `data`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const local = createRequire(import.meta.url);

// The document Optic is given: `doc` (parsed, not changed) with the always-true properties
// dropped as above; `dropped` lists their JSON pointers.
export function opticView(doc) {
  const view = structuredClone(doc);
  const dropped = [];
  const walk = (node, pointer) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${pointer}/${i}`));
    if (node === null || typeof node !== "object") return;
    const props = node.properties;
    if (props && typeof props === "object" && !Array.isArray(props) &&
        !("additionalProperties" in node) && !("patternProperties" in node)) {
      for (const [name, schema] of Object.entries(props)) {
        if (schema && typeof schema === "object" && !Array.isArray(schema) &&
            Object.keys(schema).length === 0) {
          delete props[name];
          dropped.push(`${pointer}/properties/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`);
        }
      }
    }
    for (const [key, value] of Object.entries(node)) {
      walk(value, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    }
  };
  walk(view.paths, "#/paths");
  walk(view.components, "#/components");
  return { view, dropped };
}

// Optic's modules from the npm cache (OCPMOCK_NPM_BIN's node_modules), with the parse memo
// (optic-yaml-memo.cjs) in place first.
export function loadOptic(bin) {
  process.env.OCPMOCK_NPM_BIN = bin;
  local("./optic-yaml-memo.cjs");
  const optic = path.join(path.dirname(bin), "@useoptic", "optic");
  const require = createRequire(path.join(optic, "package.json"));
  const { loadSpec } = require("./build/utils/spec-loaders");
  const { compareSpecs, groupDiffsByEndpoint } = require("@useoptic/openapi-utilities");
  const { jsonChangelog } = require("./build/commands/diff/changelog-renderers/json-changelog");
  const loaded = new Map(); // file -> Optic's parse, denormalized
  const load = async (file) => {
    if (!loaded.has(file)) {
      loaded.set(file, await loadSpec(file, {}, { strict: false, denormalize: true }));
    }
    return loaded.get(file);
  };
  return {
    version: require("./package.json").version,
    async diff(fileA, fileB) {
      const [from, to] = [await load(fileA), await load(fileB)];
      const noRules = { runRules: async () => [] };
      const result = await compareSpecs(from, to, noRules, {});
      const specs = { from: from.jsonLike, to: to.jsonLike };
      const grouped = groupDiffsByEndpoint(specs, result.diffs, result.results);
      return {
        operations: jsonChangelog(specs, grouped).operations,
        // {change, before?, after?: JSON pointers}: the info, tags, and (unmatched) components.
        specification: [...grouped.specification.diffs, ...grouped.unmatched.diffs],
        to: to.jsonLike,
      };
    },
  };
}

// `optic diff fileA fileB --json --validation loose` itself, with its default checks and the
// parse memo: its operations, or throws with what it printed.
export function opticCli(bin, fileA, fileB) {
  const home = mkdtempSync(path.join(os.tmpdir(), "optic-home-"));
  const env = {
    ...process.env,
    HOME: home, // Optic's config and update cache stay in the scratch folder
    OCPMOCK_NPM_BIN: bin,
    OPTIC_TELEMETRY_LEVEL: "off",
    NO_UPDATE_NOTIFIER: "1",
    NODE_OPTIONS: `--require ${local.resolve("./optic-yaml-memo.cjs")}`,
  };
  delete env.CI; // under CI=true Optic also writes ci-run-details.json; the changelog is the same
  try {
    const run = spawnSync(path.join(bin, "optic"),
      ["diff", fileA, fileB, "--json", "--validation", "loose"], {
        cwd: home, // no optic.dev.yml, no git repository: nothing but the two files
        encoding: "utf8",
        maxBuffer: 1 << 28,
        env,
      });
    // Status 1 is Optic's breaking-change checks failing (an enum value removed...): the
    // changelog is printed all the same.
    if (run.error) throw new Error(`optic diff ${fileA} ${fileB}: ${run.error.message}`);
    if ((run.status !== 0 && run.status !== 1) || !run.stdout.trim().startsWith("{")) {
      throw new Error(`optic diff ${fileA} ${fileB}: status ${run.status}: ${run.stderr}`);
    }
    return JSON.parse(run.stdout).operations;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

// Writes each view into a scratch folder, for Optic (which reads files); returns the folder's
// path and a function that removes it.
export function scratchFolder() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "diff-agree-"));
  return {
    dir,
    write: (name, doc) => {
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify(doc, null, 1));
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
