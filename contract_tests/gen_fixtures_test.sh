#!/usr/bin/env bash
# tools/gen-fixtures: the bundled generated files are its output, a set does not depend on how
# many processes wrote it, and the entity file describes exactly what the tasks name.
#   contract_tests/gen_fixtures_test.sh PYTHON SOURCE_DIR
set -uo pipefail
python="$1"
src="$2"
gen=("$python" "$src/tools/gen-fixtures")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "gen-fixtures test: $*" >&2; exit 1; }

"${gen[@]}" --count 240 --seed 1 --select narrow | cmp -s - "$src/fixtures/tasks/10-generated.json" \
  || fail "fixtures/tasks/10-generated.json is not what its description's command writes"
"${gen[@]}" --count 240 --seed 1 --select wide --ocp-versions '!4.2.0' |
  cmp -s - "$src/fixtures/tasks/11-generated-standby-oracle.json" \
  || fail "fixtures/tasks/11-generated-standby-oracle.json is not what its description's command writes"

# 21,000 tasks: 3 files and an added cluster; one process writes every chunk, or three share them.
"${gen[@]}" --count 21000 --seed 3 --out "$work/one" --jobs 1 2>/dev/null || fail "--jobs 1 failed"
"${gen[@]}" --count 21000 --seed 3 --out "$work/three" --jobs 3 2>/dev/null || fail "--jobs 3 failed"
diff -r "$work/one" "$work/three" >/dev/null || fail "the set depends on --jobs"
"${gen[@]}" --count 21000 --seed 3 --entities | cmp -s - "$work/one/entities/gen-entities.json" \
  || fail "--entities differs from the --out set's entity file"

# The set carries the bundled parameter catalogue, byte for byte (docs/parameters.md).
diff -r "$src/fixtures/parameters" "$work/one/parameters" >/dev/null \
  || fail "--out did not copy fixtures/parameters/ into the set"

# Every cluster, tenant and host a task names is described, as the task names it, and nothing
# else is (the mock's own check of the same is in the generated_fixtures_load test).
"$python" - "$work/one" <<'PY' || fail "the entity file does not match the tasks"
import glob, json, sys
d = json.load(open(f"{sys.argv[1]}/entities/gen-entities.json"))
clusters = {c["id"]: c for c in d["clusters"]}
tenants = {t["id"]: t for t in d["tenants"]}
hosts = {h["id"] for h in d["hosts"]}
named = {"clusters": set(), "tenants": set(), "hosts": set()}
for f in glob.glob(f"{sys.argv[1]}/tasks/*.json"):
    for e in json.load(open(f))["tasks"]:
        t = e["task"]
        named["hosts"].update(e["hostIds"])
        if "cluster" in t:
            c = clusters[t["cluster"]["id"]]
            assert all(c[k] == t["cluster"][k] for k in ("name", "obClusterId", "type")), (t["id"], c["id"])
            named["clusters"].add(c["id"])
        if "tenant" in t:
            x = tenants[t["tenant"]["id"]]
            assert all(x[k] == t["tenant"][k] for k in ("name", "obTenantId", "mode")), (t["id"], x["id"])
            assert x["clusterId"] == t["cluster"]["id"], (t["id"], x["id"])
            named["tenants"].add(x["id"])
assert named["clusters"] == set(clusters), named["clusters"] ^ set(clusters)
assert named["tenants"] == set(tenants), named["tenants"] ^ set(tenants)
assert named["hosts"] == hosts, named["hosts"] ^ hosts
assert (len(clusters), len(tenants), len(hosts)) == (6, 17, 21), (len(clusters), len(tenants), len(hosts))
PY

"${gen[@]}" --entities --select narrow 2>/dev/null && fail "--entities with --select was accepted"
echo "gen-fixtures: bundled files reproduced, --jobs 1 and 3 agree, entities match the tasks, the parameter catalogue copied"
