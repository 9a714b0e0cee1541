#include "tools/load/soak/controller.h"

#include <vector>

#include "mock/json/json.h"

namespace soak {
namespace {

constexpr std::string_view kTaskPrefix = "/api/v2/tasks/instances/";
// Runtime tasks' ids: far above the fixtures' (bundled: 8,000,000 and below), reused after each
// reset or reload, which forgets them.
constexpr int64_t kFirstRuntimeTask = 9'500'000;
constexpr int kConvergeDays = 3;

// The task a mutation's target names, or 0.
int64_t TaskOf(const std::string& target) {
  if (target.rfind(kTaskPrefix, 0) != 0) return 0;
  return std::stoll(target.substr(kTaskPrefix.size()));
}

std::string RuntimeTask(int64_t id, const char* status, const char* subtask_status) {
  const std::string n = std::to_string(id);
  return R"({"task": {"id": )" + n + R"(, "name": "Soak task )" + n + R"(", "status": ")" + status +
         R"(", "creator": {"id": 100, "name": "admin"}, "subtasks": [{"id": )" + n +
         R"(1, "name": "Step one", "description": "Step one", "operation": "EXECUTE", "status": ")" +
         subtask_status + R"("}, {"id": )" + n +
         R"(2, "name": "Step two", "description": "Step two", "operation": "EXECUTE", "status": "PENDING"}]}})";
}

int64_t IdOf(const std::string& body) {
  auto doc = mock::json::ParseJson(body);
  if (!doc.ok() || !doc.value()["data"].IsObject()) return 0;
  const auto& data = doc.value()["data"];
  return data.HasMember("id") && data["id"].IsInt64() ? data["id"].GetInt64() : 0;
}

}  // namespace

Controller::Controller(const contract::HttpClient& admin, const mock::json::SchemaSet& schemas,
                       const World& world, Ledger& ledger)
    : admin_(admin), schemas_(schemas), world_(world), ledger_(ledger) {}

void Controller::SendMutation(const contract::HttpClient& client, const SoakRequest& request) {
  mock::MutexLock lock(gate_);
  const contract::HttpResult r =
      request.body.empty() ? client.Send(request.method, request.target)
                           : client.SendJson(request.method, request.target, request.body);
  const std::string error = JudgeAnswer(request, r, schemas_);
  ledger_.Answer(r.status, "",
                 error.empty() ? "" : request.method + " " + request.target + ": " + error);
  if (r.status == 200 && TaskOf(request.target) != 0) started_.insert(TaskOf(request.target));
}

std::string Controller::Must(const std::string& method, const std::string& target,
                             const std::string& body) {
  SoakRequest request{method, target, body, "", false};
  const contract::HttpResult r =
      body.empty() ? admin_.Send(method, target) : admin_.SendJson(method, target, body);
  std::string error = JudgeAnswer(request, r, schemas_);
  if (error.empty() && r.status != 200) {
    error = "refused (HTTP " + std::to_string(r.status) + "): " + r.body.substr(0, 300);
  }
  ledger_.Answer(r.status, "", error.empty() ? "" : method + " " + target + ": " + error);
  return error.empty() ? r.body : "";
}

void Controller::StartEpoch() {
  ++activity_.epochs;
  const int64_t running = kFirstRuntimeTask + 2 * activity_.epochs;
  const int64_t failed = running + 1;
  Must("PUT", "/__mock/tasks/" + std::to_string(running),
       RuntimeTask(running, "RUNNING", "RUNNING"));
  Must("PUT", "/__mock/tasks/" + std::to_string(failed), RuntimeTask(failed, "FAILED", "FAILED"));
  {
    mock::MutexLock lock(gate_);
    started_.insert(running);
    if (!Must("POST", std::string(kTaskPrefix) + std::to_string(failed) + "/retry").empty()) {
      started_.insert(failed);
    }
  }
  Must(
      "POST", "/__mock/alarms",
      R"({"scope": "Host", "level": 2, "target": "svr_ip=10.0.0.3", "summary": "soak: expires", "durationSeconds": 600})");
  alarm_to_resolve_ = IdOf(Must(
      "POST", "/__mock/alarms",
      R"({"scope": "Host", "level": 3, "target": "svr_ip=10.0.0.4", "summary": "soak: resolved"})"));
  const auto& [cluster, tenant] = world_.tenants.front();
  Must("POST", "/__mock/slowSql",
       R"({"clusterId": )" + std::to_string(cluster) + R"(, "tenantId": )" +
           std::to_string(tenant) +
           R"(, "sqlText": "select * from soak where id = ?", "elapsedMs": 5000, "minutes": 10})");
  Must(
      "POST", "/__mock/metricOverrides",
      R"({"metric": "cpu_percent", "labels": {"svr_ip": "10.0.0.4"}, "startTime": "2026-12-05T10:00:00Z", "endTime": "2026-12-05T10:09:59Z", "value": 95})");
  activity_.runtime_changes += 7;
}

void Controller::Tick(int tick) {
  Must("POST", "/__mock/clock/advance?seconds=30");
  ++activity_.clock_advances;
  if (tick == 2 && alarm_to_resolve_ != 0) {
    Must("POST", "/__mock/alarms/" + std::to_string(alarm_to_resolve_) + "/resolve");
    ++activity_.runtime_changes;
    alarm_to_resolve_ = 0;
  }
  if (tick == 3) Must("GET", "/__mock/requests?size=20&page=1");
  if (tick == 4) Must("GET", "/__mock/requests/count?method=POST");
  if (tick == 5) Must("GET", "/__mock/alarms");
  if (tick == 6) Must("GET", "/__mock/slowSql");
}

void Controller::CheckConvergence() {
  std::vector<int64_t> pending(started_.begin(), started_.end());
  activity_.tasks_checked += static_cast<long>(pending.size());
  for (int day = 0; day < kConvergeDays && !pending.empty(); ++day) {
    Must("POST", "/__mock/clock/advance?seconds=86400");
    ++activity_.clock_advances;
    std::vector<int64_t> still;
    for (int64_t id : pending) {
      const std::string body = Must("GET", std::string(kTaskPrefix) + std::to_string(id));
      auto doc = mock::json::ParseJson(body);
      if (!doc.ok()) continue;  // Must recorded why
      const auto& status = doc.value()["data"]["status"];
      if (status.IsString() && IsFinalTaskStatus(status.GetString())) {
        ++activity_.tasks_converged;
      } else {
        still.push_back(id);
      }
    }
    pending.swap(still);
  }
  for (int64_t id : pending) {
    ledger_.Error("task " + std::to_string(id) + " is still RUNNING after " +
                  std::to_string(kConvergeDays) + " days of mock time");
  }
  started_.clear();
}

void Controller::EndEpoch(bool reload) {
  mock::MutexLock lock(gate_);
  CheckConvergence();
  if (reload) {
    Must("POST", "/__mock/fixtures/reload");
    ++activity_.reloads;
  } else {
    Must("POST", "/__mock/reset");
    ++activity_.resets;
  }
}

}  // namespace soak
