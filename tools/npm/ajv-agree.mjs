#!/usr/bin/env node
// A second JSON Schema implementation over the contract suite's answers (issue #26, point 3;
// docs/openapi.md, "A second validator: ajv"): every body the suite judged with Valijson
// (OCP_DUMP_ANSWERS=FILE, contract_tests/support/answer_dump.h) judged again by ajv, which we did
// not write:
//   files   ajv (draft-07) over the schema files themselves: the version's folder, its `extends`
//           chain, then schemas/ (the dump's header names them), as the suite reads them;
//   strict  with --openapi DIR, Ajv2020 over DIR/ocp-<version>.strict.openapi.json's
//           components.schemas: the same schemas converted to 2020-12 (mock/openapi/
//           schema_bundle.h), objects closed as the files close them.
// Both verdicts must be Valijson's on every body. A disagreement of `files` is one between the
// validators on the same schema text; one of `strict` alone is the conversion's. The default
// document (ocp-<version>.openapi.json, OCP's objects open) must accept every body Valijson
// accepts.
//
// Then mutants, so that the check can fail and every validator judges invalid input: from every
// 10th valid body, up to four, each at a place where the schema files must refuse it
// (mutants.mjs). Each must be refused by ajv (files, and strict with --openapi) and, with
// --valijson BIN (contract_tests/valijson_verdicts), by Valijson.
//
//   OCPMOCK_NPM_BIN=DIR node tools/npm/ajv-agree.mjs [--openapi DIR] [--valijson BIN] DUMP
//
// Prints the figures and, for each disagreement or mutant not refused (the first 20 of each),
// the request, the schema and each validator's first error; its last line is "ajv-agree: RESULT
// bodies=N valid=N invalid=N disagreements=N mutants=N unrefused=N". Exit status: 0 all agree;
// 1 a disagreement, a mutant not refused, no body, or a dump cut at its bound; 2 a usage error
// or unreadable input (a dump, a schema, a document, a schema ajv cannot compile).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { mutantsOf, MUTANT_KINDS } from "./mutants.mjs";
import { npmCache } from "./npm-cache.mjs";

function usage(message) {
  console.error(`ajv-agree: ${message}`);
  console.error(
    "usage: OCPMOCK_NPM_BIN=DIR node tools/npm/ajv-agree.mjs [--openapi DIR] [--valijson BIN] DUMP",
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  if (at + 1 >= args.length) usage(`${name} needs a value`);
  return args.splice(at, 2)[1];
};
const openapiDir = option("--openapi");
const valijsonBin = option("--valijson");
if (args.length !== 1 || args[0].startsWith("--")) usage("give one dump file");
const dumpFile = args[0];
const { require } = npmCache(usage);
const Ajv = require("ajv").default;
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const ajvVersion = require("ajv/package.json").version;

const BASE = "https://ocp-mock.invalid/schemas/";
const say = (line) => console.log(`ajv-agree: ${line}`);

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    usage(`${file}: ${e.message}`);
  }
}

// The schema files of one header's folders, the first folder's file winning, as the suite's
// SchemaSet reads them (mock/json/schema_dirs.h).
function schemaFiles(dirs) {
  const files = new Map();
  for (const dir of dirs) {
    let names;
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      usage(`the dump's schema folder ${dir}: ${e.message}`);
    }
    for (const name of names) {
      if (name.endsWith(".schema.json") && !files.has(name)) {
        files.set(name, readJson(path.join(dir, name)));
      }
    }
  }
  return files;
}

// A way to judge by an OpenAPI document's components.schemas with Ajv2020: (schema) => a
// validator, or null where the document holds no such schema.
function documentWay(file) {
  const doc = readJson(file);
  const schemas = doc.components?.schemas ?? {};
  const id = `https://ocp-mock.invalid/openapi/${path.basename(file)}`;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: id, components: { schemas } });
  return (name) =>
    Object.hasOwn(schemas, name)
      ? ajv.compile({ $ref: `${id}#/components/schemas/${name}` })
      : null;
}

// One header's judges: ajv over the files; with --openapi, Ajv2020 over the version's strict
// document (objects closed as the files close them: the same schemas) and its default one
// (OCP's objects open, docs/openapi.md); and the files themselves for the mutants' oracle.
function judgesFor(header) {
  const files = schemaFiles(header.schemaDirs);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [name, schema] of files) ajv.addSchema(schema, BASE + name);
  const ways = new Map([["files", (name) => ajv.getSchema(`${BASE}${name}.schema.json`) ?? null]]);
  if (openapiDir) {
    const document = (suffix) => path.join(openapiDir, `ocp-${header.version}${suffix}`);
    ways.set("strict", documentWay(document(".strict.openapi.json")));
    ways.set("open", documentWay(document(".openapi.json")));
  }
  return { version: header.version, schemaDirs: header.schemaDirs, files, ways, cache: new Map() };
}

