#include "mock/families/obproxy/obproxy_family.h"

#include <algorithm>
#include <set>

#include "mock/entities/pending_statuses.h"
#include "mock/families/obproxy/obproxy_cluster.h"
#include "mock/families/obproxy/obproxy_parameters.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"
#include "mock/resources/resource_reply.h"
#include "mock/tasks/task_starter.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using api::Reply;
using model::TaskStatus;
using obproxy::ObproxyTaskKind;

constexpr const char* kPath = "/api/v2/obproxy/clusters";

// OCP's error tables have 21001 / ODP21001 "The OBProxy cluster with the ID {0} does not exist";
// no page says which endpoint answers it, so that is the mock's choice. Its 404 is what the
// terraform provider reads as "gone" (docs/terraform.md).
Status ClusterNotFound(int64_t id) {
  return ocp::OcpError(ocp::ErrorKind::kObproxyClusterNotFound,
                       "Path id=" + std::to_string(id) + ": no OBProxy cluster has that id.",
                       {std::to_string(id)});
}

model::Creator CreatorOf(const auth::User* user) {
  return user == nullptr ? model::Creator{100, "admin"} : model::Creator{user->id, user->name};
}

// The entities of `kind` visible now (one store at a time: the entity store's lock is let go
// before the task store's is taken).
std::vector<entities::Row> Visible(entities::EntityStore& entities, tasks::TaskStore& tasks,
                                   entities::Kind kind) {
  entities::TaskStatuses snapshot = entities::PendingStatuses(entities, tasks);
  return entities.Rows(kind, snapshot);
}

// `created`: the new cluster's id, which --quirks client-ids adds (a creation's answer only).
Reply TaskReply(tasks::TaskSnapshot task, api::Quirks quirks = {},
                std::optional<int64_t> created = std::nullopt) {
  return Reply{[task = std::move(task), quirks, created](json::JsonWriter& w) {
    obproxy::WriteObproxyTask(w, *task, quirks, created);
  }};
}

}  // namespace

const resources::ResourceSpec ObproxyFamily::kSpec{"obproxyClusters", "obproxy-clusters",
                                                   "obproxy-cluster", "obproxyClusters"};

const listing::ListSpec ObproxyFamily::kList{.filters = {},
                                             .sort_keys = {{"id", listing::SortAs::kNumber},
                                                           {"name", listing::SortAs::kFoldedText},
                                                           {"createTime", listing::SortAs::kTime},
                                                           {"updateTime", listing::SortAs::kTime}}};

ObproxyFamily::ObproxyFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                             std::optional<resources::ResourceSource> source,
                             tasks::TaskStore& tasks, entities::EntityStore& entities,
                             const tasks::MockClock& clock, api::Quirks quirks)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      tasks_(tasks),
      entities_(entities),
      clock_(clock),
      quirks_(quirks) {}

std::vector<api::Route> ObproxyFamily::OcpRoutes() const {
  const std::string one = std::string(kPath) + "/{id}";
  return {{"POST", kPath, Access::kAuthenticated,
           [this](const Call& c) { return Create(c.request.body, c.user); }},
          {"GET", kPath, Access::kAuthenticated,
           [this](const Call& c) { return List(c.request.query); }},
          {"GET", one, Access::kAuthenticated, [this](const Call& c) { return Get(c.ids[0]); }},
          {"GET", one + "/parameters", Access::kAuthenticated,
           [this](const Call& c) { return Parameters(c.ids[0]); }},
          {"DELETE", one, Access::kAuthenticated,
           [this](const Call& c) { return Delete(c.ids[0], c.user); }}};
}

void ObproxyFamily::Reset() const {
  ResourceFamily::Reset();
  MutexLock lock(mutex_);
  installing_.clear();
  offlining_.clear();
}

StatusOr<api::Family::Commit> ObproxyFamily::PrepareReload(size_t& count) const {
  auto commit = ResourceFamily::PrepareReload(count);
  if (!commit.ok() || !commit.value()) return commit;
  return Commit{[this, swap = std::move(commit).value()] {
    swap();
    MutexLock lock(mutex_);
    installing_.clear();
    offlining_.clear();
  }};
}

std::optional<TaskStatus> ObproxyFamily::View::Of(int64_t task_id) const {
  auto it = status.find(task_id);
  return it == status.end() ? std::nullopt : it->second;
}

bool ObproxyFamily::View::Visible(int64_t row_id) const {
  if (auto it = installing.find(row_id);
      it != installing.end() && Of(it->second) != TaskStatus::kSuccessful) {
    return false;
  }
  auto it = offlining.find(row_id);
  return it == offlining.end() || Of(it->second) != TaskStatus::kSuccessful;
}

bool ObproxyFamily::View::HoldsName(int64_t row_id) const {
  // An install still running holds its name; one that failed, or whose task is gone, does not.
  if (auto it = installing.find(row_id); it != installing.end()) {
    const auto s = Of(it->second);
    if (!s || *s == TaskStatus::kFailed) return false;
  }
  auto it = offlining.find(row_id);
  return it == offlining.end() || Of(it->second) != TaskStatus::kSuccessful;
}

bool ObproxyFamily::View::Offlining(int64_t row_id) const {
  auto it = offlining.find(row_id);
  return it != offlining.end() && Of(it->second) == TaskStatus::kRunning;
}

