#!/usr/bin/env node
// Does a diff of two versions' OpenAPI documents, by a tool we did not write, agree with
// `ocp-compat diff` on what changed? (issue #26, point 3; docs/openapi.md, "Diffing two
// versions"). For each pair FROM:TO, both tools are run:
//   ocp-compat  COMPAT diff FROM TO: what a client of FROM notices against TO's contract
//               (tools/compat/diff_report.cc), read by compat-diff.mjs;
//   Optic       @useoptic/optic 1.0.9's diff of DIR/ocp-FROM.openapi.json and ocp-TO's (the
//               default documents, objects open), as `optic diff --json --validation loose`
//               reports it (optic-diff.mjs says how it is run, and the one rewrite Optic needs);
// and compared on the ground both look at (diff-compare.mjs): endpoints, AK/SK, error codes and
// messages, answer schemas. What one reports and the other does not look at (requests, samples,
// descriptions, schemas ocp-compat does not compare...) is listed by category, with how many.
//
//   OCPMOCK_NPM_BIN=DIR node tools/npm/diff-agree.mjs --compat BIN --docs DIR
//       [--pairs 4.2.0:4.2.1,...] [--cli] [--verbose]
//
//   --docs DIR   `ocp-mock openapi --out DIR`'s folder; the versions are its ocp-V.openapi.json
//   --pairs      the pairs to compare (default: every adjacent pair of those versions)
//   --cli        also run the `optic diff` command for each pair (about 10 s each) and require
//                the changelog it prints to be the one compared
//   --verbose    list every change outside the common ground, not only the first three of each
//                category
//
// Prints, per pair, ocp-compat's lines, Optic's counts, each agreement and disagreement, the
// changes outside the common ground, and a verdict; its last line is "diff-agree: RESULT
// pairs=N agree=N disagree=N not_compared=N". Exit status: 0 every pair agrees; 1 a
// disagreement; 2 a usage error or a tool that failed (its pair is not compared).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { compatDiff } from "./compat-diff.mjs";
import { compareDiffs } from "./diff-compare.mjs";
import { loadOptic, opticCli, opticView, scratchFolder } from "./optic-diff.mjs";
import { npmCache } from "./npm-cache.mjs";

function usage(message) {
  console.error(`diff-agree: ${message}`);
  console.error("usage: OCPMOCK_NPM_BIN=DIR node tools/npm/diff-agree.mjs --compat BIN " +
    "--docs DIR [--pairs A:B,...] [--cli] [--verbose]");
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  if (at + 1 >= args.length) usage(`${name} needs a value`);
  return args.splice(at, 2)[1];
};
const flag = (name) => {
  const at = args.indexOf(name);
  return at >= 0 && args.splice(at, 1).length > 0;
};
const compatBin = option("--compat");
const docsDir = option("--docs");
const pairsArg = option("--pairs");
const cli = flag("--cli");
const verbose = flag("--verbose");
if (args.length) usage(`unexpected ${args[0]}`);
if (!compatBin || !docsDir) usage("give --compat and --docs");
const { bin } = npmCache(usage);

// "4.2.10" after "4.2.9".
const byVersion = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); ++i) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
};
let versions;
try {
  versions = readdirSync(docsDir).map((f) => /^ocp-(\d[\d.]*)\.openapi\.json$/.exec(f)?.[1])
    .filter(Boolean).sort(byVersion);
} catch (e) {
  usage(`cannot read ${docsDir}: ${e.message}`);
}
const pairs = pairsArg
  ? pairsArg.split(",").map((p) => p.split(":"))
  : versions.slice(1).map((v, i) => [versions[i], v]);
for (const p of pairs) {
  if (p.length !== 2 || !p.every((v) => versions.includes(v))) {
    usage(`no pair ${p.join(":")} of the versions in ${docsDir} (${versions.join(", ")})`);
  }
}
if (pairs.length === 0) usage(`${docsDir} holds fewer than two ocp-V.openapi.json`);

