#!/usr/bin/env node
// Checks HAR files against the HAR 1.2 JSON Schema, with ajv (a JSON Schema implementation we did
// not write), twice:
//   - har-schema 2.0.0: the per-object schemas (draft-06) har-validator used, strict on what HAR
//     1.2 requires (an absolute `uri` URL, a date-time startedDateTime, timings' send, wait and
//     receive, content's size and mimeType, the sizes);
//   - @har-sdk/validator's HAR 1.2 schema (draft-07, maintained with its OpenAPI and Postman
//     schemas), looser on formats and stricter in one place: at least one entry.
// Both must accept a file. Custom fields (`_user`, `_traceId`, ...) are allowed by both, as HAR
// 1.2 allows them.
//
//   OCPMOCK_NPM_BIN=~/.cache/ocpmock/npm/<sha256>/node_modules/.bin node tools/npm/check-har.mjs FILE...
//
// The packages come from the cache tools/setup.sh fills (ocpmock_npm_tools), found through
// OCPMOCK_NPM_BIN. Exit status: 0 every file valid, 1 one is not (each violation printed with its
// JSON pointer), 2 a usage error or a file that is not JSON.
import { readFileSync } from "node:fs";
import { npmCache } from "./npm-cache.mjs";

function usage(message) {
  console.error(`check-har: ${message}`);
  console.error("usage: OCPMOCK_NPM_BIN=DIR node tools/npm/check-har.mjs FILE...");
  process.exit(2);
}

const { require } = npmCache(usage);
const files = process.argv.slice(2);
if (files.length === 0) usage("no file given");

const Ajv = require("ajv").default;
const addFormats = require("ajv-formats").default;

// har-schema: one schema per HAR object, referring to each other by file name ("log.json#").
function harSchemaValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  addFormats(ajv);
  const schemas = require("har-schema");
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  const version = require("har-schema/package.json").version;
  return { name: `har-schema ${version}`, validate: ajv.getSchema("har.json#") };
}

// @har-sdk/validator's: one draft-07 document. Its `$async` flag makes the validator return a
// promise; its `errorMessage` keywords (ajv-errors) only reword messages, so they are left out.
function harSdkValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schema = require("@har-sdk/validator/dist/schemas/har/v1.2.json");
  const version = require("@har-sdk/validator/package.json").version;
  return { name: `@har-sdk/validator ${version} (HAR 1.2)`, validate: ajv.compile(schema) };
}

// The violations `validate` finds in `doc`, as "pointer: message" lines.
async function violations(validate, doc) {
  try {
    const valid = await validate(doc);
    return valid ? [] : describe(validate.errors);
  } catch (e) {
    if (e instanceof Ajv.ValidationError) return describe(e.errors);
    throw e;
  }
}

function describe(errors) {
  return (errors ?? []).map((e) => {
    const extra = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : "";
    return `${e.instancePath || "/"}: ${e.message}${extra}`;
  });
}

const validators = [harSchemaValidator(), harSdkValidator()];
let failed = 0;
for (const file of files) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    usage(`${file}: not a JSON file (${e.message})`);
  }
  for (const { name, validate } of validators) {
    const found = await violations(validate, doc);
    if (found.length === 0) {
      console.log(`check-har: ${file}: valid against ${name}`);
      continue;
    }
    failed++;
    console.log(`check-har: ${file}: ${found.length} violation(s) of ${name}:`);
    for (const line of found) console.log(`  ${line}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
