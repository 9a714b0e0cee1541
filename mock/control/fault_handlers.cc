#include "mock/control/fault_handlers.h"

#include <memory>

#include "mock/faults/fault_json.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {

Status CheckAgainstCatalogue(const faults::FaultRule& rule, const std::string& at) {
  const faults::Action& a = rule.action;
  if (a.type != faults::ActionType::kStatus) return {};
  if (!a.code.empty() && !a.message.empty()) return {};
  if (ocp::KindForHttpStatus(a.status)) return {};
  return InvalidArgument(at + "/action: status " + std::to_string(a.status) +
                         " has no entry in OCP's error catalogue (which has 400, 401, 403, 404, "
                         "405, 413, 429, 500 and 503); give its code and message");
}

StatusOr<Reply> FaultHandlers::Add(const std::string& body) const {
  if (schemas_ == nullptr) return InternalError("the API was built without schemas");
  auto rule = faults::ParseRule(body, "request body", *schemas_);
  if (!rule.ok()) return ocp::BadRequest(rule.status().message());
  if (Status s = CheckAgainstCatalogue(rule.value(), "request body: "); !s.ok()) {
    return ocp::BadRequest(s.message());
  }
  auto added = rules_.Add(std::move(rule).value());
  if (!added.ok()) return ocp::BadRequest(added.status().message());
  auto state = std::make_shared<faults::RuleState>(std::move(added).value());
  return Reply{[state](json::JsonWriter& w) { faults::WriteRuleState(w, *state); }};
}

StatusOr<Reply> FaultHandlers::List() const {
  auto rules = std::make_shared<std::vector<faults::RuleState>>(rules_.List());
  return Reply{[rules, seed = rules_.seed()](json::JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (const auto& r : *rules) faults::WriteRuleState(w, r);
    w.EndArray();
    w.Field("seed", seed);
    w.EndObject();
  }};
}

StatusOr<Reply> FaultHandlers::Remove(int64_t id) const {
  if (id <= 0 || !rules_.Remove(static_cast<uint64_t>(id))) {
    return ocp::OcpError(
        ocp::ErrorKind::kNotFound, "",
        {"there is no fault rule " + std::to_string(id) + " (GET /__mock/faults lists them)"});
  }
  return Reply{[id](json::JsonWriter& w) {
    w.StartObject();
    w.Field("removed", id);
    w.EndObject();
  }};
}

StatusOr<Reply> FaultHandlers::Clear() const {
  const size_t n = rules_.Clear();
  return Reply{[n](json::JsonWriter& w) {
    w.StartObject();
    w.Field("cleared", n);
    w.EndObject();
  }};
}

}  // namespace mock::api
