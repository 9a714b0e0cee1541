// Builders of small tasks for the tasks module's tests.
#pragma once

#include <vector>

#include "mock/model/task.h"

namespace mock::tasks::testing {

// Task `id` whose subtasks (ids id*10+1, id*10+2, ...) run one after another, in `statuses`.
inline model::Task Chain(int64_t id, model::TaskStatus status,
                         const std::vector<model::SubtaskStatus>& statuses) {
  model::Task task;
  task.id = id;
  task.name = "task " + std::to_string(id);
  task.status = status;
  task.executor = "10.0.0.1";
  for (size_t i = 0; i < statuses.size(); ++i) {
    model::Subtask s;
    s.id = id * 10 + static_cast<int64_t>(i) + 1;
    s.name = "step " + std::to_string(i + 1);
    s.description = s.name;
    s.status = statuses[i];
    s.series_id = static_cast<int64_t>(i);
    s.script.duration_ms = 2000;
    if (i > 0) s.upstreams = {s.id - 1};
    if (i + 1 < statuses.size()) s.downstreams = {s.id + 1};
    task.subtasks.push_back(s);
  }
  return task;
}

}  // namespace mock::tasks::testing
