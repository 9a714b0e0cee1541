// The one list of OCP API families, and the one route table: every path the mock serves, OCP's
// and its own /__mock/ ones, concatenated from each family's routes and the control plane's.
// Adding a family is one line here (docs/adding-a-family.md).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mock/control/control_plane.h"
#include "mock/entities/entity_query.h"
#include "mock/entities/entity_store.h"
#include "mock/quirks/quirks.h"
#include "mock/reply/family.h"
#include "mock/reply/route.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

// The rows of each family with data of its own, by family name, read at start-up.
using FamilyData = std::map<std::string, std::vector<resources::Row>, std::less<>>;

// Reads the files of every family with data of its own (FIXTURES/<folder>/*.json), for
// `version`; kConfig naming the file and the place when one is refused. Files for other versions
// are added to `*skipped`.
StatusOr<FamilyData> LoadFamilyData(const std::filesystem::path& fixtures,
                                    const json::SchemaSet& schemas,
                                    const fixtures::FixtureVersion& version,
                                    std::vector<std::filesystem::path>* skipped = nullptr);

// What the families are built from; the stores, clock and schemas must outlive them.
struct FamilyContext {
  tasks::TaskStore& tasks;
  tasks::MockClock& clock;
  entities::EntityStore& entities;
  const json::SchemaSet* schemas;
  entities::ListRules rules;
  std::string ocp_version;
  bool api_status = false;          // the version has GET /api/status (4.2.1 on)
  bool async_create_tenant = true;  // ... has POST .../tenants/createTenant (4.0.0 on)
  bool arbitration = false;         // ... serves the arbitration services (4.2.1, 4.2.2)
  FamilyData data = {};             // LoadFamilyData's rows; a family absent has none
  std::optional<resources::ResourceSource> source = std::nullopt;  // for reloads
  // --quirks: a family whose answers a quirk changes reads it (client-ids: client_ids.h).
  Quirks quirks = {};
  // --seed: the metric series' load model (families/monitor/load_model.h).
  uint64_t seed = 0;
};

using Families = std::vector<std::unique_ptr<Family>>;

// Every family the mock serves, in route order.
Families MakeFamilies(FamilyContext context);

// The families with state of their own (Family::Resets()): reset by name, and those of them
// that reload (Family::Reloads()) reloaded.
std::vector<const Family*> WithData(const Families& families);

// The families' routes, then the control plane's, then the Api's own (`api_own`:
// GET /__mock/openapi.json, openapi_endpoint.h).
std::vector<Route> RouteTable(const Families& families, const ControlPlane& control,
                              std::vector<Route> api_own = {});

}  // namespace mock::api
