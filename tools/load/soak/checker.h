// The soak's checker: whether one answer is well-formed, given what was asked. Every answer of
// the soak goes through it (not a sample, as in ocp-load), so a single malformed body fails the
// run. Pure: its tests feed it answers a broken server would give
// (contract_tests/soak/soak_checker_test.cc).
#pragma once

#include <string>
#include <string_view>

#include "mock/json/schema_set.h"
#include "tools/client/http_client.h"

namespace soak {

// The query parameter the soak's fault rules match, and the message the status rule answers
// (with a code of OCP's form, as error-envelope requires).
inline constexpr std::string_view kFaultParam = "soakFault";
inline constexpr std::string_view kFaultMessage = "from ocp-soak";

// One request of the soak. `fault` is the kind a fault rule must answer it with: "status" (a
// 503 error envelope), "reset" or "truncate" (no answer: the connection is
// dropped), "delay" or "drip" (the normal answer, late); "" for none. The status rule's 503
// carries kFaultMessage.
struct SoakRequest {
  std::string method = "GET";
  std::string target;
  std::string body;  // sent as JSON when not empty
  std::string fault;
  bool mutation = false;  // may start a task: serialised with the convergence check
};

// The schema a `status` answer to `method target` must meet: contract::SchemaFor's where it
// names one; "envelope" (OCP's envelope, any data) for the API's pages it has no rule for;
// "error-envelope" for every answer but a 200; "info" for /api/v2/info, which OCP answers bare;
// kTimeText for /api/v2/time, which OCP answers as text (docs/api.md).
inline constexpr std::string_view kTimeText = "time-text";
std::string SchemaForSoak(const std::string& method, const std::string& target, long status);

// "" when `result` is the answer `request` must get: the fault its mark asks for, or else an
// answer with a status under 500 whose body meets SchemaForSoak's schema. Otherwise what is
// wrong, in words.
std::string JudgeAnswer(const SoakRequest& request, const contract::HttpResult& result,
                        const mock::json::SchemaSet& schemas);

// Whether a task's status is final (it no longer moves on the clock): anything but RUNNING.
bool IsFinalTaskStatus(std::string_view status);

}  // namespace soak
