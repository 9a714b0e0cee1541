// ocp-soak: a long, bounded run of ocp-mock under every surface at once, checked answer by
// answer (tools/soak runs it; docs/robustness.md, "Soak").
//   ocp-soak [--seconds N] [--clients C] [--out DIR]
// Clients send a mix over every family's pages with fault marks (the rules loaded with
// --faults answer them), task mutations and parameter PUTs; a controller changes the mock at
// runtime in epochs (runtime tasks, alarms raised and resolved, slow SQL, metric overrides,
// clock advances, resets and fixture reloads) and checks that every task the soak started
// converges. Every answer is judged (tools/load/soak/checker.h). Requests, errors and the server's
// resident memory are sampled over time into DIR/soak.csv and DIR/soak.svg, and summed up in
// DIR/soak-report.txt. Exit status: 0 when every answer was well-formed, every task converged,
// memory stayed flat over the second half (tools/load/soak/growth.h) and SIGTERM ended the server
// cleanly; 1 otherwise, saying why; 2 on a usage error.
#include <curl/curl.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <CLI/CLI.hpp>

#include "tools/load/soak/soak_run.h"

namespace {

namespace fs = std::filesystem;

std::string Summary(const soak::SoakOptions& o, const soak::SoakResult& r) {
  const auto& c = r.counts;
  const auto& a = r.activity;
  std::ostringstream out;
  out << "soak: " << o.clients << " clients, " << static_cast<int>(r.seconds) << " s, "
      << c.requests << " requests ("
      << static_cast<long>(static_cast<double>(c.requests) / std::max(1.0, r.seconds)) << "/s), "
      << c.errors << " errors\nstatuses:";
  for (const auto& [status, n] : c.by_status) out << " " << status << "x" << n;
  out << "\nfaults answered:";
  for (const auto& [kind, n] : c.faults) out << " " << kind << "x" << n;
  out << "\ncontroller: " << a.epochs << " epochs of " << r.epoch_seconds << " s, "
      << a.runtime_changes << " runtime changes, " << a.clock_advances << " clock advances, "
      << a.resets << " resets, " << a.reloads
      << " reloads; tasks started and converged: " << a.tasks_converged << " of " << a.tasks_checked
      << "\nmemory: RSS at the start " << r.growth.start_kb / 1024 << " MiB, at half time "
      << r.growth.mid_kb / 1024 << " MiB, at the end " << r.growth.end_kb / 1024 << " MiB, peak "
      << r.growth.peak_kb / 1024 << " MiB; " << soak::Describe(r.growth)
      << "\nSIGTERM: " << (r.clean_exit ? "exited with status 0" : "did NOT exit cleanly") << "\n";
  return out.str();
}

// Why the run failed, or "" when it passed.
std::string Verdict(const soak::SoakResult& r) {
  if (r.counts.requests == 0) return "no request was answered";
  if (r.counts.errors > 0) return std::to_string(r.counts.errors) + " errors";
  if (r.activity.tasks_checked == 0) return "the soak started no task: convergence unchecked";
  if (r.growth.growing) return "resident memory kept growing over the second half";
  if (!r.clean_exit) return "ocp-mock did not exit with status 0 on SIGTERM";
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  soak::SoakOptions o;
  o.mock_binary = OCPMOCK_BINARY;
  o.source_dir = OCPMOCK_SOURCE_DIR;
  std::string out_dir = ".";
  CLI::App app{
      "ocp-soak: a long run of ocp-mock with every surface, faults, runtime changes, "
      "reloads and clock advances; fails on any malformed answer, any task that does "
      "not converge, or memory growth"};
  // The last of a repeated option wins: tools/soak passes its defaults first.
  app.add_option("--seconds", o.seconds, "How long the soak runs")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  app.add_option("--clients", o.clients, "Clients sending requests at once")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--out", out_dir, "Where soak.csv, soak.svg and soak-report.txt go")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  soak::SoakResult r;
  try {
    fs::create_directories(out_dir);
    r = soak::RunSoak(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ocp-soak: FAILED: %s\n", e.what());
    return 1;
  }
  curl_global_cleanup();
  const fs::path dir(out_dir);
  const std::string summary = Summary(o, r);
  soak::WriteCsv(dir / "soak.csv", r.samples);
  soak::WriteSvg(dir / "soak.svg", r.samples,
                 "ocp-soak: " + std::to_string(static_cast<int>(r.seconds)) + " s, " +
                     std::to_string(r.counts.requests) + " requests, " +
                     std::to_string(r.counts.errors) + " errors");
  std::ofstream(dir / "soak-report.txt") << summary << soak::Table(r.samples);
  std::printf("%s%s", soak::Table(r.samples).c_str(), summary.c_str());
  for (const std::string& e : r.counts.first_errors) std::fprintf(stderr, "  %s\n", e.c_str());
  std::printf("plot: %s\ndata: %s\n", fs::absolute(dir / "soak.svg").c_str(),
              fs::absolute(dir / "soak.csv").c_str());
  if (const std::string why = Verdict(r); !why.empty()) {
    std::fprintf(stderr, "ocp-soak: FAILED: %s\n", why.c_str());
    return 1;
  }
  std::printf("ocp-soak: passed\n");
  return 0;
}
