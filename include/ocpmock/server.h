// ocpmock as a library: an OCP mock server inside your test process.
//
//   #include <ocpmock/server.h>
//
//   ocpmock::Server mock;                       // bundled fixtures, port 0, admin / Admin@123
//   MyOcpClient client(mock.url(), "admin", "Admin@123");
//   mock.AddFault(R"({"match": {"method": "GET"}, "action": {"type": "status", "status": 503},
//                     "times": 1})");
//   client.WaitForTask(8000001);
//   EXPECT_EQ(2u, mock.CountRequests("path=/api/v2/tasks/instances/8000001"));
//
// The server listens on a real socket (port 0 picks a free one) from construction until
// destruction, serving exactly what the ocp-mock program serves. Every call below is the
// function form of an endpoint under /__mock/ (docs/testing-clients.md), with the same checks:
// a refused call throws ocpmock::Error with the message the endpoint would answer. Calls are
// safe from any thread.
//
// Link with ocpmock::mock (find_package(ocpmock) after installing, or add_subdirectory).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace ocpmock {

// Why the server could not start, or why a call was refused.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Options {
  // A fixture folder (tasks/*.json inside); empty: the bundled fixtures.
  std::string fixtures_dir;
  // A fixture file's JSON text; when set, it is served instead of fixtures_dir's tasks.
  std::string fixture_json;
  // The users file; empty: the fixture folder's users.json, or the bundled users (admin /
  // Admin@123 may do everything).
  std::string users_file;
  bool no_auth = false;
  // The OCP version to play ("4.2.1"); empty: the newest.
  std::string ocp_version;
  // Simulated seconds per real second for running tasks; 0 freezes the clock, which then moves
  // only through AdvanceClock.
  double time_scale = 0;
  std::string bind = "127.0.0.1";
  uint16_t port = 0;
  // --quirks: "all", or a list such as "extra-fields,language" (docs/live-checks.md).
  std::string quirks;
  // Seeds the fault rules' draws, so that a run can be replayed.
  uint64_t seed = 0;
  // Requests the journal keeps.
  size_t journal_size = 10000;
  // "error", "warn", "info" (a line per request) or "debug", on stderr.
  std::string log_level = "warn";
};

class Server {
 public:
  // Loads and checks everything, then listens. Throws Error naming what was refused.
  explicit Server(const Options& options = {});
  ~Server();  // stops listening
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // "http://127.0.0.1:PORT".
  const std::string& url() const;
  uint16_t port() const;

  // Moves the mock's clock on by `seconds`: running tasks progress.
  void AdvanceClock(double seconds);
  // Puts the start-up state back: clock, tasks, journal, rate limits, fault rules.
  void Reset();

  // Adds or replaces one task: a fixture entry's JSON ({"task": {...}, "hostIds": [...]}).
  void PutTask(int64_t id, const std::string& entry_json);
  // Adds or replaces the tasks of a fixture file's JSON ({"format": ..., "tasks": [...]}).
  void PutTasks(const std::string& fixture_json);
  void RemoveTask(int64_t id);

  // The journal: how many requests match `filters` (the query of GET /__mock/requests/count,
  // e.g. "method=POST&path=/api/v2/tasks/instances/*/retry"), and the matching entries as the
  // endpoint's `data` JSON.
  size_t CountRequests(const std::string& filters = "");
  std::string Requests(const std::string& filters = "");

  // A fault rule (fault-rule.schema.json); returns its id.
  int64_t AddFault(const std::string& rule_json);
  void RemoveFault(int64_t id);
  void ClearFaults();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ocpmock
