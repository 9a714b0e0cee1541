// Writes clusters, tenants and hosts as OCP's JSON structures, and the task an asynchronous
// operation answers with. Keys in alphabetical order, as in OCP's samples. Decisions where the
// docs disagree (docs/entities.md):
// - a non-integer number (OCP's Double fields: CPU cores, delayTime) is written with two
//   decimals ("2.00"), as every documented sample prints them;
// - a cluster's `tenantCount` is the number of its tenants the mock serves now;
// - a host is written with every documented field, absent ones as explicit nulls, as the host
//   samples show (cluster and tenant samples omit absent fields, and so does the mock).
#pragma once

#include <cstdint>
#include <optional>

#include "mock/entities/cluster_topology.h"
#include "mock/entities/entity_set.h"
#include "mock/json/json_writer.h"
#include "mock/model/task.h"

namespace mock::api {

// `value` with object keys sorted and doubles at two decimals.
void WriteSorted(json::JsonWriter& w, const rapidjson::Value& value);

// ObCluster, as listed and as the detail answers it. With its `topology`
// (entities/cluster_topology.h), its `serverCount` and each zone's `servers` and `serverCount`
// (and `hostCount`, when given) are the topology's, and so is `rootServers` when the document
// names none, so the cluster pages agree with the topology pages (docs/topology.md).
void WriteCluster(json::JsonWriter& w, const entities::Row& cluster, int64_t tenant_count,
                  const entities::ClusterTopology* topology = nullptr);
// A tenant as the tenant lists and the synchronous create answer it: the 16 list fields.
void WriteTenantListItem(json::JsonWriter& w, const entities::Row& tenant);
// A tenant as its detail answers it (every field given); with its cluster's `topology`, each
// zone's `units` are the tenant's units there (docs/topology.md).
void WriteTenantDetail(json::JsonWriter& w, const entities::Row& tenant,
                       const entities::ClusterTopology* topology = nullptr);
// Host, as listed and as the detail answers it.
void WriteHost(json::JsonWriter& w, const entities::Row& host);

// What an asynchronous operation's task is about: the ids written at its top level.
struct AsyncSubject {
  std::optional<int64_t> cluster_id;
  std::optional<int64_t> tenant_id;
  std::optional<int64_t> host_id;
};
// TaskInstance in its "subtasks" shape (async-task-instance.schema.json).
void WriteAsyncTask(json::JsonWriter& w, const model::Task& task, const AsyncSubject& subject);

}  // namespace mock::api
