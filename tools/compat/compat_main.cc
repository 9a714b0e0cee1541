// ocp-compat: which OCP versions' contracts does a live server meet, and what differs between
// two versions. `ocp-compat --help`; docs/live-checks.md, "Version support".
#include <curl/curl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "mock/core/data_dir.h"
#include "mock/versions/profile.h"
#include "tools/compat/checks.h"
#include "tools/compat/report.h"

namespace {

// Exit statuses (docs/live-checks.md): 0 the server meets a version, 1 it meets none, 2 a usage
// error or a report that cannot be written, 3 the server could not be checked at all.
constexpr int kCouldNotCheck = 3;

struct Options {
  std::string schemas = (mock::DataDir(OCPMOCK_SOURCE_FROM_BINARY) / "schemas").string();
  compat::Target target;
  std::string versions;  // comma-separated; empty: every known version
  std::string junit, markdown;
  std::string from, to;      // diff
  std::string version, out;  // schemas
};

// Written whole or not at all: a crash leaves the previous file.
bool WriteAtomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return false;
    }
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

bool WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty()) return true;
  if (WriteAtomically(path, text)) return true;
  std::fprintf(stderr, "ocp-compat: cannot write %s\n", path.c_str());
  return false;
}

std::vector<std::string> Versions(const Options& o) {
  if (o.versions.empty()) return mock::versions::KnownVersions(o.schemas);
  std::vector<std::string> out;
  std::stringstream in(o.versions);
  for (std::string v; std::getline(in, v, ',');) {
    if (!v.empty()) out.push_back(v);
  }
  return out;
}

int Check(const Options& o) {
  std::map<std::string, compat::Contract> contracts;
  compat::Report report;
  report.base_url = o.target.base_url;
  const auto versions = Versions(o);
  if (versions.empty()) {
    std::fprintf(stderr, "ocp-compat: no version profiles under %s/versions\n", o.schemas.c_str());
    return 2;
  }
  for (const std::string& v : versions) {
    auto c = compat::LoadContract(o.schemas, v);
    if (!c.ok()) {
      std::fprintf(stderr, "ocp-compat: %s\n", c.status().message().c_str());
      return 2;
    }
    contracts.emplace(v, std::move(c).value());
  }
  auto probe = compat::Probe::Run(o.target);
  if (!probe.ok()) {  // nothing to judge: a verdict of its own, in one line, and no report
    std::fprintf(stderr, "ocp-compat: %s\n", probe.status().message().c_str());
    return kCouldNotCheck;
  }
  for (const std::string& v : versions) {
    report.versions.push_back({v, probe.value().Judge(contracts.at(v))});
  }
  compat::Conclude(report, contracts, o.target.strict);
  std::fputs(compat::TextReport(report).c_str(), stdout);
  bool written = WriteOutput(o.junit, compat::JUnitXml(report));
  written = WriteOutput(o.markdown, compat::MarkdownReport(report)) && written;
  if (!written) return 2;
  return report.compatible.empty() ? 1 : 0;
}

int Diff(const Options& o) {
  auto a = compat::LoadContract(o.schemas, o.from);
  auto b = a.ok() ? compat::LoadContract(o.schemas, o.to) : a;
  if (!a.ok() || !b.ok()) {
    std::fprintf(stderr, "ocp-compat: %s\n", (!a.ok() ? a.status() : b.status()).message().c_str());
    return 2;
  }
  std::fputs(compat::DiffReport(a.value(), b.value(), false).c_str(), stdout);
  return WriteOutput(o.markdown, compat::DiffReport(a.value(), b.value(), true)) ? 0 : 2;
}

