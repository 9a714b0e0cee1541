#include "tools/load/soak/traffic.h"

#include <ctime>
#include <iterator>
#include <stdexcept>

#include <rapidjson/pointer.h>

#include "mock/json/json.h"

namespace soak {
namespace {

const char* const kSoakFaultKinds[] = {"status", "reset", "truncate", "delay", "drip"};

// `epoch_seconds` as an ISO-8601 instant in UTC, its '+' percent-encoded for a query.
std::string QueryInstant(int64_t epoch_seconds) {
  const auto t = static_cast<time_t>(epoch_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000%%2B00:00", &utc);
  return buf;
}

// The SQL pages' window around the mock clock's now (World::sql_window).
std::string SqlWindow(const contract::HttpClient& client) {
  const contract::HttpResult r = client.Send("GET", "/__mock/clock");
  auto doc = mock::json::ParseJson(r.body);
  const rapidjson::Value* millis = nullptr;
  if (r.status == 200 && doc.ok() && doc.value().IsObject()) {
    millis = rapidjson::Pointer("/data/epochMillis").Get(doc.value());
  }
  if (millis == nullptr || !millis->IsInt64())
    throw std::runtime_error("cannot read /__mock/clock");
  const int64_t now = millis->GetInt64() / 1000;
  constexpr int64_t kDay = 86400;
  return "startTime=" + QueryInstant(now - kDay) + "&endTime=" + QueryInstant(now + 30 * kDay);
}

// A metric series grouped by cluster and tenant (docs/monitor.md's example).
constexpr const char* kMetricsWithLabel =
    "/api/v2/monitor/metricsWithLabel?metrics=sql_all_count&groupBy=ob_cluster_name,tenant_name"
    "&labels=app:ob";

// Every page's contents, `size` at a time, through `client`.
std::vector<rapidjson::Document> ReadPages(const contract::HttpClient& client,
                                           const std::string& path) {
  std::vector<rapidjson::Document> pages;
  for (int page = 1; page < 100; ++page) {
    const contract::HttpResult r =
        client.Send("GET", path + "?size=2000&page=" + std::to_string(page));
    auto doc = mock::json::ParseJson(r.body);
    if (r.status != 200 || !doc.ok() || !doc.value().IsObject()) {
      throw std::runtime_error("cannot read " + path);
    }
    const rapidjson::Value* contents = rapidjson::Pointer("/data/contents").Get(doc.value());
    if (contents == nullptr || !contents->IsArray())
      throw std::runtime_error(path + ": no contents");
    for (const auto& item : contents->GetArray()) {
      if (!item.IsObject() || !item.HasMember("id") || !item["id"].IsInt64()) {
        throw std::runtime_error(path + ": an item without an id");
      }
    }
    if (contents->Empty()) break;
    pages.push_back(std::move(doc).value());
  }
  return pages;
}

template <typename T>
const T& Pick(std::mt19937_64& rng, const std::vector<T>& from) {
  return from[rng() % from.size()];
}

std::string Task(int64_t id) { return "/api/v2/tasks/instances/" + std::to_string(id); }

std::string Cluster(int64_t id) { return "/api/v2/ob/clusters/" + std::to_string(id); }

std::string Tenant(const std::pair<int64_t, int64_t>& t) {
  return Cluster(t.first) + "/tenants/" + std::to_string(t.second);
}

// The task pages: lists with random filters, pages and sorts; details; logs.
std::string TaskRead(std::mt19937_64& rng, const World& w) {
  static const char* kStatuses[] = {"RUNNING", "FAILED", "SUCCESSFUL", "RUNNING,FAILED"};
  static const char* kSorts[] = {"", "&sort=name,asc", "&sort=startTime,desc",
                                 "&sort=status&sort=id,asc"};
  const unsigned roll = static_cast<unsigned>(rng() % 10);
  if (roll < 5) {
    return "/api/v2/tasks/instances?page=" + std::to_string(1 + rng() % 20) +
           "&size=" + std::to_string(1 + rng() % 30) + "&status=" + kStatuses[rng() % 4] +
           kSorts[rng() % 4];
  }
  if (roll < 8) return Task(Pick(rng, w.tasks));
  const auto& [t, s] = Pick(rng, w.subtasks);
  return Task(t) + "/subtasks/" + std::to_string(s) + "/log";
}

// The entity families' pages: clusters, tenants, hosts, topology, parameters, tenant objects,
// monitoring, alarms, SQL diagnostics, and the smaller families; one unknown id (a 404).
std::string EntityRead(std::mt19937_64& rng, const World& w) {
  const std::string c = Cluster(Pick(rng, w.clusters));
  const std::string t = Tenant(Pick(rng, w.tenants));
  const std::string h = "/api/v2/compute/hosts/" + std::to_string(Pick(rng, w.hosts));
  const std::string reads[] = {
      "/api/v2/ob/clusters?page=1&size=" + std::to_string(1 + rng() % 10),
      c,
      c + "/tenants",
      "/api/v2/ob/tenants?size=5&page=" + std::to_string(1 + rng() % 3),
      t,
      "/api/v2/compute/hosts?size=" + std::to_string(1 + rng() % 20),
      h,
      "/api/v2/compute/hostTypes",
      c + "/zones",
      c + "/servers",
      c + "/units",
      t + "/units",
      c + "/stats",
      c + "/serverStats",
      c + "/parameters",
      t + "/parameters",
      t + "/databases",
      t + "/users",
      "/api/v2/monitor/metricGroups?type=TOP&scope=CLUSTER",
      std::string(kMetricsWithLabel),
      "/api/v2/alarm/alarms?scope=Host&status=Active",
      "/api/v2/alarm/alarms?page=1&size=20",
      t + "/topSql?" + w.sql_window,
      t + "/slowSql?" + w.sql_window,
      c + "/performance/workload/snapshots",
      "/api/v2/obproxy/clusters",
      "/api/v2/arbitration/services",
      "/api/v2/inspection/overview",
      "/api/v2/info",
      "/api/v2/time",
      "/api/v2/ob/clusters/999999",
  };
  return reads[rng() % std::size(reads)];
}

// A mutation: every task operation on tasks of every state (refused transitions, 400s, are
// correct answers), and parameter changes.
SoakRequest Mutation(std::mt19937_64& rng, const World& w) {
  SoakRequest r;
  r.method = rng() % 6 == 0 ? "PUT" : "POST";
  r.mutation = true;
  if (r.method == "PUT") {
    const bool tenant = rng() % 2 == 0;
    r.target =
        (tenant ? Tenant(Pick(rng, w.tenants)) : Cluster(Pick(rng, w.clusters))) + "/parameters";
    r.body = tenant ? R"([{"name": "ob_query_timeout", "value": ")" +
                          std::to_string(10000000 + rng() % 5 * 1000000) +
                          R"(", "parameterType": "OB_SYSTEM_VARIABLE"}])"
                    : R"([{"name": "memory_limit_percentage", "value": ")" +
                          std::to_string(60 + rng() % 20) + R"("}])";
    return r;
  }
  const unsigned op = static_cast<unsigned>(rng() % 5);
  if (op < 2) {
    r.target = Task(Pick(rng, w.tasks)) + (op == 0 ? "/retry" : "/rollback");
    return r;
  }
  static const char* kSubtaskOps[] = {"/retry", "/skip", "/cancel"};
  const auto& [t, s] = Pick(rng, w.subtasks);
  r.target = Task(t) + "/subtasks/" + std::to_string(s) + kSubtaskOps[op - 2];
  return r;
}

}  // namespace

