#!/usr/bin/env node
// Checks that files are valid OpenAPI 3.1 documents, with tools we did not write:
//   - @seriousme/openapi-schema-validator: the document against the OpenAPI Initiative's 3.1
//     schema (with ajv), and every `$ref` in it resolving inside it;
//   - ajv's JSON Schema 2020-12 implementation: every Schema Object in the document valid
//     against the 2020-12 meta-schema, and every schema under components.schemas compiled
//     (each `$ref` reached, each `pattern` a valid regular expression). The OpenAPI 3.1 schema
//     does not do this part: it takes any object or boolean as a Schema Object.
// A document that says another OpenAPI version (3.0.x) is refused: ours are 3.1 (docs/openapi.md).
//
//   OCPMOCK_NPM_BIN=~/.cache/ocpmock/npm/<sha256>/node_modules/.bin \
//     node tools/npm/validate-openapi.mjs FILE...
//
// The packages come from the cache tools/setup.sh fills (ocpmock_npm_tools), found through
// OCPMOCK_NPM_BIN. Prints one verdict per file, with its counts or its errors (each with its JSON
// pointer). Exit status: 0 every file valid, 1 one is not, 2 a usage error or a file that is not
// JSON.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { npmCache } from "./npm-cache.mjs";

function usage(message) {
  console.error(`validate-openapi: ${message}`);
  console.error("usage: OCPMOCK_NPM_BIN=DIR node tools/npm/validate-openapi.mjs FILE...");
  process.exit(2);
}

const { require } = npmCache(usage);
const files = process.argv.slice(2);
if (files.length === 0) usage("no file given");
const load = (name) => import(pathToFileURL(require.resolve(name)).href);

const { Validator } = await load("@seriousme/openapi-schema-validator");
const validatorVersion = require("@seriousme/openapi-schema-validator/package.json").version;
const Ajv2020 = (await load("ajv/dist/2020.js")).default;
const addFormats = (await load("ajv-formats")).default;
const ajvVersion = require("ajv/package.json").version;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// A name as a JSON pointer's reference token (RFC 6901).
const escape = (name) => String(name).replaceAll("~", "~0").replaceAll("/", "~1");

// Every Schema Object of a document, with its JSON pointer: components' schemas, and those of the
// parameters, headers and media types of every operation and component.
function schemaObjects(doc) {
  const found = [];
  const entries = (o) => (o && typeof o === "object" ? Object.entries(o) : []);
  const content = (c, at) => {
    for (const [type, media] of entries(c)) {
      if (media?.schema) found.push([`${at}/content/${escape(type)}/schema`, media.schema]);
    }
  };
  const headers = (h, at) => {
    for (const [name, header] of entries(h)) {
      if (header?.schema) found.push([`${at}/headers/${escape(name)}/schema`, header.schema]);
      content(header?.content, `${at}/headers/${escape(name)}`);
    }
  };
  const parameter = (p, at) => {
    if (p?.schema) found.push([`${at}/schema`, p.schema]);
    content(p?.content, at);
  };
  const response = (r, at) => {
    content(r?.content, at);
    headers(r?.headers, at);
  };
  const operation = (op, at) => {
    entries(op?.parameters).forEach(([i, p]) => parameter(p, `${at}/parameters/${i}`));
    content(op?.requestBody?.content, `${at}/requestBody`);
    for (const [code, r] of entries(op?.responses)) response(r, `${at}/responses/${escape(code)}`);
  };
  for (const [p, item] of entries(doc.paths)) {
    const at = `/paths/${escape(p)}`;
    entries(item?.parameters).forEach(([i, prm]) => parameter(prm, `${at}/parameters/${i}`));
    for (const m of METHODS) if (item?.[m]) operation(item[m], `${at}/${m}`);
  }
  const c = doc.components ?? {};
  for (const [name, s] of entries(c.schemas)) {
    found.push([`/components/schemas/${escape(name)}`, s]);
  }
  for (const [name, p] of entries(c.parameters)) {
    parameter(p, `/components/parameters/${escape(name)}`);
  }
  for (const [name, r] of entries(c.responses)) {
    response(r, `/components/responses/${escape(name)}`);
  }
  for (const [name, b] of entries(c.requestBodies)) {
    content(b?.content, `/components/requestBodies/${escape(name)}`);
  }
  headers(c.headers, "/components");
  return found;
}

function describe(errors) {
  if (typeof errors === "string") return [errors];
  return (errors ?? []).map((e) => {
    const extra = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : "";
    return `${e.instancePath || "/"}: ${e.message}${extra}`;
  });
}

// The JSON Schema 2020-12 part: each Schema Object against the meta-schema, then every component
// schema compiled, its `$ref`s resolved against the document (which is added as the schema
// resource "doc", so that "#/components/schemas/x" means what it means in the document).
function schemaProblems(doc) {
  const problems = [];
  const schemas = schemaObjects(doc);
  const meta = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  for (const [at, schema] of schemas) {
    if (!meta.validateSchema(schema)) {
      for (const line of describe(meta.errors)) {
        problems.push(`${at}: not a JSON Schema 2020-12: ${line}`);
      }
    }
  }
  if (problems.length > 0) return { problems, count: schemas.length };
  const ajv = new Ajv2020({ strict: false, validateSchema: false, validateFormats: false });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: "doc" });
  for (const name of Object.keys(doc.components?.schemas ?? {})) {
    const at = `/components/schemas/${escape(name)}`;
    try {
      ajv.compile({ $ref: `doc#${at}` });
    } catch (e) {
      problems.push(`${at}: does not compile: ${e.message}`);
    }
  }
  return { problems, count: schemas.length };
}

function counts(doc) {
  const items = Object.values(doc.paths ?? {});
  const operations = items.reduce((n, item) => n + METHODS.filter((m) => item?.[m]).length, 0);
  const schemas = Object.keys(doc.components?.schemas ?? {}).length;
  return `${items.length} paths, ${operations} operations, ${schemas} component schemas`;
}

let failed = 0;
for (const file of files) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    usage(`${file}: not a JSON file (${e.message})`);
  }
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc));
  const problems = [];
  if (!result.valid) problems.push(...describe(result.errors));
  else if (validator.version !== "3.1") {
    problems.push(`/openapi: "${doc.openapi}" is not OpenAPI 3.1`);
  }
  let checked = 0;
  if (problems.length === 0) {
    const found = schemaProblems(doc);
    problems.push(...found.problems);
    checked = found.count;
  }
  if (problems.length === 0) {
    console.log(
      `validate-openapi: ${file}: valid OpenAPI ${doc.openapi} ` +
        `(@seriousme/openapi-schema-validator ${validatorVersion}), ${checked} Schema Objects ` +
        `valid JSON Schema 2020-12 (ajv ${ajvVersion}); ${counts(doc)}`,
    );
    continue;
  }
  failed++;
  console.log(`validate-openapi: ${file}: INVALID, ${problems.length} error(s):`);
  for (const line of problems) console.log(`  ${line}`);
}
process.exit(failed === 0 ? 0 : 1);
