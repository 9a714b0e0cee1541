#include "mock/families/alarms/alarm_conditions.h"

#include <string>

namespace mock::families::alarms {
namespace {

using entities::Bool;
using entities::Int;
using entities::Str;

std::string TenantTarget(std::string_view cluster, std::string_view tenant) {
  return "ob_cluster=" + std::string(cluster) + ":tenant_name=" + std::string(tenant);
}

Alarm TaskAlarm(const model::Task& t, const Vocabulary& words) {
  const std::string operator_name = t.creator.name.empty() ? "admin" : t.creator.name;
  Alarm a{.key = "task:" + std::to_string(t.id), .level = 5};
  a.labels.emplace_back("task_id", std::to_string(t.id));
  if (t.cluster && t.tenant) {
    // ob_tenant_operation_info's templates (§4.3).
    a.app_type = words.ob_app;
    a.alarm_type = "ob_tenant_operation_info";
    a.scope = words.tenant_scope;
    a.target = TenantTarget(t.cluster->name, t.tenant->name);
    a.description = a.target + " " + t.name + " FAILED, operator " + operator_name;
    a.labels.emplace_back("ob_cluster", t.cluster->name);
    a.labels.emplace_back("tenant_name", t.tenant->name);
  } else if (t.cluster) {
    // ob_cluster_operation_info's templates (§4.2).
    a.app_type = words.ob_app;
    a.alarm_type = "ob_cluster_operation_info";
    a.scope = words.cluster_scope;
    a.target = "ob_cluster=" + t.cluster->name;
    a.description =
        "Cluster:" + t.cluster->name + ", Alert: " + t.name + " FAILED, Operator: " + operator_name;
    a.labels.emplace_back("ob_cluster", t.cluster->name);
  } else {
    a.app_type = "OCP";
    a.alarm_type = "ocp_task_failed";  // mock: no documented rule names a task of neither
    a.scope = "Service";
    a.target = "service=OCP:task_id=" + std::to_string(t.id);
    a.description = a.target + " " + t.name + " FAILED, operator " + operator_name;
  }
  a.name = t.name + " FAILED";
  a.summary = a.target + " " + a.name;
  return a;
}

}  // namespace

std::vector<Alarm> HostAlarms(const std::vector<entities::Row>& hosts) {
  std::vector<Alarm> out;
  for (const entities::Row& row : hosts) {
    const rapidjson::Value& h = *row.doc;
    if (Str(h, "status") != "OFFLINE") continue;
    const std::string ip(Str(h, "innerIpAddress"));
    const std::string name(Str(h, "name"));
    // host_unavailable's templates and overview example (§4.1).
    Alarm a{.key = "host:" + std::to_string(row.id),
            .app_type = "OCP",
            .alarm_type = "host_unavailable",
            .name = "The host is unavailable.",
            .scope = "Host",
            .level = 1,
            .target = "service=OCP:svr_ip=" + ip};
    a.summary = a.target + ". " + a.name;
    a.description = "Host: " + ip + ", Alert: " + a.name + " Please check if the " + name +
                    " is reachable, or whether the OCP Agent process is normal.";
    a.labels = {{"host_ip", ip}, {"host_name", name}, {"host_id", std::to_string(row.id)}};
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Alarm> TenantAlarms(const std::vector<entities::Row>& tenants,
                                const Vocabulary& words) {
  std::vector<Alarm> out;
  for (const entities::Row& row : tenants) {
    const rapidjson::Value& t = *row.doc;
    if (!Bool(t, "locked")) continue;
    const std::string cluster(Str(t, "clusterName"));
    const std::string tenant(Str(t, "name"));
    // ob_tenant_operation_info's templates (§4.3): the lock, SUCCESS, while it holds.
    Alarm a{.key = "tenant:" + std::to_string(row.id),
            .app_type = words.ob_app,
            .alarm_type = "ob_tenant_operation_info",
            .name = "Lock tenant SUCCESS",
            .scope = words.tenant_scope,
            .level = 5,
            .target = TenantTarget(cluster, tenant)};
    a.summary = a.target + " " + a.name;
    a.description = a.target + " Lock tenant SUCCESS, operator admin";
    a.labels = {{"ob_cluster", cluster},
                {"tenant_name", tenant},
                {"cluster_id", std::to_string(Int(t, "clusterId"))},
                {"tenant_id", std::to_string(row.id)}};
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Alarm> TaskAlarms(const std::vector<tasks::TaskSnapshot>& failed,
                              const Vocabulary& words) {
  std::vector<Alarm> out;
  out.reserve(failed.size());
  for (const tasks::TaskSnapshot& t : failed) out.push_back(TaskAlarm(*t, words));
  return out;
}

}  // namespace mock::families::alarms
