#include "mock/bench/family_bench.h"

#include <benchmark/benchmark.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mock/bench/family_rows.h"
#include "mock/entities/entity_store.h"
#include "mock/families/arbitration/arbitration_family.h"
#include "mock/families/host_types/host_types_family.h"
#include "mock/families/takeover/credentials_family.h"
#include "mock/families/workload/workload_family.h"
#include "mock/families/workload/workload_snapshots.h"
#include "mock/http/message.h"
#include "mock/json/json_writer.h"
#include "mock/reply/family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::bench {
namespace {

// What the families read, kept alive for the benchmarks, which run after registration returns.
// Declared in the order they are built: the families, last, go first.
struct World {
  tasks::MockClock clock{0};  // frozen: the snapshots and the reports' tasks stay as built
  std::unique_ptr<tasks::TaskStore> tasks;          // the reports' tasks, nothing else
  std::unique_ptr<entities::EntityStore> entities;  // the clusters, nothing else
  int64_t report_count = 0;
  std::unique_ptr<families::HostTypesFamily> host_types;
  std::unique_ptr<families::CredentialsFamily> credentials;
  std::unique_ptr<families::WorkloadFamily> workload;
  std::unique_ptr<families::ArbitrationFamily> arbitration;
};

// One benchmark: a family's GET route, the request it answers, and what the answer must hold.
struct Case {
  std::string name;  // "families/..."
  const api::Family* family = nullptr;
  std::string pattern;       // the route's
  std::string target;        // the request-target
  std::vector<int64_t> ids;  // the pattern's {...} segments
  int64_t total = 0;         // page.totalElements; not paged: the rows listed
  bool paged = true;
};

// The route of `c`'s family that answers GET c.pattern.
const api::Route* FindRoute(const std::vector<api::Route>& routes, const Case& c) {
  for (const api::Route& r : routes) {
    if (r.method == "GET" && r.pattern == c.pattern) return &r;
  }
  return nullptr;
}

// What a request costs below HTTP: the handler, then its data written as JSON.
Status Answer(const api::Route& route, const api::Call& call, rapidjson::StringBuffer& buf) {
  auto reply = route.handler(call);
  if (!reply.ok()) return reply.status();
  json::JsonWriter w(buf);
  reply.value().write_data(w);
  return Status();
}

// Runs `c` once and checks its answer: contents a page of up to 10 (not paged: every row) and
// the total `c` expects.
Status Check(const Case& c, const api::Route& route, const api::Call& call) {
  if (c.total == 0) {
    return FailedPrecondition("nothing to list: the fixtures have no hosts or clusters");
  }
  rapidjson::StringBuffer buf;
  if (Status s = Answer(route, call, buf); !s.ok()) return s;
  rapidjson::Document doc;
  doc.Parse(buf.GetString(), buf.GetSize());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("contents") ||
      !doc["contents"].IsArray()) {
    return InternalError("the answer is not a list: " +
                         std::string(buf.GetString()).substr(0, 200));
  }
  const auto listed = static_cast<int64_t>(doc["contents"].Size());
  int64_t total = listed;
  if (c.paged) {
    if (!doc.HasMember("page") || !doc["page"].IsObject()) return InternalError("no page");
    total = doc["page"]["totalElements"].GetInt64();
    if (listed != std::min<int64_t>(total, 10)) {
      return InternalError("a page of " + std::to_string(listed) + " rows of " +
                           std::to_string(total));
    }
  }
  if (total != c.total) {
    return InternalError(std::to_string(total) + " rows, expected " + std::to_string(c.total));
  }
  return Status();
}

// Registers `c`, which reads `world`.
Status Register(const Case& c, const std::shared_ptr<const World>& world) {
  auto routes = std::make_shared<const std::vector<api::Route>>(c.family->Routes());
  const api::Route* route = FindRoute(*routes, c);
  if (route == nullptr) return NotFound("no route GET " + c.pattern);
  auto request = http::MakeRequest("GET", c.target);
  if (!request.ok()) return request.status();
  auto held = std::make_shared<const http::Request>(std::move(request).value());
  if (Status s = Check(c, *route, api::Call{*held, c.ids}); !s.ok()) return s;
  benchmark::RegisterBenchmark(c.name.c_str(),
                               [world, routes, route, held, ids = c.ids](benchmark::State& state) {
                                 const api::Call call{*held, ids};
                                 for (auto _ : state) {
                                   rapidjson::StringBuffer buf;
                                   benchmark::DoNotOptimize(Answer(*route, call, buf));
                                   benchmark::DoNotOptimize(buf.GetString());
                                 }
                               });
  return Status();
}

// How many of `hosts` have `fragment` in their address: the services the keyword finds (a
// service's name is "ip:port", its svrIp the host's, its description holds no address).
int64_t WithAddress(const std::vector<entities::Row>& hosts, const std::string& fragment) {
  int64_t n = 0;
  for (const entities::Row& h : hosts) {
    n += entities::Str(*h.doc, "innerIpAddress").find(fragment) != std::string_view::npos;
  }
  return n;
}

