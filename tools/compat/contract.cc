// A version's contract for ocp-compat (checks.h): loading it, and whether one is within another;
// and whether a server can be checked against any contract at all (CouldNotCheck, Probe::Run).
#include <cctype>

#include "mock/json/schema_set.h"
#include "mock/versions/profile.h"
#include "tools/compat/checks.h"

namespace compat {
namespace {

contract::HttpClient ClientFor(const Target& target) {
  contract::HttpClient client(target.base_url, target.user, target.password);
  client.set_language(target.language);
  return client;
}

// How an authenticated request was answered, for the verdict "could not check".
enum class Gate { kServed, kRefused, kHtml };

Gate Classify(const contract::HttpResult& r) {
  if (r.status == 401 || r.status == 403) return Gate::kRefused;
  auto type = r.headers.find("content-type");
  if (type != r.headers.end() && type->second.find("text/html") != std::string::npos) {
    return Gate::kHtml;
  }
  for (char c : r.body) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    return c == '<' ? Gate::kHtml : Gate::kServed;
  }
  return Gate::kServed;
}

}  // namespace

mock::Status CouldNotCheck(const Target& target) {
  if (!target.user) {
    return mock::Unauthenticated(
        "could not check: no credentials: give --user and --password (or OCP_USER and "
        "OCP_PASSWORD); every check but no-credentials reads with them");
  }
  const contract::HttpClient client = ClientFor(target);
  const std::string first = "/api/v2/tasks/instances?size=1";
  const contract::HttpResult a = client.Send("GET", first);
  if (a.status == 0) {
    return mock::Unavailable("could not check: unreachable: GET " + client.base_url() + first +
                             ": no answer: " + a.transport_error);
  }
  const Gate gate = Classify(a);
  if (gate == Gate::kServed) return {};
  // A second family, so that a user who may read the clusters but not the tasks (403 on tasks
  // only) is still checked; no more than two requests with credentials that are refused, since
  // a real OCP may lock an account after repeated failed logins.
  const std::string second = "/api/v2/ob/clusters?size=1";
  const contract::HttpResult b = client.Send("GET", second);
  if (b.status == 0 || Classify(b) == Gate::kServed) return {};
  const std::string both = "GET " + client.base_url() + first + " and GET " + second;
  if (gate == Gate::kRefused) {
    const std::string status = std::to_string(a.status);
    return mock::Unauthenticated("could not check: authentication refused (HTTP " + status + "): " +
                                 both + " answered " + status + " with the credentials given" +
                                 (a.status == 403 ? " (the user may not read them)" : "") +
                                 "; check --user and --password (or OCP_USER and OCP_PASSWORD)");
  }
  return mock::FailedPrecondition("could not check: HTML where OCP's JSON API should be: " + both +
                                  " answered an HTML page " + "(HTTP " + std::to_string(a.status) +
                                  "); is --base-url the OCP server's own address?");
}

mock::StatusOr<Probe> Probe::Run(const Target& target) {
  if (mock::Status why = CouldNotCheck(target); !why.ok()) return why;
  contract::HttpClient client = ClientFor(target);
  // The list rules' requests come first: their first tells whether the server still answers.
  auto list_rules = ListRules::Run(client);
  if (!list_rules.ok()) return list_rules.status();
  Probe probe(std::move(client), target.strict, std::move(list_rules).value());
  probe.SendRequests(target);
  return probe;
}

mock::StatusOr<Contract> LoadContract(const std::filesystem::path& schemas_root,
                                      std::string_view version) {
  auto profile = mock::versions::LoadProfile(schemas_root, version);
  if (!profile.ok()) return profile.status();
  Contract c;
  c.profile = std::move(profile).value();
  auto schemas = mock::json::SchemaSet::Load(c.profile.schema_dirs);
  if (!schemas.ok()) return schemas.status();
  c.schemas = std::make_shared<const mock::json::SchemaSet>(std::move(schemas).value());
  for (const char* name : kResponseSchemas) {
    auto outline = OutlineOf(c.profile.schema_dirs, name);
    if (!outline.ok()) return outline.status();
    c.outlines[name] = std::move(outline).value();
  }
  return c;
}

bool WithinContract(const Contract& narrow, const Contract& wide, bool messages,
                    const Unjudged& unjudged) {
  if (!unjudged.ak_sk && wide.profile.ak_sk && !narrow.profile.ak_sk) return false;
  if (wide.profile.api_status && !narrow.profile.api_status) return false;
  if (wide.profile.info_and_time && !narrow.profile.info_and_time) return false;
  for (size_t k = 0; k < mock::ocp::kErrorKindCount; ++k) {
    auto kind = static_cast<mock::ocp::ErrorKind>(k);
    const auto& a = narrow.profile.errors.Lookup(kind);
    const auto& b = wide.profile.errors.Lookup(kind);
    if (messages ? !(a == b) : a.CodeText() != b.CodeText()) return false;
  }
  for (const auto& [name, outline] : narrow.outlines) {
    if (unjudged.schemas.count(name) != 0) continue;
    if (!WithinOutline(outline, wide.outlines.at(name))) return false;
  }
  return true;
}

}  // namespace compat
