// OCP's task API (docs/reference/ocp-task-api.md): the task list, a task, its retry and
// rollback, a subtask's log, retry, skip and cancel.
#pragma once

#include "mock/families/tasks/task_handlers.h"
#include "mock/reply/family.h"

namespace mock::families {

class TaskFamily : public api::Family {
 public:
  // `store` must outlive the family.
  explicit TaskFamily(tasks::TaskStore& store) : handlers_(store) {}

  std::string_view Name() const override { return "tasks"; }
  std::vector<api::Route> Routes() const override;
  // task_operations.cc
  std::vector<api::Operation> Operations() const override;

 private:
  api::TaskHandlers handlers_;
};

}  // namespace mock::families
