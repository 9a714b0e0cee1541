// libFuzzer target: the parsers of issue 27's configuration pages, called directly (not through
// the API: a whole request per input was about ten times slower), over the bundled parameter
// catalogue, loaded once. The first byte, modulo 10, picks what the rest is (the order of the
// seeds' first bytes, mock/fuzz/corpus/config/):
//  - a cluster, MySQL tenant or Oracle tenant parameter PUT body: request_body.h's CheckedBody
//    against its schema (a refusal says why), parameter_change.h's ReadChanges and CheckChanges
//    (names, types, read-only, values: parameter_value.h). Asserted: a body accepted changes only
//    parameters the owner reads, none read-only, each value one its range takes; a refusal names
//    the item
//    ("[2]") it refuses;
//  - a value against a range, "TYPE\nallowed\nmin\nmax\nvalue" (ValueProblem directly; a
//    missing line is an absent bound). Asserted: a refusal says what the type takes (non-empty);
//  - a runtime parameter definition or tenant-object row (PUT /__mock/parameters/{id},
//    PUT /__mock/tenantObjects/{id}: resource_set.h's ParseRow), then read as the pages read
//    them: parameter_catalog.h's Definitions and each definition's default against its own
//    range; tenant_items.h's databases, users, roles and objects of a MySQL and an Oracle tenant.
//    Asserted: a row accepted has the path's id;
//  - a raw request target naming a user (also with the input as a query), a role or a zone:
//    http::ParseTarget, then the Router's text segment and the lookup by that name
//    (tenant_items.h's Named). Asserted: a matched segment is non-empty and holds no '/'.
// A refusal always says why (its sentence or OCP's message arguments), and of a UTF-8 input
// quotes only UTF-8. Anything else: never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mock/families/parameters/parameter_change.h"
#include "mock/families/parameters/parameters_family.h"
#include "mock/families/tenant_objects/tenant_items.h"
#include "mock/families/tenant_objects/tenant_objects_family.h"
#include "mock/fuzz/refusal_check.h"
#include "mock/http/url.h"
#include "mock/json/utf8.h"
#include "mock/reply/request_body.h"
#include "mock/reply/router.h"
#include "mock/resources/resource_set.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace {

namespace parameters = mock::families::parameters;
namespace tenant_objects = mock::families::tenant_objects;

template <typename T>
T MustConfig(mock::StatusOr<T> v) {
  if (!v.ok()) std::abort();
  return std::move(v).value();
}

// What every input reads: the version's schemas and the bundled catalogue's definitions.
struct ConfigWorld {
  ConfigWorld()
      : profile(MustConfig(mock::versions::LoadProfile(OCPMOCK_SOURCE_DIR "/schemas", "4.2.2"))),
        schemas(MustConfig(mock::json::SchemaSet::Load(profile.schema_dirs))),
        rows(MustConfig(mock::resources::LoadResources(
            mock::testdata::FixturesDir(), mock::families::ParametersFamily::kSpec, schemas))),
        cluster(parameters::Definitions(rows, parameters::Scope::kCluster)),
        mysql(parameters::Definitions(rows, parameters::Scope::kTenant, "MYSQL")),
        oracle(parameters::Definitions(rows, parameters::Scope::kTenant, "ORACLE")),
        router(Routes()) {
    mysql_facts = {.cluster_id = 1, .tenant_id = 171, .name = "trade", .ob_tenant_id = 1002};
    oracle_facts = {.cluster_id = 1,
                    .tenant_id = 169,
                    .name = "zhiqiong",
                    .mode = tenant_objects::Mode::kOracle,
                    .ob_tenant_id = 1004};
    users = tenant_objects::Users(mysql_facts, {});
    roles = tenant_objects::Roles(oracle_facts, {});
  }

  // The patterns of the pages that take a name in the path (tenant_objects_family.cc,
  // topology_family.cc); the handlers are never called.
  static std::vector<mock::api::Route> Routes() {
    const auto none = [](const mock::api::Call&) -> mock::StatusOr<mock::api::Reply> {
      return mock::api::Reply{};
    };
    const std::string tenant = "/api/v2/ob/clusters/{clusterId}/tenants/{tenantId}";
    return {{"GET", tenant + "/users/{username}", mock::api::Access::kClusterViewer, none},
            {"GET", tenant + "/roles/{roleName}", mock::api::Access::kClusterViewer, none},
            {"GET", "/api/v2/ob/clusters/{clusterId}/zones/{zoneName}/servers",
             mock::api::Access::kClusterViewer, none}};
  }

  mock::versions::Profile profile;
  mock::json::SchemaSet schemas;
  std::vector<mock::resources::Row> rows;
  std::vector<parameters::Definition> cluster, mysql, oracle;
  mock::api::Router router;
  tenant_objects::TenantFacts mysql_facts, oracle_facts;
  std::vector<tenant_objects::Object> users, roles;  // the built-in ones, which paths look up
};

const ConfigWorld* config_world = nullptr;

// Whether this input is UTF-8: then so must be what a refusal quotes of it (an answer is JSON).
bool config_input_utf8 = false;

void SaysWhy(const mock::Status& s) { mock::fuzz::AbortUnlessRefusalSaysWhy(s, config_input_utf8); }

