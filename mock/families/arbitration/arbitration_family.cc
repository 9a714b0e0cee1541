#include "mock/families/arbitration/arbitration_family.h"

#include <algorithm>

#include "mock/entities/pending_statuses.h"
#include "mock/families/arbitration/arbitration_service.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/param_binding.h"
#include "mock/reply/request_body.h"
#include "mock/resources/resource_reply.h"
#include "mock/tasks/task_starter.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using api::Reply;
using arbitration::ArbitrationTaskKind;
using listing::Match;
using listing::SortAs;
using model::TaskStatus;

constexpr const char* kPath = "/api/v2/arbitration/services";

// OCP's recordNotFound (1002 / COM10002) naming the type, as for the mock's other entities; the
// error tables have no arbitration-specific "does not exist" code. Its 404 is what the terraform
// provider reads as "gone".
Status ServiceNotFound(int64_t id) {
  return ocp::OcpError(ocp::ErrorKind::kRecordNotFound,
                       "Path id=" + std::to_string(id) + ": no arbitration service has that id.",
                       {"ARBITRATION_SERVICE", "id=" + std::to_string(id)});
}

Status StatusInvalid(int64_t id, const std::string& status) {
  return ocp::OcpError(ocp::ErrorKind::kArbitrationStatusInvalid,
                       "Arbitration service " + std::to_string(id) + " is " + status +
                           ": its task has not finished.",
                       {std::to_string(id), status});
}

model::Creator CreatorOf(const auth::User* user) {
  return user == nullptr ? model::Creator{100, "admin"} : model::Creator{user->id, user->name};
}

// The hosts visible now (one store at a time: the entity store's lock is let go before the task
// store's is taken), as the OBProxy family finds them.
std::vector<entities::Row> VisibleHosts(entities::EntityStore& entities, tasks::TaskStore& tasks) {
  entities::TaskStatuses snapshot = entities::PendingStatuses(entities, tasks);
  return entities.Rows(entities::Kind::kHost, snapshot);
}

}  // namespace

const resources::ResourceSpec ArbitrationFamily::kSpec{
    "arbitrationServices", "arbitration-services", "arbitration-service", "arbitrationServices"};

ArbitrationFamily::ArbitrationFamily(std::vector<resources::Row> rows,
                                     const json::SchemaSet* schemas,
                                     std::optional<resources::ResourceSource> source,
                                     tasks::TaskStore& tasks, entities::EntityStore& entities,
                                     const tasks::MockClock& clock, Options options)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      // EP-ARB-L's parameters; which fields the keyword searches and the sort keys are the
      // mock's (the page names neither).
      list_{.filters =
                {{"keyword", Match::kContains, {"name", "svrIp", "description"}},
                 {"statusList", Match::kAnyOf, {"status"}, {"RUNNING", "UNAVAILABLE", "STOPPED"}}},
            .sort_keys = {{"id", SortAs::kNumber},
                          {"name", SortAs::kFoldedText},
                          {"hostId", SortAs::kNumber},
                          {"svrIp", SortAs::kText},
                          {"svrPort", SortAs::kNumber},
                          {"status", SortAs::kText},
                          {"createTime", SortAs::kTime},
                          {"updateTime", SortAs::kTime}}},
      tasks_(tasks),
      entities_(entities),
      clock_(clock),
      options_(options) {}

std::vector<api::Route> ArbitrationFamily::OcpRoutes() const {
  // A version without arbitration services has no such paths: they answer as any unknown path.
  if (!options_.served) return {};
  const std::string one = std::string(kPath) + "/{id}";
  return {
      {"GET", kPath, Access::kHostViewer, [this](const Call& c) { return List(c.request.query); }},
      {"POST", kPath, Access::kHostManager,
       [this](const Call& c) { return Create(c.request.body, c.user); }},
      {"GET", one, Access::kHostViewer, [this](const Call& c) { return Get(c.ids[0]); }},
      {"DELETE", one + "/delete", Access::kHostManager,
       [this](const Call& c) { return Delete(c.ids[0], c.user); }}};
}

