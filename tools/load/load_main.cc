// ocp-load: bounded, loopback-only load and fault test of ocp-mock (tools/test runs it briefly,
// tools/test --full for 60 s). It checks that under mixed traffic from several clients
// - no request gets a 5xx, a transport error, or a body that breaks its schema, but for those
//   a fault rule answered (about one GET in twelve is marked for a fault: a 503, a dropped or
//   truncated connection, a delay or a drip, from rules loaded with --faults);
// - with the journal full (--journal-size 2000) and faults firing, resident memory stays flat;
// - the server's resident memory stops growing;
// - SIGTERM in the middle of the load ends the server within a second, exit status 0;
// - a restart serves every task the fixtures hold, and the fixture files are unchanged.
//   ocp-load [--seconds N] [--clients C] [--report FILE] [--check-memory]
// Memory is always reported; --check-memory also fails on growth. Use it on long runs of normal
// builds only: allocators warm up at first, and ASan's quarantine grows by design.
#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "mock/core/thread_annotations.h"
#include "mock/json/json.h"
#include "tools/client/contract_rules.h"
#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"

namespace contract {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  int seconds = 60;
  int clients = 4;
  std::string report;
  bool check_memory = false;
};

// The faults the load marks requests for, with the rules that answer them.
const char* const kFaultKinds[] = {"status", "reset", "truncate", "delay", "drip"};
constexpr const char* kFaultRules = R"({"format": "ocp-mock-faults/1", "faults": [
  {"match": {"query": {"name": "loadFault", "value": "status"}},
   "action": {"type": "status", "status": 503, "code": "LOAD503", "message": "from ocp-load"}},
  {"match": {"query": {"name": "loadFault", "value": "reset"}}, "action": {"type": "reset"}},
  {"match": {"query": {"name": "loadFault", "value": "truncate"}}, "action": {"type": "truncate"}},
  {"match": {"query": {"name": "loadFault", "value": "delay"}},
   "action": {"type": "delay", "delayMs": {"min": 1, "max": 20}}},
  {"match": {"query": {"name": "loadFault", "value": "drip"}},
   "action": {"type": "drip", "dripMs": 30}}]})";

// What the clients count, from their threads.
class Totals {
 public:
  struct Counts {
    std::map<long, long> by_status;
    std::map<std::string, long> faults;  // answers a fault rule gave, by kind
    long requests = 0;
    long errors = 0;
    std::vector<std::string> first_errors;
  };
  void AddFault(const std::string& kind, long status, const std::string& error)
      OCPMOCK_EXCLUDES(mutex_) {
    {
      mock::MutexLock lock(mutex_);
      ++counts_.faults[kind];
    }
    if (kind == "status" || kind == "reset" || kind == "truncate") Add(status, error);
  }
  void Add(long status, const std::string& error) OCPMOCK_EXCLUDES(mutex_) {
    mock::MutexLock lock(mutex_);
    ++counts_.requests;
    ++counts_.by_status[status];
    if (error.empty()) return;
    ++counts_.errors;
    if (counts_.first_errors.size() < 5) counts_.first_errors.push_back(error);
  }
  // A copy of the counts so far.
  Counts Read() const OCPMOCK_EXCLUDES(mutex_) {
    mock::MutexLock lock(mutex_);
    return counts_;
  }

 private:
  mutable mock::Mutex mutex_;
  Counts counts_ OCPMOCK_GUARDED_BY(mutex_);
};

long RssKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

std::string FixtureDigest() {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(OCPMOCK_SOURCE_DIR "/fixtures")) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    all += e.path().string() + ":" + std::to_string(std::hash<std::string>{}(s.str())) + ";";
  }
  return std::to_string(std::hash<std::string>{}(all));
}

HttpClient Admin(const MockProcess& mock) {
  return HttpClient(mock.base_url(), std::string(kAdminUser), std::string(kAdminPassword));
}

// Every listed task id; with `logs`, also every (task, subtask) pair, for log requests.
std::set<int64_t> AllIds(const HttpClient& client,
                         std::vector<std::pair<int64_t, int64_t>>* logs = nullptr) {
  std::set<int64_t> ids;
  for (int page = 1; page < 100; ++page) {
    HttpResult r =
        client.Send("GET", "/api/v2/tasks/instances?size=2000&page=" + std::to_string(page));
    auto doc = mock::json::ParseJson(r.body);
    if (r.status != 200 || !doc.ok() || doc.value()["data"]["contents"].Empty()) break;
    for (const auto& t : doc.value()["data"]["contents"].GetArray()) {
      ids.insert(t["id"].GetInt64());
      if (logs == nullptr) continue;
      for (const auto& s : t["subtasks"].GetArray()) {
        logs->emplace_back(t["id"].GetInt64(), s["id"].GetInt64());
      }
    }
  }
  return ids;
}

// One request of the mix; returns the target and method.
using Pairs = std::vector<std::pair<int64_t, int64_t>>;

