#include "mock/families/system/system_family.h"

namespace mock::families {

using api::Access;
using api::Call;

std::vector<api::Route> SystemFamily::Routes() const {
  const api::ProbeHandlers* p = &probes_;
  std::vector<api::Route> routes = {
      {"GET", "/api/v2/time", Access::kPublic, [p](const Call&) { return p->Time(); }},
      {"GET", "/api/v2/info", Access::kAuthenticated, [p](const Call&) { return p->Info(); }},
      {"GET", "/__mock/health", Access::kControl, [p](const Call&) { return p->Health(); }},
  };
  if (api_status_) {
    routes.push_back({"GET", "/api/status", Access::kAuthenticated,
                      [p](const Call& c) { return p->ApiStatus(c.request.query); }});
  }
  return routes;
}

}  // namespace mock::families
