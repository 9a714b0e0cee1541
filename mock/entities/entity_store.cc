#include "mock/entities/entity_store.h"

#include <algorithm>

namespace mock::entities {
namespace {

int64_t MaxId(const std::vector<Row>& rows) {
  int64_t max = 0;
  for (const Row& r : rows) max = std::max(max, r.id);
  return max;
}

}  // namespace

std::optional<model::TaskStatus> TaskStatuses::Of(int64_t task_id) const {
  auto it = of_.find(task_id);
  if (it == of_.end()) return model::TaskStatus::kRunning;  // put after the snapshot was taken
  return it->second;
}

std::optional<int64_t> HeldEntities::PendingTask(Kind kind, int64_t id) const {
  auto it = pending_.find({kind, id});
  if (it == pending_.end()) return std::nullopt;
  return it->second.task_id;
}

std::optional<int64_t> HeldEntities::LeavingTask(Kind kind, int64_t id) const {
  auto it = leaving_.find({kind, id});
  if (it == leaving_.end()) return std::nullopt;
  return it->second.task_id;
}

EntityStore::EntityStore(EntitySet fixtures) { ReplaceFixtures(std::move(fixtures)); }

std::vector<int64_t> EntityStore::PendingTaskIds() const {
  std::vector<int64_t> ids;
  {
    MutexLock lock(mutex_);
    ids.reserve(pending_.size() + leaving_.size() + amended_.size());
    for (const auto& [entity, pending] : pending_) ids.push_back(pending.task_id);
    for (const auto& [entity, leaving] : leaving_) ids.push_back(leaving.task_id);
    for (const auto& [entity, changes] : amended_) {
      for (const Amendment& a : changes) ids.push_back(a.task_id);
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool EntityStore::GoneLocked(Kind kind, int64_t id, const TaskStatuses& statuses) const {
  auto it = leaving_.find({kind, id});
  return it != leaving_.end() && statuses.Of(it->second.task_id) == model::TaskStatus::kSuccessful;
}

std::optional<Row> EntityStore::VisibleLocked(Kind kind, const Row& row,
                                              const TaskStatuses& statuses) const {
  auto shown = ShownLocked(kind, row, statuses);
  if (!shown) return shown;
  auto it = amended_.find({kind, row.id});
  if (it == amended_.end()) return shown;
  for (const Amendment& a : it->second) {
    if (statuses.Of(a.task_id) == model::TaskStatus::kSuccessful) shown->doc = a.change(shown->doc);
  }
  return shown;
}

std::optional<Row> EntityStore::ShownLocked(Kind kind, const Row& row,
                                            const TaskStatuses& statuses) const {
  if (GoneLocked(kind, row.id, statuses)) return std::nullopt;
  if (kind == Kind::kTenant && GoneLocked(Kind::kCluster, Int(*row.doc, "clusterId"), statuses))
    return std::nullopt;
  if (auto it = pending_.find({kind, row.id}); it != pending_.end()) {
    const std::optional<model::TaskStatus> status = statuses.Of(it->second.task_id);
    if (!status || *status == model::TaskStatus::kFailed) return std::nullopt;
    if (*status == model::TaskStatus::kRunning) {
      if (!it->second.while_running) return std::nullopt;
      return Row{row.id, it->second.while_running, row.origin};
    }
  }
  auto it = leaving_.find({kind, row.id});
  if (it != leaving_.end() && it->second.while_running &&
      statuses.Of(it->second.task_id) == model::TaskStatus::kRunning) {
    return Row{row.id, it->second.while_running, row.origin};
  }
  return row;
}

std::vector<Row> EntityStore::Rows(Kind kind, const TaskStatuses& statuses) const {
  MutexLock lock(mutex_);
  std::vector<Row> rows;
  rows.reserve(current_.Of(kind).size());
  for (const Row& row : current_.Of(kind)) {
    if (auto v = VisibleLocked(kind, row, statuses)) rows.push_back(std::move(*v));
  }
  return rows;
}

std::optional<Row> EntityStore::Get(Kind kind, int64_t id, const TaskStatuses& statuses) const {
  MutexLock lock(mutex_);
  const Row* row = current_.Find(kind, id);
  if (row == nullptr) return std::nullopt;
  return VisibleLocked(kind, *row, statuses);
}

uint64_t EntityStore::Generation() const {
  MutexLock lock(mutex_);
  return generation_;
}

int64_t EntityStore::TenantCount(int64_t cluster_id, const TaskStatuses& statuses) const {
  MutexLock lock(mutex_);
  int64_t n = 0;
  for (const Row& t : current_.tenants) {
    if (Int(*t.doc, "clusterId") == cluster_id && VisibleLocked(Kind::kTenant, t, statuses)) ++n;
  }
  return n;
}

int64_t EntityStore::NextId(Kind kind) {
  MutexLock lock(mutex_);
  int64_t& next = next_id_[kind];
  next = std::max(next, MaxId(current_.Of(kind)) + 1);
  return next++;
}

Row* EntityStore::FindHeldLocked(Kind kind, int64_t id) {
  for (Row& row : current_.Of(kind)) {
    if (row.id == id) return &row;
  }
  return nullptr;
}

Status EntityStore::Add(Kind kind, Row row, std::optional<Pending> pending,
                        const Admission& admit) {
  MutexLock lock(mutex_);
  ++generation_;
  if (added_ >= kMaxRuntimeEntities) {
    return FailedPrecondition("the mock holds " + std::to_string(kMaxRuntimeEntities) +
                              " entities created since the last reset, its limit; "
                              "POST /__mock/reset forgets them");
  }
  if (FindHeldLocked(kind, row.id) != nullptr) {
    return FailedPrecondition(std::string(KindName(kind)) + " " + std::to_string(row.id) +
                              " already exists");
  }
  if (admit) {
    if (Status s = admit(HeldEntities(current_, pending_, leaving_)); !s.ok()) return s;
  }
  if (pending) pending_[{kind, row.id}] = std::move(*pending);
  auto& rows = current_.Of(kind);
  const int64_t id = row.id;
  rows.insert(std::upper_bound(rows.begin(), rows.end(), id,
                               [](int64_t v, const Row& r) { return v < r.id; }),
              std::move(row));
  ++added_;
  return Status();
}

Status EntityStore::Update(Kind kind, int64_t id, const Change& change) {
  MutexLock lock(mutex_);
  ++generation_;
  Row* row = FindHeldLocked(kind, id);
  if (row == nullptr) return NotFound(std::string(KindName(kind)) + " " + std::to_string(id));
  auto doc = change(*row);
  if (!doc.ok()) return doc.status();
  row->doc = std::move(doc).value();
  return Status();
}

Status EntityStore::MarkLeaving(Kind kind, int64_t id, Leaving leaving, const Admission& admit) {
  MutexLock lock(mutex_);
  ++generation_;
  if (FindHeldLocked(kind, id) == nullptr)
    return NotFound(std::string(KindName(kind)) + " " + std::to_string(id));
  if (admit) {
    if (Status s = admit(HeldEntities(current_, pending_, leaving_)); !s.ok()) return s;
  }
  leaving_[{kind, id}] = std::move(leaving);
  return Status();
}

Status EntityStore::Amend(Kind kind, int64_t id, Amendment amendment) {
  MutexLock lock(mutex_);
  ++generation_;
  if (FindHeldLocked(kind, id) == nullptr)
    return NotFound(std::string(KindName(kind)) + " " + std::to_string(id));
  amended_[{kind, id}].push_back(std::move(amendment));
  return Status();
}

Status EntityStore::Remove(Kind kind, int64_t id) {
  MutexLock lock(mutex_);
  ++generation_;
  auto& rows = current_.Of(kind);
  auto it = std::find_if(rows.begin(), rows.end(), [id](const Row& r) { return r.id == id; });
  if (it == rows.end()) return NotFound(std::string(KindName(kind)) + " " + std::to_string(id));
  rows.erase(it);
  pending_.erase({kind, id});
  leaving_.erase({kind, id});
  amended_.erase({kind, id});
  return Status();
}

Status EntityStore::Check(const Admission& check) const {
  MutexLock lock(mutex_);
  return check(HeldEntities(current_, pending_, leaving_));
}

void EntityStore::Reset() {
  MutexLock lock(mutex_);
  current_ = fixtures_;
  pending_.clear();
  leaving_.clear();
  amended_.clear();
  added_ = 0;
  ++generation_;
}

void EntityStore::ReplaceFixtures(EntitySet fixtures) {
  MutexLock lock(mutex_);
  fixtures_ = std::move(fixtures);
  current_ = fixtures_;
  pending_.clear();
  leaving_.clear();
  amended_.clear();
  next_id_.clear();
  added_ = 0;
  ++generation_;
}

}  // namespace mock::entities
