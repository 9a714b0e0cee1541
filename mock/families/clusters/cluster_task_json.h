// The answer of POST /api/v2/ob/clusters and DELETE /api/v2/ob/clusters/{id}: the TaskInstance in
// the "tasks" shape their samples show in every version (docs/reference/ocp-task-api.md 2.9,
// ob-cluster-task-instance.schema.json), and the `context` text it carries.
//
//   const std::string context = CreateContext(plan, cluster_id, ob_cluster_id);
//   WriteClusterTask(w, *task, context, quirks, /*created=*/true);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mock/families/clusters/cluster_plan.h"
#include "mock/json/json_writer.h"
#include "mock/model/task.h"
#include "mock/quirks/quirks.h"

namespace mock::families::clusters {

// The creation's context, as OCP's Java toString writes one (the sample's keys, `mock` values):
// "Context(parallelIdx=-1, stringMap={cluster_name=terran, ...}, listMap={host_ids=[16], ...})".
std::string CreateContext(const ClusterPlan& plan, int64_t cluster_id, int64_t ob_cluster_id);
// The deletion's context: the cluster (an ObCluster) and the hosts it runs on.
std::string DeleteContext(const rapidjson::Value& cluster, int64_t cluster_id,
                          const std::vector<int64_t>& host_ids);

// `task` (whose cluster is set) in the "tasks" shape, with `context`. With `created` (a creation's
// answer) and the client-ids quirk on, `clusterId` too, which the terraform provider reads.
void WriteClusterTask(json::JsonWriter& w, const model::Task& task, const std::string& context,
                      const api::Quirks& quirks, bool created);

}  // namespace mock::families::clusters
