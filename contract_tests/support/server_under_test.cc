#include "contract_tests/support/server_under_test.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <regex>
#include <set>
#include <stdexcept>

#include "contract_tests/support/provenance.h"
#include "contract_tests/support/proxy_check.h"
#include "mock/json/json.h"
#include "mock/loader/fixture_loader.h"
#include "mock/model/task.h"
#include "tools/client/contract_rules.h"
#include "tools/client/mock_process.h"
#include "tools/client/tolerant_reader.h"
#include "tools/compat/judging.h"

namespace contract {
namespace {

const char kListPath[] = "/api/v2/tasks/instances";

std::optional<std::string> Env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::optional<std::string>(v) : std::nullopt;
}

std::optional<int64_t> Millis(const rapidjson::Value& obj, const char* key) {
  auto text = mock::json::GetString(obj, key);
  if (!text) return std::nullopt;
  auto ts = mock::model::ParseTimestamp(*text);
  return ts ? std::optional<int64_t>(ts->epoch_ms) : std::nullopt;
}

KnownTask FromListItem(const rapidjson::Value& t) {
  using mock::json::Find;
  using mock::json::GetInt64;
  using mock::json::GetString;
  KnownTask k;
  k.id = GetInt64(t, "id").value_or(0);
  k.name = std::string(GetString(t, "name").value_or(""));
  k.status = std::string(GetString(t, "status").value_or(""));
  if (const auto* c = Find(t, "cluster")) {
    k.cluster_id = GetInt64(*c, "id");
    k.cluster_name = std::string(GetString(*c, "name").value_or(""));
  }
  if (const auto* n = Find(t, "tenant")) {
    k.tenant_id = GetInt64(*n, "id");
    k.tenant_name = std::string(GetString(*n, "name").value_or(""));
  }
  k.start_ms = Millis(t, "startTime");
  k.finish_ms = Millis(t, "finishTime");
  return k;
}

// A list answer's `data.contents`, or nullptr when it has none (checked: servers can be broken).
const rapidjson::Value* ListContents(const Fetched& f) {
  const auto* data = mock::json::Find(f.json, "data");
  const auto* contents = data != nullptr ? mock::json::Find(*data, "contents") : nullptr;
  return contents != nullptr && contents->IsArray() ? contents : nullptr;
}

int64_t TotalElements(const Fetched& f) {
  const auto* data = mock::json::Find(f.json, "data");
  const auto* page = data != nullptr ? mock::json::Find(*data, "page") : nullptr;
  return page != nullptr ? mock::json::GetInt64(*page, "totalElements").value_or(0) : 0;
}

}  // namespace

namespace {
std::unique_ptr<ServerUnderTest>& Instance() {
  static std::unique_ptr<ServerUnderTest> instance;
  return instance;
}
}  // namespace

ServerUnderTest& ServerUnderTest::Get() {
  if (!Instance()) {
    try {
      Instance().reset(new ServerUnderTest());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "contract suite: cannot set up the server under test: %s\n", e.what());
      std::exit(1);
    }
  }
  return *Instance();
}

void ServerUnderTest::Shutdown() { Instance().reset(); }

// The check library's judged answers (compat::Conforms), for OCP_DUMP_ANSWERS: "GET /path?query
// (content type)" read back into method and target.
void ServerUnderTest::DumpConformed(const std::string& request, long status,
                                    std::string_view schema, std::string_view body) {
  const size_t space = request.find(' ');
  const size_t end = space == std::string::npos ? space : request.find(' ', space + 1);
  AnswerOrigin origin{
      .method = request.substr(0, space),
      .target = space == std::string::npos ? "" : request.substr(space + 1, end - space - 1),
      .status = status};
  Get().Dump(schema, "the check library: " + request, body, origin, nullptr);
}

const mock::json::SchemaSet& ServerUnderTest::SchemaSetForTools() {
  return NewestSchemaSet(std::string(OCPMOCK_SOURCE_DIR) + "/schemas");
}

ServerUnderTest::~ServerUnderTest() = default;

std::string SchemasRoot() {
  return Env("OCP_SCHEMAS_DIR").value_or(std::string(OCPMOCK_SOURCE_DIR) + "/schemas");
}

std::string VersionUnderTest() {
  if (auto v = Env("OCP_VERSION")) return *v;
  auto known = mock::versions::KnownVersions(SchemasRoot());
  return known.empty() ? "" : known.back();
}

