#include "mock/families/parameters/parameters_family.h"

#include <memory>
#include <utility>

#include "mock/entities/pending_statuses.h"
#include "mock/families/parameters/parameter_catalog.h"
#include "mock/families/parameters/parameter_json.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using api::Reply;
using parameters::Definition;
using parameters::Owner;
using parameters::Scope;

constexpr char kClusterPath[] = "/api/v2/ob/clusters/{id}/parameters";
constexpr char kTenantPath[] = "/api/v2/ob/clusters/{id}/tenants/{tenantId}/parameters";

std::string ClusterList(int64_t id) {
  return "GET /api/v2/ob/clusters/" + std::to_string(id) + "/parameters";
}

std::string TenantList(int64_t cluster_id, int64_t tenant_id) {
  return "GET /api/v2/ob/clusters/" + std::to_string(cluster_id) + "/tenants/" +
         std::to_string(tenant_id) + "/parameters";
}

// The cluster's OBServers, zone by zone, as the topology pages show them.
std::vector<parameters::Server> ServersOf(const entities::ClusterTopology* cluster) {
  std::vector<parameters::Server> out;
  if (cluster == nullptr) return out;
  for (const entities::Zone& zone : cluster->zones) {
    for (size_t i : zone.servers) {
      const entities::Server& s = cluster->servers[i];
      out.push_back({s.zone, s.ip, s.port});
    }
  }
  return out;
}

// Each definition's value: the one set, else its default.
std::vector<std::pair<Definition, std::string>> Current(
    std::vector<Definition> definitions, const std::map<std::string, std::string>& set) {
  std::vector<std::pair<Definition, std::string>> out;
  out.reserve(definitions.size());
  for (Definition& d : definitions) {
    auto it = set.find(d.name);
    std::string value = it == set.end() ? d.default_value : it->second;
    out.emplace_back(std::move(d), std::move(value));
  }
  return out;
}

// `items` written as OCP lists them, `{"contents": [...]}`, each by `item`.
template <typename WriteItem>
std::string WriteList(const std::vector<std::pair<Definition, std::string>>& items,
                      WriteItem item) {
  rapidjson::StringBuffer buf;
  json::JsonWriter w(buf);
  w.StartObject();
  w.Key("contents");
  w.StartArray();
  for (const auto& [d, value] : items) item(w, d, value);
  w.EndArray();
  w.EndObject();
  return {buf.GetString(), buf.GetSize()};
}

}  // namespace

const resources::ResourceSpec ParametersFamily::kSpec{.name = "parameters",
                                                      .folder = "parameters",
                                                      .schema = "parameter-definition",
                                                      .items = "parameters"};

ParametersFamily::ParametersFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                                   std::optional<resources::ResourceSource> source,
                                   tasks::TaskStore& tasks, const entities::EntityStore& entities,
                                   Options options)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      tasks_(tasks),
      entities_(entities),
      values_(options.max_values) {}

std::vector<api::Route> ParametersFamily::OcpRoutes() const {
  // CPG "Read-only permission on the OceanBase cluster", CPP "Update permission on the
  // OceanBase cluster", TPP "Update permission on the tenant"; TPG names none, and reads a
  // tenant's data as the tenant detail does (docs/parameters.md).
  return {{"GET", kClusterPath, Access::kClusterViewer,
           [this](const Call& c) { return ClusterParameters(c.ids[0]); }},
          {"PUT", kClusterPath, Access::kClusterManager,
           [this](const Call& c) { return SetClusterParameters(c.ids[0], c.request.body); }},
          {"GET", kTenantPath, Access::kClusterViewer,
           [this](const Call& c) { return TenantParameters(c.ids[0], c.ids[1]); }},
          {"PUT", kTenantPath, Access::kClusterManager, [this](const Call& c) {
             return SetTenantParameters(c.ids[0], c.ids[1], c.request.body);
           }}};
}

void ParametersFamily::Reset() const {
  ResourceFamily::Reset();
  values_.Clear();
  rendered_.Clear();
}

StatusOr<api::Family::Commit> ParametersFamily::PrepareReload(size_t& count) const {
  auto commit = ResourceFamily::PrepareReload(count);
  if (!commit.ok() || !commit.value()) return commit;
  return Commit{[this, swap = std::move(commit).value()] {
    swap();
    values_.Clear();
    rendered_.Clear();
  }};
}

entities::TaskStatuses ParametersFamily::Statuses() const {
  return entities::PendingStatuses(entities_, tasks_);
}

StatusOr<entities::Row> ParametersFamily::Cluster(int64_t id,
                                                  const entities::TaskStatuses& statuses) const {
  auto cluster = entities_.Get(entities::Kind::kCluster, id, statuses);
  if (!cluster) {
    return ocp::OcpError(ocp::ErrorKind::kClusterNotFound,
                         "Path id=" + std::to_string(id) + ": GET /api/v2/ob/clusters lists them.",
                         {std::to_string(id)});
  }
  return std::move(*cluster);
}