const char* const kFaultRules = R"({"format": "ocp-mock-faults/1", "faults": [
  {"match": {"query": {"name": "soakFault", "value": "status"}},
   "action": {"type": "status", "status": 503, "code": "SOK00503", "message": "from ocp-soak"}},
  {"match": {"query": {"name": "soakFault", "value": "reset"}}, "action": {"type": "reset"}},
  {"match": {"query": {"name": "soakFault", "value": "truncate"}}, "action": {"type": "truncate"}},
  {"match": {"query": {"name": "soakFault", "value": "delay"}},
   "action": {"type": "delay", "delayMs": {"min": 1, "max": 20}}},
  {"match": {"query": {"name": "soakFault", "value": "drip"}},
   "action": {"type": "drip", "dripMs": 30}}]})";

World Discover(const contract::HttpClient& client) {
  World w;
  for (const auto& page : ReadPages(client, "/api/v2/tasks/instances")) {
    for (const auto& t : page["data"]["contents"].GetArray()) {
      w.tasks.push_back(t["id"].GetInt64());
      if (!t.HasMember("subtasks") || !t["subtasks"].IsArray()) continue;
      for (const auto& s : t["subtasks"].GetArray()) {
        if (s.IsObject() && s.HasMember("id") && s["id"].IsInt64()) {
          w.subtasks.emplace_back(t["id"].GetInt64(), s["id"].GetInt64());
        }
      }
    }
  }
  for (const auto& page : ReadPages(client, "/api/v2/ob/tenants")) {
    for (const auto& t : page["data"]["contents"].GetArray()) {
      if (t.HasMember("clusterId") && t["clusterId"].IsInt64()) {
        w.tenants.emplace_back(t["clusterId"].GetInt64(), t["id"].GetInt64());
      }
    }
  }
  for (const auto& page : ReadPages(client, "/api/v2/ob/clusters")) {
    for (const auto& c : page["data"]["contents"].GetArray())
      w.clusters.push_back(c["id"].GetInt64());
  }
  for (const auto& page : ReadPages(client, "/api/v2/compute/hosts")) {
    for (const auto& h : page["data"]["contents"].GetArray()) w.hosts.push_back(h["id"].GetInt64());
  }
  w.sql_window = SqlWindow(client);
  if (w.tasks.empty() || w.subtasks.empty() || w.tenants.empty() || w.clusters.empty() ||
      w.hosts.empty()) {
    throw std::runtime_error("the mock serves no tasks, subtasks, tenants, clusters or hosts");
  }
  return w;
}

SoakRequest NextRequest(std::mt19937_64& rng, const World& world) {
  const unsigned roll = static_cast<unsigned>(rng() % 100);
  if (roll >= 80) return Mutation(rng, world);
  SoakRequest r;
  r.target = roll < 35 ? TaskRead(rng, world) : EntityRead(rng, world);
  if (rng() % 12 == 0) {
    r.fault = kSoakFaultKinds[rng() % std::size(kSoakFaultKinds)];
    r.target += (r.target.find('?') == std::string::npos ? "?" : "&") + std::string(kFaultParam) +
                "=" + r.fault;
  }
  return r;
}

}  // namespace soak
