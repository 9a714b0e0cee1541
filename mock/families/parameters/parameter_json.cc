#include "mock/families/parameters/parameter_json.h"

namespace mock::families::parameters {
namespace {

std::string Address(const Server& s) { return s.ip + ":" + std::to_string(s.port); }

void WriteCurrentValue(json::JsonWriter& w, const Definition& d, const std::string& value,
                       const std::vector<Server>& servers) {
  w.Key("currentValue");
  w.StartObject();
  w.Key("obParameters");
  w.StartArray();
  for (const Server& s : servers) {
    w.StartObject();
    w.Field("name", d.name);
    w.Field("svrIp", s.ip);
    w.Field("svrPort", s.port);
    w.Field("svrType", "observer");
    w.Field("value", value);
    w.Field("zone", s.zone);
    w.EndObject();
  }
  w.EndArray();
  w.Field("singleValueInCluster", true);
  w.Key("valueToServers");
  w.StartObject();
  w.Key(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  w.StartArray();
  for (const Server& s : servers) w.String(Address(s));
  w.EndArray();
  w.EndObject();
  w.Key("values");
  w.StartArray();
  w.String(value);
  w.EndArray();
  w.EndObject();
}

// `with_nulls`: every key, unset ones null (the cluster sample); else only those set (the
// tenant sample).
void WriteRange(json::JsonWriter& w, const ValueRange& r, bool with_nulls) {
  w.Key("valueRange");
  w.StartObject();
  const std::pair<const char*, const std::optional<std::string>*> bounds[] = {
      {"allowedValues", &r.allowed}, {"maxValue", &r.max}, {"minValue", &r.min}};
  for (const auto& [key, value] : bounds) {
    if (with_nulls) {
      w.FieldOrNull(key, *value);
    } else {
      w.OptionalField(key, *value);
    }
  }
  w.Field("type", r.type);
  w.EndObject();
}

}  // namespace

void WriteClusterParameter(json::JsonWriter& w, const Definition& d, const std::string& value,
                           const std::vector<Server>& servers) {
  w.StartObject();
  WriteCurrentValue(w, d, value, servers);
  w.Field("defaultValue", d.default_value);
  w.Field("description", d.description);
  w.Field("name", d.name);
  w.Field("needRestart", d.need_restart());
  w.Field("readonly", d.readonly());
  if (!d.section.empty()) w.Field("section", d.section);
  WriteRange(w, d.range, true);
  w.EndObject();
}

void WriteTenantParameter(json::JsonWriter& w, const Definition& d, const std::string& value) {
  w.StartObject();
  w.Field("currentValue", value);
  w.Field("defaultValue", d.default_value);
  w.Field("description", d.description);
  w.Field("name", d.name);
  w.Field("parameterType", d.parameter_type);
  w.Field("readonly", d.readonly());
  WriteRange(w, d.range, false);
  w.EndObject();
}

}  // namespace mock::families::parameters
