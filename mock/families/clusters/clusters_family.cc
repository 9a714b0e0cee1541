#include "mock/families/clusters/clusters_family.h"

#include "mock/entities/created_entities.h"
#include "mock/entities/operation_tasks.h"
#include "mock/entities/pending_statuses.h"
#include "mock/families/clusters/cluster_plan.h"
#include "mock/families/clusters/cluster_task_json.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"
#include "mock/tasks/task_starter.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using api::Reply;
using entities::Kind;
using entities::Row;

constexpr const char* kPath = "/api/v2/ob/clusters";

model::Creator CreatorOf(const auth::User* user) {
  return user == nullptr ? model::Creator{100, "admin"} : model::Creator{user->id, user->name};
}

Status ClusterNotFound(int64_t id) {
  return ocp::OcpError(ocp::ErrorKind::kClusterNotFound,
                       "Path id=" + std::to_string(id) +
                           ": no cluster has that id (GET /api/v2/ob/clusters lists them).",
                       {std::to_string(id)});
}

Reply TaskReply(tasks::TaskSnapshot task, std::string context, api::Quirks quirks, bool created) {
  return Reply{
      [task = std::move(task), context = std::move(context), quirks, created](json::JsonWriter& w) {
        clusters::WriteClusterTask(w, *task, context, quirks, created);
      }};
}

}  // namespace

std::vector<api::Route> ClustersFamily::Routes() const {
  return {{"POST", kPath, Access::kClusterManager,
           [this](const Call& c) { return Create(c.request.body, c.user); }},
          {"DELETE", std::string(kPath) + "/{id}", Access::kClusterManager,
           [this](const Call& c) { return Delete(c.ids[0], c.user); }}};
}

StatusOr<int64_t> ClustersFamily::StartTask(const tasks::TaskBuilder& build) const {
  // Above every task an entity waits on: one removed since must not come back under its id.
  const std::vector<int64_t> waited = entities_.PendingTaskIds();
  return tasks::StartTask(tasks_, build, waited.empty() ? 0 : waited.back());
}

entities::TaskStatuses ClustersFamily::Statuses() const {
  return entities::PendingStatuses(entities_, tasks_);
}

StatusOr<Reply> ClustersFamily::Create(const std::string& body, const auth::User* user) const {
  if (schemas_ == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(quirks_.zone_rpm_name ? clusters::WithZoneRpmName(body) : body,
                              "create-ob-cluster-request", *schemas_);
  if (!doc.ok()) return doc.status();
  const auto before = Statuses();
  auto plan = clusters::PlanCluster(doc.value(), entities_.Rows(Kind::kHost, before));
  if (!plan.ok()) return plan.status();
  const clusters::ClusterPlan& p = plan.value();
  // Checked before the task starts too, so that a refusal leaves no task behind.
  if (Status s = entities_.Check(clusters::MayCreate(p, before)); !s.ok()) return s;
  int64_t ob_cluster_id = 0;
  (void)entities_.Check(clusters::NextObClusterId(ob_cluster_id));
  const int64_t cluster_id = entities_.NextId(Kind::kCluster);
  const std::string now(model::MakeTimestamp(clock_.NowMs()).text());
  entities::TaskSpec spec;
  spec.start_time = now;
  spec.creator = CreatorOf(user);
  spec.cluster = model::Cluster{cluster_id, p.name, ob_cluster_id, p.type};
  spec.host_ids = p.HostIds();
  auto task_id = StartTask([&spec](int64_t id) {
    spec.task_id = id;
    return entities::CreateClusterTask(spec);
  });
  if (!task_id.ok()) return task_id.status();
  // Hidden until the task succeeds: Pending with no document while it runs.
  const Row cluster{
      cluster_id,
      entities::MakeCluster(clusters::NewClusterOf(p, ob_cluster_id, spec.creator.name, now),
                            cluster_id),
      "created by the API"};
  const auto statuses = Statuses();  // as late as can be
  if (Status s = entities_.Add(Kind::kCluster, cluster, entities::Pending{task_id.value(), nullptr},
                               clusters::MayCreate(p, statuses));
      !s.ok()) {
    (void)tasks_.Remove(task_id.value());  // nothing changed
    return s;
  }
  // Its hosts list it among their services once the task succeeds (a host removed since has
  // nothing to list it in).
  const std::string service = p.name + ":" + std::to_string(ob_cluster_id);
  for (int64_t host : spec.host_ids) {
    (void)entities_.Amend(
        Kind::kHost, host,
        {task_id.value(), [service, version = p.ob_version](const auto& host_doc) {
           return entities::WithClusterService(host_doc, service, version);
         }});
  }
  auto task = tasks_.Get(task_id.value());
  if (!task.ok()) return task.status();
  return TaskReply(std::move(task).value(), clusters::CreateContext(p, cluster_id, ob_cluster_id),
                   quirks_, true);
}

StatusOr<Reply> ClustersFamily::Delete(int64_t id, const auth::User* user) const {
  const auto before = Statuses();
  auto cluster = entities_.Get(Kind::kCluster, id, before);
  if (!cluster) return ClusterNotFound(id);
  if (Status s = entities_.Check(clusters::NotLeaving(id, before)); !s.ok()) return s;
  const rapidjson::Value& c = *cluster->doc;
  const std::vector<int64_t> hosts = clusters::HostsOf(c, entities_.Rows(Kind::kHost, before));
  entities::TaskSpec spec;
  spec.start_time = std::string(model::MakeTimestamp(clock_.NowMs()).text());
  spec.creator = CreatorOf(user);
  spec.cluster =
      model::Cluster{id, std::string(entities::Str(c, "name")), entities::Int(c, "obClusterId"),
                     std::string(entities::Str(c, "type"))};
  spec.host_ids = hosts;
  auto task_id = StartTask([&spec](int64_t task) {
    spec.task_id = task;
    return entities::DeleteClusterTask(spec);
  });
  if (!task_id.ok()) return task_id.status();
  const auto statuses = Statuses();  // as late as can be: a racing deletion's task counts
  Status marked = entities_.MarkLeaving(
      Kind::kCluster, id,
      entities::Leaving{task_id.value(), entities::WithStatus(cluster->doc, "DELETING")},
      clusters::NotLeaving(id, statuses));
  if (!marked.ok()) {
    (void)tasks_.Remove(task_id.value());  // nothing changed
    return marked.code() == StatusCode::kNotFound ? ClusterNotFound(id) : marked;
  }
  // Its hosts no longer list it once the task succeeds.
  const std::string service =
      spec.cluster->name + ":" + std::to_string(spec.cluster->ob_cluster_id);
  for (int64_t host : hosts) {
    (void)entities_.Amend(Kind::kHost, host, {task_id.value(), [service](const auto& host_doc) {
                                                return entities::WithoutService(host_doc, service);
                                              }});
  }
  auto task = tasks_.Get(task_id.value());
  if (!task.ok()) return task.status();
  return TaskReply(std::move(task).value(), clusters::DeleteContext(c, id, hosts), quirks_, false);
}

}  // namespace mock::families