const WAY_NAMES = {
  files: "ajv draft-07, the schema files",
  strict: "Ajv2020, ocp-V.strict.openapi.json",
  open: "Ajv2020, ocp-V.openapi.json",
};
const wayName = (way, judges) => WAY_NAMES[way].replace("V", judges.version);

// A compiled validator per (judges, way, schema), or null where the way has no such schema.
function validator(judges, way, schema) {
  const key = `${way} ${schema}`;
  if (!judges.cache.has(key)) {
    try {
      judges.cache.set(key, judges.ways.get(way)?.(schema) ?? null);
    } catch (e) {
      usage(`ajv cannot compile ${schema} (${wayName(way, judges)}): ${e.message}`);
    }
  }
  return judges.cache.get(key);
}

function firstError(validate) {
  const e = validate.errors?.[0];
  if (!e) return "";
  const params = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : "";
  return `${e.instancePath || "/"}: ${e.message}${params}`;
}

// ajv's verdict: {valid, first} or null when the way has no schema of that name.
function judge(judges, way, schema, body) {
  const validate = validator(judges, way, schema);
  if (!validate) return null;
  const valid = validate(body);
  return { valid, first: valid ? "" : firstError(validate) };
}

// The dump, read: records with the judges of the header before them.
function readDump(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    usage(`${file}: ${e.message}`);
  }
  const records = [];
  let judges = null;
  let cut = 0;
  const byHeader = new Map();
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let value;
    try {
      value = JSON.parse(line);
    } catch (e) {
      usage(`${file}:${i + 1}: not JSON (${e.message})`);
    }
    if (value.ocpmockAnswers !== undefined) {
      const key = JSON.stringify([value.version, value.schemaDirs]);
      if (!byHeader.has(key)) byHeader.set(key, judgesFor(value));
      judges = byHeader.get(key);
    } else if (value.cut) {
      cut++;
    } else {
      if (!judges) usage(`${file}:${i + 1}: an answer before any header line`);
      records.push({ ...value, judges });
    }
  });
  return { records, cut, versions: [...new Set([...byHeader.values()].map((j) => j.version))] };
}

function describe(r) {
  return `${r.method || "-"} ${r.path || r.where} (HTTP ${r.status}) against ${r.schema}`;
}

const verdictText = (v) => (v.valid ? "valid" : `invalid, ${v.first}`);

// The verdicts of `ways` on `body` as [name, verdict] (a way without the schema: left out), and
// the ways without it.
function verdictsOf(judges, ways, schema, body) {
  const verdicts = [];
  const missing = [];
  for (const way of ways) {
    const v = judge(judges, way, schema, body);
    if (v) verdicts.push([wayName(way, judges), v]);
    else missing.push(way);
  }
  return { verdicts, missing };
}

// Every body: ajv's verdicts over the files and the strict document must be Valijson's; the
// default (open) document must accept every body Valijson accepts.
function agreement(records) {
  const figures = { bodies: 0, valid: 0, invalid: 0, notJson: 0, disagreements: 0, openRefused: 0 };
  const notInDocument = new Map();
  const invalidShown = [];
  const report = (what, r, verdicts) => {
    figures.disagreements++;
    if (figures.disagreements > 20) return;
    say(`DISAGREEMENT: ${what}: ${describe(r)}`);
    say(`  Valijson: ${verdictText(r)}`);
    for (const [name, v] of verdicts) say(`  ${name}: ${verdictText(v)}`);
  };
  for (const r of records) {
    figures.bodies++;
    if (r.json === false) {
      // No JSON for ajv to judge; Valijson must have refused it.
      figures.notJson++;
      if (r.valid) report("Valijson accepted a body that is not JSON", r, []);
      continue;
    }
    r.valid ? figures.valid++ : figures.invalid++;
    const exact = ["files", ...(openapiDir ? ["strict"] : [])];
    const { verdicts, missing } = verdictsOf(r.judges, exact, r.schema, r.body);
    if (missing.includes("files")) report(`ajv has no ${r.schema}.schema.json`, r, verdicts);
    if (missing.includes("strict")) {
      notInDocument.set(r.schema, (notInDocument.get(r.schema) ?? 0) + 1);
    }
    if (verdicts.some(([, v]) => v.valid !== r.valid)) {
      report("the validators disagree", r, verdicts);
    }
    else if (!r.valid && invalidShown.length < 5) invalidShown.push([r, verdicts]);
    if (openapiDir && r.valid) {
      const open = judge(r.judges, "open", r.schema, r.body);
      if (open && !open.valid) {
        report("the default document refuses a valid body", r, [[wayName("open", r.judges), open]]);
      }
    }
  }
  return { figures, notInDocument, invalidShown };
}