// Copies `version`'s effective schemas (its folder over its chain over the shared ones) into one
// plain folder, where any JSON Schema tool resolves the `$ref`s by file name.
int ExportSchemas(const Options& o) {
  namespace fs = std::filesystem;
  auto profile = mock::versions::LoadProfile(o.schemas, o.version);
  if (!profile.ok()) {
    std::fprintf(stderr, "ocp-compat: %s\n", profile.status().message().c_str());
    return 2;
  }
  std::error_code ec;
  fs::create_directories(o.out, ec);
  size_t copied = 0;
  std::set<std::string> done;
  for (const fs::path& dir : profile.value().schema_dirs) {
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".schema.json") || !done.insert(name).second) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (!in || !WriteOutput((fs::path(o.out) / name).string(), text.str())) return 2;
      ++copied;
    }
  }
  std::printf("wrote %zu schemas of OCP %s to %s\n", copied, o.version.c_str(), o.out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "ocp-compat: checks a live OCP server against every known OCP version's contract "
      "(read-only requests unless --allow-writes), or compares two versions' contracts."};
  Options o;
  app.require_subcommand(1);
  app.add_option("--schemas", o.schemas, "Schema folder (with versions/<version>/)")
      ->capture_default_str();
  CLI::App* check = app.add_subcommand(
      "check",
      "Check a server. Exit 0: it meets a version; 1: none; 2: usage error or report not "
      "written; 3: could not check (no credentials, unreachable, authentication refused, HTML)");
  check->add_option("--base-url", o.target.base_url, "The server, e.g. http://ocp:8080")
      ->envname("OCP_BASE_URL")
      ->required();
  check->add_option("--user", o.target.user, "Basic user")->envname("OCP_USER");
  check->add_option("--password", o.target.password, "Basic password (better: OCP_PASSWORD)")
      ->envname("OCP_PASSWORD");
  check->add_option("--access-key", o.target.access_key, "AK for the AK/SK check")
      ->envname("OCP_ACCESS_KEY");
  check->add_option("--secret-key", o.target.secret_key, "SK (better: OCP_SECRET_KEY)")
      ->envname("OCP_SECRET_KEY");
  check
      ->add_option("--language", o.target.language,
                   "Accept-Language of every request (\"\" sends none)")
      ->envname("OCP_LANGUAGE")
      ->capture_default_str();
  check
      ->add_flag("--strict", o.target.strict,
                 "Fail on ocp-mock's own rules where OCP's docs are silent (extra fields, "
                 "message wording) instead of listing them as observations")
      ->envname("OCP_STRICT");
  check
      ->add_flag("--allow-writes", o.target.allow_writes,
                 "Also run the write checks: they create two workload reports of the first "
                 "listed cluster and a credential named ocp-compat-... (deleting nothing); "
                 "without it only GET requests are sent and those checks are not run")
      ->envname("OCP_ALLOW_WRITES");
  check->add_option("--versions", o.versions, "Only these versions (comma-separated)");
  check->add_option("--junit", o.junit, "Write JUnit XML here");
  check->add_option("--markdown", o.markdown, "Write a Markdown report here");
  CLI::App* diff = app.add_subcommand("diff", "What a client of FROM notices against TO");
  diff->add_option("from", o.from, "Version the client was written for")->required();
  diff->add_option("to", o.to, "Version of the server")->required();
  diff->add_option("--markdown", o.markdown, "Also write the comparison as Markdown here");
  CLI::App* schemas = app.add_subcommand(
      "schemas", "Write VERSION's schemas into one plain folder, for other JSON Schema tools");
  schemas->add_option("version", o.version, "The version")->required();
  schemas->add_option("--out", o.out, "Folder to write")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are successes; any usage error is 2, as documented (CLI11's own
    // codes, 106 and the like, mean nothing to a shell script).
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (schemas->parsed()) return ExportSchemas(o);
  if (check->parsed()) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int rc = 2;
    try {
      rc = Check(o);
    } catch (const std::exception& e) {  // a response shaped beyond what the checks foresaw
      std::fprintf(stderr, "ocp-compat: unexpected response: %s\n", e.what());
    }
    curl_global_cleanup();
    return rc;
  }
  return Diff(o);
}
