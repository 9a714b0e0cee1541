#include "mock/families/tasks/task_family.h"

namespace mock::families {

using api::Access;
using api::Call;

std::vector<api::Route> TaskFamily::Routes() const {
  const std::string t = "/api/v2/tasks/instances";
  const std::string task = t + "/{taskInstanceId}";
  const std::string subtask = task + "/subtasks/{subtaskInstanceId}";
  const Access view = Access::kTaskViewer;
  const Access manage = Access::kTaskManager;
  const api::TaskHandlers* h = &handlers_;
  return {
      {"GET", t, view, [h](const Call& c) { return h->List(c.request.query); }},
      {"GET", task, view, [h](const Call& c) { return h->Detail(c.ids[0]); }},
      // `client`: not in OCP's docs; the terraform provider for private OCP polls every write's
      // task here (docs/reference/ocp-client-flows.md §3.1) and reads the detail's id, status
      // and name. An unknown task (task 0, which it polls when a write carries no id) is the
      // detail's 404, which it takes as "gone" on delete. After the list route, so that
      // /api/v2/tasks/instances stays the list.
      {"GET", "/api/v2/tasks/{taskId}", view, [h](const Call& c) { return h->Detail(c.ids[0]); }},
      {"POST", task + "/retry", manage, [h](const Call& c) { return h->RetryTask(c.ids[0]); }},
      {"POST", task + "/rollback", manage,
       [h](const Call& c) { return h->RollbackTask(c.ids[0]); }},
      {"GET", subtask + "/log", view, [h](const Call& c) { return h->Log(c.ids[0], c.ids[1]); }},
      {"POST", subtask + "/retry", manage,
       [h](const Call& c) { return h->RetrySubtask(c.ids[0], c.ids[1]); }},
      {"POST", subtask + "/skip", manage,
       [h](const Call& c) { return h->SkipSubtask(c.ids[0], c.ids[1]); }},
      {"POST", subtask + "/cancel", manage,
       [h](const Call& c) { return h->CancelSubtask(c.ids[0], c.ids[1]); }},
  };
}

}  // namespace mock::families