void ArbitrationFamily::Reset() const {
  ResourceFamily::Reset();
  Forget();
}

StatusOr<api::Family::Commit> ArbitrationFamily::PrepareReload(size_t& count) const {
  auto commit = ResourceFamily::PrepareReload(count);
  if (!commit.ok() || !commit.value()) return commit;
  return Commit{[this, swap = std::move(commit).value()] {
    swap();
    Forget();
  }};
}

void ArbitrationFamily::Forget() const {
  MutexLock lock(mutex_);
  creating_.clear();
  deleting_.clear();
}

std::optional<TaskStatus> ArbitrationFamily::View::Of(int64_t task_id) const {
  auto it = status.find(task_id);
  return it == status.end() ? std::nullopt : it->second;
}

bool ArbitrationFamily::View::Visible(int64_t row_id) const {
  if (auto it = creating.find(row_id);
      it != creating.end() && Of(it->second) != TaskStatus::kSuccessful) {
    return false;
  }
  auto it = deleting.find(row_id);
  return it == deleting.end() || Of(it->second) != TaskStatus::kSuccessful;
}

bool ArbitrationFamily::View::HoldsPort(int64_t row_id) const {
  // A creation still running holds its host and port; one that failed, or whose task is gone,
  // does not.
  if (auto it = creating.find(row_id); it != creating.end()) {
    const auto s = Of(it->second);
    if (!s || *s == TaskStatus::kFailed) return false;
  }
  auto it = deleting.find(row_id);
  return it == deleting.end() || Of(it->second) != TaskStatus::kSuccessful;
}

std::optional<std::string> ArbitrationFamily::View::Busy(int64_t row_id) const {
  if (auto it = creating.find(row_id);
      it != creating.end() && Of(it->second) == TaskStatus::kRunning) {
    return "CREATING";
  }
  if (auto it = deleting.find(row_id);
      it != deleting.end() && Of(it->second) == TaskStatus::kRunning) {
    return "DELETING";
  }
  return std::nullopt;
}

ArbitrationFamily::View ArbitrationFamily::Look() const {
  View view;
  {
    MutexLock lock(mutex_);
    view.creating = creating_;
    view.deleting = deleting_;
  }
  std::vector<int64_t> ids;
  for (const auto& [row, task] : view.creating) ids.push_back(task);
  for (const auto& [row, task] : view.deleting) ids.push_back(task);
  const auto statuses = tasks_.Statuses(ids);  // no lock of ours is held
  for (size_t i = 0; i < ids.size(); ++i) view.status[ids[i]] = statuses[i];
  return view;
}

StatusOr<Reply> ArbitrationFamily::List(const QueryParams& params) const {
  auto query = listing::Bind(list_, params);
  if (!query.ok()) return query.status();
  auto host = query::ParseId(params, "hostId");
  if (!host.ok()) return host.status();
  if (host.value()) query.value().required.push_back({"hostId", *host.value()});
  auto tags = query::ParseIdList(params, "tagIdList");
  if (!tags.ok()) return tags.status();
  // The rows first, then the view: a row the store shows was tied to its task before it showed.
  std::vector<resources::Row> rows = store().Rows();
  const View view = Look();
  std::erase_if(rows, [&](const resources::Row& r) {
    return !view.Visible(r.id) ||
           (!tags.value().empty() && !arbitration::HasAnyTag(*r.doc, tags.value()));
  });
  return resources::ListReply(std::move(rows), query.value());
}

StatusOr<Reply> ArbitrationFamily::Get(int64_t id) const {
  auto row = store().Get(id);
  if (!row || !Look().Visible(id)) return ServiceNotFound(id);
  return resources::RowReply(std::move(*row));
}

