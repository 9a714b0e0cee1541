// The OBProxy cluster a creation asks for, and the tasks and JSON of OCP's OBProxy pages
// (docs/reference/ocp-client-flows.md 3.5): pure functions over a checked request body and a
// snapshot of the clusters and hosts, no store and no lock.
//
//   auto plan = PlanCluster(body, clusters, hosts);   // refuses unknown hosts and clusters
//   resources::Row row = MakeCluster(plan.value(), id, creator, now);
//   StatusOr<model::Task> t = ObproxyTask(ObproxyTaskKind::kInstall, task_id, now, creator);
//
// Where the docs are silent (docs/terraform.md lists each with its provenance):
//  - `mock`: workMode defaults to CONFIG_URL; an OBProxy's id is its cluster's id times 100 plus
//    its place; the OBProxies are RUNNING from the start (the cluster shows only once its task
//    succeeded); configUrl is OCP's documented form on 127.0.0.1:8080, for CONFIG_URL only;
//  - `doc`: sqlPort 2883 and the exporter port 2884 by default (the field table's examples), the
//    exporter port read from `exportPort` (the create table) or `exporterPort` (the detail
//    page); the version is the RPM file name's version (the table's example
//    obproxy-1.9.1.1-1919579.el7.x86_64.rpm is the detail sample's 1.9.1.1-1919579);
//  - `doc`: RS_LIST takes exactly one obLink;
//  - `mock`: a hostId naming no host, an obLink naming no cluster (by name, and obClusterId) is
//    invalidParameter naming the field, as createTenant's unknown zone is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/entities/entity_set.h"
#include "mock/json/json_writer.h"
#include "mock/model/task.h"
#include "mock/quirks/quirks.h"
#include "mock/resources/resource_set.h"

namespace mock::families::obproxy {

struct ObproxyPlan {
  struct Link {
    entities::Row cluster;
    std::string username;
  };
  std::string name;
  std::optional<std::string> address;
  std::optional<int64_t> port;
  std::string work_mode;
  std::vector<Link> links;
  std::vector<entities::Row> hosts;  // in the request's order
  int64_t sql_port = 2883;
  int64_t exporter_port = 2884;
  std::string version;  // "1.9.1.1-1919579"
};

// The cluster `body` (valid against create-obproxy-cluster-request) asks for, its hosts and
// linked clusters found in `hosts` and `clusters` (the ones visible now); invalidParameter
// naming the field otherwise.
StatusOr<ObproxyPlan> PlanCluster(const rapidjson::Value& body,
                                  const std::vector<entities::Row>& clusters,
                                  const std::vector<entities::Row>& hosts);

// The obproxyCluster of `plan` with id `id`, created by `creator` at `now` (a timestamp's text).
resources::Row MakeCluster(const ObproxyPlan& plan, int64_t id, const model::Creator& creator,
                           const std::string& now);

// "1.9.1.1-1919579" from "obproxy-1.9.1.1-1919579.el7.x86_64.rpm"; the text itself when it has
// no such shape.
std::string VersionOfRpm(const std::string& rpm);

// The `name` of an obproxyCluster row ("" when absent).
std::string NameOf(const rapidjson::Value& row);

enum class ObproxyTaskKind {
  kInstall,  // "Install obproxy": Prepare obproxy install, then Finish node
  kOffline,  // "Offline obproxy": Start node, then Finish node
};
// The task, RUNNING, its first subtask READY, as the documented samples show it; it runs on the
// mock clock like any task (5 s a subtask).
StatusOr<model::Task> ObproxyTask(ObproxyTaskKind kind, int64_t task_id, const std::string& now,
                                  const model::Creator& creator);

// TaskInstance as the OBProxy pages' samples write it (obproxy-task-instance.schema.json). With
// `created` (a creation's answer: the new cluster's id) and --quirks client-ids on, also
// `obproxyClusterId`, which the terraform provider reads (client_ids.h).
void WriteObproxyTask(json::JsonWriter& w, const model::Task& task, const api::Quirks& quirks = {},
                      std::optional<int64_t> created = std::nullopt);

}  // namespace mock::families::obproxy
