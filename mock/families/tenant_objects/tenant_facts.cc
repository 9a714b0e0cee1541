#include "mock/families/tenant_objects/tenant_facts.h"

namespace mock::families::tenant_objects {
namespace {

using entities::Int;
using entities::Str;

constexpr std::string_view kNoHost = "127.0.0.1";

std::string Or(std::string_view value, std::string_view otherwise) {
  return std::string(value.empty() ? otherwise : value);
}

// OceanBase 1.x to 3.x combine a database's id with its tenant's (§5.4); 4.x does not.
bool Ob3Ids(std::string_view version) {
  return !version.empty() && version[0] >= '1' && version[0] <= '3' &&
         (version.size() == 1 || version[1] == '.');
}

}  // namespace

std::string ClusterAddress(const entities::ClusterTopology* cluster) {
  const entities::Server* first = nullptr;
  if (cluster != nullptr) {
    for (const entities::Server& s : cluster->servers) {
      if (first == nullptr || s.host_id < first->host_id) first = &s;
    }
  }
  return first == nullptr ? std::string() : first->ip;
}

TenantFacts FactsOf(const entities::Row& tenant, const entities::Row& cluster,
                    std::string_view ip) {
  const rapidjson::Value& t = *tenant.doc;
  TenantFacts f;
  f.cluster_id = cluster.id;
  f.tenant_id = tenant.id;
  f.name = std::string(Str(t, "name"));
  f.mode = Str(t, "mode") == "ORACLE" ? Mode::kOracle : Mode::kMysql;
  f.ob_tenant_id = Int(t, "obTenantId");
  f.create_time = std::string(Str(t, "createTime"));
  f.charset = Or(Str(t, "charset"), "utf8mb4");
  f.collation = Or(Str(t, "collation"), "utf8mb4_general_ci");
  f.ob3_ids =
      Ob3Ids(Str(t, "obVersion").empty() ? Str(*cluster.doc, "obVersion") : Str(t, "obVersion"));
  f.ip = Or(ip, kNoHost);
  return f;
}

}  // namespace mock::families::tenant_objects
