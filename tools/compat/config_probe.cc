// The requests of the configuration rows (issue #27; checks.h) and which rule judges each
// (config_rules.h). The GETs come after the client flows' (they read the first listed cluster,
// tenant and OBProxy cluster); the one write only with Target::allow_writes, after every read.
// Without it parameter-round-trip is n/a ("not run") and no PUT is sent.
//
//   cluster-parameters    doc  GET /api/v2/ob/clusters/{first listed id}/parameters
//   tenant-parameters     doc  GET /api/v2/ob/clusters/{cid}/tenants/{first listed id}/parameters
//   obproxy-parameters    doc  GET /api/v2/obproxy/clusters/{first listed id}/parameters
//   tenant-databases      doc  GET .../tenants/{M}/databases, M the first tenant that
//                              GET /api/v2/ob/tenants?mode=MYSQL&size=10 lists in MYSQL mode
//   tenant-users          doc  GET .../tenants/{M, else O}/users
//   tenant-user-detail    doc  GET .../users/{its first username}
//   tenant-roles          doc  GET .../tenants/{O}/roles, O the first ORACLE tenant alike
//   tenant-role-detail    doc  GET .../roles/{its first name}
//   tenant-objects        doc  GET .../tenants/{O}/objects
//   parameter-round-trip  doc  write: PUT .../parameters of the cluster and of the tenant, each
//                              setting one parameter to the value it has, then GET each list
#include <string>

#include <rapidjson/pointer.h>

#include "tools/compat/checks.h"
#include "tools/compat/config_rules.h"
#include "tools/compat/judging.h"
#include "tools/compat/topology_rules.h"

