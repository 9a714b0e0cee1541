// What an inspection checks: the scenario tags, the object types, the items of the fixture
// catalogue (fixtures/inspection/, schemas/inspection-item.schema.json) and each item's result
// on one object. No OCP page documents inspection (docs/reference/ocp-alarms-and-inspection.md
// §5): the tags and object types are those the MCP server's docstrings name (`client`); the
// items, rules and results are the mock's (docs/inspection.md).
//
//   std::vector<Item> items = ItemsOf(rows, "HOST", 1);
//   ItemResult r = Evaluate(items[0], object, seed);   // an OFFLINE host fails host_online
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/resources/resource_set.h"

namespace mock::families::inspection {

// The object types (client): OB_CLUSTER, OB_TENANT, HOST, OB_PROXY.
inline constexpr const char* kObjectTypes[] = {"OB_CLUSTER", "OB_TENANT", "HOST", "OB_PROXY"};
// The scenario tags' ids 1 to 4 (client).
inline constexpr int64_t kMinTag = 1;
inline constexpr int64_t kMaxTag = 4;
// "Basic inspection", "Performance inspection", "Deep inspection", "Installation inspection";
// "" for another id.
std::string_view TagName(int64_t tag);

// An object an inspection can look at, as the other families serve it.
struct Object {
  int64_t id = 0;
  std::string type = {};         // one of kObjectTypes
  std::string name = {};         // the cluster's, tenant's or host's name
  std::string parent_name = {};  // a tenant's cluster; "" for the others
  // What the items' rules read: a host's status, a cluster's status, a tenant's lock.
  std::string status = {};
  bool locked = false;
};

// One item of the catalogue.
struct Item {
  int64_t id = 0;
  std::string name = {};
  std::string object_type = {};
  std::vector<int64_t> tags = {};
  std::string risk_level = {};  // HIGH, MEDIUM, LOW: the level a failure counts as
  // hostOnline, clusterRunning, tenantUnlocked: the object's state; seeded: fails for
  // `fail_percent` of the objects, chosen by the seed.
  std::string rule = {};
  int64_t fail_percent = 0;
  std::string description = {};
};

// The catalogue's items for `object_type` and `tag`, by id.
std::vector<Item> ItemsOf(const std::vector<resources::Row>& rows, std::string_view object_type,
                          int64_t tag);
// Item `id` of the catalogue, if any.
std::optional<Item> ItemOf(const std::vector<resources::Row>& rows, int64_t id);

struct ItemResult {
  int64_t item_id = 0;
  std::string item_name = {};
  std::string risk_level = {};  // the item's, when it failed; "NONE" when it passed
  std::string state = {};       // PASSED or FAILED
  std::string message = {};
};

// `item` on `object`: a pure function of both and `seed`.
ItemResult Evaluate(const Item& item, const Object& object, uint64_t seed);

}  // namespace mock::families::inspection
