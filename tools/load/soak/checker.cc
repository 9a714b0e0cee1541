#include "tools/load/soak/checker.h"

#include <vector>

#include "mock/json/json.h"
#include "tools/client/contract_rules.h"

namespace soak {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Whether `text` is an ISO-8601 instant with an offset, quoted or not
// ("2026-12-01T10:46:27.316+08:00"), the shape of GET /api/v2/time's answer.
bool IsIsoTime(std::string_view text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  const std::string_view shape = "dddd-dd-ddTdd:dd:dd";
  if (text.size() < shape.size() + 1) return false;
  for (size_t i = 0; i < shape.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (shape[i] == 'd' ? !digit : text[i] != shape[i]) return false;
  }
  const size_t zone = text.find_first_of("Z+-", shape.size());
  if (zone == std::string_view::npos) return false;
  return text.substr(zone) == "Z" || text.size() - zone == 6;  // Z or +hh:mm
}

// The schema check of `body` (SchemaSet::Check: the fast validator, and Valijson's words only
// when it fails, as every answer is checked).
std::string SchemaProblem(const std::string& schema, const std::string& body,
                          const mock::json::SchemaSet& schemas) {
  if (schema == kTimeText) {
    return IsIsoTime(body) ? "" : "not a time: " + body.substr(0, 80);
  }
  auto doc = mock::json::ParseJson(body);
  if (!doc.ok()) return "not JSON: " + doc.status().message();
  const std::vector<mock::json::Violation> violations = schemas.Check(schema, doc.value());
  return violations.empty() ? "" : "breaks " + schema + ": " + mock::json::Describe(violations, 2);
}

}  // namespace

std::string SchemaForSoak(const std::string& method, const std::string& target, long status) {
  std::string schema = contract::SchemaFor(method, target, status);
  // SchemaFor takes every path it has no rule for as a task's detail (the contract suite asks
  // for nothing else there); outside the task pages that means no rule: the envelope holds.
  const std::string path = target.substr(0, target.find('?'));
  if (status == 200 && path == "/api/v2/time") return std::string(kTimeText);
  if (schema == "task-detail-response" && !StartsWith(path, "/api/v2/tasks/")) return "envelope";
  return schema;
}

std::string JudgeAnswer(const SoakRequest& request, const contract::HttpResult& result,
                        const mock::json::SchemaSet& schemas) {
  const bool dropped = request.fault == "reset" || request.fault == "truncate";
  if (dropped) {
    return result.status == 0 ? ""
                              : "the " + request.fault + " fault rule should have dropped the " +
                                    "connection, got HTTP " + std::to_string(result.status);
  }
  if (result.status == 0) return "transport: " + result.transport_error;
  if (request.fault == "status") {
    if (result.status != 503 || result.body.find(kFaultMessage) == std::string::npos) {
      return "the status fault rule should have answered 503 \"" + std::string(kFaultMessage) +
             "\", got HTTP " + std::to_string(result.status);
    }
    return SchemaProblem("error-envelope", result.body, schemas);
  }
  if (result.status >= 500) return "HTTP " + std::to_string(result.status);
  return SchemaProblem(SchemaForSoak(request.method, request.target, result.status), result.body,
                       schemas);
}

bool IsFinalTaskStatus(std::string_view status) { return !status.empty() && status != "RUNNING"; }

}  // namespace soak
