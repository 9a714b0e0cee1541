// The rows of ocp-compat beyond the task API (checks.h): the cluster, tenant and host pages
// (entity_rules.h) and the probes clients call first (time, info, api-status). Read-only, like
// the rest.
#include <rapidjson/pointer.h>

#include <array>
#include <string>

#include "mock/model/timestamp.h"
#include "tools/compat/checks.h"
#include "tools/compat/judging.h"

namespace compat {

std::optional<Outcome> Probe::JudgeEntityRule(size_t check) const {
  const std::string_view name = kChecks[check].name;
  static constexpr std::array<const char*, 3> kLists = {"clusters-", "tenants-", "hosts-"};
  for (size_t list = 0; list < kLists.size(); ++list) {
    if (!name.starts_with(kLists[list]) || list >= entity_rules_.size()) continue;
    const EntityRules& rules = entity_rules_[list];
    const std::string_view rule = name.substr(std::string_view(kLists[list]).size());
    if (rule == "filter-each") return rules.FilterEach();
    if (rule == "paging") return rules.Paging();
    if (rule == "sort-each") return rules.SortEach();
    if (rule == "size-clamp") return rules.SizeClamp();
    if (rule == "detail-agrees") return rules.DetailAgrees();
  }
  return std::nullopt;
}

void Probe::ProbeEntities() {
  for (EntityList list : {EntityList::kClusters, EntityList::kTenants, EntityList::kHosts}) {
    entity_rules_.push_back(EntityRules::Run(client_, list));
  }
  exchanges_[CheckNamed("clusters")] = Get("/api/v2/ob/clusters?size=10");
  exchanges_[CheckNamed("tenants")] = Get("/api/v2/ob/tenants?size=10");
  exchanges_[CheckNamed("hosts")] = Get("/api/v2/compute/hosts?size=10");
  const auto& clusters = exchanges_[CheckNamed("clusters")].json;
  const auto* cluster_id =
      clusters ? rapidjson::Pointer("/data/contents/0/id").Get(*clusters) : nullptr;
  if (cluster_id != nullptr && cluster_id->IsInt64()) {
    exchanges_[CheckNamed("cluster-detail")] =
        Get("/api/v2/ob/clusters/" + std::to_string(cluster_id->GetInt64()));
  } else {
    exchanges_[CheckNamed("cluster-detail")].not_applicable = "the cluster list shows no cluster";
  }
  const auto& tenants = exchanges_[CheckNamed("tenants")].json;
  const auto* id = tenants ? rapidjson::Pointer("/data/contents/0/id").Get(*tenants) : nullptr;
  const auto* cluster =
      tenants ? rapidjson::Pointer("/data/contents/0/clusterId").Get(*tenants) : nullptr;
  if (id == nullptr || !id->IsInt64() || cluster == nullptr || !cluster->IsInt64()) {
    exchanges_[CheckNamed("tenant-detail")].not_applicable = "the tenant list shows no tenant";
    return;
  }
  exchanges_[CheckNamed("tenant-detail")] =
      Get("/api/v2/ob/clusters/" + std::to_string(cluster->GetInt64()) + "/tenants/" +
          std::to_string(id->GetInt64()));
}

Outcome Probe::JudgeProbe(size_t check, const Contract& c) const {
  const Exchange& e = exchanges_[check];
  const std::string& v = c.profile.version;
  if (check == CheckNamed("api-status") && !c.profile.api_status) {
    return NotApplicable("OCP " + v + " does not document GET /api/status (4.2.1 and later do)");
  }
  if (check != CheckNamed("api-status") && !c.profile.info_and_time) {
    return NotApplicable("OCP " + v + "'s docs have neither GET /api/v2/info nor /api/v2/time");
  }
  const contract::HttpResult& r = e.response;
  if (r.status != 200) {
    return Fail(e.request + ": HTTP " + std::to_string(r.status) +
                ", expected 200: " + Excerpt(r.body));
  }
  if (check == CheckNamed("api-status")) {
    if (r.body.starts_with("okay") || r.body.starts_with("bad")) return Pass();
    return Fail(e.request + ": expected the text \"okay\" or \"bad\"; came " + Excerpt(r.body));
  }
  if (check == CheckNamed("info")) {
    const rapidjson::Value* build = e.json ? At(*e.json, {"buildVersion"}) : nullptr;
    if (build != nullptr && build->IsString()) return Pass();
    return Fail(e.request + ": expected an object with the string buildVersion; came " +
                Excerpt(r.body));
  }
  std::string text = r.body;  // the time, as text or as a JSON string (both are seen)
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  if (mock::model::ParseTimestamp(text)) return Pass();
  return Fail(e.request + ": expected a time like 2026-12-04T10:00:00.000+08:00; came " +
              Excerpt(r.body));
}

}  // namespace compat
