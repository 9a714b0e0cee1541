#include "mock/faults/fault_json.h"

#include "mock/core/glob.h"
#include "mock/json/json.h"

namespace mock::faults {
namespace {

constexpr std::string_view kTypeNames[] = {"delay", "status", "reset", "truncate", "drip"};

std::optional<std::string> OptionalString(const rapidjson::Value& obj, std::string_view key) {
  auto s = json::GetString(obj, key);
  return s ? std::optional<std::string>(std::string(*s)) : std::nullopt;
}

Match ReadMatch(const rapidjson::Value* m) {
  Match match;
  if (m == nullptr) return match;
  match.method = OptionalString(*m, "method");
  match.path_glob = OptionalString(*m, "path");
  match.user = OptionalString(*m, "user");
  if (const rapidjson::Value* q = json::Find(*m, "query")) {
    match.query_name = OptionalString(*q, "name");
    match.query_value = OptionalString(*q, "value");
  }
  return match;
}

Action ReadAction(const rapidjson::Value& a) {
  Action action;
  const std::string_view type = *json::GetString(a, "type");
  for (size_t i = 0; i < std::size(kTypeNames); ++i) {
    if (kTypeNames[i] == type) action.type = static_cast<ActionType>(i);
  }
  if (const rapidjson::Value* d = json::Find(a, "delayMs")) {
    if (d->IsObject()) {
      action.delay_min_ms = static_cast<int>(*json::GetInt64(*d, "min"));
      action.delay_max_ms = static_cast<int>(*json::GetInt64(*d, "max"));
    } else {
      action.delay_min_ms = action.delay_max_ms = d->GetInt();
    }
  }
  action.status = static_cast<int>(json::GetInt64(a, "status").value_or(0));
  if (const rapidjson::Value* c = json::Find(a, "code")) {
    action.code = c->IsString() ? std::string(c->GetString()) : std::to_string(c->GetInt64());
  }
  action.message = OptionalString(a, "message").value_or("");
  action.retry_after_seconds = static_cast<int>(json::GetInt64(a, "retryAfterSeconds").value_or(1));
  action.drip_ms = static_cast<int>(json::GetInt64(a, "dripMs").value_or(0));
  return action;
}

// A schema-valid rule; fails (the pointer, then the reason) on what the schema cannot say.
StatusOr<FaultRule> ReadRule(const rapidjson::Value& v, const std::string& at) {
  FaultRule rule;
  rule.match = ReadMatch(json::Find(v, "match"));
  rule.action = ReadAction(*json::Find(v, "action"));
  if (rule.match.path_glob) {
    if (auto problem = GlobProblem(*rule.match.path_glob)) {
      return InvalidArgument(at + "/match/path: '" + Excerpt(*rule.match.path_glob) + "' " +
                             *problem);
    }
  }
  if (rule.action.delay_min_ms > rule.action.delay_max_ms) {
    return InvalidArgument(at + "/action/delayMs: min " + std::to_string(rule.action.delay_min_ms) +
                           " exceeds max " + std::to_string(rule.action.delay_max_ms));
  }
  if (auto times = json::GetInt64(v, "times")) rule.times = *times;
  if (const rapidjson::Value* p = json::Find(v, "probability")) rule.probability = p->GetDouble();
  if (const rapidjson::Value* s = json::Find(v, "seed")) {
    rule.seed = s->IsUint64() ? s->GetUint64() : static_cast<uint64_t>(s->GetDouble());
  }
  return rule;
}

void WriteMatch(json::JsonWriter& w, const Match& m) {
  w.StartObject();
  w.OptionalField("method", m.method);
  w.OptionalField("path", m.path_glob);
  w.OptionalField("user", m.user);
  if (m.query_name) {
    w.Key("query");
    w.StartObject();
    w.OptionalField("name", m.query_name);
    w.OptionalField("value", m.query_value);
    w.EndObject();
  }
  w.EndObject();
}

void WriteAction(json::JsonWriter& w, const Action& a) {
  w.StartObject();
  w.Field("type", ActionTypeName(a.type));
  if (a.delay_max_ms > 0 || a.type == ActionType::kDelay) {
    w.Key("delayMs");
    if (a.delay_min_ms == a.delay_max_ms) {
      w.Int(a.delay_min_ms);
    } else {
      w.StartObject();
      w.Field("min", a.delay_min_ms);
      w.Field("max", a.delay_max_ms);
      w.EndObject();
    }
  }
  if (a.type == ActionType::kStatus) {
    w.Field("status", a.status);
    if (!a.code.empty()) w.Field("code", a.code);
    if (!a.message.empty()) w.Field("message", a.message);
    if (a.status == 429) w.Field("retryAfterSeconds", a.retry_after_seconds);
  }
  if (a.type == ActionType::kDrip) w.Field("dripMs", a.drip_ms);
  w.EndObject();
}

}  // namespace

std::string_view ActionTypeName(ActionType type) { return kTypeNames[static_cast<size_t>(type)]; }

StatusOr<FaultRule> ParseRule(std::string_view text, const std::string& name,
                              const json::SchemaSet& schemas) {
  auto doc = json::ParseAndValidate(text, name, "fault-rule", schemas);
  if (!doc.ok()) return doc.status();
  auto rule = ReadRule(doc.value(), "");
  if (!rule.ok()) return InvalidArgument(name + ": " + rule.status().message());
  return rule;
}

StatusOr<std::vector<FaultRule>> LoadFaultFile(const std::filesystem::path& path,
                                               const json::SchemaSet& schemas) {
  auto text = json::ReadFile(path);
  if (!text.ok()) return ConfigError(text.status().message());
  return ParseFaultFile(text.value(), path.string(), schemas);
}

StatusOr<std::vector<FaultRule>> ParseFaultFile(std::string_view text, const std::string& name,
                                                const json::SchemaSet& schemas) {
  auto doc = json::ParseAndValidate(text, name, "fault-file", schemas);
  if (!doc.ok()) return ConfigError(doc.status().message());
  std::vector<FaultRule> rules;
  const auto& list = json::Find(doc.value(), "faults")->GetArray();
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    auto rule = ReadRule(list[i], "/faults/" + std::to_string(i));
    if (!rule.ok()) return ConfigError(name + ": " + rule.status().message());
    rules.push_back(std::move(rule).value());
  }
  return rules;
}

void WriteRuleState(json::JsonWriter& w, const RuleState& s) {
  const FaultRule& r = s.rule;
  w.StartObject();
  w.Field("id", r.id);
  w.Key("match");
  WriteMatch(w, r.match);
  w.Key("action");
  WriteAction(w, r.action);
  if (r.times) {
    w.Field("times", *r.times);
    w.Field("remaining", *r.times - s.fired);
  }
  w.Field("probability", r.probability);
  w.OptionalField("seed", r.seed);
  w.Field("matched", s.matched);
  w.Field("fired", s.fired);
  w.EndObject();
}

}  // namespace mock::faults