const scratch = scratchFolder();
let failed = 0; // pairs that disagree
let broken = 0; // pairs not compared: a tool failed
try {
  const optic = loadOptic(bin);
  const documents = new Map(); // version -> {doc, file (Optic's view), dropped}
  const documentOf = (v) => {
    if (!documents.has(v)) {
      const file = path.join(docsDir, `ocp-${v}.openapi.json`);
      let doc;
      try {
        doc = JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        throw new Error(`cannot read ${file}: ${e.message}`);
      }
      const { view, dropped } = opticView(doc);
      documents.set(v, { doc, dropped, file: scratch.write(`ocp-${v}.json`, view) });
    }
    return documents.get(v);
  };
  console.log(`diff-agree: Optic ${optic.version}, ocp-compat ${compatBin}, documents ${docsDir}`);
  for (const [a, b] of pairs) {
    let from, to, compat, diff, command; // command: what `optic diff` printed, with --cli
    try {
      [from, to] = [documentOf(a), documentOf(b)];
      compat = compatDiff(compatBin, a, b);
      diff = await optic.diff(from.file, to.file);
      command = cli ? opticCli(bin, from.file, to.file) : null;
    } catch (e) {
      console.error(`diff-agree: ${e.message}`);
      process.exitCode = 2;
      ++broken;
      continue;
    }
    const result = compareDiffs({ compat, optic: diff, from: from.doc, to: to.doc });
    // As the command prints it: JSON, where a member whose value is undefined is left out.
    const same = command && isDeepStrictEqual(command, JSON.parse(JSON.stringify(diff.operations)));
    if (command && !same) {
      result.disagree.push("the `optic diff` command printed another changelog than the one " +
        "compared");
    }
    command = same ? "the `optic diff` command's changelog is the same" : null;
    print(a, b, compat, diff, [from, to], result, command);
    if (result.disagree.length) ++failed;
  }
} catch (e) {
  console.error(`diff-agree: ${e.stack ?? e}`);
  process.exitCode = 2;
} finally {
  scratch.remove();
}
console.log(`diff-agree: ${failed || process.exitCode ? "FAIL" : "PASS"} pairs=${pairs.length} ` +
  `agree=${pairs.length - failed - broken} disagree=${failed} not_compared=${broken}`);
if (!process.exitCode) process.exitCode = failed ? 1 : 0;

function print(a, b, compat, diff, docs, result, command) {
  const count = (change) => diff.operations.filter((o) => o.change === change).length;
  console.log(`\n=== OCP ${a} -> ${b}`);
  const n = compat.lines.length;
  console.log(`ocp-compat diff ${a} ${b}: ${n} line${n === 1 ? "" : "s"}`);
  for (const line of compat.lines) console.log(`  ${line}`);
  console.log(`optic diff: operations ${count("added")} added, ${count("removed")} removed, ` +
    `${count("changed")} changed; ${diff.specification.length} document-level changes` +
    (command ? `; ${command}` : ""));
  const dropped = [...new Set(docs.flatMap((d) => d.dropped))];
  if (dropped.length) {
    console.log(`  optic reads each document without ${dropped.join(", ")} (optic-diff.mjs)`);
  }
  console.log(`common ground: ${result.agree.length} agree, ${result.disagree.length} disagree`);
  for (const line of result.agree) console.log(`  agree     ${line}`);
  for (const line of result.disagree) console.log(`  DISAGREE  ${line}`);
  console.log("outside the common ground (one tool reports it, the other does not look there):");
  if (result.outside.size === 0) console.log("  nothing");
  for (const [category, items] of result.outside) {
    console.log(`  ${items.length} ${category}`);
    for (const item of verbose ? items : items.slice(0, 3)) console.log(`      ${item}`);
    if (!verbose && items.length > 3) console.log(`      ... (--verbose lists all)`);
  }
  const verdict = result.disagree.length ? `DISAGREE (${result.disagree.length})` : "agree";
  console.log(`verdict ${a} -> ${b}: ${verdict}`);
}
