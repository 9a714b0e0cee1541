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

EntityStore::EntityStore(EntitySet fixtures) { ReplaceFixtures(std::move(fixtures)); }

std::optional<Row> EntityStore::Visible(Kind kind, const Row& row,
                                        const TaskStatusOf& status_of) const {
  auto it = pending_.find({kind, row.id});
  if (it == pending_.end()) return row;
  const std::optional<model::TaskStatus> status = status_of(it->second.task_id);
  if (!status || *status == model::TaskStatus::kFailed) return std::nullopt;
  if (*status == model::TaskStatus::kRunning)
    return Row{row.id, it->second.while_running, row.origin};
  return row;
}

std::vector<Row> EntityStore::Rows(Kind kind, const TaskStatusOf& status_of) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Row> rows;
  rows.reserve(current_.Of(kind).size());
  for (const Row& row : current_.Of(kind)) {
    if (auto v = Visible(kind, row, status_of)) rows.push_back(std::move(*v));
  }
  return rows;
}

std::optional<Row> EntityStore::Get(Kind kind, int64_t id, const TaskStatusOf& status_of) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const Row* row = current_.Find(kind, id);
  if (row == nullptr) return std::nullopt;
  return Visible(kind, *row, status_of);
}

int64_t EntityStore::TenantCount(int64_t cluster_id, const TaskStatusOf& status_of) const {
  std::lock_guard<std::mutex> lock(mutex_);
  int64_t n = 0;
  for (const Row& t : current_.tenants) {
    if (Int(*t.doc, "clusterId") == cluster_id && Visible(Kind::kTenant, t, status_of)) ++n;
  }
  return n;
}

int64_t EntityStore::NextId(Kind kind) {
  std::lock_guard<std::mutex> lock(mutex_);
  int64_t& next = next_id_[kind];
  next = std::max(next, MaxId(current_.Of(kind)) + 1);
  return next++;
}

Row* EntityStore::FindHeld(Kind kind, int64_t id) {
  for (Row& row : current_.Of(kind)) {
    if (row.id == id) return &row;
  }
  return nullptr;
}

Status EntityStore::Add(Kind kind, Row row, std::optional<Pending> pending,
                        const Admission& admit) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (added_ >= kMaxRuntimeEntities) {
    return FailedPrecondition("the mock holds " + std::to_string(kMaxRuntimeEntities) +
                              " entities created since the last reset, its limit; "
                              "POST /__mock/reset forgets them");
  }
  if (FindHeld(kind, row.id) != nullptr) {
    return FailedPrecondition(std::string(KindName(kind)) + " " + std::to_string(row.id) +
                              " already exists");
  }
  if (admit) {
    if (Status s = admit(*this); !s.ok()) return s;
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
  std::lock_guard<std::mutex> lock(mutex_);
  Row* row = FindHeld(kind, id);
  if (row == nullptr) return NotFound(std::string(KindName(kind)) + " " + std::to_string(id));
  auto doc = change(*row);
  if (!doc.ok()) return doc.status();
  row->doc = std::move(doc).value();
  return Status();
}

Status EntityStore::Remove(Kind kind, int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& rows = current_.Of(kind);
  auto it = std::find_if(rows.begin(), rows.end(), [id](const Row& r) { return r.id == id; });
  if (it == rows.end()) return NotFound(std::string(KindName(kind)) + " " + std::to_string(id));
  rows.erase(it);
  pending_.erase({kind, id});
  return Status();
}

Status EntityStore::Check(const Admission& check) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return check(*this);
}

std::optional<int64_t> EntityStore::PendingTaskUnlocked(Kind kind, int64_t id) const {
  auto it = pending_.find({kind, id});
  if (it == pending_.end()) return std::nullopt;
  return it->second.task_id;
}

void EntityStore::Reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  current_ = fixtures_;
  pending_.clear();
  added_ = 0;
}

void EntityStore::ReplaceFixtures(EntitySet fixtures) {
  std::lock_guard<std::mutex> lock(mutex_);
  fixtures_ = std::move(fixtures);
  current_ = fixtures_;
  pending_.clear();
  next_id_.clear();
  added_ = 0;
}

}  // namespace mock::entities
