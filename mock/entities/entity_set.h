// The clusters, tenants and hosts the mock serves beside its tasks: each one the JSON object OCP's
// docs give (ObCluster; a tenant in its detail form, which holds every list field; Host), kept
// as a document so that every documented field a fixture gives is served as given.
//
//   EntitySet set = ...;                         // entity_loader.h fills it
//   Complete(set, tasks);                        // adds what the tasks name and no file describes
//   const Row* t = set.Find(Kind::kTenant, 1001);
//   Str(*t->doc, "name");                        // "pay_tenant"
//
// Plain data: no locking (entity_store.h adds it), no HTTP.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/model/task.h"

namespace mock::entities {

enum class Kind { kCluster, kTenant, kHost };
std::string_view KindName(Kind kind);  // "cluster", "tenant", "host"

using Doc = std::shared_ptr<const rapidjson::Document>;

// Where a row was described ("dir/entities/a.json: /tenants/2"), or "derived". Shared, so that
// copying a row (every list copies the rows visible at that moment) allocates nothing.
class Origin {
 public:
  Origin(std::string text = {})  // NOLINT(google-explicit-constructor): a row's origin is text
      : text_(std::make_shared<const std::string>(std::move(text))) {}
  Origin(const char* text) : Origin(std::string(text)) {}  // NOLINT(google-explicit-constructor)
  const std::string& str() const { return *text_; }

 private:
  std::shared_ptr<const std::string> text_;
};

// The origin of a row no entity file describes: Complete() derived it from the tasks.
inline constexpr const char* kDerived = "derived";

struct Row {
  int64_t id = 0;
  Doc doc;        // an object; never changes (a change replaces the row's doc)
  Origin origin;  // where it was described
};

struct EntitySet {
  std::vector<Row> clusters;
  std::vector<Row> tenants;
  std::vector<Row> hosts;

  std::vector<Row>& Of(Kind kind);
  const std::vector<Row>& Of(Kind kind) const;
  const Row* Find(Kind kind, int64_t id) const;
};

// Members of an entity's object: "" / 0 / false when absent or of another type.
std::string_view Str(const rapidjson::Value& object, const char* key);
int64_t Int(const rapidjson::Value& object, const char* key);
bool Bool(const rapidjson::Value& object, const char* key);

// Adds to `set` every cluster, tenant and host that `tasks` name and `set` does not describe,
// with the defaults docs/entities.md lists; then checks that every task names its cluster and
// tenant as the set describes them (name, obClusterId, type; name, obTenantId, mode, cluster).
// A failure (kInvalidArgument) names the task and the field.
Status Complete(EntitySet& set, const std::vector<model::Task>& tasks);

// An object made from `json` (a tenant's defaults, ...), for tests and derivation.
Doc MakeDoc(rapidjson::Document doc);

}  // namespace mock::entities
