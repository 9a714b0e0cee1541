#include "mock/listing/list_engine.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "mock/core/text.h"
#include "mock/model/timestamp.h"
#include "mock/query/paging.h"
#include "mock/query/param_binding.h"

namespace mock::listing {
namespace {

using rapidjson::Value;

// Member `key` of `object`, or nullptr.
const Value* MemberOf(const Value& object, std::string_view key) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(Value(rapidjson::StringRef(key.data(), key.size())));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string_view StringOf(const Value* v) {
  if (v == nullptr || !v->IsString()) return {};
  return {v->GetString(), v->GetStringLength()};
}

FieldPath Split(std::string_view field) {
  const size_t brackets = field.find("[].");
  if (brackets == std::string_view::npos) return {{}, std::string(field)};
  return {std::string(field.substr(0, brackets)), std::string(field.substr(brackets + 3))};
}

// Calls `visit` with each value a path names: the member itself, or the member of every element
// of the array. Stops early when `visit` returns true, and returns whether it did.
template <typename Visit>
bool AnyValue(const Value& doc, const FieldPath& path, const Visit& visit) {
  if (path.array.empty()) {
    const Value* v = MemberOf(doc, path.member);
    return v != nullptr && visit(*v);
  }
  const Value* array = MemberOf(doc, path.array);
  if (array == nullptr || !array->IsArray()) return false;
  for (const Value& element : array->GetArray()) {
    const Value* v = MemberOf(element, path.member);
    if (v != nullptr && visit(*v)) return true;
  }
  return false;
}

// Whether `haystack` holds `lower_needle` ASCII case-insensitively; allocates nothing, as it runs
// once per row and filter.
// Folds inline (text::LowerAscii), not through libc's locale-aware tolower, which took half
// of a keyword list's time (BENCHMARKS.md, families/arbitration_services_keyword).
bool Contains(std::string_view haystack, const std::string& lower_needle) {
  const size_t n = lower_needle.size();
  if (n == 0) return true;
  if (haystack.size() < n) return false;
  const char first = lower_needle[0];
  const char first_upper = (first >= 'a' && first <= 'z') ? static_cast<char>(first - 32) : first;
  for (size_t i = 0; i + n <= haystack.size(); ++i) {
    if (haystack[i] != first && haystack[i] != first_upper) continue;
    size_t j = 1;
    while (j < n && text::LowerAscii(haystack[i + j]) == lower_needle[j]) ++j;
    if (j == n) return true;
  }
  return false;
}

bool OneOf(const std::vector<std::string>& values, const Value& v) {
  const std::string_view s = StringOf(&v);
  return v.IsString() && std::find(values.begin(), values.end(), s) != values.end();
}

bool Passes(const BoundFilter& b, const Value& doc) {
  const Filter& f = *b.filter;
  switch (f.match) {
    case Match::kAnyOf:
    case Match::kHasAnyOf:
      return AnyValue(doc, b.paths[0], [&](const Value& v) { return OneOf(b.values, v); });
    case Match::kHasNoneOf:
      return !AnyValue(doc, b.paths[0], [&](const Value& v) { return OneOf(b.values, v); });
    case Match::kContains:
      return std::any_of(b.paths.begin(), b.paths.end(), [&](const FieldPath& path) {
        return AnyValue(doc, path,
                        [&](const Value& v) { return Contains(StringOf(&v), b.values[0]); });
      });
    case Match::kBool: {
      const Value* v = MemberOf(doc, b.paths[0].member);
      const bool is = v != nullptr && v->IsBool() && v->GetBool();
      return is == (b.values[0] == "true");
    }
    case Match::kWhenTrue:
      return StringOf(MemberOf(doc, b.paths[0].member)) == f.value;
  }
  return false;
}

// Binds one filter's parameter: its values, or nullopt when the request did not give it (or gave
// it a value that selects nothing: kWhenTrue false).
StatusOr<std::optional<BoundFilter>> BindOne(const Filter& f, const QueryParams& params) {
  BoundFilter b{&f, {}, {}};
  for (const std::string& field : f.fields) b.paths.push_back(Split(field));
  switch (f.match) {
    case Match::kAnyOf:
    case Match::kHasAnyOf:
    case Match::kHasNoneOf: {
      auto values = query::ParseEnumList(params, f.param, f.allowed);
      if (!values.ok()) return values.status();
      if (values.value().empty()) return std::optional<BoundFilter>();
      b.values = std::move(values).value();
      return std::optional<BoundFilter>(std::move(b));
    }
    case Match::kContains: {
      auto value = query::Scalar(params, f.param);
      if (!value) return std::optional<BoundFilter>();
      b.values.push_back(text::LowerAscii(*value));
      return std::optional<BoundFilter>(std::move(b));
    }
    case Match::kBool:
    case Match::kWhenTrue: {
      auto flag = query::ParseBool(params, f.param);
      if (!flag.ok()) return flag.status();
      if (!flag.value() || (f.match == Match::kWhenTrue && !*flag.value()))
        return std::optional<BoundFilter>();
      b.values.emplace_back(*flag.value() ? "true" : "false");
      return std::optional<BoundFilter>(std::move(b));
    }
  }
  return std::optional<BoundFilter>();
}

// A row's value of one sort key, read once per query: absent (or null) first, then numbers,
// booleans and times, then strings.
struct SortValue {
  int rank = 0;  // 0 absent, 1 number or time or boolean, 2 string
  double number = 0;
  bool folded = false;  // kFoldedText: compared lower-cased first (without a copy: a copy per
                        // row was a third of a sort by name)
  std::string_view raw;
};

// a and b compared as their ASCII lower-cased forms, byte by byte as std::string compares.
int CompareFolded(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(text::LowerAscii(a[i]));
    const auto y = static_cast<unsigned char>(text::LowerAscii(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : a.size() < b.size() ? -1 : 1;
}

SortValue ValueOf(const Value& doc, const SortKey& key) {
  SortValue v;
  const Value* x = MemberOf(doc, key.name);
  if (x == nullptr || x->IsNull()) return v;
  if (x->IsNumber() || x->IsBool()) {
    v.rank = 1;
    v.number = x->IsBool() ? (x->GetBool() ? 1 : 0) : x->GetDouble();
    return v;
  }
  if (!x->IsString()) return v;
  v.raw = StringOf(x);
  if (key.as == SortAs::kTime) {
    if (auto t = model::ParseTimestamp(v.raw)) {
      v.rank = 1;
      v.number = static_cast<double>(t->epoch_ms);
      return v;
    }
  }
  v.rank = 2;
  v.folded = key.as == SortAs::kFoldedText;
  return v;
}

int Compare(const SortValue& a, const SortValue& b) {
  if (a.rank != b.rank) return a.rank < b.rank ? -1 : 1;
  if (a.rank == 1) return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
  if (a.folded && b.folded) {
    if (const int c = CompareFolded(a.raw, b.raw); c != 0) return c;
  }
  return a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0;
}

}  // namespace

StatusOr<ListQuery> Bind(const ListSpec& spec, const QueryParams& params) {
  ListQuery q;
  q.spec = &spec;
  std::vector<std::string_view> names;
  names.reserve(spec.sort_keys.size());
  for (const SortKey& k : spec.sort_keys) names.push_back(k.name);
  auto sort = query::ParseSortOf(ValuesOf(params, "sort"), names);
  if (!sort.ok()) return sort.status();
  q.sort = std::move(sort).value();
  q.page = query::ResolvePage(ValuesOf(params, "page"), ValuesOf(params, "size"));
  for (const Filter& f : spec.filters) {
    auto bound = BindOne(f, params);
    if (!bound.ok()) return bound.status();
    if (bound.value()) q.filters.push_back(std::move(*bound.value()));
  }
  return q;
}

bool Matches(const ListQuery& query, const Value& doc) {
  for (const Required& r : query.required) {
    const Value* v = MemberOf(doc, r.field);
    if (v == nullptr || !v->IsInt64() || v->GetInt64() != r.value) return false;
  }
  return std::all_of(query.filters.begin(), query.filters.end(),
                     [&](const BoundFilter& b) { return Passes(b, doc); });
}

query::Page<size_t> Window(const ListQuery& q, const std::vector<Candidate>& candidates) {
  const size_t width = q.sort.size();
  std::vector<SortValue> keys;  // width per candidate, read once: comparisons only compare
  keys.reserve(candidates.size() * width);
  for (const Candidate& c : candidates) {
    for (const query::PropertyOrder& o : q.sort)
      keys.push_back(ValueOf(*c.doc, q.spec->sort_keys[o.property]));
  }
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto before = [&](size_t a, size_t b) {
    for (size_t k = 0; k < width; ++k) {
      const int c = Compare(keys[a * width + k], keys[b * width + k]);
      if (c != 0) return q.sort[k].descending ? c > 0 : c < 0;
    }
    return candidates[a].id < candidates[b].id;
  };
  query::Page<size_t> page;
  page.page = q.page;
  page.total_elements = static_cast<int64_t>(candidates.size());
  page.total_pages = (page.total_elements + q.page.size - 1) / q.page.size;
  const size_t offset = static_cast<size_t>(q.page.number - 1) * static_cast<size_t>(q.page.size);
  if (offset >= candidates.size()) return page;
  const size_t end = std::min(candidates.size(), offset + static_cast<size_t>(q.page.size));
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(end), order.end(),
                    before);
  for (size_t k = offset; k < end; ++k) page.items.push_back(candidates[order[k]].index);
  return page;
}

}  // namespace mock::listing
