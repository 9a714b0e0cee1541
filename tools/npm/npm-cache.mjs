// Where the pinned npm packages are: the cache tools/setup.sh fills (ocpmock_npm_tools), outside
// this clone, found through OCPMOCK_NPM_BIN (its node_modules/.bin).
import { createRequire } from "node:module";
import path from "node:path";

// The cache's .bin folder, and a require() that loads its packages; calls `usage` (which exits)
// when OCPMOCK_NPM_BIN is not set.
export function npmCache(usage) {
  const bin = process.env.OCPMOCK_NPM_BIN;
  if (!bin) usage("OCPMOCK_NPM_BIN is not set (tools/setup.sh's ocpmock_npm_tools sets it)");
  return { bin, require: createRequire(path.join(path.dirname(bin), "..", "package.json")) };
}
