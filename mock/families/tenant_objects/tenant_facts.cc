#include "mock/families/tenant_objects/tenant_facts.h"

namespace mock::families::tenant_objects {
namespace {

using entities::Int;
using entities::Str;

constexpr std::string_view kNoHost = "127.0.0.1";

std::string Or(std::string_view value, std::string_view otherwise) {
  return std::string(value.empty() ? otherwise : value);
}

bool HasService(const rapidjson::Value& host, const std::string& service) {
  auto it = host.FindMember("services");
  if (it == host.MemberEnd() || !it->value.IsArray()) return false;
  for (const auto& s : it->value.GetArray()) {
    if (s.IsObject() && Str(s, "type") == "OB_CLUSTER" && Str(s, "name") == service) return true;
  }
  return false;
}

// OceanBase 1.x to 3.x combine a database's id with its tenant's (§5.4); 4.x does not.
bool Ob3Ids(std::string_view version) {
  return !version.empty() && version[0] >= '1' && version[0] <= '3' &&
         (version.size() == 1 || version[1] == '.');
}

}  // namespace

std::string ClusterAddress(const rapidjson::Value& cluster,
                           const std::vector<entities::Row>& hosts) {
  const std::string service =
      std::string(Str(cluster, "name")) + ":" + std::to_string(Int(cluster, "obClusterId"));
  for (const entities::Row& host : hosts) {  // by id ascending (EntityStore::Rows)
    if (HasService(*host.doc, service)) return Or(Str(*host.doc, "innerIpAddress"), kNoHost);
  }
  return std::string(kNoHost);
}

TenantFacts FactsOf(const entities::Row& tenant, const entities::Row& cluster,
                    const std::vector<entities::Row>& hosts) {
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
  f.ip = ClusterAddress(*cluster.doc, hosts);
  return f;
}

}  // namespace mock::families::tenant_objects
