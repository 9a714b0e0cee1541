#include "mock/families/workload/workload_family.h"

#include <algorithm>
#include <charconv>
#include <memory>

#include "mock/entities/created_entities.h"
#include "mock/entities/pending_statuses.h"
#include "mock/families/workload/workload_report.h"
#include "mock/families/workload/workload_snapshots.h"
#include "mock/ocp/error_kinds.h"
#include "mock/resources/resource_reply.h"
#include "mock/tasks/task_starter.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using listing::SortAs;
using resources::Row;
using workload::FindSnapshot;

constexpr char kCluster[] = "/api/v2/ob/clusters/{id}/performance/workload";
// The user guide: the end point is "within 24 hours after the Snapshot Start Point"; snapshots
// are hourly, so 24 snapshots on (counted by id: their fractions of a second differ).
constexpr int64_t kMaxSpan = 24;

Status NotFound(const char* type, const std::string& parameter, std::string sentence) {
  return ocp::OcpError(ocp::ErrorKind::kRecordNotFound, std::move(sentence), {type, parameter});
}

Status SnapshotNotFound(const char* field, int64_t id, int64_t cluster_id) {
  return NotFound("WORKLOAD_SNAPSHOT", std::string(field) + "=" + std::to_string(id),
                  "Cluster " + std::to_string(cluster_id) + " has no snapshot " +
                      std::to_string(id) + " (" + field +
                      "); GET .../workload/snapshots lists "
                      "them.");
}

// The report's status as its task has it (workload_family.h).
const char* ReportStatus(model::TaskStatus task) {
  switch (task) {
    case model::TaskStatus::kRunning:
      return "CREATING";
    case model::TaskStatus::kSuccessful:
      return "SUCCESSFUL";
    case model::TaskStatus::kFailed:
      return "FAILED";
  }
  return "FAILED";
}

}  // namespace

const resources::ResourceSpec WorkloadFamily::kSpec{.name = "workloadReports",
                                                    .folder = "workload-reports",
                                                    .schema = "workload-report",
                                                    .items = "workloadReports",
                                                    .scope = "clusterId"};

WorkloadFamily::WorkloadFamily(std::vector<Row> rows, const json::SchemaSet* schemas,
                               std::optional<resources::ResourceSource> source,
                               const tasks::MockClock& clock, tasks::TaskStore& tasks,
                               const entities::EntityStore& entities)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      list_{.filters = {{"status",
                         listing::Match::kAnyOf,
                         {"status"},
                         {"CREATING", "SUCCESSFUL", "FAILED"}}},
            .sort_keys = {{"id", SortAs::kNumber},
                          {"name", SortAs::kFoldedText},
                          {"beginReportTime", SortAs::kTime},
                          {"endReportTime", SortAs::kTime},
                          {"generateTime", SortAs::kTime}}},
      clock_(clock),
      tasks_(tasks),
      entities_(entities) {}

std::vector<api::Route> WorkloadFamily::OcpRoutes() const {
  const std::string base = kCluster;
  // The docs' prerequisite is "read and write permissions on the specified cluster"; the mock
  // has no per-cluster grants, and its one cluster permission is CLUSTER_VIEWER.
  return {{"GET", base + "/snapshots", Access::kClusterViewer,
           [this](const Call& c) { return Snapshots(c.ids[0], c.request.query); }},
          {"POST", base + "/reports", Access::kClusterViewer,
           [this](const Call& c) { return Create(c.ids[0], c.request, c.user); }},
          {"GET", base + "/reports", Access::kClusterViewer,
           [this](const Call& c) { return List(c.ids[0], c.request.query); }},
          {"GET", base + "/reports/{reportId}", Access::kClusterViewer,
           [this](const Call& c) { return Download(c.ids[0], c.ids[1]); }}};
}

StatusOr<entities::Row> WorkloadFamily::Cluster(int64_t id) const {
  // The statuses of the tasks pending entities wait on, read before the entity store's lock is
  entities::TaskStatuses snapshot = entities::PendingStatuses(entities_, tasks_);
  auto cluster = entities_.Get(entities::Kind::kCluster, id, snapshot);
  if (!cluster) {
    return ocp::OcpError(ocp::ErrorKind::kClusterNotFound,
                         "Path id=" + std::to_string(id) + ": GET /api/v2/ob/clusters lists them.",
                         {std::to_string(id)});
  }
  return std::move(*cluster);
}

StatusOr<api::Reply> WorkloadFamily::Snapshots(int64_t cluster_id,
                                               const QueryParams& params) const {
  auto cluster = Cluster(cluster_id);
  if (!cluster.ok()) return cluster.status();
  int64_t from = 0;
  if (auto it = params.find("snapshotId"); it != params.end() && !it->second.empty()) {
    const std::string& v = it->second;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), from);
    if (ec != std::errc() || end != v.data() + v.size()) {
      return ocp::InvalidParameter(
          "snapshotId", "snapshotId: '" + v.substr(0, 64) + "' is not a 64-bit integer.");
    }
  }
  std::shared_ptr<const std::string> data =
      snapshot_list_.DataOf(workload::SnapshotsAt(clock_.NowMs(), from));
  return api::Reply{[data = std::move(data)](json::JsonWriter& w) { w.RawObject(*data); }};
}

StatusOr<int64_t> WorkloadFamily::StartTask(const TaskBuilder& build) const {
  return tasks::StartTask(tasks_, build);
}