// The mutants of every 10th valid body: ajv over the files and the strict document, and
// Valijson (--valijson), must refuse each.
function mutantRun(records) {
  const mutants = [];
  records
    .filter((r) => r.json !== false && r.valid)
    .forEach((r, i) => {
      if (i % 10 !== 0) return;
      for (const m of mutantsOf(r.body, r.schema, r.judges.files, i)) mutants.push({ ...m, r });
    });
  const valijson = valijsonBin ? valijsonVerdicts(mutants) : null;
  const byKind = Object.fromEntries(MUTANT_KINDS.map((k) => [k, 0]));
  let unrefused = 0;
  mutants.forEach((m, i) => {
    byKind[m.kind]++;
    const ways = ["files", ...(openapiDir ? ["strict"] : [])];
    const { verdicts } = verdictsOf(m.r.judges, ways, m.r.schema, m.body);
    if (valijson) verdicts.push(["Valijson", valijson[i]]);
    if (verdicts.every(([, v]) => !v.valid)) return;
    unrefused++;
    if (unrefused > 20) return;
    say(`NOT REFUSED: ${m.kind} at ${m.where} of ${describe(m.r)}`);
    for (const [name, v] of verdicts) say(`  ${name}: ${verdictText(v)}`);
  });
  return { count: mutants.length, byKind, unrefused };
}

// Valijson's verdicts on the mutants, in order, from contract_tests/valijson_verdicts.
function valijsonVerdicts(mutants) {
  const lines = [];
  let judges = null;
  for (const m of mutants) {
    if (m.r.judges !== judges) {
      ({ judges } = m.r);
      const { version, schemaDirs } = judges;
      lines.push(JSON.stringify({ ocpmockAnswers: 1, version, schemaDirs }));
    }
    lines.push(JSON.stringify({ schema: m.r.schema, body: m.body }));
  }
  const run = spawnSync(valijsonBin, [], { input: `${lines.join("\n")}\n`, maxBuffer: 1 << 28 });
  if (run.error || run.status !== 0) {
    usage(`${valijsonBin} failed: ${run.error?.message ?? run.stderr.toString()}`);
  }
  const verdicts = run.stdout.toString().trim().split("\n").filter(Boolean).map(JSON.parse);
  if (verdicts.length !== mutants.length) {
    usage(`${valijsonBin} judged ${verdicts.length} of ${mutants.length} mutants`);
  }
  return verdicts;
}

const started = Date.now();
const { records, cut, versions } = readDump(dumpFile);
const { figures, notInDocument, invalidShown } = agreement(records);
const mutants = mutantRun(records);
const judged = openapiDir
  ? "the schema files (draft-07), and with Ajv2020 the strict and the default OpenAPI documents"
  : "the schema files (draft-07)";
say(`ajv ${ajvVersion} over ${judged}; OCP ${versions.join(", ") || "-"}; ${dumpFile}`);
say(
  `${figures.bodies} bodies: ${figures.valid} valid and ${figures.invalid} invalid by Valijson` +
    (figures.notJson ? `, ${figures.notJson} not JSON` : "") +
    `; ${figures.disagreements} disagreement(s)`,
);
for (const [r, verdicts] of invalidShown) {
  say(`invalid by all: ${describe(r)}`);
  say(`  Valijson: ${r.first}`);
  for (const [name, v] of verdicts) say(`  ${name}: ${v.first}`);
}
for (const [schema, n] of notInDocument) {
  say(`${n} bodies against ${schema}, which the document does not hold: judged by the files only`);
}
const kinds = Object.entries(mutants.byKind).map(([k, n]) => `${k} ${n}`).join(", ");
const refusers =
  `ajv over the files${openapiDir ? " and the strict document" : ""}` +
  `${valijsonBin ? ", Valijson" : ""}`;
const refused = mutants.count - mutants.unrefused;
say(`${mutants.count} mutants (${kinds}): ${refused} refused by ${refusers}; ` +
  `${mutants.unrefused} not`);
if (cut) say(`the dump was cut at its bound (${cut} time(s)): not a whole run`);
say(`${Date.now() - started} ms`);
say(
  `RESULT bodies=${figures.bodies} valid=${figures.valid} invalid=${figures.invalid} ` +
    `disagreements=${figures.disagreements} mutants=${mutants.count} ` +
    `unrefused=${mutants.unrefused}`,
);
const failed =
  figures.bodies === 0 || figures.disagreements > 0 || mutants.unrefused > 0 || cut > 0;
process.exit(failed ? 1 : 0);
