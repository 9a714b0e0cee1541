// What an Api serves, part by part, for the OpenAPI documents (mock/openapi/): each family's
// routes and Operations (reply/family.h), the control plane's, and the Api's own
// (GET /__mock/openapi.json). And a stand-in: a version's families and control plane over empty
// stores, which is how a version other than the one played is described, and how
// `ocp-mock openapi` describes every version. The routes a family serves depend on the version's
// flags only, never on its data, so a stand-in serves the same routes as a loaded mock.
//
//   auto standin = StandIn::Make(profile);
//   openapi::Joined joined = openapi::Join(standin.value()->Parts(OpenApiPart({})));
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mock/api/route_table.h"
#include "mock/auth/throttle.h"
#include "mock/control/control_plane.h"
#include "mock/faults/fault_rules.h"
#include "mock/journal/journal.h"
#include "mock/openapi/join.h"
#include "mock/versions/profile.h"

namespace mock::api {

// Whether `ocp_version` has POST /api/v2/ob/clusters/{id}/tenants/createTenant: 4.0.0 on
// (docs/entities.md). FamilyContext::async_create_tenant, for the Api and the stand-ins alike.
bool HasAsyncCreateTenant(std::string_view ocp_version);

// The tag description of a part: what it is and the page that documents it; "" for a name this
// list lacks (the route walk test fails on it).
std::string PartDescription(std::string_view name);

// One part per family, in route order, then the control plane's ("control"), then `own`.
std::vector<openapi::Part> DescribeParts(const Families& families, const ControlPlane& control,
                                         openapi::Part own);

// A version's families and control plane over empty stores, only to be described.
class StandIn {
 public:
  // kConfig naming the file when the version's schemas do not load.
  static StatusOr<std::unique_ptr<StandIn>> Make(const versions::Profile& profile);
  StandIn(const StandIn&) = delete;
  StandIn& operator=(const StandIn&) = delete;

  // DescribeParts of the stand-in's families and control plane, then `own`.
  std::vector<openapi::Part> Parts(openapi::Part own) const;
  // The version's schemas, loaded for the families.
  const json::SchemaSet& schemas() const { return schemas_; }

 private:
  StandIn(const versions::Profile& profile, json::SchemaSet schemas);

  json::SchemaSet schemas_;
  tasks::MockClock clock_{0};
  tasks::TaskStore tasks_{{}, clock_};
  entities::EntityStore entities_;
  journal::Journal journal_{0};
  auth::Throttle throttle_;
  faults::FaultRules faults_{0};
  Families families_;
  std::unique_ptr<ControlPlane> control_;
};

}  // namespace mock::api
