#include "tools/compat/list_rules.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "mock/json/json.h"
#include "mock/model/timestamp.h"
#include "tools/client/contract_rules.h"

namespace compat {
namespace {

constexpr std::string_view kList = "/api/v2/tasks/instances";
constexpr int kConcatenatedPages = 5;
constexpr int kPageOf = 7;

const rapidjson::Value* Member(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject()) return nullptr;
  auto it = v.FindMember(key);
  return it == v.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
}

std::optional<int64_t> IntAt(const rapidjson::Value& v, const char* object, const char* key) {
  const rapidjson::Value* o = object != nullptr ? Member(v, object) : &v;
  const rapidjson::Value* x = o != nullptr ? Member(*o, key) : nullptr;
  return x != nullptr && x->IsInt64() ? std::optional<int64_t>(x->GetInt64()) : std::nullopt;
}

std::string TextAt(const rapidjson::Value& v, const char* key) {
  const rapidjson::Value* x = Member(v, key);
  return x != nullptr && x->IsString() ? std::string(x->GetString(), x->GetStringLength()) : "";
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ASCII letters in the other case: "b20d" -> "B20D".
std::string OtherCase(std::string s) {
  for (char& c : s) {
    const auto u = static_cast<unsigned char>(c);
    c = static_cast<char>(std::islower(u) ? std::toupper(u) : std::tolower(u));
  }
  return s;
}

int64_t Total(const rapidjson::Document& doc) {
  return IntAt(doc["data"], "page", "totalElements").value_or(-1);
}

// A sort key as a comparable value: a number (id, times) or a text (name); nullopt when absent.
struct Key {
  std::optional<int64_t> number;
  std::optional<std::string> text;
  bool present() const { return number || text; }
};

Key KeyOf(const rapidjson::Value& row, const std::string& property) {
  if (property == "id") return {IntAt(row, nullptr, "id"), std::nullopt};
  if (property == "name") return {std::nullopt, TextAt(row, "name")};
  auto t = mock::model::ParseTimestamp(TextAt(row, property.c_str()));
  return {t ? std::optional<int64_t>(t->epoch_ms) : std::nullopt, std::nullopt};
}

// The first pair of rows (ignoring rows without the key) out of order under `less`, or -1.
int64_t FirstDisorder(const rapidjson::Value& rows, const std::string& property, bool descending,
                      const std::function<bool(const Key&, const Key&)>& less) {
  std::optional<Key> previous;
  for (rapidjson::SizeType i = 0; i < rows.Size(); ++i) {
    Key k = KeyOf(rows[i], property);
    if (!k.present()) continue;
    if (previous && (descending ? less(*previous, k) : less(k, *previous))) return i;
    previous = std::move(k);
  }
  return -1;
}

bool NumberLess(const Key& a, const Key& b) { return a.number < b.number; }

std::string Folded(std::string s, Collation c) {
  for (char& ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if (c == Collation::kLowerFolded) ch = static_cast<char>(std::tolower(u));
    if (c == Collation::kUpperFolded) ch = static_cast<char>(std::toupper(u));
  }
  return s;
}

// The first index of `names` out of order under `c`, or -1.
int64_t FirstDisorder(const std::vector<std::string>& names, bool descending, Collation c) {
  for (size_t i = 1; i < names.size(); ++i) {
    const std::string a = Folded(names[i - 1], c), b = Folded(names[i], c);
    if (descending ? a < b : b < a) return static_cast<int64_t>(i);
  }
  return -1;
}

}  // namespace

const char* CollationName(Collation c) {
  switch (c) {
    case Collation::kBinary:
      return "binary (code point)";
    case Collation::kLowerFolded:
      return "lower-case folding";
    case Collation::kUpperFolded:
      return "upper-case folding (utf8mb4_general_ci)";
  }
  return "?";
}

bool InOrder(const std::vector<std::string>& names, bool descending, Collation c) {
  return FirstDisorder(names, descending, c) < 0;
}

std::vector<Collation> NameCollations(const std::vector<std::string>& names, bool descending) {
  std::vector<Collation> out;
  for (Collation c : {Collation::kBinary, Collation::kLowerFolded, Collation::kUpperFolded}) {
    if (InOrder(names, descending, c)) out.push_back(c);
  }
  return out;
}

ListRules::Answer ListRules::Fetch(const contract::HttpClient& client, const std::string& target) {
  Answer a;
  a.request = "GET " + target;
  contract::HttpResult r = client.Send("GET", target);
  a.status = r.status;
  a.body = std::move(r.body);
  a.transport_error = std::move(r.transport_error);
  auto doc = mock::json::ParseJson(a.body);
  if (doc.ok()) a.json = std::move(doc).value();
  return a;
}

const rapidjson::Value* ListRules::Rows(const Answer& a, std::string& why) {
  const rapidjson::Value* data = a.json ? Member(*a.json, "data") : nullptr;
  const rapidjson::Value* rows = data != nullptr ? Member(*data, "contents") : nullptr;
  if (a.status == 200 && rows != nullptr && rows->IsArray() &&
      IntAt(*data, "page", "totalElements")) {
    return rows;
  }
  why = a.request + ": expected HTTP 200 with data.contents and data.page.totalElements; came " +
        "HTTP " + std::to_string(a.status) + ": " + a.body.substr(0, 120);
  return nullptr;
}

mock::StatusOr<ListRules> ListRules::Run(const contract::HttpClient& client) {
  ListRules rules;
  rules.all_ = Fetch(client, std::string(kList) + "?size=2000");
  if (rules.all_.status == 0) {
    return mock::Unavailable("could not check: unreachable: GET " + client.base_url() +
                             rules.all_.request.substr(4) +
                             ": no answer: " + rules.all_.transport_error);
  }
  rules.SendTheRest(client);
  return rules;
}

void ListRules::SendTheRest(const contract::HttpClient& client) {
  const std::string list(kList);
  // Each key once, the directions spread over them (and name both ways, for the collation):
  // every Probe sends these, and the tests run many Probes.
  for (const char* sort :
       {"id,desc", "createTime,asc", "startTime,desc", "finishTime,asc", "name,asc", "name,desc"}) {
    sorts_.emplace_back(sort, Fetch(client, list + "?size=2000&sort=" + std::string(sort)));
  }
  std::string ignored;
  const rapidjson::Value* rows = Rows(all_, ignored);
  auto first = [&](auto pick) -> std::string {
    for (rapidjson::SizeType i = 0; rows != nullptr && i < rows->Size(); ++i) {
      std::string v = pick((*rows)[i]);
      if (!v.empty()) return v;
    }
    return "";
  };
  const std::vector<std::pair<std::string, std::string>> asks = {
      {"type", first([](const auto& r) { return TextAt(r, "type"); })},
      {"clusterId", first([](const auto& r) {
         auto id = IntAt(r, "cluster", "id");
         return id ? std::to_string(*id) : std::string();
       })},
      // The docs name it `cluterName` (sic); clients send `clusterName`. Both are sent, with
      // the same keyword (in the other letter case: the docs say fuzzy), so that a server that
      // knows either one applies it.
      {"clusterName", first([](const auto& r) {
         const rapidjson::Value* c = Member(r, "cluster");
         const std::string n = c != nullptr ? TextAt(*c, "name") : "";
         return n.size() >= 5 ? OtherCase(n.substr(1, 4)) : std::string();
       })},
      {"tenantId", first([](const auto& r) {
         auto id = IntAt(r, "tenant", "id");
         return id ? std::to_string(*id) : std::string();
       })},
      {"name", first([](const auto& r) {
         const std::string n = TextAt(r, "name");
         return n.size() >= 4 && std::isalpha(static_cast<unsigned char>(n[1])) ? n.substr(1, 3)
                                                                                : std::string();
       })},
      {"status", "FAILED,SUCCESSFUL"},
  };
  for (const auto& [param, value] : asks) {
    if (value.empty()) continue;
    const std::string encoded = contract::Encode(value);
    const std::string query = param == "clusterName"
                                  ? "cluterName=" + encoded + "&clusterName=" + encoded
                                  : param + "=" + encoded;
    filters_.emplace_back(param + "=" + value, Fetch(client, list + "?size=2000&" + query));
  }
  clamp_ = Fetch(client, list + "?size=2001");
  const int64_t total = all_.json && rows != nullptr ? Total(*all_.json) : 0;
  past_last_ = Fetch(client, list + "?size=10&page=" + std::to_string((total + 9) / 10 + 1));
  for (int page = 1; page <= kConcatenatedPages; ++page) {
    pages_.push_back(
        Fetch(client, list + "?size=" + std::to_string(kPageOf) + "&page=" + std::to_string(page)));
  }
}

Outcome ListRules::SortEach() const {
  std::string why;
  std::optional<Outcome> observed;
  for (const auto& [sort, answer] : sorts_) {
    const rapidjson::Value* rows = Rows(answer, why);
    if (rows == nullptr) return Fail(why);
    const std::string property = sort.substr(0, sort.find(','));
    const bool descending = sort.ends_with("desc");
    if (property != "name") {
      if (int64_t at = FirstDisorder(*rows, property, descending, NumberLess); at >= 0) {
        return Fail(answer.request + ": /data/contents/" + std::to_string(at) + "/" + property +
                    " is out of " + (descending ? "descending" : "ascending") + " order");
      }
      continue;
    }
    std::vector<std::string> names;
    std::vector<rapidjson::SizeType> at;  // the row of each name
    for (rapidjson::SizeType i = 0; i < rows->Size(); ++i) {
      const std::string name = TextAt((*rows)[i], "name");
      if (name.empty()) continue;
      names.push_back(name);
      at.push_back(i);
    }
    const std::vector<Collation> orders = NameCollations(names, descending);
    const int64_t folded = FirstDisorder(names, descending, Collation::kLowerFolded);
    const std::string where =
        folded >= 0
            ? " (/data/contents/" + std::to_string(at[static_cast<size_t>(folded)]) + "/name)"
            : "";
    if (orders.empty()) {
      return Fail(answer.request + ": names are out of order under every collation OCP's " +
                  "metadb may use (binary, lower-case or upper-case folding)" + where);
    }
    if (folded >= 0 && !observed) {
      observed = Outcome{Verdict::kObserved,
                         "differs from ocp-mock [mock: names in case-insensitive order] " +
                             answer.request + ": names are in " + CollationName(orders.front()) +
                             " order" + where};
    }
  }
  return observed.value_or(Pass());
}

Outcome ListRules::FilterEach() const {
  std::string why;
  const rapidjson::Value* all = Rows(all_, why);
  if (all == nullptr) return Fail(why);
  const bool whole = Total(*all_.json) == static_cast<int64_t>(all->Size());
  for (const auto& [ask, answer] : filters_) {
    const rapidjson::Value* rows = Rows(answer, why);
    if (rows == nullptr) return Fail(why);
    const std::string param = ask.substr(0, ask.find('='));
    const std::string value = ask.substr(ask.find('=') + 1);
    // Whether a row matches; `exact` asks for the name's case too.
    auto matches = [&](const rapidjson::Value& r, bool exact) {
      if (param == "type") return TextAt(r, "type") == value;
      if (param == "clusterId")
        return std::to_string(IntAt(r, "cluster", "id").value_or(-1)) == value;
      if (param == "tenantId")
        return std::to_string(IntAt(r, "tenant", "id").value_or(-1)) == value;
      if (param == "status")
        return TextAt(r, "status") == "FAILED" || TextAt(r, "status") == "SUCCESSFUL";
      const rapidjson::Value* cluster = Member(r, "cluster");
      const std::string name = param == "clusterName"
                                   ? (cluster != nullptr ? TextAt(*cluster, "name") : "")
                                   : TextAt(r, "name");
      return exact ? name.find(value) != std::string::npos
                   : Lower(name).find(Lower(value)) != std::string::npos;
    };
    for (rapidjson::SizeType i = 0; i < rows->Size(); ++i) {
      if (!matches((*rows)[i], false)) {
        return Fail(answer.request + ": /data/contents/" + std::to_string(i) + " does not match " +
                    ask);
      }
    }
    if (!whole) continue;
    int64_t exact = 0, folded = 0;
    for (const auto& r : all->GetArray()) {
      exact += matches(r, true) ? 1 : 0;
      folded += matches(r, false) ? 1 : 0;
    }
    const int64_t total = Total(*answer.json);
    // A keyword in the other letter case (clusterName) must find every folded match.
    if (param == "clusterName") exact = folded;
    if (total < exact || total > folded) {
      return Fail(answer.request + ": page.totalElements is " + std::to_string(total) +
                  ", but the whole list holds " + std::to_string(exact) + " tasks with " + ask);
    }
  }
  return Pass();
}

Outcome ListRules::PagingEdges() const {
  std::string why;
  const rapidjson::Value* all = Rows(all_, why);
  if (all == nullptr || Rows(clamp_, why) == nullptr || Rows(past_last_, why) == nullptr) {
    return Fail(why);
  }
  const int64_t size = IntAt((*clamp_.json)["data"], "page", "size").value_or(-1);
  if (size != 2000) {
    return Fail(clamp_.request + ": page.size is " + std::to_string(size) +
                "; expected 2000 (a larger size is clamped)");
  }
  if (!(*past_last_.json)["data"]["contents"].Empty() ||
      Total(*past_last_.json) != Total(*all_.json)) {
    return Fail(past_last_.request + ": a page past the last must be empty with the same " +
                "page.totalElements (" + std::to_string(Total(*all_.json)) + ")");
  }
  return Pass();
}

Outcome ListRules::PagesConcatenate() const {
  std::string why;
  const rapidjson::Value* all = Rows(all_, why);
  if (all == nullptr) return Fail(why);
  rapidjson::SizeType at = 0;
  for (const Answer& page : pages_) {
    const rapidjson::Value* rows = Rows(page, why);
    if (rows == nullptr) return Fail(why);
    for (const auto& r : rows->GetArray()) {
      const auto id = IntAt(r, nullptr, "id");
      if (at >= all->Size() || id != IntAt((*all)[at], nullptr, "id")) {
        return Fail(page.request + ": task " + std::to_string(id.value_or(-1)) + " where the " +
                    "whole list (size=2000) has row " + std::to_string(at) +
                    ": pages of the default order (id) must concatenate");
      }
      ++at;
    }
  }
  const rapidjson::SizeType expected =
      std::min<rapidjson::SizeType>(all->Size(), kConcatenatedPages * kPageOf);
  if (at != expected) {
    return Fail(pages_.front().request + ": " + std::to_string(kConcatenatedPages) + " pages of " +
                std::to_string(kPageOf) + " hold " + std::to_string(at) +
                " tasks; the whole list has " + std::to_string(expected) + " for them");
  }
  return Pass();
}

}  // namespace compat
