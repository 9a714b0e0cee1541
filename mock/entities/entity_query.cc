#include "mock/entities/entity_query.h"

#include "mock/json/schema_enum.h"

namespace mock::entities {
namespace {

using listing::ListSpec;
using listing::Match;
using listing::SortAs;

// The string values of the enum at `pointer` of `schema`, unquoted.
std::vector<std::string> EnumOf(const json::SchemaSet* schemas, std::string_view schema,
                                std::string_view pointer) {
  std::vector<std::string> values;
  if (schemas == nullptr) return values;
  for (const std::string& v :
       json::EnumAt(schemas->dirs(), schema, pointer).value_or(std::vector<std::string>{})) {
    if (v.size() >= 2 && v.front() == '"') values.push_back(v.substr(1, v.size() - 2));
  }
  return values;
}

ListSpec Clusters(const json::SchemaSet* schemas, bool with_standby) {
  ListSpec spec{.filters = {{"name", Match::kContains, {"name"}},
                            {"status",
                             Match::kAnyOf,
                             {"status"},
                             EnumOf(schemas, "ob-cluster-status.schema.json", "")}},
                .sort_keys = {{"id", SortAs::kNumber},
                              {"name", SortAs::kFoldedText},
                              {"status", SortAs::kText},
                              {"type", SortAs::kText},
                              {"obVersion", SortAs::kText},
                              {"createTime", SortAs::kTime}}};
  if (with_standby)
    spec.filters.push_back({"withStandby", Match::kWhenTrue, {"type"}, {}, "PRIMARY"});
  return spec;
}

ListSpec Tenants(const json::SchemaSet* schemas) {
  return {
      .filters = {{"name", Match::kContains, {"name"}},
                  {"status",
                   Match::kAnyOf,
                   {"status"},
                   EnumOf(schemas, "ob-tenant-status.schema.json", "")},
                  {"mode", Match::kAnyOf, {"mode"}, EnumOf(schemas, "tenant-mode.schema.json", "")},
                  {"locked", Match::kBool, {"locked"}},
                  {"readonly", Match::kBool, {"readonly"}}},
      .sort_keys = {{"id", SortAs::kNumber},
                    {"name", SortAs::kFoldedText},
                    {"status", SortAs::kText},
                    {"mode", SortAs::kText},
                    {"clusterId", SortAs::kNumber},
                    {"clusterName", SortAs::kText},
                    {"createTime", SortAs::kTime}}};
}

ListSpec Hosts(const json::SchemaSet* schemas) {
  const auto services = EnumOf(schemas, "host-service-type.schema.json", "");
  return {.filters = {{"status",
                       Match::kAnyOf,
                       {"status"},
                       EnumOf(schemas, "host.schema.json", "/status")},
                      {"keyword", Match::kContains, {"name", "innerIpAddress", "services[].name"}},
                      {"includedServiceType", Match::kHasAnyOf, {"services[].type"}, services},
                      {"excludedServiceType", Match::kHasNoneOf, {"services[].type"}, services}},
          .sort_keys = {{"id", SortAs::kNumber},
                        {"name", SortAs::kFoldedText},
                        {"innerIpAddress", SortAs::kText},
                        {"status", SortAs::kText},
                        {"createTime", SortAs::kTime},
                        {"updateTime", SortAs::kTime}}};
}

}  // namespace

ListRules ListRulesFor(const json::SchemaSet& schemas, std::string_view version) {
  return ListRulesFor(&schemas, version);
}

ListRules ListRulesFor(const json::SchemaSet* schemas, std::string_view version) {
  const bool with_standby = version == "3.1.1" || version.rfind("4.0.", 0) == 0;
  return {Clusters(schemas, with_standby), Tenants(schemas), Hosts(schemas)};
}

StatusOr<ListQuery> ParseClusterList(const QueryParams& params, const ListRules& rules) {
  return listing::Bind(rules.clusters, params);
}

StatusOr<ListQuery> ParseTenantList(const QueryParams& params, const ListRules& rules,
                                    std::optional<int64_t> cluster_id) {
  auto q = listing::Bind(rules.tenants, params);
  if (q.ok() && cluster_id) q.value().required.push_back({"clusterId", *cluster_id});
  return q;
}

StatusOr<ListQuery> ParseHostList(const QueryParams& params, const ListRules& rules) {
  return listing::Bind(rules.hosts, params);
}

}  // namespace mock::entities
