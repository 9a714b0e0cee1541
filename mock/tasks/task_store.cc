#include "mock/tasks/task_store.h"

#include <algorithm>

#include "mock/tasks/simulator.h"

namespace mock::tasks {

Error TaskNotFound(int64_t task_id, std::string detail) {
  return Error{ErrorKind::kTaskNotFound, std::to_string(task_id), std::move(detail)};
}

TaskStore::TaskStore(std::vector<model::Task> fixtures, const MockClock& clock)
    : fixtures_(std::move(fixtures)), clock_(clock) {
  for (size_t i = 0; i < fixtures_.size(); ++i) index_.emplace(fixtures_[i].id, i);
  Reset();
}

void TaskStore::Reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  tasks_ = fixtures_;
  running_.clear();
  const int64_t now = clock_.NowMs();
  for (size_t i = 0; i < tasks_.size(); ++i) {
    Arm(tasks_[i], now);
    if (tasks_[i].status == model::TaskStatus::kRunning) running_.push_back(i);
  }
}

void TaskStore::AdvanceAll(int64_t now_ms) {
  std::erase_if(running_, [&](size_t i) {
    Advance(tasks_[i], now_ms);
    return tasks_[i].status != model::TaskStatus::kRunning;
  });
}

void TaskStore::Read(const std::function<void(const std::vector<model::Task>&)>& fn) {
  std::lock_guard<std::mutex> lock(mutex_);
  AdvanceAll(clock_.NowMs());
  fn(tasks_);
}

Result<model::Task> TaskStore::Get(int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(id);
  if (it == index_.end()) return TaskNotFound(id);
  model::Task& task = tasks_[it->second];
  Advance(task, clock_.NowMs());
  return task;
}

Result<model::Task> TaskStore::Change(
    int64_t id, const std::function<Result<bool>(model::Task&, int64_t)>& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(id);
  if (it == index_.end()) return TaskNotFound(id);
  const int64_t now = clock_.NowMs();
  model::Task& task = tasks_[it->second];
  Advance(task, now);
  model::Task before = task;
  Result<bool> result = change(task, now);
  if (!result.ok()) {
    task = std::move(before);
    return result.error();
  }
  if (task.status == model::TaskStatus::kRunning &&
      std::find(running_.begin(), running_.end(), it->second) == running_.end()) {
    running_.push_back(it->second);
  }
  return task;
}

}  // namespace mock::tasks