ServerUnderTest::ServerUnderTest() {
  auto profile = mock::versions::LoadProfile(SchemasRoot(), VersionUnderTest());
  if (!profile.ok()) throw std::runtime_error(profile.status().message());
  profile_ = std::move(profile).value();
  auto schemas = mock::json::SchemaSet::Load(profile_.schema_dirs);
  if (!schemas.ok()) throw std::runtime_error(schemas.status().message());
  schemas_ = std::make_unique<mock::json::SchemaSet>(std::move(schemas).value());
  if (auto file = Env("OCP_DUMP_ANSWERS")) {
    std::vector<std::string> dirs;
    for (const auto& dir : profile_.schema_dirs)
      dirs.push_back(std::filesystem::absolute(dir).string());
    dump_ = std::make_unique<AnswerDump>(*file, profile_.version, std::move(dirs));
    compat::ObserveConforms(&DumpConformed);
  }
  if (auto base = Env("OCP_BASE_URL")) {
    live_ = true;
    SetLiveRun(true);
    client_ = std::make_unique<HttpClient>(*base, Env("OCP_USER"), Env("OCP_PASSWORD"));
    client_->set_language(Env("OCP_LANGUAGE").value_or("en-US"));
  } else {
    // A frozen clock: tasks move only when a test advances time, so what the suite learned
    // stays true while it runs.
    process_ = std::make_unique<MockProcess>(
        OCPMOCK_BINARY,
        std::vector<std::string>{"--fixtures", std::string(OCPMOCK_SOURCE_DIR) + "/fixtures",
                                 "--time-scale", "0", "--schemas", SchemasRoot(), "--ocp-version",
                                 profile_.version});
    std::string url = process_->base_url();
    if (auto proxy = Env("OCP_PROXY_COMMAND")) {
      proxy_ = std::make_unique<ProxyUnderTest>(*proxy, url);
      std::printf("contract suite: through the validation proxy %s (%s), in front of %s\n",
                  proxy_->base_url().c_str(), proxy->c_str(), url.c_str());
      url = proxy_->base_url();
    }
    client_ =
        std::make_unique<HttpClient>(url, std::string(kAdminUser), std::string(kAdminPassword));
  }
  if (live_ && Env("OCP_PROXY_COMMAND")) {
    std::printf("contract suite: OCP_PROXY_COMMAND is for mock mode; not used against %s\n",
                client_->base_url().c_str());
  }
  std::printf("contract suite: OCP %s contract, %s mode against %s\n", profile_.version.c_str(),
              live_ ? "live" : "mock", client_->base_url().c_str());
  Learn();
}

Fetched ServerUnderTest::Fetch(const std::string& target, const std::string& method) const {
  Fetched f{client_->Send(method, target), {}};
  if (f.http.status == 0) {
    ADD_FAILURE() << method << " " << target << ": " << f.http.transport_error;
    return f;
  }
  if (method == "HEAD") return f;
  EXPECT_EQ(0u, f.http.headers["content-type"].rfind("application/json", 0))
      << method << " " << target << " answered Content-Type '" << f.http.headers["content-type"]
      << "'";
  CheckBody(SchemaFor(method, target, f.http.status),
            method + " " + target + " (HTTP " + std::to_string(f.http.status) + ")", f.http.body,
            AnswerOrigin{.method = method, .target = target, .status = f.http.status});
  auto doc = mock::json::ParseJson(f.http.body);
  if (doc.ok()) {
    f.json = std::move(doc).value();
    auto status = mock::json::GetInt64(f.json, "status");
    EXPECT_EQ(f.http.status, status.value_or(-1)) << "envelope status differs from HTTP status";
  }
  return f;
}

void ServerUnderTest::CheckBody(const std::string& schema, const std::string& where,
                                const std::string& body, const AnswerOrigin& origin) const {
  std::vector<mock::json::Violation> violations;
  // A live server's extra properties are the kMock rule "documented fields only": observations,
  // each path once per run, or failures under OCP_STRICT=1; the rest is OCP's schema.
  if (live_) {
    TolerantReading reading = ReadTolerantly(*schemas_, schema, body);
    violations = std::move(reading.violations);
    static std::mutex mutex;
    static std::set<std::string> reported;  // each path once per run
    for (const ExtraField& extra : reading.extras) {
      {
        std::lock_guard lock(mutex);
        if (!reported.insert(schema + extra.path).second) continue;
      }
      Observe("the documented fields only (" + schema + ".schema.json)",
              where + ": " + extra.path + " is not documented (e.g. " + extra.example + ")");
    }
  } else {
    violations = schemas_->ValidateText(schema, body);
  }
  // The strict verdict: the test's own in mock mode; a second one in a live run.
  if (dump_) Dump(schema, where, body, origin, live_ ? nullptr : &violations);
  CheckRule(Source::kDoc, "docs/reference/ocp-task-api.md: the documented fields, types and enums",
            violations.empty(),
            where + " breaks " + schema + ".schema.json: " + mock::json::Describe(violations));
}

void ServerUnderTest::Dump(std::string_view schema, std::string_view where, std::string_view body,
                           const AnswerOrigin& origin,
                           const std::vector<mock::json::Violation>* strict) const {
  std::vector<mock::json::Violation> found;
  if (strict == nullptr) {
    found = schemas_->ValidateText(schema, body);
    strict = &found;
  }
  const std::string first = strict->empty() ? "" : mock::json::Describe({strict->front()});
  dump_->Record(JudgedAnswer{.origin = origin,
                             .schema = schema,
                             .where = where,
                             .violations = strict->size(),
                             .first = first,
                             .body = body});
}

