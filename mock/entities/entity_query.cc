#include "mock/entities/entity_query.h"

#include <algorithm>
#include <cctype>

#include "mock/core/text.h"
#include "mock/json/schema_enum.h"
#include "mock/model/timestamp.h"
#include "mock/query/paging.h"
#include "mock/query/param_binding.h"

namespace mock::entities {
namespace {

using rapidjson::Value;

// Whether `haystack` holds `lower_needle` (lower-cased), ASCII case-insensitively; allocates
// nothing, as it runs once per row and filter.
bool Contains(std::string_view haystack, const std::string& lower_needle) {
  auto same = [](char h, char n) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(h))) == n;
  };
  return std::search(haystack.begin(), haystack.end(), lower_needle.begin(), lower_needle.end(),
                     same) != haystack.end();
}

// Whether member `key` of `d` is one of `set`; true when `set` is empty, without a lookup.
bool In(const std::vector<std::string>& set, const Value& d, const char* key) {
  if (set.empty()) return true;
  const std::string_view v = Str(d, key);
  return std::find(set.begin(), set.end(), v) != set.end();
}

StatusOr<ListQuery> Common(const QueryParams& params, Kind kind) {
  ListQuery q;
  q.kind = kind;
  auto sort = query::ParseSortOf(ValuesOf(params, "sort"), SortableProperties(kind));
  if (!sort.ok()) return sort.status();
  q.sort = std::move(sort).value();
  q.page = query::ResolvePage(ValuesOf(params, "page"), ValuesOf(params, "size"));
  if (auto name = query::Scalar(params, "name")) q.name = text::LowerAscii(*name);
  return q;
}

bool HasService(const Value& host, const std::vector<std::string>& types) {
  auto it = host.FindMember("services");
  if (it == host.MemberEnd() || !it->value.IsArray()) return false;
  for (const Value& s : it->value.GetArray()) {
    if (s.IsObject() && std::find(types.begin(), types.end(), Str(s, "type")) != types.end())
      return true;
  }
  return false;
}

bool KeywordMatches(const Value& host, const std::string& keyword) {
  if (Contains(Str(host, "name"), keyword) || Contains(Str(host, "innerIpAddress"), keyword))
    return true;
  auto it = host.FindMember("services");
  if (it == host.MemberEnd() || !it->value.IsArray()) return false;
  for (const Value& s : it->value.GetArray()) {
    if (s.IsObject() && Contains(Str(s, "name"), keyword)) return true;
  }
  return false;
}

// A row's value of one sortable property, read once per query rather than once per comparison:
// absent (or null) first, then numbers, booleans, times (by instant) and strings (`name` ASCII
// case-insensitively, then by code point).
struct SortValue {
  int rank = 0;  // 0 absent, 1 number or time or boolean, 2 string
  double number = 0;
  std::string folded;  // the string, lower-cased for `name`
  std::string_view raw;
};

SortValue ValueOf(const Value& d, std::string_view name) {
  SortValue v;
  auto it = d.FindMember(Value(rapidjson::StringRef(name.data(), name.size())));
  if (it == d.MemberEnd() || it->value.IsNull()) return v;
  const Value& x = it->value;
  if (x.IsNumber() || x.IsBool()) {
    v.rank = 1;
    v.number = x.IsBool() ? (x.GetBool() ? 1 : 0) : x.GetDouble();
    return v;
  }
  if (!x.IsString()) return v;
  v.raw = std::string_view(x.GetString(), x.GetStringLength());
  if (name == "createTime" || name == "updateTime") {
    if (auto t = model::ParseTimestamp(v.raw)) {
      v.rank = 1;
      v.number = static_cast<double>(t->epoch_ms);
      return v;
    }
  }
  v.rank = 2;
  if (name == "name") v.folded = text::LowerAscii(v.raw);
  return v;
}

int Compare(const SortValue& a, const SortValue& b) {
  if (a.rank != b.rank) return a.rank < b.rank ? -1 : 1;
  if (a.rank == 1) return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
  if (a.folded != b.folded) return a.folded < b.folded ? -1 : 1;
  return a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0;
}

// The string values of the enum at `pointer` of `schema`, unquoted.
std::vector<std::string> EnumOf(const json::SchemaSet& schemas, std::string_view schema,
                                std::string_view pointer) {
  std::vector<std::string> values;
  for (const std::string& v :
       json::EnumAt(schemas.dirs(), schema, pointer).value_or(std::vector<std::string>{})) {
    if (v.size() >= 2 && v.front() == '"') values.push_back(v.substr(1, v.size() - 2));
  }
  return values;
}

}  // namespace

ListRules ListRulesFor(const json::SchemaSet& schemas, std::string_view version) {
  ListRules r;
  r.cluster_statuses = EnumOf(schemas, "ob-cluster-status.schema.json", "");
  r.tenant_statuses = EnumOf(schemas, "ob-tenant-status.schema.json", "");
  r.tenant_modes = EnumOf(schemas, "tenant-mode.schema.json", "");
  r.host_statuses = EnumOf(schemas, "host.schema.json", "/status");
  r.service_types = EnumOf(schemas, "host-service-type.schema.json", "");
  r.with_standby_filters = version == "3.1.1" || version.rfind("4.0.", 0) == 0;
  return r;
}

