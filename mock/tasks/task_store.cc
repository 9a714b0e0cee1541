#include "mock/tasks/task_store.h"

#include "mock/model/subtask_log.h"
#include "mock/ocp/error_kinds.h"
#include "mock/tasks/simulator.h"

namespace mock::tasks {

Status TaskNotFound(int64_t task_id, std::string detail) {
  return ocp::OcpError(ocp::ErrorKind::kTaskNotFound, std::move(detail), {std::to_string(task_id)});
}

TaskStore::TaskStore(std::vector<model::Task> fixtures, const MockClock& clock,
                     StoreOptions options)
    : clock_(clock),
      name_order_(options.name_order),
      default_executor_(std::move(options.default_executor)) {
  MutexLock lock(mutex_);
  LoadLocked(std::move(fixtures));
}

void TaskStore::ReplaceFixtures(std::vector<model::Task> fixtures) {
  MutexLock lock(mutex_);
  // Fresh revisions: a rendering cached for a task of the old fixtures must not be reused for
  // the new task with its id.
  for (model::Task& task : fixtures) task.revision = ++revision_;
  LoadLocked(std::move(fixtures));
}

void TaskStore::GiveExecutor(model::Task& task) const {
  if (default_executor_.empty()) return;
  if (!task.executor) task.executor = default_executor_;
  for (model::Subtask& s : task.subtasks) {
    // As the fixture reader does: a subtask that has run (not PENDING, not READY) has one.
    const bool ran =
        s.status != model::SubtaskStatus::kPending && s.status != model::SubtaskStatus::kReady;
    if (!s.executor && ran) s.executor = task.executor;
  }
}

void TaskStore::LoadLocked(std::vector<model::Task> fixtures) {
  tasks_.clear();
  position_.clear();
  originals_.clear();
  fixture_state_.reset();
  due_ = {};
  due_at_.clear();
  // The fixtures stay in one block that their snapshots share (aliasing shared_ptrs), rather
  // than one allocation per task: at 100,000 tasks that saved 40 MiB and a tenth of start-up.
  // A task's first change moves it out into an allocation of its own.
  fixture_count_ = fixtures.size();
  for (model::Task& task : fixtures) GiveExecutor(task);
  auto block = std::make_shared<const std::vector<model::Task>>(std::move(fixtures));
  tasks_.reserve(block->size());
  std::vector<const model::Task*> view;
  view.reserve(block->size());
  for (const model::Task& task : *block) {
    position_.emplace(task.id, tasks_.size());
    view.push_back(tasks_.emplace_back(block, &task).get());
  }
  index_.emplace(view, name_order_);
  ArmRunningLocked(clock_.NowMs());
}

void TaskStore::Reset() {
  MutexLock lock(mutex_);
  if (fixture_state_) {
    tasks_ = std::move(*fixture_state_);
    fixture_state_.reset();
    originals_.clear();
    ReindexLocked();
    due_ = {};
    due_at_.clear();
    ArmRunningLocked(clock_.NowMs());
    return;
  }
  // A restored snapshot keeps its old revision: its content is what that revision rendered.
  for (auto& [pos, original] : originals_) {
    tasks_[pos] = std::move(original);
    index_->Refresh(pos, *tasks_[pos]);
  }
  originals_.clear();
  due_ = {};
  due_at_.clear();
  ArmRunningLocked(clock_.NowMs());
}

void TaskStore::ArmRunningLocked(int64_t now_ms) {
  for (size_t pos = 0; pos < tasks_.size(); ++pos) {
    if (tasks_[pos]->status != model::TaskStatus::kRunning) continue;
    auto draft = DraftLocked(pos);
    Arm(*draft, now_ms);
    ReplaceLocked(pos, std::move(draft));
  }
}

void TaskStore::KeepFixtureStateLocked() {
  if (fixture_state_) return;
  fixture_state_ = tasks_;
  for (const auto& [pos, original] : originals_) (*fixture_state_)[pos] = original;
  originals_.clear();
}

void TaskStore::ReindexLocked() {
  position_.clear();
  std::vector<const model::Task*> view;
  view.reserve(tasks_.size());
  for (size_t pos = 0; pos < tasks_.size(); ++pos) {
    position_.emplace(tasks_[pos]->id, pos);
    view.push_back(tasks_[pos].get());
  }
  index_.emplace(view, name_order_);
  due_ = {};
  due_at_.clear();
  for (size_t pos = 0; pos < tasks_.size(); ++pos) {
    if (tasks_[pos]->status != model::TaskStatus::kRunning) continue;
    if (auto next = NextStepMs(*tasks_[pos])) {
      due_at_[pos] = *next;
      due_.emplace(*next, pos);
    }
  }
}

StatusOr<size_t> TaskStore::Put(std::vector<model::Task> tasks, const TaskAdmission& admit) {
  MutexLock lock(mutex_);
  const int64_t now = clock_.NowMs();
  AdvanceDueLocked(now);
  if (admit) {
    if (Status s = admit(tasks_, tasks); !s.ok()) return s;
  }
  size_t added = 0;
  for (const model::Task& t : tasks) added += position_.count(t.id) == 0 ? 1u : 0u;
  if (tasks_.size() + added > fixture_count_ + kMaxAddedTasks) {
    return FailedPrecondition("the store holds at most " + std::to_string(kMaxAddedTasks) +
                              " tasks beyond the fixtures'; DELETE some or reset");
  }
  KeepFixtureStateLocked();
  for (model::Task& task : tasks) {
    GiveExecutor(task);
    if (task.status == model::TaskStatus::kRunning) Arm(task, now);
    task.revision = ++revision_;
    auto snapshot = std::make_shared<const model::Task>(std::move(task));
    auto it = position_.find(snapshot->id);
    if (it != position_.end()) {
      tasks_[it->second] = std::move(snapshot);
    } else {
      position_.emplace(snapshot->id, tasks_.size());
      tasks_.push_back(std::move(snapshot));
    }
  }
  ReindexLocked();
  return added;
}

Status TaskStore::Remove(int64_t id) {
  MutexLock lock(mutex_);
  auto it = position_.find(id);
  if (it == position_.end()) return TaskNotFound(id);
  AdvanceDueLocked(clock_.NowMs());
  KeepFixtureStateLocked();
  tasks_.erase(tasks_.begin() + static_cast<std::ptrdiff_t>(it->second));
  ReindexLocked();
  return {};
}

std::shared_ptr<model::Task> TaskStore::DraftLocked(size_t pos) const {
  auto draft = std::make_shared<model::Task>(*tasks_[pos]);
  model::SettleLogs(*draft);
  return draft;
}

void TaskStore::ReplaceLocked(size_t pos, std::shared_ptr<model::Task> draft) {
  draft->revision = ++revision_;
  originals_.try_emplace(pos, tasks_[pos]);
  tasks_[pos] = std::move(draft);
  const model::Task& task = *tasks_[pos];
  index_->Refresh(pos, task);
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

void TaskStore::AdvanceDueLocked(int64_t now_ms) {
  while (!due_.empty() && due_.top().first <= now_ms) {
    const auto [when, pos] = due_.top();
    due_.pop();
    auto it = due_at_.find(pos);
    if (it == due_at_.end() || it->second != when) continue;  // superseded
    due_at_.erase(it);
    auto draft = DraftLocked(pos);
    Advance(*draft, now_ms);
    ReplaceLocked(pos, std::move(draft));
  }
}

std::vector<TaskSnapshot> TaskStore::All() {
  MutexLock lock(mutex_);
  AdvanceDueLocked(clock_.NowMs());
  return tasks_;
}

SnapshotPage TaskStore::Query(const query::TaskQuery& query) {
  MutexLock lock(mutex_);
  AdvanceDueLocked(clock_.NowMs());
  query::PositionPage found = index_->Execute(query);
  SnapshotPage page{{}, found.total_elements, found.total_pages, found.page};
  page.items.reserve(found.items.size());
  for (uint32_t pos : found.items) page.items.push_back(tasks_[pos]);
  return page;
}

StatusOr<TaskSnapshot> TaskStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  auto it = position_.find(id);
  if (it == position_.end()) return TaskNotFound(id);
  AdvanceDueLocked(clock_.NowMs());
  return tasks_[it->second];
}

std::vector<std::optional<model::TaskStatus>> TaskStore::Statuses(const std::vector<int64_t>& ids) {
  std::vector<std::optional<model::TaskStatus>> statuses(ids.size());
  if (ids.empty()) return statuses;
  MutexLock lock(mutex_);
  AdvanceDueLocked(clock_.NowMs());
  for (size_t i = 0; i < ids.size(); ++i) {
    if (auto it = position_.find(ids[i]); it != position_.end())
      statuses[i] = tasks_[it->second]->status;
  }
  return statuses;
}

StatusOr<TaskSnapshot> TaskStore::Change(int64_t id, const TaskChange& change) {
  MutexLock lock(mutex_);
  auto it = position_.find(id);
  if (it == position_.end()) return TaskNotFound(id);
  const int64_t now = clock_.NowMs();
  AdvanceDueLocked(now);
  const size_t pos = it->second;
  auto draft = DraftLocked(pos);
  if (Status changed = change(*draft, now); !changed.ok()) return changed;
  ReplaceLocked(pos, std::move(draft));
  return tasks_[pos];
}

}  // namespace mock::tasks
