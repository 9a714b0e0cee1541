// The parameter definitions a cluster or a tenant reads, from the catalogue's rows
// (fixtures/parameters/, schemas/parameter-definition.schema.json; docs/parameters.md):
//  - a cluster reads every CLUSTER row;
//  - a tenant every TENANT row (tenant parameters and system variables) whose compatibleType is
//    ALL (or absent) or the tenant's mode, so that a MySQL and an Oracle tenant may each read
//    their own ob_compatibility_mode;
//  - where two rows a cluster or tenant reads have the same name, the lower id is the one read
//    (the catalogue is a test's to change at runtime: a duplicate is not refused, and the answer
//    stays one item per name).
// Definitions are in id order. Rows are read as the schema has them; a row that is not
// (a member missing or of another type) is read with that member empty, never trusted blindly.
//
//   std::vector<Definition> d = Definitions(store.Rows(), Scope::kTenant, "ORACLE");
//   const Definition* autocommit = Find(d, "autocommit");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mock/families/parameters/parameter_value.h"
#include "mock/resources/resource_set.h"

namespace mock::families::parameters {

enum class Scope { kCluster, kTenant };

struct Definition {
  int64_t id = 0;
  std::string name;
  std::string parameter_type;  // OB_CLUSTER_PARAMETER, OB_TENANT_PARAMETER, OB_SYSTEM_VARIABLE
  std::string section;         // "" when the row has none
  std::string default_value;
  ValueRange range;
  std::string edit_level;  // READONLY, STATIC_EFFECTIVE, DYNAMIC_EFFECTIVE
  std::string description;

  bool readonly() const { return edit_level == "READONLY"; }
  bool need_restart() const { return edit_level == "STATIC_EFFECTIVE"; }
};

// The definitions of `scope` that an entity reads (above); `tenant_mode` ("MYSQL", "ORACLE") for
// a tenant, unused for a cluster.
std::vector<Definition> Definitions(const std::vector<resources::Row>& rows, Scope scope,
                                    std::string_view tenant_mode = {});

// The definition named `name` (exactly, as OceanBase's names are lower case), or nullptr.
const Definition* Find(const std::vector<Definition>& definitions, std::string_view name);

}  // namespace mock::families::parameters
