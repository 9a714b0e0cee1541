// What the mock makes of a schema-valid create request: the tenant or host document it will
// serve, in its finished state and in its state while the creating task runs. Defaults where the
// request leaves a field out are OCP's documented defaults (docs/entities.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/entities/entity_set.h"

namespace mock::entities {

// The tenant `request` (create-tenant-request.schema.json) asks for in `cluster`, with id `id`,
// OCP tenant id `ob_tenant_id`, created at `now` (a timestamp's text): status NORMAL.
Doc MakeTenant(const rapidjson::Value& request, const rapidjson::Value& cluster, int64_t id,
               int64_t ob_tenant_id, const std::string& now);

// The host `data` (one of hostBasicDataList) of `request` (batch-create-hosts-request) asks for,
// with id `id`, created at `now`: status AVAILABLE (agent installed, no service deployed yet).
Doc MakeHost(const rapidjson::Value& request, const rapidjson::Value& data, int64_t id,
             const std::string& now);

// A cluster OCP creates or takes over, RUNNING once its task is done.
struct NewCluster {
  struct Server {
    int64_t host_id = 0;
    std::string ip;
  };
  struct Zone {
    std::string name;
    std::string idc_name;
    std::string region_name;  // "": none written
    std::vector<Server> servers;
  };
  std::string name;
  int64_t ob_cluster_id = 0;
  std::string ob_version;
  std::string type = "PRIMARY";
  std::vector<Zone> zones;
  int64_t sql_port = 2881;  // the RPC port is the next one
  std::string creator;
  std::string now;  // createTime: a timestamp's text
};

// The ObCluster `cluster` is, with id `id`: each zone's servers RUNNING on their hosts; the first
// server of each zone its root server, the first zone's the LEADER.
Doc MakeCluster(const NewCluster& cluster, int64_t id);

// `doc` with `status` set to `status` (and, for a host being prepared, hostAgentStatus null).
Doc WithStatus(const Doc& doc, const char* status);
// `host` with an OB_CLUSTER service named `name` ("cluster:obClusterId") of `version` added, as a
// host lists the cluster deployed on it; `host` with that service removed.
Doc WithClusterService(const Doc& host, const std::string& name, const std::string& version);
Doc WithoutService(const Doc& host, const std::string& name);
// `doc` with boolean `key` set to `value`.
Doc WithBool(const Doc& doc, const char* key, bool value);

}  // namespace mock::entities
