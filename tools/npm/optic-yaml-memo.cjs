// Optic 1.0.9 made fast enough to run in a test, without changing what it reports: its
// denormalizer (`@useoptic/openapi-io`, denormalizers/pointer.js, logPointer) calls
// `sourcemapReader` for every property an `allOf` merges, and each call parses the whole document
// again with yaml-ast-parser's `safeLoad` (`@useoptic/openapi-utilities`, sourcemap-reader.js).
// Our documents have hundreds of such properties: 100 s for one `optic diff` of two 500 KB
// documents on this machine. Parsing is pure, so the parse of a given text is kept and handed out
// again; the same diff then takes 10 s and prints the same changelog, byte for byte (checked by
// contract_tests/openapi_diff_agreement_test.sh, tools/npm/diff-agree.mjs --cli).
//
// Loaded by diff-agree.mjs (optic-diff.mjs) before Optic's modules, and by the `optic` command it
// runs with --cli (NODE_OPTIONS=--require THIS). Finds the packages through OCPMOCK_NPM_BIN, as
// every tool in this folder (README.md); does nothing without it.
"use strict";
const path = require("node:path");

const bin = process.env.OCPMOCK_NPM_BIN;
if (bin) {
  // The copy Optic's sourcemap reader loads (there is one in the tree; resolved from its folder).
  const from = path.join(path.dirname(bin), "@useoptic", "openapi-utilities", "package.json");
  const yaml = require(require.resolve("yaml-ast-parser", { paths: [path.dirname(from)] }));
  if (!yaml.safeLoad.ocpmockMemo) {
    const load = yaml.safeLoad;
    const parsed = new Map(); // text -> its AST; two documents per diff, a few per run
    const memo = function (text, ...rest) {
      if (typeof text !== "string" || rest.length > 0) return load.call(this, text, ...rest);
      if (!parsed.has(text)) parsed.set(text, load.call(this, text));
      return parsed.get(text);
    };
    memo.ocpmockMemo = true;
    yaml.safeLoad = memo;
  }
}
