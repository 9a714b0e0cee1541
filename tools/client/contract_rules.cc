#include "tools/client/contract_rules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <regex>
#include <stdexcept>
#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/versions/profile.h"

namespace contract {
namespace {

const char kListPath[] = "/api/v2/tasks/instances";

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A tenant's databases, users, roles and objects (docs/tenant-objects.md), all read: `kind` is
// the segment after the tenant's id, `n` the path's segment count; "" for another path.
std::string TenantObjectSchema(const std::string& kind, size_t n) {
  if (n == 8 && kind == "databases") return "tenant-database-list-response";
  if (n == 8 && kind == "objects") return "tenant-db-object-list-response";
  if (kind == "users") return n == 8 ? "tenant-user-list-response" : "tenant-user-response";
  if (kind == "roles") return n == 8 ? "tenant-role-list-response" : "tenant-role-response";
  return "";
}

// A cluster's topology (docs/topology.md), all read: `seg` the path's segments from
// /api/v2/ob/clusters/{id} on; "" for another path.
std::string TopologySchema(const std::vector<std::string>& seg) {
  const size_t n = seg.size();
  if (n == 6 && seg[5] == "zones") return "ob-zone-list-response";
  if (n == 6 && seg[5] == "servers") return "ob-server-list-response";
  if (n == 8 && seg[5] == "zones" && seg[7] == "servers") return "ob-server-list-response";
  if (n == 6 && seg[5] == "units") return "ob-unit-list-response";
  if (n == 8 && seg[5] == "tenants" && seg[7] == "units") return "ob-tenant-unit-list-response";
  if (n == 6 && seg[5] == "stats") return "cluster-resource-stats-response";
  if (n == 6 && seg[5] == "serverStats") return "server-resource-stats-list-response";
  return "";
}

// A tenant's SQL diagnostics (docs/sql-diagnostics.md), all read: `seg` the path's segments from
// /api/v2 on, under /ob/clusters/{id}/tenants/{tenantId}/; "" for another path.
std::string SqlDiagnosticsSchema(const std::vector<std::string>& seg) {
  const size_t n = seg.size();
  if (n == 8 && (seg[7] == "topSql" || seg[7] == "slowSql")) return "sql-performance-list-response";
  if (n != 10) return "";
  if ((seg[7] == "sqls" || seg[7] == "sql") && seg[9] == "text") return "sql-text-response";
  if ((seg[7] == "sqls" || seg[7] == "sql") && seg[9] == "topPlan") return "sql-plan-list-response";
  return seg[7] == "plans" && seg[9] == "explain" ? "plan-explain-response" : "";
}

// The schema of a 200 answer on the cluster, tenant, host, host-type, workload (AWR) and software
// package pages, or "" for another path.
// The inspection routes' answers (docs/inspection.md), by the path's segments after /api/v2.
std::string InspectionSchema(const std::string& method, const std::vector<std::string>& seg) {
  const size_t n = seg.size();
  if (n == 4 && seg[3] == "task") return "inspection-task-list-response";
  if (n == 4 && seg[3] == "overview") return "inspection-overview-response";
  if (n == 4 && seg[3] == "run") return method == "POST" ? "async-task-response" : "";
  if (n < 5 || seg[3] != "report") return "";
  if (seg[4] == "info") return "inspection-report-info-response";
  return n == 5 ? "inspection-report-response" : "";
}

std::string EntitySchemaFor(const std::string& method, const std::string& path) {
  std::vector<std::string> seg;
  for (size_t at = 1; at <= path.size();) {
    const size_t end = std::min(path.find('/', at), path.size());
    seg.push_back(path.substr(at, end - at));
    at = end + 1;
  }
  const size_t n = seg.size();
  if (n < 3 || seg[0] != "api" || seg[1] != "v2") return "";
  if (seg[2] == "obproxy" && n >= 4 && seg[3] == "clusters") {
    if (n == 4) return method == "POST" ? "obproxy-task-response" : "obproxy-cluster-list-response";
    if (n == 5) return method == "GET" ? "obproxy-cluster-response" : "obproxy-task-response";
    return n == 6 && seg[5] == "parameters" ? "obproxy-parameter-list-response" : "";
  }
  if (seg[2] == "arbitration" && n >= 4 && seg[3] == "services") {
    if (n == 4)
      return method == "POST" ? "arbitration-task-response" : "arbitration-service-list-response";
    if (n == 5) return "arbitration-service-response";
    return n == 6 && seg[5] == "delete" ? "arbitration-task-response" : "";
  }
  if (seg[2] == "software-packages" && n == 3)
    return method == "POST" ? "software-package-response" : "";
  // Metric groups and series (docs/monitor.md).
  if (seg[2] == "monitor" && n == 4 && seg[3] == "metricGroups")
    return "metric-category-list-response";
  if (seg[2] == "monitor" && n == 4 && seg[3] == "metricsWithLabel")
    return "metrics-with-label-response";
  // Alert events (docs/alarms.md).
  if (seg[2] == "alarm" && n == 4 && seg[3] == "alarms") return "alarm-list-response";
  if (seg[2] == "alarm" && n == 5 && seg[3] == "alarms") return "alarm-response";
  // Inspection (docs/inspection.md).
  if (seg[2] == "inspection" && n >= 4) return InspectionSchema(method, seg);
  if (seg[2] == "profiles" && n == 5 && seg[3] == "me" && seg[4] == "credentials")
    return method == "POST" ? "credential-response" : "credential-list-response";
  if (seg[2] == "ob" && n == 5 && seg[3] == "clusters") {
    if (seg[4] == "takeOverPreCheck") return "takeover-precheck-response";
    if (seg[4] == "takeOver") return "async-task-response";
  }
  if (seg[2] == "compute" && n == 4 && seg[3] == "hostTypes")
    return method == "POST" ? "host-type-response" : "host-type-list-response";
  if (seg[2] == "compute" && n >= 4 && seg[3] == "hosts") {
    if (n == 4) return "host-list-response";
    if (n == 5) return seg[4] == "batchCreate" ? "host-tasks-response" : "host-response";
    return "";
  }
  // The explain page's misspelt path (docs/sql-diagnostics.md).
  if (seg[2] == "cluters" && n == 9 && seg[6] == "plans" && seg[8] == "explain")
    return "plan-explain-response";
  if (seg[2] != "ob" || n < 4) return "";
  if (seg[3] == "tenants") return n == 4 ? "tenant-list-response" : "";
  if (seg[3] != "clusters") return "";
  if (n == 4) return method == "POST" ? "ob-cluster-task-response" : "cluster-list-response";
  if (n == 5) return method == "DELETE" ? "ob-cluster-task-response" : "cluster-response";
  if (n == 8 && seg[5] == "performance" && seg[6] == "workload") {
    if (seg[7] == "snapshots") return "workload-snapshot-list-response";
    if (seg[7] == "reports")
      return method == "POST" ? "workload-report-response" : "workload-report-list-response";
  }
  if (std::string topology = TopologySchema(seg); !topology.empty()) return topology;
  // Cluster and tenant parameters (docs/parameters.md): a PUT answers no data.
  if (n == 6 && seg[5] == "parameters")
    return method == "PUT" ? "no-data-response" : "cluster-parameter-list-response";
  if (n == 8 && seg[5] == "tenants" && seg[7] == "parameters")
    return method == "PUT" ? "no-data-response" : "tenant-parameter-list-response";
  if ((n == 8 || n == 10) && seg[5] == "tenants") {
    if (std::string sql = SqlDiagnosticsSchema(seg); !sql.empty()) return sql;
  }
  if ((n == 8 || n == 9) && seg[5] == "tenants") {
    if (std::string objects = TenantObjectSchema(seg[7], n); !objects.empty()) return objects;
  }
  if (seg[5] != "tenants") return "";
  if (n == 6) return method == "POST" ? "tenant-response" : "tenant-list-response";
  if (n == 7 && seg[6] == "createTenant") return "async-task-response";
  if (n == 7) return method == "DELETE" ? "no-data-response" : "tenant-detail-response";
  return n == 8 ? "no-data-response" : "";  // lock, unlock
}

}  // namespace

std::string SchemaFor(const std::string& method, const std::string& target, long status) {
  if (status != 200) return "error-envelope";
  std::string path = target.substr(0, target.find('?'));
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.rfind("/__mock/", 0) == 0) return "envelope";
  if (path == "/api/v2/info") return "info";  // a bare object, documented without the envelope
  if (path == kListPath) return "task-list-response";
  if (std::string entity = EntitySchemaFor(method, path); !entity.empty()) return entity;
  if (path.find("/subtasks/") != std::string::npos) {
    if (EndsWith(path, "/log")) return "subtask-log-response";
    if (EndsWith(path, "/retry")) return "subtask-response";
    return "no-data-response";  // skip, cancel
  }
  return "task-detail-response";  // detail, retry, rollback
}

