// The requests of ocp-compat's cluster, tenant and host checks (checks.h): read-only, like the
// rest.
#include <rapidjson/pointer.h>

#include <string>

#include "tools/compat/checks.h"

namespace compat {

void Probe::ProbeEntities() {
  exchanges_[CheckNamed("clusters")] = Get("/api/v2/ob/clusters?size=10");
  exchanges_[CheckNamed("tenants")] = Get("/api/v2/ob/tenants?size=10");
  exchanges_[CheckNamed("hosts")] = Get("/api/v2/compute/hosts?size=10");
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

}  // namespace compat
