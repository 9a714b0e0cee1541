// OCP's cluster and tenant parameters (docs/reference/ocp-cluster-topology.md §9 to §15; the
// MCP server's calls: docs/reference/ocp-client-calls.md §1.2), alike in every version from
// 3.1.1 to 4.2.2 but for the error codes:
//  - GET /api/v2/ob/clusters/{id}/parameters: every CLUSTER definition of the catalogue, each a
//    ClusterParameter with its value on each of the cluster's servers, those the topology pages
//    show (mock/entities/cluster_topology.h);
//  - PUT the same path, a JSON array of {name, value}: every item checked (parameter_change.h),
//    then all set, or none; the envelope without data (doc);
//  - GET /api/v2/ob/clusters/{id}/tenants/{tenantId}/parameters: every TENANT definition the
//    tenant's mode reads, each a TenantParameter;
//  - PUT the same path, [{name, value, parameterType}] (parameterType optional: `client`).
// A cluster or tenant reads each definition at its defaultValue until a PUT changes it. Only the
// clusters and tenants the entity store shows have parameters: another cluster id is the
// version's clusterNotFound (11001 / OBE11001), a tenant id not shown in that cluster
// recordNotFound (1002 / COM10002, as the tenant pages answer it). Reading needs CLUSTER_VIEWER,
// changing CLUSTER_MANAGER (docs/parameters.md). A refusal changes nothing.
//
// Data: the catalogue is fixtures/parameters/*.json
// (schemas/parameter-definition-file.schema.json), with /__mock/parameters, reset and reload from
// ResourceFamily; the values set are held beside it (parameter_values.h), bounded, and forgotten by
// POST /__mock/reset (all, or only=parameters) and by a reload. docs/parameters.md gives every
// choice where the docs are silent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/entities/entity_store.h"
#include "mock/entities/topology_cache.h"
#include "mock/families/parameters/parameter_change.h"
#include "mock/families/parameters/parameter_values.h"
#include "mock/families/parameters/rendered_lists.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class ParametersFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;

  struct Options {
    // The values PUTs may set between resets (parameter_values.h).
    size_t max_values = parameters::ParameterValues::kDefaultMax;
  };

  // The stores and `schemas` must outlive the family.
  ParametersFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                   std::optional<resources::ResourceSource> source, tasks::TaskStore& tasks,
                   const entities::EntityStore& entities, Options options);

  void Reset() const override;
  StatusOr<Commit> PrepareReload(size_t& count) const override;

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // parameters_operations.cc
  std::vector<api::Operation> OcpOperations() const override;

 private:
  StatusOr<api::Reply> ClusterParameters(int64_t cluster_id) const;
  StatusOr<api::Reply> SetClusterParameters(int64_t cluster_id, const std::string& body) const;
  StatusOr<api::Reply> TenantParameters(int64_t cluster_id, int64_t tenant_id) const;
  StatusOr<api::Reply> SetTenantParameters(int64_t cluster_id, int64_t tenant_id,
                                           const std::string& body) const;

  // The statuses of the tasks the entity store's reads need, read first (one store at a time).
  entities::TaskStatuses Statuses() const;
  // Cluster `id` as the store shows it, else the version's clusterNotFound.
  StatusOr<entities::Row> Cluster(int64_t id, const entities::TaskStatuses& statuses) const;
  // Tenant `tenant_id` of cluster `cluster_id` as the store shows it, else clusterNotFound or
  // recordNotFound.
  StatusOr<entities::Row> Tenant(int64_t cluster_id, int64_t tenant_id) const;
  // The body checked against `schema`, read into its items.
  StatusOr<std::vector<parameters::Change>> Changes(const std::string& body,
                                                    const char* schema) const;
  // Sets `changes` for `owner`: all, or none past the bound.
  StatusOr<api::Reply> Apply(const parameters::Owner& owner,
                             const std::vector<parameters::Change>& changes) const;

  tasks::TaskStore& tasks_;
  const entities::EntityStore& entities_;
  mutable parameters::ParameterValues values_;
  entities::TopologyCache topology_;    // the clusters' servers
  parameters::RenderedLists rendered_;  // the lists as last written
};

}  // namespace mock::families
