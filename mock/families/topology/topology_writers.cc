#include "mock/families/topology/topology_writers.h"

#include <string_view>

#include "mock/entities/topology_json.h"

namespace mock::families::topology {
namespace {

using entities::ClusterTopology;
using entities::Str;

// A member of the cluster's document, when it is a non-empty string.
void CopiedText(json::JsonWriter& w, const ClusterTopology& c, const char* key,
                std::string_view as) {
  const std::string_view v = Str(*c.cluster.doc, key);
  if (!v.empty()) w.Field(as, v);
}

// The resource fields ServerResourceStats and ClusterResourceStats share, in key order around
// the ones each adds (the caller's).
void WriteCpu(json::JsonWriter& w, const ResourceStats& s) {
  w.Field("cpuAssigned", s.cpu_assigned);
  w.Field("cpuAssignedMax", s.cpu_assigned_max);
  w.Field("cpuAssignedMin", s.cpu_assigned_min);
  w.Field("cpuTotal", s.cpu_total);
  w.Field("cpuTotalMax", s.cpu_total_max);
  w.Field("cpuTotalMin", s.cpu_total_min);
  w.Field("dataDiskTotalByte", s.data_disk_total_byte);
  w.Field("dataDiskUsedByte", s.data_disk_used_byte);
}

void WriteDisksAndMemory(json::JsonWriter& w, const ResourceStats& s) {
  w.Field("logDiskAssignedByte", s.log_disk_assigned_byte);
  w.Field("logDiskTotalByte", s.log_disk_total_byte);
  w.Field("logDiskUsedByte", s.log_disk_used_byte);
  w.Field("memoryAssignedByte", s.memory_assigned_byte);
  w.Field("memoryTotalByte", s.memory_total_byte);
}

void WriteUnitConfig(json::JsonWriter& w, const entities::Unit& u, const UnitResources& r) {
  w.Key("unitConfig");
  w.StartObject();
  w.Field("iopsWeight", r.iops_weight);
  w.Field("logDiskSize", r.log_disk_size_gb);
  w.Field("logDiskSizeByte", r.log_disk_byte);
  w.Field("maxCpuCoreCount", u.config.max_cpu);
  w.Field("maxIops", r.iops);
  w.Field("maxMemoryByte", r.max_memory_byte);
  w.Field("maxMemorySize", u.config.max_memory_gb);
  w.Field("minCpuCoreCount", u.config.min_cpu);
  w.Field("minIops", r.iops);
  w.Field("minMemoryByte", r.memory_byte);
  w.Field("minMemorySize", u.config.min_memory_gb);
  w.EndObject();
}

}  // namespace

void WriteZone(json::JsonWriter& w, const ClusterTopology& c, const entities::Zone& zone) {
  const auto count = static_cast<int64_t>(zone.servers.size());
  w.StartObject();
  w.Field("clusterId", c.cluster.id);
  w.Field("compactionStatus", "IDLE");
  CopiedText(w, c, "createTime", "createTime");
  w.Field("hostCount", count);
  w.OptionalField("idcId", zone.idc_id);
  w.OptionalField("idcName", zone.idc);
  w.Field("innerStatus", zone.inner_status);
  w.Field("name", zone.name);
  w.Field("obClusterId", entities::Int(*c.cluster.doc, "obClusterId"));
  w.OptionalField("regionName", zone.region);
  if (zone.root) {
    w.Key("rootServer");
    entities::WriteRootServer(w, c.servers[*zone.root]);
  }
  w.Field("serverCount", count);
  w.Key("servers");
  w.StartArray();
  for (size_t i : zone.servers) entities::WriteServer(w, c.servers[i]);
  w.EndArray();
  w.Field("status", zone.status);
  CopiedText(w, c, Str(*c.cluster.doc, "updateTime").empty() ? "createTime" : "updateTime",
             "updateTime");
  w.EndObject();
}

void WriteUnitInfo(json::JsonWriter& w, const ClusterTopology& c, const entities::Unit& u) {
  const entities::Server& s = c.servers[u.server];
  const UnitResources r = ResourcesOf(u);
  w.StartObject();
  w.Field("dataDiskUsedByte", r.data_disk_used_byte);
  w.Field("logDiskUsedByte", r.log_disk_used_byte);
  w.Field("manualMigrate", false);
  w.Field("migrateOppositeSvrIp", nullptr);
  w.Field("migrateOppositeSvrPort", nullptr);
  w.Field("migrateType", "NOT_IN_MIGRATE");
  w.Field("obTenantId", u.ob_tenant_id);
  w.Field("obUnitId", u.id);
  w.Field("resourcePoolId", u.resource_pool_id);
  w.Field("status", "ACTIVE");
  w.Field("svrIp", s.ip);
  w.Field("svrPort", s.port);
  w.Field("tenantId", u.tenant_id);
  w.Field("tenantName", u.tenant_name);
  WriteUnitConfig(w, u, r);
  w.Field("zone", u.zone);
  w.EndObject();
}

void WriteServerStats(json::JsonWriter& w, const ResourceStats& s, int64_t timestamp) {
  w.StartObject();
  WriteCpu(w, s);
  w.Field("ip", s.ip);
  WriteDisksAndMemory(w, s);
  w.Field("partitionCount", s.partition_count);
  w.Field("port", s.port);
  w.Field("systemMemoryByte", s.system_memory_byte);
  w.Field("timestamp", timestamp);
  w.Field("unitCount", s.unit_count);
  w.Field("zone", s.zone);
  w.EndObject();
}

void WriteClusterStats(json::JsonWriter& w, const ClusterTopology& c, const ResourceStats& sum,
                       int64_t timestamp) {
  const rapidjson::Value& d = *c.cluster.doc;
  w.StartObject();
  w.Field("clusterId", c.cluster.id);
  w.Field("clusterName", Str(d, "name"));
  CopiedText(w, c, "type", "clusterType");
  WriteCpu(w, sum);
  WriteDisksAndMemory(w, sum);
  w.Field("obClusterId", entities::Int(d, "obClusterId"));
  CopiedText(w, c, "syncStatus", "syncStatus");
  w.Field("systemMemoryByte", sum.system_memory_byte);
  w.Field("tenantCount", c.tenant_count);
  w.Field("timestamp", timestamp);
  w.Field("unitCount", sum.unit_count);
  w.EndObject();
}

}  // namespace mock::families::topology
