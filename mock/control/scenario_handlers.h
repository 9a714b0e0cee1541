// Tasks a test sets up at runtime, without files (the client-CI control plane):
//   PUT    /__mock/tasks/{taskId}  one fixture entry ({"task": {...}, "hostIds": [...]}): adds
//                                  the task, or replaces the one with that id
//   POST   /__mock/tasks           a whole fixture file ({"format": ..., "tasks": [...]}): adds
//                                  or replaces each of its tasks
//   DELETE /__mock/tasks/{taskId}  removes the task
// Bodies are checked as fixture files are at start-up (the version's fixture-file schema, the
// impossible-state rules, cluster and tenant ids consistent with every other task), with the
// same messages; a refused body changes nothing. Changes show at once in lists, details and the
// simulator; POST /__mock/reset (or ?only=tasks) undoes them.
#pragma once

#include <string>

#include "mock/json/schema_set.h"
#include "mock/reply/route.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

class ScenarioHandlers {
 public:
  // Both must outlive the handlers; no schemas: every body is refused.
  ScenarioHandlers(tasks::TaskStore& store, const json::SchemaSet* schemas)
      : store_(store), schemas_(schemas) {}

  StatusOr<Reply> PutTask(int64_t id, const std::string& body) const;
  StatusOr<Reply> PostTasks(const std::string& body) const;
  StatusOr<Reply> DeleteTask(int64_t id) const;

 private:
  StatusOr<Reply> Put(std::vector<model::Task> tasks) const;

  tasks::TaskStore& store_;
  const json::SchemaSet* schemas_;
};

}  // namespace mock::api