StatusOr<entities::Row> ParametersFamily::Tenant(int64_t cluster_id, int64_t tenant_id) const {
  const entities::TaskStatuses statuses = Statuses();
  if (auto cluster = Cluster(cluster_id, statuses); !cluster.ok()) return cluster.status();
  auto tenant = entities_.Get(entities::Kind::kTenant, tenant_id, statuses);
  if (!tenant || entities::Int(*tenant->doc, "clusterId") != cluster_id) {
    // As the tenant pages answer an unknown tenant (docs/entities.md, "Errors").
    return ocp::OcpError(ocp::ErrorKind::kRecordNotFound,
                         "No tenant has id " + std::to_string(tenant_id) + " in cluster " +
                             std::to_string(cluster_id) + "; GET /api/v2/ob/clusters/" +
                             std::to_string(cluster_id) + "/tenants lists its tenants.",
                         {"OB_TENANT", "id=" + std::to_string(tenant_id)});
  }
  return std::move(*tenant);
}

StatusOr<Reply> ParametersFamily::ClusterParameters(int64_t cluster_id) const {
  const entities::TaskStatuses statuses = Statuses();
  auto cluster = Cluster(cluster_id, statuses);
  if (!cluster.ok()) return cluster.status();
  const std::shared_ptr<const entities::Topology> topology = topology_.Get(entities_, statuses);
  const Owner owner{Owner::kCluster, cluster_id};
  parameters::ListStamp stamp{.rows = store().Rows(), .topology = topology};
  const auto values = values_.Of(owner, &stamp.values);
  auto json = rendered_.Get(owner, stamp, [&] {
    const auto servers = ServersOf(topology->Of(cluster_id));
    return WriteList(Current(parameters::Definitions(stamp.rows, Scope::kCluster), values),
                     [&](json::JsonWriter& w, const Definition& d, const std::string& value) {
                       parameters::WriteClusterParameter(w, d, value, servers);
                     });
  });
  return Reply{[json = std::move(json)](json::JsonWriter& w) { w.RawObject(*json); }};
}

StatusOr<Reply> ParametersFamily::TenantParameters(int64_t cluster_id, int64_t tenant_id) const {
  auto tenant = Tenant(cluster_id, tenant_id);
  if (!tenant.ok()) return tenant.status();
  const Owner owner{Owner::kTenant, tenant_id};
  parameters::ListStamp stamp{.rows = store().Rows(),
                              .mode = std::string(entities::Str(*tenant.value().doc, "mode"))};
  const auto values = values_.Of(owner, &stamp.values);
  auto json = rendered_.Get(owner, stamp, [&] {
    return WriteList(
        Current(parameters::Definitions(stamp.rows, Scope::kTenant, stamp.mode), values),
        [](json::JsonWriter& w, const Definition& d, const std::string& value) {
          parameters::WriteTenantParameter(w, d, value);
        });
  });
  return Reply{[json = std::move(json)](json::JsonWriter& w) { w.RawObject(*json); }};
}

StatusOr<std::vector<parameters::Change>> ParametersFamily::Changes(const std::string& body,
                                                                    const char* schema) const {
  if (schemas() == nullptr) return FailedPrecondition("this server has no schemas");
  // Spring reads the body before the controller runs, so a malformed body is answered before
  // the cluster or tenant is looked up (framework).
  auto doc = api::CheckedBody(body, schema, *schemas());
  if (!doc.ok()) return doc.status();
  return parameters::ReadChanges(doc.value());
}

StatusOr<Reply> ParametersFamily::Apply(const Owner& owner,
                                        const std::vector<parameters::Change>& changes) const {
  std::vector<std::pair<std::string, std::string>> set;
  set.reserve(changes.size());
  for (const auto& c : changes) set.emplace_back(c.name, c.value);
  if (Status s = values_.Set(owner, set); !s.ok()) return s;
  return Reply{};  // the envelope without data, as both pages' sample (doc)
}

StatusOr<Reply> ParametersFamily::SetClusterParameters(int64_t cluster_id,
                                                       const std::string& body) const {
  auto changes = Changes(body, "set-cluster-parameters-request");
  if (!changes.ok()) return changes.status();
  if (auto cluster = Cluster(cluster_id, Statuses()); !cluster.ok()) return cluster.status();
  const auto definitions = parameters::Definitions(store().Rows(), Scope::kCluster);
  if (Status s = parameters::CheckChanges(changes.value(), definitions, Scope::kCluster,
                                          "cluster " + std::to_string(cluster_id),
                                          ClusterList(cluster_id));
      !s.ok()) {
    return s;
  }
  return Apply({Owner::kCluster, cluster_id}, changes.value());
}

StatusOr<Reply> ParametersFamily::SetTenantParameters(int64_t cluster_id, int64_t tenant_id,
                                                      const std::string& body) const {
  auto changes = Changes(body, "set-tenant-parameters-request");
  if (!changes.ok()) return changes.status();
  auto tenant = Tenant(cluster_id, tenant_id);
  if (!tenant.ok()) return tenant.status();
  const std::string mode(entities::Str(*tenant.value().doc, "mode"));
  const auto definitions = parameters::Definitions(store().Rows(), Scope::kTenant, mode);
  if (Status s = parameters::CheckChanges(changes.value(), definitions, Scope::kTenant,
                                          "tenant " + std::to_string(tenant_id),
                                          TenantList(cluster_id, tenant_id));
      !s.ok()) {
    return s;
  }
  return Apply({Owner::kTenant, tenant_id}, changes.value());
}

}  // namespace mock::families