StatusOr<Reply> ArbitrationFamily::Create(const std::string& body, const auth::User* user) const {
  if (schemas() == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(body, "create-arbitration-service-request", *schemas());
  if (!doc.ok()) return doc.status();
  auto plan = arbitration::PlanService(doc.value(), VisibleHosts(entities_, tasks_));
  if (!plan.ok()) return plan.status();
  const arbitration::ServicePlan& p = plan.value();
  const View view = Look();
  // Rows added after the view was taken are not in it, and hold their host and port.
  auto unique = [&](const std::vector<resources::Row>& held) -> Status {
    for (const auto& r : held) {
      if (arbitration::HostIdOf(*r.doc) == p.host_id && arbitration::PortOf(*r.doc) == p.port &&
          view.HoldsPort(r.id)) {
        return ocp::OcpError(ocp::ErrorKind::kArbitrationExists,
                             "hostId " + std::to_string(p.host_id) + ", svrPort " +
                                 std::to_string(p.port) + ": arbitration service " +
                                 std::to_string(r.id) + " is there already.",
                             {p.ip, std::to_string(p.port)});
      }
    }
    return Status();
  };
  // Checked before the task starts too, so that a refusal leaves no task behind.
  if (Status s = unique(store().Rows()); !s.ok()) return s;
  const std::string now(model::MakeTimestamp(clock_.NowMs()).text());
  auto task_id = tasks::StartTask(tasks_, [&](int64_t id) {
    return arbitration::ArbitrationTask(ArbitrationTaskKind::kCreate, id, now, CreatorOf(user));
  });
  if (!task_id.ok()) return task_id.status();
  auto task = tasks_.Get(task_id.value());
  auto added = !task.ok() ? StatusOr<resources::Row>(task.status())
                          : store().Add(
                                [&](int64_t id) {
                                  // Under the store's lock, before the row shows: readers take
                                  // the row, then the view.
                                  MutexLock lock(mutex_);
                                  creating_[id] = task_id.value();
                                  return arbitration::MakeService(p, id, now);
                                },
                                unique);
  if (!added.ok()) {
    (void)tasks_.Remove(task_id.value());  // nothing changed
    return added.status();
  }
  return Reply{[task = std::move(task).value(), id = added.value().id,
                quirks = options_.quirks](json::JsonWriter& w) {
    arbitration::WriteArbitrationTask(w, *task, quirks, id);
  }};
}

StatusOr<Reply> ArbitrationFamily::Delete(int64_t id, const auth::User* user) const {
  auto row = store().Get(id);
  const View view = Look();
  if (!row) return ServiceNotFound(id);
  // Before the visibility: a service whose creation runs is not shown, yet OCP holds it.
  if (auto busy = view.Busy(id)) return StatusInvalid(id, *busy);
  if (!view.Visible(id)) return ServiceNotFound(id);
  // The failed deletion this one replaces; 0: none (task ids are positive).
  const int64_t before = view.deleting.count(id) ? view.deleting.at(id) : 0;
  const std::string now(model::MakeTimestamp(clock_.NowMs()).text());
  auto task_id = tasks::StartTask(tasks_, [&](int64_t task) {
    return arbitration::ArbitrationTask(ArbitrationTaskKind::kDelete, task, now, CreatorOf(user));
  });
  if (!task_id.ok()) return task_id.status();
  auto task = tasks_.Get(task_id.value());
  if (task.ok()) {
    MutexLock lock(mutex_);
    auto it = deleting_.find(id);
    if ((it == deleting_.end() ? 0 : it->second) == before) {
      deleting_[id] = task_id.value();
      return Reply{[task = std::move(task).value(), quirks = options_.quirks](json::JsonWriter& w) {
        arbitration::WriteArbitrationTask(w, *task, quirks, std::nullopt);
      }};
    }
  }
  // Another delete got there first (or the task went at once): take this one back.
  (void)tasks_.Remove(task_id.value());
  return StatusInvalid(id, "DELETING");
}

}  // namespace mock::families
