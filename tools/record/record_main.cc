// ocp-record: records a live OCP's tasks as an ocp-mock fixture set. `ocp-record --help`;
// docs/live-checks.md, "Version support".
#include <curl/curl.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "mock/core/data_dir.h"
#include "mock/json/schema_set.h"
#include "mock/versions/profile.h"
#include "tools/compat/checks.h"
#include "tools/record/recorder.h"

namespace {

constexpr int kCouldNotCheck = 3;  // as ocp-compat's and the live suite's

// Whether the server can be recorded at all, asked as ocp-compat asks (compat::CouldNotCheck):
// with Basic credentials, one or two requests; with AK/SK keys alone, no question (the first
// signed request tells). Without either: no credentials.
mock::Status CanRecord(const record::RecordOptions& o) {
  if (o.access_key && o.secret_key && !o.user) return {};
  compat::Target t;
  t.base_url = o.base_url;
  t.user = o.user;
  t.password = o.password;
  t.language = o.language;
  return compat::CouldNotCheck(t);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "ocp-record: pages through a live OCP's task list (and each task's detail and subtask "
      "logs, up to limits) and writes OUT/tasks/recorded.json, a fixture set ocp-mock loads "
      "unchanged. Never writes a password or key. Fields OCP's docs do not list are observations "
      "(one line per field path), not errors. Exit status: 0 recorded; 1 recorded, but some "
      "responses broke the version's schemas otherwise (listed); 2 nothing written; 3 the "
      "server could not be checked at all (no credentials, unreachable, authentication refused, "
      "HTML), said in one line, nothing written."};
  record::RecordOptions o;
  std::string schemas_root = (mock::DataDir(OCPMOCK_SOURCE_FROM_BINARY) / "schemas").string();
  app.add_option("--base-url", o.base_url, "The server, e.g. http://ocp:8080")
      ->envname("OCP_BASE_URL")
      ->required();
  app.add_option("--user", o.user, "Basic user")->envname("OCP_USER");
  app.add_option("--password", o.password, "Basic password (better: OCP_PASSWORD)")
      ->envname("OCP_PASSWORD");
  app.add_option("--access-key", o.access_key, "Sign with AK/SK instead of Basic")
      ->envname("OCP_ACCESS_KEY");
  app.add_option("--secret-key", o.secret_key, "SK (better: OCP_SECRET_KEY)")
      ->envname("OCP_SECRET_KEY");
  app.add_option("--language", o.language, "Accept-Language of every request (\"\" sends none)")
      ->envname("OCP_LANGUAGE")
      ->capture_default_str();
  app.add_option("--out", o.out, "Fixture folder to write (OUT/tasks/recorded.json)")->required();
  app.add_option("--ocp-version", o.ocp_version,
                 "Version whose schemas the responses must meet (default: the newest)");
  app.add_option("--schemas", schemas_root, "Schema folder")->capture_default_str();
  app.add_option("--max-tasks", o.max_tasks, "Most tasks to record")
      ->check(CLI::Range(size_t{1}, size_t{10000000}))
      ->capture_default_str();
  app.add_option("--max-details", o.max_details, "Most task details to fetch")
      ->capture_default_str();
  app.add_option("--max-logs", o.max_logs, "Most subtask logs to fetch")->capture_default_str();
  app.add_option("--page-size", o.page_size, "Tasks per list request (OCP allows 2000)")
      ->check(CLI::Range(size_t{1}, size_t{2000}))
      ->capture_default_str();
  app.add_flag("--anonymise,--anonymize", o.anonymise,
               "Replace cluster, tenant and user names and host addresses, in logs too");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are successes; any usage error is 2, as documented (CLI11's own
    // codes, 106 and the like, mean nothing to a shell script).
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (o.ocp_version.empty()) {
    auto known = mock::versions::KnownVersions(schemas_root);
    o.ocp_version = known.empty() ? "" : known.back();
  }
  auto profile = mock::versions::LoadProfile(schemas_root, o.ocp_version);
  if (!profile.ok()) {
    std::fprintf(stderr, "ocp-record: %s\n", profile.status().message().c_str());
    return 2;
  }
  auto schemas = mock::json::SchemaSet::Load(profile.value().schema_dirs);
  if (!schemas.ok()) {
    std::fprintf(stderr, "ocp-record: %s\n", schemas.status().message().c_str());
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  if (mock::Status why = CanRecord(o); !why.ok()) {  // the verdict ocp-compat gives, and its code
    std::fprintf(stderr, "ocp-record: %s\n", why.message().c_str());
    curl_global_cleanup();
    return kCouldNotCheck;
  }
  auto progress = [](const std::string& line) {
    std::fprintf(stderr, "ocp-record: %s\n", line.c_str());
  };
  mock::StatusOr<record::RecordReport> report = mock::InvalidArgument("");
  try {
    report = record::Record(o, schemas.value(), progress);
  } catch (const std::exception& e) {  // a response shaped beyond what the checks foresaw
    report =
        mock::InvalidArgument(std::string("unexpected response, nothing written: ") + e.what());
  }
  curl_global_cleanup();
  if (!report.ok()) {
    std::fprintf(stderr, "ocp-record: %s\n", report.status().message().c_str());
    return 2;
  }
  const auto& r = report.value();
  std::printf("recorded %zu tasks (%zu with details, %zu subtask logs) to %s\n", r.tasks, r.details,
              r.logs, r.file.c_str());
  if (!r.entity_file.empty()) {
    std::printf("recorded %zu clusters, %zu tenants and %zu hosts to %s\n", r.clusters, r.tenants,
                r.hosts, r.entity_file.c_str());
  }
  for (const auto& n : r.notes) std::printf("note: %s\n", n.c_str());
  for (const auto& x : r.observations) {
    std::printf("observation: not in OCP %s's docs, set aside: %s\n", o.ocp_version.c_str(),
                x.c_str());
  }
  for (const auto& v : r.violations) {
    std::printf("violates OCP %s's schemas: %s\n", o.ocp_version.c_str(), v.c_str());
  }
  std::printf(
      "serve it with: ocp-mock --fixtures %s --ocp-version %s --users FILE (or --no-auth)\n",
      o.out.c_str(), o.ocp_version.c_str());
  return r.violations.empty() ? 0 : 1;
}
