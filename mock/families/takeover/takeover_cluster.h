// What a takeover makes, as pure functions of the request and the mock's takeover setting: the
// cluster OCP will hold (ObCluster, with its zones and servers), the hosts it does not hold yet,
// and the task's answer. No store, no lock: takeover_family.cc puts them in the stores.
//
//   Target t = TargetOf(request, setting, cluster_id);
//   entities::Doc cluster = ClusterDoc(t, cluster_id, host_ids, now);
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/entities/entity_set.h"
#include "mock/json/json_writer.h"
#include "mock/model/task.h"

namespace mock::families::takeover {

// The mock's /__mock/takeover setting (schemas/takeover-setting.schema.json), parsed.
struct Setting {
  bool valid = true;
  std::vector<std::string> messages;
  std::optional<std::string> cluster_name;
  std::optional<int64_t> ob_cluster_id;
  std::optional<std::string> ob_version;
  std::vector<std::pair<std::string, std::vector<std::string>>> zones;  // name, server IPs
  std::optional<std::string> fail_subtask;
};

// `doc`, valid against takeover-setting, as a Setting.
Setting ParseSetting(const rapidjson::Value& doc);
// The setting as GET /__mock/takeover answers it (every default written out).
void WriteSetting(json::JsonWriter& w, const Setting& s);

// The cluster a request reaches: its name, obClusterId, version and servers by zone.
struct Target {
  std::string name;
  int64_t ob_cluster_id = 0;
  std::string ob_version;
  std::vector<std::pair<std::string, std::vector<std::string>>> zones;
  int sql_port = 2881;
};

// `request` (takeover-request or takeover-precheck-request, valid) reaches: the request's
// clusterName and obClusterId first, then the setting's, then the defaults (schema's text);
// `cluster_id` is the id OCP will give it.
Target TargetOf(const rapidjson::Value& request, const Setting& setting, int64_t cluster_id);

// The ObCluster, RUNNING, its servers on hosts `host_of` (IP -> host id), created at `now`.
entities::Doc ClusterDoc(const Target& t, int64_t cluster_id,
                         const std::map<std::string, int64_t>& host_of, const std::string& now,
                         const std::string& creator);
// A host at `ip` the takeover adds (hostInfo's kind, type, SSH port), serving the cluster.
entities::Doc HostDoc(const Target& t, const rapidjson::Value& host_info, int64_t id,
                      const std::string& ip, const std::string& now);

// The TaskInstance in its "subtasks" shape with the new cluster's id at the top level
// (async-task-instance.schema.json): obdeploy reads data.id and data.clusterId.
void WriteTakeoverTask(json::JsonWriter& w, const model::Task& task, int64_t cluster_id);

}  // namespace mock::families::takeover
