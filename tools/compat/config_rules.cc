#include "tools/compat/config_rules.h"

#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/json/json.h"
#include "tools/compat/agreement.h"
#include "tools/compat/judging.h"

namespace compat {
namespace {

bool ConfigFlag(const rapidjson::Value& item, const char* key) {
  const rapidjson::Value* v = At(item, {key});
  return v != nullptr && v->IsBool() && v->GetBool();
}

// [{"name": NAME, "value": VALUE(, "parameterType": TYPE)}], written by RapidJSON (escaped).
std::string ParameterBody(const std::string& name, const std::string& value,
                          const std::string& type) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  w.StartObject();
  w.Key("name");
  w.String(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
  w.Key("value");
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  if (!type.empty()) {
    w.Key("parameterType");
    w.String(type.c_str(), static_cast<rapidjson::SizeType>(type.size()));
  }
  w.EndObject();
  w.EndArray();
  return buf.GetString();
}

// The list's item named `name`, or nullptr.
const rapidjson::Value* ParameterNamed(const rapidjson::Document& list, const std::string& name) {
  const rapidjson::Value* items = Contents(list);
  for (rapidjson::SizeType i = 0; items != nullptr && i < items->Size(); ++i) {
    const rapidjson::Value* n = At((*items)[i], {"name"});
    if (n != nullptr && n->IsString() && name == n->GetString()) return &(*items)[i];
  }
  return nullptr;
}

// What a cluster item shows other than `value`: "" when every value and every server's is it.
std::string ClusterValueDiffers(const rapidjson::Value& item, const std::string& value) {
  const rapidjson::Value* values = At(item, {"currentValue", "values"});
  for (rapidjson::SizeType i = 0; values != nullptr && values->IsArray() && i < values->Size();
       ++i) {
    const rapidjson::Value& v = (*values)[i];
    if (!v.IsString() || value != v.GetString()) {
      return "currentValue.values holds " + JsonAt(*values, "");
    }
  }
  const rapidjson::Value* servers = At(item, {"currentValue", "obParameters"});
  for (rapidjson::SizeType i = 0; servers != nullptr && servers->IsArray() && i < servers->Size();
       ++i) {
    const rapidjson::Value* v = At((*servers)[i], {"value"});
    if (v == nullptr || !v->IsString() || value != v->GetString()) {
      return "currentValue.obParameters/" + std::to_string(i) + " (" +
             JsonAt((*servers)[i], "/svrIp") + ") holds " + JsonAt((*servers)[i], "/value");
    }
  }
  return "";
}

// What a tenant item shows other than `value`: "" when its currentValue is it.
std::string TenantValueDiffers(const rapidjson::Value& item, const std::string& value) {
  const rapidjson::Value* v = At(item, {"currentValue"});
  if (v != nullptr && v->IsString() && value == v->GetString()) return "";
  return "currentValue is " + JsonAt(item, "/currentValue");
}

}  // namespace

std::optional<SameValue> ClusterSameValue(const rapidjson::Document& list) {
  const rapidjson::Value* items = Contents(list);
  for (rapidjson::SizeType i = 0; items != nullptr && i < items->Size(); ++i) {
    const rapidjson::Value& item = (*items)[i];
    const rapidjson::Value* name = At(item, {"name"});
    const rapidjson::Value* values = At(item, {"currentValue", "values"});
    if (name == nullptr || !name->IsString() || ConfigFlag(item, "readonly") ||
        ConfigFlag(item, "needRestart") || values == nullptr || !values->IsArray() ||
        values->Size() != 1 || !(*values)[0].IsString()) {
      continue;
    }
    const std::string value = (*values)[0].GetString();
    if (!ClusterValueDiffers(item, value).empty()) continue;
    return SameValue{name->GetString(), value, ParameterBody(name->GetString(), value, "")};
  }
  return std::nullopt;
}

std::optional<SameValue> TenantSameValue(const rapidjson::Document& list) {
  const rapidjson::Value* items = Contents(list);
  for (rapidjson::SizeType i = 0; items != nullptr && i < items->Size(); ++i) {
    const rapidjson::Value& item = (*items)[i];
    const rapidjson::Value* name = At(item, {"name"});
    const rapidjson::Value* value = At(item, {"currentValue"});
    if (name == nullptr || !name->IsString() || ConfigFlag(item, "readonly") || value == nullptr ||
        !value->IsString()) {
      continue;
    }
    const rapidjson::Value* type = At(item, {"parameterType"});
    return SameValue{name->GetString(), value->GetString(),
                     ParameterBody(name->GetString(), value->GetString(),
                                   type != nullptr && type->IsString() ? type->GetString() : "")};
  }
  return std::nullopt;
}

Outcome RoundTrip(const FlowAnswer& put, const FlowAnswer& after, bool cluster, const Contract& c,
                  bool strict) {
  Outcome o = Conforms(put.request, put.response, put.json, 200, "no-data-response", c, strict);
  if (Failed(o)) return o;
  const auto sent = mock::json::ParseJson(put.sent);
  const rapidjson::Value* first = sent.ok() ? rapidjson::Pointer("/0").Get(sent.value()) : nullptr;
  const rapidjson::Value* n = first != nullptr ? At(*first, {"name"}) : nullptr;
  const rapidjson::Value* v = first != nullptr ? At(*first, {"value"}) : nullptr;
  if (n == nullptr || !n->IsString() || v == nullptr || !v->IsString()) {
    return Fail(put.request + ": sent no [{name, value}]");  // never: config_probe.cc wrote it
  }
  const std::string name = n->GetString();
  const std::string value = v->GetString();
  const rapidjson::Value* item =
      after.json && after.response.status == 200 ? ParameterNamed(*after.json, name) : nullptr;
  if (item == nullptr) {
    return Fail(after.request + ": HTTP " + std::to_string(after.response.status) +
                ", no parameter " + name + " listed after " + put.request + " set it");
  }
  const std::string differs =
      cluster ? ClusterValueDiffers(*item, value) : TenantValueDiffers(*item, value);
  if (!differs.empty()) {
    return Fail(after.request + ": " + name + "'s " + differs + " after " + put.request +
                " set it to the value it had, \"" + value + "\"");
  }
  return o;
}

Outcome DetailOfListed(const FlowAnswer& detail, const FlowAnswer& list, const char* name_key,
                       const std::string& name, const char* schema, const Contract& c,
                       bool strict) {
  Outcome o = Conforms(detail.request, detail.response, detail.json, 200, schema, c, strict);
  if (Failed(o)) return o;
  const rapidjson::Value* rows = list.json ? Contents(*list.json) : nullptr;
  const rapidjson::Value& data = (*detail.json)["data"];
  for (rapidjson::SizeType i = 0; rows != nullptr && i < rows->Size(); ++i) {
    const rapidjson::Value* n = At((*rows)[i], {name_key});
    if (n == nullptr || !n->IsString() || name != n->GetString()) continue;
    if (auto where = FirstDisagreement((*rows)[i], data)) {
      return Fail(detail.request + ": /data" + *where + " is " + JsonAt(data, *where) +
                  "; the list (" + list.request + ") shows " + JsonAt((*rows)[i], *where));
    }
    return o;
  }
  return Fail(detail.request + ": " + list.request + " no longer lists " + name);
}

}  // namespace compat