// The families over rows sized by `set`, each with its stores; null after printing why not.
std::shared_ptr<World> Build(const entities::EntitySet& set, const json::SchemaSet& schemas) {
  auto world = std::make_shared<World>();
  const int64_t now = world->clock.NowMs();
  auto types = HostTypeRows(static_cast<int64_t>(set.hosts.size()), schemas);
  auto credentials = CredentialRows(static_cast<int64_t>(set.hosts.size()), schemas);
  auto services = ArbitrationRows(set.hosts, schemas);
  auto reports = ReportRows(set.clusters, now, schemas);
  for (const Status& s :
       {types.status(), credentials.status(), services.status(), reports.status()}) {
    if (!s.ok()) return std::fprintf(stderr, "families: %s\n", s.message().c_str()), nullptr;
  }
  world->report_count = static_cast<int64_t>(reports.value().rows.size());
  world->tasks = std::make_unique<tasks::TaskStore>(std::move(reports.value().tasks), world->clock);
  world->entities = std::make_unique<entities::EntityStore>(
      entities::EntitySet{.clusters = set.clusters, .tenants = {}, .hosts = {}});
  // The reports' tasks (three subtasks of 5 s) are done a minute on: each list reads them
  // SUCCESSFUL while the rows stay CREATING, as for reports a POST made.
  world->clock.Advance(60'000);
  const std::optional<resources::ResourceSource> none;  // reloads read nothing
  world->host_types = std::make_unique<families::HostTypesFamily>(std::move(types).value(),
                                                                  &schemas, none, world->clock);
  world->credentials = std::make_unique<families::CredentialsFamily>(std::move(credentials).value(),
                                                                     &schemas, none, world->clock);
  world->workload =
      std::make_unique<families::WorkloadFamily>(std::move(reports.value().rows), &schemas, none,
                                                 world->clock, *world->tasks, *world->entities);
  world->arbitration = std::make_unique<families::ArbitrationFamily>(
      std::move(services).value(), &schemas, none, *world->tasks, *world->entities, world->clock,
      families::ArbitrationFamily::Options{});
  return world;
}

// Each list's default first page, its filters, and its sort by name, descending; the totals
// each must answer (the rows' makers, family_rows.h, fix them).
std::vector<Case> Cases(const World& w, const entities::EntitySet& set) {
  const auto hosts = static_cast<int64_t>(set.hosts.size());
  const std::string address =
      hosts == 0
          ? "x"
          : std::string(entities::Str(*set.hosts[set.hosts.size() / 2].doc, "innerIpAddress"));
  const int64_t cluster = set.clusters.empty() ? 1 : set.clusters[set.clusters.size() / 2].id;
  const std::string awr = "/api/v2/ob/clusters/" + std::to_string(cluster) + "/performance/";
  const std::string reports = awr + "workload/reports", snaps = awr + "workload/snapshots";
  const std::string reports_at = "/api/v2/ob/clusters/{id}/performance/workload/reports";
  const std::string snaps_at = "/api/v2/ob/clusters/{id}/performance/workload/snapshots";
  const auto snapshots = families::workload::SnapshotsAt(w.clock.NowMs());
  const std::string day_ago = std::to_string(snapshots.empty() ? 0 : snapshots.back().id - 23);
  const auto retained = static_cast<int64_t>(snapshots.size());
  const int64_t own = set.clusters.empty() ? 0 : kReportsPerCluster;
  const std::string types = "/api/v2/compute/hostTypes";
  const std::string box = "/api/v2/profiles/me/credentials";
  const std::string arb = "/api/v2/arbitration/services";
  const api::Family* const t = w.host_types.get();
  const api::Family* const b = w.credentials.get();
  const api::Family* const r = w.workload.get();
  const api::Family* const a = w.arbitration.get();
  const int64_t found = WithAddress(set.hosts, address);
  // clang-format off
  return {
      {"families/host_types", t, types, types, {}, hosts},
      {"families/host_types_sort_name", t, types, types + "?sort=name,desc", {}, hosts},
      {"families/credentials", b, box, box, {}, hosts},
      {"families/credentials_targetType", b, box, box + "?targetType=HOST", {}, (hosts + 1) / 2},
      {"families/credentials_sort_name", b, box, box + "?sort=name,desc", {}, hosts},
      {"families/workload_reports", r, reports_at, reports, {cluster}, own},
      {"families/workload_reports_status", r, reports_at, reports + "?status=SUCCESSFUL",
       {cluster}, own},
      {"families/workload_reports_sort_name", r, reports_at, reports + "?sort=name,desc",
       {cluster}, own},
      {"families/workload_snapshots", r, snaps_at, snaps, {cluster}, retained, false},
      {"families/workload_snapshots_from", r, snaps_at, snaps + "?snapshotId=" + day_ago,
       {cluster}, 24, false},
      {"families/arbitration_services", a, arb, arb, {}, hosts},
      {"families/arbitration_services_status", a, arb, arb + "?statusList=RUNNING", {},
       hosts - hosts / 4},
      {"families/arbitration_services_keyword", a, arb, arb + "?keyword=" + address, {}, found},
      {"families/arbitration_services_sort_name", a, arb, arb + "?sort=name,desc", {}, hosts},
  };
  // clang-format on
}

}  // namespace

bool RegisterFamilyBenchmarks(const entities::EntitySet& set, const json::SchemaSet& schemas) {
  std::shared_ptr<World> world = Build(set, schemas);
  if (world == nullptr) return false;
  for (const Case& c : Cases(*world, set)) {
    if (Status s = Register(c, world); !s.ok()) {
      std::fprintf(stderr, "%s (%s): %s\n", c.name.c_str(), c.target.c_str(), s.message().c_str());
      return false;
    }
  }
  // The row counts, for tools/bench's report.
  const std::string hosts = std::to_string(set.hosts.size());
  benchmark::AddCustomContext("hostTypes", hosts);
  benchmark::AddCustomContext("credentials", hosts);
  benchmark::AddCustomContext("arbitrationServices", hosts);
  benchmark::AddCustomContext("workloadReports", std::to_string(world->report_count));
  benchmark::AddCustomContext(
      "workloadSnapshots",
      std::to_string(families::workload::SnapshotsAt(world->clock.NowMs()).size()));
  return true;
}

}  // namespace mock::bench
