#include "mock/families/parameters/parameter_change.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/ocp/error_kinds.h"

namespace mock::families::parameters {
namespace {

using ocp::ErrorKind;

std::string StringMember(const rapidjson::Value& item, const char* key) {
  auto it = item.FindMember(key);
  if (it == item.MemberEnd() || !it->value.IsString()) return "";
  return {it->value.GetString(), it->value.GetStringLength()};
}

// A scalar's text: a string as it is, a number or a Boolean as JSON writes it.
std::string ScalarText(const rapidjson::Value& v) {
  if (v.IsString()) return {v.GetString(), v.GetStringLength()};
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> w(out);
  v.Accept(w);
  return {out.GetString(), out.GetSize()};
}

std::string Item(const Change& c) { return "[" + std::to_string(c.index) + "]"; }

Status Unknown(const Change& c, Scope scope, const std::string& owner, const std::string& list,
               const std::string& why) {
  const ErrorKind kind = scope == Scope::kCluster ? ErrorKind::kParameterNotFound
                                                  : ErrorKind::kTenantParameterNotFound;
  return ocp::OcpError(kind,
                       Item(c) + ".name: " + owner + " has no parameter " + Excerpt(c.name) + why +
                           "; " + list + " lists them.",
                       {Excerpt(c.name)});
}

Status CheckOne(const Change& c, const std::vector<Definition>& definitions, Scope scope,
                const std::string& owner, const std::string& list) {
  const Definition* d = Find(definitions, c.name);
  if (d == nullptr) return Unknown(c, scope, owner, list, "");
  if (!c.parameter_type.empty() && c.parameter_type != d->parameter_type) {
    return Unknown(
        c, scope, owner, list,
        " of type " + c.parameter_type + " (" + d->name + " is an " + d->parameter_type + ")");
  }
  if (d->readonly()) {
    const ErrorKind kind = scope == Scope::kCluster ? ErrorKind::kParameterReadonly
                                                    : ErrorKind::kTenantParameterReadonly;
    return ocp::OcpError(kind, Item(c) + ".name: " + d->name + " is read-only.",
                         {d->name, Excerpt(c.value)});
  }
  if (auto problem = ValueProblem(d->range, c.value)) {
    return ocp::OcpError(ErrorKind::kParameterValueInvalid,
                         Item(c) + ".value: " + d->name + " takes " + *problem + ".",
                         {d->name, Excerpt(c.value)});
  }
  return Status();
}

}  // namespace

std::vector<Change> ReadChanges(const rapidjson::Value& body) {
  std::vector<Change> out;
  if (!body.IsArray()) return out;
  for (rapidjson::SizeType i = 0; i < body.Size(); ++i) {
    const rapidjson::Value& item = body[i];
    if (!item.IsObject()) continue;
    auto value = item.FindMember("value");
    out.push_back({.index = i,
                   .name = StringMember(item, "name"),
                   .value = value == item.MemberEnd() ? "" : ScalarText(value->value),
                   .parameter_type = StringMember(item, "parameterType")});
  }
  return out;
}

Status CheckChanges(const std::vector<Change>& changes, const std::vector<Definition>& definitions,
                    Scope scope, const std::string& owner, const std::string& list) {
  for (const Change& c : changes) {
    if (Status s = CheckOne(c, definitions, scope, owner, list); !s.ok()) return s;
  }
  return Status();
}

}  // namespace mock::families::parameters
