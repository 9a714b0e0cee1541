// The OCP API the mock serves, as a pure function from a decoded request to a response (no
// sockets): the route table (route_table.cc) answered through one pipeline.
//
//   Api api(options, store, clock, &authenticator);   // authenticator nullptr: --no-auth
//   http::Response r = api.Handle(http::MakeRequest("GET", "/api/v2/tasks/instances").value());
//
// Every response is JSON in OCP's envelope, but for the few OCP endpoints documented without it.
// HEAD is GET without the body; OPTIONS answers `Allow` without credentials. A browser's request
// that changes state without `X-OCP-Mock-UI: 1` is refused first (403, browser_guard.h), on
// every path. For OCP's paths (everything outside /__mock/): credentials are checked first (401),
// then the route (404, or 405 with `Allow`), then the permission (403), then the user's rate limit
// (429), then the path ids and the handler's parameters (400). The /__mock/ control routes need no
// credentials. Anything unexpected is a 500 that names no internals (the detail is logged). Every
// answer under /__mock/ui (the page, mock/ui/) carries the page's security headers, errors
// included. Every request outside /__mock/ is recorded in the request journal (journal.h),
// answered or refused.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock/api/openapi_endpoint.h"
#include "mock/api/route_table.h"
#include "mock/auth/authenticator.h"
#include "mock/auth/throttle.h"
#include "mock/control/control_plane.h"
#include "mock/faults/fault_rules.h"
#include "mock/http/service.h"
#include "mock/journal/journal.h"
#include "mock/json/schema_set.h"
#include "mock/quirks/body_quirks.h"
#include "mock/quirks/quirks.h"
#include "mock/reply/envelope.h"
#include "mock/reply/router.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

struct ApiOptions {
  // The envelope's `server` field.
  std::string server_name = "ocp-mock";
  // The OCP version's error codes and messages (its profile's).
  ocp::ErrorCatalog errors = {};
  // The same in the server's default language, Chinese (the language quirk).
  ocp::ErrorCatalog errors_zh = {};
  // Requests the journal keeps; older ones are dropped. 0 keeps none.
  size_t journal_size = 10000;
  // The OCP version played (GET /__mock/health, GET /api/v2/info), and whether it has
  // GET /api/status (its profile's).
  std::string ocp_version = "4.2.2";
  bool api_status = true;
  // Whether it serves the arbitration services (its profile's `arbitration`; 4.2.1 and 4.2.2).
  bool arbitration = true;
  // An origin ("https://tool.example", or "*") whose pages may call the mock: CORS headers on
  // every answer and on OPTIONS preflights. Empty: no CORS headers.
  std::string cors_origin = {};
  // What control requests' bodies (fault rules, tasks) are checked against; must outlive the
  // Api. nullptr: those requests are refused.
  const json::SchemaSet* schemas = nullptr;
  // Seeds the fault rules' generators (--seed), and the rules loaded at start-up (--faults),
  // which a reset puts back.
  uint64_t seed = 0;
  std::vector<faults::FaultRule> faults = {};
  // Where the fixtures and users came from, for reloads; nullopt: reloads are refused.
  std::optional<FixtureSource> source = std::nullopt;
  // What a real deployment does where OCP's docs are silent, played on request (quirks.h).
  Quirks quirks = {};
  // /__mock/ needs a TASK_MANAGER user's credentials (set when the server listens beyond
  // loopback: anyone who reaches it could otherwise change tasks and inject faults), but for
  // the readiness probe /__mock/health, which discloses nothing and a container's health check
  // must reach.
  bool control_needs_credentials = false;
  // The clusters, tenants and hosts served (entity_store.h); must outlive the Api. nullptr: the
  // Api keeps an empty store of its own.
  entities::EntityStore* entities = nullptr;
  // The rows of the families with data of their own (LoadFamilyData, route_table.h); a family
  // absent serves none.
  FamilyData family_data = {};
};

class Api : public http::Service {
 public:
  // `store`, `clock` and `authenticator` must outlive the Api. No authenticator: every request
  // is served as if sent by a user with every permission and no rate limit.
  Api(ApiOptions options, tasks::TaskStore& store, tasks::MockClock& clock,
      auth::Authenticator* authenticator);

  http::Response Handle(const http::Request& request) const override;
  http::Response Reject(const Status& status) const override;

  const journal::Journal& journal() const { return journal_; }
  faults::FaultRules& faults() const { return faults_; }
  // Reads the fixtures and users again (SIGHUP): a line for the log, or why nothing changed.
  StatusOr<std::string> Reload() const { return control_.ReloadNow(); }

 private:
  // What the journal records of a request besides the request and the response.
  struct Outcome {
    bool control = false;  // a /__mock/ path: not journaled
    std::shared_ptr<const auth::User> user = nullptr;
    std::string error_code;
    std::optional<faults::Firing> fault = std::nullopt;
  };

  // The steps of the pipeline; a failure at any step is the answer.
  http::Response Respond(const http::Request& request, const RequestContext& context,
                         Outcome& outcome) const;
  http::Response Fail(const RequestContext& context, const Status& failure, Outcome& outcome) const;
  const ocp::ErrorCatalog* LanguageOf(const http::Request& request) const;
  BodyQuirkContext BodyQuirksFor(const http::Request& request) const;
  http::Response Options(const http::Request& request, const RequestContext& context,
                         Outcome& outcome) const;
  std::optional<http::Response> Fault(const http::Request& request, const RequestContext& context,
                                      Outcome& outcome) const;
  void AddCors(const http::Request& request, http::Response& response) const;
  // `control`: a control-plane change (ChangesTheMock), journaled as such.
  void Record(const http::Request& request, const http::Response& response,
              const RequestContext& context, const Outcome& outcome, bool control) const;
  static bool ChangesTheMock(const http::Request& request);
  StatusOr<Reply> Admitted(const http::Request& request, const RouteMatch& match,
                           const auth::User* user, auth::Throttle::Decision& decision) const;
  static StatusOr<Reply> Invoke(const http::Request& request, const RouteMatch& match,
                                const auth::User* user);

  EnvelopeSettings envelope_;
  ocp::ErrorCatalog errors_zh_;
  Quirks quirks_;
  bool control_needs_credentials_;
  mutable std::atomic<uint64_t> answers_{0};  // seeds the subtask-order quirk's shuffles
  uint64_t seed_;
  std::string options_cors_;
  auth::Authenticator* authenticator_;
  mutable journal::Journal journal_;
  mutable auth::Throttle throttle_;
  mutable faults::FaultRules faults_;
  std::unique_ptr<entities::EntityStore> own_entities_;  // when ApiOptions gave none
  entities::EntityStore& entities_;
  Families families_;        // the OCP API families (route_table.cc lists them)
  ControlPlane control_;     // /__mock/
  OpenApiEndpoint openapi_;  // GET /__mock/openapi.json, describing families_ and control_
  Router router_;
  mutable TraceIds trace_ids_;
};

}  // namespace mock::api