std::pair<std::string, std::string> NextRequest(std::mt19937_64& rng,
                                                const std::vector<int64_t>& ids,
                                                const Pairs& logs) {
  static const char* kStatuses[] = {"RUNNING", "FAILED", "SUCCESSFUL", "RUNNING,FAILED"};
  static const char* kSorts[] = {"", "&sort=name,asc", "&sort=startTime,desc",
                                 "&sort=status&sort=id,asc"};
  static const char* kNames[] = {"", "&name=tenant", "&name=UPGRADE", "&cluterName=prod"};
  const int64_t id = ids[rng() % ids.size()];
  const std::string task = "/api/v2/tasks/instances/" + std::to_string(id);
  const unsigned roll = static_cast<unsigned>(rng() % 100);
  if (roll < 60) {
    return {"GET", "/api/v2/tasks/instances?page=" + std::to_string(1 + rng() % 30) +
                       "&size=" + std::to_string(1 + rng() % 50) +
                       "&status=" + kStatuses[rng() % 4] + kSorts[rng() % 4] + kNames[rng() % 4]};
  }
  if (roll < 80) return {"GET", task};
  if (roll < 88) {
    const auto& [t, s] = logs[rng() % logs.size()];
    return {"GET", "/api/v2/tasks/instances/" + std::to_string(t) + "/subtasks/" +
                       std::to_string(s) + "/log"};
  }
  if (roll < 99) {
    // Every mutation, on tasks of every state: refused transitions (400) are correct answers.
    const unsigned op = static_cast<unsigned>(rng() % 5);
    if (op == 0) return {"POST", task + "/retry"};
    if (op == 1) return {"POST", task + "/rollback"};
    static const char* kSubtaskOps[] = {"/retry", "/skip", "/cancel"};
    const auto& [t, s] = logs[rng() % logs.size()];
    return {"POST", "/api/v2/tasks/instances/" + std::to_string(t) + "/subtasks/" +
                        std::to_string(s) + kSubtaskOps[op - 2]};
  }
  return {"POST", "/__mock/reset"};  // keeps state (and memory) bounded, as a test suite would
}

void Client(const MockProcess& mock, const std::vector<int64_t>& ids, const Pairs& logs,
            Clock::time_point until, unsigned seed, Totals& totals,
            const std::atomic<bool>& stop_on_error, bool mark_faults) {
  const HttpClient client = Admin(mock);
  const auto& schemas = NewestSchemaSet(OCPMOCK_SOURCE_DIR "/schemas");
  std::mt19937_64 rng(seed);
  for (long n = 0; Clock::now() < until; ++n) {
    auto [method, target] = NextRequest(rng, ids, logs);
    const std::string fault = mark_faults && method == "GET" && rng() % 12 == 0
                                  ? kFaultKinds[rng() % std::size(kFaultKinds)]
                                  : "";
    if (!fault.empty()) {
      target += (target.find('?') == std::string::npos ? "?" : "&") + ("loadFault=" + fault);
    }
    HttpResult r = client.Send(method, target);
    std::string error;
    const bool dropped = fault == "reset" || fault == "truncate";
    if (fault == "status" || dropped) {
      const bool expected =
          dropped ? r.status == 0 : r.status == 503 && r.body.find("LOAD503") != std::string::npos;
      if (!expected) error = "the " + fault + " fault was not answered as its rule says";
      totals.AddFault(fault, r.status, error.empty() ? "" : method + " " + target + ": " + error);
      continue;
    }
    if (!fault.empty()) totals.AddFault(fault, r.status, "");
    if (r.status == 0) {
      error = "transport: " + r.transport_error;
    } else if (r.status >= 500) {
      error = "HTTP " + std::to_string(r.status);
    } else if (n % 25 == 0) {  // schema-check a sample: validation costs more than serving
      auto v = schemas.ValidateText(SchemaFor(method, target, r.status), r.body);
      if (!v.empty()) error = "schema: " + mock::json::Describe(v, 1);
    }
    if (!error.empty()) error = method + " " + target + ": " + error;
    totals.Add(r.status, error);
    if (!error.empty() && stop_on_error) return;
  }
}

int Fail(const std::string& what) {
  std::fprintf(stderr, "ocp-load: FAILED: %s\n", what.c_str());
  return 1;
}

}  // namespace
}  // namespace contract

