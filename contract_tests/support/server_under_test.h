// The server the contract suite checks, chosen once per run:
//  - mock mode (default): a fresh ocp-mock on a free port, serving the bundled fixtures; the
//    fixture files also tell the suite what the list cannot show (task type, hosts, createTime);
//  - live mode (OCP_BASE_URL set): that server, with OCP_USER/OCP_PASSWORD as Basic credentials.
//    Read-only: only GET requests. The data is learned from the server's own list.
// Either way the suite checks the contract of one OCP version, OCP_VERSION (default: the newest;
// in live mode main.cc runs the suite once per version when it is unset): that version's
// schemas (schemas/versions/), error codes and messages, and authentication schemes. The mock is
// started with --ocp-version OCP_VERSION.
//
// Every response fetched through Fetch() is validated against the schema for its status
// (task-list-response for a 200 list, error-envelope otherwise), and a violation fails the test.
// With OCP_DUMP_ANSWERS=FILE every body checked here, and every body the check library judges
// (compat::Conforms), is also appended to FILE with Valijson's verdict, for a second validator
// (answer_dump.h).
//
// With OCP_PROXY_COMMAND in mock mode, the suite's HTTP goes through a validation proxy started
// in front of the mock, and the proxy's verdict on every answer is checked too (proxy_check.h).
// Tests that start an ocp-mock of their own talk to it directly.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "contract_tests/support/answer_dump.h"
#include "mock/core/status.h"
#include "mock/json/schema_set.h"
#include "mock/versions/profile.h"
#include "tools/client/contract_rules.h"
#include "tools/client/http_client.h"

namespace contract {

// A task as the suite knows it: what the list shows, plus (mock mode only) fixture truth.
struct KnownTask {
  int64_t id = 0;
  std::string name;
  std::string status;
  std::optional<int64_t> cluster_id;
  std::string cluster_name;
  std::optional<int64_t> tenant_id;
  std::string tenant_name;
  std::optional<int64_t> start_ms;
  std::optional<int64_t> finish_ms;
  // Known only from fixtures (mock mode).
  std::optional<std::string> type;
  std::optional<int64_t> create_ms;
  std::vector<int64_t> host_ids;
};

struct Fetched {
  HttpResult http;
  rapidjson::Document json;  // null when the body is not JSON
};

class ServerUnderTest {
 public:
  // Set up on first use; ends the run with a message if the server is unusable.
  static ServerUnderTest& Get();
  // Stops the mock (mock mode). Called once, after the last test.
  static void Shutdown();

  bool live() const { return live_; }
  bool knows_fixture_truth() const { return !live_; }

  // GET `target`; validates the body against its schema (a violation is a test failure; in a
  // live run that is not strict, properties beyond the documented ones are observations).
  Fetched Fetch(const std::string& target, const std::string& method = "GET") const;

  // Checks `body` against `schema` as Fetch does; `where` names the request in messages, and
  // `origin` the request in OCP_DUMP_ANSWERS's lines, when known.
  void CheckBody(const std::string& schema, const std::string& where, const std::string& body,
                 const AnswerOrigin& origin = {}) const;

  // Every task the server lists (live mode: at most the first kLiveTaskLimit), id descending.
  const std::vector<KnownTask>& tasks() const { return tasks_; }
  // True when tasks() holds every task the server has.
  bool complete() const { return complete_; }

  // All ids a query lists, following its pages with size=2000 (bounded as tasks() is).
  std::vector<int64_t> AllIds(const std::string& query) const;

  const mock::json::SchemaSet& schemas() const { return *schemas_; }
  // The OCP version whose contract is checked, and its profile.
  const std::string& version() const { return profile_.version; }
  const mock::versions::Profile& profile() const { return profile_; }
  const HttpClient& client() const { return *client_; }
  // "Authorization: Basic ...\r\n" with the suite's credentials, or "" when it has none.
  std::string AuthorizationLine() const;
  const std::string& base_url() const { return client_->base_url(); }

  static constexpr size_t kLiveTaskLimit = 10000;

  // The bundled schemas of the default (newest) version, for tools that do not set up a server
  // under test (ocp-load) and for the README's examples.
  static const mock::json::SchemaSet& SchemaSetForTools();

 public:
  ~ServerUnderTest();

 private:
  ServerUnderTest();
  void Learn();
  // Appends an answer to OCP_DUMP_ANSWERS with Valijson's strict verdict: `strict` when the
  // caller has it, else validated here.
  void Dump(std::string_view schema, std::string_view where, std::string_view body,
            const AnswerOrigin& origin, const std::vector<mock::json::Violation>* strict) const;
  // compat::ConformsObserver: the check library's answers into the dump.
  static void DumpConformed(const std::string& request, long status, std::string_view schema,
                            std::string_view body);

  bool live_ = false;
  bool complete_ = true;
  mock::versions::Profile profile_;
  std::unique_ptr<mock::json::SchemaSet> schemas_;
  std::unique_ptr<class MockProcess> process_;
  std::unique_ptr<class ProxyUnderTest> proxy_;  // OCP_PROXY_COMMAND; stopped before the mock
  std::unique_ptr<HttpClient> client_;
  std::unique_ptr<AnswerDump> dump_;  // OCP_DUMP_ANSWERS; null when unset
  std::vector<KnownTask> tasks_;
};

// The schemas folder the suite uses: OCP_SCHEMAS_DIR, or the bundled one.
std::string SchemasRoot();
// OCP_VERSION, or the newest known version.
std::string VersionUnderTest();

// Checks an error answer against the version under test: HTTP `status`, the error-envelope
// schema, the catalogue's code for `kind`, and a message that is the catalogue's (placeholders
// stand for any text, and a sentence of detail may follow). Non-fatal failures.
void ExpectErrorOf(const HttpResult& r, long status, mock::ocp::ErrorKind kind);
// The catalogue's code for `kind` in the version under test, as text ("4001", "TSK10001").
std::string CodeOf(mock::ocp::ErrorKind kind);

}  // namespace contract
