#include "mock/api/quirks.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/json/json.h"

namespace mock::api {
namespace {

constexpr std::string_view kKnown = "extra-fields, unknown-path-html (or all)";

bool IsTask(const rapidjson::Value& v) {
  return v.IsObject() && v.HasMember("subtasks") && v.HasMember("creator");
}

void AddFields(rapidjson::Value& v, rapidjson::Document::AllocatorType& a) {
  if (v.IsArray()) {
    for (auto& item : v.GetArray()) AddFields(item, a);
    return;
  }
  if (!v.IsObject()) return;
  if (IsTask(v)) {
    const rapidjson::Value& creator = v["creator"];
    if (creator.IsObject() && creator.HasMember("id") && !v.HasMember("creatorId")) {
      v.AddMember("creatorId", rapidjson::Value(creator["id"], a), a);
    }
    for (auto& subtask : v["subtasks"].GetArray()) {
      if (subtask.IsObject() && v.HasMember("id") && !subtask.HasMember("taskId")) {
        subtask.AddMember("taskId", rapidjson::Value(v["id"], a), a);
      }
    }
    return;
  }
  for (auto& member : v.GetObject()) AddFields(member.value, a);
}

}  // namespace

StatusOr<Quirks> ParseQuirks(std::string_view list) {
  Quirks q;
  while (!list.empty()) {
    const std::string_view name = list.substr(0, list.find(','));
    list.remove_prefix(std::min(list.size(), name.size() + 1));
    if (name == "all") {
      q.extra_fields = q.unknown_path_html = true;
    } else if (name == "extra-fields") {
      q.extra_fields = true;
    } else if (name == "unknown-path-html") {
      q.unknown_path_html = true;
    } else if (!name.empty()) {
      return InvalidArgument("unknown quirk '" + Excerpt(name) +
                             "'; known: " + std::string(kKnown));
    }
  }
  return q;
}

std::string_view UnknownPathPage() {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>OCP</title></head>"
         "<body><div id=\"root\"></div></body></html>";
}

std::string WithExtraFields(const std::string& body) {
  auto doc = json::ParseJson(body);
  if (!doc.ok() || !doc.value().IsObject() || !doc.value().HasMember("data")) return body;
  rapidjson::Document& d = doc.value();
  AddFields(d["data"], d.GetAllocator());
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  d.Accept(w);
  return buf.GetString();
}

}  // namespace mock::api
