#include "mock/families/entities/entity_family.h"

namespace mock::families {

using api::Access;
using api::Call;

std::vector<api::Route> EntityFamily::Routes() const {
  const std::string cluster = "/api/v2/ob/clusters/{id}";
  const std::string tenant = cluster + "/tenants/{tenantId}";
  const api::EntityHandlers* e = &handlers_;
  const api::EntityOperations* ops = &operations_;
  std::vector<api::Route> routes = {
      {"GET", "/api/v2/ob/clusters", Access::kClusterViewer,
       [e](const Call& c) { return e->Clusters(c.request.query); }},
      {"GET", cluster, Access::kClusterViewer, [e](const Call& c) { return e->Cluster(c.ids[0]); }},
      {"GET", cluster + "/tenants", Access::kClusterViewer,
       [e](const Call& c) { return e->ClusterTenants(c.ids[0], c.request.query); }},
      {"GET", "/api/v2/ob/tenants", Access::kAuthenticated,
       [e](const Call& c) {
         return e->Tenants(c.request.query,
                           c.user == nullptr || c.user->Has(auth::Permission::kClusterViewer));
       }},
      {"GET", tenant, Access::kClusterViewer,
       [e](const Call& c) { return e->Tenant(c.ids[0], c.ids[1]); }},
      {"POST", cluster + "/tenants", Access::kAuthenticated,
       [ops](const Call& c) { return ops->CreateTenantNow(c.ids[0], c.request.body, c.user); }},
      {"DELETE", tenant, Access::kAuthenticated,
       [ops](const Call& c) { return ops->DeleteTenant(c.ids[0], c.ids[1]); }},
      {"POST", tenant + "/lock", Access::kAuthenticated,
       [ops](const Call& c) { return ops->LockTenant(c.ids[0], c.ids[1], true); }},
      {"POST", tenant + "/unlock", Access::kAuthenticated,
       [ops](const Call& c) { return ops->LockTenant(c.ids[0], c.ids[1], false); }},
      {"GET", "/api/v2/compute/hosts", Access::kHostViewer,
       [e](const Call& c) { return e->Hosts(c.request.query); }},
      {"GET", "/api/v2/compute/hosts/{hostId}", Access::kHostViewer,
       [e](const Call& c) { return e->Host(c.ids[0]); }},
      {"DELETE", "/api/v2/compute/hosts/{hostId}", Access::kHostManager,
       [ops](const Call& c) { return ops->DeleteHost(c.ids[0]); }},
      {"POST", "/api/v2/compute/hosts/batchCreate", Access::kHostManager,
       [ops](const Call& c) { return ops->BatchCreateHosts(c.request.body, c.user); }},
  };
  if (async_create_tenant_) {
    routes.push_back(
        {"POST", cluster + "/tenants/createTenant", Access::kAuthenticated,
         [ops](const Call& c) { return ops->CreateTenant(c.ids[0], c.request.body, c.user); }});
  }
  return routes;
}

}  // namespace mock::families
