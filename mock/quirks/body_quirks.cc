#include "mock/quirks/body_quirks.h"

#include <algorithm>
#include <random>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/json/json.h"

namespace mock::api {
namespace {

using Allocator = rapidjson::Document::AllocatorType;

bool IsTask(const rapidjson::Value& v) {
  return v.IsObject() && v.HasMember("subtasks") && v["subtasks"].IsArray() &&
         v.HasMember("creator");
}

// Calls visit(task) for every task object in `v`, however deep.
template <typename Visit>
void ForEachTask(rapidjson::Value& v, Visit&& visit) {
  if (v.IsArray()) {
    for (auto& item : v.GetArray()) ForEachTask(item, visit);
  } else if (IsTask(v)) {
    visit(v);
  } else if (v.IsObject()) {
    for (auto& member : v.GetObject()) ForEachTask(member.value, visit);
  }
}

// Real entities carry fields the docs leave out (evidence: OCP Express's DTOs).
void AddExtraFields(rapidjson::Value& task, Allocator& a) {
  const rapidjson::Value& creator = task["creator"];
  if (creator.IsObject() && creator.HasMember("id") && !task.HasMember("creatorId")) {
    task.AddMember("creatorId", rapidjson::Value(creator["id"], a), a);
  }
  if (!task.HasMember("id")) return;
  for (auto& subtask : task["subtasks"].GetArray()) {
    if (subtask.IsObject() && !subtask.HasMember("taskId")) {
      subtask.AddMember("taskId", rapidjson::Value(task["id"], a), a);
    }
  }
}

// A subtask list is a Set in OCP: any order. This one differs from the stored order whenever
// there are two subtasks or more, so a client that relies on the order notices.
void ShuffleSubtasks(rapidjson::Value& task, std::mt19937_64& random) {
  rapidjson::Value& subtasks = task["subtasks"];
  const rapidjson::SizeType n = subtasks.Size();
  if (n < 2) return;
  std::vector<rapidjson::SizeType> order(n);
  for (rapidjson::SizeType i = 0; i < n; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), random);
  if (std::is_sorted(order.begin(), order.end()))
    std::rotate(order.begin(), order.begin() + 1, order.end());
  std::vector<rapidjson::Value> moved(n);
  for (rapidjson::SizeType i = 0; i < n; ++i) moved[i] = std::move(subtasks[order[i]]);
  for (rapidjson::SizeType i = 0; i < n; ++i) subtasks[i] = std::move(moved[i]);
}

bool SameKeys(const rapidjson::Value& a, const rapidjson::Value& b,
              const std::vector<std::string>& fields) {
  for (const std::string& f : fields) {
    const auto ia = a.FindMember(f.c_str());
    const auto ib = b.FindMember(f.c_str());
    const bool has_a = ia != a.MemberEnd() && !ia->value.IsNull();
    const bool has_b = ib != b.MemberEnd() && !ib->value.IsNull();
    if (has_a != has_b || (has_a && ia->value != ib->value)) return false;
  }
  return true;
}

// No tie-breaker: rows with equal sort keys in storage order (ids ascending), where ocp-mock
// puts them id descending. Only within the page: a database may also differ across pages.
void StorageOrderForTies(rapidjson::Value& data, const std::vector<std::string>& fields) {
  if (fields.empty() || !data.IsObject() || !data.HasMember("contents")) return;
  rapidjson::Value& rows = data["contents"];
  if (!rows.IsArray()) return;
  auto items = rows.GetArray();
  for (rapidjson::SizeType start = 0; start < items.Size();) {
    rapidjson::SizeType end = start + 1;
    while (end < items.Size() && SameKeys(items[start], items[end], fields)) ++end;
    std::reverse(items.Begin() + start, items.Begin() + end);
    start = end;
  }
}

// Jackson, as OCP configures it, writes a long beyond 2^53-1 as a string (JacksonFactory's
// LongSerializer), so that JavaScript clients do not lose digits.
void BigIntegersAsStrings(rapidjson::Value& v, Allocator& a) {
  constexpr int64_t kSafe = (int64_t{1} << 53) - 1;
  if (v.IsArray()) {
    for (auto& item : v.GetArray()) BigIntegersAsStrings(item, a);
  } else if (v.IsObject()) {
    for (auto& member : v.GetObject()) BigIntegersAsStrings(member.value, a);
  } else if (v.IsInt64() && (v.GetInt64() > kSafe || v.GetInt64() < -kSafe)) {
    const std::string text = std::to_string(v.GetInt64());
    v.SetString(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), a);
  } else if (v.IsUint64() && !v.IsInt64()) {
    const std::string text = std::to_string(v.GetUint64());
    v.SetString(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), a);
  }
}

}  // namespace

std::string ApplyBodyQuirks(const Quirks& quirks, const BodyQuirkContext& context,
                            const std::string& body) {
  auto doc = json::ParseJson(body);
  if (!doc.ok() || !doc.value().IsObject() || !doc.value().HasMember("data")) return body;
  rapidjson::Document& d = doc.value();
  rapidjson::Value& data = d["data"];
  Allocator& a = d.GetAllocator();
  std::mt19937_64 random(context.answer_seed);
  ForEachTask(data, [&](rapidjson::Value& task) {
    if (quirks.extra_fields) AddExtraFields(task, a);
    if (quirks.subtask_order) ShuffleSubtasks(task, random);
  });
  if (quirks.tie_order) StorageOrderForTies(data, context.sort_fields);
  if (quirks.big_ids_as_strings) BigIntegersAsStrings(data, a);
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  d.Accept(w);
  return buf.GetString();
}

}  // namespace mock::api
