#include "mock/families/clusters/cluster_plan.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/json/json.h"
#include "mock/ocp/error_kinds.h"

namespace mock::families::clusters {
namespace {

using entities::Int;
using entities::Kind;
using entities::Row;
using entities::Str;
using model::TaskStatus;

const Row* FindById(const std::vector<Row>& rows, int64_t id) {
  for (const Row& r : rows) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// "name:obClusterId", how a host's OB_CLUSTER service names its cluster.
std::string ServiceName(const rapidjson::Value& cluster) {
  return std::string(Str(cluster, "name")) + ":" + std::to_string(Int(cluster, "obClusterId"));
}

// The OB_CLUSTER services `host` lists.
std::vector<std::string> ServicesOf(const rapidjson::Value& host) {
  std::vector<std::string> out;
  auto it = host.FindMember("services");
  if (it == host.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& s : it->value.GetArray()) {
    if (s.IsObject() && Str(s, "type") == "OB_CLUSTER") out.emplace_back(Str(s, "name"));
  }
  return out;
}

// The host ids `cluster`'s zones list among their servers.
std::set<int64_t> ServerHosts(const rapidjson::Value& cluster) {
  std::set<int64_t> out;
  auto zones = cluster.FindMember("zones");
  if (zones == cluster.MemberEnd() || !zones->value.IsArray()) return out;
  for (const auto& z : zones->value.GetArray()) {
    auto servers = z.FindMember("servers");
    if (servers == z.MemberEnd() || !servers->value.IsArray()) continue;
    for (const auto& s : servers->value.GetArray()) {
      if (s.IsObject() && s.HasMember("hostId")) out.insert(Int(s, "hostId"));
    }
  }
  return out;
}

// Whether cluster `c` holds its name and hosts: shown, or its creation still running; not once
// its creation failed or its task is gone, nor once its deletion succeeded.
bool Holds(const entities::HeldEntities& held, const entities::TaskStatuses& statuses,
           const Row& c) {
  if (auto task = held.PendingTask(Kind::kCluster, c.id)) {
    const auto status = statuses.Of(*task);
    if (!status || *status == TaskStatus::kFailed) return false;
  }
  if (auto task = held.LeavingTask(Kind::kCluster, c.id))
    return statuses.Of(*task) != TaskStatus::kSuccessful;
  return true;
}

Status HostTaken(const std::string& field, const Row& host, const std::string& cluster) {
  return ocp::InvalidParameter(field, field + ": host " + std::to_string(host.id) + " (" +
                                          std::string(Str(*host.doc, "innerIpAddress")) +
                                          ") serves cluster " + cluster + ".");
}

}  // namespace

std::vector<int64_t> ClusterPlan::HostIds() const {
  std::vector<int64_t> ids;
  for (const Zone& z : zones) {
    for (const Row& h : z.hosts) ids.push_back(h.id);
  }
  return ids;
}

std::string ObVersionOfRpm(const std::string& rpm) {
  size_t from = 0;
  while (from < rpm.size() && !std::isdigit(static_cast<unsigned char>(rpm[from]))) ++from;
  if (from == rpm.size()) return rpm;
  size_t end = from;
  while (end < rpm.size() && rpm[end] != '-' && rpm.compare(end, 3, ".el") != 0 &&
         rpm.compare(end, 4, ".rpm") != 0)
    ++end;
  return rpm.substr(from, end - from);
}

StatusOr<ClusterPlan> PlanCluster(const rapidjson::Value& body, const std::vector<Row>& hosts) {
  ClusterPlan plan;
  plan.name = Str(body, "name");
  plan.type = Str(body, "type");
  plan.rpm_name = Str(body, "rpmName");
  plan.ob_version = ObVersionOfRpm(plan.rpm_name);
  std::set<int64_t> seen;
  const rapidjson::Value& zones = body["zones"];
  for (rapidjson::SizeType i = 0; i < zones.Size(); ++i) {
    const std::string at = "zones[" + std::to_string(i) + "]";
    ClusterPlan::Zone zone{
        std::string(Str(zones[i], "name")), std::string(Str(zones[i], "idcName")), {}, {}};
    for (const ClusterPlan::Zone& z : plan.zones) {
      if (z.name == zone.name)
        return ocp::InvalidParameter(at + ".name",
                                     at + ".name: zone \"" + zone.name + "\" is named twice.");
    }
    const rapidjson::Value& servers = zones[i]["servers"];
    for (rapidjson::SizeType j = 0; j < servers.Size(); ++j) {
      const std::string field = at + ".servers[" + std::to_string(j) + "]";
      const int64_t id = servers[j].GetInt64();
      const Row* host = FindById(hosts, id);
      if (host == nullptr) {
        return ocp::InvalidParameter(field, field + ": no host has id " + std::to_string(id) +
                                                " (GET /api/v2/compute/hosts lists them).");
      }
      if (!seen.insert(id).second)
        return ocp::InvalidParameter(field,
                                     field + ": host " + std::to_string(id) + " is listed twice.");
      if (Str(*host->doc, "status") == "OFFLINE")
        return ocp::InvalidParameter(field,
                                     field + ": host " + std::to_string(id) + " is OFFLINE.");
      zone.hosts.push_back(*host);
      zone.fields.push_back(field);
    }
    plan.zones.push_back(std::move(zone));
  }
  return plan;
}

std::string WithZoneRpmName(const std::string& body) {
  auto doc = json::ParseJson(body);
  if (!doc.ok() || !doc.value().IsObject() || doc.value().HasMember("rpmName")) return body;
  rapidjson::Document& d = doc.value();
  auto zones = d.FindMember("zones");
  if (zones == d.MemberEnd() || !zones->value.IsArray() || zones->value.Empty()) return body;
  for (const auto& z : zones->value.GetArray()) {
    if (!z.IsObject() || !z.HasMember("rpmName") || !z["rpmName"].IsString()) return body;
  }
  rapidjson::Value rpm(zones->value[0]["rpmName"], d.GetAllocator());
  d.AddMember("rpmName", rpm, d.GetAllocator());
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> w(out);
  d.Accept(w);
  return out.GetString();
}

entities::NewCluster NewClusterOf(const ClusterPlan& plan, int64_t ob_cluster_id,
                                  const std::string& creator, const std::string& now) {
  entities::NewCluster c;
  c.name = plan.name;
  c.ob_cluster_id = ob_cluster_id;
  c.ob_version = plan.ob_version;
  c.type = plan.type;
  c.creator = creator;
  c.now = now;
  for (const ClusterPlan::Zone& z : plan.zones) {
    entities::NewCluster::Zone zone{z.name, z.idc_name, {}, {}};
    for (const Row& h : z.hosts) {
      if (zone.region_name.empty()) zone.region_name = Str(*h.doc, "regionName");
      zone.servers.push_back({h.id, std::string(Str(*h.doc, "innerIpAddress"))});
    }
    c.zones.push_back(std::move(zone));
  }
  return c;
}

entities::EntityStore::Admission MayCreate(const ClusterPlan& plan,
                                           const entities::TaskStatuses& statuses) {
  return [&plan, &statuses](const entities::HeldEntities& held) -> Status {
    std::map<int64_t, std::string> serving;      // host id -> the cluster it serves
    std::map<std::string, std::string> service;  // "name:obClusterId" -> the cluster
    for (const Row& c : held.Rows(Kind::kCluster)) {
      if (!Holds(held, statuses, c)) continue;
      const std::string which =
          "\"" + std::string(Str(*c.doc, "name")) + "\" (id " + std::to_string(c.id) + ")";
      if (Str(*c.doc, "name") == plan.name) {
        return ocp::OcpError(ocp::ErrorKind::kClusterExists,
                             "name: a cluster named " + which + " exists already.");
      }
      for (int64_t host : ServerHosts(*c.doc)) serving.emplace(host, which);
      service.emplace(ServiceName(*c.doc), which);
    }
    for (const ClusterPlan::Zone& z : plan.zones) {
      for (size_t k = 0; k < z.hosts.size(); ++k) {
        if (auto it = serving.find(z.hosts[k].id); it != serving.end())
          return HostTaken(z.fields[k], z.hosts[k], it->second);
        for (const std::string& name : ServicesOf(*z.hosts[k].doc)) {
          if (auto it = service.find(name); it != service.end())
            return HostTaken(z.fields[k], z.hosts[k], it->second);
        }
      }
    }
    return Status();
  };
}

entities::EntityStore::Admission NextObClusterId(int64_t& out) {
  return [&out](const entities::HeldEntities& held) -> Status {
    out = 0;
    for (const Row& c : held.Rows(Kind::kCluster)) out = std::max(out, Int(*c.doc, "obClusterId"));
    ++out;
    return Status();
  };
}

entities::EntityStore::Admission NotLeaving(int64_t id, const entities::TaskStatuses& statuses) {
  return [id, &statuses](const entities::HeldEntities& held) -> Status {
    auto task = held.LeavingTask(Kind::kCluster, id);
    if (task && statuses.Of(*task) == TaskStatus::kRunning) {
      return ocp::BadRequest("cluster " + std::to_string(id) + " is being deleted by task " +
                             std::to_string(*task) + ".");
    }
    return Status();
  };
}

std::vector<int64_t> HostsOf(const rapidjson::Value& cluster, const std::vector<Row>& hosts) {
  std::set<int64_t> ids = ServerHosts(cluster);
  const std::string name = ServiceName(cluster);
  for (const Row& h : hosts) {
    const auto services = ServicesOf(*h.doc);
    if (std::find(services.begin(), services.end(), name) != services.end()) ids.insert(h.id);
  }
  return {ids.begin(), ids.end()};
}

}  // namespace mock::families::clusters