std::string Encode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(ch);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

bool MessageFits(const std::string& pattern, const std::string& message) {
  std::string regex;
  for (size_t i = 0; i < pattern.size(); ++i) {
    size_t close = pattern.find('}', i);
    if (pattern[i] == '{' && close != std::string::npos && close > i + 1 &&
        pattern.find_first_not_of("0123456789", i + 1) == close) {
      regex += "[\\s\\S]*";
      i = close;
    } else {
      if (std::string_view("\\^$.|?*+()[]{}").find(pattern[i]) != std::string_view::npos) {
        regex += '\\';
      }
      regex += pattern[i];
    }
  }
  return std::regex_match(message, std::regex(regex + "( [\\s\\S]*)?"));
}

const mock::json::SchemaSet& NewestSchemaSet(const std::filesystem::path& schemas_root) {
  using Loaded = std::map<std::string, std::unique_ptr<mock::json::SchemaSet>>;  // by root
  static mock::Mutex mutex;
  static Loaded loaded OCPMOCK_GUARDED_BY(mutex);
  mock::MutexLock lock(mutex);
  auto& slot = loaded[schemas_root.string()];
  if (!slot) {
    auto known = mock::versions::KnownVersions(schemas_root);
    auto profile = mock::versions::LoadProfile(schemas_root, known.empty() ? "" : known.back());
    if (!profile.ok()) throw std::runtime_error(profile.status().message());
    auto s = mock::json::SchemaSet::Load(profile.value().schema_dirs);
    if (!s.ok()) throw std::runtime_error(s.status().message());
    slot = std::make_unique<mock::json::SchemaSet>(std::move(s).value());
  }
  return *slot;
}

}  // namespace contract
