#include "mock/entities/topology_json.h"

#include <string>

namespace mock::entities {

namespace {

// A never-stopped server's stopTime: the epoch, as the servers samples write it (§3).
constexpr char kEpoch[] = "1970-01-01T08:00:00+08:00";

}  // namespace

void WriteServer(json::JsonWriter& w, const Server& s) {
  w.StartObject();
  w.Field("clusterId", s.cluster_id);
  w.Field("hostId", s.host_id);
  w.OptionalField("hostTypeName", s.host_type);
  w.Field("id", s.id);
  w.OptionalField("idcName", s.idc);
  w.Field("innerStatus", s.inner_status);
  w.Field("ip", s.ip);
  w.Field("port", s.port);
  w.OptionalField("regionName", s.region);
  w.Field("sqlPort", s.sql_port);
  w.Field("startTime", s.start_time);
  w.Field("status", s.status);
  w.Field("stopTime", kEpoch);
  w.Field("updateTime", s.update_time);
  w.Field("version", s.version);
  w.Field("withRootserver", s.root);
  w.Field("zoneName", s.zone);
  w.EndObject();
}

void WriteRootServer(json::JsonWriter& w, const Server& s) {
  w.StartObject();
  w.Field("address", s.ip + ":" + std::to_string(s.port));
  w.Field("role", s.role);
  w.Field("sql_port", s.sql_port);
  w.EndObject();
}

void WriteTenantUnit(json::JsonWriter& w, const Unit& u, const Server& s) {
  w.StartObject();
  w.Field("id", u.id);
  w.Field("resourcePoolId", u.resource_pool_id);
  w.Field("serverId", s.id);
  w.Field("serverIp", s.ip);
  w.Field("serverPort", s.port);
  w.Field("status", "ACTIVE");
  w.Field("zoneName", u.zone);
  w.EndObject();
}

}  // namespace mock::entities