ObproxyFamily::View ObproxyFamily::Look() const {
  View view;
  {
    MutexLock lock(mutex_);
    view.installing = installing_;
    view.offlining = offlining_;
  }
  std::vector<int64_t> ids;
  for (const auto& [row, task] : view.installing) ids.push_back(task);
  for (const auto& [row, task] : view.offlining) ids.push_back(task);
  const auto statuses = tasks_.Statuses(ids);  // no lock of ours is held
  for (size_t i = 0; i < ids.size(); ++i) view.status[ids[i]] = statuses[i];
  return view;
}

StatusOr<Reply> ObproxyFamily::Get(int64_t id) const {
  // The row first, then the view: a row the store shows was tied to its task before it showed.
  auto row = store().Get(id);
  if (!row || !Look().Visible(id)) return ClusterNotFound(id);
  return resources::RowReply(std::move(*row));
}

StatusOr<Reply> ObproxyFamily::Parameters(int64_t id) const {
  auto row = store().Get(id);  // then the view, as Get
  if (!row || !Look().Visible(id)) return ClusterNotFound(id);
  return Reply{
      [row = std::move(*row)](json::JsonWriter& w) { obproxy::WriteParameters(w, *row.doc); }};
}

StatusOr<Reply> ObproxyFamily::List(const QueryParams& params) const {
  auto query = listing::Bind(kList, params);
  if (!query.ok()) return query.status();
  // The rows first, then the view, as Get: a row shown was tied to its task before it showed.
  std::vector<resources::Row> rows = store().Rows();
  const View view = Look();
  std::erase_if(rows, [&](const resources::Row& r) { return !view.Visible(r.id); });
  return resources::ListReply(std::move(rows), query.value());
}

StatusOr<tasks::TaskSnapshot> ObproxyFamily::StartTask(
    const std::function<StatusOr<model::Task>(int64_t id)>& make) const {
  auto id = tasks::StartTask(tasks_, make);
  if (!id.ok()) return id.status();
  return tasks_.Get(id.value());
}

StatusOr<Reply> ObproxyFamily::Create(const std::string& body, const auth::User* user) const {
  if (schemas() == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(body, "create-obproxy-cluster-request", *schemas());
  if (!doc.ok()) return doc.status();
  auto plan =
      obproxy::PlanCluster(doc.value(), Visible(entities_, tasks_, entities::Kind::kCluster),
                           Visible(entities_, tasks_, entities::Kind::kHost));
  if (!plan.ok()) return plan.status();
  const std::string& name = plan.value().name;
  const View view = Look();
  // Rows added after the view was taken are not in it, and hold their names.
  auto unique = [&](const std::vector<resources::Row>& held) -> Status {
    for (const auto& r : held) {
      if (obproxy::NameOf(*r.doc) == name && view.HoldsName(r.id)) {
        return ocp::OcpError(ocp::ErrorKind::kNameExists,
                             "An OBProxy cluster named \"" + name + "\" exists already (id " +
                                 std::to_string(r.id) + ").",
                             {"OBPROXY_CLUSTER", "name=" + name});
      }
    }
    return Status();
  };
  // Checked before the task starts too, so that a refused name leaves no task behind.
  if (Status s = unique(store().Rows()); !s.ok()) return s;
  const model::Creator creator = CreatorOf(user);
  const std::string now(model::MakeTimestamp(clock_.NowMs()).text());
  auto task = StartTask([&](int64_t id) {
    return obproxy::ObproxyTask(ObproxyTaskKind::kInstall, id, now, creator);
  });
  if (!task.ok()) return task.status();
  const int64_t task_id = task.value()->id;
  auto added = store().Add(
      [&](int64_t id) {
        // Under the store's lock, before the row shows: readers take the row, then the view.
        MutexLock lock(mutex_);
        installing_[id] = task_id;
        return obproxy::MakeCluster(plan.value(), id, creator, now);
      },
      unique);
  if (!added.ok()) {
    (void)tasks_.Remove(task_id);  // nothing changed
    return added.status();
  }
  return TaskReply(std::move(task).value(), quirks_, added.value().id);
}

StatusOr<Reply> ObproxyFamily::Delete(int64_t id, const auth::User* user) const {
  auto row = store().Get(id);
  const View view = Look();
  if (!row || !view.Visible(id)) return ClusterNotFound(id);
  if (view.Offlining(id)) {
    return ocp::BadRequest("OBProxy cluster " + std::to_string(id) + " is being deleted by task " +
                           std::to_string(view.offlining.at(id)));
  }
  // The failed offline task this one replaces; 0: none (task ids are positive).
  const int64_t before = view.offlining.count(id) ? view.offlining.at(id) : 0;
  const std::string now(model::MakeTimestamp(clock_.NowMs()).text());
  auto task = StartTask([&](int64_t task_id) {
    return obproxy::ObproxyTask(ObproxyTaskKind::kOffline, task_id, now, CreatorOf(user));
  });
  if (!task.ok()) return task.status();
  const int64_t task_id = task.value()->id;
  {
    MutexLock lock(mutex_);
    auto it = offlining_.find(id);
    if ((it == offlining_.end() ? 0 : it->second) == before) {
      offlining_[id] = task_id;
      return TaskReply(std::move(task).value());
    }
  }
  // Another delete got there first: take this one back.
  (void)tasks_.Remove(task_id);
  return ocp::BadRequest("OBProxy cluster " + std::to_string(id) + " is being deleted");
}

}  // namespace mock::families
