// libFuzzer target: the task bodies a test sends to the control plane, through the handlers that
// take them (mock/control/scenario_handlers.h), called directly over a task store holding two
// fixture tasks, with the schema set built once:
//  - byte 0 even: PUT /__mock/tasks/{id}, one fixture entry ({"task": {...}, "hostIds": [...]}),
//    the path's id being the body's /task/id when it has one (so that bodies can be accepted);
//  - byte 0 odd: POST /__mock/tasks, a whole fixture file ({"format": ..., "tasks": [...]}).
// Both reach the fixture loader's checks (fixtures::ParseTaskFixtures: the fixture-file schema,
// the impossible-state rules) and the checks across tasks (fixtures::CheckJoin). Asserts, beyond
// never crashing: a refusal is a 400 whose cause names the body ("request body..."), and
// changes nothing; an accepted body puts its tasks in the store (PUT: the path's task is there).
// Each accepted input is undone (TaskStore::Reset), so inputs do not depend on each other.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mock/control/scenario_handlers.h"
#include "mock/loader/fixture_loader.h"
#include "mock/ocp/error_kinds.h"

namespace {

// Two tasks, on cluster 2 and its tenant 5: a body describing them otherwise is refused.
constexpr std::string_view kStoreFixtures = R"({"format": "ocp-mock-fixtures/1", "tasks": [
  {"hostIds": [4], "task": {"id": 8000001, "name": "Upgrade OCP agent", "status": "RUNNING",
   "creator": {"id": 100, "name": "admin"},
   "cluster": {"id": 2, "name": "obcluster-prod-hz", "obClusterId": 100002, "type": "PRIMARY"},
   "subtasks": [{"id": 80000011, "name": "Upload", "description": "Upload", "status": "PENDING",
                 "operation": "EXECUTE"}]}},
  {"hostIds": [5], "task": {"id": 8000002, "name": "Create tenant", "status": "SUCCESSFUL",
   "creator": {"id": 100, "name": "admin"},
   "cluster": {"id": 2, "name": "obcluster-prod-hz", "obClusterId": 100002, "type": "PRIMARY"},
   "tenant": {"id": 5, "name": "trade", "obTenantId": 1002, "mode": "MYSQL"},
   "subtasks": [{"id": 80000021, "name": "Create", "description": "Create",
                 "status": "SUCCESSFUL", "operation": "EXECUTE"}]}}]})";

struct BodiesWorld {
  BodiesWorld()
      : schemas(Must(mock::json::SchemaSet::Load(OCPMOCK_SOURCE_DIR "/schemas"))),
        clock(1'764'554'400'000),
        store(Must(mock::fixtures::ParseTaskFixtures(kStoreFixtures, "store", schemas)), clock),
        handlers(store, &schemas) {}

  template <typename T>
  static T Must(mock::StatusOr<T> v) {
    if (!v.ok()) std::abort();
    return std::move(v).value();
  }

  mock::json::SchemaSet schemas;
  mock::tasks::MockClock clock;
  mock::tasks::TaskStore store;
  mock::api::ScenarioHandlers handlers;
};

BodiesWorld* world_ptr = nullptr;

// The path's id for a PUT: the digits after the first `"id"` that follows `"task"` in the body,
// else 1. A scan, not a parse: parsing every body twice would halve the executions, and the
// handler parses it anyway; a body whose ids differ is one more refusal to cover.
int64_t PathId(std::string_view body) {
  const size_t task = body.find("\"task\"");
  if (task == std::string_view::npos) return 1;
  const size_t key = body.find("\"id\"", task);
  if (key == std::string_view::npos) return 1;
  const size_t digits = body.find_first_of("0123456789-", key + 4);
  if (digits == std::string_view::npos) return 1;
  int64_t id = 1;
  const char* end = body.data() + body.size();
  if (std::from_chars(body.data() + digits, end, id).ec != std::errc()) return 1;
  return id;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static BodiesWorld built;
  world_ptr = &built;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  BodiesWorld& w = *world_ptr;
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool put = data[0] % 2 == 0;
  const int64_t id = put ? PathId(body) : 0;
  const size_t before = w.store.size();
  auto reply = put ? w.handlers.PutTask(id, body) : w.handlers.PostTasks(body);
  if (!reply.ok()) {
    const mock::Status& s = reply.status();
    if (mock::ocp::HttpStatusFor(s) != 400 || s.args().size() != 1 ||
        s.args().front().rfind("request body", 0) != 0 || w.store.size() != before) {
      __builtin_trap();
    }
    return 0;
  }
  if (put && !w.store.Get(id).ok()) __builtin_trap();
  w.store.Reset();
  if (w.store.size() != before) __builtin_trap();
  return 0;
}
