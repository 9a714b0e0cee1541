#!/usr/bin/env bash
# Optic's diff of two versions' OpenAPI documents agrees with `ocp-compat diff` on what changed
# (tools/npm/diff-agree.mjs; docs/openapi.md, "Diffing two versions"):
#   1. every adjacent pair of versions (3.1.1 -> 4.0.0 -> ... -> 4.2.2), documents written by
#      `ocp-mock openapi`: no disagreement on the common ground;
#   2. the `optic diff` command itself, on one pair, prints the changelog diff-agree.mjs compares
#      (it runs Optic's diff in its own process, which is faster: tools/npm/optic-diff.mjs);
#   3. broken copies must disagree: a 4.0.3 document without GET /api/v2/compute/hosts, without
#      "STANDBY" among the cluster types, and with another message for taskNotFound. Each is a
#      change Optic sees and ocp-compat does not report, and must be named.
#   contract_tests/openapi_diff_agreement_test.sh OCP_MOCK_BINARY OCP_COMPAT_BINARY SOURCE_DIR
# Needs the npm test tools, as har_schema: without them it exits 77 (skipped), saying why.
# shellcheck disable=SC2016  # the node script's ${...} are JavaScript's
set -uo pipefail
mock="$1"
compat="$2"
src="$3"
name="openapi diff agreement test"
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip

openapi_documents "$mock" "$work/docs"
agree=(node "$src/tools/npm/diff-agree.mjs" --compat "$compat")

# 2, in the background: the command takes about 10 s, as long as 1 and 3 together.
"${agree[@]}" --docs "$work/docs" --pairs 4.0.0:4.0.3 --cli >"$work/cli.out" 2>&1 &
cli_pid=$!

# 1.
"${agree[@]}" --docs "$work/docs" >"$work/all.out" 2>&1
all=$?
cat "$work/all.out"

# 3. The broken copies, in a folder of their own with the 4.0.0 document beside them.
mkdir -p "$work/broken"
cp "$work/docs/ocp-4.0.0.openapi.json" "$work/broken/"
node -e '
  const fs = require("fs");
  const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const gone = (what) => {
    console.error(`cannot break the document: no ${what}`);
    process.exit(1);
  };
  if (!doc.paths["/api/v2/compute/hosts"]?.get) gone("GET /api/v2/compute/hosts");
  delete doc.paths["/api/v2/compute/hosts"].get;
  const type = doc.components.schemas["cluster-type"];
  if (!type?.enum?.includes("STANDBY")) gone("STANDBY in cluster-type");
  type.enum = type.enum.filter((v) => v !== "STANDBY");
  const example = doc.paths["/api/v2/tasks/{taskId}"]?.get?.responses?.["404"]
    ?.content?.["application/json"]?.examples?.taskNotFound;
  if (!example) gone("taskNotFound example of GET /api/v2/tasks/{taskId}");
  example.value.error.message = "Task {0} is not there.";
  fs.writeFileSync(process.argv[2], JSON.stringify(doc));
' "$work/docs/ocp-4.0.3.openapi.json" "$work/broken/ocp-4.0.3.openapi.json" \
  || {
    kill "$cli_pid" 2>/dev/null
    wait "$cli_pid"
    fail "could not write the broken 4.0.3 document"
  }
"${agree[@]}" --docs "$work/broken" >"$work/broken.out" 2>&1
broken=$?

wait "$cli_pid"
cli=$?
cat "$work/cli.out"

# Every part is judged, so that one failure does not hide another.
problems=()
[ "$all" -eq 0 ] || problems+=("diff-agree.mjs gave $all, not 0, over every adjacent pair")
[ "$cli" -eq 0 ] || problems+=("the optic diff command and diff-agree.mjs differ, or disagree")
if [ "$broken" -ne 1 ]; then
  problems+=("diff-agree.mjs gave $broken, not 1, for the broken 4.0.3 document")
  show_broken=1
fi
operation='DISAGREE  optic: operation GET /api/v2/compute/hosts removed; ocp-compat: no such '
operation+='endpoint change'
enum='DISAGREE  optic: GET /api/v2/tasks/instances 200 (task-list-response): '
enum+='data.contents[].cluster.type enum-removed "STANDBY"; ocp-compat: no such change'
message='DISAGREE  optic: GET /api/v2/tasks/{taskId} 404: example taskNotFound message '
message+='"The task {0} does not exist." -> "Task {0} is not there."; ocp-compat: no such change'
for expected in "$operation" "$enum" "$message"; do
  grep -qF -- "$expected" "$work/broken.out" \
    || { problems+=("the broken 4.0.3 document did not give: $expected"); show_broken=1; }
done
if [ "${#problems[@]}" -gt 0 ]; then
  [ -z "${show_broken:-}" ] || cat "$work/broken.out" >&2
  for p in "${problems[@]}"; do echo "$name: FAIL: $p" >&2; done
  exit 1
fi
echo "$name: every adjacent pair agrees, the optic diff command prints what is compared, and" \
  "a 4.0.3 document without an operation, an enum value or with another message disagrees" \
  "($(elapsed) s)"
