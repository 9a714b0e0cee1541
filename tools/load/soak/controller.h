// The soak's controller: the one thread that changes the mock at runtime, in epochs, and checks
// that every task the soak started converges.
//
// An epoch: runtime changes (two tasks put under /__mock/tasks, one RUNNING and one FAILED then
// retried through the API; an alarm raised to expire and one to be resolved; a slow SQL; a
// metric override); then once a second a clock advance of 30 s, with the alarm resolved and the
// journal and runtime lists read along the way; at its end the convergence check, then a reset
// or a fixture reload (the runner's choice: soak_run.cc). Either returns the mock to its files
// (and keeps memory bounded, as a test suite's resets do).
//
// Convergence: the tasks the controller put, and every task a client's retry, rollback or
// subtask operation was accepted on (200), must each reach a final status (IsFinalTaskStatus)
// within three days of mock time, advanced a day at a time. Clients' mutations pass through
// SendMutation's gate, which the check holds, so that no task is restarted between the advance
// and its reading.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "mock/core/thread_annotations.h"
#include "mock/json/schema_set.h"
#include "tools/client/http_client.h"
#include "tools/load/soak/checker.h"
#include "tools/load/soak/ledger.h"
#include "tools/load/soak/traffic.h"

namespace soak {

class Controller {
 public:
  // What the controller did, read once its thread has ended.
  struct Activity {
    long epochs = 0;
    long resets = 0;
    long reloads = 0;
    long clock_advances = 0;
    long runtime_changes = 0;  // tasks put, alarms raised and resolved, slow SQL, overrides
    long tasks_checked = 0;    // started tasks the convergence check read
    long tasks_converged = 0;
  };

  // `admin` is the mock's administrator client; everything is recorded in `ledger`.
  Controller(const contract::HttpClient& admin, const mock::json::SchemaSet& schemas,
             const World& world, Ledger& ledger);

  // Sends a client's mutation (SoakRequest::mutation), judged and recorded; a task it started
  // is remembered for the convergence check.
  void SendMutation(const contract::HttpClient& client, const SoakRequest& request)
      OCPMOCK_EXCLUDES(gate_);

  void StartEpoch();
  // The epoch's `tick`th second.
  void Tick(int tick);
  // The convergence check, then a reload (`reload`) or a reset.
  void EndEpoch(bool reload) OCPMOCK_EXCLUDES(gate_);

  const Activity& activity() const { return activity_; }

 private:
  // Sends an administrator request that must succeed (200, well-formed); returns its body, or ""
  // after recording the error.
  std::string Must(const std::string& method, const std::string& target,
                   const std::string& body = "");
  // Advances the clock until every started task is final (at most three days); records those
  // that are not.
  void CheckConvergence() OCPMOCK_REQUIRES(gate_);

  const contract::HttpClient& admin_;
  const mock::json::SchemaSet& schemas_;
  const World& world_;
  Ledger& ledger_;
  mock::Mutex gate_;
  std::set<int64_t> started_ OCPMOCK_GUARDED_BY(gate_);
  Activity activity_;  // the controller's thread only
  int64_t alarm_to_resolve_ = 0;
};

}  // namespace soak
