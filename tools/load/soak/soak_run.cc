#include "tools/load/soak/soak_run.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <thread>

#include "tools/client/contract_rules.h"
#include "tools/client/mock_process.h"

namespace soak {
namespace {

namespace fs = std::filesystem;
using SoakClock = std::chrono::steady_clock;

long ResidentKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

contract::HttpClient AdminOf(const contract::MockProcess& mock) {
  return contract::HttpClient(mock.base_url(), std::string(contract::kAdminUser),
                              std::string(contract::kAdminPassword));
}

// A client: the mix until `until`, every answer judged.
void RunClient(const contract::MockProcess& mock, const World& world,
               const mock::json::SchemaSet& schemas, Controller& controller, Ledger& ledger,
               SoakClock::time_point until, unsigned seed) {
  const contract::HttpClient client = AdminOf(mock);
  std::mt19937_64 rng(seed);
  while (SoakClock::now() < until) {
    const SoakRequest request = NextRequest(rng, world);
    if (request.mutation) {
      controller.SendMutation(client, request);
      continue;
    }
    const contract::HttpResult r = client.Send(request.method, request.target);
    const std::string error = JudgeAnswer(request, r, schemas);
    ledger.Answer(r.status, request.fault,
                  error.empty() ? "" : request.method + " " + request.target + ": " + error);
  }
}

// The controller's epochs until `until`; the last epoch is always ended (checked and reset).
// The first epoch ends with a fixture reload, and so does the first to end kReloadPeriod or more
// after the last reload; the others with a reset. The first reload comes early because a reload
// holds the old data and the new side by side for a moment, and the allocator keeps that peak
// (about 10 MiB over the bundled set): it must fall in the warm-up half that the growth check
// does not judge (growth.h). Each later reload adds a smaller step (docs/robustness.md, "Soak"),
// which the judged half of a 10-minute run holds three or four of; a short run, one at most.
void RunController(Controller& controller, int epoch_seconds, SoakClock::time_point until) {
  constexpr auto kReloadPeriod = std::chrono::seconds(90);
  std::optional<SoakClock::time_point> last_reload;
  while (SoakClock::now() + std::chrono::seconds(1) < until) {
    controller.StartEpoch();
    for (int tick = 1; tick < epoch_seconds; ++tick) {
      // Pacing the epoch in real time (the load runs meanwhile), not waiting for a state.
      std::this_thread::sleep_until(std::min(until, SoakClock::now() + std::chrono::seconds(1)));
      if (SoakClock::now() >= until) break;
      controller.Tick(tick);
    }
    const bool reload = !last_reload || SoakClock::now() - *last_reload >= kReloadPeriod;
    if (reload) last_reload = SoakClock::now();
    controller.EndEpoch(reload);
  }
}

// The mock's life: started with `faults_file`, loaded until the end, stopped with SIGTERM.
void LoadMock(const SoakOptions& o, const fs::path& faults_file, Ledger& ledger,
              SoakResult& result) {
  const auto& schemas = contract::NewestSchemaSet(fs::path(o.source_dir) / "schemas");
  contract::MockProcess mock(
      o.mock_binary, {"--time-scale", "60", "--seed", "1", "--fixtures", o.source_dir + "/fixtures",
                      "--faults", faults_file.string()});
  const contract::HttpClient admin = AdminOf(mock);
  const World world = Discover(admin);
  Controller controller(admin, schemas, world, ledger);
  const auto start = SoakClock::now();
  const auto until = start + std::chrono::seconds(o.seconds);
  std::vector<std::thread> threads;
  for (int c = 0; c < o.clients; ++c) {
    threads.emplace_back(RunClient, std::cref(mock), std::cref(world), std::cref(schemas),
                         std::ref(controller), std::ref(ledger), until,
                         101u + static_cast<unsigned>(c));
  }
  threads.emplace_back(RunController, std::ref(controller), result.epoch_seconds, until);
  for (auto next = start; next < until; next += std::chrono::milliseconds(result.sample_ms)) {
    std::this_thread::sleep_until(next);  // the sampling period, not a wait for a state
    const Ledger::Counts counts = ledger.Read();
    result.samples.push_back({std::chrono::duration<double>(SoakClock::now() - start).count(),
                              counts.requests, counts.errors, ResidentKb(mock.pid())});
  }
  for (auto& t : threads) t.join();
  result.samples.push_back({std::chrono::duration<double>(SoakClock::now() - start).count(),
                            ledger.Read().requests, ledger.Read().errors, ResidentKb(mock.pid())});
  result.seconds = std::chrono::duration<double>(SoakClock::now() - start).count();
  result.activity = controller.activity();
  const int status = mock.Stop();
  result.clean_exit = WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

int SamplePeriodMs(int seconds) { return std::clamp(seconds * 1000 / 120, 500, 5000); }

int EpochSeconds(int seconds) { return std::clamp(seconds / 10, 5, 30); }

SoakResult RunSoak(const SoakOptions& o) {
  SoakResult result;
  result.sample_ms = SamplePeriodMs(o.seconds);
  result.epoch_seconds = EpochSeconds(o.seconds);
  const fs::path faults_file =
      fs::temp_directory_path() / ("ocp-soak-faults-" + std::to_string(getpid()) + ".json");
  std::ofstream(faults_file) << kFaultRules;
  Ledger ledger;
  try {
    LoadMock(o, faults_file, ledger, result);
  } catch (...) {
    fs::remove(faults_file);
    throw;
  }
  fs::remove(faults_file);
  result.counts = ledger.Read();
  std::vector<RssSample> rss;
  for (const Sample& s : result.samples) rss.push_back({s.seconds, s.rss_kb});
  result.growth = JudgeGrowth(rss);
  return result;
}

}  // namespace soak
