#include "tools/compat/entity_rules.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/json/json.h"
#include "tools/client/contract_rules.h"
#include "tools/compat/agreement.h"
#include "tools/compat/list_rules.h"

namespace compat {
namespace {

// How a documented filter matches a row.
enum class Kind { kOneOf, kBool, kKeyword };
struct FilterDoc {
  const char* param;
  Kind kind;
  std::vector<const char*> fields;  // "services[].name": the name of any of the services
};

std::vector<FilterDoc> FiltersOf(EntityList list) {
  switch (list) {
    case EntityList::kClusters:
      return {{"name", Kind::kKeyword, {"name"}}, {"status", Kind::kOneOf, {"status"}}};
    case EntityList::kTenants:
      return {{"name", Kind::kKeyword, {"name"}},
              {"status", Kind::kOneOf, {"status"}},
              {"mode", Kind::kOneOf, {"mode"}},
              {"locked", Kind::kBool, {"locked"}},
              {"readonly", Kind::kBool, {"readonly"}}};
    case EntityList::kHosts:
      return {{"keyword", Kind::kKeyword, {"name", "innerIpAddress", "services[].name"}},
              {"status", Kind::kOneOf, {"status"}}};
  }
  return {};
}

const char* PathOf(EntityList list) {
  switch (list) {
    case EntityList::kClusters:
      return "/api/v2/ob/clusters";
    case EntityList::kTenants:
      return "/api/v2/ob/tenants";
    case EntityList::kHosts:
      return "/api/v2/compute/hosts";
  }
  return "";
}

const rapidjson::Value* Member(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject()) return nullptr;
  auto it = v.FindMember(key);
  return it == v.MemberEnd() ? nullptr : &it->value;
}

std::optional<int64_t> IntOf(const rapidjson::Value& row, const char* key) {
  const rapidjson::Value* x = Member(row, key);
  return x != nullptr && x->IsInt64() ? std::optional<int64_t>(x->GetInt64()) : std::nullopt;
}

// A scalar member as text ("NORMAL", "true", "12"); "" when absent, null or structured.
std::string ScalarText(const rapidjson::Value& row, const char* key) {
  const rapidjson::Value* x = Member(row, key);
  if (x == nullptr) return "";
  if (x->IsString()) return {x->GetString(), x->GetStringLength()};
  if (x->IsBool()) return x->GetBool() ? "true" : "false";
  if (x->IsInt64()) return std::to_string(x->GetInt64());
  return "";
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The texts a keyword filter looks in: each field, "services[].name" as each service's name.
std::vector<std::string> KeywordTexts(const rapidjson::Value& row, const FilterDoc& f) {
  std::vector<std::string> out;
  for (std::string field : f.fields) {
    const size_t arr = field.find("[].");
    if (arr == std::string::npos) {
      out.push_back(ScalarText(row, field.c_str()));
      continue;
    }
    const rapidjson::Value* items = Member(row, field.substr(0, arr).c_str());
    for (rapidjson::SizeType i = 0; items != nullptr && items->IsArray() && i < items->Size();
         ++i) {
      out.push_back(ScalarText((*items)[i], field.substr(arr + 3).c_str()));
    }
  }
  return out;
}

// A keyword taken from `name`, its ASCII letters in the other case: "b20d" -> "B20D". "" when
// the name has no letter to swap.
std::string SwappedKeyword(const std::string& name) {
  std::string k = name.size() >= 5 ? name.substr(1, 4) : name;
  bool swapped = false;
  for (char& c : k) {
    const auto u = static_cast<unsigned char>(c);
    if (std::islower(u))
      c = static_cast<char>(std::toupper(u));
    else if (std::isupper(u))
      c = static_cast<char>(std::tolower(u));
    else
      continue;
    swapped = true;
  }
  return swapped ? k : "";
}

std::string Json(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  std::string s(buf.GetString(), buf.GetSize());
  return s.size() > 80 ? s.substr(0, 80) + "..." : s;
}

const rapidjson::Value* Rows(const std::optional<rapidjson::Document>& json) {
  const rapidjson::Value* data = json ? Member(*json, "data") : nullptr;
  const rapidjson::Value* rows = data != nullptr ? Member(*data, "contents") : nullptr;
  return rows != nullptr && rows->IsArray() ? rows : nullptr;
}

std::optional<int64_t> PageField(const std::optional<rapidjson::Document>& json, const char* key) {
  const rapidjson::Value* data = json ? Member(*json, "data") : nullptr;
  const rapidjson::Value* page = data != nullptr ? Member(*data, "page") : nullptr;
  return page != nullptr ? IntOf(*page, key) : std::nullopt;
}

}  // namespace

EntityRules::Answer EntityRules::Fetch(const contract::HttpClient& client,
                                       const std::string& target) {
  Answer a;
  a.request = "GET " + target;
  contract::HttpResult r = client.Send("GET", target);
  a.status = r.status;
  a.body = std::move(r.body);
  auto doc = mock::json::ParseJson(a.body);
  if (doc.ok()) a.json = std::move(doc).value();
  return a;
}

EntityRules EntityRules::Run(const contract::HttpClient& client, EntityList list) {
  EntityRules rules;
  rules.list_ = list;
  rules.path_ = PathOf(list);
  rules.whole_ = Fetch(client, rules.path_ + "?size=2000&sort=id,asc");
  std::string why;
  const rapidjson::Value* whole = rules.Whole(why);
  if (whole == nullptr) return rules;  // every rule fails with `why`; nothing more to ask
  rules.SendFilters(client);
  const int64_t total = static_cast<int64_t>(whole->Size());
  rules.page_size_ = std::min<int64_t>(5, total / 2);
  if (rules.page_size_ > 0) {
    const std::string k = std::to_string(rules.page_size_);
    rules.page1_ = Fetch(client, rules.path_ + "?sort=id,asc&size=" + k + "&page=1");
    rules.page2_ = Fetch(client, rules.path_ + "?sort=id,asc&size=" + k + "&page=2");
  }
  for (const char* sort : {"id,asc", "id,desc", "name,asc", "name,desc"}) {
    rules.sorts_.emplace_back(sort, Fetch(client, rules.path_ + "?size=2000&sort=" + sort));
  }
  rules.clamp_ = Fetch(client, rules.path_ + "?size=2001");
  rules.SendDetails(client);
  return rules;
}

void EntityRules::SendFilters(const contract::HttpClient& client) {
  std::string why;
  const rapidjson::Value& whole = *Whole(why);
  if (whole.Empty()) return;
  for (const FilterDoc& f : FiltersOf(list_)) {
    std::string value;
    if (f.kind == Kind::kKeyword) {
      value = SwappedKeyword(ScalarText(whole[0], f.fields[0]));
    } else {  // the rarest value the whole list holds, so that an ignored filter shows
      std::map<std::string, int> seen;
      for (const auto& row : whole.GetArray()) {
        if (std::string v = ScalarText(row, f.fields[0]); !v.empty()) ++seen[v];
      }
      int fewest = INT32_MAX;
      for (const auto& [v, n] : seen) {
        if (n < fewest) fewest = n, value = v;
      }
    }
    if (value.empty()) continue;
    filters_.push_back(
        {std::string(f.param) + "=" + value,
         Fetch(client, path_ + "?size=2000&" + f.param + "=" + contract::Encode(value))});
  }
}

void EntityRules::SendDetails(const contract::HttpClient& client) {
  std::string why;
  const rapidjson::Value& whole = *Whole(why);
  std::vector<size_t> rows;
  if (!whole.Empty()) rows.push_back(0);
  if (whole.Size() > 1) rows.push_back(whole.Size() - 1);
  for (size_t i : rows) {
    const rapidjson::Value& row = whole[static_cast<rapidjson::SizeType>(i)];
    const auto id = IntOf(row, "id");
    if (!id) continue;
    std::string target = path_ + "/" + std::to_string(*id);
    if (list_ == EntityList::kTenants) {
      const auto cluster = IntOf(row, "clusterId");
      if (!cluster) continue;
      target =
          "/api/v2/ob/clusters/" + std::to_string(*cluster) + "/tenants/" + std::to_string(*id);
    }
    details_.emplace_back(i, Fetch(client, target));
  }
}

const rapidjson::Value* EntityRules::Whole(std::string& why) const {
  const rapidjson::Value* rows = Rows(whole_.json);
  if (whole_.status == 200 && rows != nullptr && PageField(whole_.json, "totalElements")) {
    return rows;
  }
  why = whole_.request + ": expected HTTP 200 with data.contents and data.page.totalElements; " +
        "came HTTP " + std::to_string(whole_.status) + ": " + whole_.body.substr(0, 120);
  return nullptr;
}

bool EntityRules::Matches(const rapidjson::Value& row, const std::string& ask) const {
  const std::string param = ask.substr(0, ask.find('='));
  const std::string value = ask.substr(ask.find('=') + 1);
  for (const FilterDoc& f : FiltersOf(list_)) {
    if (param != f.param) continue;
    if (f.kind != Kind::kKeyword) return ScalarText(row, f.fields[0]) == value;
    for (const std::string& text : KeywordTexts(row, f)) {
      if (Lower(text).find(Lower(value)) != std::string::npos) return true;
    }
    return false;
  }
  return true;
}

Outcome EntityRules::FilterEach() const {
  std::string why;
  const rapidjson::Value* whole = Whole(why);
  if (whole == nullptr) return Fail(why);
  if (filters_.empty()) return NotApplicable(path_ + " lists nothing to filter by");
  const bool complete =
      PageField(whole_.json, "totalElements") == static_cast<int64_t>(whole->Size());
  for (const Filter& filter : filters_) {
    // Named, not bound: clang 14 lets no lambda capture a structured binding.
    const std::string& ask = filter.ask;
    const Answer& answer = filter.answer;
    const rapidjson::Value* rows = Rows(answer.json);
    if (answer.status != 200 || rows == nullptr) {
      return Fail(answer.request + ": expected HTTP 200 with data.contents; came HTTP " +
                  std::to_string(answer.status) + ": " + answer.body.substr(0, 120));
    }
    for (rapidjson::SizeType i = 0; i < rows->Size(); ++i) {
      if (!Matches((*rows)[i], ask)) {
        return Fail(answer.request + ": /data/contents/" + std::to_string(i) + " (id " +
                    ScalarText((*rows)[i], "id") + ") does not match " + ask);
      }
    }
    if (!complete) continue;
    const auto matching =
        std::count_if(whole->Begin(), whole->End(), [&](const auto& r) { return Matches(r, ask); });
    const auto total = PageField(answer.json, "totalElements").value_or(-1);
    if (total != matching) {
      return Fail(answer.request + ": page.totalElements is " + std::to_string(total) +
                  ", but the whole list holds " + std::to_string(matching) + " rows matching " +
                  ask +
                  (ask.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos &&
                           (ask.starts_with("name=") || ask.starts_with("keyword="))
                       ? " in any letter case (the docs: case-insensitive)"
                       : ""));
    }
  }
  return Pass();
}

Outcome EntityRules::Paging() const {
  std::string why;
  const rapidjson::Value* whole = Whole(why);
  if (whole == nullptr) return Fail(why);
  if (page_size_ == 0) return NotApplicable(path_ + " has fewer than 2 rows");
  int64_t page_number = 1;
  for (const Answer* page : {&page1_, &page2_}) {
    const rapidjson::Value* rows = Rows(page->json);
    if (page->status != 200 || rows == nullptr) {
      return Fail(page->request + ": expected HTTP 200 with data.contents; came HTTP " +
                  std::to_string(page->status));
    }
    const auto number = PageField(page->json, "number");
    const auto size = PageField(page->json, "size");
    if (number != page_number || size != page_size_) {
      return Fail(page->request + ": page.number " + std::to_string(number.value_or(-1)) +
                  ", page.size " + std::to_string(size.value_or(-1)) + "; expected page " +
                  std::to_string(page_number) + " of size " + std::to_string(page_size_) +
                  " (pages start at 1)");
    }
    const auto first = static_cast<rapidjson::SizeType>((page_number - 1) * page_size_);
    for (rapidjson::SizeType i = 0; i < rows->Size(); ++i) {
      const std::string want =
          first + i < whole->Size() ? ScalarText((*whole)[first + i], "id") : "none";
      if (ScalarText((*rows)[i], "id") != want) {
        return Fail(page->request + ": row " + std::to_string(i) + " is id " +
                    ScalarText((*rows)[i], "id") + "; the whole list (sort=id,asc) has id " + want +
                    " at row " + std::to_string(first + i) + " for it");
      }
    }
    ++page_number;
  }
  return Pass();
}

Outcome EntityRules::SortEach() const {
  std::optional<Outcome> observed;
  for (const auto& [sort, answer] : sorts_) {
    const rapidjson::Value* rows = Rows(answer.json);
    if (answer.status != 200 || rows == nullptr) {
      return Fail(answer.request + ": expected HTTP 200 with data.contents; came HTTP " +
                  std::to_string(answer.status) + ": " + answer.body.substr(0, 120));
    }
    const bool descending = sort.ends_with("desc");
    if (sort.starts_with("id")) {
      for (rapidjson::SizeType i = 1; i < rows->Size(); ++i) {
        const auto a = IntOf((*rows)[i - 1], "id"), b = IntOf((*rows)[i], "id");
        if (a && b && (descending ? *a <= *b : *a >= *b)) {
          return Fail(answer.request + ": /data/contents/" + std::to_string(i) + "/id " +
                      std::to_string(*b) + " follows " + std::to_string(*a));
        }
      }
      continue;
    }
    std::vector<std::string> names;
    for (const auto& row : rows->GetArray()) names.push_back(ScalarText(row, "name"));
    const std::vector<Collation> orders = NameCollations(names, descending);
    if (orders.empty()) {
      return Fail(answer.request + ": names are out of order under every collation OCP's " +
                  "metadb may use (binary, lower-case or upper-case folding)");
    }
    if (!InOrder(names, descending, Collation::kLowerFolded) && !observed) {
      observed = Outcome{Verdict::kObserved,
                         "differs from ocp-mock [mock: names in case-insensitive order] " +
                             answer.request + ": names are in " + CollationName(orders.front()) +
                             " order"};
    }
  }
  return observed.value_or(Pass());
}

Outcome EntityRules::SizeClamp() const {
  const auto size = PageField(clamp_.json, "size");
  if (clamp_.status != 200 || size != 2000) {
    return Fail(clamp_.request + ": HTTP " + std::to_string(clamp_.status) + ", page.size " +
                (size ? std::to_string(*size) : "absent") +
                "; expected 200 and page.size 2000 (a larger size is clamped)");
  }
  return Pass();
}

Outcome EntityRules::DetailAgrees() const {
  std::string why;
  const rapidjson::Value* whole = Whole(why);
  if (whole == nullptr) return Fail(why);
  if (details_.empty()) return NotApplicable(path_ + " lists no row with an id");
  for (const auto& [at, answer] : details_) {
    const rapidjson::Value& row = (*whole)[static_cast<rapidjson::SizeType>(at)];
    const rapidjson::Value* data = answer.json ? Member(*answer.json, "data") : nullptr;
    if (answer.status != 200 || data == nullptr || !data->IsObject()) {
      return Fail(answer.request + ": expected HTTP 200 with the row's detail; came HTTP " +
                  std::to_string(answer.status) + ": " + answer.body.substr(0, 120));
    }
    const auto where = FirstDisagreement(row, *data);
    if (!where) continue;
    const rapidjson::Value* listed = rapidjson::Pointer(where->c_str()).Get(row);
    const rapidjson::Value* detailed = rapidjson::Pointer(where->c_str()).Get(*data);
    return Fail(answer.request + ": /data" + *where + " is " +
                (detailed != nullptr ? Json(*detailed) : "absent") + "; the list (" +
                whole_.request.substr(4) + ", row " + std::to_string(at) + ") shows " +
                (listed != nullptr ? Json(*listed) : "absent"));
  }
  return Pass();
}

}  // namespace compat