namespace compat {
namespace {

// The rows of a tenant of each mode: MySQL's databases (§5.4: the console manages databases of
// MySQL tenants only), Oracle's roles and objects (§8.3, §9.4).
constexpr const char* kOracleRows[] = {"tenant-roles", "tenant-role-detail", "tenant-objects"};

std::optional<int64_t> ConfigId(const std::optional<rapidjson::Document>& json,
                                const char* pointer) {
  const rapidjson::Value* v = json ? rapidjson::Pointer(pointer).Get(*json) : nullptr;
  return v != nullptr && v->IsInt64() ? std::optional<int64_t>(v->GetInt64()) : std::nullopt;
}

// "/api/v2/ob/clusters/{clusterId}/tenants/{id}" of the first row of `tenants` in `mode`.
std::optional<std::string> TenantPathOfMode(const std::optional<rapidjson::Document>& tenants,
                                            std::string_view mode) {
  const rapidjson::Value* rows = tenants ? Contents(*tenants) : nullptr;
  for (rapidjson::SizeType i = 0; rows != nullptr && i < rows->Size(); ++i) {
    const rapidjson::Value& t = (*rows)[i];
    const rapidjson::Value* m = At(t, {"mode"});
    const rapidjson::Value* id = At(t, {"id"});
    const rapidjson::Value* cluster = At(t, {"clusterId"});
    if (m == nullptr || !m->IsString() || mode != m->GetString() || id == nullptr ||
        !id->IsInt64() || cluster == nullptr || !cluster->IsInt64()) {
      continue;
    }
    return "/api/v2/ob/clusters/" + std::to_string(cluster->GetInt64()) + "/tenants/" +
           std::to_string(id->GetInt64());
  }
  return std::nullopt;
}

// The string at `key` of the first row of an answer's list, or nullopt.
std::optional<std::string> FirstName(const std::optional<rapidjson::Document>& list,
                                     const char* key) {
  const rapidjson::Value* rows = list ? Contents(*list) : nullptr;
  const rapidjson::Value* name =
      rows != nullptr && !rows->Empty() ? At((*rows)[0], {key}) : nullptr;
  return name != nullptr && name->IsString() ? std::optional<std::string>(name->GetString())
                                             : std::nullopt;
}

}  // namespace

void Probe::ProbeConfig() {
  const auto cluster = ConfigId(exchanges_[CheckNamed("clusters")].json, "/data/contents/0/id");
  Exchange& cluster_parameters = exchanges_[CheckNamed("cluster-parameters")];
  if (cluster) {
    cluster_parameters = Get("/api/v2/ob/clusters/" + std::to_string(*cluster) + "/parameters");
  } else {
    cluster_parameters.not_applicable = "the cluster list shows no cluster";
  }
  const auto& tenants = exchanges_[CheckNamed("tenants")].json;
  const auto tenant = ConfigId(tenants, "/data/contents/0/id");
  const auto tenant_cluster = ConfigId(tenants, "/data/contents/0/clusterId");
  Exchange& tenant_parameters = exchanges_[CheckNamed("tenant-parameters")];
  if (tenant && tenant_cluster) {
    tenant_parameters = Get("/api/v2/ob/clusters/" + std::to_string(*tenant_cluster) + "/tenants/" +
                            std::to_string(*tenant) + "/parameters");
  } else {
    tenant_parameters.not_applicable = "the tenant list shows no tenant";
  }
  const auto proxy =
      ConfigId(exchanges_[CheckNamed("obproxy-clusters")].json, "/data/contents/0/id");
  Exchange& proxy_parameters = exchanges_[CheckNamed("obproxy-parameters")];
  if (proxy) {
    proxy_parameters = Get("/api/v2/obproxy/clusters/" + std::to_string(*proxy) + "/parameters");
  } else {
    proxy_parameters.not_applicable = "the OBProxy list shows no cluster";
  }
  ProbeTenantObjects();
}

void Probe::ProbeTenantObjects() {
  more_["mysql-tenants"] = Get("/api/v2/ob/tenants?mode=MYSQL&size=10");
  more_["oracle-tenants"] = Get("/api/v2/ob/tenants?mode=ORACLE&size=10");
  const auto mysql = TenantPathOfMode(more_["mysql-tenants"].json, "MYSQL");
  const auto oracle = TenantPathOfMode(more_["oracle-tenants"].json, "ORACLE");
  if (mysql) {
    exchanges_[CheckNamed("tenant-databases")] = Get(*mysql + "/databases");
  } else {
    exchanges_[CheckNamed("tenant-databases")].not_applicable =
        "no MYSQL tenant listed (GET /api/v2/ob/tenants?mode=MYSQL&size=10)";
  }
  if (oracle) {
    exchanges_[CheckNamed("tenant-roles")] = Get(*oracle + "/roles");
    exchanges_[CheckNamed("tenant-objects")] = Get(*oracle + "/objects");
    const auto role = FirstName(exchanges_[CheckNamed("tenant-roles")].json, "name");
    if (role) {
      exchanges_[CheckNamed("tenant-role-detail")] = Get(*oracle + "/roles/" + PathSegment(*role));
      exchanges_[CheckNamed("tenant-role-detail")].sent = *role;
    } else {
      exchanges_[CheckNamed("tenant-role-detail")].not_applicable = "the role list shows no role";
    }
  } else {
    for (const char* row : kOracleRows) {
      exchanges_[CheckNamed(row)].not_applicable =
          "no ORACLE tenant listed (GET /api/v2/ob/tenants?mode=ORACLE&size=10; Oracle mode is "
          "OceanBase Enterprise only)";
    }
  }
  const std::optional<std::string> users_of = mysql ? mysql : oracle;
  if (!users_of) {
    for (const char* row : {"tenant-users", "tenant-user-detail"}) {
      exchanges_[CheckNamed(row)].not_applicable = "no MYSQL or ORACLE tenant listed";
    }
    return;
  }
  exchanges_[CheckNamed("tenant-users")] = Get(*users_of + "/users");
  const auto user = FirstName(exchanges_[CheckNamed("tenant-users")].json, "username");
  if (!user) {
    exchanges_[CheckNamed("tenant-user-detail")].not_applicable = "the user list shows no user";
    return;
  }
  exchanges_[CheckNamed("tenant-user-detail")] = Get(*users_of + "/users/" + PathSegment(*user));
  exchanges_[CheckNamed("tenant-user-detail")].sent = *user;
}

void Probe::ProbeParameterWrites() {
  Exchange& row = exchanges_[CheckNamed("parameter-round-trip")];
  for (const bool cluster : {true, false}) {
    const Exchange& list =
        exchanges_[CheckNamed(cluster ? "cluster-parameters" : "tenant-parameters")];
    if (!list.not_applicable.empty() || list.response.status != 200 || !list.json) continue;
    const auto set = cluster ? ClusterSameValue(*list.json) : TenantSameValue(*list.json);
    if (!set) continue;
    const std::string path = list.request.substr(4);  // "GET " taken off
    Exchange put = Send("PUT", path, "application/json", set->body);
    put.sent = set->body;
    more_[cluster ? "cluster-parameter-put" : "tenant-parameter-put"] = std::move(put);
    more_[cluster ? "cluster-parameters-after" : "tenant-parameters-after"] = Get(path);
  }
  if (more_.count("cluster-parameter-put") == 0 && more_.count("tenant-parameter-put") == 0) {
    row.not_applicable =
        "no parameter to set: neither list shows one that is writable, needs no restart and has "
        "one value";
  }
}

std::optional<Outcome> Probe::JudgeConfig(size_t check, const Contract& c) const {
  const std::string_view row = kChecks[check].name;
  auto answer = [&](const Exchange& e) {
    return FlowAnswer{e.request, e.response, e.json, e.sent};
  };
  const FlowAnswer a = answer(exchanges_[check]);
  const bool s = strict_;
  auto conforms = [&](const char* schema) {
    return Conforms(a.request, a.response, a.json, 200, schema, c, s);
  };
  if (row == "cluster-parameters") return conforms("cluster-parameter-list-response");
  if (row == "tenant-parameters") return conforms("tenant-parameter-list-response");
  if (row == "obproxy-parameters") return conforms("obproxy-parameter-list-response");
  if (row == "tenant-databases") return conforms("tenant-database-list-response");
  if (row == "tenant-users") return conforms("tenant-user-list-response");
  if (row == "tenant-roles") return conforms("tenant-role-list-response");
  if (row == "tenant-objects") return conforms("tenant-db-object-list-response");
  if (row == "tenant-user-detail") {
    return DetailOfListed(a, answer(exchanges_[CheckNamed("tenant-users")]), "username", a.sent,
                          "tenant-user-response", c, s);
  }
  if (row == "tenant-role-detail") {
    return DetailOfListed(a, answer(exchanges_[CheckNamed("tenant-roles")]), "name", a.sent,
                          "tenant-role-response", c, s);
  }
  if (row != "parameter-round-trip") return std::nullopt;
  Outcome result = Pass();  // the first failure, else the first observation
  for (const bool cluster : {true, false}) {
    const std::string of = cluster ? "cluster-parameter" : "tenant-parameter";
    if (more_.count(of + "-put") == 0) continue;
    Outcome o =
        RoundTrip(answer(more_.at(of + "-put")), answer(more_.at(of + "s-after")), cluster, c, s);
    if (Failed(o)) return o;
    if (result.verdict == Verdict::kPass) result = std::move(o);
  }
  return result;
}

}  // namespace compat
