#include "mock/families/inspection/inspection_catalog.h"

#include "mock/entities/entity_set.h"

namespace mock::families::inspection {
namespace {

using entities::Int;
using entities::Str;

Item Read(const resources::Row& row) {
  const rapidjson::Value& d = *row.doc;
  Item item{.id = row.id,
            .name = std::string(Str(d, "name")),
            .object_type = std::string(Str(d, "objectType")),
            .risk_level = std::string(Str(d, "riskLevel")),
            .rule = std::string(Str(d, "rule")),
            .fail_percent = Int(d, "failPercent"),
            .description = std::string(Str(d, "description"))};
  if (auto tags = d.FindMember("tags"); tags != d.MemberEnd() && tags->value.IsArray()) {
    for (const auto& t : tags->value.GetArray()) item.tags.push_back(t.GetInt64());
  }
  return item;
}

// SplitMix64: spreads the seed, item and object over 64 bits, so that each pair's draw is
// independent of its neighbours'.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Whether the rule finds the object at fault, and why.
std::optional<std::string> Fault(const Item& item, const Object& o, uint64_t seed) {
  if (item.rule == "hostOnline" && o.status == "OFFLINE") return "host " + o.name + " is OFFLINE";
  if (item.rule == "clusterRunning" && o.status != "RUNNING") {
    return "cluster " + o.name + " is " + o.status;
  }
  if (item.rule == "tenantUnlocked" && o.locked) return "tenant " + o.name + " is locked";
  if (item.rule == "seeded") {
    const uint64_t draw =
        Mix(seed ^ Mix(static_cast<uint64_t>(item.id) * 1000003ULL + static_cast<uint64_t>(o.id)));
    if (static_cast<int64_t>(draw % 100) < item.fail_percent) {
      return item.description.empty() ? item.name : item.description;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view TagName(int64_t tag) {
  static constexpr std::string_view kNames[] = {"Basic inspection", "Performance inspection",
                                                "Deep inspection", "Installation inspection"};
  if (tag < kMinTag || tag > kMaxTag) return "";
  return kNames[tag - kMinTag];
}

std::vector<Item> ItemsOf(const std::vector<resources::Row>& rows, std::string_view object_type,
                          int64_t tag) {
  std::vector<Item> out;
  for (const resources::Row& row : rows) {
    Item item = Read(row);
    if (item.object_type != object_type) continue;
    for (int64_t t : item.tags) {
      if (t == tag) {
        out.push_back(std::move(item));
        break;
      }
    }
  }
  return out;
}

std::optional<Item> ItemOf(const std::vector<resources::Row>& rows, int64_t id) {
  for (const resources::Row& row : rows) {
    if (row.id == id) return Read(row);
  }
  return std::nullopt;
}

ItemResult Evaluate(const Item& item, const Object& object, uint64_t seed) {
  ItemResult r{.item_id = item.id, .item_name = item.name};
  if (auto fault = Fault(item, object, seed)) {
    r.risk_level = item.risk_level;
    r.state = "FAILED";
    r.message = std::move(*fault);
  } else {
    r.risk_level = "NONE";
    r.state = "PASSED";
    r.message = item.name + ": passed";
  }
  return r;
}

}  // namespace mock::families::inspection