// A PUT body for `definitions`, with the assertions of the header.
void ParameterPut(const ConfigWorld& w, const std::string& body, const char* schema,
                  const std::vector<parameters::Definition>& definitions, parameters::Scope scope) {
  auto doc = mock::api::CheckedBody(body, schema, w.schemas);
  if (!doc.ok()) return SaysWhy(doc.status());
  const std::vector<parameters::Change> changes = parameters::ReadChanges(doc.value());
  const mock::Status s =
      parameters::CheckChanges(changes, definitions, scope, "tenant 171", "GET .../parameters");
  if (!s.ok()) {
    SaysWhy(s);
    if (s.message().find(']') == std::string::npos) std::abort();
    return;
  }
  for (const parameters::Change& c : changes) {
    const parameters::Definition* d = parameters::Find(definitions, c.name);
    if (d == nullptr || d->readonly() || parameters::ValueProblem(d->range, c.value)) std::abort();
  }
}

// "TYPE\nallowed\nmin\nmax\nvalue": the lines of `text`, a missing one absent.
void ValueAgainstRange(std::string_view text) {
  std::vector<std::string_view> lines;
  while (lines.size() < 4) {
    const size_t nl = text.find('\n');
    if (nl == std::string_view::npos) break;
    lines.push_back(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  parameters::ValueRange range;
  const auto line = [&](size_t i) -> std::optional<std::string> {
    if (i >= lines.size()) return std::nullopt;
    return std::string(lines[i]);
  };
  range.type = line(0).value_or("");
  range.allowed = line(1);
  range.min = line(2);
  range.max = line(3);
  const auto problem = parameters::ValueProblem(range, text);
  if (problem && (problem->empty() || (config_input_utf8 && !mock::json::IsValidUtf8(*problem)))) {
    std::abort();
  }
}

void DefinitionRow(const ConfigWorld& w, const std::string& body, int64_t id) {
  auto row =
      mock::resources::ParseRow(body, id, mock::families::ParametersFamily::kSpec, w.schemas);
  if (!row.ok()) return SaysWhy(row.status());
  if (row.value().id != id) std::abort();
  const std::vector<mock::resources::Row> rows = {row.value()};
  for (const auto& d : parameters::Definitions(rows, parameters::Scope::kCluster)) {
    (void)parameters::ValueProblem(d.range, d.default_value);
  }
  for (const char* mode : {"MYSQL", "ORACLE"}) {
    for (const auto& d : parameters::Definitions(rows, parameters::Scope::kTenant, mode)) {
      (void)parameters::ValueProblem(d.range, d.default_value);
    }
  }
}

void TenantObjectRow(const ConfigWorld& w, const std::string& body, int64_t id) {
  auto row =
      mock::resources::ParseRow(body, id, mock::families::TenantObjectsFamily::kSpec, w.schemas);
  if (!row.ok()) return SaysWhy(row.status());
  if (row.value().id != id) std::abort();
  const std::vector<mock::resources::Row> rows = {row.value()};
  for (const auto* facts : {&w.mysql_facts, &w.oracle_facts}) {
    (void)tenant_objects::Databases(*facts, rows);
    (void)tenant_objects::Users(*facts, rows);
    (void)tenant_objects::Roles(*facts, rows);
  }
  (void)tenant_objects::DbObjects(rows);
}

// A raw request target naming a user, a role or a zone, down to the lookup of the name it holds
// (a zone's servers are the topology's: the router's match is the parser here).
void NamedInPath(const ConfigWorld& w, const std::string& target) {
  auto parsed = mock::http::ParseTarget(target);
  if (!parsed.ok()) return;
  const mock::api::RouteMatch m = w.router.Match("GET", parsed.value().path);
  if (m.outcome != mock::api::RouteMatch::kFound) return;
  for (size_t i = 0; i < m.params.size(); ++i) {
    const std::string& text = m.params[i];
    if (text.empty() || text.find('/') != std::string::npos) std::abort();
    if (m.names[i] == "username") {
      (void)tenant_objects::Named(w.users, "username", text);
    } else if (m.names[i] == "roleName") {
      (void)tenant_objects::Named(w.roles, "name", text);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const ConfigWorld built;
  config_world = &built;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ConfigWorld& w = *config_world;
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  config_input_utf8 = mock::json::IsValidUtf8(rest);
  const int64_t id = data[0] / 10 % 4 + 1;
  switch (data[0] % 10) {
    case 0:
      ParameterPut(w, rest, "set-cluster-parameters-request", w.cluster,
                   parameters::Scope::kCluster);
      break;
    case 1:
      ParameterPut(w, rest, "set-tenant-parameters-request", w.mysql, parameters::Scope::kTenant);
      break;
    case 2:
      ParameterPut(w, rest, "set-tenant-parameters-request", w.oracle, parameters::Scope::kTenant);
      break;
    case 3:
      DefinitionRow(w, rest, id);
      break;
    case 4:
      TenantObjectRow(w, rest, id);
      break;
    case 5:
      NamedInPath(w, "/api/v2/ob/clusters/1/tenants/171/users/" + rest);
      break;
    case 6:
      NamedInPath(w, "/api/v2/ob/clusters/1/tenants/169/roles/" + rest);
      break;
    case 7:
      NamedInPath(w, "/api/v2/ob/clusters/1/zones/" + rest + "/servers");
      break;
    case 8:
      NamedInPath(w, "/api/v2/ob/clusters/1/tenants/171/users/" + rest + "?hostName=" + rest);
      break;
    default:
      ValueAgainstRange(rest);
      break;
  }
  return 0;
}