StatusOr<api::Reply> WorkloadFamily::Create(int64_t cluster_id, const http::Request& request,
                                            const auth::User* user) const {
  auto cluster = Cluster(cluster_id);
  if (!cluster.ok()) return cluster.status();
  auto asked = workload::BindReportRequest(request);
  if (!asked.ok()) return asked.status();
  const workload::ReportRequest& r = asked.value();
  const int64_t now = clock_.NowMs();
  const auto start = FindSnapshot(now, r.start_snapshot_id);
  if (!start) return SnapshotNotFound("startSnapshotId", r.start_snapshot_id, cluster_id);
  const auto end = FindSnapshot(now, r.end_snapshot_id);
  if (!end) return SnapshotNotFound("endSnapshotId", r.end_snapshot_id, cluster_id);
  if (end->id <= start->id) {
    // OCP's 1010 / COM10010 "The specified start or end point in time is invalid": the
    // snapshots bound the report's time range (docs/awr-reports.md).
    return ocp::OcpError(ocp::ErrorKind::kTimeRangeInvalid,
                         "endSnapshotId " + std::to_string(end->id) +
                             " must come after startSnapshotId " + std::to_string(start->id) + ".");
  }
  if (end->id - start->id > kMaxSpan) {
    return ocp::OcpError(ocp::ErrorKind::kTimeRangeInvalid,
                         "endSnapshotId " + std::to_string(end->id) +
                             " is more than 24 hours after startSnapshotId " +
                             std::to_string(start->id) + ".");
  }
  const rapidjson::Value& c = *cluster.value().doc;
  const model::Cluster on{cluster_id, std::string(entities::Str(c, "name")),
                          entities::Int(c, "obClusterId"), std::string(entities::Str(c, "type"))};
  const model::Creator creator =
      user == nullptr ? model::Creator{100, "admin"} : model::Creator{user->id, user->name};
  auto task_id = StartTask([&](int64_t id) { return workload::ReportTask(id, on, creator, now); });
  if (!task_id.ok()) return task_id.status();
  workload::NewReport n{.cluster_id = cluster_id,
                        .cluster_name = on.name,
                        .ob_cluster_id = on.ob_cluster_id,
                        .request = r,
                        .begin_ms = start->time_ms,
                        .end_ms = end->time_ms,
                        .now_ms = now,
                        .task_id = task_id.value(),
                        .creator = creator.name};
  auto added = store().Add(
      [&n](int64_t id) {
        n.id = id;
        return workload::NewReportRow(n);
      },
      {});
  if (!added.ok()) {
    (void)tasks_.Remove(task_id.value());  // nothing changed
    return added.status();
  }
  return resources::RowReply(std::move(added).value());
}

std::vector<Row> WorkloadFamily::WithTaskStatus(std::vector<Row> rows) const {
  std::vector<int64_t> ids;
  for (const Row& r : rows) ids.push_back(entities::Int(*r.doc, "taskInstanceId"));
  const auto statuses = tasks_.Statuses(ids);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!statuses[i]) continue;  // no such task: the row's own status
    const char* status = ReportStatus(*statuses[i]);
    if (entities::Str(*rows[i].doc, "status") == status) continue;
    const rapidjson::Document* was = rows[i].doc.get();
    rows[i].doc = entities::WithStatus(rows[i].doc, status);
    // Kept, so the next list copies nothing until the task moves again; every read still
    // compares with the task (a retried task's report follows it).
    store().Refresh(rows[i], was);
  }
  return rows;
}

StatusOr<api::Reply> WorkloadFamily::List(int64_t cluster_id, const QueryParams& params) const {
  auto cluster = Cluster(cluster_id);
  if (!cluster.ok()) return cluster.status();
  // Newest first unless the client sorts: obdiag reads the first page only, and looks there
  // for the report it has just created.
  QueryParams sorted = params;
  if (sorted.find("sort") == sorted.end()) sorted.emplace("sort", "id,desc");
  auto query = listing::Bind(list_, sorted);
  if (!query.ok()) return query.status();
  return resources::ListReply(WithTaskStatus(store().RowsIn(cluster_id)), query.value());
}

StatusOr<api::Reply> WorkloadFamily::Download(int64_t cluster_id, int64_t report_id) const {
  auto cluster = Cluster(cluster_id);
  if (!cluster.ok()) return cluster.status();
  auto row = store().Get(report_id);
  if (!row || entities::Int(*row->doc, "clusterId") != cluster_id) {
    return NotFound("WORKLOAD_REPORT", "id=" + std::to_string(report_id),
                    "Cluster " + std::to_string(cluster_id) + " has no report " +
                        std::to_string(report_id) + "; GET .../workload/reports lists them.");
  }
  std::vector<Row> one{std::move(*row)};
  const Row report = WithTaskStatus(std::move(one)).front();
  const std::string_view status = entities::Str(*report.doc, "status");
  if (status != "SUCCESSFUL") {
    return ocp::BadRequest("report " + std::to_string(report_id) + " is " + std::string(status) +
                           "; only a SUCCESSFUL report can be downloaded");
  }
  api::Reply reply;
  reply.bare_body = workload::ReportHtml(*report.doc);
  reply.content_type = "text/html;charset=UTF-8";
  return reply;
}

}  // namespace mock::families