const std::vector<std::string_view>& SortableProperties(Kind kind) {
  static const std::vector<std::string_view> clusters = {"id",   "name",      "status",
                                                         "type", "obVersion", "createTime"};
  static const std::vector<std::string_view> tenants = {
      "id", "name", "status", "mode", "clusterId", "clusterName", "createTime"};
  static const std::vector<std::string_view> hosts = {"id",     "name",       "innerIpAddress",
                                                      "status", "createTime", "updateTime"};
  return kind == Kind::kCluster ? clusters : kind == Kind::kTenant ? tenants : hosts;
}

StatusOr<ListQuery> ParseClusterList(const QueryParams& params, const ListRules& rules) {
  auto q = Common(params, Kind::kCluster);
  if (!q.ok()) return q;
  auto statuses = query::ParseEnumList(params, "status", rules.cluster_statuses);
  if (!statuses.ok()) return statuses.status();
  q.value().statuses = std::move(statuses).value();
  if (rules.with_standby_filters) {
    auto standby = query::ParseBool(params, "withStandby");
    if (!standby.ok()) return standby.status();
    q.value().primary_only = standby.value().value_or(false);
  }
  return q;
}

StatusOr<ListQuery> ParseTenantList(const QueryParams& params, const ListRules& rules,
                                    std::optional<int64_t> cluster_id) {
  auto q = Common(params, Kind::kTenant);
  if (!q.ok()) return q;
  ListQuery& out = q.value();
  out.cluster_id = cluster_id;
  auto statuses = query::ParseEnumList(params, "status", rules.tenant_statuses);
  if (!statuses.ok()) return statuses.status();
  out.statuses = std::move(statuses).value();
  auto modes = query::ParseEnumList(params, "mode", rules.tenant_modes);
  if (!modes.ok()) return modes.status();
  out.modes = std::move(modes).value();
  for (auto [key, target] :
       {std::pair{"locked", &out.locked}, std::pair{"readonly", &out.readonly}}) {
    auto b = query::ParseBool(params, key);
    if (!b.ok()) return b.status();
    *target = b.value();
  }
  return q;
}

StatusOr<ListQuery> ParseHostList(const QueryParams& params, const ListRules& rules) {
  auto q = Common(params, Kind::kHost);
  if (!q.ok()) return q;
  ListQuery& out = q.value();
  out.name.reset();  // not a host-list parameter
  auto statuses = query::ParseEnumList(params, "status", rules.host_statuses);
  if (!statuses.ok()) return statuses.status();
  out.statuses = std::move(statuses).value();
  if (auto keyword = query::Scalar(params, "keyword")) out.keyword = text::LowerAscii(*keyword);
  for (auto [key, target] : {std::pair{"includedServiceType", &out.included_services},
                             std::pair{"excludedServiceType", &out.excluded_services}}) {
    auto types = query::ParseEnumList(params, key, rules.service_types);
    if (!types.ok()) return types.status();
    *target = std::move(types).value();
  }
  return q;
}

bool Matches(const ListQuery& q, const Row& row) {
  const Value& d = *row.doc;
  if (q.name && !Contains(Str(d, "name"), *q.name)) return false;
  if (!In(q.statuses, d, "status")) return false;
  switch (q.kind) {
    case Kind::kCluster:
      return !q.primary_only || Str(d, "type") == "PRIMARY";
    case Kind::kTenant:
      if (q.cluster_id && Int(d, "clusterId") != *q.cluster_id) return false;
      if (!In(q.modes, d, "mode")) return false;
      if (q.locked && Bool(d, "locked") != *q.locked) return false;
      return !q.readonly || Bool(d, "readonly") == *q.readonly;
    case Kind::kHost:
      if (q.keyword && !KeywordMatches(d, *q.keyword)) return false;
      if (!q.included_services.empty() && !HasService(d, q.included_services)) return false;
      return q.excluded_services.empty() || !HasService(d, q.excluded_services);
  }
  return false;
}

query::Page<const Row*> RunList(const std::vector<Row>& rows, const ListQuery& q) {
  const auto& names = SortableProperties(q.kind);
  const size_t width = q.sort.size();
  std::vector<const Row*> matches;
  std::vector<SortValue> keys;  // width per match, read once: comparisons only compare
  for (const Row& row : rows) {
    if (!Matches(q, row)) continue;
    matches.push_back(&row);
    for (const query::PropertyOrder& o : q.sort)
      keys.push_back(ValueOf(*row.doc, names[o.property]));
  }
  std::vector<size_t> order(matches.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto before = [&](size_t a, size_t b) {
    for (size_t k = 0; k < width; ++k) {
      const int c = Compare(keys[a * width + k], keys[b * width + k]);
      if (c != 0) return q.sort[k].descending ? c > 0 : c < 0;
    }
    return matches[a]->id < matches[b]->id;
  };
  query::Page<const Row*> page;
  page.page = q.page;
  page.total_elements = static_cast<int64_t>(matches.size());
  page.total_pages = (page.total_elements + q.page.size - 1) / q.page.size;
  const size_t offset = static_cast<size_t>(q.page.number - 1) * static_cast<size_t>(q.page.size);
  if (offset >= matches.size()) return page;
  const size_t end = std::min(matches.size(), offset + static_cast<size_t>(q.page.size));
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(end), order.end(),
                    before);
  for (size_t k = offset; k < end; ++k) page.items.push_back(matches[order[k]]);
  return page;
}

}  // namespace mock::entities
