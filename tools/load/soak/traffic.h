// What the soak's clients send: a weighted mix over every family's pages, with ids discovered
// from the running mock, and the task mutations that may start a task.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "tools/client/http_client.h"
#include "tools/load/soak/checker.h"

namespace soak {

// The ids the mix names, read from the mock once at the start (reset and reload bring the same
// fixture files back, so they stay valid).
struct World {
  std::vector<int64_t> tasks;                         // the fixtures' tasks
  std::vector<std::pair<int64_t, int64_t>> subtasks;  // (task, subtask)
  std::vector<std::pair<int64_t, int64_t>> tenants;   // (cluster, tenant)
  std::vector<int64_t> clusters;
  std::vector<int64_t> hosts;
  // startTime and endTime for the SQL pages: from a day before the mock clock's first reading to
  // 30 days after it (the 31 days allowed), so the answers hold the soak's slow SQL.
  std::string sql_window;
};

// Reads the world through `client`; throws std::runtime_error when a list cannot be read or is
// empty (the bundled fixtures have all of them).
World Discover(const contract::HttpClient& client);

// The next request of a client: about 80% reads over every family, the rest task mutations
// (retry, rollback, a subtask's retry, skip or cancel) on the fixtures' tasks and parameter
// PUTs. About one GET in twelve is marked for a fault (SoakRequest::fault; the rules are
// kFaultRules).
SoakRequest NextRequest(std::mt19937_64& rng, const World& world);

// The fault rules the mock is started with (--faults): each answers the requests marked for it.
extern const char* const kFaultRules;

}  // namespace soak