std::string ServerUnderTest::AuthorizationLine() const {
  auto user = live_ ? Env("OCP_USER") : std::optional<std::string>(kAdminUser);
  if (!user) return "";
  std::string credentials =
      *user + ":" + (live_ ? Env("OCP_PASSWORD").value_or("") : std::string(kAdminPassword));
  std::string encoded(4 * ((credentials.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                          reinterpret_cast<const unsigned char*>(credentials.data()),
                          static_cast<int>(credentials.size()));
  encoded.resize(static_cast<size_t>(n));
  return "Authorization: Basic " + encoded + "\r\n";
}

std::vector<int64_t> ServerUnderTest::AllIds(const std::string& query) const {
  std::vector<int64_t> ids;
  for (int page = 1; ids.size() < kLiveTaskLimit; ++page) {
    Fetched f =
        Fetch(std::string(kListPath) + "?" + query + "&size=2000&page=" + std::to_string(page));
    // Read with checked accessors: a broken server must fail the test, not crash the suite.
    const auto* contents = ListContents(f);
    if (f.http.status != 200 || contents == nullptr || contents->Empty()) break;
    for (const auto& t : contents->GetArray())
      ids.push_back(mock::json::GetInt64(t, "id").value_or(0));
    if (static_cast<int64_t>(ids.size()) >= TotalElements(f)) break;
  }
  return ids;
}

void ServerUnderTest::Learn() {
  int64_t total = 0;
  for (int page = 1; tasks_.size() < kLiveTaskLimit; ++page) {
    Fetched f = Fetch(std::string(kListPath) + "?size=2000&page=" + std::to_string(page));
    const auto* contents = ListContents(f);
    if (f.http.status != 200 || contents == nullptr) {
      throw std::runtime_error("listing tasks failed with HTTP " + std::to_string(f.http.status) +
                               ": " + f.http.body.substr(0, 300));
    }
    total = TotalElements(f);
    for (const auto& t : contents->GetArray()) tasks_.push_back(FromListItem(t));
    if (contents->Empty() || static_cast<int64_t>(tasks_.size()) >= total) break;
  }
  complete_ = static_cast<int64_t>(tasks_.size()) == total;
  if (live_) return;
  auto fixtures =
      mock::fixtures::LoadTaskFixtures(OCPMOCK_SOURCE_DIR "/fixtures", *schemas_, profile_.version);
  if (!fixtures.ok()) throw std::runtime_error(fixtures.status().message());
  std::map<int64_t, const mock::model::Task*> by_id;
  for (const auto& t : fixtures.value()) by_id[t.id] = &t;
  for (KnownTask& k : tasks_) {
    const mock::model::Task* t = by_id.at(k.id);
    k.type = std::string(mock::model::ToString(t->type));
    if (t->create_time) k.create_ms = t->create_time->epoch_ms;
    k.host_ids = t->host_ids;
  }
}

std::string CodeOf(mock::ocp::ErrorKind kind) {
  return ServerUnderTest::Get().profile().errors.Lookup(kind).CodeText();
}

void ExpectErrorOf(const HttpResult& r, long status, mock::ocp::ErrorKind kind) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  CheckRule(Source::kDoc, "docs/reference/ocp-task-api.md: the HTTP status of each error",
            status == r.status,
            "expected HTTP " + std::to_string(status) + "; came " + std::to_string(r.status) +
                ": " + mock::Excerpt(r.body));
  server.CheckBody("error-envelope", "an error answer", r.body, AnswerOrigin{.status = r.status});
  auto doc = mock::json::ParseJson(r.body);
  if (!doc.ok() || !doc.value().IsObject() || !doc.value().HasMember("error")) {
    ADD_FAILURE() << "not an error envelope: " << r.body;
    return;
  }
  const auto& error = doc.value()["error"];
  const auto& code = error["code"];
  std::string text = code.IsString() ? code.GetString() : std::to_string(code.GetInt64());
  const mock::ocp::CatalogEntry& expected = server.profile().errors.Lookup(kind);
  CheckRule(Source::kDoc,
            "docs/reference/ocp-task-api.md: the error codes of OCP " + server.version(),
            expected.CodeText() == text,
            "expected /error/code " + expected.CodeText() + "; came " + text + " in " +
                mock::Excerpt(r.body));
  std::string message =
      error.HasMember("message") && error["message"].IsString() ? error["message"].GetString() : "";
  // Messages are free text, in the server's language: codes are the contract.
  CheckRule(Source::kMock, "the catalogue's English message text",
            MessageFits(expected.message, message),
            "OCP " + server.version() + " documents /error/message \"" + expected.message +
                "\"; came \"" + message + "\"");
}

}  // namespace contract
