#include "mock/tasks/task_store.h"

#include "mock/model/subtask_log.h"
#include "mock/tasks/simulator.h"

namespace mock::tasks {

Error TaskNotFound(int64_t task_id, std::string detail) {
  return Error{ErrorKind::kTaskNotFound, std::to_string(task_id), std::move(detail)};
}

TaskStore::TaskStore(std::vector<model::Task> fixtures, const MockClock& clock)
    : clock_(clock), tasks_(std::move(fixtures)) {
  for (size_t i = 0; i < tasks_.size(); ++i) position_.emplace(tasks_[i].id, i);
  std::lock_guard<std::mutex> lock(mutex_);
  index_.emplace(tasks_);
  ArmRunning(clock_.NowMs());
}

void TaskStore::Reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [pos, original] : originals_) {
    tasks_[pos] = std::move(original);
    tasks_[pos].revision = ++revision_;
    index_->Refresh(pos, tasks_[pos]);
  }
  originals_.clear();
  due_ = {};
  due_at_.clear();
  ArmRunning(clock_.NowMs());
}

void TaskStore::ArmRunning(int64_t now_ms) {
  for (size_t pos = 0; pos < tasks_.size(); ++pos) {
    if (tasks_[pos].status != model::TaskStatus::kRunning) continue;
    Touch(pos);
    Arm(tasks_[pos], now_ms);
    Changed(pos);
  }
}

void TaskStore::Touch(size_t pos) {
  originals_.try_emplace(pos, tasks_[pos]);
  model::SettleLogs(tasks_[pos]);
}

void TaskStore::Changed(size_t pos) {
  tasks_[pos].revision = ++revision_;
  index_->Refresh(pos, tasks_[pos]);
  const model::Task& task = tasks_[pos];
  std::optional<int64_t> next;
  if (task.status == model::TaskStatus::kRunning) next = NextStepMs(task);
  if (!next) {
    due_at_.erase(pos);
    return;
  }
  auto [it, inserted] = due_at_.try_emplace(pos, *next);
  if (!inserted && it->second == *next) return;  // already queued for that instant
  it->second = *next;
  due_.emplace(*next, pos);
}

void TaskStore::AdvanceDue(int64_t now_ms) {
  while (!due_.empty() && due_.top().first <= now_ms) {
    const auto [when, pos] = due_.top();
    due_.pop();
    auto it = due_at_.find(pos);
    if (it == due_at_.end() || it->second != when) continue;  // superseded
    due_at_.erase(it);
    Touch(pos);
    Advance(tasks_[pos], now_ms);
    Changed(pos);
  }
}

void TaskStore::Read(const std::function<void(const std::vector<model::Task>&)>& fn) {
  std::lock_guard<std::mutex> lock(mutex_);
  AdvanceDue(clock_.NowMs());
  fn(tasks_);
}

void TaskStore::Query(const query::TaskQuery& query,
                      const std::function<void(const query::TaskPage&)>& fn) {
  std::lock_guard<std::mutex> lock(mutex_);
  AdvanceDue(clock_.NowMs());
  fn(index_->Execute(tasks_, query));
}

Result<model::Task> TaskStore::Get(int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = position_.find(id);
  if (it == position_.end()) return TaskNotFound(id);
  AdvanceDue(clock_.NowMs());
  return tasks_[it->second];
}

Result<model::Task> TaskStore::Change(
    int64_t id, const std::function<Result<bool>(model::Task&, int64_t)>& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = position_.find(id);
  if (it == position_.end()) return TaskNotFound(id);
  const int64_t now = clock_.NowMs();
  AdvanceDue(now);
  const size_t pos = it->second;
  model::Task before = tasks_[pos];
  model::SettleLogs(tasks_[pos]);
  Result<bool> result = change(tasks_[pos], now);
  if (!result.ok()) {
    tasks_[pos] = std::move(before);
    return result.error();
  }
  originals_.try_emplace(pos, std::move(before));
  Changed(pos);
  return tasks_[pos];
}

}  // namespace mock::tasks