int main(int argc, char** argv) {
  using namespace contract;
  Options o;
  CLI::App app{"ocp-load: load and faults against ocp-mock; fails on any unexpected answer"};
  app.add_option("--seconds", o.seconds, "How long the load runs")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  app.add_option("--clients", o.clients, "Clients sending requests at once")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--report", o.report, "Also write the summary to this file");
  app.add_flag("--check-memory", o.check_memory,
               "Fail when resident memory grows over the second half of the run");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const std::string digest_before = FixtureDigest();
  const std::vector<std::string> args = {"--time-scale", "60", "--fixtures",
                                         OCPMOCK_SOURCE_DIR "/fixtures"};

  // 1. Mixed load with faults and a journal that fills up, memory sampled twice a second.
  const fs::path faults_file =
      fs::temp_directory_path() / ("ocp-load-faults-" + std::to_string(getpid()) + ".json");
  std::ofstream(faults_file) << kFaultRules;
  std::vector<std::string> load_args = args;
  for (const char* a : {"--journal-size", "2000", "--seed", "1", "--faults"}) {
    load_args.emplace_back(a);
  }
  load_args.push_back(faults_file.string());
  std::set<int64_t> fixture_ids;
  Pairs logs;
  Totals totals;
  std::vector<long> rss;
  double seconds = 0;
  {
    MockProcess mock(OCPMOCK_BINARY, load_args);
    fixture_ids = AllIds(Admin(mock), &logs);
    const std::vector<int64_t> ids(fixture_ids.begin(), fixture_ids.end());
    const auto start = Clock::now();
    const auto until = start + std::chrono::seconds(o.seconds);
    std::atomic<bool> keep_going{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < o.clients; ++c) {
      clients.emplace_back(Client, std::cref(mock), std::cref(ids), std::cref(logs), until,
                           17u + static_cast<unsigned>(c), std::ref(totals), std::cref(keep_going),
                           true);
    }
    while (Clock::now() < until) {
      rss.push_back(RssKb(mock.pid()));
      std::this_thread::sleep_for(std::chrono::milliseconds(500));  // sampling period, not a wait
    }
    for (auto& t : clients) t.join();
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (WEXITSTATUS(mock.Stop()) != 0) return Fail("ocp-mock did not exit cleanly after the load");
  }
  fs::remove(faults_file);
  const long rss_mid = rss.empty() ? 0 : rss[rss.size() / 2];
  const long rss_end = rss.empty() ? 0 : rss.back();
  const long rss_peak = rss.empty() ? 0 : *std::max_element(rss.begin(), rss.end());
  const long growth = rss_end - rss_mid;

  // 2. SIGTERM while clients are busy.
  double stop_seconds = 0;
  int stop_status = -1;
  {
    MockProcess mock(OCPMOCK_BINARY, args);
    const std::vector<int64_t> ids(fixture_ids.begin(), fixture_ids.end());
    Totals ignored;
    std::atomic<bool> stop_on_error{true};
    const auto until = Clock::now() + std::chrono::seconds(3);
    std::vector<std::thread> clients;
    for (int c = 0; c < o.clients; ++c) {
      clients.emplace_back(Client, std::cref(mock), std::cref(ids), std::cref(logs), until,
                           99u + static_cast<unsigned>(c), std::ref(ignored),
                           std::cref(stop_on_error), false);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let the load build up
    const auto t0 = Clock::now();
    stop_status = mock.Stop(SIGTERM);
    stop_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    for (auto& t : clients) t.join();
  }

  // 3. A restart serves every task the fixtures hold; the fixtures were not written.
  std::set<int64_t> after_restart;
  {
    MockProcess mock(OCPMOCK_BINARY, args);
    after_restart = AllIds(Admin(mock));
  }
  const bool fixtures_intact = FixtureDigest() == digest_before;
  const Totals::Counts counted = totals.Read();

  std::ostringstream report;
  report << "load: " << o.clients << " clients, " << static_cast<int>(seconds) << " s, "
         << counted.requests << " requests ("
         << static_cast<long>(static_cast<double>(counted.requests) / seconds) << "/s), "
         << counted.errors << " errors; statuses:";
  for (const auto& [status, n] : counted.by_status) report << " " << status << "x" << n;
  report << "; faults answered:";
  for (const auto& [kind, n] : counted.faults) report << " " << kind << "x" << n;
  report << "\nmemory: RSS at half time " << rss_mid / 1024 << " MiB, at the end " << rss_end / 1024
         << " MiB, peak " << rss_peak / 1024 << " MiB (growth over the second half " << growth
         << " KiB)\nSIGTERM under load: exited in " << static_cast<int>(stop_seconds * 1000)
         << " ms with status " << (WIFEXITED(stop_status) ? WEXITSTATUS(stop_status) : -1)
         << "\nrestart: " << after_restart.size() << " of " << fixture_ids.size()
         << " fixture tasks served; fixture files " << (fixtures_intact ? "unchanged" : "CHANGED")
         << "\n";
  std::printf("%s", report.str().c_str());
  if (!o.report.empty()) std::ofstream(o.report) << report.str();
  for (const std::string& e : counted.first_errors) std::fprintf(stderr, "  %s\n", e.c_str());
  curl_global_cleanup();
  if (counted.errors > 0) return Fail(std::to_string(counted.errors) + " errors");
  if (o.check_memory && growth > std::max<long>(4096, rss_mid / 10)) {
    return Fail("memory kept growing");
  }
  if (!WIFEXITED(stop_status) || WEXITSTATUS(stop_status) != 0 || stop_seconds > 1.0) {
    return Fail("SIGTERM under load did not end the server cleanly within a second");
  }
  if (after_restart != fixture_ids || !fixtures_intact)
    return Fail("the restart lost fixture data");
  std::printf("0 failed\n");
  return 0;
}
