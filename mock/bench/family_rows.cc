#include "mock/bench/family_rows.h"

#include <string>
#include <utility>

#include "mock/entities/created_entities.h"
#include "mock/families/arbitration/arbitration_family.h"
#include "mock/families/arbitration/arbitration_service.h"
#include "mock/families/host_types/host_types_family.h"
#include "mock/families/takeover/credentials_family.h"
#include "mock/families/workload/workload_family.h"
#include "mock/families/workload/workload_report.h"
#include "mock/families/workload/workload_snapshots.h"
#include "mock/model/timestamp.h"

namespace mock::bench {
namespace {

using resources::ResourceSpec;
using resources::Row;

constexpr char kTime[] = "2024-03-05T10:20:00.318+08:00";

// "PREFIX-123456" for odd i, "prefix-123456" for even, the number a stable scramble of i.
std::string NameOf(const std::string& prefix, int64_t i) {
  std::string name = prefix;
  if (i % 2 == 1) {
    for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return name + "-" + std::to_string(i * 2654435761 % 1000003);
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

// `made` if it is valid against the row schema of `spec`, else why not.
Status Checked(const Row& made, const ResourceSpec& spec, const json::SchemaSet& schemas) {
  auto violations = schemas.Validate(spec.schema, *made.doc);
  if (violations.empty()) return Status();
  return InvalidArgument(spec.name + " row " + std::to_string(made.id) + ": " +
                         violations.front().path + ": " + violations.front().message);
}

}  // namespace

StatusOr<std::vector<Row>> HostTypeRows(int64_t n, const json::SchemaSet& schemas) {
  std::vector<Row> rows;
  for (int64_t id = 1; id <= n; ++id) {
    const std::string text =
        "{\"id\": " + std::to_string(id) + ", \"name\": " + Quoted(NameOf("host-type", id)) +
        ", \"description\": \"16C 128G, 2 x 3.2T NVMe SSD\", \"createTime\": " + Quoted(kTime) +
        ", \"updateTime\": " + Quoted(kTime) + "}";
    auto row = resources::ParseRow(text, id, families::HostTypesFamily::kSpec, schemas);
    if (!row.ok()) return row.status();
    rows.push_back(std::move(row).value());
  }
  return rows;
}

StatusOr<std::vector<Row>> CredentialRows(int64_t n, const json::SchemaSet& schemas) {
  std::vector<Row> rows;
  for (int64_t id = 1; id <= n; ++id) {
    const bool host = id % 2 == 1;
    const std::string text =
        "{\"id\": " + std::to_string(id) +
        ", \"name\": " + Quoted(NameOf(host ? "ssh-admin" : "ob-root", id)) +
        ", \"targetType\": " + Quoted(host ? "HOST" : "OB") +
        ", \"description\": null, \"sshCredentialProperty\": {\"type\": \"PASSWORD\", "
        "\"username\": \"admin\"}, \"createTime\": " +
        Quoted(kTime) + ", \"updateTime\": " + Quoted(kTime) + "}";
    auto row = resources::ParseRow(text, id, families::CredentialsFamily::kSpec, schemas);
    if (!row.ok()) return row.status();
    rows.push_back(std::move(row).value());
  }
  return rows;
}

StatusOr<std::vector<Row>> ArbitrationRows(const std::vector<entities::Row>& hosts,
                                           const json::SchemaSet& schemas) {
  std::vector<Row> rows;
  for (size_t i = 0; i < hosts.size(); ++i) {
    const families::arbitration::ServicePlan plan{
        .host_id = hosts[i].id,
        .ip = std::string(entities::Str(*hosts[i].doc, "innerIpAddress")),
        .port = 2886,
        .install_path = "/home/admin/oceanbase",
        .run_path = std::nullopt,
        .run_user = "admin",
        .description = "arbitration of " + NameOf("zone", static_cast<int64_t>(i))};
    Row row = families::arbitration::MakeService(plan, static_cast<int64_t>(i) + 1, kTime);
    if (i % 4 == 3) row.doc = entities::WithStatus(row.doc, "STOPPED");
    if (Status s = Checked(row, families::ArbitrationFamily::kSpec, schemas); !s.ok()) return s;
    rows.push_back(std::move(row));
  }
  return rows;
}

StatusOr<Reports> ReportRows(const std::vector<entities::Row>& clusters, int64_t now_ms,
                             const json::SchemaSet& schemas) {
  const std::vector<families::workload::Snapshot> snapshots =
      families::workload::SnapshotsAt(now_ms);
  if (snapshots.size() <= static_cast<size_t>(kReportsPerCluster)) {
    return FailedPrecondition("fewer snapshots than a day's reports need");
  }
  const size_t first = snapshots.size() - static_cast<size_t>(kReportsPerCluster) - 1;
  const model::Creator creator{100, "admin"};
  Reports out;
  int64_t id = 0;
  for (const entities::Row& c : clusters) {
    const model::Cluster cluster{c.id, std::string(entities::Str(*c.doc, "name")),
                                 entities::Int(*c.doc, "obClusterId"),
                                 std::string(entities::Str(*c.doc, "type"))};
    for (size_t k = 0; k < static_cast<size_t>(kReportsPerCluster); ++k) {
      ++id;
      const families::workload::Snapshot& begin = snapshots[first + k];
      const families::workload::Snapshot& end = snapshots[first + k + 1];
      auto task = families::workload::ReportTask(id, cluster, creator, now_ms);
      if (!task.ok()) return task.status();
      out.tasks.push_back(std::move(task).value());
      Row row =
          families::workload::NewReportRow({.id = id,
                                            .cluster_id = cluster.id,
                                            .cluster_name = cluster.name,
                                            .ob_cluster_id = cluster.ob_cluster_id,
                                            .request = {NameOf("awr_report", id), begin.id, end.id},
                                            .begin_ms = begin.time_ms,
                                            .end_ms = end.time_ms,
                                            .now_ms = now_ms,
                                            .task_id = id,
                                            .creator = creator.name});
      if (Status s = Checked(row, families::WorkloadFamily::kSpec, schemas); !s.ok()) return s;
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace mock::bench
