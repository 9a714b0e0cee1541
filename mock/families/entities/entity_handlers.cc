#include "mock/families/entities/entity_handlers.h"

#include <map>
#include <memory>

#include "mock/entities/pending_statuses.h"
#include "mock/families/entities/entity_json.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/page_json.h"

namespace mock::api {
namespace {

using entities::Kind;
using entities::Row;

// OCP's resource type names, as its error messages give them.
std::string TypeName(Kind kind) {
  switch (kind) {
    case Kind::kCluster:
      return "OB_CLUSTER";
    case Kind::kTenant:
      return "OB_TENANT";
    case Kind::kHost:
      return "HOST";
  }
  return "";
}

// Visible tenants per cluster, for the clusters' tenantCount.
std::map<int64_t, int64_t> TenantCounts(const std::vector<Row>& tenants) {
  std::map<int64_t, int64_t> counts;
  for (const Row& t : tenants) ++counts[entities::Int(*t.doc, "clusterId")];
  return counts;
}

void WriteItem(json::JsonWriter& w, Kind kind, const Row& row,
               const std::map<int64_t, int64_t>& counts, const entities::Topology* topology) {
  switch (kind) {
    case Kind::kCluster: {
      auto it = counts.find(row.id);
      WriteCluster(w, row, it == counts.end() ? 0 : it->second,
                   topology == nullptr ? nullptr : topology->Of(row.id));
      return;
    }
    case Kind::kTenant:
      WriteTenantListItem(w, row);
      return;
    case Kind::kHost:
      WriteHost(w, row);
      return;
  }
}

}  // namespace

Status EntityNotFound(Kind kind, int64_t id, const std::string& detail) {
  std::string sentence =
      "No " + std::string(entities::KindName(kind)) + " has id " + std::to_string(id) + ".";
  if (!detail.empty()) sentence += " " + detail;
  return ocp::OcpError(ocp::ErrorKind::kRecordNotFound, std::move(sentence),
                       {TypeName(kind), "id=" + std::to_string(id)});
}

StatusOr<Reply> EntityHandlers::List(Kind kind, const entities::ListQuery& query,
                                     bool visible) const {
  const auto statuses = entities::PendingStatuses(c_.entities, c_.tasks);
  auto rows = std::make_shared<std::vector<Row>>();
  if (visible) *rows = c_.entities.Rows(kind, statuses);
  std::map<int64_t, int64_t> counts;
  std::shared_ptr<const entities::Topology> topology;
  if (kind == Kind::kCluster) {
    counts = TenantCounts(c_.entities.Rows(Kind::kTenant, statuses));
    topology = topology_.Get(c_.entities, statuses);
  }
  auto page = entities::RunList(*rows, query);
  return Reply{[rows, page = std::move(page), counts = std::move(counts), kind,
                topology = std::move(topology)](json::JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (const Row* row : page.items) WriteItem(w, kind, *row, counts, topology.get());
    w.EndArray();
    WritePage(w, page.page, page.total_elements);
    w.EndObject();
  }};
}

StatusOr<Reply> EntityHandlers::Clusters(const QueryParams& params) const {
  auto query = entities::ParseClusterList(params, c_.rules);
  if (!query.ok()) return query.status();
  return List(Kind::kCluster, query.value());
}

StatusOr<Reply> EntityHandlers::Cluster(int64_t id) const {
  const auto statuses = entities::PendingStatuses(c_.entities, c_.tasks);
  auto row = c_.entities.Get(Kind::kCluster, id, statuses);
  if (!row) return EntityNotFound(Kind::kCluster, id, "GET /api/v2/ob/clusters lists them.");
  const int64_t tenants = c_.entities.TenantCount(id, statuses);
  auto topology = topology_.Get(c_.entities, statuses);
  return Reply{[row = std::move(*row), tenants, topology = std::move(topology)](
                   json::JsonWriter& w) { WriteCluster(w, row, tenants, topology->Of(row.id)); }};
}

StatusOr<Reply> EntityHandlers::TenantList(const QueryParams& params,
                                           std::optional<int64_t> cluster_id,
                                           bool may_view_clusters) const {
  if (cluster_id && !c_.entities.Get(Kind::kCluster, *cluster_id,
                                     entities::PendingStatuses(c_.entities, c_.tasks))) {
    return EntityNotFound(Kind::kCluster, *cluster_id, "GET /api/v2/ob/clusters lists them.");
  }
  auto query = entities::ParseTenantList(params, c_.rules, cluster_id);
  if (!query.ok()) return query.status();
  return List(Kind::kTenant, query.value(), may_view_clusters);
}

StatusOr<Reply> EntityHandlers::ClusterTenants(int64_t cluster_id,
                                               const QueryParams& params) const {
  return TenantList(params, cluster_id, true);
}

StatusOr<Reply> EntityHandlers::Tenants(const QueryParams& params, bool may_view_clusters) const {
  return TenantList(params, std::nullopt, may_view_clusters);
}

StatusOr<Reply> EntityHandlers::Tenant(int64_t cluster_id, int64_t tenant_id) const {
  const auto statuses = entities::PendingStatuses(c_.entities, c_.tasks);
  if (!c_.entities.Get(Kind::kCluster, cluster_id, statuses)) {
    return EntityNotFound(Kind::kCluster, cluster_id, "GET /api/v2/ob/clusters lists them.");
  }
  auto row = c_.entities.Get(Kind::kTenant, tenant_id, statuses);
  if (!row || entities::Int(*row->doc, "clusterId") != cluster_id) {
    return EntityNotFound(Kind::kTenant, tenant_id,
                          "Cluster " + std::to_string(cluster_id) +
                              " has no such tenant; GET /api/v2/ob/clusters/" +
                              std::to_string(cluster_id) + "/tenants lists its tenants.");
  }
  auto topology = topology_.Get(c_.entities, statuses);
  return Reply{[row = std::move(*row), topology = std::move(topology)](json::JsonWriter& w) {
    WriteTenantDetail(w, row, topology->Of(entities::Int(*row.doc, "clusterId")));
  }};
}

StatusOr<Reply> EntityHandlers::Hosts(const QueryParams& params) const {
  auto query = entities::ParseHostList(params, c_.rules);
  if (!query.ok()) return query.status();
  return List(Kind::kHost, query.value());
}

StatusOr<Reply> EntityHandlers::Host(int64_t id) const {
  auto row = c_.entities.Get(Kind::kHost, id, entities::PendingStatuses(c_.entities, c_.tasks));
  if (!row) return EntityNotFound(Kind::kHost, id, "GET /api/v2/compute/hosts lists them.");
  return Reply{[row = std::move(*row)](json::JsonWriter& w) { WriteHost(w, row); }};
}

}  // namespace mock::api
